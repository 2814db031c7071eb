#!/usr/bin/env python3
"""Convert the UNOFFICIAL transcription of the QĐ 148/QĐ-TTg (2023) rubrics into JSON data.

Usage::

    python scripts/convert_rubrics_148.py [TEXT] [--out DIR] [--check]

``TEXT`` defaults to ``../shared/legal/qd-148-2023-qd-ttg.rubrics-unofficial.txt``;
``--out`` defaults to ``schemas/rubrics/148-2023``.

The decision's own text was not found. The source is a public scoring app's export (one CSV
per set, rendered as "text | score" lines; see the header of the file): the numbers and
wording are a secondary transcription, so every file is marked ``khong_chinh_thuc`` and
lists the source's known gaps in ``luu_y_nguon``, and the scorer warns on every use
(``rubric-unofficial``). The layout is mapped onto the shape of the official rubrics:

* criteria are lettered "a) … | N" in the export; the data numbers them "mục.k" in the
  Vietnamese letter order (a, b, c, d, đ, e, g, h, i, k → 1…10), as QĐ 26/2026 numbers
  the same criteria; a "- …" line under a lettered criterion is a third-level criterion
  "mục.k.j" (set 11);
* a mục with a single lettered criterion (the export repeats the mục or splits off its
  explanation as "a) …") is one criterion numbered like the mục, as QĐ 26/2026 prints it;
* a star marker printed at the end of a criterion's title ("e) Sở hữu trí tuệ****") rather
  than on an option is kept as a note, not applied (the option it belongs to is unknown);
* the two unreadable score cells are filled with the value the same option has in every
  other set, as a recorded correction.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent


def _base() -> Any:
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

DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "legal" / "qd-148-2023-qd-ttg.rubrics-unofficial.txt"
DEFAULT_OUT = REPO_ROOT / "schemas" / "rubrics" / "148-2023"
REGIME = "148/2023"
SOURCE_NAME = (
    "QĐ 148/QĐ-TTg, bộ tiêu chí — bản chép KHÔNG CHÍNH THỨC (xuất từ ứng dụng chấm điểm "
    "augustine-tran/ocop, db/ocop/*.csv)"
)
PART_POINTS = {"A": 40, "B": 25, "C": 35}
LETTERS = "abcdđeghik"
# The product group of each set: the same cut as QĐ 26/2026 Phụ lục I (the 148 sets are
# numbered and named as QĐ 26/2026's; brief §1.3: 148 added the ornamentals as group V).
GROUP_OF_SET: dict[int, str] = base.GROUP_OF_SET

RE_SET_HEADING = re.compile(r"^(\d+)\. (?:Bộ sản phẩm: )?(.+)$")
RE_PART = re.compile(r"^(?:Phần|PHẦN) ([ABC])[:.]? (.+?)(?: \((\d+) [Đđ]iểm\))? \| (\d+)$")
RE_GROUP = re.compile(r"^(\d+)\. (.+?) \| (\d+)$")
RE_CRITERION = re.compile(r"^([a-zđ]) ?\) ?(.*?) \| (\d*)$")
RE_THIRD = re.compile(r"^- (.+?) \| (\d+)$")
RE_OPTION = re.compile(r"^□ (.+?) \| (\d+)$")
RE_CASE = re.compile(r"^([a-z])\. (Trường hợp \d+: .+?) \| (\d*)$")
RE_CHOOSE_CASE = re.compile(r"^(Lựa chọn một trong hai trường hợp sau:) \| $")
RE_REQUIREMENT = re.compile(r"^Yêu cầu: (.+?) \| $")
RE_CONDITION = re.compile(r"^(Chỉ áp dụng khi .+?) \| $")
RE_NOTE = re.compile(r"^(?:Ghi chú|Chú ý): (.+?) \| $")
RE_DESCRIPTION = re.compile(r"^(.+?) \| $")
RE_STARS = re.compile(r"^(.*?)\s?(\*{3,5})\s*(\.?)$")


def split_stars(text: str) -> tuple[str, int | None]:
    """ "… theo quy định***." → ("… theo quy định.", 3): the export's markers, at the end."""
    m = RE_STARS.match(text)
    if not m or "*" in m.group(1):
        if "*" in text:
            raise ConversionError(f"unexpected asterisk in {text!r}")
        return text, None
    return m.group(1).rstrip() + m.group(3), len(m.group(2))


