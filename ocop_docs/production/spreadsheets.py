"""Spreadsheets: a round's results as officials keep them (.xlsx or .csv) → round data.

Stage "loading" of the produce pipeline for spreadsheets (issue #5, docs/batch.md). A
workbook has three sheets, each with a header row; headers are matched without case and
diacritics, so "Tên sản phẩm", "TEN SAN PHAM" and "Ten san pham" are the same column:

* **Sản phẩm** (or the first sheet): one row per product. Columns ``STT``,
  ``Tên sản phẩm``, ``Chủ thể``, ``Địa chỉ``, ``Bộ sản phẩm``, ``Mã sản phẩm``,
  ``Điện thoại``, ``Hồ sơ`` (a dossier folder, relative to the spreadsheet), one
  ``Điểm <mã>`` column per council member (``Điểm TV1`` … the member ids of the sheet
  Hội đồng), ``Điểm trung bình`` (optional, checked against the members' scores),
  ``Lý do bị loại`` and ``Ghi chú``.
* **Thông tin đợt**: ``Khóa`` | ``Giá trị`` (| ``Nội dung``, a label for people): one row
  per field of the round file (``co_quan.ten``, ``quyet_dinh.so`` …); a list such as
  ``quyet_dinh.can_cu`` takes one row per item.
* **Hội đồng**: ``Mã`` | ``Họ tên`` | ``Chức vụ`` | ``Vai trò`` | ``Có mặt`` | ``Chấm điểm``.

A CSV file holds the products; the two other sheets are CSV files beside it named
``<tên>.thong-tin-dot.csv`` and ``<tên>.hoi-dong.csv``. CSV must be UTF-8 (Excel: "CSV
UTF-8"); "," or ";" separated; decimal commas ("91,5") are read as numbers.

Nothing here raises for a bad sheet: a bad product row becomes a :class:`RowFailure` with
its sheet row number, and the other rows still make a round (issue #5: one bad row fails
that item alone); problems of the sheet as a whole become issues.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.text.names import fold

SHEET_PRODUCTS = "Sản phẩm"
SHEET_INFO = "Thông tin đợt"
SHEET_MEMBERS = "Hội đồng"
CSV_SIDECARS: dict[str, str] = {SHEET_INFO: "thong-tin-dot", SHEET_MEMBERS: "hoi-dong"}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")

# Product columns: key in the round file → the header officials see, and accepted variants.
PRODUCT_COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số thứ tự", "TT"),
    "ten": ("Tên sản phẩm", "Sản phẩm"),
    "chu_the": ("Chủ thể", "Tên chủ thể", "Chủ thể sản xuất"),
    "dia_chi": ("Địa chỉ", "Địa chỉ chủ thể"),
    "bo_san_pham": ("Bộ sản phẩm", "Bộ SP"),
    "ma_san_pham": ("Mã sản phẩm", "Mã số sản phẩm", "Mã số"),
    "dien_thoai": ("Điện thoại", "Số điện thoại"),
    "ho_so": ("Hồ sơ", "Thư mục hồ sơ", "Đường dẫn hồ sơ"),
    "diem_tb": ("Điểm trung bình", "Tổng điểm trung bình", "Điểm TB"),
    "bi_loai": ("Lý do bị loại", "Bị loại"),
    "ghi_chu": ("Ghi chú",),
}
SCORE_PREFIX = "Điểm"
MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "ma": ("Mã", "Mã thành viên", "Ký hiệu"),
    "ho_ten": ("Họ tên", "Họ và tên"),
    "chuc_vu": ("Chức vụ",),
    "vai_tro": ("Vai trò",),
    "co_mat": ("Có mặt",),
    "cham_diem": ("Chấm điểm",),
}
INFO_COLUMNS: dict[str, tuple[str, ...]] = {
    "khoa": ("Khóa", "Khoá", "Trường"),
    "gia_tri": ("Giá trị",),
    "noi_dung": ("Nội dung", "Mục", "Ghi chú"),
}
ROLE_WORDS: dict[str, str] = {
    "chu tich": "chu_tich",
    "chu tich hoi dong": "chu_tich",
    "pho chu tich": "pho_chu_tich",
    "pho chu tich hoi dong": "pho_chu_tich",
    "uy vien": "uy_vien",
    "uy vien kiem thu ky": "uy_vien_thu_ky",
    "uy vien thu ky": "uy_vien_thu_ky",
    "thu ky": "thu_ky",
    "thu ky hoi dong": "thu_ky",
}
_YES = {"co", "x", "yes", "true", "1", "dung", "co mat", "cham"}
_NO = {"khong", "no", "false", "0", "sai", "vang", "vang mat"}
# What a cell should have held, for the catalogue's "cần {expected}" messages.
EXPECTED: dict[str, dict[str, str]] = {
    "date": {"expected": "một ngày dd/mm/yyyy", "expected_en": "a date dd/mm/yyyy"},
    "moment": {"expected": "ngày giờ dd/mm/yyyy hh:mm", "expected_en": "a time dd/mm/yyyy hh:mm"},
    "flag": {"expected": "«có» hoặc «không»", "expected_en": "'có' or 'không'"},
    "number": {"expected": "một số", "expected_en": "a number"},
    "role": {
        "expected": "Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký hoặc Thư ký",
        "expected_en": "Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký or Thư ký",
    },
}
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$")

Cell = Any
Row = tuple[int, list[Cell]]  # sheet row number (1-based, as Excel shows it), values


# --- results --------------------------------------------------------------------------------


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


class _SheetError(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


# --- reading cells ---------------------------------------------------------------------------


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _number(value: Cell) -> float | int | None:
    """A number from a cell: 91, 91.5, "91,5" (decimal comma), "91.5"; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    text = _text(value).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    return None


