"""The prepared (batch) renderer gives byte-identical output to ``render_template``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

from ocop_docs.errors import DataError, InputError
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.environment import wrap
from ocop_docs.production.prepared import PreparedTemplate, wrap_shared
from ocop_docs.production.rendering import render_template

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
TEMPLATES = ROOT / "templates"

CASES = [
    ("bien-ban", ROUND, None),
    ("quyet-dinh", ROUND, None),
    ("giay-chung-nhan", ROUND, 2),
    ("giay-chung-nhan", ROUND, 5),
    ("bao-cao-xa", ROUND, 1),
    ("phieu-dang-ky", DOSSIER, None),
    ("bao-cao-tu-danh-gia", DOSSIER, None),
]


def _template(tmp_path: Path, *paragraphs: str, header: str | None = None, title: str = "") -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if header is not None:
        doc.sections[0].header.paragraphs[0].text = header
    doc.core_properties.title = title
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("kind", "source", "product"), CASES)
def test_shipped_templates_byte_identical(kind: str, source: Path, product: int | None) -> None:
    built = build_context(kind, source, product=product, allow=ALLOW)
    template = TEMPLATES / f"{kind}.docx"
    expected = render_template(template, built.context, when=built.when).data
    prepared = PreparedTemplate(template)
    assert prepared.render(built.context, when=built.when).data == expected
    # the first document checked the quick way of writing document.xml against python-docx
    assert prepared._shortcut is True
    # and again, the quick way: nothing of one document leaks into the next
    assert prepared.render(built.context, when=built.when).data == expected


@pytest.mark.parametrize("kind", ["bien-ban", "quyet-dinh"])
def test_a_large_round_is_byte_identical_too(kind: str, tmp_path: Path) -> None:
    """Hundreds of rows (each with ``xml:space`` runs): the first document's check of the
    quick way, done in linear time, still agrees with python-docx's own bytes."""
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    second = dict(data["san_pham"][1])  # a recognised product with a dossier
    second["ho_so"] = str((ROUND.parent / second["ho_so"]).resolve())
    data["san_pham"] = [
        {**second, "ten": f"Sản phẩm số {n}", "ma_san_pham": f"19-05623-{n:03d}-2026"}
        for n in range(1, 301)
    ]
    source = tmp_path / "dot.json"
    source.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    built = build_context(kind, source, allow=ALLOW)
    template = TEMPLATES / f"{kind}.docx"
    expected = render_template(template, built.context, when=built.when).data
    prepared = PreparedTemplate(template)
    assert prepared.render(built.context, when=built.when).data == expected
    assert prepared._shortcut is True


def test_documents_in_turn_do_not_leak(tmp_path: Path) -> None:
    template = TEMPLATES / "giay-chung-nhan.docx"
    contexts = [build_context("giay-chung-nhan", ROUND, product=n, allow=ALLOW) for n in (2, 3, 4)]
    prepared = PreparedTemplate(template)
    outputs = [prepared.render(b.context, when=b.when).data for b in contexts]
    for built, data in zip(contexts, outputs, strict=True):
        assert data == render_template(template, built.context, when=built.when).data
    assert len(set(outputs)) == 3


def test_templated_header_and_properties(tmp_path: Path) -> None:
    tpl = _template(
        tmp_path,
        "Tên: {{ ten }}",
        "Ghi chú: {{ ghi_chu }}",
        header="Đầu trang {{ ten }} ({{ so }})",
        title="Giấy {{ ten }}",
    )
    ctx = {"ten": 'HTX "Tài & Hoan" <Côn Minh>', "ghi_chu": "Dòng 1\nDòng 2\tcột", "so": 5}
    prepared = PreparedTemplate(tpl)
    assert prepared.render(ctx).data == render_template(tpl, ctx).data
    assert prepared.variables == frozenset({"ten", "ghi_chu", "so"})
    out = tmp_path / "out.docx"
    out.write_bytes(prepared.render(ctx).data)
    with zipfile.ZipFile(out) as z:
        assert "Tài &amp; Hoan" in z.read("word/header1.xml").decode()
        assert "<dc:title>Giấy HTX" in z.read("docProps/core.xml").decode()


def test_static_header_is_kept(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "{{ a }}", header="Cố định")
    prepared = PreparedTemplate(tpl)
    for value in ("x", "y"):
        assert prepared.render({"a": value}).data == render_template(tpl, {"a": value}).data


def test_strict_and_draft_behave_like_render_template(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "Mở đầu", "Người đại diện: {{ chu_the.nguoi_dai_dien.ho_ten }}")
    ctx = {"chu_the": {"ten": "HTX", "nguoi_dai_dien": {"chuc_vu": "GĐ"}}}
    with pytest.raises(InputError) as fast:
        PreparedTemplate(tpl).render(ctx)
    with pytest.raises(InputError) as slow:
        render_template(tpl, ctx)
    assert fast.value.message() == slow.value.message()
    assert (
        "«chu_the.nguoi_dai_dien.ho_ten»" in fast.value.message()
        and "đoạn 2" in fast.value.message()
    )
    draft = PreparedTemplate(tpl, draft=True)
    result = draft.render(ctx)
    assert result.data == render_template(tpl, ctx, draft=True).data
    assert result.placeholders == ["chu_the.nguoi_dai_dien.ho_ten"]
    assert draft.render({"chu_the": {"nguoi_dai_dien": {"ho_ten": "A"}}}).placeholders == []


def test_sandbox_and_syntax_errors(tmp_path: Path) -> None:
    tpl = _template(tmp_path, "{{ ten.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(DataError):
        PreparedTemplate(tpl).render({"ten": "x"})
    broken = _template(tmp_path, "Một", "{% for x in ds %}{{ x }}")
    with pytest.raises(DataError) as exc:
        PreparedTemplate(broken)  # found once, when the template is prepared
    assert exc.value.exit_code == 3 and "t.docx" in exc.value.message()


def test_missing_and_unreadable_templates(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        PreparedTemplate(tmp_path / "khong-co.docx")
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError):
        PreparedTemplate(bad)


def test_wrap_shared_equals_wrap() -> None:
    base = {"a": {"b": [1, {"c": "Hòa"}]}, "n": None, "s": "x"}
    ctx = {**base, "sp": {"ten": "Gà"}, "s": "y"}
    cache: dict[str, object] = {}
    shared = wrap_shared(ctx, base, cache)
    assert shared == wrap(ctx)
    assert wrap_shared(ctx, base, cache)["a"] is shared["a"] is cache["a"]  # wrapped once
    assert shared["sp"].path == "sp" and shared["a"]["b"][1].path == "a.b[1]"
    assert set(wrap_shared(ctx, base, cache, {"sp", "x"})) == {"sp"}  # only what is read
