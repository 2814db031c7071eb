#!/usr/bin/env python3
"""Convert the 26 rubrics of QĐ 1048/QĐ-TTg (2019) Phụ lục III into JSON data files.

Usage::

    python scripts/convert_rubrics_1048.py [LEGAL_TEXT] [--out DIR] [--check]

``LEGAL_TEXT`` defaults to ``../shared/legal/qd-1048-2019-qd-ttg.txt`` relative to the
repository root; ``--out`` defaults to ``schemas/rubrics/1048-2019``. ``--check`` writes
nothing and exits 1 when a file on disk differs from what would be written.

It sits beside ``scripts/convert_rubrics.py`` (QĐ 26/2026) and reuses its tree, its
corrections mechanism and its rule extraction; only the line grammar differs, because the
1048 sheets are laid out differently:

* points cells read "N Điểm" (also "N điểm", once "3 Đỉểm");
* a part heading carries its points in the title only ("Phần A: … (35 Điểm)"), and ends
  with a "Tổng Điểm phần A: …" line instead of a TỔNG CỘNG row;
* a mục heading ("1. TỔ CHỨC SẢN XUẤT") prints no points: its points are the sum of its
  criteria as printed; a mục heading with points ("7. DINH DƯỠNG | 2 Điểm") is a criterion
  numbered like the mục, as in the 26/2026 converter;
* there are no star-minimum markers (no "*" in any rubric; QĐ 1048 Điều 1.2 bands the total
  only), so every option's ``sao_toi_thieu`` is null;
* set 26 Phần C is additive ("Được cộng tổng điểm các nội dung ghi Có"): each "□" row of a
  mục is a yes/no item; each becomes its own criterion "N.k" (k in printed order) with the
  options "Không" 0 / "Có" its points, flagged ``lua_chon_bo_sung``.

The source's own inconsistencies (listed in the header of the legal text) are kept as
printed and recorded in ``luu_y_nguon`` (``REMARKS``), keyed by the source line of the row
whose number is kept; the loader's invariants accept a difference only on a recorded line.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent


def _base() -> Any:
    # The 26/2026 converter is a script, not a package module: load it by path.
    name = "convert_rubrics"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


base = _base()
Correction = base.Correction
Remark = base.Remark
Option = base.Option
Criterion = base.Criterion
SubHeading = base.SubHeading
Group = base.Group
Part = base.Part
RubricText = base.RubricText
ConversionError = base.ConversionError

DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "legal" / "qd-1048-2019-qd-ttg.txt"
DEFAULT_OUT = REPO_ROOT / "schemas" / "rubrics" / "1048-2019"
REGIME = "1048/2019"
SOURCE_NAME = "Quyết định 1048/QĐ-TTg, Phụ lục III"
ANNEX_III_TITLE = "PHỤ LỤC III"

# QĐ 1048 Điều 1.1: Phần A 35, Phần B 25, Phần C 40.
PART_POINTS = {"A": 35, "B": 25, "C": 40}

# QĐ 1048 Phụ lục I: ngành (I–VI) of each rubric of Phụ lục III.
GROUP_OF_SET: dict[int, str] = {
    **{n: "I" for n in range(1, 15)},
    **{n: "II" for n in range(15, 19)},
    **{n: "III" for n in range(19, 23)},
    23: "IV",
    24: "IV",
    25: "V",
    26: "VI",
}

POINTS = r"(\d+) (?:Điểm|điểm|Đỉểm)"
RE_INDEX = re.compile(r"^(\d+) \| Bộ sản phẩm: (.+?) \| $")
RE_SET_HEADING = re.compile(r"^(\d+)\. Bộ sản phẩm: (.+)$")
RE_SUBTITLE = re.compile(r"^\(Ngành: (.+?)\. Nhóm: (.+?)\.?\)$")
RE_PART = re.compile(r"^Phần ([ABC]): (.+?) \((\d+) Điểm\)$")
RE_PART_TOTAL = re.compile(r"^Tổng Điểm phần ([ABC]):")
RE_GRAND_TOTAL = re.compile(r"^Kết quả Tổng [Đđ]iểm \(Phần A \+ B \+ C\)")
RE_GROUP_BARE = re.compile(r"^(\d+)\. ([^|]+?)(?: \|\s*)?$")
RE_GROUP_POINTS = re.compile(rf"^(\d+)\. (.+?) \| {POINTS}$")
RE_CRITERION = re.compile(rf"^(\d+\.\d+(?:\.\d+)?)\.? (.+?) \| {POINTS}$")
RE_OPTION = re.compile(rf"^□ (.+?) \| {POINTS}$")
RE_NOTE = re.compile(r"^(?:Ghi chú|Chú ý): (.+?)(?: \|\s*)?$")
RE_CONDITION = re.compile(r"^(Chỉ áp dụng khi .+?)(?: \|\s*)?$")
RE_CONTINUATION = re.compile(r"^(\(.+\))(?: \|\s*)?$")
RE_CHOOSE_CASE = re.compile(r"^((?:Lựa|Lýòa) chọn (?:một|1) trong hai trường hợp sau:)(?: \|\s*)?$")
RE_CASE = re.compile(r"^([a-z])\.? (Trường hợp \d+: .+?)(?: \|\s*)?$")
RE_DISQUALIFY = re.compile(r"^Bị loại khi ?: (.+)$")
RE_ADDITIVE = re.compile(r"^\((Được cộng tổng điểm các nội dung ghi Có)\)$")
# Lines of a criterion's description printed without a points cell (set 1 mục 7, set 4
# 9.2 "Tham khảo:", set 19 before mục 6 its stop rule).
RE_DESCRIPTION = re.compile(
    r"^(Chỉ ra hàm lượng .+|Tham khảo:|- (?:Hóa lý|Hàm lượng).+|"
    r"không đánh giá các bước tiếp theo .+)(?: \|\s*)?$"
)
RE_RULE_ZERO_SELF = re.compile(r"^Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp theo")
RE_GAP = re.compile(r"^\[THIẾU trong bản nguồn: (.+)\]$")

HEADER_PREFIXES = (
    "Tên sản phẩm:",
    "Mã số sản phẩm",
    "T: Mã tỉnh",
    "(T: Mã tỉnh",
    "Tên chủ thể sản xuất:",
    "Tên chú thể sản xuất:",
    "Địa chỉ:",
)
# After "Kết quả Tổng Điểm": the signature block and the QCVN list of the food sets.
FOOTER_PREFIXES = (
    "Ý kiến của người đánh giá:",
    "………",
    "……",
    "....",
    " | ",
    "Ghi chú:",
    "Giới hạn các chỉ tiêu kiểm nghiệm",
    "- ",
)
RE_RULE = re.compile(r"^[-_]{5,}$")

# --------------------------------------------------------------------------------------
# Corrections (applied) and remarks (kept as printed). Line numbers are of the reference
# copy; the converter refuses to run if the text found there differs.
# --------------------------------------------------------------------------------------

CORRECTIONS: tuple[Any, ...] = (
    # Set 14 (Cà phê, Ca cao) numbers two criteria "6.1.3"; a scorecard keys criteria by
    # number, so the second and the one after it take the next free numbers.
    Correction(
        3577,
        "6.1.3. Mùi | 2 Điểm",
        ("6.1.4. Mùi | 2 Điểm",),
        '"6.1.4. Mùi"',
        'Số tiêu chí "6.1.3" in hai lần (Màu sắc, Mùi); phiếu chấm cần số riêng cho mỗi '
        'tiêu chí nên "Mùi" đánh số 6.1.4, "Vị" (in 6.1.4) đánh số 6.1.5. Điểm không đổi.',
    ),
    Correction(
        3581,
        "6.1.4. Vị | 3 Điểm",
        ("6.1.5. Vị | 3 Điểm",),
        '"6.1.5. Vị"',
        'Theo sau việc đánh số lại tiêu chí "Mùi" (dòng 3577) thành 6.1.4.',
    ),
)


def _max_remark(line: int, original: str, what: str) -> Any:
    return Remark(
        line,
        original,
        f"{what} Giữ nguyên văn: điểm tối đa in trong văn bản được ghi lại, điểm chấm là điểm "
        "của lựa chọn được chọn (không vượt quá lựa chọn cao nhất).",
    )


REMARKS: tuple[Any, ...] = (
    _max_remark(
        1600,
        "9.1. Hồ sơ công bố chất lượng sản phẩm | 3 điểm",
        "Bộ 4, tiêu chí 9.1 in thang 3 điểm nhưng lựa chọn cao nhất 2 điểm (các bộ khác in 2); "
        "Phần C vì thế cộng các thang được 41, cộng các lựa chọn cao nhất đúng 40.",
    ),
    _max_remark(
        2093,
        "3.1. Loại hình tổ chức sản xuất - kinh doanh | 3 Điểm",
        "Bộ 7, tiêu chí 3.1 in thang 3 điểm nhưng chỉ có hai lựa chọn (1 và 2 điểm); các bộ "
        "khác có thêm lựa chọn HTX/công ty cổ phần vốn cộng đồng ≥ 51% (3 điểm), bản nguồn "
        "không có ở bộ này. Phần A tối đa đạt được là 34.",
    ),
    _max_remark(
        3368,
        "6.3. Màu nước | 2 Điểm",
        "Bộ 13, tiêu chí 6.3 in thang 2 điểm nhưng lựa chọn cao nhất 3 điểm; Phần C cộng "
        "các thang được 39, cộng các lựa chọn cao nhất đúng 40.",
    ),
    _max_remark(
        4162,
        "6.1. Tạp chất lạ | 5 Điểm",
        "Bộ 17, tiêu chí 6.1 in thang 5 điểm nhưng lựa chọn cao nhất 3 điểm; Phần C cộng "
        "các thang được 42, cộng các lựa chọn cao nhất đúng 40.",
    ),
    _max_remark(
        4567,
        "10. KIỂM TRA ĐỊNH KỲ | 5 Điểm",
        "Bộ 19, mục 10 in thang 5 điểm nhưng lựa chọn cao nhất 3 điểm; Phần C tối đa đạt "
        "được là 38.",
    ),
    _max_remark(
        5607,
        "6.5. Chất lượng của nguyên Iiệu/thành phần | 3 Điểm",
        "Bộ 25, tiêu chí 6.5 in thang 3 điểm nhưng lựa chọn cao nhất 5 điểm; Phần C cộng "
        "các thang được 38, cộng các lựa chọn cao nhất đúng 40.",
    ),
    Remark(
        5648,
        "Phần A: SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (35 Điểm)",
        "Bộ 26, Phần A in 35 điểm nhưng các tiêu chí cộng được 34 (1.1–1.3: 19, 2.1–2.2: 6, "
        "3.1–3.5: 9). Giữ nguyên văn; Phần A tối đa đạt được là 34.",
    ),
    Remark(
        5738,
        "(Được cộng tổng điểm các nội dung ghi Có)",
        "Bộ 26, Phần C cộng điểm mọi nội dung ghi Có; mỗi ô □ của một mục trở thành một tiêu "
        'chí "N.k" (k theo thứ tự in) với hai lựa chọn "Không" (0) và "Có" (điểm in); số '
        "thứ tự k do bộ chuyển đổi đặt, văn bản không đánh số.",
    ),
)

# Set 4 prints 9.1 and 9.2 without their mục heading "9. …" (other food sets print
# "9. CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM"): the mục gets this name, and a remark says so.
IMPLICIT_GROUP_NAME = "[Mục {so}: văn bản không in tiêu đề mục]"


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------


def locate_sets(lines: list[str]) -> tuple[dict[int, str], list[tuple[int, int, int]]]:
    try:
        start = lines.index(ANNEX_III_TITLE)
    except ValueError as exc:
        raise ConversionError("Phụ lục III heading not found") from exc
    index: dict[int, str] = {}
    headings: list[tuple[int, int]] = []
    expected = 1
    for no in range(start, len(lines)):
        line = lines[no]
        if (m := RE_INDEX.match(line)) and not headings:
            index[int(m.group(1))] = m.group(2)
            continue
        m = RE_SET_HEADING.match(line)
        if m and int(m.group(1)) == expected and RE_SUBTITLE.match(lines[no + 1]):
            headings.append((expected, no))
            expected += 1
    if sorted(index) != list(range(1, 27)) or len(headings) != 26:
        raise ConversionError(f"found {len(index)} index rows and {len(headings)} rubrics")
    spans = []
    for i, (number, first) in enumerate(headings):
        last = headings[i + 1][1] - 1 if i + 1 < len(headings) else len(lines) - 1
        while not lines[last].strip():
            last -= 1
        spans.append((number, first, last))
    return index, spans


def parse_rubric(
    lines: list[str],
    number: int,
    first: int,
    last: int,
    index_name: str,
    replaced: dict[int, list[str]],
    corrections: dict[int, Any],
    remarks: dict[int, Any],
) -> Any:
    heading = RE_SET_HEADING.match(lines[first])
    assert heading is not None
    rubric = RubricText(number, index_name, heading.group(2), first, last)
    rubric.gaps = []
    rubric.implicit_groups = []
    state = "header"
    part: Any = None
    group: Any = None
    crit: Any = None
    case: str | None = None
    additive = False
    pending: dict[str, list[str]] = {}

    def fail(no: int, text: str, why: str) -> Exception:
        error: Exception = ConversionError(f"set {number}, line {no}: {why}: {text!r}")
        return error

    def new_criterion(so: str, ten: str, diem: int, no: int) -> Any:
        c = Criterion(so, ten, diem, no)
        for key, values in pending.items():
            getattr(c, key).extend(values)
        pending.clear()
        return c

    for no in range(first + 1, last + 1):
        if no in corrections:
            rubric.corrections.append(corrections[no])
        if no in remarks:
            rubric.remarks.append(remarks[no])
        for text in replaced.get(no, [lines[no]]):
            if "*" in text:
                raise fail(no, text, "asterisk in a QĐ 1048 rubric")
            if state == "header":
                if RE_SUBTITLE.match(text):
                    rubric.subtitle = text
                elif RE_DISQUALIFY.match(text):
                    rubric.disqualification.append((no, text))
                elif RE_PART.match(text):
                    state = "table"
                elif not text.strip() or RE_RULE.match(text) or text.startswith(HEADER_PREFIXES):
                    continue
                else:
                    raise fail(no, text, "unexpected header line")
                if state == "header":
                    continue
            if state == "footer":
                if not text.strip() or text.startswith(FOOTER_PREFIXES):
                    continue
                raise fail(no, text, "unexpected footer line")
            if not text.strip():
                continue
            if m := RE_PART.match(text):
                part = Part(m.group(1), m.group(2).strip(), int(m.group(3)), no)
                rubric.parts.append(part)
                group = crit = None
                additive = False
                continue
            if RE_PART_TOTAL.match(text):
                if pending:
                    raise fail(no, text, f"notes left before the part total: {pending}")
                group = crit = None
                continue
            if RE_GRAND_TOTAL.match(text):
                rubric.total_line = no
                state = "footer"
                continue
            if part is None:
                raise fail(no, text, "table line outside a part")
            if RE_ADDITIVE.match(text):
                additive = True
                continue
            if m := RE_OPTION.match(text):
                if group is None:
                    raise fail(no, text, "option outside a mục")
                ten, diem = m.group(1).strip(), int(m.group(2))
                if additive:
                    so = f"{group.so}.{len(group.criteria) + 1}"
                    c = new_criterion(so, ten, diem, no)
                    c.options = [Option("Không", 0, None, no), Option("Có", diem, None, no)]
                    c.synthetic = True
                    group.criteria.append(c)
                    continue
                if crit is None:
                    crit = new_criterion(group.so, group.ten, group.diem, group.line)
                    group.criteria.append(crit)
                crit.options.append(Option(ten, diem, None, no, None, case))
                continue
            if m := RE_GROUP_POINTS.match(text):
                group = Group(m.group(1), m.group(2).strip(), int(m.group(3)), no)
                part.groups.append(group)
                crit = None
                case = None
                continue
            if m := RE_CRITERION.match(text):
                so = m.group(1)
                top = so.split(".", 1)[0]
                if group is None or group.so != top:
                    # A criterion whose mục heading is not printed (set 4, 9.1).
                    group = Group(top, IMPLICIT_GROUP_NAME.format(so=top), 0, no)
                    part.groups.append(group)
                    rubric.implicit_groups.append((no, top))
                ten = m.group(2).strip()
                parent = so.rsplit(".", 1)[0]
                if so.count(".") == 2:
                    sub = next((s for s in group.subheadings if s.so == parent), None)
                    if sub is None:
                        prev = group.criteria[-1] if group.criteria else None
                        if prev is None or prev.so != parent or prev.options:
                            raise fail(no, text, "third-level criterion without its parent")
                        group.criteria.pop()
                        sub = SubHeading(prev.so, prev.ten, prev.diem, prev.line)
                        group.subheadings.append(sub)
                    sub.members.append(so)
                crit = new_criterion(so, ten, int(m.group(3)), no)
                group.criteria.append(crit)
                case = None
                continue
            if m := RE_GROUP_BARE.match(text):
                group = Group(m.group(1), m.group(2).strip(), 0, no)
                part.groups.append(group)
                crit = None
                case = None
                continue
            if m := RE_GAP.match(text):
                rubric.gaps.append((no, m.group(1)))
                continue
            key: str
            value: str
            if m := RE_CONDITION.match(text):
                key, value = "dieu_kien", m.group(1)
            elif m := (
                RE_CHOOSE_CASE.match(text) or RE_NOTE.match(text) or RE_DESCRIPTION.match(text)
            ):
                key, value = "ghi_chu", m.group(1)
            elif m := RE_CASE.match(text):
                if crit is None:
                    raise fail(no, text, "case outside a criterion")
                case = m.group(1)
                crit.truong_hop.append({"ma": case, "ten": m.group(2)})
                continue
            elif m := RE_CONTINUATION.match(text):
                if crit is not None and not crit.options:
                    crit.ten = f"{crit.ten} {m.group(1)}"
                elif crit is None and group is not None:
                    group.ten = f"{group.ten} {m.group(1)}"
                else:
                    raise fail(no, text, "continuation line after options")
                continue
            else:
                raise fail(no, text, "unrecognised table line")
            if crit is not None and not (key == "ghi_chu" and value.startswith("không đánh")):
                getattr(crit, key).append(value)
            else:
                # Before a mục's first criterion (set 19's stop rule above mục 6): it
                # belongs to the criterion that follows.
                pending.setdefault(key, []).append(value)
    if state != "footer":
        raise ConversionError(f"set {number}: no 'Kết quả Tổng Điểm' line")
    for p in rubric.parts:
        for g in p.groups:
            if g.diem == 0:
                g.diem = sum(c.diem for c in g.criteria)
    return rubric


# --------------------------------------------------------------------------------------
# Checks: QĐ 1048 Điều 1.1 and the sheet's sums, a difference only where recorded
# --------------------------------------------------------------------------------------


def check(rubric: Any) -> None:
    n = rubric.number
    if [p.ma for p in rubric.parts] != ["A", "B", "C"]:
        raise ConversionError(f"set {n}: parts {[p.ma for p in rubric.parts]}")
    recorded = {r.line for r in rubric.remarks}
    seen: set[str] = set()
    for part in rubric.parts:
        if part.diem != PART_POINTS[part.ma]:
            raise ConversionError(f"set {n}: part {part.ma} has {part.diem} points")
        stated = sum(g.diem for g in part.groups)
        best = 0
        for g in part.groups:
            if not g.criteria:
                raise ConversionError(f"set {n}: mục {g.so} has no criteria")
            if sum(c.diem for c in g.criteria) != g.diem:
                raise ConversionError(f"set {n}: criteria of mục {g.so} do not add up")
            for sub in g.subheadings:
                total = sum(c.diem for c in g.criteria if c.so in sub.members)
                if total != sub.diem:
                    raise ConversionError(f"set {n}: sub-heading {sub.so} adds up to {total}")
            for c in g.criteria:
                if c.so in seen:
                    raise ConversionError(f"set {n}: criterion {c.so} twice")
                seen.add(c.so)
                if len(c.options) < 2:
                    raise ConversionError(f"set {n}: criterion {c.so} has < 2 options")
                top = max(o.diem for o in c.options)
                best += top
                if top != c.diem and c.line not in recorded:
                    raise ConversionError(
                        f"set {n}: criterion {c.so} (line {c.line}) best option {top} != "
                        f"{c.diem}, not recorded in REMARKS"
                    )
        if part.diem not in (stated, best) and part.line not in recorded:
            raise ConversionError(
                f"set {n}: part {part.ma} is {part.diem}, criteria add up to {stated} "
                f"(best options {best}), not recorded in REMARKS"
            )


# --------------------------------------------------------------------------------------
# JSON output
# --------------------------------------------------------------------------------------


# A stop rule worded differently from QĐ 26/2026's (set 13 6.1: "… sẽ không xem xét thêm
# các tiêu chuẩn khác"), which the shared extraction does not know.
RE_STOP_1048 = re.compile(r"không xem xét thêm các tiêu chuẩn khác", re.IGNORECASE)


def criterion_rules(rubric: Any) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = base.criterion_rules(rubric)
    have = {r["tieu_chi"] for r in rules}
    for p in rubric.parts:
        for g in p.groups:
            for c in g.criteria:
                for note in c.ghi_chu:
                    if RE_STOP_1048.search(note) and c.so not in have:
                        rules.append(
                            {
                                "loai": "dung",
                                "tieu_chi": c.so,
                                "noi_dung": note,
                                "nguon_dong": c.line,
                            }
                        )
    for rule in rules:
        # "Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp theo" (set 7, 6.1): the
        # criterion's own 0 stops the evaluation, no finding needed.
        if RE_RULE_ZERO_SELF.match(rule["noi_dung"]) and "khi_0_diem" not in rule:
            rule["khi_0_diem"] = [rule["tieu_chi"]]
    return rules


def to_json(rubric: Any) -> dict[str, Any]:
    sm = RE_SUBTITLE.match(rubric.subtitle)
    assert sm is not None, rubric.subtitle
    grounds: list[str] = []
    for _, line in rubric.disqualification:
        dm = RE_DISQUALIFY.match(line)
        assert dm is not None
        for ground in base.split_disqualification(dm.group(1)):
            if ground == "Tương đương" and grounds:
                # "không có giấy chứng nhận … (ATTP) hoặc tương đương": one ground.
                grounds[-1] = f"{grounds[-1]} hoặc tương đương"
                continue
            if ground not in grounds:
                grounds.append(ground)

    def crit_json(c: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"so": c.so, "ten": c.ten, "diem": c.diem, "lua_chon": []}
        for stt, o in enumerate(c.options, start=1):
            oj: dict[str, Any] = {"stt": stt, "ten": o.ten, "diem": o.diem, "sao_toi_thieu": None}
            if o.truong_hop:
                oj["truong_hop"] = o.truong_hop
            oj["nguon_dong"] = o.line
            out["lua_chon"].append(oj)
        for key in ("dieu_kien", "ghi_chu"):
            if getattr(c, key):
                out[key] = list(getattr(c, key))
        if c.truong_hop:
            out["truong_hop"] = list(c.truong_hop)
        if c.synthetic:
            out["lua_chon_bo_sung"] = True
        out["nguon_dong"] = c.line
        return out

    parts = []
    for p in rubric.parts:
        groups = []
        for g in p.groups:
            gj: dict[str, Any] = {
                "so": g.so,
                "ten": g.ten,
                "diem": g.diem,
                "tieu_chi": [crit_json(c) for c in g.criteria],
            }
            if g.subheadings:
                gj["nhom_con"] = [
                    {
                        "so": s.so,
                        "ten": s.ten,
                        "diem": s.diem,
                        "tieu_chi": list(s.members),
                        "nguon_dong": s.line,
                    }
                    for s in g.subheadings
                ]
            gj["nguon_dong"] = g.line
            groups.append(gj)
        parts.append(
            {"ma": p.ma, "ten": p.ten, "diem": p.diem, "muc": groups, "nguon_dong": p.line}
        )

    in_criteria: list[dict[str, str]] = []
    for p in rubric.parts:
        for g in p.groups:
            for c in g.criteria:
                for note in c.ghi_chu:
                    if "bị loại" in note.lower():
                        in_criteria.append({"tieu_chi": c.so, "noi_dung": note})

    remarks = [
        {"dong": r.line, "nguyen_van": r.original, "ly_do": r.reason} for r in rubric.remarks
    ]
    remarks += [
        {
            "dong": no,
            "nguyen_van": "",
            "ly_do": f"Mục {so} không in dòng tiêu đề; các tiêu chí {so}.x được xếp vào "
            f"một mục {so} không tên.",
        }
        for no, so in rubric.implicit_groups
    ]
    remarks += [
        {"dong": no, "nguyen_van": "", "ly_do": f"Bản chép ghi chỗ thiếu: {gap}"}
        for no, gap in rubric.gaps
    ]
    return {
        "$schema": "../../rubric.schema.json",
        "bo_san_pham": rubric.number,
        "ten": rubric.index_name,
        "bo_tieu_chi": REGIME,
        "nhom": GROUP_OF_SET[rubric.number],
        "tieu_de": rubric.heading,
        "tieu_de_phu": rubric.subtitle,
        "san_pham": sm.group(1),
        "nhom_san_pham": sm.group(2),
        "loai_khi": grounds,
        "loai_khi_nguyen_van": [line for _, line in rubric.disqualification],
        "loai_trong_tieu_chi": in_criteria,
        "quy_tac": criterion_rules(rubric),
        "ghi_chu_dau_sao": None,
        "tong_diem": 100,
        "phan": parts,
        "sua_loi_nguon": [
            {"dong": c.line, "nguyen_van": c.original, "su_dung": c.uses, "ly_do": c.reason}
            for c in sorted(rubric.corrections, key=lambda c: c.line)
        ],
        "luu_y_nguon": sorted(remarks, key=lambda r: r["dong"]),
        "nguon": {
            "van_ban": SOURCE_NAME,
            "dong_dau": rubric.heading_line,
            "dong_cuoi": rubric.last_line,
            "dong_loai_khi": [no for no, _ in rubric.disqualification],
            "dong_tong_cong": rubric.total_line,
        },
    }


def convert(source: Path) -> dict[str, str]:
    """File name → file content for all 26 rubrics."""
    lines = base.read_source(source)
    replaced = base.apply_corrections(lines, CORRECTIONS)
    by_line = {c.line: c for c in CORRECTIONS}
    remarks = {r.line: r for r in REMARKS}
    for r in REMARKS:
        if lines[r.line] != r.original:
            raise ConversionError(f"line {r.line}: remark text not found, review REMARKS")
    index, spans = locate_sets(lines)
    files: dict[str, str] = {}
    used: set[int] = set()
    for number, first, last in spans:
        rubric = parse_rubric(lines, number, first, last, index[number], replaced, by_line, remarks)
        check(rubric)
        used.update(c.line for c in rubric.corrections)
        used.update(r.line for r in rubric.remarks)
        files[f"bo-{number:02d}.json"] = base.render(to_json(rubric))
    unused = (set(by_line) | set(remarks)) - used
    if unused:
        raise ConversionError(f"corrections or remarks outside any rubric: {sorted(unused)}")
    return files


def main(argv: list[str] | None = None) -> int:
    return base.run_converter(
        "convert_rubrics_1048", convert, __doc__, DEFAULT_SOURCE, DEFAULT_OUT, argv
    )


if __name__ == "__main__":
    sys.exit(main())
