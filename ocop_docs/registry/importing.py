"""Reading what provinces publish: a recognition decision's annex list (issue 14).

A decision recognising OCOP products lists them in an annex: STT, tên sản phẩm, chủ thể,
địa chỉ, hạng sao (scores are usually not published). The list is read from a spreadsheet
(.xlsx or .csv, Vietnamese headers matched without case and diacritics, through the same
bounded reader as the results spreadsheet: :mod:`ocop_docs.production.spreadsheets`) or from
YAML, with the decision's number, date and issuer (in the YAML, or given by the caller).

Every row is checked: names present, stars 3–5 (only they are certified, QĐ 26/2026 Điều
3.3–4.1), the address through the address rules (:mod:`ocop_docs.rules.units`: former units
mapped to today's), the product set by number or name, no product twice in the list; each
finding carries the row number as the file shows it. Validity: the regime in force on the
decision date (``hieu_luc_chung_nhan_thang``, 36 months).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue, UsageError
from ocop_docs.production.spreadsheets.cells import Cell, cell_number, cell_text
from ocop_docs.production.spreadsheets.reading import SheetError, find_header, read_sheets, records
from ocop_docs.registry.model import CASES, LEVELS, STARS, Recognition, key_text
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.rules.regimes import regime, regime_for_date
from ocop_docs.rules.units import check_address, province_today, split_type
from ocop_docs.text.dates import parse_date
from ocop_docs.text.documents import load_document
from ocop_docs.text.names import fold
from ocop_docs.text.official import add_months

LIST_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml")

# Columns of an annex list: key → the header officials see first, then accepted variants.
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số thứ tự", "TT"),
    "ten": ("Tên sản phẩm", "Sản phẩm", "Tên sản phẩm OCOP"),
    "chu_the": ("Chủ thể", "Tên chủ thể", "Chủ thể sản xuất", "Chủ thể OCOP", "Đơn vị"),
    "dia_chi": ("Địa chỉ", "Địa chỉ chủ thể"),
    "hang_sao": ("Hạng sao", "Số sao", "Xếp hạng", "Hạng", "Kết quả xếp hạng", "Hạng OCOP"),
    "bo_san_pham": ("Bộ sản phẩm", "Bộ SP", "Nhóm sản phẩm"),
    "diem": ("Điểm", "Tổng điểm", "Điểm trung bình", "Điểm đánh giá"),
    "so_gcn": ("Số giấy chứng nhận", "Số GCN", "Giấy chứng nhận số"),
    "dien_thoai": ("Điện thoại", "Số điện thoại"),
    "email": ("Email", "Thư điện tử"),
    "loai": ("Loại đánh giá", "Hình thức"),
    "ghi_chu": ("Ghi chú",),
}
REQUIRED_COLUMNS = ("ten", "chu_the", "hang_sao")

_CASE_WORDS: dict[str, str] = {
    "lan dau": "lan_dau",
    "lan_dau": "lan_dau",
    "moi": "lan_dau",
    "cong nhan moi": "lan_dau",
    "dang ky moi": "lan_dau",
    "nang hang": "nang_hang",
    "nang_hang": "nang_hang",
    "nang sao": "nang_hang",
    "nang hang sao": "nang_hang",
    "danh gia lai": "danh_gia_lai",
    "danh_gia_lai": "danh_gia_lai",
    "danh gia phan hang lai": "danh_gia_lai",
    "cong nhan lai": "danh_gia_lai",
}


@dataclass(slots=True)
class Decision:
    """The decision an annex belongs to (number, date, issuer) and what the rows share."""

    number: str = ""
    date: dt.date | None = None
    issuer: str = ""
    level: str = ""  # huyen | tinh | trung_uong; from the issuer when not given
    year: int | None = None  # the programme year; the decision's year when not given
    case: str = "lan_dau"
    province: str = ""  # the province of addresses that name none (today's or former)

    def merged(self, other: Decision) -> Decision:
        """``other``'s values where given (the caller's options win over the file's)."""
        return Decision(
            number=other.number or self.number,
            date=other.date or self.date,
            issuer=other.issuer or self.issuer,
            level=other.level or self.level,
            year=other.year or self.year,
            case=other.case if other.case != "lan_dau" else self.case,
            province=other.province or self.province,
        )


