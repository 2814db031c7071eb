"""Every top-level part of a round file missing or of the wrong type is a finding (exit 1)
of the working round a batch starts from, never an internal error (issue 9: a round
without ``san_pham`` crashed ``batch`` with a KeyError before its findings were read)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_docs.errors import InputError
from ocop_docs.production.working_round import load_working_round

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
DATA = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
MISSING = object()
MUTATIONS: list[Any] = [MISSING, None, 5, "x", [], {}]


@pytest.mark.parametrize("key", sorted(DATA))
def test_a_top_level_part_missing_or_mistyped(tmp_path: Path, key: str) -> None:
    for value in MUTATIONS:
        data = {k: copy.deepcopy(v) for k, v in DATA.items() if k != key}
        if value is not MISSING:
            data[key] = value
        products = data.get("san_pham")
        for product in products if isinstance(products, list) else []:
            if isinstance(product, dict) and "ho_so" in product:
                product.pop("ho_so")  # the dossiers are beside the test, not needed here
                product.update(ten="Sản phẩm", chu_the="HTX", dia_chi="xã A")
        source = tmp_path / "dot.json"
        source.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        try:
            load_working_round(source, "round", "vi")
        except InputError as exc:
            assert exc.exit_code == 1
            assert all(i.line is not None for i in exc.issues if i.severity == "error"), key
