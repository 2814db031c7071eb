"""The documents' fixed wording (schemas/documents/): complete for every code it names."""

from __future__ import annotations

import json
from pathlib import Path

from ocop_docs.production.wording import wording
from ocop_docs.rules.documents import document_types
from ocop_docs.rules.regimes import regime_codes

ROOT = Path(__file__).resolve().parents[2]


def _enum(schema: dict[str, object], *path: str) -> list[str]:
    node: object = schema
    for step in path:
        assert isinstance(node, dict)
        node = node[step]
    assert isinstance(node, dict)
    return list(node["enum"])  # type: ignore[arg-type]


def test_every_regime_has_its_founding_act() -> None:
    acts = wording().acts
    assert sorted(acts) == sorted(regime_codes())
    for code, act in acts.items():
        assert act.startswith("Quyết định số ") and "Thủ tướng Chính phủ" in act, code
    assert wording().act("9/2099") == "9/2099"  # unknown: cited by its code


def test_names_cover_the_codes_of_dossiers_and_rounds() -> None:
    words = wording()
    dossier = json.loads((ROOT / "schemas/dossier/common.schema.json").read_text("utf-8"))
    defs = dossier["$defs"]
    assert sorted(words.producer_types) == sorted(_enum(defs, "chu_the", "properties", "loai_hinh"))
    assert sorted(words.genders) == sorted(_enum(defs, "nguoi_dai_dien", "properties", "gioi_tinh"))
    rnd = json.loads((ROOT / "schemas/round.schema.json").read_text("utf-8"))
    member = rnd["properties"]["hoi_dong"]["properties"]["thanh_vien"]["items"]
    assert sorted(words.roles) == sorted(_enum(member, "properties", "vai_tro"))
    assert sorted(words.levels) == sorted(_enum(rnd, "properties", "cap"))
    assert all(set(texts) == {"vi", "en"} for texts in words.levels.values())


def test_form_02_tables_name_known_document_types() -> None:
    known = set(document_types())
    words = wording()
    for box, types in words.ticks.items():
        assert types and set(types) <= known, box
    assert len(words.evidence) == 15  # the rows of Mẫu 02 Phần III
    for row in words.evidence:
        assert row.noi_dung and row.yeu_cau and set(row.loai) <= known, row.noi_dung
