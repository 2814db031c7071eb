"""Batch production: a whole evaluation round (or a folder of dossiers) in one call.

The library form of ``ocop-docs batch`` (issue #5); see docs/batch.md. Stages:

1. **Planning** (:func:`~ocop_docs.production.planning.plan_batch`): what to make, from what, under
   which names; bad input rows become failed items; nothing is overwritten unasked.
2. **Rendering** (:class:`Producer`): in ``jobs`` processes (forked where possible, so they
   share the prepared templates and the round context, built once); each document is
   written atomically. With ``resume``, a document is skipped when the previous manifest
   has the same fingerprint (a hash of the template and of exactly the data the template
   reads) and the file still has its recorded hash.
3. **Conversion** (``pdf``): a pool of warm LibreOffice workers
   (:class:`~ocop_docs.production.pool.ConverterPool`).
4. **Bundling** (``bundle``): one PDF with one bookmark per document, nested by kind
   (:func:`~ocop_docs.production.bundling.make_bundle`).

``OUTDIR/manifest.json`` (:mod:`ocop_docs.production.manifest`) is rewritten as items
finish, and once more when the batch ends or is interrupted. Nothing here prints or exits:
progress goes to an optional callback, and the result is a :class:`BatchResult`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue, OcopError
from ocop_docs.files import atomic_write_bytes
from ocop_docs.production.contexts import KINDS, build_context, certificate_context, round_context
from ocop_docs.production.environment import PathDict
from ocop_docs.production.manifest import (
    ItemRecord,
    Manifest,
    OutputRecord,
    sha256_bytes,
    write_manifest,
)
from ocop_docs.production.planning import (
    DEFAULT_KINDS,
    REPORT_KIND,
    REPORT_TITLE,
    ROUND_DATES,
    ROW_KIND,
    BatchOptionError,
    BatchOptions,
    Plan,
    PlanItem,
    allowed_kinds,
    built_from_round_file,
    detect_batch_input,
    error_json,
    issue_error,
    issue_json,
    plan_batch,
    round_from_data,
    sweep_temporary,
)
from ocop_docs.production.pool import interruptible
from ocop_docs.production.prepared import PreparedTemplate, wrap_shared
from ocop_docs.text.official import require_date

CHECKPOINT_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress event: ``done`` of ``total`` in ``stage`` ("render", "pdf", "bundle")."""

    stage: str
    done: int
    total: int
    item: str | None = None
    status: str | None = None


ProgressCallback = Callable[[Progress], None]


# --- producing one item -------------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    """What a worker did for one item; ``convert``: the .docx still needs its PDF."""

    record: ItemRecord
    convert: bool = False
    invalid_dossier: bool = False


