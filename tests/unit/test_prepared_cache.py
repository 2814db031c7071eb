"""Single documents through templates prepared once and kept (issue 15): same bytes as
``render_template``, a template edited between two documents prepared again, one instance
per thread at a time."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest
from docx import Document

from ocop_docs.errors import DataError, InputError
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.giay_chung_nhan import certificate_logo, with_logo
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.pictures import place_pictures
from ocop_docs.production.prepared_cache import PREPARED, PreparedTemplates
from ocop_docs.production.rendering import render, render_template

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
ALLOW = (ROOT / "samples" / "ho-so",)
TEMPLATES = ROOT / "templates"


def _template(path: Path, text: str) -> Path:
    doc = Document()
    doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("kind", "source", "product"),
    [("giay-chung-nhan", ROUND, 3), ("quyet-dinh", ROUND, None), ("phieu-dang-ky", DOSSIER, None)],
)
def test_render_twice_gives_render_template_s_bytes(
    kind: str, source: Path, product: int | None, tmp_path: Path
) -> None:
    """``render`` (the CLI's and the service's path) writes what ``render_template`` makes,
    the first time (template prepared) and the second (template kept)."""
    built = build_context(kind, source, product=product, allow=ALLOW)
    spec = KINDS[kind]
    picture = None
    if spec.pictures is not None:  # as render: the logo (none here) and the QR code
        assert built.round is not None
        picture = certificate_logo(built.round, None)
        with_logo(built.context, picture)
    expected = render_template(TEMPLATES / f"{kind}.docx", built.context, when=built.when).data
    if spec.pictures is not None:
        expected = place_pictures(expected, spec.pictures(built.context, picture))
    PREPARED.clear()
    for n in (1, 2):
        out = tmp_path / f"{n}.docx"
        render(kind, source, out, product=product, allow=ALLOW)
        assert out.read_bytes() == expected


def test_a_certificate_is_identical_with_the_cache_cold_and_warm(tmp_path: Path) -> None:
    PREPARED.clear()
    render("giay-chung-nhan", ROUND, tmp_path / "a.docx", product=2, allow=ALLOW)
    render("giay-chung-nhan", ROUND, tmp_path / "b.docx", product=2, allow=ALLOW)
    PREPARED.clear()
    render("giay-chung-nhan", ROUND, tmp_path / "c.docx", product=2, allow=ALLOW)
    a, b, c = ((tmp_path / f"{n}.docx").read_bytes() for n in "abc")
    assert a == b == c


def test_kept_and_prepared_again_when_the_file_changes(tmp_path: Path) -> None:
    store = PreparedTemplates()
    path = _template(tmp_path / "t.docx", "Xin chào {{ ten }}")
    with store.use(path) as first:
        first.render({"ten": "An"})
    with store.use(path) as again:
        assert again is first
    assert store.prepared == 1
    with store.use(path, draft=True) as draft:  # draft mode is another preparation
        assert draft is not first
    assert store.prepared == 2
    stamp = os.stat(path).st_mtime_ns
    _template(path, "Tạm biệt {{ ten }}")
    os.utime(path, ns=(stamp, stamp))  # even with the old modification time
    with store.use(path) as edited:
        assert edited is not first
        text = Document(io.BytesIO(edited.render({"ten": "An"}).data))
        assert text.paragraphs[0].text == "Tạm biệt An"
    assert store.prepared == 3


def test_a_failed_document_drops_its_instance(tmp_path: Path) -> None:
    store = PreparedTemplates()
    path = _template(tmp_path / "t.docx", "{{ ten }}")
    with pytest.raises(InputError), store.use(path) as prepared:
        prepared.render({})  # strict: ten is missing
    with store.use(path) as fresh:
        assert fresh is not prepared


def test_broken_and_missing_templates_raise_as_before(tmp_path: Path) -> None:
    store = PreparedTemplates()
    with pytest.raises(DataError) as missing, store.use(tmp_path / "khong-co.docx"):
        pass
    assert missing.value.code == "template-missing"
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError) as broken, store.use(bad):
        pass
    assert broken.value.code == "template-unreadable"
    assert store.prepared == 0


def test_threads_never_share_an_instance(tmp_path: Path) -> None:
    store = PreparedTemplates(idle=2)
    path = _template(tmp_path / "t.docx", "{{ ten }}")
    held: list[int] = []
    clash: list[bool] = []
    barrier = threading.Barrier(4)
    lock = threading.Lock()

    def work(n: int) -> None:
        barrier.wait()
        for _ in range(5):
            with store.use(path) as prepared:
                with lock:
                    clash.append(id(prepared) in held)
                    held.append(id(prepared))
                prepared.render({"ten": str(n)})
                with lock:
                    held.remove(id(prepared))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not any(clash)
    assert len(store._store) == 1 and len(next(iter(store._store.values()))) <= 2


def test_least_recently_used_templates_are_dropped(tmp_path: Path) -> None:
    store = PreparedTemplates(templates=2)
    paths = [_template(tmp_path / f"{n}.docx", "x") for n in range(3)]
    for path in paths:
        with store.use(path):
            pass
    assert [Path(k[0]).name for k in store._store] == ["1.docx", "2.docx"]


def test_the_service_keeps_templates_across_requests(tmp_path: Path) -> None:
    """Mẫu 01 twice through the service's render function: prepared once."""
    from typing import cast

    from ocop_docs.service.documents import render_kind
    from ocop_docs.service.work import PdfSlots

    PREPARED.clear()
    before = PREPARED.prepared
    outputs = []
    for n in (1, 2):
        folder = tmp_path / str(n)
        folder.mkdir()
        made = render_kind(
            "phieu-dang-ky",
            DOSSIER,
            folder,
            product=None,
            draft=False,
            pdf=False,
            slots=cast(PdfSlots, None),  # no PDF asked: the slots are not used
        )
        outputs.append(made.read_bytes())
    assert PREPARED.prepared == before + 1
    assert outputs[0] == outputs[1]
