#!/usr/bin/env python3
"""Convert the 26 rubrics of QĐ 26/2026/QĐ-TTg Phụ lục II into JSON data files.

Usage::

    python scripts/convert_rubrics.py [LEGAL_TEXT] [--out DIR] [--check]

``LEGAL_TEXT`` defaults to ``../shared/legal/qd-26-2026-qd-ttg.txt`` relative to the
repository root; ``--out`` defaults to ``schemas/rubrics/26-2026``. ``--check`` writes
nothing and exits 1 when a file on disk differs from what would be written.

The source is a flattened HTML table: one row per line, cells separated by " | ". The
parser below is a strict line grammar: every line of Phụ lục II must match exactly one
rule, otherwise the conversion stops. The text's slips are not absorbed by loose
patterns; each one is listed in ``CORRECTIONS`` (keyed by source line number, checked
against the exact original text), applied before parsing, and copied into the
``sua_loi_nguon`` list of the affected rubric file so that readers can audit them.

Layout rules that are *not* corrections (the text is right, only its layout varies):

* sub-criterion numbers may lack their trailing dot ("6.2 Nước pha", "4.2 Liên kết");
* a criterion title may continue on the next line in parentheses ("(Gồm: …) |");
* "Yêu cầu: …" inside a criterion title is split off into ``yeu_cau``;
* "Ghi chú: …" inside an option cell (sets 21, 22) is split off into the option's
  ``ghi_chu``;
* a "mục" whose options follow its heading directly becomes one criterion numbered
  like the mục ("7. DINH DƯỠNG" → criterion "7");
* a criterion followed by third-level criteria ("6.1. Ngoại hình" → "6.1.1", "6.1.2"
  in sets 11 and 13) becomes a sub-heading (``nhom_con``); its leaves stay in the
  mục's flat ``tieu_chi`` list (the scorecard keys are the leaf numbers).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "legal" / "qd-26-2026-qd-ttg.txt"
DEFAULT_OUT = REPO_ROOT / "schemas" / "rubrics" / "26-2026"
REGIME = "26/2026"
SOURCE_NAME = "Quyết định 26/2026/QĐ-TTg, Phụ lục II"

# Phụ lục II, line 209 in the reference copy; the rubrics end where Phụ lục III starts.
ANNEX_II_TITLE = "PHỤ LỤC II"
ANNEX_III_TITLE = "PHỤ LỤC III"

# QĐ 26/2026 Phụ lục I: product group (nhóm I–VI) of each product set.
GROUP_OF_SET: dict[int, str] = {
    **{n: "I" for n in range(1, 14)},
    **{n: "II" for n in range(14, 18)},
    **{n: "III" for n in range(18, 21)},
    **{n: "IV" for n in range(21, 23)},
    **{n: "V" for n in range(23, 26)},
    26: "VI",
}

# QĐ 26/2026 Điều 3.1: Phần A 40, Phần B 25, Phần C 35.
PART_POINTS = {"A": 40, "B": 25, "C": 35}
STAR_MARKERS = {"***": 3, "****": 4, "*****": 5}

# --------------------------------------------------------------------------------------
# Source corrections. Each entry names the source line, the exact text found there (the
# converter refuses to run if it differs), the replacement lines (empty = drop the line),
# the value shown to readers, and the reason. Nothing else in the text is altered.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    line: int
    original: str
    replacement: tuple[str, ...]
    uses: str
    reason: str
    adds_options: bool = False


def _yes_no(line: int, text: str, points: int, where: str) -> Correction:
    """A criterion printed without options: score it "Không" 0 / "Có" its points.

    QĐ 26/2026 Phụ lục II prints e.g. "2.4. Ghi nhãn hàng hóa có sử dụng song ngữ … | 1"
    with no "□" rows; the evident intent is a yes/no criterion (domain brief §3.8).
    """
    return Correction(
        line,
        text,
        (text, "□ Không | 0", f"□ Có | {points}"),
        f'hai lựa chọn "Không" (0 điểm) và "Có" ({points} điểm)',
        f"Tiêu chí {where} không in lựa chọn nào; chấm theo có/không, "
        "điểm tối đa bằng điểm của tiêu chí.",
        adds_options=True,
    )


_DQ_SET1 = (
    "Hồ sơ bị loại khi: Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy "
    "chứng nhận cơ sở đủ điều kiện an toàn thực phẩm theo quy định; hoặc không đáp ứng về "
    "hồ sơ đăng ký theo quy định"
)
_DQ_SET17 = (
    "Hồ sơ bị loại khi: Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy "
    "chứng nhận cơ sở đủ điều kiện an toàn thực phẩm theo quy định; hoặc giấy phép sản xuất "
    "theo quy định hoặc không đáp ứng về hồ sơ đăng ký theo quy định"
)
_SONG_NGU = "Ghi nhãn hàng hóa có sử dụng song ngữ (Việt - Anh hoặc ngôn ngữ nước ngoài khác) | 1"
_STORY_4 = (
    "□ Có câu chuyện sản phẩm được tư liệu hóa, thể hiện trên tờ rơi, website (dưới dạng "
    "hình ảnh, clip,...) và đưa vào nội dung truy xuất nguồn gốc điện tử"
)

CORRECTIONS: tuple[Correction, ...] = (
    # --- set 1 -------------------------------------------------------------------------
    Correction(
        249,
        _DQ_SET1,
        (),
        "một dòng (dòng 248)",
        'Dòng "Hồ sơ bị loại khi" in lặp hai lần giống hệt nhau (dòng 248 và 249); bỏ bản lặp.',
    ),
    Correction(
        680,
        _STORY_4 + " * * * * | 5",
        (_STORY_4 + " **** | 5",),
        "**** (4 sao)",
        'Dấu sao tối thiểu 4 sao in giãn cách "* * * *"; các bộ khác in "****" cho cùng lựa chọn.',
    ),
    Correction(
        886,
        "□ Có trên 2 chỉ tiêu | 13",
        ("□ Có trên 2 chỉ tiêu | 3",),
        "3 điểm",
        'Ô điểm in "13" cho lựa chọn cao nhất của mục 7 (Dinh dưỡng, tối đa 3 điểm); các '
        "bộ 1 và 3 in 3 cho cùng lựa chọn. Chữ số 1 thừa.",
    ),
    Correction(
        1395,
        "o Rất độc đáo và có tính đặc trưng***** | 5",
        ("□ Rất độc đáo và có tính đặc trưng***** | 5",),
        '"□" (một lựa chọn của mục 7)',
        'Lựa chọn cuối của mục 7 (Tính độc đáo) in dấu đầu dòng "o" thay cho "□"; các '
        'lựa chọn khác và các bộ khác đều dùng "□".',
    ),
    Correction(
        1904,
        "8 CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM | 5",
        ("8. CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM | 5",),
        '"8. CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM"',
        'Số mục thiếu dấu chấm; các mục khác và các bộ khác đều in "8.".',
    ),
    Correction(
        2049,
        "□ Có rất ít tạp chất, chấp nhận được | 11",
        ("□ Có rất ít tạp chất, chấp nhận được | 1",),
        "1 điểm",
        'Tiêu chí 6.1.1 tối đa 2 điểm; ô điểm "11" nằm giữa 0 và 2, cùng lựa chọn ở bộ 13 '
        "(6.1.1) được 1 điểm. Chữ số 1 lặp.",
    ),
    Correction(
        2932,
        _DQ_SET17,
        (_DQ_SET17.replace("; hoặc giấy phép", "; hoặc không có giấy phép"),),
        '"hoặc không có giấy phép sản xuất theo quy định"',
        'Thiếu "không có" trước "giấy phép sản xuất"; câu cùng loại ở bộ 15 (dòng 2620) ghi '
        '"hoặc không có giấy phép sản xuất theo quy định". Nguyên văn khiến "giấy phép sản '
        'xuất" thành một căn cứ loại hồ sơ.',
    ),
    Correction(
        3985,
        "9. HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU DÙNG | 4 1",
        (
            "9. HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU "
            "DÙNG | 4",
        ),
        "4 điểm",
        'Ô điểm in "4 1"; lựa chọn cao nhất được 4 điểm và Phần C chỉ cộng đủ 35 với 4. Số 1 thừa.',
    ),
    Correction(
        4297,
        "Phần A SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (35 Điểm) | 40",
        ("Phần A: SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (40 Điểm) | 40",),
        "40 điểm",
        'Tiêu đề ghi "(35 Điểm)" nhưng ô điểm ghi 40, các mục 1–3 cộng được 14 + 12 + 14 = 40 '
        "và Điều 3.1 quy định Phần A 40 điểm (35 là điểm Phần A của QĐ 1048/2019).",
    ),
)


# Sets 4, 7, 10, 11: criterion 1.2 "Vùng nguyên liệu được cấp chứng nhận chất lượng" leaves
# the points cell of its first option empty; set 1 (line 259) and the other sets print 0.
EMPTY_ZERO_LINES = (768, 1272, 1778, 1949)
_NO_CERT = "□ Không được cấp giấy chứng nhận chất lượng"
CORRECTIONS += tuple(
    Correction(
        line,
        _NO_CERT + " | ",
        (_NO_CERT + " | 0",),
        "0 điểm",
        'Ô điểm của lựa chọn "Không được cấp giấy chứng nhận chất lượng" (tiêu chí 1.2) để '
        "trống; lựa chọn thấp nhất, các bộ khác in 0.",
    )
    for line in EMPTY_ZERO_LINES
)

# The bilingual-label criterion ("2.4", "2.3" in sets 21-22) is printed without options in
# sets 1-22. Source line of each occurrence → criterion number.
SONG_NGU_LINES: dict[int, str] = {
    297: "2.4", 467: "2.4", 635: "2.4", 806: "2.4", 970: "2.4", 1140: "2.4", 1311: "2.4",
    1479: "2.4", 1646: "2.4", 1817: "2.4", 1989: "2.4", 2162: "2.4", 2333: "2.4",
    2506: "2.4", 2664: "2.4", 2822: "2.4", 2975: "2.4", 3138: "2.4", 3294: "2.4",
    3454: "2.4", 3606: "2.3", 3756: "2.3",
}  # fmt: skip

CORRECTIONS += tuple(
    _yes_no(line, f"{so}. {_SONG_NGU}", 1, so) for line, so in SONG_NGU_LINES.items()
)


@dataclass(frozen=True)
class Remark:
    """A slip noticed in the text but kept as printed: its intent is not evident enough to
    change a legal score or wording. Copied into ``luu_y_nguon`` of the rubric file."""

    line: int
    original: str
    reason: str


REMARKS: tuple[Remark, ...] = (
    # Issue 11: formerly a correction to 2 points. The score is the text's (Phụ lục II, bộ 7
    # prints 1); the project's doubt is kept here as a note, not applied.
    Remark(
        1315,
        "□ Công ty TNHH; hoặc doanh nghiệp tư nhân; hoặc công ty cổ phần có vốn góp của cộng "
        "đồng người địa phương <51% | 1",
        "Tiêu chí 3.1 là thang 1-2-3 theo loại hình tổ chức; lựa chọn này được 2 điểm ở cả 25 "
        "bộ còn lại, ở bộ 7 in 1 (bằng lựa chọn hộ sản xuất đứng trước nó), có thể là lỗi in. "
        "Điểm tính theo văn bản công bố (1 điểm); cách đọc khác (2 điểm) chỉ ghi chú ở đây.",
    ),
    Remark(
        1061,
        "Ghi chú: Sản Tiêu chuẩn sản phẩm phải có phiếu kiểm nghiệm các chỉ tiêu an toàn thực phẩm",
        'Có lẽ là "Bản Tiêu chuẩn" như ở các bộ khác; chỉ là ghi chú, giữ nguyên văn.',
    ),
    Remark(
        3089,
        "Hồ sơ bị loại khi: Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy "
        "chứng nhận cơ sở đủ điều kiện sản xuất sản phẩm (GMP đối với thực phẩm bảo vệ hoặc "
        "tương đương); Hồ sơ đăng ký bản đăng ký công bố chất lượng sản phẩm, ghi nhãn sản "
        "phẩm, quảng cáo sản phẩm hoặc không đáp ứng quy định hồ sơ đăng ký theo quy định",
        'Căn cứ thứ ba ("Hồ sơ đăng ký bản đăng ký công bố chất lượng sản phẩm, ghi nhãn '
        'sản phẩm, quảng cáo sản phẩm") thiếu động từ (có lẽ "không tuân thủ quy định về …");'
        " không đoán được chữ chính xác nên giữ nguyên văn.",
    ),
    Remark(
        3968,
        "□ Chấp nhận được | 1",
        'Tiêu chí 6.2 (Màu sắc) cho "Chấp nhận được" và "Phù hợp với đặc tính sản phẩm" '
        'cùng 1 điểm; các bộ 24, 25 không có lựa chọn "Chấp nhận được". Không rõ ý định '
        "(0 điểm?) nên giữ điểm như văn bản; điểm tối đa và tổng vẫn đúng.",
    ),
)

# --------------------------------------------------------------------------------------
# Parsed tree
# --------------------------------------------------------------------------------------


@dataclass
class Option:
    ten: str
    diem: int
    sao: int | None
    line: int
    ghi_chu: str | None = None
    truong_hop: str | None = None


@dataclass
class Criterion:
    so: str
    ten: str
    diem: int
    line: int
    options: list[Option] = field(default_factory=list)
    yeu_cau: list[str] = field(default_factory=list)
    ghi_chu: list[str] = field(default_factory=list)
    dieu_kien: list[str] = field(default_factory=list)
    truong_hop: list[dict[str, str]] = field(default_factory=list)
    synthetic: bool = False


@dataclass
class SubHeading:
    so: str
    ten: str
    diem: int
    line: int
    members: list[str] = field(default_factory=list)


@dataclass
class Group:
    so: str
    ten: str
    diem: int
    line: int
    criteria: list[Criterion] = field(default_factory=list)
    subheadings: list[SubHeading] = field(default_factory=list)


@dataclass
class Part:
    ma: str
    ten: str
    diem: int
    line: int
    groups: list[Group] = field(default_factory=list)


@dataclass
class RubricText:
    number: int
    index_name: str
    heading: str
    heading_line: int
    last_line: int
    subtitle: str = ""
    disqualification: list[tuple[int, str]] = field(default_factory=list)
    star_note: str | None = None
    parts: list[Part] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    total_line: int = 0


class ConversionError(Exception):
    pass


# --------------------------------------------------------------------------------------
# Line grammar
# --------------------------------------------------------------------------------------

RE_INDEX = re.compile(r"^(\d+) \| Bộ sản phẩm: (.+)$")
RE_SET_HEADING = re.compile(r"^(\d+)\. (?:Bộ sản phẩm: )?(.+)$")
RE_SUBTITLE = re.compile(r"^\((Sản phẩm: .+)\)$")
RE_PART = re.compile(r"^(?:Phần|PHẦN) ([ABC]):? (.+?) \((\d+) [Đđ]iểm\) \| (\d+)$")
RE_GROUP = re.compile(r"^(\d+)\. (.+?) \| (\d+)$")
RE_CRITERION = re.compile(r"^(\d+\.\d+(?:\.\d+)?)\.? (.+?) \| (\d+)$")
RE_OPTION = re.compile(r"^□ (.+?) \| (\d+)$")
RE_NOTE = re.compile(r"^(?:Ghi chú|Chú ý): (.+?)(?: \|\s*)?$")
RE_REQUIREMENT = re.compile(r"^Yêu cầu: (.+?)(?: \|\s*)?$")
RE_CONDITION = re.compile(r"^(Chỉ áp dụng khi .+?)(?: \|\s*)?$")
RE_CONTINUATION = re.compile(r"^(\(.+\))(?: \|\s*)?$")
RE_CHOOSE_CASE = re.compile(r"^(Lựa chọn một trong (?:hai|các) trường hợp sau:)(?: \|\s*)?$")
RE_CASE = re.compile(r"^([a-z])\. (Trường hợp \d+: .+?)(?: \|\s*)?$")
RE_DISQUALIFY = re.compile(r"^(?:Hồ sơ bị loại khi|Bị loại khi): (.+)$")
RE_STARS = re.compile(r"^(.*?)\s?(\*{3,5})$")
RE_TOTAL = re.compile(r"^TỔNG CỘNG \| (\d+)$")
RE_INLINE_REQ = re.compile(r"^(.+?) Yêu cầu: (.+)$")
RE_INLINE_NOTE = re.compile(r"^(.+?) Ghi chú: (.+)$")

HEADER_PREFIXES = (
    "Tên sản phẩm:",
    "Mã số sản phẩm",
    "T: Mã tỉnh",
    "Tên chủ thể sản xuất:",
    "Số điện thoại:",
    "Địa chỉ:",
)
FOOTER_PREFIXES = ("Ý kiến của người đánh giá:", "………", " | ..., ngày", "| ..., ngày")
RE_RULE = re.compile(r"^[-_]{5,}$")


def _split_stars(text: str) -> tuple[str, int | None]:
    m = RE_STARS.match(text)
    if not m:
        if "*" in text:
            raise ConversionError(f"unexpected asterisk in {text!r}")
        return text, None
    if "*" in m.group(1):
        raise ConversionError(f"malformed star marker in {text!r}")
    return m.group(1).rstrip(), STAR_MARKERS[m.group(2)]


def split_disqualification(sentence: str) -> list[str]:
    """Split "A hoặc B; hoặc C" into grounds, ignoring "hoặc" inside parentheses."""
    parts: list[str] = []
    depth = 0
    buf = ""
    i = 0
    while i < len(sentence):
        ch = sentence[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if depth == 0:
            for sep in ("; hoặc ", " hoặc ", "; "):
                if sentence.startswith(sep, i):
                    parts.append(buf)
                    buf = ""
                    i += len(sep)
                    break
            else:
                buf += ch
                i += 1
            continue
        buf += ch
        i += 1
    parts.append(buf)
    cleaned = [p.strip().rstrip(";.").strip() for p in parts if p.strip()]
    return [c[0].upper() + c[1:] for c in cleaned]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_source(path: Path) -> list[str]:
    """Source lines, 1-based (index 0 is an empty placeholder), NFC, no line ends."""
    text = _nfc(path.read_text(encoding="utf-8"))
    return ["", *text.split("\n")]


def apply_corrections(
    lines: list[str], corrections: tuple[Correction, ...]
) -> dict[int, list[str]]:
    """Return the replacement lines for each corrected line, after checking the original."""
    out: dict[int, list[str]] = {}
    for c in corrections:
        if c.line in out:
            raise ConversionError(f"two corrections for line {c.line}")
        found = lines[c.line] if c.line < len(lines) else None
        if found != c.original:
            raise ConversionError(
                f"line {c.line}: expected {c.original!r} for a correction, found {found!r}; "
                "the source has changed, review CORRECTIONS"
            )
        out[c.line] = list(c.replacement)
    return out


def locate_sets(lines: list[str]) -> tuple[dict[int, str], list[tuple[int, int, int]]]:
    """Index names and (set number, first line, last line) of each rubric."""
    try:
        start = lines.index(ANNEX_II_TITLE)
        end = lines.index(ANNEX_III_TITLE)
    except ValueError as exc:
        raise ConversionError("Phụ lục II/III headings not found") from exc
    index: dict[int, str] = {}
    headings: list[tuple[int, int]] = []
    expected = 1
    for no in range(start, end):
        line = lines[no]
        m = RE_INDEX.match(line)
        if m and not headings:
            index[int(m.group(1))] = m.group(2)
            continue
        m = RE_SET_HEADING.match(line)
        if m and int(m.group(1)) == expected and no + 1 < end and RE_SUBTITLE.match(lines[no + 1]):
            headings.append((expected, no))
            expected += 1
    if sorted(index) != list(range(1, 27)) or len(headings) != 26:
        raise ConversionError(f"found {len(index)} index rows and {len(headings)} rubrics")
    spans = []
    for i, (number, first) in enumerate(headings):
        last = headings[i + 1][1] - 1 if i + 1 < len(headings) else end - 1
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
    corrections: dict[int, Correction],
    remarks: dict[int, Remark],
) -> RubricText:
    heading = RE_SET_HEADING.match(lines[first])
    assert heading is not None
    rubric = RubricText(number, index_name, heading.group(2), first, last)
    state = "header"
    part: Part | None = None
    group: Group | None = None
    group_notes: dict[str, dict[str, list[str]]] = {}
    crit: Criterion | None = None
    case: str | None = None

    def fail(no: int, text: str, why: str) -> ConversionError:
        return ConversionError(f"set {number}, line {no}: {why}: {text!r}")

    def open_direct_criterion() -> Criterion:
        # A mục whose options follow its heading directly ("7. DINH DƯỠNG | 3") is one
        # criterion numbered like the mục; notes printed before its options move to it.
        assert group is not None
        c = Criterion(group.so, group.ten, group.diem, group.line)
        for key, values in group_notes.pop(group.so, {}).items():
            getattr(c, key).extend(values)
        group.criteria.append(c)
        return c

    for no in range(first + 1, last + 1):
        if no in corrections:
            rubric.corrections.append(corrections[no])
        if no in remarks:
            rubric.remarks.append(remarks[no])
        for text in replaced.get(no, [lines[no]]):
            if state == "header":
                if m := RE_SUBTITLE.match(text):
                    rubric.subtitle = text
                elif m := RE_DISQUALIFY.match(text):
                    if any(t == text for _, t in rubric.disqualification):
                        raise fail(no, text, "duplicate disqualification line not corrected")
                    rubric.disqualification.append((no, text))
                elif text == "Các tiêu chí | Thang điểm":
                    state = "table"
                elif not text.strip() or RE_RULE.match(text) or text.startswith(HEADER_PREFIXES):
                    pass
                else:
                    raise fail(no, text, "unexpected header line")
                continue
            if state == "footer":
                if not text.strip() or text.startswith(FOOTER_PREFIXES):
                    continue
                if text.startswith("Ghi chú: Dấu sao"):
                    rubric.star_note = text
                    continue
                raise fail(no, text, "unexpected footer line")
            # --- table ---
            if "*" in text and not RE_OPTION.match(text):
                raise fail(no, text, "star marker outside an option")
            if m := RE_TOTAL.match(text):
                if int(m.group(1)) != 100:
                    raise fail(no, text, "total is not 100")
                rubric.total_line = no
                state = "footer"
                continue
            if m := RE_PART.match(text):
                ma, ten, head_pts, cell_pts = m.group(1), m.group(2), m.group(3), m.group(4)
                if head_pts != cell_pts:
                    raise fail(no, text, "part heading and points cell disagree")
                part = Part(ma, ten.strip(), int(cell_pts), no)
                rubric.parts.append(part)
                group = None
                crit = None
                continue
            if m := RE_OPTION.match(text):
                if group is None:
                    raise fail(no, text, "option outside a mục")
                if crit is None:
                    crit = open_direct_criterion()
                body = m.group(1).strip()
                note = None
                if (mn := RE_INLINE_NOTE.match(body)) is not None:
                    body, note = mn.group(1), mn.group(2)
                body, stars = _split_stars(body)
                crit.options.append(Option(body, int(m.group(2)), stars, no, note, case))
                continue
            if m := RE_GROUP.match(text):
                if part is None:
                    raise fail(no, text, "mục outside a part")
                group = Group(m.group(1), m.group(2).strip(), int(m.group(3)), no)
                part.groups.append(group)
                crit = None
                case = None
                continue
            if m := RE_CRITERION.match(text):
                if group is None:
                    raise fail(no, text, "criterion outside a mục")
                so = m.group(1)
                if not so.startswith(group.so + "."):
                    raise fail(no, text, f"criterion number outside mục {group.so}")
                ten = m.group(2).strip()
                yeu_cau: list[str] = []
                if (mr := RE_INLINE_REQ.match(ten)) is not None:
                    ten, yeu_cau = mr.group(1), [mr.group(2)]
                parent = so.rsplit(".", 1)[0]
                if so.count(".") == 2:
                    # Third level: the parent criterion becomes a sub-heading.
                    sub = next((s for s in group.subheadings if s.so == parent), None)
                    if sub is None:
                        prev = group.criteria[-1] if group.criteria else None
                        if prev is None or prev.so != parent or prev.options:
                            raise fail(no, text, "third-level criterion without its parent")
                        group.criteria.pop()
                        sub = SubHeading(prev.so, prev.ten, prev.diem, prev.line)
                        group.subheadings.append(sub)
                    sub.members.append(so)
                crit = Criterion(so, ten, int(m.group(3)), no, yeu_cau=yeu_cau)
                group.criteria.append(crit)
                case = None
                continue
            # Lines that qualify the current criterion (or the mục before its options).
            target_key: str
            value: str
            if m := RE_REQUIREMENT.match(text):
                target_key, value = "yeu_cau", m.group(1)
            elif m := RE_CONDITION.match(text):
                target_key, value = "dieu_kien", m.group(1)
            elif m := RE_CHOOSE_CASE.match(text):
                target_key, value = "ghi_chu", m.group(1)
            elif m := RE_NOTE.match(text):
                if text.startswith("Ghi chú: Dấu sao"):
                    raise fail(no, text, "star note inside the table")
                target_key, value = "ghi_chu", m.group(1)
            elif m := RE_CASE.match(text):
                if group is None:
                    raise fail(no, text, "case outside a mục")
                if crit is None:
                    crit = open_direct_criterion()
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
            if crit is not None:
                getattr(crit, target_key).append(value)
            elif group is not None:
                group_notes.setdefault(group.so, {}).setdefault(target_key, []).append(value)
            else:
                raise fail(no, text, "note outside a mục")
    if state != "footer":
        raise ConversionError(f"set {number}: no 'TỔNG CỘNG | 100' line")
    if group_notes:
        raise ConversionError(f"set {number}: notes left on a mục with criteria: {group_notes}")
    return rubric


# --------------------------------------------------------------------------------------
# Checks (QĐ 26/2026 Điều 3.1 and the sheet's own sums)
# --------------------------------------------------------------------------------------


def check(rubric: RubricText) -> None:
    n = rubric.number
    codes = [p.ma for p in rubric.parts]
    if codes != ["A", "B", "C"]:
        raise ConversionError(f"set {n}: parts {codes}")
    seen: set[str] = set()
    for part in rubric.parts:
        if part.diem != PART_POINTS[part.ma]:
            raise ConversionError(f"set {n}: part {part.ma} has {part.diem} points")
        if sum(g.diem for g in part.groups) != part.diem:
            raise ConversionError(f"set {n}: mục of part {part.ma} do not add up")
        for g in part.groups:
            if not g.criteria:
                raise ConversionError(f"set {n}: mục {g.so} has no criteria")
            if sum(c.diem for c in g.criteria) != g.diem:
                raise ConversionError(
                    f"set {n}: criteria of mục {g.so} add up to "
                    f"{sum(c.diem for c in g.criteria)}, heading says {g.diem}"
                )
            for sub in g.subheadings:
                total = sum(c.diem for c in g.criteria if c.so in sub.members)
                if total != sub.diem:
                    raise ConversionError(f"set {n}: sub-heading {sub.so} adds up to {total}")
            for c in g.criteria:
                if c.so in seen:
                    raise ConversionError(f"set {n}: criterion {c.so} twice")
                seen.add(c.so)
                if not c.options:
                    raise ConversionError(
                        f"set {n}: criterion {c.so} (line {c.line}) has no options; "
                        "add a _yes_no() correction"
                    )
                best = max(o.diem for o in c.options)
                if best != c.diem:
                    raise ConversionError(
                        f"set {n}: criterion {c.so} (line {c.line}) best option {best} != {c.diem}"
                    )
                for o in c.options:
                    if o.diem > c.diem:
                        raise ConversionError(f"set {n}: option line {o.line} over maximum")


# --------------------------------------------------------------------------------------
# JSON output
# --------------------------------------------------------------------------------------

RE_SUBTITLE_PARTS = re.compile(r"^\(Sản phẩm: (.+?)(?:[.,] Nhóm: (.+))?\)$")


# Rules printed inside criteria (issue 11), applied by ocop_docs.scoring.card.score_card:
# * "loai": "Bị loại nếu …" / "… sẽ bị loại bỏ" (1.1 of sets 7–15, 18–20; 2.1 of 5–14; the
#   note of option 3 of 6.2 in sets 21–22): when the council finds the condition, the
#   product is disqualified "theo tiêu chí N";
# * "dung": "… sẽ không đánh giá các bước tiếp theo" / "Không xem xét các chỉ tiêu khác …"
#   (the impurity notes of the food sets, set 19/20's declaration, set 16's "Nếu được 0
#   điểm tại một trong các chỉ tiêu trên"): the evaluation stops at the criterion;
# * "yeu_cau": "Yêu cầu: 100% sản phẩm … trên địa bàn cấp tỉnh" (1.1 of sets 1–4, 23–25):
#   a precondition of the criterion's options; unmet, the criterion scores 0 (the reading
#   that does not reject the dossier: the text attaches no other consequence).
# Set 16's rule is decided by the options themselves ("khi_0_diem": the criteria above the
# note, in its mục); the others by the evaluator's finding (a card's "quy_tac_ap_dung").
RE_RULE_STOP = re.compile(
    r"không đánh giá các bước tiếp theo|không xem xét các chỉ tiêu khác", re.IGNORECASE
)
RE_RULE_ZERO = re.compile(r"^Nếu được 0 điểm tại một trong các chỉ tiêu trên")
RE_RULE_PRECONDITION = re.compile(r"^100% sản phẩm được .* trên địa bàn cấp tỉnh")


def criterion_rules(rubric: RubricText) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for p in rubric.parts:
        for g in p.groups:
            for c in g.criteria:
                notes = [(None, n) for n in c.ghi_chu] + [
                    (stt, o.ghi_chu) for stt, o in enumerate(c.options, start=1) if o.ghi_chu
                ]
                for stt, note in notes:
                    rule: dict[str, Any] | None = None
                    if "bị loại" in note.lower():
                        rule = {"loai": "loai", "tieu_chi": c.so, "noi_dung": note}
                    elif RE_RULE_STOP.search(note):
                        rule = {"loai": "dung", "tieu_chi": c.so, "noi_dung": note}
                        if RE_RULE_ZERO.match(note):
                            above = [x.so for x in g.criteria]
                            rule["khi_0_diem"] = above[: above.index(c.so) + 1]
                    if rule is not None:
                        if stt is not None:
                            rule["lua_chon"] = stt
                        rule["nguon_dong"] = c.line
                        rules.append(rule)
                for req in c.yeu_cau:
                    if RE_RULE_PRECONDITION.match(req):
                        rules.append(
                            {
                                "loai": "yeu_cau",
                                "tieu_chi": c.so,
                                "noi_dung": req,
                                "nguon_dong": c.line,
                            }
                        )
    facts = [r["tieu_chi"] for r in rules if "khi_0_diem" not in r]
    if len(facts) != len(set(facts)):
        raise ConversionError(f"set {rubric.number}: two rules printed in one criterion")
    return rules


def to_json(rubric: RubricText) -> dict[str, Any]:
    sm = RE_SUBTITLE_PARTS.match(rubric.subtitle)
    assert sm is not None, rubric.subtitle
    disq_lines = rubric.disqualification
    grounds: list[str] = []
    for _, line in disq_lines:
        dm = RE_DISQUALIFY.match(line)
        assert dm is not None
        for ground in split_disqualification(dm.group(1)):
            if ground not in grounds:
                grounds.append(ground)

    def crit_json(c: Criterion) -> dict[str, Any]:
        out: dict[str, Any] = {"so": c.so, "ten": c.ten, "diem": c.diem, "lua_chon": []}
        for stt, o in enumerate(c.options, start=1):
            oj: dict[str, Any] = {
                "stt": stt,
                "ten": o.ten,
                "diem": o.diem,
                "sao_toi_thieu": o.sao,
            }
            if o.ghi_chu:
                oj["ghi_chu"] = o.ghi_chu
            if o.truong_hop:
                oj["truong_hop"] = o.truong_hop
            oj["nguon_dong"] = o.line
            out["lua_chon"].append(oj)
        for key in ("yeu_cau", "dieu_kien", "ghi_chu"):
            values = getattr(c, key)
            if values:
                out[key] = list(values)
        if c.truong_hop:
            out["truong_hop"] = list(c.truong_hop)
        if c.synthetic:
            out["lua_chon_bo_sung"] = True
        out["nguon_dong"] = c.line
        return out

    synthetic_lines = {c.line for c in rubric.corrections if c.adds_options}
    parts = []
    for p in rubric.parts:
        groups = []
        for g in p.groups:
            for c in g.criteria:
                c.synthetic = c.line in synthetic_lines
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

    # Notes inside criteria that also disqualify ("Ghi chú: Bị loại nếu …", "… sẽ bị loại
    # bỏ"), gathered so that a scorer can list every ground in one place.
    in_criteria: list[dict[str, str]] = []
    for p in rubric.parts:
        for g in p.groups:
            for c in g.criteria:
                notes = list(c.ghi_chu) + [o.ghi_chu for o in c.options if o.ghi_chu]
                for note in notes:
                    if "bị loại" in note.lower():
                        in_criteria.append({"tieu_chi": c.so, "noi_dung": note})

    rules = criterion_rules(rubric)

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
        "loai_khi_nguyen_van": [line for _, line in disq_lines],
        "loai_trong_tieu_chi": in_criteria,
        "quy_tac": rules,
        "ghi_chu_dau_sao": rubric.star_note,
        "tong_diem": 100,
        "phan": parts,
        "sua_loi_nguon": [
            {"dong": c.line, "nguyen_van": c.original, "su_dung": c.uses, "ly_do": c.reason}
            for c in sorted(rubric.corrections, key=lambda c: c.line)
        ],
        "luu_y_nguon": [
            {"dong": r.line, "nguyen_van": r.original, "ly_do": r.reason}
            for r in sorted(rubric.remarks, key=lambda r: r.line)
        ],
        "nguon": {
            "van_ban": SOURCE_NAME,
            "dong_dau": rubric.heading_line,
            "dong_cuoi": rubric.last_line,
            "dong_loai_khi": [no for no, _ in disq_lines],
            "dong_tong_cong": rubric.total_line,
        },
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def convert(source: Path) -> dict[str, str]:
    """File name → file content for all 26 rubrics."""
    lines = read_source(source)
    corrections = CORRECTIONS
    replaced = apply_corrections(lines, corrections)
    by_line = {c.line: c for c in corrections}
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
        files[f"bo-{number:02d}.json"] = render(to_json(rubric))
    unused = set(by_line) - used
    if unused:
        raise ConversionError(f"corrections outside any rubric: {sorted(unused)}")
    return files


def run_converter(
    name: str,
    convert_source: Callable[[Path], dict[str, str]],
    doc: str | None,
    default_source: Path,
    default_out: Path,
    argv: list[str] | None = None,
) -> int:
    """The command line every rubric converter shares: convert ``source`` and write the
    files to ``--out``, or with ``--check`` compare them (exit 1 when out of date)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("source", nargs="?", type=Path, default=default_source)
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    try:
        files = convert_source(args.source)
    except (ConversionError, OSError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    if args.check:
        stale = [
            file
            for file, text in files.items()
            if not (args.out / file).is_file()
            or (args.out / file).read_text(encoding="utf-8") != text
        ]
        for file in stale:
            print(f"out of date: {args.out / file}", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for file, text in files.items():
        (args.out / file).write_bytes(text.encode("utf-8"))
    print(f"wrote {len(files)} rubrics to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_converter("convert_rubrics", convert, __doc__, DEFAULT_SOURCE, DEFAULT_OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
