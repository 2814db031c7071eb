"""Attachment check: each ``tai_lieu[].tep`` is a real, readable file inside the dossier.

Security first: each file is opened once, inside the dossier folder, without following
any symlink (:mod:`ocop_docs.confined`), and every check — type and size by ``fstat``,
hash, PDF pages, image — runs on that one descriptor, so nothing outside the folder is ever
read, even when a file is swapped for a link while the dossier is checked (issue 9). A file
over the size limit is reported, not read.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from ocop_docs.confined import Refused, open_inside
from ocop_docs.errors import Issue
from ocop_docs.files import read_reason
from ocop_docs.text.documents import human_size
from ocop_docs.text.reasons import UNKNOWN_IMAGE, library_reason
from ocop_docs.validation.loading import LoadedDossier
from ocop_docs.validation.report import AttachmentInfo

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a scanned 300-page dossier at 200 dpi stays below this

PDF_EXT = frozenset({".pdf"})
IMAGE_EXT = frozenset({".jpg", ".jpeg", ".png"})
_CHUNK = 1 << 20


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return "other"


_SNIFF_NAMES: dict[str, tuple[str, str]] = {
    "pdf": ("tệp PDF", "a PDF"),
    "png": ("ảnh PNG", "a PNG image"),
    "jpeg": ("ảnh JPEG", "a JPEG image"),
    "zip": ("tệp nén/Word/Excel", "a ZIP/Office file"),
    "other": ("dữ liệu không rõ định dạng", "unknown data"),
}


def _hash_and_head(handle: BinaryIO) -> tuple[str, bytes, int]:
    """SHA-256, the first bytes and the byte count of an open file, read once."""
    import hashlib  # OpenSSL's start-up: only when a file is hashed (issue 15)

    digest = hashlib.sha256()
    head = b""
    total = 0
    while chunk := handle.read(_CHUNK):
        if not head:
            head = chunk[:16]
        digest.update(chunk)
        total += len(chunk)
    return digest.hexdigest(), head, total


# Why a PDF or a picture cannot be opened, in the catalogue's words: pypdf's and Pillow's
# own text is English and is kept only as the issue's ``detail`` (issue 9).
def _pdf_pages(handle: BinaryIO) -> tuple[int | None, str | None, dict[str, Any]]:
    """(pages, issue code, the reason's parameters) for an open PDF."""
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            handle.seek(0)
            reader = PdfReader(handle, strict=False)
            if reader.is_encrypted:
                # An empty user password still means the reader must decrypt; the office's
                # software may not, so any encryption is reported.
                return None, "attachment-pdf-encrypted", {}
            pages = len(reader.pages)
    except Exception as exc:  # pypdf raises many types on damaged files
        return None, "attachment-pdf-corrupt", library_reason(exc, "pdf")
    if pages == 0:
        return 0, "attachment-pdf-no-pages", {}
    return pages, None, {}


def _image_problem(handle: BinaryIO) -> dict[str, Any] | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            handle.seek(0)
            with Image.open(handle) as img:
                img.verify()
    except Exception as exc:  # Pillow decoders raise assorted errors on garbage
        return library_reason(exc, "image")
    return None


def check_attachments(
    doc: LoadedDossier, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Issue], list[AttachmentInfo]]:
    """Check every attachment of ``doc``; returns issues and what was learnt per file."""
    issues: list[Issue] = []
    infos: list[AttachmentInfo] = []
    entries = doc.data.get("tai_lieu") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return issues, infos
    for index, entry in enumerate(entries):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("tep"), str)
            or not entry["tep"].strip()
        ):
            continue  # the schema check reports the malformed entry
        rel = entry["tep"].strip()
        info = AttachmentInfo(index=index, loai=str(entry.get("loai", "")), tep=rel)
        infos.append(info)
        pointer = f"/tai_lieu/{index}/tep"

        def report(code: str, **params: Any) -> None:
            issues.append(doc.issue(code, pointer, tep=rel, **params))  # noqa: B023

        try:
            opened = open_inside(doc.folder, rel)
        except Refused as refused:
            if refused.code not in ("attachment-path-absolute", "attachment-path-escapes"):
                info.exists = refused.code not in ("attachment-missing",)
            if refused.code == "attachment-unreadable":
                report(refused.code, reason=refused.reason, reason_en=refused.reason_en)
            else:
                report(refused.code)
            continue
        info.exists = True
        with os.fdopen(opened.fd, "rb") as handle:
            _check_open_file(handle, opened.size, Path(rel).suffix.lower(), info, report, max_bytes)
    return issues, infos


def _check_open_file(
    handle: BinaryIO,
    size: int,
    ext: str,
    info: AttachmentInfo,
    report: Callable[..., None],
    max_bytes: int,
) -> None:
    """Every check of one attachment, on its one open descriptor (issue 9)."""
    info.size = size
    if size == 0:
        report("attachment-empty")
        return
    if size > max_bytes:
        report("attachment-too-large", size=human_size(size), limit=human_size(max_bytes))
        return
    try:
        info.sha256, head, read = _hash_and_head(handle)
    except OSError as exc:
        vi, en = read_reason(exc)
        report("attachment-unreadable", reason=vi, reason_en=en)
        return
    if read != size or os.fstat(handle.fileno()).st_size != size:
        # Replaced, truncated or grown while it was read (a synced or shared folder).
        info.sha256 = None
        report("attachment-changed")
        return
    sniffed = _sniff(head)
    if ext in PDF_EXT:
        info.kind = "pdf"
        if sniffed != "pdf":
            report(
                "attachment-type-mismatch",
                extension=ext,
                actual=_SNIFF_NAMES[sniffed][0],
                actual_en=_SNIFF_NAMES[sniffed][1],
            )
            return
        pages, code, params = _pdf_pages(handle)
        info.pages = pages
        if code is not None:
            report(code, **params)
            return
    elif ext in IMAGE_EXT:
        info.kind = "image"
        expected = "png" if ext == ".png" else "jpeg"
        if sniffed != expected:
            if sniffed == "other":
                problem = _image_problem(handle)
                if problem is None:
                    vi, en = UNKNOWN_IMAGE
                    problem = {"reason": vi, "reason_en": en}
                report("attachment-image-corrupt", **problem)
            else:
                report(
                    "attachment-type-mismatch",
                    extension=ext,
                    actual=_SNIFF_NAMES[sniffed][0],
                    actual_en=_SNIFF_NAMES[sniffed][1],
                )
            return
        problem = _image_problem(handle)
        if problem is not None:
            report("attachment-image-corrupt", **problem)
            return
        info.pages = 1
    else:
        info.kind = "other"
        report(
            "attachment-unsupported-type",
            extension=ext or "(không có đuôi)",
            extension_en=ext or "(none)",
        )
    info.ok = True
