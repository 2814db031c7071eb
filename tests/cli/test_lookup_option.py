"""``--tra-cuu URL`` on ``render`` and ``batch`` (issue 12): the certificates' public look-up
page over the round file's ``giay_chung_nhan.tra_cuu``; only http(s) addresses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.batch import batch
from ocop_docs.cli.render import render

ROOT = Path(__file__).resolve().parents[2]
HO_SO = ROOT / "samples" / "ho-so"
ROUND = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
SHEET = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.xlsx")
URL = "https://ocop.tinh.example.vn/so-theo-doi"


def _text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_render_prints_the_given_lookup_page(tmp_path: Path) -> None:
    out = tmp_path / "gcn.docx"
    args = ["giay-chung-nhan", ROUND, "--product", "2", "-o", str(out), "--allow", str(HO_SO)]
    result = CliRunner().invoke(render, [*args, "--tra-cuu", URL])
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert f"{URL}/tra-cuu/12-GCN-UBND" in text
    assert "ocop.example.org" not in text  # the round file's own address is overridden


@pytest.mark.parametrize(
    "bad", ["javascript:alert(1)", "ftp://ocop.example.vn", "ocop.example.vn", "https://a b.vn"]
)
def test_render_refuses_what_is_not_http(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "gcn.docx"
    args = ["giay-chung-nhan", ROUND, "--product", "2", "-o", str(out), "--allow", str(HO_SO)]
    result = CliRunner().invoke(render, [*args, "--tra-cuu", bad])
    assert result.exit_code == 2
    assert f"«{bad}» không phải địa chỉ trang tra cứu dùng được" in result.stderr
    assert "chỉ nhận địa chỉ http:// hoặc https://" in result.stderr
    assert not out.exists()


def test_library_refuses_a_bad_address_as_usage(tmp_path: Path) -> None:
    from ocop_docs.errors import UsageError
    from ocop_docs.production.rendering import render as render_document

    with pytest.raises(UsageError) as caught:
        render_document(
            "giay-chung-nhan",
            ROUND,
            tmp_path / "g.docx",
            product=2,
            allow=(HO_SO,),
            lookup="file:///etc/passwd",
        )
    assert caught.value.code == "lookup-invalid" and caught.value.exit_code == 2


def test_batch_gives_the_spreadsheet_round_a_lookup_page(tmp_path: Path) -> None:
    """A round given as a spreadsheet gets QR codes too (its sheet may not carry one)."""
    out = tmp_path / "out"
    args = [SHEET, "-o", str(out), "--kinds", "giay-chung-nhan", "--allow", str(HO_SO)]
    result = CliRunner().invoke(batch, [*args, "--tra-cuu", URL, "--no-progress"])
    assert result.exit_code == 0, result.output
    made = sorted((out / "giay-chung-nhan").glob("*.docx"))
    texts = "\n".join(_text(p) for p in made)
    assert f"{URL}/tra-cuu/12-GCN-UBND" in texts and f"{URL}/tra-cuu/15-GCN-UBND" in texts
    bad = CliRunner().invoke(batch, [SHEET, "-o", str(tmp_path / "o2"), "--tra-cuu", "mailto:x"])
    assert bad.exit_code == 2 and not (tmp_path / "o2").exists()