RE_GAP = re.compile(r"^\[(.+)\]$")
RE_MISSING_SCORE = re.compile(r"^(□ .+? \| )\[THIẾU: điểm không đọc được — (.+)\]$")
HEADER_PREFIXES = (
    "Tên sản phẩm:",
    "Mã số sản phẩm",
    "T: Mã t",
    "[Tê]n chủ thể",
    "S[ố] điện thoại",
    "Địa ch[ỉ]",
    "Các tiêu chí | Thang điểm",
)
RE_DISQUALIFY = re.compile(r"^Hồ sơ bị loại khi: (.+)$")


def _missing(line: int, text: str, points: int, why: str) -> Any:
    return Correction(
        line,
        text,
        (re.sub(r"\[THIẾU: .+\]$", str(points), text),),
        f"{points} điểm",
        f"Ô điểm không đọc được trong bản chép ({why}); cùng lựa chọn ở mọi bộ khác được "
        f"{points} điểm.",
    )


CORRECTIONS: tuple[Any, ...] = (
    _missing(
        2723,
        "□ Có hợp đồng liên kết sản xuất từ 50% đến dưới 75% sản lượng nguyên liệu đầu vào "
        "cho chế biến | [THIẾU: điểm không đọc được — nguồn CSV ghi «l» (dòng 18)]",
        1,
        "nguồn CSV ghi «l»",
    ),
    _missing(
        2863,
        "□ Chế biến đơn giản | [THIẾU: điểm không đọc được — nguồn CSV ghi «t» (dòng 10)]",
        1,
        "nguồn CSV ghi «t»",
    ),
)

# Sets 18 and 19 letter "Sở hữu trí tuệ" "c)" after "đ) Kế toán" (every other set: "e)");
# the scorecard number must be unique, so it is 3.6 as elsewhere.
CORRECTIONS += tuple(
    Correction(
        line,
        "c) Sở hữu trí tuệ**** | 2",
        ("e) Sở hữu trí tuệ**** | 2",),
        '"e) Sở hữu trí tuệ" (tiêu chí 3.6)',
        'Bản chép ghi chữ "c)" sau "đ) Kế toán" (trùng với "c) Sử dụng lao động địa '
        'phương"); các bộ khác ghi "e)".',
    )
    for line in (2915, 3061)
)

UNOFFICIAL = (
    "Bộ tiêu chí này KHÔNG lấy từ văn bản chính thức của QĐ 148/QĐ-TTg (không tìm được văn "
    "bản): chép từ tệp CSV của một ứng dụng chấm điểm công khai (augustine-tran/ocop, "
    "db/ocop/*.csv). Thiếu phần đầu phiếu, dòng «Hồ sơ bị loại khi», dòng TỔNG CỘNG và ghi "
    "chú dấu sao; vị trí các ghi chú so với lựa chọn không chắc chắn."
)

# Sums the export gets wrong, kept as exported (the header of the source lists them).
REMARKS: tuple[Any, ...] = (
    Remark(
        1257,
        "d) Mùi | 4",
        "Bản chép ghi tiêu chí «Mùi» 4 điểm nhưng lựa chọn cao nhất 3 điểm; mục 6 ghi 16, "
        "cộng được 15; Phần C tối đa đạt được là 34. Giữ như bản chép.",
    ),
    *(
        Remark(
            line,
            text,
            f"Phần C ghi 35 điểm nhưng các mục cộng được {total} (bản chép tự nhất quán ở "
            f"từng mục); văn bản gốc không đối chiếu được. Phần C tối đa đạt được là {total}.",
        )
        for line, text, total in (
            (1880, "Phần C CHẤT LƯỢNG SẢN PHẨM (35 Điểm) | 35", 32),
            (2040, "Phần C CHẤT LƯỢNG SẢN PHẨM (35 Điểm) | 35", 32),
            (2199, "Phần C. CHẤT LƯỢNG SẢN PHẨM | 35", 33),
        )
    ),
)


