"""Producing one item of a batch: its context, its fingerprint, its document or report.

A :class:`Producer` lives in each render process of
:func:`~ocop_docs.production.batch.run_batch` (forked with the plan, or planned again when
spawned) with per-process caches: the round's shared context, built and wrapped once, and
the digests of its parts. With ``resume``, a document is skipped when the previous manifest
has the same fingerprint (a hash of the template and of exactly the data the template
reads) and the file still has its recorded hash. Every document is written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue
from ocop_docs.files import atomic_write_bytes, os_reason
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.council import round_context
from ocop_docs.production.contexts.giay_chung_nhan import with_logo
from ocop_docs.production.contexts.partial import draft_context
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.environment import PathDict
from ocop_docs.production.manifest import (
    ItemRecord,
    OutputRecord,
    error_json,
    issue_json,
    sha256_bytes,
)
from ocop_docs.production.pictures import place_pictures
from ocop_docs.production.planning import REPORT_KIND, Plan, PlanItem, built_from_round_file
from ocop_docs.production.prepared import PreparedTemplate, wrap_shared
from ocop_docs.validation.pipeline import ValidationRun, validate_dossier
from ocop_docs.validation.reporters import render_json, render_text

# The kinds made from the round context every round document shares (built once per process).
ROUND_KINDS = tuple(k for k, v in KINDS.items() if v.source == "round")


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
        for kind in ROUND_KINDS:
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
        (hundreds of certificates; round warnings are listed once, globally), and go through
        their kind's builder as for ``ocop-docs render``, with the same date (tests compare
        the bytes). Other kinds go through ``build_context`` itself.
        """
        plan = self.plan
        rnd = plan.round
        build = KINDS[item.kind].from_round if item.kind in KINDS else None
        if build is not None and rnd is not None:
            base = self._round_context()
            product = rnd.product(item.product) if item.product is not None else None
            shared = build(rnd, base, product)
            if KINDS[item.kind].pictures is not None:
                with_logo(shared.context, plan.logo)  # --logo, as render marks it
            # A council document of a partial round (made only with --draft) says so.
            context = draft_context(item.kind, shared.context, plan.failures)
            names = plan.templates[item.kind].variables
            wrapped = wrap_shared(context, base, self._wrapped, names)
            return wrapped, shared.when, []
        if built_from_round_file(item):
            assert plan.round_file is not None
            # The working round file lies in the scratch folder and names the input's
            # files by absolute paths: the input's folder is as allowed as the input.
            allow = (plan.source.parent, *plan.options.allow)
            built = build_context(item.kind, plan.round_file, product=item.product, allow=allow)
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
        if self.plan.logo is not None:  # a new logo makes new certificates on --resume
            head.append(sha256_bytes(self.plan.logo.data))
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
            data = rendered.data
            spec = KINDS.get(item.kind)
            if spec is not None and spec.pictures is not None:  # as ``render`` places them
                data = place_pictures(data, spec.pictures(ctx, plan.logo))
            _write(outdir / item.docx, data)
            record.outputs.append(OutputRecord(item.docx, sha256_bytes(data), len(data)))
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
            "batch-output-unwritable",
            path=str(path),
            reason=os_reason(exc)[0],
            reason_en=os_reason(exc)[1],
        ) from exc


__all__ = ["ROUND_KINDS", "Outcome", "Producer"]
