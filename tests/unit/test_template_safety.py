"""Templates that reach outside the document or would run forever are refused (issue 9)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ocop_docs.errors import DataError
from ocop_docs.production import limits
from ocop_docs.production.environment import make_environment
from ocop_docs.production.lint import check_template, check_templates
from ocop_docs.production.prepared import PreparedTemplate
from ocop_docs.production.references import external_references
from ocop_docs.production.rendering import render_template

# --- runaway templates ------------------------------------------------------------------------

RUNAWAY = {
    "nested-range": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "huge-range": "{{ range(10**9) | list | length }}",
    "power": "{{ 9 ** 999999 }}",
    "float-power": "{{ 2.0 ** 99999 }}",
    "repetition": "{{ 'x' * 10**10 }}",
    "list-repetition": "{{ ([1] * 10**9) | length }}",
    "doubling-concat": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"
    ),
    "doubling-plus": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}"
    ),
    "center": "{{ 'x' | center(10**9) }}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "format-width": "{{ '{:>999999999}'.format(1) }}",
    "percent-width": "{{ '%999999999s' % 1 }}",
    "replace-empty": "{{ ('x' * 100000).replace('', 'y' * 100) }}",
}


def _doc(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("name", sorted(RUNAWAY))
def test_a_runaway_expression_is_stopped_quickly(name: str) -> None:
    env = make_environment()
    started = time.monotonic()
    with pytest.raises(limits.TemplateLimit) as caught:
        env.from_string("text\n" + RUNAWAY[name]).render({})
    assert time.monotonic() - started < 30  # never a hang (the limits are counted, not timed)
    assert caught.value.where is not None
    assert caught.value.where[1].startswith("line 2:")


@pytest.mark.parametrize("name", ["nested-range", "repetition", "power", "doubling-concat"])
def test_rendering_names_the_template_and_the_paragraph(tmp_path: Path, name: str) -> None:
    path = _doc(tmp_path / "phieu-dang-ky.docx", "Đầu", RUNAWAY[name])
    with pytest.raises(DataError) as caught:
        render_template(path, {})
    assert caught.value.code == "render-template-limit"
    text = caught.value.message("en")
    assert "phieu-dang-ky.docx" in text and "line " in text
    assert "Mẫu phieu-dang-ky.docx vượt giới hạn" in caught.value.message("vi")
    with pytest.raises(DataError) as prepared:
        PreparedTemplate(path).render({})
    assert prepared.value.code == "render-template-limit"


def test_templates_check_finds_a_runaway_loop(tmp_path: Path) -> None:
    path = _doc(tmp_path / "phieu-dang-ky.docx", "Đầu", "Giữa", RUNAWAY["nested-range"])
    issues = check_template(path, "phieu-dang-ky")
    assert [i.code for i in issues] == ["render-template-limit"]
    assert "đoạn 3" in issues[0].message("vi")
    assert "paragraph 3" in issues[0].message("en")


def test_the_wall_clock_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "RENDER_SECONDS", 0.0)
    env = make_environment()
    with pytest.raises(limits.TemplateLimit) as caught:
        env.from_string("{% for i in range(5000) %}{{ i }}{% endfor %}").render({})
    assert "seconds" in caught.value.what_en


def test_ordinary_expressions_keep_their_results() -> None:
    env = make_environment()
    source = (
        "{% for i in xs %}{{ loop.index }}/{{ loop.length }}{{ i ~ '-' }}"
        "{% if loop.last %}!{% endif %}{% else %}none{% endfor %}"
        " {{ 'ab' * 3 }} {{ 2 ** 10 }} {{ '%5s' % 'x' }} {{ 'ab' | center(6) }}"
        " {{ '{:,}'.format(5000000000) }} {{ 'a' ~ 1 ~ none }} {{ 1 + 2 }} {{ [1] + [2] }}"
    )
    assert env.from_string(source).render(xs=["a", "<"]) == (
        "1/2a-2/2&lt;-! ababab 1024     x   ab   5,000,000,000 a1None 3 [1, 2]"
    )
    assert env.from_string("{% for i in xs %}x{% else %}none{% endfor %}").render(xs=[]) == "none"


def test_errors_of_the_template_s_own_expressions_are_not_internal(tmp_path: Path) -> None:
    for expression in (
        "{{ 1 + 'a' }}",
        "{{ 1 / 0 }}",
        "{{ [1][::0] }}",
        "{{ 'x' | int(1, 2, 3) }}",
    ):
        path = _doc(tmp_path / "phieu-dang-ky.docx", expression)
        with pytest.raises(DataError) as caught:
            render_template(path, {})
        assert caught.value.code == "render-template-error", expression


# --- references outside the document ----------------------------------------------------------


def _field(doc: Document, instruction: str, simple: bool = False) -> None:
    p = doc.add_paragraph()
    if simple:
        quoted = instruction.replace('"', "&quot;")
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{quoted}"/>'))
        return
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        # Word may split the instruction over runs: the check joins them.
        f"<w:r {nsdecls('w')}><w:instrText>{instruction[:5]}</w:instrText></w:r>",
        f"<w:r {nsdecls('w')}><w:instrText>{instruction[5:]}</w:instrText></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))


def _linked(tmp_path: Path, how: str) -> Path:
    doc = Document()
    doc.add_paragraph("{{ chu_the.ten }}")
    if how == "image":
        doc.part.relate_to("file:///etc/hostname", RT.IMAGE, is_external=True)
    elif how == "ole":
        doc.part.relate_to("file:///etc/hostname", RT.OLE_OBJECT, is_external=True)
    elif how == "includepicture":
        _field(doc, ' INCLUDEPICTURE "file:///etc/hostname" \\d ')
    elif how == "includetext":
        _field(doc, ' INCLUDETEXT "/etc/hostname" ', simple=True)
    elif how == "dde":
        _field(doc, ' DDEAUTO "cmd" "/c calc" ')
    path = tmp_path / "phieu-dang-ky.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("how", ["image", "ole", "includepicture", "includetext", "dde"])
def test_a_template_with_an_outside_reference_is_refused(tmp_path: Path, how: str) -> None:
    path = _linked(tmp_path, how)
    issues = [i for i in check_template(path, "phieu-dang-ky") if i.severity == "error"]
    assert [i.code for i in issues] == ["template-external-link"]
    assert issues[0].params["part"].startswith("word/")
    assert "hostname" in issues[0].message("en") or "DDEAUTO" in issues[0].message("en")
    assert not check_templates(tmp_path).ok
    with pytest.raises(DataError) as caught:
        render_template(path, {"chu_the": {"ten": "A"}})
    assert caught.value.code == "template-external-link"
    with pytest.raises(DataError):
        PreparedTemplate(path)


def test_hyperlinks_and_page_fields_stay_allowed(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("x")
    doc.part.relate_to("https://ocop.gov.vn", RT.HYPERLINK, is_external=True)
    _field(doc, " PAGE ")
    _field(doc, ' HYPERLINK "https://ocop.gov.vn" ', simple=True)
    path = tmp_path / "phieu-dang-ky.docx"
    doc.save(str(path))
    assert external_references(path) == []
