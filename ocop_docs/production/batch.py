"""Batch production: a whole evaluation round (or a folder of dossiers) in one call.

The library form of ``ocop-docs batch`` (issue #5); see docs/batch.md. Stages:

1. **Planning** (:func:`~ocop_docs.production.planning.plan_batch`): what to make, from
   what, under which names; bad input rows become failed items; nothing is overwritten
   unasked.
2. **Rendering** (:class:`~ocop_docs.production.producer.Producer`): in ``jobs`` processes
   (forked where possible, so they share the prepared templates and the round context,
   built once); each document is written atomically. With ``resume``, a document is
   skipped when the previous manifest has the same fingerprint (a hash of the template and
   of exactly the data the template reads) and the file still has its recorded hash.
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
import gc
import multiprocessing
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue, OcopError
from ocop_docs.files import os_reason
from ocop_docs.production.bundling import BundleInfo, BundlePart, make_bundle
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.fonts import document_font, substitution
from ocop_docs.production.locking import outdir_lock
from ocop_docs.production.manifest import (
    ItemRecord,
    Manifest,
    OutputRecord,
    error_json,
    issue_error,
    issue_json,
    write_manifest,
)
from ocop_docs.production.planning import (
    DEFAULT_KINDS,
    REPORT_KIND,
    REPORT_TITLE,
    BatchOptionError,
    BatchOptions,
    Plan,
    PlanItem,
    allowed_kinds,
    plan_batch,
)
from ocop_docs.production.pool import Conversion, ConverterPool, interruptible
from ocop_docs.production.producer import Outcome, Producer
from ocop_docs.production.resume import sweep_temporary
from ocop_docs.production.rounds.model import Round

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


def _produce(indices: tuple[int, ...]) -> list[Outcome]:
    assert _PRODUCER is not None
    return [_PRODUCER.produce(i) for i in indices]


def _tasks(plan: Plan, jobs: int) -> list[tuple[int, ...]]:
    """The items in the groups the render processes take, one group at a time.

    A round-level document (the decision, the minutes: one document listing every product)
    is a group of its own, taken first, so two of them never run one after the other in one
    process while the other waits: at 10,000 products they are the batch's longest items.
    The per-product documents follow in chunks (fewer round trips to the processes)."""
    count = len(plan.items)
    alone = [i for i, item in enumerate(plan.items) if item.product is None and not item.dossier]
    single = set(alone)
    rest = [i for i in range(count) if i not in single]
    chunk = max(1, min(32, len(rest) // (jobs * 8) or 1))
    return [(i,) for i in alone] + [tuple(rest[n : n + chunk]) for n in range(0, len(rest), chunk)]


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
        groups = pool.imap_unordered(_produce, _tasks(plan, jobs), chunksize=1)
        yield (outcome for group in groups for outcome in group)
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
    registry: Any = None  # the registry's AddResult with --so-theo-doi (issue 14)
    round: Round | None = None  # the (working) round of a round input

    @property
    def items(self) -> list[ItemRecord]:
        return self.manifest.items

    @property
    def failures(self) -> list[ItemRecord]:
        return [i for i in self.manifest.items if i.status == "failed"]

    @property
    def pdf_error(self) -> dict[str, Any] | None:
        """Why no PDF was made (LibreOffice missing), or None."""
        error = self.manifest.pdf.get("error")
        return error if isinstance(error, dict) else None

    @property
    def exit_code(self) -> int:
        """0 everything made; 1 some item failed or some dossier is invalid; 3 the PDFs
        could not be made (LibreOffice missing; the .docx files are there) (architecture §3)."""
        if self.pdf_error is not None:
            return 3
        bundle_failed = bool(self.manifest.bundle and self.manifest.bundle.get("error"))
        return 1 if self.failed or self.invalid_dossiers or bundle_failed else 0


class _Recorder:
    """Keeps the manifest up to date on disk while the batch runs."""

    def __init__(self, plan: Plan, started: float) -> None:
        self.plan = plan
        self.started = started
        self.done: dict[str, ItemRecord] = {}
        self.invalid_dossiers = 0
        self.conversion: dict[str, int] = {}
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
        if plan.previous_manifest is not None and plan.previous_manifest.pdf.get("fonts"):
            self.manifest.pdf["fonts"] = list(plan.previous_manifest.pdf["fonts"])

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
        write_manifest(self.manifest, self.plan.outdir, compact=not complete)
        self._last = time.monotonic()


def _emit(progress: ProgressCallback | None, event: Progress) -> None:
    if progress is not None:
        progress(event)


def _render_stage(plan: Plan, recorder: _Recorder, progress: ProgressCallback | None) -> list[str]:
    """Render every item; returns the ids whose .docx still needs a PDF."""
    jobs = plan.jobs
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
    if not ids:
        return {}
    options = plan.options
    outdir = plan.outdir
    by_id = {item.id: item for item in plan.items}
    jobs = [Conversion(i, outdir / by_id[i].docx, outdir / by_id[i].pdf) for i in ids]
    workers = plan.jobs
    fonts = {kind: document_font(t.template) for kind, t in plan.templates.items()}
    substituted: dict[tuple[str, str], int] = {}
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
                note = substitution(fonts.get(by_id[result.key].kind), result.families)
                if note is not None:
                    pair = (note.font, note.substitute)
                    substituted[pair] = substituted.get(pair, 0) + 1
            else:
                record.status = "failed"
                issue = Issue(result.code or "convert-failed", params=result.params)
                record.error = issue_error([issue], options.lang)
            recorder.add(record)
            _emit(progress, Progress("pdf", done, len(jobs), result.key, record.status))
        if substituted:  # beside what a previous run noted
            earlier = recorder.manifest.pdf.get("fonts", [])
            notes = {(n["font"], n["substitute"]): n for n in earlier}
            for (font, substitute), count in substituted.items():
                notes[(font, substitute)] = {
                    "font": font,
                    "substitute": substitute,
                    "documents": count,
                }
            recorder.manifest.pdf["fonts"] = list(notes.values())
        stats = pool.stats
        return {
            "starts": stats.starts,
            "kills": stats.kills,
            "crashes": stats.crashes,
            "retries": stats.retries,
        }


def _bundle_stage(plan: Plan, recorder: _Recorder, progress: ProgressCallback | None) -> None:
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


def _run_locked(
    source: Path,
    outdir: Path,
    options: BatchOptions,
    workdir: Path,
    started: float,
    progress: ProgressCallback | None,
) -> _Recorder:
    """Plan and run the batch while holding OUTDIR's lock; the recorder of what was done."""
    plan = plan_batch(source, outdir, options, workdir)
    sweep_temporary(plan.outdir, plan.item_outputs())  # what a run killed outright left
    recorder = _Recorder(plan, started)
    # A manifest before the first document: when even that cannot be written (a full
    # disk, a read-only folder) nothing is; after it, the manifest on disk always
    # vouches for the files this batch may have left, and --resume finishes the work.
    recorder.write(complete=False)
    try:
        pending = _render_stage(plan, recorder, progress)
        missing = plan.converter_missing
        if options.pdf and missing is not None:
            # Every .docx is made; the PDFs (and so the bundle) wait for LibreOffice, and
            # ``--resume`` converts them once it is installed (issue 12).
            recorder.manifest.pdf["error"] = error_json(missing, options.lang)
        elif options.pdf:
            recorder.conversion = _pdf_stage(plan, recorder, pending, progress)
        if options.bundle and missing is None:
            _bundle_stage(plan, recorder, progress)
    except BaseException:
        with contextlib.suppress(OcopError):  # the first error is the one to report
            recorder.write(complete=False)
        sweep_temporary(plan.outdir, plan.item_outputs())  # workers stopped mid-write
        raise
    recorder.write(complete=True)
    return recorder


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
        created = not outdir.exists()
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                "batch-output-unwritable",
                path=str(outdir),
                reason=os_reason(exc)[0],
                reason_en=os_reason(exc)[1],
            ) from exc
        try:
            # One batch at a time in OUTDIR (issue 9), from planning on: the plan's check
            # of existing files must see what the other batch left, not what it is writing.
            with outdir_lock(outdir):
                recorder = _run_locked(source, outdir, options, Path(tmp), started, progress)
        except BaseException:
            if created:
                with contextlib.suppress(OSError):
                    outdir.rmdir()  # only when nothing was written
            raise
        plan = recorder.plan
    added = _record_in_registry(plan, options)
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
        conversion=recorder.conversion,
        registry=added,
        round=plan.round,
    )


def _record_in_registry(plan: Plan, options: BatchOptions) -> Any:
    """The hook of issue 14: once the manifest is complete, the round's recognised products
    go into the registry (``--so-theo-doi``); drafts never do."""
    if options.registry is None or plan.round is None or options.draft:
        return None
    from ocop_docs.registry.rounds import record_round
    from ocop_docs.registry.store import open_registry

    return record_round(open_registry(options.registry), plan.round)


__all__ = [
    "DEFAULT_KINDS",
    "REPORT_KIND",
    "BatchOptionError",
    "BatchOptions",
    "BatchResult",
    "Plan",
    "PlanItem",
    "Producer",
    "Progress",
    "allowed_kinds",
    "plan_batch",
    "run_batch",
]
