"""Writing a round as a workbook: the sample spreadsheet is generated from the round file.

:func:`round_tables` lays a loaded round out in the sheets of
:mod:`~ocop_docs.production.spreadsheets.layout`; :func:`write_workbook` writes them as an
.xlsx an official can fill in (byte-identical for the same round), :func:`write_csv` as the
CSV file and its two sidecars.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_docs.files import atomic_write_bytes
from ocop_docs.production.rendering import make_deterministic
from ocop_docs.production.rounds.loading import ROUND_SCHEMA
from ocop_docs.production.rounds.model import Round
from ocop_docs.production.schema_tree import schema_tree
from ocop_docs.production.spreadsheets.cells import cell_text
from ocop_docs.production.spreadsheets.layout import (
    CSV_SIDECARS,
    OPTIONAL_SIDECARS,
    SCORE_PREFIX,
    SHEET_ASSESSMENTS,
    SHEET_INFO,
    SHEET_LETTERS,
    SHEET_MEMBERS,
    SHEET_PRODUCTS,
)
from ocop_docs.production.spreadsheets.papers import assessments_table, letters_table

# Blocks with sheets of their own (issue 12); the approval, the letter to the Ministry, the
# notices and the OCOP office are rows of «Thông tin đợt» like the decision.
OWN_SHEETS = ("san_pham", "hoi_dong.thanh_vien", "van_ban_xa")


def round_tables(rnd: Round) -> dict[str, list[list[Any]]]:
    """The sheets of a loaded :class:`~ocop_docs.production.rounds.Round`, as rows of cells.

    Products keep their dossier path (relative to the round file) and also show its name,
    producer, address, set and code, so the sheet reads on its own.
    """
    data = rnd.data or {}
    tree = schema_tree(ROUND_SCHEMA)
    info: list[list[Any]] = [["Khóa", "Giá trị", "Nội dung"]]

    def walk(value: Any, prefix: str) -> None:
        # The products, members, communes' letters and Mẫu 03 have sheets of their own.
        if prefix in OWN_SHEETS:
            return
        if isinstance(value, Mapping):
            for key, sub in value.items():
                walk(sub, f"{prefix}.{key}" if prefix else str(key))
            return
        schema = tree.at(prefix.split(".")) or {}
        title = str(schema.get("title", ""))
        items = value if isinstance(value, list) else [value]
        for item in items:
            info.append([prefix, _cell(item, schema), title])

    walk(data, "")
    members = [["Mã", "Họ tên", "Chức vụ", "Vai trò", "Có mặt", "Chấm điểm"]]
    for m in rnd.members:
        members.append(
            [
                m.ma,
                m.ho_ten,
                m.chuc_vu,
                m.role_name,
                "có" if m.co_mat else "không",
                "có" if m.cham_diem else "không",
            ]
        )
    scorers = [m.ma for m in rnd.scorers]
    header = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Bộ sản phẩm", "Mã sản phẩm"]
    header += [f"{SCORE_PREFIX} {ma.upper()}" for ma in scorers]
    header += ["Điểm trung bình", "Hồ sơ", "Lý do bị loại", "Ngày nhận hồ sơ"]
    products = [header]
    assessed: list[tuple[Any, Mapping[str, Any]]] = []
    for raw, p in zip(data.get("san_pham") or [], rnd.products, strict=True):
        if raw.get("danh_gia_xa"):
            assessed.append((p.index, raw["danh_gia_xa"]))
        by_member = {m.ma: s for m, s in p.scores}
        row: list[Any] = [
            p.index,
            p.ten,
            p.chu_the,
            p.dia_chi,
            p.bo_san_pham,
            p.ma_san_pham or None,
        ]
        row += [_score_cell(by_member[ma]) if ma in by_member else None for ma in scorers]
        row += [
            p.mean_text,
            raw.get("ho_so"),
            raw.get("bi_loai"),
            _date(raw.get("ngay_nhan_ho_so")),
        ]
        products.append(row)
    tables = {SHEET_PRODUCTS: products, SHEET_INFO: info, SHEET_MEMBERS: members}
    if data.get("van_ban_xa"):
        tables[SHEET_LETTERS] = letters_table(data["van_ban_xa"], _date)
    if assessed:
        tables[SHEET_ASSESSMENTS] = assessments_table(assessed, _date)
    return tables


def _date(value: Any) -> Any:
    """An ISO date as a real Excel date (shown dd/mm/yyyy); anything else as it is."""
    return _cell(value, {"format": "ngay"})


def _score_cell(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


def _cell(value: Any, schema: Mapping[str, Any]) -> Any:
    """Dates as real Excel dates, flags as «có»/«không»; everything else as it is."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, str) and (
        schema.get("format") in ("date", "ngay") or schema.get("title") == "Ngày"
    ):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return dt.datetime.fromisoformat(value)
    return value


def write_workbook(tables: Mapping[str, list[list[Any]]], path: Path) -> None:
    """An .xlsx an official can fill in: bold frozen headers, dates shown dd/mm/yyyy."""
    from openpyxl import Workbook  # here: 50–170 ms that only this function needs
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in tables.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(cell_text(c.value)) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
            for cell in column:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "DD/MM/YYYY HH:MM"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
    fixed = dt.datetime(2026, 1, 1)
    book.properties.creator = "ocop-docs"
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(path, make_deterministic(buffer.getvalue(), fixed))


def write_csv(tables: Mapping[str, list[list[Any]]], path: Path) -> list[Path]:
    """The CSV twin: products in ``path``, the two other sheets beside it (UTF-8 with BOM,
    which Excel needs to read Vietnamese correctly)."""
    written: list[Path] = []
    targets = {SHEET_PRODUCTS: path}
    targets.update({s: path.with_name(f"{path.stem}.{x}.csv") for s, x in CSV_SIDECARS.items()})
    targets.update(
        {
            s: path.with_name(f"{path.stem}.{x}.csv")
            for s, x in OPTIONAL_SIDECARS.items()
            if s in tables
        }
    )
    for sheet, target in targets.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in tables[sheet]:
            writer.writerow([_csvcell_text(v) for v in row])
        atomic_write_bytes(target, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
        written.append(target)
    return written


def _csvcell_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return cell_text(value)


__all__ = ["round_tables", "write_csv", "write_workbook"]
