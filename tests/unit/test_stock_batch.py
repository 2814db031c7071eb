"""The pre-printed stock (``giay-chung-nhan-phoi``), whose page size is itself filled in from
the round file, is made by ``batch`` as by ``render``: the prepared template reads the text
width from each document, not from the template (whose page is "{{ phoi.rong }}")."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ocop_docs.production.batch import BatchOptions, run_batch
from ocop_docs.production.rendering import render
from tests.conftest import ALLOW, SAMPLES

ROUND = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", _body(path)).split())


def test_batch_makes_the_stock_of_every_recognised_product(tmp_path: Path) -> None:
    options = BatchOptions(allow=ALLOW, jobs=1, kinds=("giay-chung-nhan-phoi",))
    result = run_batch(ROUND, tmp_path / "out", options)
    assert result.exit_code == 0 and result.failed == 0 and result.produced == 5
    made = sorted((tmp_path / "out" / "giay-chung-nhan-phoi").glob("*.docx"))
    assert len(made) == 5
    # The same text, at the same places' page size, as render makes for one product.
    single = tmp_path / "one.docx"
    render("giay-chung-nhan-phoi", ROUND, single, product=2, allow=ALLOW)
    assert _text(single) in {_text(p) for p in made}
    size = re.search(r"<w:pgSz [^>]*>", _body(single))
    assert size is not None and all(size.group(0) in _body(p) for p in made)
    assert "{{" not in _body(made[0]) and "w:pgSz" in _body(made[0])
