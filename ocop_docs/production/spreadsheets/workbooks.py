"""Opening a results spreadsheet without trusting it: bounded bytes, parts, rows and cells.

A workbook comes from an official's computer or, through the service, from anyone (issue 9).
An .xlsx is a zip of XML parts, so a few kilobytes can inflate to gigabytes (a zip bomb), a
part can be missing, its XML malformed, a cell can point at a shared string that does not
exist; a CSV file can hold a cell longer than the :mod:`csv` module accepts or a million
rows. Each is refused here with a catalogue code naming the file (and the sheet and row
where there is one) before it costs more than the limits below; nothing raises but
:class:`SheetRefused`.

The limits are far above any real round (a province's round has tens to a few hundred
products) and are documented in the README's bad-input passage:

* :data:`MAX_SHEET_FILE_BYTES`: the file on disk (.xlsx or .csv);
* :data:`MAX_UNPACKED_BYTES`: the sum of the declared uncompressed sizes of the workbook's
  parts, checked from the zip directory before a part is opened (:mod:`zipfile` stops a
  part at its declared size and checks its CRC, so the declaration cannot lie about more);
* :data:`MAX_PARTS`: entries in the zip;
* :data:`MAX_SHEET_ROWS`: rows holding text, per sheet;
* :data:`MAX_SHEET_CELLS`: cells visited per workbook, empty padding included (a row with
  one cell in column XFD is 16,384 cells);
* :data:`MAX_CSV_FIELD`: characters in one CSV cell (the :mod:`csv` module's default).

The file is read through one descriptor (:mod:`ocop_docs.confined`), as dossiers are.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ocop_docs.confined import Refused, open_inside, open_named, read_opened
from ocop_docs.errors import Issue
from ocop_docs.files import read_reason
from ocop_docs.text.documents import human_size

__all__ = [
    "MAX_CSV_FIELD",
    "MAX_PARTS",
    "MAX_SHEET_CELLS",
    "MAX_SHEET_FILE_BYTES",
    "MAX_SHEET_ROWS",
    "MAX_UNPACKED_BYTES",
    "SheetRefused",
    "csv_rows",
    "read_sheet_file",
    "xlsx_rows",
]

MAX_SHEET_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 10_000
MAX_SHEET_ROWS = 100_000
MAX_SHEET_CELLS = 5_000_000
MAX_CSV_FIELD = 131_072  # csv.field_size_limit()'s default, stated so it cannot drift

Row = tuple[int, list[Any]]  # sheet row number (1-based, as Excel shows it), values
HasText = Callable[[list[Any]], bool]

_MISSING_PART = re.compile(r"There is no item named '([^']+)'")


class SheetRefused(Exception):
    """The spreadsheet cannot be read within its limits; ``issue`` says why and where."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def _refuse(code: str, **params: Any) -> SheetRefused:
    return SheetRefused(Issue(code, params=params))


def read_sheet_file(path: Path, *, beside: bool = False) -> bytes:
    """The bytes of the spreadsheet ``path`` (named by the user or resolved by the caller),
    from one descriptor, at most :data:`MAX_SHEET_FILE_BYTES`. ``beside``: a file the user
    did not name but that is found beside one they did (a CSV's sidecars), opened in that
    folder without following a link (issue 9), as what a round names is."""
    shown = str(path)
    try:
        opened = open_inside(path.parent, path.name) if beside else open_named(path)
    except Refused as exc:
        link = ("là một liên kết (symlink), không được đọc", "it is a link (symlink), not read")
        reasons = {
            "attachment-missing": ("không tồn tại", "not found"),
            "attachment-not-file": ("không phải một tệp thường", "not a regular file"),
            "attachment-symlink": link,
            "attachment-path-escapes": link,
        }
        vi, en = reasons.get(exc.code, (exc.reason, exc.reason_en))
        raise _refuse("sheet-unreadable", path=shown, reason=vi, reason_en=en) from exc
    try:
        if opened.size > MAX_SHEET_FILE_BYTES:
            raw = b""
        else:
            raw = read_opened(opened, MAX_SHEET_FILE_BYTES)
    except OSError as exc:
        vi, en = read_reason(exc)
        raise _refuse("sheet-unreadable", path=shown, reason=vi, reason_en=en) from exc
    finally:
        os.close(opened.fd)
    size = max(opened.size, len(raw))
    if size > MAX_SHEET_FILE_BYTES:
        raise _refuse(
            "sheet-too-large",
            path=shown,
            part=path.name,
            size=human_size(size),
            limit=human_size(MAX_SHEET_FILE_BYTES),
        )
    return raw


