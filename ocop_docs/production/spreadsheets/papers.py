"""The procedure's other papers in a results workbook (issue 12): the communes' proposal
letters («Văn bản xã» → ``van_ban_xa``) and each product's Mẫu 03 («Đánh giá xã» →
``danh_gia_xa``), read and written so that a round given as a spreadsheet makes the same
papers as its round file (the approval, the letter to the Ministry and the notices are
rows of «Thông tin đợt»: :func:`~.mapping._info_data`).

Both sheets are optional; a row is one entry, its columns those of
:data:`~.layout.LETTER_COLUMNS` / :data:`~.layout.ASSESSMENT_COLUMNS` (the signer in three
columns, "Nơi nhận" one recipient per line of the cell or separated by ";"). A bad cell is
an issue naming the sheet, row and column (``sheet-paper-bad-value``); an assessment row
whose STT is no product of the sheet is ``sheet-paper-unknown-product``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.production.rounds.loading import ROUND_SCHEMA
from ocop_docs.production.schema_tree import ITEMS, schema_tree
from ocop_docs.production.spreadsheets.cells import EXPECTED, cell_text, convert_value
from ocop_docs.production.spreadsheets.layout import (
    ASSESSMENT_COLUMNS,
    LETTER_COLUMNS,
    SHEET_ASSESSMENTS,
    SHEET_LETTERS,
    SIGNER_COLUMNS,
)
from ocop_docs.production.spreadsheets.reading import Row, find_header, records

_SPLIT = re.compile(r"\s*(?:\n|;)\s*")


def _entry(
    record: Mapping[str, Any],
    columns: Mapping[str, tuple[str, ...]],
    where: Sequence[str],
    sheet: str,
    number: int,
    issues: list[Issue],
) -> dict[str, Any]:
    """One row as the round file's entry (``where``: its path in the round schema)."""
    tree = schema_tree(ROUND_SCHEMA)
    entry: dict[str, Any] = {}
    for key in columns:
        value = record.get(key)
        if key == "stt" or not cell_text(value):
            continue
        if key == "noi_nhan":
            entry[key] = [r for r in _SPLIT.split(cell_text(value)) if r]
            continue
        path = [*where, "nguoi_ky", key] if key in SIGNER_COLUMNS else [*where, key]
        schema = tree.at(path) or {}
        converted, expected = convert_value(value, schema)
        if expected is not None:
            params = {"sheet": sheet, "row": number, "column": columns[key][0]}
            params.update(value=cell_text(value), **EXPECTED[expected])
            issues.append(Issue("sheet-paper-bad-value", params=params))
            continue
        if key in SIGNER_COLUMNS:
            entry.setdefault("nguoi_ky", {})[key] = converted
        else:
            entry[key] = converted
    return entry


def letters_data(rows: list[Row], issues: list[Issue]) -> list[dict[str, Any]]:
    """«Văn bản xã»: the ``van_ban_xa`` entries, one per row."""
    position, columns, header_issues = find_header(rows, SHEET_LETTERS, LETTER_COLUMNS, ("xa",))
    issues.extend(header_issues)
    return [
        _entry(record, LETTER_COLUMNS, ["van_ban_xa", ITEMS], SHEET_LETTERS, number, issues)
        for number, record in records(rows, position, columns)
    ]


def assessments_data(rows: list[Row], issues: list[Issue]) -> dict[str, dict[str, Any]]:
    """«Đánh giá xã»: each product's ``danh_gia_xa``, by the product's STT."""
    position, columns, header_issues = find_header(
        rows, SHEET_ASSESSMENTS, ASSESSMENT_COLUMNS, ("stt", "nguyen_lieu")
    )
    issues.extend(header_issues)
    where = ["san_pham", ITEMS, "danh_gia_xa"]
    out: dict[str, dict[str, Any]] = {}
    for number, record in records(rows, position, columns):
        stt = cell_text(record.get("stt"))
        out[stt] = _entry(record, ASSESSMENT_COLUMNS, where, SHEET_ASSESSMENTS, number, issues)
        out[stt]["_row"] = number
    return out


def attach_assessments(
    products: list[dict[str, Any]],
    numbers: Sequence[str],
    assessments: dict[str, dict[str, Any]],
    issues: list[Issue],
    failed: Set[str] = frozenset(),
) -> None:
    """Give each product (``numbers``: its STT in «Sản phẩm») its Mẫu 03 row; the row of a
    product whose own row failed goes with it (that failure is already reported)."""
    known = dict(zip(numbers, products, strict=True))
    for stt, entry in assessments.items():
        row = entry.pop("_row")
        product = known.get(stt)
        if product is None and stt in failed:
            continue
        if product is None:
            issues.append(
                Issue(
                    "sheet-paper-unknown-product",
                    params={"sheet": SHEET_ASSESSMENTS, "row": row, "stt": stt},
                )
            )
            continue
        product["danh_gia_xa"] = entry


def _signer_cells(raw: Mapping[str, Any] | None) -> list[Any]:
    raw = raw or {}
    return [raw.get("quyen_han"), raw.get("chuc_vu"), raw.get("ho_ten")]


def _recipients(raw: Any) -> str | None:
    return "\n".join(str(r) for r in raw) if raw else None


def letters_table(entries: Sequence[Mapping[str, Any]], cell: Any) -> list[list[Any]]:
    """«Văn bản xã» from the round's ``van_ban_xa`` (``cell``: a date → an Excel date)."""
    rows: list[list[Any]] = [[names[0] for names in LETTER_COLUMNS.values()]]
    for e in entries:
        head = [e.get("xa"), e.get("so"), cell(e.get("ngay")), e.get("dia_danh")]
        signer = _signer_cells(e.get("nguoi_ky"))
        rows.append(
            [*head, e.get("kinh_gui"), e.get("trich_yeu"), *signer, _recipients(e.get("noi_nhan"))]
        )
    return rows


def assessments_table(
    products: Sequence[tuple[Any, Mapping[str, Any]]], cell: Any
) -> list[list[Any]]:
    """«Đánh giá xã» from each product's ``danh_gia_xa`` (``products``: STT, assessment)."""
    rows: list[list[Any]] = [[names[0] for names in ASSESSMENT_COLUMNS.values()]]
    for stt, a in products:
        head = [stt, a.get("xa"), a.get("so"), cell(a.get("ngay")), a.get("dia_danh")]
        texts = [a.get("nguyen_lieu"), a.get("lao_dong"), a.get("y_tuong"), a.get("ban_sac")]
        signer = _signer_cells(a.get("nguoi_ky"))
        rows.append([*head, *texts, *signer, _recipients(a.get("noi_nhan"))])
    return rows


__all__ = [
    "assessments_data",
    "assessments_table",
    "attach_assessments",
    "letters_data",
    "letters_table",
]
