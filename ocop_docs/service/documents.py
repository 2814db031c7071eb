"""Documents the service makes: one rendered kind (the render endpoint) and the completed
dossier (a zip with ``ho-so.yaml``, the attachments, and Mẫu 01 and Mẫu 02 filled).

Rendering is the library's (:func:`ocop_docs.production.rendering.render`), strict as the
``render`` verb; PDFs go through the shared LibreOffice slots (:class:`~.work.PdfSlots`).
Templates are prepared once per process and kept across requests
(:data:`ocop_docs.production.prepared_cache.PREPARED`, one instance per worker thread at a
time): a request only builds its context and fills the body (issue 15).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import OcopError
from ocop_docs.production.conversion import SofficeMissing
from ocop_docs.production.pool import Conversion
from ocop_docs.production.rendering import render
from ocop_docs.service.errors import ServiceError, library_error_json
from ocop_docs.service.records import dossier_files
from ocop_docs.service.work import PdfSlots

# Mẫu 01 and Mẫu 02 of QĐ 26/2026 Phụ lục III, the two forms the producer files (Điều 6.1).
FORMS: tuple[tuple[str, str], ...] = (
    ("phieu-dang-ky", "mau-01-phieu-dang-ky"),
    ("bao-cao-tu-danh-gia", "mau-02-bao-cao-tu-danh-gia"),
)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _pdf(slots: PdfSlots, docx: Path) -> Path:
    target = docx.with_suffix(".pdf")
    results = slots.convert([Conversion(docx.name, docx, target)])
    if not results or not results[0].ok:
        code = results[0].code if results else "convert-failed"
        params = results[0].params if results else {}
        raise ServiceError(500, code or "convert-failed", **params)
    return target


def render_kind(
    kind: str,
    source: Path,
    outdir: Path,
    *,
    product: int | None,
    draft: bool,
    pdf: bool,
    slots: PdfSlots,
    assessment: Path | None = None,
) -> Path:
    """The .docx (or its PDF) of ``kind`` from ``source`` (blocking); ``assessment`` is
    the commune's Mẫu 03 file for ``bao-cao-xa`` made from a dossier."""
    if pdf and not slots.available:
        raise SofficeMissing(tried=slots.soffice or "PATH")
    out = outdir / f"{kind}.docx"
    render(kind, source, out, product=product, draft=draft, assessment=assessment)
    return _pdf(slots, out) if pdf else out


@dataclass(slots=True)
class Bundle:
    path: Path
    made: list[str]  # names of the documents made
    failed: list[dict[str, Any]]  # documents that could not be made, with the reason


def _add(archive: zipfile.ZipFile, arcname: str, path: Path) -> None:
    info = zipfile.ZipInfo(arcname, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with path.open("rb") as src, archive.open(info, "w") as dst:
        while chunk := src.read(1024 * 1024):
            dst.write(chunk)


def build_bundle(folder: Path, name: str, workdir: Path, slots: PdfSlots, lang: Lang) -> Bundle:
    """The completed dossier ``<name>.zip``: the dossier as filed plus the filled forms."""
    forms = workdir / "forms"
    forms.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    failed: list[dict[str, Any]] = []
    for kind, stem in FORMS:
        out = forms / f"{stem}.docx"
        try:
            render(kind, folder, out)
        except OcopError as exc:
            failed.append({"document": f"{stem}.docx", **library_error_json(exc, lang)})
            continue
        made.append(out)
    if made and slots.available:
        jobs = [Conversion(p.name, p, p.with_suffix(".pdf")) for p in made]
        for result in slots.convert(jobs):
            if result.ok:
                made.append(result.target)
            else:
                failed.append({"document": result.target.name, "code": result.code})
    target = workdir / f"{name}.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in dossier_files(folder):
            _add(archive, f"{name}/{path.relative_to(folder).as_posix()}", path)
        for path in sorted(made):
            _add(archive, f"{name}/{path.name}", path)
        if failed:
            notes = workdir / "chua-lap-duoc.json"
            notes.write_text(json.dumps(failed, ensure_ascii=False, indent=2), encoding="utf-8")
            _add(archive, f"{name}/chua-lap-duoc.json", notes)
    return Bundle(target, sorted(p.name for p in made), failed)