def locate_sets(lines: list[str]) -> list[tuple[int, int, int, str]]:
    headings: list[tuple[int, int, str]] = []
    expected = 1
    for no in range(1, len(lines)):
        m = RE_SET_HEADING.match(lines[no])
        if (
            m
            and int(m.group(1)) == expected
            and no + 1 < len(lines)
            and lines[no + 1].startswith("[")
        ):
            headings.append((expected, no, m.group(2)))
            expected += 1
    if len(headings) != 26:
        raise ConversionError(f"found {len(headings)} rubrics")
    spans = []
    for i, (number, first, name) in enumerate(headings):
        last = headings[i + 1][1] - 1 if i + 1 < len(headings) else len(lines) - 1
        while not lines[last].strip():
            last -= 1
        spans.append((number, first, last, name))
    return spans


def parse_rubric(
    lines: list[str],
    number: int,
    first: int,
    last: int,
    name: str,
    replaced: dict[int, list[str]],
    corrections: dict[int, Any],
    remarks: dict[int, Any],
) -> Any:
    rubric = RubricText(number, name, name, first, last)
    rubric.gaps = []
    rubric.title_markers = []
    part: Any = None
    group: Any = None
    crit: Any = None
    letter_crit: Any = None  # the lettered criterion a third-level "- …" belongs to
    case: str | None = None
    pending: dict[str, list[str]] = {}

    def fail(no: int, text: str, why: str) -> Exception:
        error: Exception = ConversionError(f"set {number}, line {no}: {why}: {text!r}")
        return error

    for no in range(first + 1, last + 1):
        if no in corrections:
            rubric.corrections.append(corrections[no])
        if no in remarks:
            rubric.remarks.append(remarks[no])
        for text in replaced.get(no, [lines[no]]):
            if not text.strip():
                continue
            if part is None:
                if m := RE_DISQUALIFY.match(text):
                    rubric.disqualification.append((no, text))
                    continue
                if RE_GAP.match(text) or text.startswith(HEADER_PREFIXES):
                    rubric.gaps.append((no, text)) if text.startswith("[THIẾU") else None
                    continue
            if m := RE_PART.match(text):
                part = Part(m.group(1), m.group(2).strip(), int(m.group(4)), no)
                rubric.parts.append(part)
                group = crit = letter_crit = None
                continue
            if RE_GAP.match(text):
                rubric.gaps.append((no, text))
                continue
            if part is None:
                raise fail(no, text, "line before the first part")
            if m := RE_OPTION.match(text):
                if group is None:
                    raise fail(no, text, "option outside a mục")
                if crit is None:
                    crit = Criterion(group.so, group.ten, group.diem, group.line)
                    for key, values in pending.items():
                        getattr(crit, key).extend(values)
                    pending.clear()
                    group.criteria.append(crit)
                body, stars = split_stars(m.group(1).strip())
                crit.options.append(Option(body, int(m.group(2)), stars, no, None, case))
                continue
            if m := RE_GROUP.match(text):
                group = Group(m.group(1), m.group(2).strip(), int(m.group(3)), no)
                part.groups.append(group)
                crit = letter_crit = None
                case = None
                continue
            if m := RE_CASE.match(text):
                if group is None:
                    raise fail(no, text, "case outside a mục")
                if crit is None:
                    crit = Criterion(group.so, group.ten, group.diem, group.line)
                    for key, values in pending.items():
                        getattr(crit, key).extend(values)
                    pending.clear()
                    group.criteria.append(crit)
                case = m.group(1)
                crit.truong_hop.append({"ma": case, "ten": m.group(2)})
                continue
            if m := RE_CRITERION.match(text):
                if group is None:
                    raise fail(no, text, "criterion outside a mục")
                k = LETTERS.index(m.group(1)) + 1
                ten = m.group(2).strip()
                ten, stars = split_stars(ten) if "*" in ten else (ten, None)
                if stars is not None:
                    rubric.title_markers.append((no, ten, stars))
                # "a) | " with no points: the export's empty row before the real "a) | N".
                diem = int(m.group(3)) if m.group(3) else group.diem
                crit = Criterion(f"{group.so}.{k}", ten, diem, no)
                if stars is not None:
                    crit.ghi_chu.append(
                        f"Bản chép in dấu {'*' * stars} ở tên tiêu chí, không ở một lựa chọn; "
                        "không áp dụng như yêu cầu tối thiểu."
                    )
                for key, values in pending.items():
                    getattr(crit, key).extend(values)
                pending.clear()
                if (
                    group.criteria
                    and group.criteria[-1].so == crit.so
                    and not group.criteria[-1].options
                ):
                    group.criteria.pop()  # the empty "a) | " row it repeats
                group.criteria.append(crit)
                letter_crit = crit
                case = None
                continue
            if m := RE_THIRD.match(text):
                if letter_crit is None or group is None:
                    raise fail(no, text, "third-level criterion without its parent")
                parent = letter_crit.so
                sub = next((s for s in group.subheadings if s.so == parent), None)
                if sub is None:
                    if letter_crit.options or group.criteria[-1] is not letter_crit:
                        raise fail(no, text, "third-level criterion after options")
                    group.criteria.pop()
                    sub = SubHeading(parent, letter_crit.ten, letter_crit.diem, letter_crit.line)
                    group.subheadings.append(sub)
                so = f"{parent}.{len(sub.members) + 1}"
                sub.members.append(so)
                crit = Criterion(so, m.group(1).strip(), int(m.group(2)), no)
                group.criteria.append(crit)
                continue
            key: str
            if m := RE_REQUIREMENT.match(text):
                key = "yeu_cau"
            elif m := RE_CONDITION.match(text):
                key = "dieu_kien"
            elif m := (
                RE_CHOOSE_CASE.match(text) or RE_NOTE.match(text) or RE_DESCRIPTION.match(text)
            ):
                key = "ghi_chu"
            else:
                raise fail(no, text, "unrecognised line")
            value = m.group(1)
            if crit is not None:
                getattr(crit, key).append(value)
            elif group is not None:
                pending.setdefault(key, []).append(value)
            else:
                raise fail(no, text, "note outside a mục")
    if pending:
        # Notes printed under a mục heading whose criteria follow: the mục's first criterion.
        raise ConversionError(f"set {number}: notes left over: {pending}")
    _collapse_single(rubric)
    return rubric


