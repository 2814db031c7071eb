"""A partial round's council documents: withheld, or drafts marked "DỰ THẢO" (issue 12)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from ocop_docs.production.batch import BatchOptions, run_batch
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROUND = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
BAD = (
    "    diem: [74, 72, 76, 71, 73, 75, 72]          # TB 73,29 → 4 sao",
    "    diem: [74, 72, 76]",
)


def partial_round(tmp_path: Path) -> Path:
    """The sample round with product 2 broken (three scores for seven members)."""
    folder = tmp_path / "mau"
    shutil.copytree(SAMPLES / "ho-so", folder / "ho-so", symlinks=True)
    # The round file beside its dossiers' folder: what it names lies inside its folder.
    text = ROUND.read_text(encoding="utf-8").replace("../ho-so/", "ho-so/")
    assert BAD[0] in text
    target = folder / "dot.yaml"
    target.write_text(text.replace(*BAD), encoding="utf-8")
    return target


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("word/") and n.endswith(".xml")
        }


def test_council_documents_are_withheld_naming_the_failed_rows(tmp_path: Path) -> None:
    result = run_batch(partial_round(tmp_path), tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1))
    assert result.exit_code == 1
    withheld = {i.kind: i for i in result.failures if i.kind in ("bien-ban", "quyet-dinh")}
    assert set(withheld) == {"bien-ban", "quyet-dinh"}
    for record in withheld.values():
        assert record.error is not None and record.error["code"] == "batch-council-withheld"
        assert "số 2" in record.error["message"] and "--draft" in record.error["hint"]
        assert not (tmp_path / "out" / f"{record.id}.docx").exists()
    made = [i for i in result.items if i.status == "ok"]
    assert {i.kind for i in made} == {"giay-chung-nhan"} and len(made) == 4


def test_draft_marks_every_page_and_lists_the_missing_products(tmp_path: Path) -> None:
    source = partial_round(tmp_path)
    result = run_batch(source, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, draft=True))
    council = [i for i in result.items if i.kind in ("bien-ban", "quyet-dinh")]
    assert [i.status for i in council] == ["ok", "ok"]
    for record in council:
        assert record.warnings[0]["code"] == "batch-round-partial"
        parts = xml_parts(tmp_path / "out" / f"{record.id}.docx")
        headers = [x for n, x in parts.items() if n.startswith("word/header")]
        # Both the first page's header and the others' carry the mark.
        assert len(headers) >= 2 and all("DỰ THẢO" in h for h in headers)
        text = "\n".join(
            p.text for p in Document(str(tmp_path / "out" / f"{record.id}.docx")).paragraphs
        )
        assert "còn 01 sản phẩm bị lỗi" in text and "- Số 2 «" in text


def test_complete_round_has_no_draft_mark(tmp_path: Path) -> None:
    result = run_batch(ROUND, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, draft=True))
    assert result.exit_code == 0
    for record in result.items:
        parts = xml_parts(tmp_path / "out" / f"{record.id}.docx")
        assert not any("DỰ THẢO" in x for x in parts.values())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_draft_pdf_says_du_thao_on_every_page(tmp_path: Path) -> None:
    source = partial_round(tmp_path)
    options = BatchOptions(jobs=1, draft=True, pdf=True, kinds=("bien-ban", "quyet-dinh"))
    result = run_batch(source, tmp_path / "out", options)
    pdfs = sorted((tmp_path / "out").rglob("*.pdf"))
    assert len(pdfs) == 2 and result.pdf_error is None
    for pdf in pdfs:
        pages = PdfReader(pdf).pages
        assert len(pages) >= 2
        for n, page in enumerate(pages, start=1):
            assert "DỰ THẢO" in (page.extract_text() or ""), f"{pdf.name}: page {n}"
