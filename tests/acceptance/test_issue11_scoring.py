"""Issue 11, "Scoring and rounds": acceptance examples that failed before the fix.

Each example is a real use of the tool (a round file, a card) that the law allows and the
tool used to reject, or a reading of the text the tool used to get wrong.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.render import render

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"

# tv1's card for the first product, as in the sample, then with 3.4 written 0, 3.5 null and
# 11 left out: three ways of leaving a box unticked (Phụ lục II prints no 0-point option
# for 3.4 "Tăng trưởng lợi nhuận" or 11).
TV1_SAMPLE = (
    '"3.3": 3, "3.4": 2, "3.5": 2,\n'
    '              "4.1": 3, "4.2": 3, "4.3": 4, "5.1": 5, "5.2": 2, "5.3": 4, "6.1": 2, '
    '"6.2": 4,\n'
    '              "6.3": 4, "6.4": 3, "7": 3, "8": 2, "9": 2, "10": 1, "11": 2}\n'
    "        y_kien"
)
TV1_UNTICKED = TV1_SAMPLE.replace('"3.4": 2, "3.5": 2', '"3.4": 0, "3.5": null').replace(
    ', "11": 2}', "}"
)
TOTALS = "    diem: [75, 78, 73, 74]             # bảng tổng điểm của thư ký, đối chiếu với phiếu\n"


def unticked_round(tmp_path: Path) -> Path:
    text = ROUND.read_text(encoding="utf-8")
    assert TV1_SAMPLE in text and TOTALS in text
    text = text.replace(TV1_SAMPLE, TV1_UNTICKED, 1).replace(TOTALS, "")
    text = text.replace("../ho-so/", f"{ROOT / 'samples' / 'ho-so'}/")
    path = tmp_path / "dot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def doc_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_round_with_an_unticked_card_renders_minutes_and_decision(tmp_path: Path) -> None:
    dot = unticked_round(tmp_path)
    for kind in ("bien-ban", "quyet-dinh"):
        out = tmp_path / f"{kind}.docx"
        result = CliRunner().invoke(render, [kind, str(dot), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.is_file()
        # The one left out is a warning (a forgotten line looks the same); 0 and null: none.
        assert "Tiêu chí 11 (CƠ HỘI THỊ TRƯỜNG TOÀN CẦU) không có trong phiếu" in result.stderr
        assert "Tiêu chí 3.4" not in result.stderr and "Tiêu chí 3.5" not in result.stderr


def test_unticked_criteria_are_shown_on_the_scoring_sheet(tmp_path: Path) -> None:
    dot = unticked_round(tmp_path)
    out = tmp_path / "phieu.docx"
    result = CliRunner().invoke(
        render, ["phieu-danh-gia", str(dot), "--product", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Không đánh dấu (0 điểm): tiêu chí 3.4, 3.5, 11." in doc_text(out)
