"""Why a file could not be read, in the catalogue's two languages (issue 9).

The libraries that read files (zipfile, json, lxml, pypdf, Pillow, the operating system)
explain their failures in English, with their own internals ("Stream has ended
unexpectedly", "cannot identify image file <_io.BufferedReader …>", "[Errno 13] Permission
denied"). Put into a message, that text breaks the rule that a Vietnamese run prints only
Vietnamese. :func:`library_reason` turns such an exception into the parameters a catalogue
message takes: ``reason`` (Vietnamese), ``reason_en`` and ``detail``, the library's own
words, kept for whoever debugs (the JSON of issues that carry their parameters shows it)
and never shown in a message.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Literal

from ocop_docs.files import read_reason

What = Literal["file", "pdf", "image"]

_TRUNCATED = ("eof", "truncat", "startxref", "premature", "unexpected end", "ended unexpectedly")

_DAMAGED: dict[What, tuple[tuple[str, str], tuple[str, str]]] = {
    # (cut short, otherwise broken)
    "file": (
        ("tệp bị cắt cụt (thiếu phần cuối)", "the file is cut short (its end is missing)"),
        ("tệp bị hỏng hoặc không đúng định dạng", "the file is damaged or not in its format"),
    ),
    "pdf": (
        ("tệp bị cắt cụt (thiếu phần cuối)", "the file is cut short (its end is missing)"),
        ("cấu trúc PDF bị hỏng", "the PDF structure is broken"),
    ),
    "image": (
        ("tệp ảnh bị cắt cụt (thiếu phần cuối)", "the picture is cut short"),
        ("dữ liệu ảnh bị hỏng", "the picture data is damaged"),
    ),
}
UNKNOWN_IMAGE = ("không nhận ra định dạng ảnh", "the picture format is not recognised")


def library_reason(exc: BaseException, what: What = "file") -> dict[str, Any]:
    """``{"reason", "reason_en", "detail"}`` for an exception a file reader raised."""
    detail = f"{type(exc).__name__}: {str(exc)[:200]}"
    vi, en = _words(exc, what, detail)
    return {"reason": vi, "reason_en": en, "detail": detail}


def _words(exc: BaseException, what: What, detail: str) -> tuple[str, str]:
    if isinstance(exc, OSError) and exc.errno is not None:
        return read_reason(exc)
    # Not imported here (a validation start does without it, issue 15): an exception of
    # zipfile can only exist once something else imported it.
    zipfile = sys.modules.get("zipfile")
    bad_zip = zipfile is not None and isinstance(exc, zipfile.BadZipFile)
    if bad_zip or type(exc).__name__ == "PackageNotFoundError":
        return (
            "không phải tệp nén zip hợp lệ (tệp .docx và .xlsx là tệp zip)",
            "not a valid zip file (.docx and .xlsx files are zip files)",
        )
    if isinstance(exc, json.JSONDecodeError):
        return (
            f"không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})",
            f"not valid JSON (line {exc.lineno}, column {exc.colno})",
        )
    if isinstance(exc, UnicodeDecodeError):
        return "không phải văn bản UTF-8", "not UTF-8 text"
    if isinstance(exc, KeyError) and what == "file":
        return (
            f"thiếu phần «{exc.args[0] if exc.args else '?'}» bên trong tệp",
            f"the part '{exc.args[0] if exc.args else '?'}' inside the file is missing",
        )
    if type(exc).__name__ == "XMLSyntaxError":  # lxml, without importing it here
        line = getattr(exc, "lineno", None)
        at_vi, at_en = (f" (dòng {line})", f" (line {line})") if line else ("", "")
        return f"XML bên trong tệp bị hỏng{at_vi}", f"the XML inside the file is broken{at_en}"
    if what == "image" and type(exc).__name__ == "UnidentifiedImageError":
        return UNKNOWN_IMAGE
    cut, broken = _DAMAGED[what]
    return cut if any(word in detail.lower() for word in _TRUNCATED) else broken


__all__ = ["UNKNOWN_IMAGE", "library_reason"]
