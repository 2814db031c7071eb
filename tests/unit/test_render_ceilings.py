"""Ceilings that hold whatever a template does (issue 9, "bounded in time and memory").

The counted limits (tests/unit/test_template_safety.py) stop loops, ranges, powers and
repetition; these tests are about work done inside one of Jinja's own filters, where no
loop is counted: a join that makes gigabytes, a wordwrap that takes seconds. The ceilings
are lowered here (64 MB, a fraction of a second) so that a test never asks the shared
machine for much.
"""

from __future__ import annotations

import resource
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.errors import DataError
from ocop_docs.production import limits
from ocop_docs.production.environment import make_environment
from ocop_docs.production.lint import check_template
from ocop_docs.production.prepared import PreparedTemplate
from ocop_docs.production.rendering import render_template

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the memory ceiling reads /proc/self/statm"
)

ROOT = Path(__file__).resolve().parents[2]
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
# 300 MB in one C call of Jinja's join filter: every piece is within the counted limits
# (a 1 MB string, a list of 300), only the result is not.
MEMORY_BOMB = '{% set s = "x" * 1000000 %}{{ ([s] * 300) | join }}'
# Seconds of CPU in textwrap, which no loop of the template counts.
SLOW_FILTER = '{{ ("x " * 400000) | wordwrap(3) }}'


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RENDER_MEMORY", 64 * 1024**2)
    # The alarm at 0.05 s of CPU; the slow filter takes 0.25 s to 3 s on the test machine
    # (the margin is the point: a time limit can only be tested against time).
    monkeypatch.setattr(limits, "RENDER_SECONDS", 0.0)
    monkeypatch.setattr(limits, "_ALARM_GRACE", 0.05)


def _doc(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def _address_limit() -> tuple[int, int]:
    return resource.getrlimit(resource.RLIMIT_AS)


@pytest.mark.usefixtures("small")
def test_a_memory_bomb_stops_at_the_ceiling_naming_the_template(tmp_path: Path) -> None:
    before = _address_limit()
    path = _doc(tmp_path / "phieu-dang-ky.docx", "Đầu", MEMORY_BOMB)
    for render in (lambda: render_template(path, {}), lambda: PreparedTemplate(path).render({})):
        with pytest.raises(DataError) as caught:
            render()
        assert caught.value.code == "render-template-limit"
        vi, en = caught.value.message("vi"), caught.value.message("en")
        assert "Mẫu phieu-dang-ky.docx" in vi and "64 MB bộ nhớ" in vi
        assert "phieu-dang-ky.docx" in en and "64 MB of memory" in en
        assert _address_limit() == before  # lifted again once the render is over


@pytest.mark.usefixtures("small")
def test_slow_work_no_loop_counts_is_stopped_by_the_clock(tmp_path: Path) -> None:
    path = _doc(tmp_path / "phieu-dang-ky.docx", SLOW_FILTER)
    with pytest.raises(DataError) as caught:
        render_template(path, {})
    assert caught.value.code == "render-template-limit"
    assert "more than 0 seconds" in caught.value.message("en")
    assert "quá 0 giây" in caught.value.message("vi")


@pytest.mark.usefixtures("small")
def test_templates_check_reports_both(tmp_path: Path) -> None:
    for source in (MEMORY_BOMB, SLOW_FILTER):
        path = _doc(tmp_path / "phieu-dang-ky.docx", source)
        codes = [i.code for i in check_template(path, "phieu-dang-ky")]
        assert "render-template-limit" in codes


@pytest.mark.usefixtures("small")
def test_render_with_a_user_template_ends_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    _doc(folder / "phieu-dang-ky.docx", MEMORY_BOMB)
    out = tmp_path / "p.docx"
    args = ["render", "phieu-dang-ky", str(DOSSIER), "-o", str(out), "--templates-dir"]
    for lang in ("vi", "en"):
        result = CliRunner().invoke(cli, [*args, str(folder), "--lang", lang])
        assert result.exit_code == 3, result.output  # a broken template, as for every limit
        assert "phieu-dang-ky.docx" in result.output and "Traceback" not in result.output
        assert ("bộ nhớ" if lang == "vi" else "memory") in result.output
        assert not out.exists()


def test_another_thread_leaves_the_process_limit_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is inherited by any child started meanwhile (the service starts LibreOffice
    from threads), so only the main thread lowers it."""
    monkeypatch.setattr(limits, "MAX_RENDER_MEMORY", 64 * 1024**2)
    before = _address_limit()
    seen: list[tuple[int, int]] = []
    env = make_environment()
    template = env.from_string("{{ n * 2 }}")

    def render() -> None:
        with limits.memory_ceiling():
            seen.append(_address_limit())
        seen.append(_address_limit())
        assert template.render({"n": 3}) == "6"

    thread = threading.Thread(target=render)
    thread.start()
    thread.join()
    assert seen == [before, before]
    with limits.memory_ceiling():  # the main thread: lowered, then lifted
        lowered = _address_limit()
        with limits.memory_ceiling():
            assert _address_limit() == lowered  # nested: the outer ceiling holds
    if before[0] == resource.RLIM_INFINITY:
        assert lowered[0] != resource.RLIM_INFINITY
    assert _address_limit() == before and limits._ceiling_users == 0


def test_ordinary_documents_render_under_the_ceilings(tmp_path: Path) -> None:
    before = _address_limit()
    out = tmp_path / "p.docx"
    result = CliRunner().invoke(cli, ["render", "phieu-dang-ky", str(DOSSIER), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and _address_limit() == before


def test_a_run_of_text_libxml2_could_not_read_is_a_limit(tmp_path: Path) -> None:
    """A text node over 10 MB made python-docx lose the document's body (IndexError, an
    internal error); the run is now counted while the template fills."""
    long_run = '{% for i in range(4) %}{{ "x" * 1000000 }}{% endfor %}'
    path = _doc(tmp_path / "phieu-dang-ky.docx", long_run)
    for render in (lambda: render_template(path, {}), lambda: PreparedTemplate(path).render({})):
        with pytest.raises(DataError) as caught:
            render()
        assert caught.value.code == "render-template-limit"
        assert "3,000,000 characters" in caught.value.message("en")
    fine = _doc(tmp_path / "ok.docx", '{{ "x" * 1000000 }}', '{{ "y" * 1000000 }}')
    assert render_template(fine, {}).data  # long, but each run within the limit


def test_the_time_limit_is_written_with_a_decimal_comma_in_vietnamese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "RENDER_SECONDS", 0.2)
    with pytest.raises(limits.TemplateLimit) as caught:
        limits.Budget(deadline=0.0).tick()
    assert caught.value.what == "quá 0,2 giây" and caught.value.what_en == "more than 0.2 seconds"
