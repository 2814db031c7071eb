"""Mapping a workbook to a round: info rows, council rows and product rows → round data.

Stage "loading" of the produce pipeline for spreadsheets (issue #5, docs/batch.md; the
layout is in :mod:`~ocop_docs.production.spreadsheets.layout`). The data comes out in the
shape of a round file, to be checked by
:func:`~ocop_docs.production.rounds.loading.round_from_data` like one.

Nothing here raises for a bad sheet: a bad product row becomes a :class:`RowFailure` with
its sheet row number, and the other rows still make a round (issue #5: one bad row fails
that item alone); problems of the sheet as a whole become issues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_docs.confined import Refused, named_path
from ocop_docs.errors import Issue
from ocop_docs.production.rounds.loading import ROUND_SCHEMA
from ocop_docs.production.rounds.model import outside_params
from ocop_docs.production.schema_tree import ITEMS, schema_tree
from ocop_docs.production.spreadsheets.cells import (
    EXPECTED,
    Cell,
    cell_date,
    cell_flag,
    cell_number,
    cell_text,
    convert_value,
    schema_types,
)
from ocop_docs.production.spreadsheets.layout import (
    INFO_COLUMNS,
    MEMBER_COLUMNS,
    PRODUCT_COLUMNS,
    ROLE_WORDS,
    SCORE_PREFIX,
    SHEET_ASSESSMENTS,
    SHEET_INFO,
    SHEET_LETTERS,
    SHEET_MEMBERS,
    SHEET_PRODUCTS,
)
from ocop_docs.production.spreadsheets.papers import (
    assessments_data,
    attach_assessments,
    letters_data,
)
from ocop_docs.production.spreadsheets.reading import (
    Row,
    SheetError,
    find_header,
    find_sheet,
    read_sheets,
    records,
)
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.text.names import fold


@dataclass(slots=True)
class RowFailure:
    """A product row that cannot be used, with every problem found in it."""

    row: int
    product: str
    issues: list[Issue]


@dataclass(slots=True)
class SheetRound:
    """A spreadsheet read as a round: the data, and which sheet row each product came from."""

    path: Path
    data: dict[str, Any] | None = None
    rows: list[int] = field(default_factory=list)  # sheet row of data["san_pham"][i]
    failures: list[RowFailure] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # problems of the sheet as a whole

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(i.severity == "error" for i in self.issues)


def _info_data(rows: list[Row], sheet: str, issues: list[Issue]) -> dict[str, Any]:
    position, columns, header_issues = find_header(rows, sheet, INFO_COLUMNS, ("khoa", "gia_tri"))
    issues.extend(header_issues)
    tree = schema_tree(ROUND_SCHEMA)
    data: dict[str, Any] = {}
    for number, record in records(rows, position, columns):
        key = cell_text(record.get("khoa"))
        value = record.get("gia_tri")
        if not key or not cell_text(value):
            continue  # an optional field left blank
        where = {"sheet": sheet, "row": number, "key": key}
        if key.split(".")[0] == "san_pham" or key == "hoi_dong.thanh_vien":
            issues.append(Issue("sheet-info-misplaced-key", params=where))
            continue
        schema = tree.at(key.split("."))
        if schema is None:
            issues.append(Issue("sheet-info-unknown-key", params=where))
            continue
        is_list = "array" in schema_types(schema)
        leaf = (tree.at([*key.split("."), ITEMS]) or {}) if is_list else schema
        if "object" in schema_types(leaf):
            issues.append(Issue("sheet-info-group-key", params=where))
            continue
        converted, expected = convert_value(value, leaf)
        if expected is not None:
            issues.append(
                Issue(
                    "sheet-info-bad-value",
                    params={**where, "value": cell_text(value), **EXPECTED[expected]},
                )
            )
            continue
        parts = key.split(".")
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        if is_list:
            target.setdefault(parts[-1], []).append(converted)
        elif parts[-1] in target:
            issues.append(Issue("sheet-info-duplicate-key", params=where))
        else:
            target[parts[-1]] = converted
    return data


def _members(rows: list[Row], sheet: str, issues: list[Issue]) -> list[dict[str, Any]]:
    required = ("ma", "ho_ten", "vai_tro")
    position, columns, header_issues = find_header(rows, sheet, MEMBER_COLUMNS, required)
    issues.extend(header_issues)
    out: list[dict[str, Any]] = []
    for number, record in records(rows, position, columns):

        def bad(key: str, expected: str, number: int = number, record: Any = record) -> None:
            params = {"sheet": sheet, "row": number, "column": MEMBER_COLUMNS[key][0]}
            params.update(value=cell_text(record.get(key)), **EXPECTED[expected])
            issues.append(Issue("sheet-member-bad-value", params=params))

        member: dict[str, Any] = {}
        for key in ("ma", "ho_ten", "chuc_vu"):
            if cell_text(record.get(key)):
                member[key] = cell_text(record.get(key))
        role_text = cell_text(record.get("vai_tro"))
        role = ROLE_WORDS.get(fold(role_text))
        if role is None and role_text in ROLE_WORDS.values():
            role = role_text
        if role is None:
            bad("vai_tro", "role")
            continue
        member["vai_tro"] = role
        for key in ("co_mat", "cham_diem"):
            if cell_text(record.get(key)):
                flag = cell_flag(record.get(key))
                if flag is None:
                    bad(key, "flag")
                    continue
                member[key] = flag
        out.append(member)
    return out


def _product_set(value: Cell) -> int | None:
    number = cell_number(value)
    if isinstance(number, int):
        return number if 1 <= number <= 26 else None
    text = fold(cell_text(value))
    m = re.match(r"^(?:bo\s+)?(\d+)\b", text)
    if m:
        found = int(m.group(1))
        return found if 1 <= found <= 26 else None
    for so, item in product_sets().items():
        if text in {fold(item.ten), *(fold(n) for n in item.ten_khac)}:
            return so
    return None


def _product_row(
    number: int,
    record: Mapping[str, Cell],
    members: Mapping[str, str],
    sheet_path: Path,
    allow: Sequence[Path],
) -> tuple[dict[str, Any] | None, RowFailure | None]:
    label = cell_text(record.get("ten")) or cell_text(record.get("ho_so")) or "—"
    problems: list[Issue] = []

    def problem(code: str, **params: Any) -> None:
        problems.append(Issue(code, params={"row": number, "product": label, **params}))

    entry: dict[str, Any] = {}
    if cell_text(record.get("ho_so")):
        named = cell_text(record["ho_so"])
        try:  # in the sheet's folder or an allowed one, never through a link (issue 9)
            entry["ho_so"] = str(named_path(sheet_path.parent, named, allow))
        except Refused as exc:
            if exc.code == "file-symlink":
                refused = Issue("file-symlink", params={"path": exc.reason})
                problem(
                    "sheet-row-invalid",
                    problem=refused.message("vi"),
                    problem_en=refused.message("en"),
                )
            else:  # its own code, so that its hint (--allow) can be worded for the web too
                problem("round-path-outside", **outside_params(sheet_path, named))
    for key in ("ten", "chu_the", "dia_chi", "ma_san_pham", "dien_thoai", "bi_loai", "ghi_chu"):
        if cell_text(record.get(key)):
            entry[key] = cell_text(record.get(key))
    if cell_text(record.get("ngay_nhan_ho_so")):  # Điều 7.6.g's 45 days count from it
        received = cell_date(record.get("ngay_nhan_ho_so"))
        if received is None:
            problem(
                "sheet-row-bad-date",
                column=PRODUCT_COLUMNS["ngay_nhan_ho_so"][0],
                value=cell_text(record.get("ngay_nhan_ho_so")),
            )
        else:
            entry["ngay_nhan_ho_so"] = received
    if "ho_so" not in entry:
        for key in ("ten", "chu_the", "dia_chi"):
            if key not in entry:
                problem("sheet-row-missing", column=PRODUCT_COLUMNS[key][0])
    if cell_text(record.get("bo_san_pham")):
        found = _product_set(record.get("bo_san_pham"))
        if found is None:
            problem("sheet-row-unknown-set", value=cell_text(record.get("bo_san_pham")))
        else:
            entry["bo_san_pham"] = found
    scores: dict[str, float | int] = {}
    for key, ma in members.items():
        raw = record.get(key)
        if not cell_text(raw):
            continue
        value = cell_number(raw)
        if value is None or not 0 <= value <= 100:
            problem(
                "sheet-row-bad-score", column=f"{SCORE_PREFIX} {ma.upper()}", value=cell_text(raw)
            )
            continue
        scores[ma] = value
    if scores:
        entry["diem"] = scores
        given = record.get("diem_tb")
        if cell_text(given):
            mean_given = cell_number(given)
            mean = sum((Fraction(str(v)) for v in scores.values()), Fraction(0)) / len(scores)
            if mean_given is None:
                problem(
                    "sheet-row-bad-score",
                    column=PRODUCT_COLUMNS["diem_tb"][0],
                    value=cell_text(given),
                )
            elif abs(mean - Fraction(str(mean_given))) > Fraction(1, 200):
                problem(
                    "sheet-row-mean-mismatch",
                    given=cell_text(given),
                    computed=f"{float(mean):.2f}".replace(".", ","),
                )
    elif not problems:
        problem("sheet-row-no-scores")
    if problems:
        return None, RowFailure(number, label, problems)
    return entry, None


def _product_rows(
    rows: list[Row],
    sheet: str,
    member_ids: Iterable[str],
    sheet_path: Path,
    allow: Sequence[Path],
    result: SheetRound,
    stts: list[str],
    failed: set[str],
) -> list[dict[str, Any]]:
    position, columns, header_issues = find_header(rows, sheet, PRODUCT_COLUMNS, ("ten",))
    result.issues.extend(header_issues)
    known = {fold(m).replace(" ", ""): m for m in member_ids}
    score_columns: dict[str, str] = {}
    header_cells = rows[position][1]
    for index, key in list(columns.items()):
        if not key.startswith("diem:"):
            continue
        ma = known.get(key[5:])
        if ma is None:
            result.issues.append(
                Issue(
                    "sheet-unknown-member",
                    params={
                        "sheet": sheet,
                        "column": cell_text(header_cells[index]),
                        "member": key[5:],
                    },
                )
            )
            del columns[index]
            continue
        score_columns[key] = ma
    products: list[dict[str, Any]] = []
    for number, record in records(rows, position, columns):
        entry, failure = _product_row(number, record, score_columns, sheet_path, allow)
        if failure is not None:
            result.failures.append(failure)
            failed.add(cell_text(record.get("stt")))
        elif entry is not None:
            products.append(entry)
            result.rows.append(number)
            stts.append(cell_text(record.get("stt")))
    return products


def read_round_sheet(path: Path | str, *, allow: Sequence[Path] = ()) -> SheetRound:
    """Read a results spreadsheet (.xlsx, or .csv with its two sidecar CSV files); the
    dossiers it names lie in its folder or in one of ``allow`` (the user's ``--allow``)."""
    path = Path(path)
    result = SheetRound(path=path)
    try:
        sheets, where = read_sheets(path)
        products_rows = find_sheet(sheets, SHEET_PRODUCTS)
        if products_rows is None:
            products_rows = next(iter(sheets.values()), [])
        info_rows = find_sheet(sheets, SHEET_INFO)
        member_rows = find_sheet(sheets, SHEET_MEMBERS)
        for sheet, rows in ((SHEET_INFO, info_rows), (SHEET_MEMBERS, member_rows)):
            if rows is None:
                raise SheetError(
                    Issue("sheet-missing", params={"path": str(path), "sheet": where[sheet]})
                )
        assert info_rows is not None and member_rows is not None
        data = _info_data(info_rows, SHEET_INFO, result.issues)
        members = _members(member_rows, SHEET_MEMBERS, result.issues)
        data.setdefault("hoi_dong", {})["thanh_vien"] = members
        ids = [str(m.get("ma", "")) for m in members]
        stts: list[str] = []  # the STT of each product kept, and of each row that failed
        failed: set[str] = set()
        data["san_pham"] = _product_rows(
            products_rows, SHEET_PRODUCTS, ids, path, allow, result, stts, failed
        )
        # The procedure's other papers (issue 12): the communes' letters, each Mẫu 03.
        letter_rows = find_sheet(sheets, SHEET_LETTERS)
        if letter_rows:
            letters = letters_data(letter_rows, result.issues)
            if letters:
                data["van_ban_xa"] = letters
        assessment_rows = find_sheet(sheets, SHEET_ASSESSMENTS)
        if assessment_rows:
            found = assessments_data(assessment_rows, result.issues)
            attach_assessments(data["san_pham"], stts, found, result.issues, failed)
        result.data = data
    except SheetError as exc:
        result.issues.append(exc.issue)
    return result


__all__ = ["RowFailure", "SheetRound", "read_round_sheet"]
