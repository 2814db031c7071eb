"""The registry's papers: the letters to producers and the yearly report (issue 14).

Both are document kinds of :data:`ocop_docs.production.contexts.registry.REGISTRY_KINDS`
(context module, template built by ``scripts/build_templates.py``, context schema), filled
by the same renderer as every other paper (:func:`ocop_docs.production.rendering.
render_template`). The report's charts (:mod:`.charts`) replace its ``[[bieu_do:<name>]]``
paragraphs after filling, as pictures 160 mm wide. Files are written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.files import atomic_write_bytes, os_reason
from ocop_docs.production.contexts.registry import REGISTRY_KINDS
from ocop_docs.production.rendering import make_deterministic, render_template
from ocop_docs.registry.reminders import ReminderList
from ocop_docs.registry.statistics import Statistics
from ocop_docs.resources import templates_dir as find_templates
from ocop_docs.text.documents import load_document
from ocop_docs.text.names import slugify

LETTER_KIND = "thong-bao-danh-gia-lai"
REPORT_KIND = "bao-cao-nam"
CHART_MARK = "[[bieu_do:"
CHART_WIDTH_MM = 160


def read_sender(path: Path | None) -> dict[str, Any]:
    """The office and signer of ``--thong-tin`` (YAML); empty (dotted lines) without it."""
    if path is None:
        return {}
    doc = load_document(path)
    if not doc.ok or not isinstance(doc.data, dict):
        raise InputError("registry-list-unreadable", doc.issues, source=str(path))
    return dict(doc.data)


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        reason, reason_en = os_reason(exc)
        raise InputError(
            "registry-output-unwritable", path=str(path), reason=reason, reason_en=reason_en
        ) from exc


def _template(kind: str, templates_dir: Path | None) -> Path:
    name = REGISTRY_KINDS[kind].template
    if templates_dir is not None and (templates_dir / name).is_file():
        return templates_dir / name
    return find_templates() / name


def write_letters(
    result: ReminderList,
    folder: Path,
    sender: Mapping[str, Any],
    *,
    templates_dir: Path | None = None,
) -> list[Path]:
    """One letter per reminder into ``folder`` (made if missing), numbered in order."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason, reason_en = os_reason(exc)
        raise InputError(
            "registry-output-unwritable", path=str(folder), reason=reason, reason_en=reason_en
        ) from exc
    kind = REGISTRY_KINDS[LETTER_KIND]
    assert kind.from_registry is not None
    template = _template(LETTER_KIND, templates_dir)
    made: list[Path] = []
    for position, item in enumerate(result.items):
        built = kind.from_registry(item, {**sender, "_so": position, "_ngay": result.day})
        rendered = render_template(template, built.context, when=built.when)
        name = f"{position + 1:03d}-{item.category}-{slugify(item.entry.product)}.docx"
        _write(folder / name, rendered.data)
        made.append(folder / name)
    return made


def _embed_charts(data: bytes, images: Mapping[str, bytes], when: dt.datetime | None) -> bytes:
    from docx import Document
    from docx.shared import Mm

    document = Document(io.BytesIO(data))
    for paragraph in list(document.paragraphs):
        text = paragraph.text.strip()
        if not (text.startswith(CHART_MARK) and text.endswith("]]")):
            continue
        name = text[len(CHART_MARK) : -2]
        for run in paragraph.runs:
            run.text = ""
        if name in images:
            paragraph.runs[0].add_picture(io.BytesIO(images[name]), width=Mm(CHART_WIDTH_MM))
    buffer = io.BytesIO()
    document.save(buffer)
    return make_deterministic(buffer.getvalue(), when)


def render_report(
    stats: Statistics, sender: Mapping[str, Any], *, templates_dir: Path | None = None
) -> bytes:
    """The yearly report as .docx bytes, charts embedded."""
    from ocop_docs.registry.charts import charts

    kind = REGISTRY_KINDS[REPORT_KIND]
    assert kind.from_registry is not None
    built = kind.from_registry(stats, sender)
    rendered = render_template(
        _template(REPORT_KIND, templates_dir), built.context, when=built.when
    )
    return _embed_charts(rendered.data, charts(stats), built.when)


def write_report(
    stats: Statistics,
    path: Path,
    sender: Mapping[str, Any],
    *,
    templates_dir: Path | None = None,
) -> Path:
    _write(path, render_report(stats, sender, templates_dir=templates_dir))
    return path


__all__ = ["read_sender", "render_report", "write_letters", "write_report"]
