"""People's spellings: values written as people write them, read where the meaning is certain.

Part of loading (stage 1): the data is corrected in place before any check or form reads
it, so ``validate`` and ``render`` see the same values (issue 12).

* A choice written as its word, in any case and with or without diacritics, is that choice:
  ``gioi_tinh: Nam`` → ``nam``, ``loai_danh_gia: lần đầu`` → ``lan_dau``, ``loai_hinh: Hợp
  tác xã`` → ``hop_tac_xa``. Only an exact match of the folded words (:func:`fold`) against
  one choice of the schema's ``enum`` or its ``x-enum-titles`` counts; anything else is left
  for the schema check to report.
* A Windows path (``tai-lieu\\01.pdf``) is read with ``/`` and reported as a warning with
  the fix (``attachment-path-backslash``), since another computer would not find it.

Two phone numbers in one field are accepted by the phone format itself
(:func:`ocop_docs.rules.identifiers.phone_problem`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ocop_docs.resources import load_data
from ocop_docs.text.documents import LoadedDocument
from ocop_docs.text.names import fold
from ocop_docs.text.pointers import pointer_from_path

SCHEMA = "dossier/common.schema.json"

# Where a dossier holds a choice: path (``[]`` for list items) → {folded spelling: value}.
Choices = dict[tuple[str, ...], dict[str, str]]


@lru_cache(maxsize=1)
def choices() -> Choices:
    """Every enum of the dossier schema, by path, with the spellings that mean each value."""
    schema = load_data(SCHEMA)
    defs: dict[str, Any] = schema["$defs"]
    out: Choices = {}

    def walk(node: dict[str, Any], path: tuple[str, ...], depth: int) -> None:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and depth < 8:
            node = {
                **defs[ref.rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
        if isinstance(node.get("enum"), list):
            titles = node.get("x-enum-titles") or {}
            table: dict[str, str] = {}
            for value in node["enum"]:
                for spelling in (value, titles.get(value)):
                    if isinstance(spelling, str):
                        table.setdefault(fold(spelling), value)
            out[path] = table
        items = node.get("items")
        if isinstance(items, dict):
            walk(items, (*path, "[]"), depth + 1)
        for key, sub in (node.get("properties") or {}).items():
            if isinstance(sub, dict):
                walk(sub, (*path, key), depth + 1)

    walk(defs["ho_so"], (), 0)
    return out


_ATTACHMENT_FILE = ("tai_lieu", "[]", "tep")


@lru_cache(maxsize=1)
def _routes() -> frozenset[tuple[str, ...]]:
    """Every path that leads to a choice or to an attachment's file name, and its prefixes:
    the walk below goes only there (the self-assessment's criteria and the other free text
    hold neither; walking every node was a fifth of loading a dossier, issue 15)."""
    out: set[tuple[str, ...]] = set()
    for path in (*choices(), _ATTACHMENT_FILE):
        out.update(path[:n] for n in range(1, len(path) + 1))
    return frozenset(out)


def read_spellings(doc: LoadedDocument) -> None:
    """Correct ``doc.data`` in place (see the module docstring); warnings go to findings."""
    if not isinstance(doc.data, dict):
        return
    table = choices()
    routes = _routes()

    def visit(value: Any, path: tuple[str, ...], real: tuple[str | int, ...]) -> Any:
        if isinstance(value, dict):
            for key in list(value):
                sub = (*path, str(key))
                if sub in routes:
                    value[key] = visit(value[key], sub, (*real, str(key)))
            return value
        if isinstance(value, list):
            sub = (*path, "[]")
            if sub not in routes:
                return value
            return [visit(v, sub, (*real, i)) for i, v in enumerate(value)]
        if not isinstance(value, str):
            return value
        options = table.get(path)
        if options is not None and value not in options.values():
            return options.get(fold(value), value)
        if path == _ATTACHMENT_FILE and "\\" in value:
            fixed = value.replace("\\", "/")
            doc.findings.append(
                doc.issue(
                    "attachment-path-backslash",
                    pointer_from_path(real),
                    tep=value,
                    fixed=fixed,
                )
            )
            return fixed
        return value

    visit(doc.data, (), ())


__all__ = ["choices", "read_spellings"]
