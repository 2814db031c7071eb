"""The registry's papers (issue 14): letters to producers, the yearly report with charts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document

from ocop_docs.registry.charts import CHARTS, by_year
from ocop_docs.registry.documents import render_report, write_letters
from ocop_docs.registry.statistics import Statistics
from ocop_docs.registry.store import open_registry
from ocop_docs.registry.verbs import due_reminders, import_list, registry_statistics
from tests.unit.test_registry import DECISION_2024, FIXTURES, seed_registry

SENDER = {
    "co_quan": {
        "ten": "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên",
        "chu_quan": "Ủy ban nhân dân tỉnh Thái Nguyên",
        "ky_hieu": "SNNMT",
        "dia_danh": "Thái Nguyên",
    },
    "nguoi_ky": {"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Hư Cấu"},
    "so_dau": 7,
}


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_letters_one_per_reminder(tmp_path: Path) -> None:
    registry = open_registry(tmp_path / "so.sqlite")
    import_list(registry, FIXTURES / "thai-nguyen-2024.csv", DECISION_2024)
    import_list(registry, FIXTURES / "thai-nguyen-2023-2024.yaml")
    result = due_reminders(registry, dt.date(2026, 9, 20))
    assert [r.category for r in result.items] == ["dang_mo", "dang_mo", "da_lo", "da_lo"]
    result.items = result.items[1:3]  # one of each kind is enough to read
    made = write_letters(result, tmp_path / "thu", SENDER)
    assert [p.name.split("-")[1] for p in made] == ["dang_mo", "da_lo"]
    first = _text(made[0].read_bytes())
    assert "Số: 07/TB-SNNMT" in first and "Kính gửi: HTX Phú Bình (hư cấu)" in first
    assert "từ ngày 16/09/2026 đến ngày 15/11/2026" in first
    assert "Điều 7 Quyết định số 26/2026/QĐ-TTg" in first
    missed = _text(made[1].read_bytes())
    assert "Số: 08/TB-SNNMT" in missed and "đã qua" in missed and "{{" not in missed
    assert "- Như trên;" in missed and "- Lưu: VT, SNNMT." in missed


@pytest.fixture(scope="module")
def seed_stats(tmp_path_factory: pytest.TempPathFactory) -> Statistics:
    registry = open_registry(tmp_path_factory.mktemp("seed") / "so.sqlite")
    seed_registry(registry)
    return registry_statistics(registry, 2020)


def test_report_shows_the_seed_article_counts(seed_stats: Statistics) -> None:
    stats = seed_stats
    data = render_report(stats, SENDER)
    text = _text(data)
    assert "BÁO CÁO" in text and "2018–2020" in text
    doc = Document(io.BytesIO(data))
    years = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert years[1][:5] == ["2018", "5", "1", "0", "6"]
    assert years[2][:5] == ["2019", "14", "0", "0", "14"]
    assert (
        "Tổng số 20 sản phẩm OCOP còn hiệu lực: 0 sản phẩm 5 sao, 1 sản phẩm 4 sao, 19 sản phẩm 3 sao"
        in text
    )
    assert "[[bieu_do" not in text
    assert len(doc.inline_shapes) == 4  # by year, trend, by group, by commune


def test_charts_are_png_and_stable(seed_stats: Statistics) -> None:
    assert set(CHARTS) == {"theo_nam", "xu_huong", "theo_xa", "theo_nhom"}
    first = by_year(seed_stats)
    assert first.startswith(b"\x89PNG")
    assert by_year(seed_stats) == first  # the same counts, the same bytes


def test_contexts_match_their_schemas(seed_stats: Statistics, tmp_path: Path) -> None:
    """What the builders give is what the schemas (and so `templates check`) describe."""
    from ocop_docs.production.contexts import bao_cao_nam, thong_bao_danh_gia_lai
    from tests.unit.test_template_lint import _context_validator, _present

    registry = open_registry(tmp_path / "so.sqlite")
    import_list(registry, FIXTURES / "thai-nguyen-2023-2024.yaml")
    item = due_reminders(registry, dt.date(2026, 9, 20)).items[0]
    for kind, context in (
        ("bao-cao-nam", bao_cao_nam.build(seed_stats, SENDER).context),
        ("thong-bao-danh-gia-lai", thong_bao_danh_gia_lai.build(item, SENDER).context),
    ):
        errors = [e.message for e in _context_validator(kind).iter_errors(_present(context))]
        assert errors == [], kind
