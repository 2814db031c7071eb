"""Attachment check: each ``tai_lieu[].tep`` is a real, readable file inside the dossier.

Security first: a path is resolved (symlinks included) and must stay inside the dossier
folder before anything is opened, so nothing outside the folder is ever read. Files are
sized with ``lstat`` before reading, so a huge file is reported, not loaded.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.validation.loading import LoadedDossier, human_size
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


def _resolve_inside(folder: Path, relative: str) -> tuple[Path | None, str | None]:
    """The real path of ``relative`` if it stays inside ``folder``, else the issue code."""
    if (
        os.path.isabs(relative)
        or relative.startswith(("\\", "/"))
        or (len(relative) > 1 and relative[1] == ":")
    ):
        return None, "attachment-path-absolute"
    candidate = folder / relative
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(candidate)
    if os.path.commonpath([real_folder, real]) != real_folder:
        return None, "attachment-path-escapes"
    if not os.path.lexists(real):
        # Files copied from macOS keep decomposed (NFD) names; accept either form.
        alt = os.path.realpath(folder / unicodedata.normalize("NFD", relative))
        if os.path.lexists(alt) and os.path.commonpath([real_folder, alt]) == real_folder:
            return Path(alt), None
    return Path(real), None


def _hash_and_head(path: Path) -> tuple[str, bytes]:
    digest = hashlib.sha256()
    head = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if not head:
                head = chunk[:16]
            digest.update(chunk)
    return digest.hexdigest(), head


def _pdf_pages(path: Path) -> tuple[int | None, str | None, str | None]:
    """(pages, issue code, reason) for a PDF on disk."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                # An empty user password still means the reader must decrypt; the office's
                # software may not, so any encryption is reported.
                return None, "attachment-pdf-encrypted", None
            pages = len(reader.pages)
    except PdfReadError as exc:
        return None, "attachment-pdf-corrupt", str(exc)[:120]
    except Exception as exc:  # pypdf raises many types on damaged files
        return None, "attachment-pdf-corrupt", f"{type(exc).__name__}: {str(exc)[:100]}"
    if pages == 0:
        return 0, "attachment-pdf-no-pages", None
    return pages, None, None


def _image_problem(path: Path) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as img:
                img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return str(exc)[:120] or type(exc).__name__
    except Exception as exc:  # Pillow decoders raise assorted errors on garbage
        return f"{type(exc).__name__}: {str(exc)[:100]}"
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

        path, problem = _resolve_inside(doc.folder, rel)
        if problem is not None or path is None:
            report(problem or "attachment-path-escapes")
            continue
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            report("attachment-missing")
            continue
        except OSError as exc:
            report("attachment-unreadable", reason=exc.strerror or str(exc))
            continue
        info.exists = True
        if not stat.S_ISREG(st.st_mode):
            report("attachment-not-file")
            continue
        info.size = st.st_size
        if st.st_size == 0:
            report("attachment-empty")
            continue
        if st.st_size > max_bytes:
            report("attachment-too-large", size=human_size(st.st_size), limit=human_size(max_bytes))
            continue
        try:
            info.sha256, head = _hash_and_head(path)
        except OSError as exc:
            report("attachment-unreadable", reason=exc.strerror or str(exc))
            continue
        ext = path.suffix.lower()
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
                continue
            pages, code, reason = _pdf_pages(path)
            info.pages = pages
            if code is not None:
                report(code, reason=reason or "")
                continue
        elif ext in IMAGE_EXT:
            info.kind = "image"
            expected = "png" if ext == ".png" else "jpeg"
            if sniffed != expected:
                if sniffed == "other":
                    reason = _image_problem(path) or "định dạng không rõ / unknown format"
                    report("attachment-image-corrupt", reason=reason)
                else:
                    report(
                        "attachment-type-mismatch",
                        extension=ext,
                        actual=_SNIFF_NAMES[sniffed][0],
                        actual_en=_SNIFF_NAMES[sniffed][1],
                    )
                continue
            reason = _image_problem(path)
            if reason is not None:
                report("attachment-image-corrupt", reason=reason)
                continue
            info.pages = 1
        else:
            info.kind = "other"
            report("attachment-unsupported-type", extension=ext or "(không có đuôi)")
        info.ok = True
    return issues, infos
