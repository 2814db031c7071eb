"""Inputs: what a path given to ``render`` or ``batch`` is, and a dossier's data.

Stage "inputs" of the produce pipeline (architecture §2). One detector serves both verbs:

* a folder holding ``ho-so.yaml`` (or ``.yml``, ``.json``), or that file: a **dossier**;
* any other folder: a **folder of dossiers** (``batch`` only; it may hold one dossier);
* a ``.yaml``/``.yml``/``.json`` file: a **scorecard** when it is a mapping with the
  choices ``chon`` and no council, a **revocation** file when it has a top-level
  ``thu_hoi`` and no council (QĐ 26/2026 Điều 8), else a **round** file (the round loader
  reports a file that is neither, with its line);
* a ``.xlsx``/``.xlsm``/``.csv`` file: a results **spreadsheet** (``batch`` only);
* a number "1"–"26" that is not a file: a **product set** (the blank scoring sheet).

``render`` accepts dossiers, rounds, scorecards and set numbers; ``batch`` rounds,
spreadsheets and folders (a scorecard given to ``batch`` is read as a round, which then
says what is missing).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.spreadsheets.layout import (
    CSV_SIDECARS,
    OPTIONAL_SIDECARS,
    SPREADSHEET_SUFFIXES,
)
from ocop_docs.scoring.card_file import CardReadError, read_card
from ocop_docs.text.decoding import nfc_tree
from ocop_docs.text.documents import load_document
from ocop_docs.validation.checks.schema import check_schema
from ocop_docs.validation.loading import (
    DOSSIER_NAMES,
    dossier_folders,
    is_dossier_folder,
    load_dossier,
)

InputKind = Literal["dossier", "dossiers", "round", "spreadsheet", "scorecard", "set", "revocation"]
BatchInput = Literal["round", "spreadsheet", "dossiers"]  # as the manifest records it

INPUT_NAMES: dict[InputKind, tuple[str, str]] = {
    "dossier": ("hồ sơ sản phẩm", "a product dossier"),
    "dossiers": ("thư mục hồ sơ", "a folder of dossiers"),
    "round": ("tệp đợt đánh giá", "a round file"),
    "spreadsheet": ("bảng tính kết quả", "a results spreadsheet"),
    "scorecard": ("phiếu chấm", "a scorecard"),
    "set": ("số bộ sản phẩm", "a product set number"),
    "revocation": ("tệp thu hồi giấy chứng nhận", "a certificate revocation file"),
}
DATA_SUFFIXES = (".yaml", ".yml", ".json")

_ROUND_KEY = re.compile(r'^hoi_dong\s*:|"hoi_dong"\s*:', re.MULTILINE)  # YAML or JSON
_SET_NUMBER = re.compile(r"\d{1,2}")
_REVOCATION_KEY = re.compile(r'^thu_hoi\s*:|"thu_hoi"\s*:', re.MULTILINE)  # YAML or JSON


def _is_revocation(path: Path) -> bool:
    """A YAML/JSON file with a top-level ``thu_hoi`` and no council: a revocation file."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_REVOCATION_KEY.search(text)) and not _ROUND_KEY.search(text)


