"""Text check: decomposed Unicode and legacy-font mojibake (TCVN3, VNI).

Strings are already NFC-normalised by loading; here we tell the user that it happened
(so the source file gets fixed) and catch text typed in the pre-Unicode ABC/VNI fonts,
which would otherwise be printed as garbage on official papers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.text.documents import LoadedDocument
from ocop_docs.text.legacy import detect_legacy
from ocop_docs.text.pointers import pointer_from_path
from ocop_docs.validation.checks.schema import field_labels


def _strings(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every non-ASCII string with its path (ASCII text cannot be legacy-font mojibake)."""
    if isinstance(value, str):
        if not value.isascii():
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and item.isascii():
                continue
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def check_text(doc: LoadedDocument, schema_name: str, base: Path | None = None) -> list[Issue]:
    issues: list[Issue] = []
    if doc.non_nfc:
        first = doc.non_nfc[0]
        label, label_en = field_labels(schema_name, first, base)
        issues.append(
            doc.issue("text-not-nfc", first, count=len(doc.non_nfc), field=label, field_en=label_en)
        )
    for path, text in _strings(doc.data):
        guess = detect_legacy(text)
        if guess is None:
            continue
        pointer = pointer_from_path(path)
        label, label_en = field_labels(schema_name, pointer, base)
        issues.append(
            doc.issue(
                "text-legacy-encoding",
                pointer,
                field=label,
                field_en=label_en,
                encoding=guess.encoding,
                value=text,
                suggestion=guess.text,
            )
        )
    return issues
