"""Reading a workbook: the rows of each sheet of an .xlsx, or of a CSV file and its sidecars.

Only rows with some text are kept, each with its row number as Excel shows it, so every
problem can name the row an official finds. Header rows are found among the first 20
rows and matched without case and diacritics (:data:`~.layout.PRODUCT_COLUMNS` …).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from ocop_docs.errors import Issue
from ocop_docs.production.spreadsheets.cells import Cell, cell_text
from ocop_docs.production.spreadsheets.layout import (
    CSV_SIDECARS,
    OPTIONAL_SIDECARS,
    PRODUCT_COLUMNS,
    SCORE_PREFIX,
    SHEET_PRODUCTS,
)
from ocop_docs.production.spreadsheets.workbooks import (
    SheetRefused,
    csv_rows,
    read_sheet_file,
    xlsx_rows,
)
from ocop_docs.text.decoding import decode_bytes
from ocop_docs.text.names import fold

Row = tuple[int, list[Cell]]  # sheet row number (1-based, as Excel shows it), values


class SheetError(Exception):
    """A sheet that cannot be read at all; carries the issue that says why."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def _has_text(cells: list[Cell]) -> bool:
    return any(cell_text(c) for c in cells)


def _rows_xlsx(path: Path) -> dict[str, list[Row]]:
    # Bounded bytes, parts, rows and cells (issue 9): spreadsheets.workbooks.
    try:
        return xlsx_rows(path, read_sheet_file(path), _has_text)
    except SheetRefused as exc:
        raise SheetError(exc.issue) from exc


def _rows_csv(path: Path, sheet: str, *, beside: bool = False) -> list[Row]:
    try:
        raw = read_sheet_file(path, beside=beside)
    except SheetRefused as exc:
        raise SheetError(exc.issue) from exc
    decoded = decode_bytes(raw)
    if decoded.text is None:
        guess = (decoded.failure.likely_encoding if decoded.failure else None) or "?"
        raise SheetError(Issue("sheet-not-utf8", params={"path": str(path), "guess": guess}))
    try:
        return csv_rows(path, decoded.text, sheet)
    except SheetRefused as exc:
        raise SheetError(exc.issue) from exc


def find_sheet(sheets: Mapping[str, list[Row]], name: str) -> list[Row] | None:
    wanted = fold(name)
    for title, rows in sheets.items():
        if fold(title) == wanted:
            return rows
    return None


def find_header(
    rows: list[Row], sheet: str, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[int, dict[int, str], list[Issue]]:
    """Index of the header row, column index → key, and header issues."""
    aliases = {fold(name): key for key, names in columns.items() for name in names}
    for position, (_row, cells) in enumerate(rows[:20]):
        folded = [fold(cell_text(c)) for c in cells]
        if not all(any(aliases.get(f) == key for f in folded) for key in required):
            continue
        found: dict[int, str] = {}
        issues: list[Issue] = []
        seen: dict[str, int] = {}
        for index, (raw, key_text) in enumerate(zip(cells, folded, strict=True)):
            if not key_text:
                continue
            key = aliases.get(key_text)
            if (
                key is None
                and key_text.startswith(fold(SCORE_PREFIX) + " ")
                and columns is PRODUCT_COLUMNS
            ):
                key = "diem:" + key_text[len(fold(SCORE_PREFIX)) + 1 :].replace(" ", "")
            if key is None:
                issues.append(
                    Issue("sheet-unknown-column", params={"sheet": sheet, "column": cell_text(raw)})
                )
                continue
            if key in seen:
                issues.append(
                    Issue(
                        "sheet-duplicate-column", params={"sheet": sheet, "column": cell_text(raw)}
                    )
                )
                continue
            seen[key] = index
            found[index] = key
        return position, found, issues
    names = ", ".join(f"«{columns[k][0]}»" for k in required)
    raise SheetError(Issue("sheet-no-header", params={"sheet": sheet, "columns": names}))


def records(
    rows: list[Row], start: int, columns: Mapping[int, str]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    for number, cells in rows[start + 1 :]:
        record = {key: cells[i] if i < len(cells) else None for i, key in columns.items()}
        if any(cell_text(v) for v in record.values()):
            yield number, record


def read_sheets(path: Path) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Every sheet's rows (a CSV file is the products sheet, its sidecars the others) and,
    for messages, where each sheet of the layout is looked for."""
    if path.suffix.lower() == ".csv":
        sheets = {SHEET_PRODUCTS: _rows_csv(path, SHEET_PRODUCTS)}
        for sheet, suffix in {**CSV_SIDECARS, **OPTIONAL_SIDECARS}.items():
            side = path.with_name(f"{path.stem}.{suffix}.csv")
            if os.path.lexists(side):  # a link in its place is refused, not passed over
                sheets[sheet] = _rows_csv(side, sheet, beside=True)
        return sheets, {s: f"{path.stem}.{x}.csv" for s, x in CSV_SIDECARS.items()}
    return _rows_xlsx(path), {s: s for s in CSV_SIDECARS}


__all__ = ["Row", "SheetError", "find_header", "find_sheet", "read_sheets", "records"]