@dataclass(slots=True)
class PublishedList:
    """A read annex: its recognitions and the findings (with row numbers)."""

    source: str
    decision: Decision
    recognitions: list[Recognition] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def level_of(issuer: str) -> str:
    """The level a decision's issuer is at: a ministry (trung_uong), a district, a province."""
    words = fold(issuer)
    if words.startswith(("bo ", "hoi dong cap trung uong")):
        return "trung_uong"
    if "huyen" in words.split() or "quan " in words:
        return "huyen"
    return "tinh"


def parse_stars(value: Cell) -> int | None:
    """ "3", 3, "3 sao", "3*", "★★★", "***" → 3; None when it is not a star count."""
    number = cell_number(value)
    if isinstance(number, int):
        return number
    text = cell_text(value)
    if text and set(text) <= {"★", "*", "☆", " "}:
        return text.count("★") + text.count("*")
    match = re.fullmatch(r"(\d)\s*(?:sao|\*|★)?", fold(text).replace("★", "*"))
    if match:
        return int(match.group(1))
    match = re.fullmatch(r"(\d)\s*(?:\*|★)", text.strip())
    return int(match.group(1)) if match else None


def parse_case(value: Cell) -> str | None:
    text = fold(cell_text(value)).replace(",", " ")
    return _CASE_WORDS.get(" ".join(text.split())) if text else "lan_dau"


def product_set_of(value: Cell) -> int | None:
    """A product set from its number ("7", "Bộ 7") or its name (Phụ lục II index)."""
    number = cell_number(value)
    if isinstance(number, int):
        return number if 1 <= number <= 26 else None
    text = fold(cell_text(value))
    match = re.match(r"^(?:bo\s+)?(\d+)\b", text)
    if match:
        found = int(match.group(1))
        return found if 1 <= found <= 26 else None
    for so, item in product_sets().items():
        if text in {fold(item.ten), *(fold(n) for n in item.ten_khac)}:
            return so
    return None


def _issue(code: str, row: int | None, **params: Any) -> Issue:
    # The row is in the message ("Dòng 5: …") and in params; not as ``line``, which the
    # text reporter would print a second time.
    return Issue(code, params={"row": row or "", **params})


def _recognition(
    number: int | None, record: dict[str, Cell], decision: Decision, issues: list[Issue]
) -> Recognition | None:
    """One row → a recognition, or None when the row has an error."""
    before = sum(1 for i in issues if i.severity == "error")
    product = cell_text(record.get("ten"))
    producer = cell_text(record.get("chu_the"))
    shown = product or cell_text(record.get("stt"))
    if not product:
        issues.append(_issue("registry-row-product-missing", number))
    if not producer:
        issues.append(_issue("registry-row-producer-missing", number, product=shown))
    stars = parse_stars(record.get("hang_sao"))
    if stars not in STARS:
        issues.append(
            _issue(
                "registry-row-stars",
                number,
                product=shown,
                value=cell_text(record.get("hang_sao")),
            )
        )
    score_cell = record.get("diem")
    score = cell_number(score_cell) if cell_text(score_cell) else None
    if cell_text(score_cell) and (score is None or not 0 <= score <= 100):
        issues.append(
            _issue("registry-row-score", number, product=shown, value=cell_text(score_cell))
        )
        score = None
    case = parse_case(record.get("loai")) if cell_text(record.get("loai")) else decision.case
    if case is None or case not in CASES:
        issues.append(
            _issue("registry-row-case", number, product=shown, value=cell_text(record.get("loai")))
        )
        case = "lan_dau"
    set_cell = record.get("bo_san_pham")
    product_set = product_set_of(set_cell) if cell_text(set_cell) else None
    if cell_text(set_cell) and product_set is None:
        issues.append(_issue("registry-row-set", number, product=shown, value=cell_text(set_cell)))
    if sum(1 for i in issues if i.severity == "error") > before:
        return None
    assert decision.date is not None and stars is not None
    rules = regime(regime_for_date(decision.date))
    level = decision.level or level_of(decision.issuer)
    # Who may recognise which stars (QĐ 26/2026 Điều 4.1; the older regimes' data); a
    # decision from before its regime took effect (the 2018 legacy lists) is not checked.
    allowed = rules.recognising_levels(stars, decision.date) if rules.covers(decision.date) else ()
    if allowed and level not in allowed:
        issues.append(
            _issue(
                "registry-row-level",
                number,
                product=product,
                stars=stars,
                level=level,
                regime=rules.code,
            )
        )
    rec = Recognition(
        product=product,
        producer=producer,
        stars=stars,
        decision_no=decision.number,
        decision_date=decision.date,
        issuer=decision.issuer,
        level=level,
        year=decision.year or decision.date.year,
        regime=rules.code,
        valid_from=decision.date,
        valid_to=add_months(decision.date, rules.validity_months),  # Điều 4.3: 36 months
        case=case,
        product_set=product_set,
        group=product_sets()[product_set].nhom if product_set else "",
        score=float(score) if score is not None else None,
        certificate_no=cell_text(record.get("so_gcn")) or None,
        phone=cell_text(record.get("dien_thoai")),
        email=cell_text(record.get("email")),
        row=number,
    )
    place_address(rec, cell_text(record.get("dia_chi")), decision.province, issues)
    return rec


