"""Issue 11, audit of the findings: acceptance examples for bullets that had none.

Each test names the bullet of issue 11 it checks; the other bullets have theirs in
test_issue11_scoring.py, the example folders (test_validate_examples.py), test_units.py,
test_validation.py, test_rubrics.py and test_round_deadlines.py (the audit table of the
branch's report lists them).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.rules.regimes import regime, regime_codes, required_documents
from ocop_docs.rules.units import check_address, former_units, provinces
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.validation.pipeline import ValidateOptions, validate_dossier

ROOT = Path(__file__).resolve().parents[2]
LEGAL = ROOT.parent / "shared" / "legal" / "qd-26-2026-qd-ttg.txt"
SAMPLES = ROOT / "samples" / "ho-so"


def doc_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# --- Required documents: upgrade and re-evaluation, "Add those fields … to Mẫu 02" ----------


def test_form_02_shows_the_changes_of_an_upgrade(tmp_path: Path) -> None:
    out = tmp_path / "mau-02.docx"
    result = CliRunner().invoke(
        cli, ["render", "bao-cao-tu-danh-gia", str(SAMPLES / "mat-ong-huong-rung"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = doc_text(out)
    assert "Những thay đổi so với sản phẩm OCOP đã được công nhận (đăng ký nâng hạng):" in text
    assert "Bao bì lọ thủy tinh mới" in text  # the sample's first change, with its evidence
    assert "Nguyên liệu:" not in text  # an upgrade has no re-evaluation updates


def test_form_02_shows_the_updates_of_a_re_evaluation(tmp_path: Path) -> None:
    out = tmp_path / "mau-02.docx"
    result = CliRunner().invoke(
        cli, ["render", "bao-cao-tu-danh-gia", str(SAMPLES / "mien-dong-tai-hoan"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = doc_text(out)
    # Điều 6.1.c's list, in its order, with the words of the clause.
    order = [
        "Nguyên liệu:",
        "Công nghệ sử dụng:",
        "Bao bì:",
        "Nhãn mác:",
        "Công bố chất lượng:",
        "Các phiếu kiểm nghiệm định kỳ:",
        "Thị trường tiêu thụ:",
        "Sản lượng:",
        "Doanh thu:",
        "Minh chứng các giấy tờ pháp lý có thời hạn (đã gia hạn):",
    ]
    places = [text.find(f"- {label}") for label in order]
    assert all(p >= 0 for p in places) and places == sorted(places), places
    assert "Những thay đổi so với sản phẩm OCOP" not in text


# --- Required documents: "set 18's lab report cites a note that set 18 lacks" ---------------


def test_lab_report_floor_is_where_the_text_prints_its_note() -> None:
    """ "Ghi chú: Bản tiêu chuẩn sản phẩm phải có phiếu kiểm nghiệm …" stands in sets 1–17
    and 21 only; there the lab report is a 3-star floor, elsewhere recommended."""
    if LEGAL.is_file():
        lines = LEGAL.read_text(encoding="utf-8").splitlines()
        note = re.compile(r"Ghi chú: \w+ [Tt]iêu chuẩn sản phẩm phải có phiếu kiểm nghiệm")
        noted = set()
        for number in range(1, 27):
            src = load_rubric(number).nguon  # the set's lines in the text
            assert src is not None
            if any(note.search(line) for line in lines[src.dong_dau - 1 : src.dong_cuoi]):
                noted.add(number)
        assert noted == set(range(1, 18)) | {21}
    for number in range(1, 27):
        docs = required_documents(number, "lan_dau")
        floor = number <= 17 or number == 21
        assert ("phieu_kiem_nghiem" in docs["sao_3"]) == floor, number
    rules = [r for r in regime("26/2026").documents if r.loai == "phieu_kiem_nghiem"]
    for r in rules:
        if 18 in r.sets:
            assert "Ghi chú" not in r.basis  # set 18 prints no such note


# --- Required documents: set 17, "the checklist shows it" ------------------------------------


def test_checklist_shows_a_paper_not_required_with_its_reason(tmp_path: Path) -> None:
    example = ROOT / "tests" / "acceptance" / "examples" / "valid-licence-not-required"
    shutil.copytree(example, tmp_path / "ho-so")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "ho-so"), "--no-attachments"])
    lines = [line for line in result.output.splitlines() if "[-]" in line]
    assert len(lines) == 1, result.output
    assert "Giấy phép sản xuất" in lines[0]
    assert "Nước giải khát không thuộc ngành nghề phải có giấy phép sản xuất" in result.output


# --- Required documents: "khong_kiem_tra tells the truth for every regime" -------------------


def test_not_checked_tells_the_truth() -> None:
    for code in regime_codes():
        assert regime(code).not_checked, code  # no regime claims it checks everything
    texts = " ".join(item["vi"] for item in regime("26/2026").not_checked)
    # The four deadlines are checked on the round file; what stays open is said.
    assert "được kiểm tra trên tệp đợt đánh giá" in texts
    for clause in ("Điều 5.1", "Điều 7.2", "Điều 7.6.g", "Điều 12.2", "Điều 5.2"):
        assert clause in texts, clause
    assert "Tết Âm lịch" in texts  # working days: the holidays not listed
    en = " ".join(item["en"] for item in regime("26/2026").not_checked)
    assert "checked on the round file" in en


# --- Addresses: the scaffold offers the shape people use -------------------------------------


def test_scaffold_offers_the_one_line_shape_and_it_resolves(tmp_path: Path) -> None:
    target = tmp_path / "ho-so"
    result = CliRunner().invoke(cli, ["new", "--set", "1", str(target)])
    assert result.exit_code == 0, result.output
    text = (target / "ho-so.yaml").read_text(encoding="utf-8")
    line = re.search(r'#\s+xa: "(xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn)"', text)
    assert line is not None, text
    resolved = check_address(line.group(1), "")
    assert resolved.current_text() == "xã Côn Minh, tỉnh Thái Nguyên"


# --- Addresses: "never accept a former unit as a current one because of its bare name" ---------


def test_no_former_unit_is_taken_for_today_s_unit_of_the_same_name() -> None:
    """Every former unit of the converter's table whose bare name a different unit of its
    new province bears today resolves to where it went, never to the namesake."""
    table = provinces()
    checked = 0
    for rows in former_units().values():
        for r in rows:
            prov = table.get(r.new_province)
            namesake = prov.communes.get(r.ward) if prov else None
            if namesake is None or r.new_ward == r.ward:
                continue
            xa, huyen, tinh = r.text.split(", ")
            result = check_address(xa, tinh, huyen)
            # Mapped ("old"), one of several ("ambiguous"), or a former unit the data cannot
            # map ("former": older releases of vietnam-address-converter, the floors, leave
            # a few unmapped); never today's namesake ("current").
            assert result.status in ("old", "ambiguous", "former"), (r.text, result.status)
            assert result.commune != namesake, r.text
            checked += 1
    assert checked > 250  # the issue counted 259 such units


# --- Scoring: "rules printed inside criteria are applied": every one of them is data ---------


def test_every_rule_the_text_prints_in_a_criterion_is_data() -> None:
    """Each "Bị loại nếu …", "… sẽ bị loại", "Yêu cầu: 100% …" and "không đánh giá các
    bước tiếp theo / không xem xét các chỉ tiêu khác" of Phụ lục II is a ``quy_tac`` of its
    set, of the matching kind, printed a few lines after the criterion the rule names."""
    if not LEGAL.is_file():
        return
    lines = LEGAL.read_text(encoding="utf-8").splitlines()
    kinds = {
        "loai": re.compile(r"bị loại nếu|sẽ bị loại", re.IGNORECASE),
        "yeu_cau": re.compile(r"Yêu cầu: 100%"),
        "dung": re.compile(
            r"không (đánh giá|xem xét) (các bước tiếp theo|các chỉ tiêu khác)", re.IGNORECASE
        ),
    }
    for number in range(1, 27):
        rubric = load_rubric(number)
        src = rubric.nguon
        assert src is not None
        for kind, pattern in kinds.items():
            printed = [
                i + 1 for i in range(src.dong_dau - 1, src.dong_cuoi) if pattern.search(lines[i])
            ]
            data = sorted(r.nguon_dong or 0 for r in rubric.quy_tac if r.loai == kind)
            assert len(printed) == len(data), (number, kind, printed, data)
            for at, line in zip(printed, data, strict=True):
                assert 0 <= at - line <= 6, (number, kind, at, line)


# --- Addresses: tone-mark placement, both ways, for every commune of today --------------------

_NEW_TO_OLD = {
    f"{first}{plain}": f"{plain_first}{toned}"
    for plain, plain_first, marks, firsts in (
        ("a", "o", "àáảãạ", "òóỏõọ"),
        ("e", "o", "èéẻẽẹ", "òóỏõọ"),
        ("y", "u", "ỳýỷỹỵ", "ùúủũụ"),
    )
    for first, toned in zip(firsts, marks, strict=True)
}
_NEW_PLACEMENT = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")


def test_every_commune_resolves_in_either_tone_placement() -> None:
    """ "Phú Thủy" and "Phú Thuỷ", "Hòa" and "Hoà": each of today's communes written in the
    other placement is the same unit."""
    swapped = 0
    for province in provinces().values():
        for unit in province.communes.values():
            other = _NEW_PLACEMENT.sub(lambda m: _NEW_TO_OLD[m.group(1)], unit.name)
            if other == unit.name:
                continue
            swapped += 1
            result = check_address(other, province.full_name)
            assert result.status == "current" and result.commune == unit, (other, result.status)
    assert swapped > 100


# --- Addresses and product codes of the samples (issue 11, "Done when") -----------------------


def test_samples_resolve_to_today_s_commune_and_carry_its_code(tmp_path: Path) -> None:
    checked = 0
    for folder in sorted(SAMPLES.iterdir()):
        data = yaml.safe_load((folder / "ho-so.yaml").read_text(encoding="utf-8"))
        address = data["chu_the"]["dia_chi"]
        result = check_address(address["xa"], address.get("tinh", ""), address.get("huyen"))
        assert result.status in ("current", "old") and result.commune is not None, folder.name
        report = validate_dossier(
            folder, ValidateOptions(attachments=False, today=dt.date(2027, 1, 1))
        )
        codes = {i.code for i in report.issues}
        assert "product-code-commune-mismatch" not in codes, folder.name
        assert report.errors == 0, (folder.name, sorted(codes))
        code = (data.get("san_pham") or {}).get("ma_so")
        if code:  # T-X-STT-Năm: X is the producer's commune of today (QĐ 19/2025/QĐ-TTg)
            assert int(str(code).split("-")[1]) == result.commune.code, folder.name
            checked += 1
    assert checked >= 10


# --- Scoring: "the same rule … in rubric score" ---------------------------------------------


def test_rubric_score_takes_unticked_criteria(tmp_path: Path) -> None:
    r = load_rubric(1)
    chon: dict[str, int | None] = {c.so: 1 for c in r.criteria()}
    chon["3.4"], chon["3.5"] = 0, None  # 3.4 and 3.5 of set 1 print no 0-point option
    card = tmp_path / "phieu.yaml"
    card.write_text(
        yaml.safe_dump({"bo_san_pham": 1, "chon": chon}, allow_unicode=True), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["rubric", "score", str(card)])
    assert result.exit_code == 0, result.output
    assert "Không đánh dấu (0 điểm): tiêu chí 3.4, 3.5" in result.output
    assert "[lỗi]" not in result.output and "[cảnh báo]" not in result.output


# --- Scoring: a printed rule in the self-assessment (validate, Mẫu 02) ------------------------


def test_self_assessment_stopped_by_a_rule_is_not_ranked_and_says_why(tmp_path: Path) -> None:
    # Set 16: "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước
    # tiếp theo": 6.3 ticked at 0 points. Not "0 sao", and 7–10 are not "chưa tự đánh giá".
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLES / "ga-doi-tran-phu", folder)
    data = yaml.safe_load((folder / "ho-so.yaml").read_text(encoding="utf-8"))
    r = load_rubric(16)
    chon = {c.so: len(c.lua_chon) for c in r.criteria()}
    chon["6.3"] = 1
    data.update(bo_san_pham=16, tu_danh_gia={"chon": chon})
    (folder / "ho-so.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["validate", str(folder), "--no-attachments"])
    assert (
        "Tự đánh giá (Mẫu 02 Phần III): 76 điểm, không xếp hạng (không đánh giá các bước tiếp "
        "theo sau tiêu chí 6.4 của bộ tiêu chí)"
    ) in result.output
    assert "0 sao" not in result.output
    out = tmp_path / "mau-02.docx"
    rendered = CliRunner().invoke(
        cli, ["render", "bao-cao-tu-danh-gia", str(folder), "-o", str(out)]
    )
    assert rendered.exit_code == 0, rendered.output
    text = doc_text(out)
    assert "hạng sao tự đánh giá: không xếp hạng." in text
    assert "Không xếp hạng: không đánh giá các bước tiếp theo sau tiêu chí 6.4 (Nếu được 0" in text
    assert text.count("— (không đánh giá: sau tiêu chí 6.4)") == 4  # criteria 7–10
    assert "Chưa tự đánh giá tiêu chí" not in text
