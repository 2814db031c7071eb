"""The yearly report's "Kính gửi:" (issue 12): printed once, as NĐ 30/2020 Phụ lục III Mẫu
1.4 has it — one recipient on the line; several, each on its own line with "- ", ";" between
and "." after the last — never one "Kính gửi:" per recipient."""

from __future__ import annotations

import io

import pytest
from docx import Document

from ocop_docs.production.contexts.bao_cao_nam import recipient_lines
from ocop_docs.registry.documents import render_report
from ocop_docs.registry.statistics import Statistics
from ocop_docs.registry.store import open_registry
from ocop_docs.registry.verbs import registry_statistics
from tests.unit.test_registry import seed_registry
from tests.unit.test_registry_documents import SENDER


@pytest.fixture(scope="module")
def stats(tmp_path_factory: pytest.TempPathFactory) -> Statistics:
    registry = open_registry(tmp_path_factory.mktemp("seed") / "so.sqlite")
    seed_registry(registry)
    return registry_statistics(registry, 2020)


def _paragraphs(stats: Statistics, recipients: list[str]) -> list[str]:
    doc = Document(io.BytesIO(render_report(stats, {**SENDER, "kinh_gui": recipients})))
    return [p.text for p in doc.paragraphs]


def test_lines() -> None:
    assert recipient_lines([]) == []
    assert recipient_lines(["Ủy ban nhân dân tỉnh Thái Nguyên"]) == [
        "Ủy ban nhân dân tỉnh Thái Nguyên."
    ]
    assert recipient_lines(["UBND tỉnh;", "  Bộ Nông nghiệp và Môi trường. "]) == [
        "- UBND tỉnh;",
        "- Bộ Nông nghiệp và Môi trường.",
    ]


def test_several_recipients_one_kinh_gui(stats: Statistics) -> None:
    paras = _paragraphs(
        stats, ["Ủy ban nhân dân tỉnh Thái Nguyên", "Bộ Nông nghiệp và Môi trường", "Văn phòng"]
    )
    heads = [p for p in paras if "Kính gửi" in p]
    assert heads == ["Kính gửi:\t- Ủy ban nhân dân tỉnh Thái Nguyên;"]
    at = paras.index(heads[0])
    assert paras[at + 1 : at + 3] == ["- Bộ Nông nghiệp và Môi trường;", "- Văn phòng."]


def test_one_recipient_on_its_line(stats: Statistics) -> None:
    paras = _paragraphs(stats, ["Ủy ban nhân dân tỉnh Thái Nguyên"])
    assert [p for p in paras if "Kính gửi" in p] == ["Kính gửi: Ủy ban nhân dân tỉnh Thái Nguyên."]


def test_no_recipient_no_kinh_gui(stats: Statistics) -> None:
    assert not [p for p in _paragraphs(stats, []) if "Kính gửi" in p]