def _collapse_single(rubric: Any) -> None:
    """A mục with one lettered criterion is one criterion numbered like the mục; lettered
    criteria sharing a letter ("a) Ngoại hình - Tạp chất lạ", "a) Ngoại hình - Màu sắc" in
    set 13) are the third-level criteria of that letter's heading."""
    for p in rubric.parts:
        for g in p.groups:
            numbers = [c.so for c in g.criteria]
            for so in dict.fromkeys(n for n in numbers if numbers.count(n) > 1):
                members = [c for c in g.criteria if c.so == so]
                heads = {c.ten.split(" - ", 1)[0] for c in members}
                if len(heads) != 1 or not all(" - " in c.ten for c in members):
                    raise ConversionError(f"set {rubric.number}: criterion {so} repeated")
                sub = SubHeading(so, heads.pop(), sum(c.diem for c in members), members[0].line)
                for j, c in enumerate(members, start=1):
                    c.so = f"{so}.{j}"
                    c.ten = c.ten.split(" - ", 1)[1]
                    sub.members.append(c.so)
                g.subheadings.append(sub)
            if len(g.criteria) == 1 and not g.subheadings and g.criteria[0].so != g.so:
                c = g.criteria[0]
                extra = c.ten.strip()
                c.so = g.so
                if extra and extra.casefold() != g.ten.casefold():
                    c.ten = f"{g.ten} ({extra})"
                else:
                    c.ten = g.ten


def check(rubric: Any) -> None:
    n = rubric.number
    if [p.ma for p in rubric.parts] != ["A", "B", "C"]:
        raise ConversionError(f"set {n}: parts {[p.ma for p in rubric.parts]}")
    recorded = {r.line for r in rubric.remarks}
    seen: set[str] = set()
    for part in rubric.parts:
        if part.diem != PART_POINTS[part.ma]:
            raise ConversionError(f"set {n}: part {part.ma} has {part.diem} points")
        if sum(g.diem for g in part.groups) != part.diem and part.line not in recorded:
            raise ConversionError(f"set {n}: mục of part {part.ma} do not add up")
        for g in part.groups:
            if not g.criteria:
                raise ConversionError(f"set {n}: mục {g.so} has no criteria")
            if sum(c.diem for c in g.criteria) != g.diem and not any(
                c.line in recorded for c in g.criteria
            ):
                raise ConversionError(f"set {n}: criteria of mục {g.so} do not add up")
            for c in g.criteria:
                if c.so in seen:
                    raise ConversionError(f"set {n}: criterion {c.so} twice")
                seen.add(c.so)
                if len(c.options) < 2:
                    raise ConversionError(f"set {n}: criterion {c.so} (line {c.line}) options")
                top = max(o.diem for o in c.options)
                if top != c.diem and c.line not in recorded:
                    raise ConversionError(
                        f"set {n}: criterion {c.so} (line {c.line}) best {top} != {c.diem}"
                    )