def _is_scorecard(path: Path) -> bool:
    """A YAML/JSON mapping with the choices ``chon`` and no council is a scorecard."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if _ROUND_KEY.search(text):
        return False  # a round file's council: no need to parse a big file twice
    try:
        data = read_card(path).data
    except CardReadError:
        return False  # unreadable: let the round loader report it with its line
    return isinstance(data, dict) and "chon" in data and "hoi_dong" not in data


def classify(path: Path) -> InputKind | None:
    """What ``path`` is (see the module docstring), or None when it is none of them."""
    if path.is_dir():
        return "dossier" if is_dossier_folder(path) else "dossiers"
    if path.name in DOSSIER_NAMES:
        return "dossier"
    suffix = path.suffix.lower()
    if path.is_file() and suffix in DATA_SUFFIXES:
        if _is_revocation(path):
            return "revocation"
        return "scorecard" if _is_scorecard(path) else "round"
    if path.is_file() and suffix in SPREADSHEET_SUFFIXES:
        return "spreadsheet"
    if not path.exists() and _SET_NUMBER.fullmatch(str(path)):
        return "set"
    return None


def detect_input(path: Path) -> InputKind:
    """The input of ``render``: a dossier, a round file, a scorecard or a set number."""
    what = classify(path)
    if what in (None, "dossiers", "spreadsheet"):
        raise InputError("render-input-unknown", path=str(path))
    assert what is not None
    return what


def detect_batch_input(path: Path) -> BatchInput:
    """The input of ``batch``: a round file, a results spreadsheet or a folder of dossiers."""
    what = classify(path)
    if what in ("round", "scorecard", "revocation"):
        return "round"
    if what == "spreadsheet":
        return "spreadsheet"
    if path.is_dir():
        return "dossiers"
    raise InputError("batch-input-unknown", path=str(path))


def input_files(path: Path, kind: BatchInput) -> list[Path]:
    """The files a batch input is read from (what ``--resume`` must see unchanged)."""
    if kind == "round":
        return [path]
    if kind == "spreadsheet":
        if path.suffix.lower() != ".csv":
            return [path]
        sides = [path.with_name(f"{path.stem}.{x}.csv") for x in CSV_SIDECARS.values()]
        optional = [path.with_name(f"{path.stem}.{x}.csv") for x in OPTIONAL_SIDECARS.values()]
        return [path, *sides, *(p for p in optional if p.exists())]
    return sorted(p for p in path.rglob("ho-so.*") if p.is_file())


def read_dossier_data(path: Path) -> tuple[dict[str, Any] | None, list[Issue], Path]:
    """The data of a dossier (folder or ho-so.yaml/json), NFC, dates as ISO strings; its
    load issues; the data file. Never raises for a bad dossier."""
    doc = load_dossier(path)
    data = doc.data if isinstance(doc.data, dict) else None
    # Value findings (a NaN, a control character…) come last: errors of a readable file.
    return data, [*doc.issues, *doc.findings], doc.path


def read_valid_dossier(path: Path) -> tuple[dict[str, Any], list[Issue]]:
    """A dossier's data and its warnings, or :class:`InputError` (exit 1) when it cannot be
    read (documents are made from a dossier with load warnings, never from an unreadable
    one)."""
    data, issues, _file = read_dossier_data(path)
    # A document is never made from a value the dossier check refuses (issue 9): a lone
    # surrogate would print as U+FFFD, a control character would vanish from the page.
    if data is None or any(i.severity == "error" for i in issues):
        reason = "; ".join(i.message("vi") for i in issues if i.severity == "error") or "?"
        raise InputError("render-dossier-invalid", issues=issues, path=str(path), reason=reason)
    return data, [i for i in issues if i.severity == "warning"]


def read_data_file(path: Path, schema: str, code: str) -> tuple[dict[str, Any], list[Issue]]:
    """A paper's own data file (the revocation file, the commune letter's ``--thong-tin``)
    checked against ``schema``: its data in NFC and its warnings, or ``code`` (exit 1)
    naming every problem with its line when it is not a valid mapping."""
    doc = load_document(path)
    issues = list(doc.issues)
    if isinstance(doc.data, dict):
        issues.extend(check_schema(doc, schema))
    errors = [i for i in issues if i.severity == "error"]
    if not isinstance(doc.data, dict) or errors:
        raise InputError(
            code,
            issues=issues,
            path=str(path),
            count=max(len(errors), 1),
            first=errors[0].message("vi") if errors else "?",
            first_en=errors[0].message("en") if errors else "?",
        )
    data: dict[str, Any] = nfc_tree(doc.data)
    return data, [i for i in issues if i.severity == "warning"]


__all__ = [
    "INPUT_NAMES",
    "BatchInput",
    "InputKind",
    "classify",
    "detect_batch_input",
    "detect_input",
    "dossier_folders",
    "input_files",
    "is_dossier_folder",
    "read_data_file",
    "read_dossier_data",
    "read_valid_dossier",
]