def _check_zip(raw: bytes, shown: str) -> None:
    """Refuse what is not a zip, or would inflate past the limits, before any part is read."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _refuse(
            "sheet-unreadable",
            path=shown,
            reason="không phải một bảng tính .xlsx (tệp .xlsx là một tệp nén zip)",
            reason_en="not an .xlsx workbook (an .xlsx file is a zip archive)",
        ) from exc
    if len(entries) > MAX_PARTS:
        raise _refuse(
            "sheet-too-large",
            path=shown,
            part=f"{len(entries):,} phần",
            part_en=f"{len(entries):,} parts",
            size=f"{len(entries):,}",
            limit=f"{MAX_PARTS:,}",
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > MAX_UNPACKED_BYTES:
            raise _refuse(
                "sheet-too-large",
                path=shown,
                part=entry.filename,
                size=human_size(total),
                limit=human_size(MAX_UNPACKED_BYTES),
            )
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        missing = _missing_sheet(archive)
    if missing is not None:
        raise _refuse("sheet-part-missing", path=shown, part=missing)


_RELS = "xl/_rels/workbook.xml.rels"
_WORKSHEET = "/relationships/worksheet"


def _missing_sheet(archive: zipfile.ZipFile) -> str | None:
    """The first sheet part the workbook names but the zip lacks (openpyxl would silently
    drop that sheet, and another one would be read as the products)."""
    names = set(archive.namelist())
    if _RELS not in names:
        return None  # openpyxl names what is missing itself
    try:
        root = ElementTree.fromstring(archive.read(_RELS))
    except (ElementTree.ParseError, zipfile.BadZipFile, ValueError):
        return None  # openpyxl refuses it, as malformed XML
    for rel in root:
        target = rel.get("Target") or ""
        if not (rel.get("Type") or "").endswith(_WORKSHEET) or rel.get("TargetMode"):
            continue
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if posixpath.normpath(part) not in names:
            return posixpath.normpath(part)
    return None


def xlsx_rows(path: Path, raw: bytes, has_text: HasText) -> dict[str, list[Row]]:
    """Every sheet's rows that hold text, from the bytes of an .xlsx; raises SheetRefused."""
    # Imported here, not at the top: openpyxl costs 50–170 ms that only .xlsx input needs
    # (a CSV batch or a round file never does).
    from openpyxl import load_workbook

    shown = str(path)
    _check_zip(raw, shown)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except KeyError as exc:  # a part the workbook's relationships name is not in the zip
        found = _MISSING_PART.search(str(exc))
        part = found.group(1) if found else "?"
        raise _refuse("sheet-part-missing", path=shown, part=part) from exc
    except Exception as exc:  # malformed workbook.xml, styles, shared strings…
        raise _refuse("sheet-xml-malformed", path=shown, sheet="—", row="—") from exc
    sheets: dict[str, list[Row]] = {}
    cells = 0
    try:
        for sheet in book.worksheets:
            # The declared <dimension> is the author's claim, not data: without it rows are
            # padded only to their own last cell and no run of empty rows is invented.
            sheet.reset_dimensions()
            rows: list[Row] = []
            number = 0
            values: Iterable[Any]
            iterator = iter(sheet.iter_rows(values_only=True))
            while True:
                try:
                    values = next(iterator)
                except StopIteration:
                    break
                except IndexError as exc:  # a shared-string index past the table's end
                    raise _refuse(
                        "sheet-bad-cell", path=shown, sheet=sheet.title, row=number + 1
                    ) from exc
                except Exception as exc:  # XML syntax, bad numbers, a missing sheet part
                    raise _refuse(
                        "sheet-xml-malformed", path=shown, sheet=sheet.title, row=number + 1
                    ) from exc
                number += 1
                row = list(values)
                cells += len(row) + 1
                if cells > MAX_SHEET_CELLS:
                    raise _refuse(
                        "sheet-too-many-cells",
                        path=shown,
                        sheet=sheet.title,
                        row=number,
                        limit=f"{MAX_SHEET_CELLS:,}",
                    )
                if has_text(row):
                    rows.append((number, row))
                    if len(rows) > MAX_SHEET_ROWS:
                        raise _refuse(
                            "sheet-too-many-rows",
                            path=shown,
                            sheet=sheet.title,
                            row=number,
                            limit=f"{MAX_SHEET_ROWS:,}",
                        )
            sheets[sheet.title] = rows
    finally:
        book.close()
    return sheets


def csv_rows(path: Path, text: str, sheet: str = "") -> list[Row]:
    """The rows of a CSV text that hold text (the sheet ``sheet`` of the layout, for
    messages; the file's name by default); raises SheetRefused."""
    shown = str(path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    previous = csv.field_size_limit(MAX_CSV_FIELD)
    try:
        number = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row = reader.line_num
                if "field larger than field limit" in str(exc):
                    raise _refuse(
                        "sheet-cell-too-large", path=shown, row=row, limit=f"{MAX_CSV_FIELD:,}"
                    ) from exc
                raise _refuse("sheet-csv-malformed", path=shown, row=row) from exc
            number += 1
            if any(v.strip() for v in values):
                rows.append((number, values))
                if len(rows) > MAX_SHEET_ROWS:
                    raise _refuse(
                        "sheet-too-many-rows",
                        path=shown,
                        sheet=sheet or path.name,
                        row=number,
                        limit=f"{MAX_SHEET_ROWS:,}",
                    )
    finally:
        csv.field_size_limit(previous)
    return rows
