"""Rendering: strictness, draft placeholders, escaping, sandbox, determinism, table widths."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from ocop_docs.errors import DataError, InputError
from ocop_docs.production.environment import clean_text
from ocop_docs.production.rendering import make_deterministic, render_template

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]


def _template(tmp_path: Path, *paragraphs: str, name: str = "t.docx") -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _texts(data: bytes, tmp_path: Path) -> list[str]:
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    return [p.text for p in Document(str(out)).paragraphs]


def test_special_characters_and_line_breaks(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "Tên: {{ ten }}", "Ghi chú: {{ ghi_chu }}")
    ctx = {"ten": 'HTX "Tài & Hoan" <Côn Minh>', "ghi_chu": "Dòng 1\r\nDòng 2\x00\x07\x0c!"}
    result = render_template(tpl, ctx)
    texts = _texts(result.data, tmp_path)
    assert texts[0] == 'Tên: HTX "Tài & Hoan" <Côn Minh>'
    assert texts[1] == "Ghi chú: Dòng 1\nDòng 2!"  # a real Word line break, controls dropped
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        assert b"<w:br/>" in z.read("word/document.xml")


def test_clean_text() -> None:
    assert clean_text("a\r\nb\rc\x0bd") == "a\nb\ncd"
    assert clean_text("Hòa") == "Hòa"  # NFD → NFC


def test_strict_missing_variable_names_it_and_its_place(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "Mở đầu", "Người đại diện: {{ chu_the.nguoi_dai_dien.ho_ten }}")
    with pytest.raises(InputError) as exc:
        render_template(tpl, {"chu_the": {"ten": "HTX", "nguoi_dai_dien": {"chuc_vu": "GĐ"}}})
    assert exc.value.exit_code == 1
    message = exc.value.message()
    assert "«chu_the.nguoi_dai_dien.ho_ten»" in message
    assert "t.docx" in message and "đoạn 2" in message


def test_missing_item_in_a_loop_has_its_index(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "{%p for m in ds %}", "{{ m.ten }}", "{%p endfor %}")
    with pytest.raises(InputError) as exc:
        render_template(tpl, {"ds": [{"ten": "A"}, {"khac": "B"}]})
    assert "«ds[1].ten»" in exc.value.message()


def test_optional_fields_with_default_and_if(tmp_path: Path) -> None:
    tpl = _template(
        tmp_path, "Email: {{ email | default('……', true) }}", "{% if so %}Số {{ so }}{% endif %}."
    )
    texts = _texts(render_template(tpl, {"email": None}).data, tmp_path)
    assert texts[:2] == ["Email: ……", "."]


def test_draft_prints_placeholders(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "Họ tên: {{ a.b.c }}; {{ x }}")
    result = render_template(tpl, {"a": {}}, draft=True)
    assert _texts(result.data, tmp_path)[0] == "Họ tên: [[a.b.c]]; [[x]]"
    assert result.placeholders == ["a.b.c", "x"]


def test_sandbox_blocks_python_internals(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "{{ ten.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(DataError) as exc:
        render_template(tpl, {"ten": "x"})
    assert exc.value.exit_code == 3


def test_broken_template_syntax_is_exit_3_with_place(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "Một", "{% for x in ds %}{{ x }}")
    with pytest.raises(DataError) as exc:
        render_template(tpl, {"ds": []})
    assert exc.value.exit_code == 3
    assert "t.docx" in exc.value.message()


def test_missing_and_unreadable_templates(tmp_path: Path) -> None:
    with pytest.raises(DataError) as exc:
        render_template(tmp_path / "khong-co.docx", {})
    assert "khong-co.docx" in exc.value.message()
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError):
        render_template(bad, {})


def test_same_input_same_bytes(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "{{ a }}")
    first = render_template(tpl, {"a": "x"}).data
    second = render_template(tpl, {"a": "x"}).data
    assert first == second
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as z:
        z.writestr("a.txt", "1")
    data = (tmp_path / "x.docx").read_bytes()
    assert make_deterministic(data) == make_deterministic(make_deterministic(data))


def test_column_loop_widths_fit_the_page() -> None:
    import tempfile

    from ocop_docs.production.rendering import render

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bb.docx"
        render(
            "bien-ban", ROOT / "samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml", out, allow=ALLOW
        )
        doc = Document(str(out))
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
        grid = table._tbl.tblGrid.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"
        )
        widths = [
            int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for c in grid
        ]
        assert len(widths) == 2 + 7 + 2  # STT, product, 7 members, mean, result
        assert sum(widths) <= 9360  # 165 mm of text width, in twips
        assert widths[1] > widths[2] * 2  # the product column keeps its share