def to_json(rubric: Any) -> dict[str, Any]:
    grounds: list[str] = []
    for _, line in rubric.disqualification:
        dm = RE_DISQUALIFY.match(line)
        assert dm is not None
        for ground in base.split_disqualification(dm.group(1)):
            if ground not in grounds:
                grounds.append(ground)

    def crit_json(c: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"so": c.so, "ten": c.ten, "diem": c.diem, "lua_chon": []}
        for stt, o in enumerate(c.options, start=1):
            oj: dict[str, Any] = {"stt": stt, "ten": o.ten, "diem": o.diem, "sao_toi_thieu": o.sao}
            if o.truong_hop:
                oj["truong_hop"] = o.truong_hop
            oj["nguon_dong"] = o.line
            out["lua_chon"].append(oj)
        for key in ("yeu_cau", "dieu_kien", "ghi_chu"):
            if getattr(c, key):
                out[key] = list(getattr(c, key))
        if c.truong_hop:
            out["truong_hop"] = list(c.truong_hop)
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
    in_criteria = [
        {"tieu_chi": c.so, "noi_dung": note}
        for p in rubric.parts
        for g in p.groups
        for c in g.criteria
        for note in c.ghi_chu
        if "bị loại" in note.lower()
    ]
    remarks = [{"dong": rubric.heading_line, "nguyen_van": "", "ly_do": UNOFFICIAL}]
    remarks += [
        {"dong": r.line, "nguyen_van": r.original, "ly_do": r.reason} for r in rubric.remarks
    ]
    remarks += [
        {"dong": no, "nguyen_van": text, "ly_do": "Chỗ thiếu do bản chép ghi lại."}
        for no, text in rubric.gaps
    ]
    remarks += [
        {
            "dong": no,
            "nguyen_van": ten,
            "ly_do": f"Dấu {'*' * stars} in ở tên tiêu chí, không ở lựa chọn nào; không áp dụng.",
        }
        for no, ten, stars in rubric.title_markers
    ]
    return {
        "$schema": "../../rubric.schema.json",
        "bo_san_pham": rubric.number,
        "ten": rubric.index_name,
        "bo_tieu_chi": REGIME,
        "khong_chinh_thuc": True,
        "nhom": GROUP_OF_SET[rubric.number],
        "tieu_de": rubric.heading,
        "nhom_san_pham": None,
        "loai_khi": grounds,
        "loai_khi_nguyen_van": [line for _, line in rubric.disqualification],
        "loai_trong_tieu_chi": in_criteria,
        "quy_tac": base.criterion_rules(rubric),
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
        },
    }


def convert(source: Path) -> dict[str, str]:
    lines = base.read_source(source)
    replaced = base.apply_corrections(lines, CORRECTIONS)
    by_line = {c.line: c for c in CORRECTIONS}
    remarks = {r.line: r for r in REMARKS}
    for r in REMARKS:
        if lines[r.line] != r.original:
            raise ConversionError(f"line {r.line}: remark text not found, review REMARKS")
    files: dict[str, str] = {}
    for number, first, last, name in locate_sets(lines):
        rubric = parse_rubric(lines, number, first, last, name, replaced, by_line, remarks)
        check(rubric)
        files[f"bo-{number:02d}.json"] = base.render(to_json(rubric))
    return files


def main(argv: list[str] | None = None) -> int:
    return base.run_converter(
        "convert_rubrics_148", convert, __doc__, DEFAULT_SOURCE, DEFAULT_OUT, argv
    )


if __name__ == "__main__":
    sys.exit(main())
