"""``ocop-docs render`` and ``ocop-docs templates check``: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.render import render
from ocop_docs.cli.templates import templates

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import HO_SO

ROOT = Path(__file__).resolve().parents[2]
ROUND = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
DOSSIER = str(ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan")


def run(*args: str) -> object:
    return CliRunner().invoke(render, [*args, "--allow", str(HO_SO)])


def test_renders_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    result = run("bien-ban", ROUND, "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert f"Đã lập bien-ban: {out}" in result.stdout  # type: ignore[attr-defined]
    assert "chênh lệch 15 điểm" in result.stderr  # type: ignore[attr-defined]
    assert out.is_file()


def test_json_output_in_english(tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    result = run("quyet-dinh", ROUND, "-o", str(out), "--format", "json", "--lang", "en")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    payload = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert payload["ok"] and payload["kind"] == "quyet-dinh" and payload["pdf"] is None
    assert payload["warnings"][0]["code"] == "round-score-spread"
    assert "differ by 15 points" in payload["warnings"][0]["message"]


def test_product_required_is_exit_1(tmp_path: Path) -> None:
    result = run("giay-chung-nhan", ROUND, "-o", str(tmp_path / "g.docx"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "cần chỉ rõ --product N" in result.stderr  # type: ignore[attr-defined]


def test_no_certificate_below_3_stars(tmp_path: Path) -> None:
    result = run(
        "giay-chung-nhan", ROUND, "--product", "6", "-o", str(tmp_path / "g.docx"), "--lang", "en"
    )
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "46.29 (2 stars)" in result.stderr  # type: ignore[attr-defined]
    assert not (tmp_path / "g.docx").exists()


def test_product_out_of_range(tmp_path: Path) -> None:
    result = run("giay-chung-nhan", ROUND, "--product", "99", "-o", str(tmp_path / "g.docx"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "Không có sản phẩm thứ 99; tệp đợt đánh giá có 7 sản phẩm." in result.stderr  # type: ignore[attr-defined]


def test_wrong_input_kind(tmp_path: Path) -> None:
    result = run("quyet-dinh", DOSSIER, "-o", str(tmp_path / "q.docx"))
    assert result.exit_code == 1  # type: ignore[attr-defined]


def test_usage_error_is_exit_2(tmp_path: Path) -> None:
    assert run("khong-co", ROUND, "-o", str(tmp_path / "x.docx")).exit_code == 2  # type: ignore[attr-defined]
    assert run("bien-ban", ROUND).exit_code == 2  # type: ignore[attr-defined]


def test_missing_libreoffice_is_exit_3(tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    result = run("bien-ban", ROUND, "-o", str(out), "--pdf", "--soffice", str(tmp_path / "no"))
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "Không tìm thấy LibreOffice" in result.stderr  # type: ignore[attr-defined]
    assert not out.exists()


def test_missing_data_strict_and_draft(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load((Path(DOSSIER) / "ho-so.yaml").read_text(encoding="utf-8"))
    del data["chu_the"]["nguoi_dai_dien"]["ho_ten"]
    folder = tmp_path / "ho-so-thieu"
    folder.mkdir()
    (folder / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    strict = run("phieu-dang-ky", str(folder), "-o", str(tmp_path / "p.docx"))
    assert strict.exit_code == 1  # type: ignore[attr-defined]
    assert "Thiếu dữ liệu «chu_the.nguoi_dai_dien.ho_ten» dùng trong mẫu phieu-dang-ky.docx" in (
        strict.stderr
    )  # type: ignore[attr-defined]
    draft = run("phieu-dang-ky", str(folder), "-o", str(tmp_path / "p.docx"), "--draft")
    assert draft.exit_code == 0  # type: ignore[attr-defined]
    assert "chu_the.nguoi_dai_dien.ho_ten" in draft.stdout  # type: ignore[attr-defined]
    texts = [p.text for p in Document(str(tmp_path / "p.docx")).paragraphs]
    assert "- Họ tên người đại diện pháp lý: [[chu_the.nguoi_dai_dien.ho_ten]]" in texts


def test_broken_user_template_is_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{% for x in san_pham %}{{ x.ten }}")
    doc.save(str(folder / "bien-ban.docx"))
    result = run("bien-ban", ROUND, "-o", str(tmp_path / "b.docx"), "--templates-dir", str(folder))
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "bien-ban.docx" in result.stderr  # type: ignore[attr-defined]


def test_assessment_file_for_a_dossier(tmp_path: Path) -> None:
    assessment = tmp_path / "xa.yaml"
    assessment.write_text(
        "so: 9\nngay: 2026-10-28\nnguyen_lieu: N\nlao_dong: L\ny_tuong: Y\nban_sac: B\n"
        "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Triệu Văn Sơn}\n",
        encoding="utf-8",
    )
    out = tmp_path / "bc.docx"
    result = run("bao-cao-xa", DOSSIER, "--assessment", str(assessment), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    texts = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Ủy ban nhân dân xã Côn Minh đề nghị Ủy ban nhân dân tỉnh Thái Nguyên" in texts
    missing = run("bao-cao-xa", DOSSIER, "-o", str(tmp_path / "bc2.docx"))
    assert missing.exit_code == 1  # type: ignore[attr-defined]
    bad = tmp_path / "bad.yaml"
    bad.write_text("so: 9\n", encoding="utf-8")
    invalid = run("bao-cao-xa", DOSSIER, "--assessment", str(bad), "-o", str(tmp_path / "bc3.docx"))
    assert invalid.exit_code == 1  # type: ignore[attr-defined]
    assert "Về sử dụng nguyên liệu địa phương" in invalid.stderr  # type: ignore[attr-defined]


def test_invalid_round_lists_its_errors(tmp_path: Path) -> None:
    text = Path(ROUND).read_text(encoding="utf-8").replace("cap: tinh", "cap: xa")
    bad = tmp_path / "dot.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("bien-ban", str(bad), "-o", str(tmp_path / "b.docx"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "Cấp công nhận" in result.stderr  # type: ignore[attr-defined]


def test_templates_check_cli(tmp_path: Path) -> None:
    ok = CliRunner().invoke(templates, ["check"])
    assert ok.exit_code == 0, ok.output
    assert "0 lỗi, 0 cảnh báo" in ok.stdout
    doc = Document()
    doc.add_paragraph("{{ hop.khong_co }}")
    doc.save(str(tmp_path / "bien-ban.docx"))
    bad = CliRunner().invoke(templates, ["check", str(tmp_path), "--format", "json"])
    assert bad.exit_code == 1
    payload = json.loads(bad.stdout)
    assert payload["issues"][0]["code"] == "template-unknown-variable"


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"]])
def test_templates_help(args: list[str]) -> None:
    assert CliRunner().invoke(templates, args).exit_code == 0


def test_render_help_lists_every_kind() -> None:
    result = CliRunner().invoke(render, ["--help"])
    assert result.exit_code == 0
    for kind in (
        "phieu-dang-ky",
        "bao-cao-tu-danh-gia",
        "bao-cao-xa",
        "bien-ban",
        "quyet-dinh",
        "giay-chung-nhan",
    ):
        assert kind in result.output


def test_user_folder_falls_back_to_shipped_templates(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    out = tmp_path / "q.docx"
    result = run("quyet-dinh", ROUND, "-o", str(out), "--templates-dir", str(folder))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert out.is_file()