class Producer:
    """Makes the documents of a plan, one item at a time, with per-process caches."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._round_ctx: dict[str, Any] | None = None
        self._wrapped: dict[str, Any] = {}  # wrapped values of the round context, by key
        self._digests: dict[str, str] = {}

    # -- contexts --

    def warm(self) -> None:
        """Build what the items share (before workers are forked, so they share it too)."""
        if self.plan.round is None:
            return
        for kind in ROUND_DATES:
            template = self.plan.templates.get(kind)
            if template is not None:
                base = self._round_context()
                names = template.variables if template.variables is not None else base
                wrap_shared({k: base[k] for k in names if k in base}, base, self._wrapped)

    def _round_context(self) -> dict[str, Any]:
        if self._round_ctx is None:
            assert self.plan.round is not None
            self._round_ctx = round_context(self.plan.round)
        return self._round_ctx

    def context(self, item: PlanItem) -> tuple[Mapping[str, Any], dt.datetime | None, list[Issue]]:
        """The context of ``item`` (round documents already wrapped), its date, warnings.

        The round's documents share one round context, built and wrapped once per process
        (hundreds of certificates; round warnings are listed once, globally); the date
        each carries is the one :func:`~ocop_docs.production.contexts.build_context` gives it (tests
        compare the bytes with ``ocop-docs render``). Other kinds go through
        ``build_context`` itself.
        """
        plan = self.plan
        rnd = plan.round
        if item.kind in ROUND_DATES and rnd is not None:
            data = rnd.data or {}
            base = self._round_context()
            ctx: Mapping[str, Any] = base
            if item.kind == "giay-chung-nhan":
                assert item.product is not None
                ctx = certificate_context(rnd, base, rnd.product(item.product))
            day = require_date(ROUND_DATES[item.kind](data))
            names = plan.templates[item.kind].variables
            wrapped = wrap_shared(ctx, base, self._wrapped, names)
            return wrapped, dt.datetime(day.year, day.month, day.day), []
        if built_from_round_file(item):
            assert plan.round_file is not None
            built = build_context(item.kind, plan.round_file, product=item.product)
            return built.context, built.when, []
        assert item.dossier is not None  # a dossier kind: from the dossier itself
        built = build_context(item.kind, item.dossier)
        return built.context, built.when, list(built.warnings)

    def fingerprint(
        self, template: PreparedTemplate, ctx: Mapping[str, Any], when: dt.datetime | None
    ) -> str:
        """A hash of the template and of exactly the data it reads."""
        digest = hashlib.sha256()
        head = [template.sha256, self.plan.options.draft, when.isoformat() if when else None]
        digest.update(json.dumps(head).encode())
        names = template.variables if template.variables is not None else ctx.keys()
        for name in sorted(names):
            value = ctx.get(name)
            if value is not None and self._wrapped.get(name) is value:
                part = self._digests.get(name)
                if part is None:
                    part = self._digests[name] = _digest(value)
            else:
                part = _digest(value)
            digest.update(f"{name}={part};".encode())
        return digest.hexdigest()

    # -- items --

    def produce(self, index: int) -> Outcome:
        item = self.plan.items[index]
        lang = self.plan.options.lang
        record = ItemRecord(
            id=item.id,
            kind=item.kind,
            title=item.title,
            status="ok",
            product=item.number,
            row=item.row,
            warnings=[issue_json(w, lang) for w in item.warnings],
        )
        try:
            if item.kind == REPORT_KIND:
                return self._report(item, record)
            return self._document(item, record)
        except Exception as exc:  # OcopError: the item's own problem; others: a bug, for
            record.status = "failed"  # this item only (the batch goes on)
            record.error = error_json(exc, lang, item.id)
        return Outcome(record)

    def _document(self, item: PlanItem, record: ItemRecord) -> Outcome:
        plan = self.plan
        outdir = plan.outdir
        template = plan.templates[item.kind]
        ctx, when, warnings = self.context(item)
        record.warnings.extend(issue_json(w, plan.options.lang) for w in warnings)
        record.fingerprint = self.fingerprint(template, ctx, when)
        previous = plan.previous.get(item.id)
        docx = previous.output(".docx") if previous else None
        reuse = (
            previous is not None
            and previous.status != "failed"
            and previous.fingerprint == record.fingerprint
            and docx is not None
            and docx.path == item.docx
            and docx.intact(outdir)
        )
        if reuse and docx is not None:
            record.outputs.append(docx)
        else:
            rendered = template.render(ctx, when=when, wrapped=isinstance(ctx, PathDict))
            _write(outdir / item.docx, rendered.data)
            record.outputs.append(
                OutputRecord(item.docx, sha256_bytes(rendered.data), len(rendered.data))
            )
            if rendered.placeholders:
                record.warnings.append(_draft_warning(rendered.placeholders, plan.options.lang))
        convert = False
        if plan.options.pdf:
            pdf = previous.output(".pdf") if previous and reuse else None
            if pdf is not None and pdf.path == item.pdf and pdf.intact(outdir):
                record.outputs.append(pdf)
                record.attempts = previous.attempts if previous else None
            else:
                convert = True
        if reuse and not convert:
            record.status = "skipped"
        return Outcome(record, convert)

    def _report(self, item: PlanItem, record: ItemRecord) -> Outcome:
        from ocop_docs.validation.pipeline import ValidationRun, validate_dossier
        from ocop_docs.validation.reporters import render_json, render_text

        assert item.dossier is not None
        lang = self.plan.options.lang
        report = validate_dossier(item.dossier)
        run = ValidationRun([report])
        previous = self.plan.previous.get(item.id)
        unchanged = True
        for path, text in (
            (f"{item.id}.txt", render_text(run, lang)),
            (f"{item.id}.json", render_json(run, lang, pretty=True)),
        ):
            data = text.encode("utf-8")
            digest = sha256_bytes(data)
            old = next((o for o in previous.outputs if o.path == path), None) if previous else None
            if old is None or old.sha256 != digest or not old.intact(self.plan.outdir):
                _write(self.plan.outdir / path, data)
                unchanged = False
            record.outputs.append(OutputRecord(path, digest, len(data)))
        record.fingerprint = sha256_bytes(b"".join(o.sha256.encode() for o in record.outputs))
        if not report.valid:
            warning = Issue(
                "batch-dossier-invalid", params={"path": str(item.dossier), "errors": report.errors}
            )
            record.warnings.append(issue_json(warning, lang))
        if unchanged and previous is not None:
            record.status = "skipped"
        return Outcome(record, invalid_dossier=not report.valid)


def _draft_warning(names: list[str], lang: Lang) -> dict[str, Any]:
    text = {
        "vi": "BẢN NHÁP: {n} chỗ thiếu dữ liệu được in dạng [[tên]]: {names}",
        "en": "DRAFT: {n} missing values printed as [[name]]: {names}",
    }[lang]
    return {"code": None, "message": text.format(n=len(names), names=", ".join(names))}


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Write an output of the batch atomically (:func:`~ocop_docs.files.atomic_write_bytes`),
    so an interrupted batch never leaves half a document.

    Documents are not ``fsync``'ed one by one (that doubled the time per certificate);
    durability comes from the manifest instead: ``--resume`` re-checks every output's hash
    and remakes any the system lost.
    """
    try:
        atomic_write_bytes(path, data, durable=False)
    except OSError as exc:
        raise InputError(
            "batch-output-unwritable", path=str(path), reason=exc.strerror or str(exc)
        ) from exc


