"""Issue 11, historical regimes: the documents of a QĐ 1048/2019 round follow the procedure
of QĐ 1048/QĐ-TTg Phụ lục II (who receives, who scores, who certifies) and print that
decision's own forms (Phụ lục III's sheet header), and hints name the regime.

Each test failed before the change: the 1048 sheet printed QĐ 26/2026's commune-code legend,
a district round of 1048 was refused ("not competent"), its minutes proposed recognition,
and the hints sent the user to the 26/2026 rubrics.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from docx import Document

from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.rendering import render
from ocop_docs.production.wording import sheet_header

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = ROOT / "samples" / "dot-danh-gia"
ROUND_2019 = ROUNDS / "na-ri-2019.yaml"
ALLOW = (ROOT / "samples" / "ho-so",)  # the sample rounds' dossiers (issue 9)
DOSSIER_2026 = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


# --- the scoring sheet's header (QĐ 1048 Phụ lục III) -------------------------------------


def test_1048_sheet_prints_its_own_header_not_the_2026_code_legend(tmp_path: Path) -> None:
    out = tmp_path / "2019.docx"
    render("phieu-danh-gia", ROUND_2019, out, product=1, allow=ALLOW)
    text = text_of(out)
    # Phụ lục III: "(Kiêm Phiếu … của thành viên Hội đồng đánh giá)", the code
    # "(T)-(H)-(STT)-20…" of the district, units of QĐ 124/2004/QĐ-TTg; no phone line.
    assert "(Kiêm Phiếu đánh giá sản phẩm OCOP của thành viên Hội đồng đánh giá)" in text
    assert "Mã số sản phẩm: .(T).-.(H).-.(STT).-20……" in text
    assert "H: Mã huyện" in text and "124/2004/QĐ-TTg ngày 8/7/2004" in text
    assert "19/2025/QĐ-TTg" not in text and "X: Mã xã" not in text
    assert "Số điện thoại" not in text


def test_2026_sheet_keeps_its_header(tmp_path: Path) -> None:
    out = tmp_path / "2026.docx"
    render("phieu-danh-gia", DOSSIER_2026, out)
    text = text_of(out)
    assert "(Kiêm phiếu đánh giá sản phẩm OCOP)" in text
    assert "X: Mã xã - STT: Số thứ tự sản phẩm do xã lập thống kê" in text
    assert "19/2025/QĐ-TTg ngày 30/6/2025" in text and "Số điện thoại: " in text
    sheet = build_context("phieu-danh-gia", DOSSIER_2026).context["phieu"][0]
    assert sheet["dau_phieu_rieng"] is False


def test_template_literals_are_the_2026_data() -> None:
    """The template prints QĐ 26/2026's header lines as its own text (so the shipped outputs
    stay as they were); they must be the data's."""
    spec = importlib.util.spec_from_file_location("bt", ROOT / "scripts" / "build_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    header = sheet_header("26/2026")
    assert header.phu_de == module.SHEET_SUBTITLE
    assert header.chu_giai == module.SHEET_CODE_LEGEND