def _flag(value: Cell) -> bool | None:
    if isinstance(value, bool):
        return value
    word = fold(_text(value))
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def _date(value: Cell) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    m = _DMY.match(text)
    if m and m.group(4) is None:
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return None


def _moment(value: Cell) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    text = _text(value)
    m = _DMY.match(text)
    if m and m.group(4) is not None:
        day, month, year, hour, minute = (int(g) for g in m.groups())
        return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        return text.replace(" ", "T")[:16]
    return None


# --- reading sheets --------------------------------------------------------------------------


def _rows_xlsx(path: Path) -> dict[str, list[Row]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException…
        raise _SheetError(
            Issue(
                "sheet-unreadable",
                params={"path": str(path), "reason": str(exc) or type(exc).__name__},
            )
        ) from exc
    sheets: dict[str, list[Row]] = {}
    try:
        for sheet in book.worksheets:
            rows: list[Row] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = list(values)
                if any(_text(c) for c in cells):
                    rows.append((number, cells))
            sheets[sheet.title] = rows
    finally:
        book.close()
    return sheets


def _rows_csv(path: Path) -> list[Row]:
    from ocop_docs.text.decoding import decode_bytes

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _SheetError(
            Issue(
                "sheet-unreadable", params={"path": str(path), "reason": exc.strerror or str(exc)}
            )
        ) from exc
    decoded = decode_bytes(raw)
    if decoded.text is None:
        guess = (decoded.failure.likely_encoding if decoded.failure else None) or "?"
        raise _SheetError(Issue("sheet-not-utf8", params={"path": str(path), "guess": guess}))
    text = decoded.text
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[Row] = []
    for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if any(v.strip() for v in values):
            rows.append((number, list(values)))
    return rows


def _find_sheet(sheets: Mapping[str, list[Row]], name: str) -> list[Row] | None:
    wanted = fold(name)
    for title, rows in sheets.items():
        if fold(title) == wanted:
            return rows
    return None


def _header(
    rows: list[Row], sheet: str, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[int, dict[int, str], list[Issue]]:
    """Index of the header row, column index → key, and header issues."""
    aliases = {fold(name): key for key, names in columns.items() for name in names}
    for position, (_row, cells) in enumerate(rows[:20]):
        folded = [fold(_text(c)) for c in cells]
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
                    Issue("sheet-unknown-column", params={"sheet": sheet, "column": _text(raw)})
                )
                continue
            if key in seen:
                issues.append(
                    Issue("sheet-duplicate-column", params={"sheet": sheet, "column": _text(raw)})
                )
                continue
            seen[key] = index
            found[index] = key
        return position, found, issues
    names = ", ".join(f"«{columns[k][0]}»" for k in required)
    raise _SheetError(Issue("sheet-no-header", params={"sheet": sheet, "columns": names}))


def _records(
    rows: list[Row], start: int, columns: Mapping[int, str]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    for number, cells in rows[start + 1 :]:
        record = {key: cells[i] if i < len(cells) else None for i, key in columns.items()}
        if any(_text(v) for v in record.values()):
            yield number, record


# --- the round sheet ("Thông tin đợt") -----------------------------------------------------


def _round_schema() -> dict[str, Any]:
    from ocop_docs.resources import schemas_dir

    schema: dict[str, Any] = json.loads(
        (schemas_dir() / "round.schema.json").read_text(encoding="utf-8")
    )
    return schema


def _resolve(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        schema = {**root["$defs"][name], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def schema_at(path: str, root: Mapping[str, Any] | None = None) -> Mapping[str, Any] | None:
    """The round schema of a dotted key ("quyet_dinh.nguoi_ky.ho_ten"), or None."""
    root = root or _round_schema()
    node: Mapping[str, Any] = root
    for part in path.split("."):
        node = _resolve(node, root)
        props = node.get("properties") or {}
        if part not in props:
            return None
        node = props[part]
    return _resolve(node, root)


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return set(kind)
    return {kind} if isinstance(kind, str) else set()


def convert_value(value: Cell, schema: Mapping[str, Any]) -> tuple[Any, str | None]:
    """A cell as the round schema wants it, or (None, what was expected)."""
    types = _types(schema)
    if schema.get("format") == "date" or schema.get("title") == "Ngày":
        found = _date(value)
        return (found, None) if found else (None, "date")
    if "pattern" in schema and "T" in str(schema.get("pattern")) and "string" in types:
        found = _moment(value)
        return (found, None) if found else (None, "moment")
    if types == {"boolean"}:
        flag = _flag(value)
        return (flag, None) if flag is not None else (None, "flag")
    if types & {"integer", "number"} and "string" not in types:
        number = _number(value)
        if number is None or (
            "integer" in types and "number" not in types and not isinstance(number, int)
        ):
            return None, "number"
        return number, None
    if "integer" in types and isinstance(_number(value), int) and not isinstance(value, str):
        return _number(value), None
    return _text(value), None


def _info_data(rows: list[Row], sheet: str, issues: list[Issue]) -> dict[str, Any]:
    position, columns, header_issues = _header(rows, sheet, INFO_COLUMNS, ("khoa", "gia_tri"))
    issues.extend(header_issues)
    root = _round_schema()
    data: dict[str, Any] = {}
    for number, record in _records(rows, position, columns):
        key = _text(record.get("khoa"))
        value = record.get("gia_tri")
        if not key or not _text(value):
            continue  # an optional field left blank
        where = {"sheet": sheet, "row": number, "key": key}
        if key.split(".")[0] == "san_pham" or key == "hoi_dong.thanh_vien":
            issues.append(Issue("sheet-info-misplaced-key", params=where))
            continue
        schema = schema_at(key, root)
        if schema is None:
            issues.append(Issue("sheet-info-unknown-key", params=where))
            continue
        is_list = "array" in _types(schema)
        leaf = _resolve(schema.get("items") or {}, root) if is_list else schema
        if "object" in _types(leaf):
            issues.append(Issue("sheet-info-group-key", params=where))
            continue
        converted, expected = convert_value(value, leaf)
        if expected is not None:
            issues.append(
                Issue(
                    "sheet-info-bad-value",
                    params={**where, "value": _text(value), **EXPECTED[expected]},
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
    position, columns, header_issues = _header(rows, sheet, MEMBER_COLUMNS, required)
    issues.extend(header_issues)
    out: list[dict[str, Any]] = []
    for number, record in _records(rows, position, columns):

        def bad(key: str, expected: str, number: int = number, record: Any = record) -> None:
            params = {"sheet": sheet, "row": number, "column": MEMBER_COLUMNS[key][0]}
            params.update(value=_text(record.get(key)), **EXPECTED[expected])
            issues.append(Issue("sheet-member-bad-value", params=params))

        member: dict[str, Any] = {}
        for key in ("ma", "ho_ten", "chuc_vu"):
            if _text(record.get(key)):
                member[key] = _text(record.get(key))
        role_text = _text(record.get("vai_tro"))
        role = ROLE_WORDS.get(fold(role_text))
        if role is None and role_text in ROLE_WORDS.values():
            role = role_text
        if role is None:
            bad("vai_tro", "role")
            continue
        member["vai_tro"] = role
        for key in ("co_mat", "cham_diem"):
            if _text(record.get(key)):
                flag = _flag(record.get(key))
                if flag is None:
                    bad(key, "flag")
                    continue
                member[key] = flag
        out.append(member)
    return out


# --- product rows ---------------------------------------------------------------------------


def _product_set(value: Cell) -> int | None:
    from ocop_docs.rules.regimes import product_sets

    number = _number(value)
    if isinstance(number, int):
        return number if 1 <= number <= 26 else None
    text = fold(_text(value))
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
    base: Path,
) -> tuple[dict[str, Any] | None, RowFailure | None]:
    label = _text(record.get("ten")) or _text(record.get("ho_so")) or "—"
    problems: list[Issue] = []

    def problem(code: str, **params: Any) -> None:
        problems.append(Issue(code, params={"row": number, "product": label, **params}))

    entry: dict[str, Any] = {}
    if _text(record.get("ho_so")):
        entry["ho_so"] = str((base / _text(record["ho_so"])).resolve())
    for key in ("ten", "chu_the", "dia_chi", "ma_san_pham", "dien_thoai", "bi_loai", "ghi_chu"):
        if _text(record.get(key)):
            entry[key] = _text(record.get(key))
    if "ho_so" not in entry:
        for key in ("ten", "chu_the", "dia_chi"):
            if key not in entry:
                problem("sheet-row-missing", column=PRODUCT_COLUMNS[key][0])
    if _text(record.get("bo_san_pham")):
        found = _product_set(record.get("bo_san_pham"))
        if found is None:
            problem("sheet-row-unknown-set", value=_text(record.get("bo_san_pham")))
        else:
            entry["bo_san_pham"] = found
    scores: dict[str, float | int] = {}
    for key, ma in members.items():
        raw = record.get(key)
        if not _text(raw):
            continue
        value = _number(raw)
        if value is None or not 0 <= value <= 100:
            problem("sheet-row-bad-score", column=f"{SCORE_PREFIX} {ma.upper()}", value=_text(raw))
            continue
        scores[ma] = value
    if scores:
        entry["diem"] = scores
        given = record.get("diem_tb")
        if _text(given):
            mean_given = _number(given)
            mean = sum((Fraction(str(v)) for v in scores.values()), Fraction(0)) / len(scores)
            if mean_given is None:
                problem(
                    "sheet-row-bad-score", column=PRODUCT_COLUMNS["diem_tb"][0], value=_text(given)
                )
            elif abs(mean - Fraction(str(mean_given))) > Fraction(1, 200):
                problem(
                    "sheet-row-mean-mismatch",
                    given=_text(given),
                    computed=f"{float(mean):.2f}".replace(".", ","),
                )
    elif not problems:
        problem("sheet-row-no-scores")
    if problems:
        return None, RowFailure(number, label, problems)
    return entry, None


def _product_rows(
    rows: list[Row], sheet: str, member_ids: Iterable[str], base: Path, result: SheetRound
) -> list[dict[str, Any]]:
    position, columns, header_issues = _header(rows, sheet, PRODUCT_COLUMNS, ("ten",))
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
                        "column": _text(header_cells[index]),
                        "member": key[5:],
                    },
                )
            )
            del columns[index]
            continue
        score_columns[key] = ma
    products: list[dict[str, Any]] = []
    for number, record in _records(rows, position, columns):
        entry, failure = _product_row(number, record, score_columns, base)
        if failure is not None:
            result.failures.append(failure)
        elif entry is not None:
            products.append(entry)
            result.rows.append(number)
    return products


def read_round_sheet(path: Path | str) -> SheetRound:
    """Read a results spreadsheet (.xlsx, or .csv with its two sidecar CSV files)."""
    path = Path(path)
    result = SheetRound(path=path)
    try:
        if path.suffix.lower() == ".csv":
            sheets = {SHEET_PRODUCTS: _rows_csv(path)}
            for sheet, suffix in CSV_SIDECARS.items():
                side = path.with_name(f"{path.stem}.{suffix}.csv")
                if side.is_file():
                    sheets[sheet] = _rows_csv(side)
            where = {s: f"{path.stem}.{x}.csv" for s, x in CSV_SIDECARS.items()}
        else:
            sheets = _rows_xlsx(path)
            where = {s: s for s in CSV_SIDECARS}
        products_rows = _find_sheet(sheets, SHEET_PRODUCTS)
        if products_rows is None:
            products_rows = next(iter(sheets.values()), [])
        info_rows = _find_sheet(sheets, SHEET_INFO)
        member_rows = _find_sheet(sheets, SHEET_MEMBERS)
        for sheet, rows in ((SHEET_INFO, info_rows), (SHEET_MEMBERS, member_rows)):
            if rows is None:
                raise _SheetError(
                    Issue("sheet-missing", params={"path": str(path), "sheet": where[sheet]})
                )
        assert info_rows is not None and member_rows is not None
        data = _info_data(info_rows, SHEET_INFO, result.issues)
        members = _members(member_rows, SHEET_MEMBERS, result.issues)
        data.setdefault("hoi_dong", {})["thanh_vien"] = members
        base = path.parent
        data["san_pham"] = _product_rows(
            products_rows, SHEET_PRODUCTS, [str(m.get("ma", "")) for m in members], base, result
        )
        result.data = data
    except _SheetError as exc:
        result.issues.append(exc.issue)
    return result


# --- writing (the sample spreadsheet is generated from the round file) ----------------------


def round_tables(rnd: Any) -> dict[str, list[list[Any]]]:
    """The three sheets of a loaded :class:`~ocop_docs.production.rounds.Round`, as rows of cells.

    Products keep their dossier path (relative to the round file) and also show its name,
    producer, address, set and code, so the sheet reads on its own.
    """
    data = rnd.data or {}
    root = _round_schema()
    info: list[list[Any]] = [["Khóa", "Giá trị", "Nội dung"]]

    def walk(value: Any, prefix: str) -> None:
        if prefix in ("san_pham", "hoi_dong.thanh_vien"):
            return
        if isinstance(value, Mapping):
            for key, sub in value.items():
                walk(sub, f"{prefix}.{key}" if prefix else str(key))
            return
        schema = schema_at(prefix, root) or {}
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
    header += ["Điểm trung bình", "Hồ sơ", "Lý do bị loại"]
    products = [header]
    for raw, p in zip(data.get("san_pham") or [], rnd.products, strict=True):
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
        row += [p.mean_text, raw.get("ho_so"), raw.get("bi_loai")]
        products.append(row)
    return {SHEET_PRODUCTS: products, SHEET_INFO: info, SHEET_MEMBERS: members}


def _score_cell(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


def _cell(value: Any, schema: Mapping[str, Any]) -> Any:
    """Dates as real Excel dates, flags as «có»/«không»; everything else as it is."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, str) and (schema.get("format") == "date" or schema.get("title") == "Ngày"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return dt.datetime.fromisoformat(value)
    return value


def write_workbook(tables: Mapping[str, list[list[Any]]], path: Path) -> None:
    """An .xlsx an official can fill in: bold frozen headers, dates shown dd/mm/yyyy."""
    from openpyxl import Workbook
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
            width = max(len(_text(c.value)) for c in column)
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
    from ocop_docs.files import atomic_write_bytes
    from ocop_docs.production.rendering import make_deterministic

    atomic_write_bytes(path, make_deterministic(buffer.getvalue(), fixed))


def write_csv(tables: Mapping[str, list[list[Any]]], path: Path) -> list[Path]:
    """The CSV twin: products in ``path``, the two other sheets beside it (UTF-8 with BOM,
    which Excel needs to read Vietnamese correctly)."""
    from ocop_docs.files import atomic_write_bytes

    written: list[Path] = []
    targets = {SHEET_PRODUCTS: path}
    targets.update({s: path.with_name(f"{path.stem}.{x}.csv") for s, x in CSV_SIDECARS.items()})
    for sheet, target in targets.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in tables[sheet]:
            writer.writerow([_csv_text(v) for v in row])
        atomic_write_bytes(target, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
        written.append(target)
    return written


def _csv_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return _text(value)


__all__ = [
    "CSV_SIDECARS",
    "MEMBER_COLUMNS",
    "PRODUCT_COLUMNS",
    "SHEET_INFO",
    "SHEET_MEMBERS",
    "SHEET_PRODUCTS",
    "SPREADSHEET_SUFFIXES",
    "RowFailure",
    "SheetRound",
    "convert_value",
    "read_round_sheet",
    "round_tables",
    "schema_at",
    "write_csv",
    "write_workbook",
]