def place_address(rec: Recognition, address: str, province: str, issues: list[Issue]) -> None:
    """Today's unit of the address as written (former units mapped), or a warning."""
    rec.address = address
    fallback = province_today(province) if province else None
    if fallback is not None:
        rec.province, rec.province_name = fallback.code, fallback.full_name
    if not address:
        issues.append(_issue("registry-row-address-missing", rec.row, product=rec.product))
        return
    found = check_address(_from_commune(address), province)
    rec.address_status = found.status
    if found.province is not None:
        rec.province, rec.province_name = found.province.code, found.province.full_name
    if found.commune is not None and found.province is not None:
        rec.commune_code = found.commune.code
        rec.commune = found.current_text() or ""
        if found.status == "old":
            rec.former_unit = found.old_text or ""
        return
    if found.status == "former" and found.known:
        rec.former_unit = found.known
    detail = found.suggestion or ", ".join(found.candidates) or found.known or ""
    issues.append(
        _issue(
            "registry-row-address",
            rec.row,
            product=rec.product,
            address=address,
            detail=detail or "—",
        )
    )


_COMMUNE_KINDS = frozenset({"xa", "phuong", "thi_tran", "dac_khu"})


def _from_commune(address: str) -> str:
    """The address from its commune on ("Thôn Nà Đon, xã Trần Phú, …" → "xã Trần Phú, …"):
    the address rules read the first part as the commune."""
    parts = [p.strip() for p in address.split(",")]
    kinds = [split_type(p)[0] for p in parts]
    for index, kind in enumerate(kinds):
        if kind in _COMMUNE_KINDS:
            return ", ".join(parts[index:])
    return address


def _check_list(recognitions: list[Recognition], issues: list[Issue]) -> None:
    """No product (or certificate number) twice in one list."""
    seen: dict[str, int | None] = {}
    numbers: dict[str, int | None] = {}
    for rec in list(recognitions):
        if rec.key in seen:
            issues.append(
                _issue("registry-row-duplicate", rec.row, product=rec.product, first=seen[rec.key])
            )
            recognitions.remove(rec)
            continue
        seen[rec.key] = rec.row
        if rec.certificate_no:
            key = key_text(rec.certificate_no)
            if key in numbers:
                issues.append(
                    _issue(
                        "registry-row-certificate-duplicate",
                        rec.row,
                        number=rec.certificate_no,
                        first=numbers[key],
                    )
                )
                recognitions.remove(rec)
                continue
            numbers[key] = rec.row


