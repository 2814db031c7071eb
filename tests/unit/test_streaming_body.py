"""A long body fixed piece by piece (issue 15: memory flat in the number of rows) gives the
bytes of the whole tree: the minutes (columns repeated with ``{%tc for %}``, so docxtpl's
grid fix and our width fit both act), the decision, and tables that must fall back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

import ocop_docs.production.prepared as prepared_module
import ocop_docs.production.streaming as streaming
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.prepared import PreparedTemplate
from ocop_docs.production.rendering import render_template

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ALLOW = (ROOT / "samples" / "ho-so",)
TEMPLATES = ROOT / "templates"


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every body counts as long and is cut in pieces of a few rows; records the results."""
    monkeypatch.setattr(prepared_module, "LONG", 0)
    monkeypatch.setattr(streaming, "PIECE", 6000)
    used: list[bool] = []
    original = streaming.stream_body

    def spy(*args: Any) -> list[bytes] | None:
        out = original(*args)
        used.append(out is not None)
        return out

    monkeypatch.setattr(prepared_module, "stream_body", spy)
    return used


def _round(tmp_path: Path, products: int) -> Path:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    second = dict(data["san_pham"][1])
    second["ho_so"] = str((ROUND.parent / second["ho_so"]).resolve())
    data["san_pham"] = [
        {**second, "ten": f"Sản phẩm số {n} & <đặc biệt>", "ma_san_pham": f"19-05623-{n:03d}-2026"}
        for n in range(1, products + 1)
    ]
    source = tmp_path / "dot.json"
    source.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return source


@pytest.mark.parametrize("kind", ["bien-ban", "quyet-dinh"])
def test_round_documents_streamed_are_byte_identical(
    kind: str, tmp_path: Path, small_pieces: list[bool]
) -> None:
    source = _round(tmp_path, 60)
    built = build_context(kind, source, allow=ALLOW)
    template = TEMPLATES / f"{kind}.docx"
    expected = render_template(template, built.context, when=built.when).data
    prepared = PreparedTemplate(template)
    assert prepared.render(built.context, when=built.when).data == expected
    assert small_pieces == [True]  # the piecewise path was taken, not the fallback
    assert prepared.render(built.context, when=built.when).data == expected


@pytest.mark.parametrize("kind", ["bien-ban", "quyet-dinh", "giay-chung-nhan"])
def test_sample_round_streamed(kind: str, small_pieces: list[bool]) -> None:
    built = build_context(
        kind, ROUND, product=2 if kind == "giay-chung-nhan" else None, allow=ALLOW
    )
    template = TEMPLATES / f"{kind}.docx"
    expected = render_template(template, built.context, when=built.when).data
    assert PreparedTemplate(template).render(built.context, when=built.when).data == expected


def _table_template(tmp_path: Path, *, nested: bool = False, loop: bool = True) -> Path:
    """A table whose rows repeat ({%tr for %}) and, with ``loop``, whose columns too."""
    doc = Document()
    doc.add_paragraph("Trước bảng {{ tieu_de }}")
    table = doc.add_table(rows=3, cols=3)
    head, body, end = table.rows
    head.cells[0].text = "STT"
    head.cells[1].text = "{%tc for c in cot %}" if loop else "Tên"
    head.cells[2].text = "{{ c }}{%tc endfor %}" if loop else "Điểm"
    body.cells[0].text = "{%tr for r in dong %}{{ r.so }}"
    body.cells[1].text = "{%tc for c in cot %}" if loop else "{{ r.ten }}"
    body.cells[2].text = "{{ r.ten }}{%tc endfor %}" if loop else "{{ r.diem }}"
    end.cells[0].text = "{%tr endfor %}"
    if nested:
        head.cells[0].add_table(rows=1, cols=1).cell(0, 0).text = "trong"
    doc.add_paragraph("Sau bảng")
    path = tmp_path / "bang.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("nested", "loop"), [(False, True), (False, False), (True, True)])
def test_tables_streamed_or_fallen_back_give_the_same_bytes(
    tmp_path: Path, small_pieces: list[bool], nested: bool, loop: bool
) -> None:
    template = _table_template(tmp_path, nested=nested, loop=loop)
    context = {
        "tieu_de": "A & B",
        "cot": ["TV1", "TV2", "TV3", "TV4"],
        "dong": [
            # line breaks and tabs: docxtpl's listing pass rewrites these runs, piece by piece
            {"so": n, "ten": f"Dòng {n} <x>" + ("\nxuống dòng\tthụt" if n % 7 else ""), "diem": n}
            for n in range(1, 400)
        ],
    }
    expected = render_template(template, context).data
    assert PreparedTemplate(template).render(context).data == expected
    assert small_pieces == [True]


def test_unsure_bodies_fall_back(small_pieces: list[bool]) -> None:
    def fix(xml: str) -> Any:
        raise AssertionError("not reached")

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for body in (
        f"<w:body {ns}><w:p><!-- c --></w:p></w:body>",
        f'<w:body {ns}><w:p w:rsidR="1"/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body>',
        f'<w:body {ns} w:x="1"><w:p/></w:body>',
        f"<w:body {ns}><w:tbl><w:tr></w:tbl></w:body>",
        f"<w:body {ns}><w:tbl></w:body>",
    ):
        assert streaming.stream_body(body, 9000, fix, lambda tree: None) is None


def test_listing_pass_on_paragraphs_with_breaks_only_gives_docxtpl_s_text(tmp_path: Path) -> None:
    prepared = PreparedTemplate(_table_template(tmp_path))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    run = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    breaks, more, text = run.format("b\nc\td"), run.format("e\ff\ag"), run.format("x\ny")
    samples = [
        f"<w:body {ns}><w:p>{run.format('a')}</w:p><w:p><w:pPr/>{breaks}</w:p>\n<w:tbl/></w:body>",
        f'<w:body {ns}><w:p w:x="1"/>{text}<w:p>{more}</w:p></w:body>',
        f"<w:body {ns}>\n\t<w:p>{run.format('plain')}</w:p></w:body>",
    ]
    for xml in samples:
        assert prepared._listing(xml) == prepared._tpl.resolve_listing(xml)
