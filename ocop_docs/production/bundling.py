"""Bundling: the PDFs of a round → one PDF with bookmarks and metadata (pypdf).

Stage "bundling" of the produce pipeline (architecture §2). The bundle is what an office
prints or files: the documents in the order given (minutes, decision, then one certificate
per product …), one top-level bookmark per kind of document with one bookmark per document
under it, and document metadata (title, subject, author = the issuing body). Its page count
is the sum of its parts'. It is written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs import __version__
from ocop_docs.errors import InputError
from ocop_docs.files import atomic_write_bytes
from ocop_docs.text.reasons import library_reason


@dataclass(frozen=True, slots=True)
class BundlePart:
    """One document of the bundle: its PDF, its bookmark, and the group it belongs to."""

    path: Path
    title: str
    group: str  # the kind's title: "Giấy chứng nhận sản phẩm OCOP"


@dataclass(frozen=True, slots=True)
class BundleInfo:
    title: str
    subject: str
    author: str  # the issuing body (cơ quan ban hành)
    when: dt.datetime | None = None  # creation date written into the PDF


@dataclass(slots=True)
class BundleResult:
    path: Path
    pages: int
    sha256: str
    size: int
    bookmarks: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S+07'00'")  # Vietnam, UTC+7


def make_bundle(parts: Sequence[BundlePart], target: Path, info: BundleInfo) -> BundleResult:
    """Write ``parts`` as one PDF at ``target``; a PDF that cannot be read raises
    :class:`~ocop_docs.production.rounds.InputError` (``bundle-pdf-unreadable``)."""
    from pypdf import PdfReader, PdfWriter  # here, not at the top: 90 ms only bundles need

    writer = PdfWriter()
    groups: dict[str, Any] = {}
    outline: list[tuple[str, list[tuple[str, int]]]] = []
    page = 0
    for part in parts:
        try:
            reader = PdfReader(str(part.path))
            count = len(reader.pages)
            writer.append(reader, import_outline=False)
        except Exception as exc:  # missing, truncated or encrypted PDF
            raise InputError(
                "bundle-pdf-unreadable", path=str(part.path), **library_reason(exc, "pdf")
            ) from exc
        if part.group not in groups:
            groups[part.group] = writer.add_outline_item(title=part.group, page_number=page)
            outline.append((part.group, []))
        writer.add_outline_item(title=part.title, page_number=page, parent=groups[part.group])
        next(o for o in outline if o[0] == part.group)[1].append((part.title, page))
        page += count
    when = info.when or dt.datetime(2026, 1, 1)
    writer.add_metadata(
        {
            "/Title": info.title,
            "/Subject": info.subject,
            "/Author": info.author,
            "/Creator": f"ocop-docs {__version__}",
            "/Producer": "ocop-docs (pypdf)",
            "/CreationDate": _pdf_date(when),
            "/ModDate": _pdf_date(when),
        }
    )
    writer.page_mode = "/UseOutlines"  # open with the bookmarks shown
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    atomic_write_bytes(target, data)
    return BundleResult(target, page, hashlib.sha256(data).hexdigest(), len(data), outline)


__all__ = ["BundleInfo", "BundlePart", "BundleResult", "make_bundle"]