def _decision_of(data: dict[str, Any]) -> Decision:
    qd = data.get("quyet_dinh") if isinstance(data.get("quyet_dinh"), dict) else {}
    assert isinstance(qd, dict)
    year = data.get("nam")
    return Decision(
        number=str(qd.get("so") or ""),
        date=parse_date(qd.get("ngay")),
        issuer=str(qd.get("co_quan") or qd.get("nguoi_ban_hanh") or ""),
        level=str(qd.get("cap") or ""),
        year=int(year) if isinstance(year, int) else None,
        case=str(data.get("loai") or "lan_dau"),
        province=str(data.get("tinh") or ""),
    )


def _complete(decision: Decision, source: str) -> Decision:
    missing = [
        name
        for name, value in (
            ("số quyết định / --so-quyet-dinh", decision.number),
            ("ngày quyết định / --ngay-quyet-dinh", decision.date),
            ("cơ quan ban hành / --co-quan", decision.issuer),
        )
        if not value
    ]
    if missing:
        raise UsageError("registry-decision-missing", source=source, missing=", ".join(missing))
    if decision.level and decision.level not in LEVELS:
        raise UsageError("registry-level-unknown", level=decision.level)
    if decision.case not in CASES:
        raise UsageError("registry-case-unknown", case=decision.case)
    return decision


def _yaml_rows(path: Path) -> tuple[Decision, list[tuple[int | None, dict[str, Cell]]]]:
    doc = load_document(path)
    if not doc.ok or not isinstance(doc.data, dict):
        raise InputError(
            "registry-list-unreadable",
            doc.issues,
            source=str(path),
        )
    items = doc.data.get("san_pham")
    if not isinstance(items, list):
        raise InputError("registry-list-unreadable", source=str(path))
    rows: list[tuple[int | None, dict[str, Cell]]] = []
    for index, item in enumerate(items):
        pos = doc.position(f"/san_pham/{index}")
        record = item if isinstance(item, dict) else {}
        rows.append((pos[0] if pos else index + 1, {str(k): v for k, v in record.items()}))
    return _decision_of(doc.data), rows


def _sheet_rows(path: Path, issues: list[Issue]) -> list[tuple[int | None, dict[str, Cell]]]:
    try:
        sheets, _where = read_sheets(path)
    except SheetError as exc:
        raise InputError("registry-list-unreadable", [exc.issue], source=str(path)) from exc
    failure: SheetError | None = None
    for title, rows in sheets.items():
        try:
            start, columns, header_issues = find_header(rows, title, LIST_COLUMNS, REQUIRED_COLUMNS)
        except SheetError as exc:
            failure = failure or exc
            continue
        issues.extend(header_issues)
        return [(n, r) for n, r in records(rows, start, columns)]
    assert failure is not None
    raise InputError("registry-list-unreadable", [failure.issue], source=str(path))


def read_list(path: Path | str, decision: Decision | None = None) -> PublishedList:
    """Read and check an annex list; ``decision`` supplies (or overrides) the decision.

    Raises :class:`InputError` (exit 1) for a file that cannot be read and
    :class:`UsageError` (exit 2) when the decision's number, date or issuer is unknown.
    """
    path = Path(path)
    if path.suffix.lower() not in LIST_SUFFIXES:
        raise UsageError("registry-list-kind", source=str(path), kinds=", ".join(LIST_SUFFIXES))
    if not path.is_file():
        raise InputError("registry-list-missing", source=str(path))
    issues: list[Issue] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        from_file, rows = _yaml_rows(path)
    else:
        from_file, rows = Decision(), _sheet_rows(path, issues)
    chosen = _complete(from_file.merged(decision or Decision()), str(path))
    result = PublishedList(source=str(path), decision=chosen, issues=issues)
    for number, record in rows:
        rec = _recognition(number, record, chosen, issues)
        if rec is not None:
            result.recognitions.append(rec)
    _check_list(result.recognitions, issues)
    if not rows:
        issues.append(_issue("registry-list-empty", None, source=str(path)))
    return result


__all__ = [
    "LIST_COLUMNS",
    "LIST_SUFFIXES",
    "Decision",
    "PublishedList",
    "level_of",
    "parse_stars",
    "place_address",
    "product_set_of",
    "read_list",
]