# --- worker processes ---------------------------------------------------------------------------

_PRODUCER: Producer | None = None
START_METHOD: str | None = None  # None: "fork" where there is one (Linux), else "spawn"


@dataclass(frozen=True, slots=True)
class _Spec:
    """What a spawned worker needs to plan the batch again (the plan itself, with compiled
    templates, does not pickle)."""

    source: Path
    outdir: Path
    options: BatchOptions
    workdir: Path
    previous: Manifest | None


def _init_worker(spec: _Spec | None) -> None:
    """Runs in each render process: the parent stops them; Ctrl-C is the parent's business."""
    global _PRODUCER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if spec is not None:  # "spawn" (Windows, macOS): plan again; "fork" inherits the plan
        workdir = Path(tempfile.mkdtemp(prefix="worker-", dir=spec.workdir))
        plan = plan_batch(
            spec.source, spec.outdir, spec.options, workdir, previous=spec.previous, check=False
        )
        _PRODUCER = Producer(plan)


def _produce(index: int) -> Outcome:
    assert _PRODUCER is not None
    return _PRODUCER.produce(index)


@contextlib.contextmanager
def _outcomes(plan: Plan, jobs: int) -> Iterator[Iterator[Outcome]]:
    """Each item's outcome, in parallel processes when ``jobs`` > 1 (streamed: the parent
    never holds the documents, only their records)."""
    global _PRODUCER
    count = len(plan.items)
    if jobs <= 1 or count <= 1:
        producer = Producer(plan)
        yield (producer.produce(i) for i in range(count))
        return
    methods = multiprocessing.get_all_start_methods()
    method = START_METHOD or ("fork" if "fork" in methods else "spawn")
    context = multiprocessing.get_context(method)
    spec = None
    if method != "fork":
        assert plan.workdir is not None
        spec = _Spec(plan.source, plan.outdir, plan.options, plan.workdir, plan.previous_manifest)
    else:
        # Forked workers inherit the plan, the prepared templates and the round context,
        # built once here; gc.freeze keeps the collector from touching (and so copying)
        # those pages in every worker.
        _PRODUCER = Producer(plan)
        _PRODUCER.warm()
        gc.freeze()
    pool = context.Pool(
        processes=min(jobs, count),
        initializer=_init_worker,
        initargs=(spec,),
    )
    try:
        chunk = max(1, min(32, count // (jobs * 8) or 1))
        yield pool.imap_unordered(_produce, range(count), chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()
        _PRODUCER = None


# --- the run --------------------------------------------------------------------------------------


@dataclass(slots=True)
class BatchResult:
    """What a batch did; ``manifest`` is also in ``OUTDIR/manifest.json``."""

    outdir: Path
    manifest: Manifest
    produced: int = 0
    skipped: int = 0
    failed: int = 0
    pdfs: int = 0
    invalid_dossiers: int = 0
    seconds: float = 0.0
    bundle: Path | None = None
    bundle_pages: int | None = None
    notes: list[str] = field(default_factory=list)
    conversion: dict[str, int] = field(default_factory=dict)

    @property
    def items(self) -> list[ItemRecord]:
        return self.manifest.items

    @property
    def failures(self) -> list[ItemRecord]:
        return [i for i in self.manifest.items if i.status == "failed"]

    @property
    def exit_code(self) -> int:
        """0 everything made; 1 some item failed or some dossier is invalid (architecture §3)."""
        bundle_failed = bool(self.manifest.bundle and self.manifest.bundle.get("error"))
        return 1 if self.failed or self.invalid_dossiers or bundle_failed else 0


class _Recorder:
    """Keeps the manifest up to date on disk while the batch runs."""

    def __init__(self, plan: Plan, started: float) -> None:
        self.plan = plan
        self.started = started
        self.done: dict[str, ItemRecord] = {}
        self.invalid_dossiers = 0
        self._last = 0.0
        options = plan.options
        self.manifest = Manifest(
            input={
                "path": str(plan.source),
                "kind": plan.input_kind,
                "sha256": plan.input_sha256,
            },
            options={
                "kinds": list(plan.kinds),
                "pdf": options.pdf,
                "bundle": options.bundle,
                "draft": options.draft,
                "lang": options.lang,
                "templates_dir": str(options.templates_dir) if options.templates_dir else None,
            },
            templates={
                kind: {"path": str(t.template), "sha256": t.sha256}
                for kind, t in plan.templates.items()
            },
            warnings=[issue_json(w, options.lang) for w in plan.warnings],
        )
        if plan.previous_manifest is not None and plan.previous_manifest.bundle:
            self.manifest.bundle = plan.previous_manifest.bundle

    def add(self, record: ItemRecord) -> None:
        self.done[record.id] = record
        if time.monotonic() - self._last > CHECKPOINT_SECONDS:
            self.write(complete=False)

    def items(self) -> list[ItemRecord]:
        """Failed rows, then the plan's items: finished now, or as the last run left them."""
        out = list(self.plan.failures)
        for item in self.plan.items:
            record = self.done.get(item.id) or self.plan.previous.get(item.id)
            if record is not None:
                out.append(record)
        return out

    def summary(self) -> dict[str, Any]:
        items = self.items()
        return {
            "items": len(items),
            "produced": sum(1 for i in items if i.status == "ok" and i.id in self.done),
            "skipped": sum(1 for i in items if i.status == "skipped" and i.id in self.done),
            "failed": sum(1 for i in items if i.status == "failed"),
            "not_reached": sum(1 for i in self.plan.items if i.id not in self.done),
            "pdfs": sum(1 for i in items for o in i.outputs if o.path.endswith(".pdf")),
            "invalid_dossiers": self.invalid_dossiers,
            "seconds": round(time.monotonic() - self.started, 2),
            "nothing_to_make": list(self.plan.notes),
        }

    def write(self, *, complete: bool) -> None:
        self.manifest.items = self.items()
        self.manifest.summary = self.summary()
        self.manifest.complete = complete
        write_manifest(self.manifest, self.plan.outdir)
        self._last = time.monotonic()


def _emit(progress: ProgressCallback | None, event: Progress) -> None:
    if progress is not None:
        progress(event)


def _render_stage(plan: Plan, recorder: _Recorder, progress: ProgressCallback | None) -> list[str]:
    """Render every item; returns the ids whose .docx still needs a PDF."""
    jobs = plan.options.jobs or os.cpu_count() or 1
    total = len(plan.items)
    to_convert: list[str] = []
    with _outcomes(plan, jobs) as outcomes:
        _emit(progress, Progress("render", 0, total))
        for done, outcome in enumerate(outcomes, start=1):
            recorder.add(outcome.record)
            recorder.invalid_dossiers += int(outcome.invalid_dossier)
            if outcome.convert:
                to_convert.append(outcome.record.id)
            _emit(
                progress, Progress("render", done, total, outcome.record.id, outcome.record.status)
            )
    order = {item.id: n for n, item in enumerate(plan.items)}
    to_convert.sort(key=order.__getitem__)  # LibreOffice gets them in the plan's order
    return to_convert


def _pdf_stage(
    plan: Plan, recorder: _Recorder, ids: list[str], progress: ProgressCallback | None
) -> dict[str, int]:
    from ocop_docs.production.pool import Conversion, ConverterPool

    if not ids:
        return {}
    options = plan.options
    outdir = plan.outdir
    by_id = {item.id: item for item in plan.items}
    jobs = [Conversion(i, outdir / by_id[i].docx, outdir / by_id[i].pdf) for i in ids]
    workers = options.jobs or os.cpu_count() or 1
    _emit(progress, Progress("pdf", 0, len(jobs)))
    with ConverterPool(
        workers, soffice=options.soffice, timeout=options.timeout, batch_size=options.batch_size
    ) as pool:
        for done, result in enumerate(pool.convert(jobs), start=1):
            record = recorder.done[result.key]
            record.attempts = result.attempts
            if result.ok and result.sha256 is not None and result.size is not None:
                record.outputs.append(
                    OutputRecord(by_id[result.key].pdf, result.sha256, result.size, result.pages)
                )
                record.status = "ok"
            else:
                record.status = "failed"
                issue = Issue(result.code or "convert-failed", params=result.params)
                record.error = issue_error([issue], options.lang)
            recorder.add(record)
            _emit(progress, Progress("pdf", done, len(jobs), result.key, record.status))
        stats = pool.stats
        return {
            "starts": stats.starts,
            "kills": stats.kills,
            "crashes": stats.crashes,
            "retries": stats.retries,
        }


def _bundle_stage(plan: Plan, recorder: _Recorder, progress: ProgressCallback | None) -> None:
    from ocop_docs.production.bundling import BundleInfo, BundlePart, make_bundle

    assert plan.bundle_name is not None
    lang = plan.options.lang
    records = {r.id: r for r in recorder.items()}
    parts: list[BundlePart] = []
    order = {kind: n for n, kind in enumerate(plan.kinds)}
    for item in sorted(plan.items, key=lambda i: order[i.kind]):  # nested by kind
        record = records.get(item.id)
        pdf = record.output(".pdf") if record and record.status != "failed" else None
        if pdf is not None:
            group = KINDS[item.kind].title_vi if item.kind in KINDS else REPORT_TITLE[lang]
            parts.append(BundlePart(plan.outdir / pdf.path, item.title, group))
    _emit(progress, Progress("bundle", 0, 1))
    if not parts:
        issue = Issue("bundle-empty")
        recorder.manifest.bundle = {"path": None, "warning": issue_json(issue, lang)}
        return
    info = BundleInfo(plan.bundle_title, plan.bundle_subject, plan.bundle_author, plan.bundle_when)
    try:
        result = make_bundle(parts, plan.outdir / plan.bundle_name, info)
    except OcopError as exc:
        recorder.manifest.bundle = {"path": None, "error": error_json(exc, lang)}
        return
    recorder.manifest.bundle = {
        "path": plan.bundle_name,
        "sha256": result.sha256,
        "bytes": result.size,
        "pages": result.pages,
        "documents": len(parts),
        "bookmarks": [
            {"title": group, "children": [{"title": t, "page": p + 1} for t, p in children]}
            for group, children in result.bookmarks
        ],
        "title": info.title,
        "subject": info.subject,
        "author": info.author,
    }
    _emit(progress, Progress("bundle", 1, 1, plan.bundle_name, "ok"))


def run_batch(
    source: Path | str,
    outdir: Path | str,
    options: BatchOptions | None = None,
    progress: ProgressCallback | None = None,
) -> BatchResult:
    """Produce every document of ``source`` into ``outdir`` (see the module docstring).

    Raises :class:`~ocop_docs.errors.InputError` (exit 1) when the input as a whole cannot
    be used or OUTDIR holds files it would overwrite, :class:`BatchOptionError` (exit 2)
    for kinds that do not fit the input, :class:`~ocop_docs.errors.DataError` (exit 3) for
    a broken template or a missing LibreOffice; failed items are reported in the result.
    An interruption (Ctrl-C, SIGTERM) stops every worker, writes the manifest of what was
    finished and re-raises :class:`KeyboardInterrupt`.
    """
    options = options or BatchOptions()
    started = time.monotonic()
    source, outdir = Path(source), Path(outdir)
    with tempfile.TemporaryDirectory(prefix="ocop-batch-") as tmp, interruptible():
        plan = plan_batch(source, outdir, options, Path(tmp))
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                "batch-output-unwritable", path=str(outdir), reason=exc.strerror or str(exc)
            ) from exc
        sweep_temporary(plan)  # what a run killed outright may have left
        recorder = _Recorder(plan, started)
        conversion: dict[str, int] = {}
        try:
            pending = _render_stage(plan, recorder, progress)
            if options.pdf:
                conversion = _pdf_stage(plan, recorder, pending, progress)
            if options.bundle:
                _bundle_stage(plan, recorder, progress)
        except BaseException:
            recorder.write(complete=False)
            sweep_temporary(plan)  # workers stopped between writing and renaming
            raise
        recorder.write(complete=True)
    summary = recorder.manifest.summary
    bundle = recorder.manifest.bundle or {}
    return BatchResult(
        outdir=outdir,
        manifest=recorder.manifest,
        produced=summary["produced"],
        skipped=summary["skipped"],
        failed=summary["failed"],
        pdfs=summary["pdfs"],
        invalid_dossiers=summary["invalid_dossiers"],
        seconds=summary["seconds"],
        bundle=outdir / bundle["path"] if options.bundle and bundle.get("path") else None,
        bundle_pages=bundle.get("pages") if options.bundle else None,
        notes=list(plan.notes),
        conversion=conversion,
    )


__all__ = [
    "DEFAULT_KINDS",
    "REPORT_KIND",
    "ROUND_DATES",
    "ROW_KIND",
    "BatchOptionError",
    "BatchOptions",
    "BatchResult",
    "Plan",
    "PlanItem",
    "Producer",
    "Progress",
    "allowed_kinds",
    "detect_batch_input",
    "plan_batch",
    "round_from_data",
    "run_batch",
    "sweep_temporary",
]
