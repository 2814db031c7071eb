"""Combined conversion (issue 15): which documents may be put together, the combined .docx,
and (with the real LibreOffice) that the PDFs cut out of it have the pages of each document
converted alone."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]
from pypdf import PdfReader

from ocop_docs.production import combining
from ocop_docs.production.pool import Conversion, ConverterPool

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Default Extension="png" ContentType="image/png"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/'
    'styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.styles+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph"'
    ' w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type='
    '"paragraph" w:styleId="ListPara"><w:name w:val="List Para"/><w:pPr><w:numPr><w:numId '
    'w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
)
SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:cols w:space="720"/></w:sectPr>'


def docx(path: Path, body: str, *, picture: bool = False, styles: str = STYLES) -> Path:
    """A small .docx; stored, not deflated, so the fake LibreOffice can read its text."""
    rels = [
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    ]
    if picture:
        rels.append(f'<Relationship Id="rIdPic" Type="{R}/image" Target="media/pic.png"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"'
            f' xmlns:r="{R}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>",
        )
        archive.writestr("word/styles.xml", styles)
        if picture:
            archive.writestr("word/media/pic.png", PNG)
    return path


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_documents_of_one_template_share_a_signature(tmp_path: Path) -> None:
    a = docx(tmp_path / "a.docx", paragraph("một") + SECTION)
    b = docx(tmp_path / "b.docx", paragraph("hai") + paragraph("ba") + SECTION, picture=True)
    other = docx(tmp_path / "c.docx", paragraph("một") + SECTION, styles=STYLES + " ")
    assert combining.signature(a) is not None
    assert combining.signature(a) == combining.signature(b)  # the body and pictures differ
    assert combining.signature(other) not in (None, combining.signature(a))  # other styles


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # List numbering would run on from one document into the next.
        ("numbered", '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'),
        ("numbered-style", '<w:p><w:pPr><w:pStyle w:val="ListPara"/></w:pPr></w:p>'),
        # NUMPAGES would count the pages of the combined document.
        (
            "numpages",
            '<w:p><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r></w:p>',
        ),
        ("two-sections", f"<w:p><w:pPr>{SECTION}</w:pPr></w:p>"),
        (
            "odd-page",
            '<w:p/><w:sectPr><w:type w:val="oddPage"/><w:cols w:space="720"/></w:sectPr>',
        ),
    ],
)
def test_documents_that_would_change_are_never_combined(
    tmp_path: Path, name: str, body: str
) -> None:
    if "sectPr" not in body:
        body += SECTION
    elif name == "two-sections":
        body += paragraph("x") + SECTION
    assert combining.signature(docx(tmp_path / f"{name}.docx", body)) is None


def test_not_a_docx_is_never_combined(tmp_path: Path) -> None:
    plain = tmp_path / "x.docx"
    plain.write_text("not a zip", encoding="utf-8")
    assert combining.signature(plain) is None
    notes = docx(tmp_path / "notes.docx", paragraph("a") + SECTION)
    with zipfile.ZipFile(notes, "a") as archive:
        archive.writestr("word/footnotes.xml", "<w:footnotes/>")
    assert combining.signature(notes) is None


def test_combined_document_has_one_section_and_two_markers_per_part(tmp_path: Path) -> None:
    sources = [
        docx(tmp_path / f"d{n}.docx", paragraph(f"văn bản {n}") + SECTION, picture=n > 0)
        for n in range(3)
    ]
    target = tmp_path / "combined.docx"
    combining.combine(sources, target)
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        names = set(archive.namelist())
    body = root.find(f"{{{W}}}body")
    sections = body.findall(f".//{{{W}}}sectPr")
    assert len(sections) == 3 and body[-1].tag == f"{{{W}}}sectPr"
    assert all(s.find(f"{{{W}}}pgNumType").get(f"{{{W}}}start") == "1" for s in sections)
    marks = [b.get(f"{{{W}}}name") for b in body.iter(f"{{{W}}}bookmarkStart")]
    assert marks == [f"OcopPart{k}{n}" for n in range(3) for k in ("Start", "End")]
    texts = ["".join(p.itertext()) for p in body.iter(f"{{{W}}}p")]
    assert [t for t in texts if t] == ["văn bản 0", "văn bản 1", "văn bản 2"]
    # Each part's picture under a name of its own, its relationship renamed with it.
    pictures = {r.get("Id"): r.get("Target") for r in rels if r.get("Type") == f"{R}/image"}
    assert sorted(pictures.values()) == ["media/ocop-p1-pic.png", "media/ocop-p2-pic.png"]
    assert {"word/media/ocop-p1-pic.png", "word/media/ocop-p2-pic.png"} <= names
    assert "word/media/pic.png" not in names


def test_split_refuses_a_pdf_without_markers() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert combining.split(buffer.getvalue(), [Path("a.docx"), Path("b.docx")]) is None


# --- the real LibreOffice ---------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ALLOW = (ROOT / "samples" / "ho-so",)


def _page_texts(pdf: Path) -> list[str]:
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        return out.split("\f")[:-1]
    return [page.extract_text() for page in PdfReader(str(pdf)).pages]


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in PdfReader(str(pdf)).pages
    ]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the pool uses /proc and POSIX groups")
@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed",
)
def test_combined_pdfs_have_the_pages_of_each_document_alone(tmp_path: Path) -> None:
    from ocop_docs.production.rendering import render

    sources = []
    for n in (2, 3, 4, 5):  # recognised at the province's level
        sources.append(tmp_path / f"gcn{n}.docx")
        render("giay-chung-nhan", ROUND, sources[-1], product=n, allow=ALLOW)
    sources.append(tmp_path / "qd.docx")  # the decision and its annex: several pages
    render("quyet-dinh", ROUND, sources[-1], allow=ALLOW)
    broken = tmp_path / "broken.docx"  # looks like a .docx, is not one
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    sources.append(broken)

    def convert(combine: bool, folder: str) -> dict[str, object]:
        jobs = [Conversion(s.stem, s, tmp_path / folder / f"{s.stem}.pdf") for s in sources]
        with ConverterPool(2, combine=combine, timeout=120) as pool:
            results = {r.key: r for r in pool.convert(jobs)}
        return {"results": results, "stats": pool.stats}

    alone = convert(False, "alone")
    together = convert(True, "together")
    assert together["stats"].combined == 4  # type: ignore[attr-defined]
    for run in (alone, together):
        results = run["results"]
        assert not results["broken"].ok  # type: ignore[index]
        assert results["broken"].code == "pool-worker-failed"  # type: ignore[index]
    for source in sources[:-1]:
        a, b = (
            tmp_path / "alone" / f"{source.stem}.pdf",
            tmp_path / "together" / f"{source.stem}.pdf",
        )
        assert together["results"][source.stem].ok  # type: ignore[index]
        assert _sizes(a) == _sizes(b)
        assert _page_texts(a) == _page_texts(b), source.name
    assert len(PdfReader(str(tmp_path / "together" / "qd.pdf")).pages) >= 2
    assert not (tmp_path / "together" / "broken.pdf").exists()
