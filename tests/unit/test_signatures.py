"""Signature lines as NĐ 30/2020 writes them: TM. / KT. / the title, on three lines (issue 12)."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.production.rendering import render

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"


def test_kt_in_the_title_moves_to_the_authority_lines() -> None:
    raw = {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"}
    assert signer_context(raw) == {
        "quyen_han": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "chuc_vu": "PHÓ CHỦ TỊCH",
    }
    assert signer_context({"chuc_vu": "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"})["quyen_han"] == (
        "KT. CHỦ TỊCH"
    )
    plain = {"quyen_han": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "A"}
    assert signer_context(plain) == plain


def test_commune_report_signs_on_three_lines(tmp_path: Path) -> None:
    out = tmp_path / "xa.docx"
    render("bao-cao-xa", ROUND, out, product=4, allow=ALLOW)
    cells = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
    text = "\n".join(cells)
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    assert "CHỦ TỊCH – PHÓ" not in text
