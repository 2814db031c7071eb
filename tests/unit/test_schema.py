from __future__ import annotations

import json
import shutil
from pathlib import Path

from ocop_docs.validation.checks.schema import check_schema, field_labels
from ocop_docs.validation.loading import load_dossier

ROOT = Path(__file__).resolve().parents[2]


def test_other_keywords_map_to_schema_invalid(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    custom = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ocop-docs.example/schemas/dossier/custom.schema.json",
        "type": "object",
        "properties": {"x": {"title": "Ô x", "not": {"const": 1}}},
    }
    (schemas / "dossier" / "custom.schema.json").write_text(json.dumps(custom), encoding="utf-8")
    (tmp_path / "ho-so.yaml").write_text("x: 1\n", encoding="utf-8")
    issues = check_schema(load_dossier(tmp_path), "dossier/custom.schema.json", schemas)
    assert [(i.code, i.pointer, i.line) for i in issues] == [("schema-invalid", "/x", 1)]
    assert issues[0].message() == "«Ô x» không hợp lệ."


def test_labels_follow_refs_across_files() -> None:
    vi, en = field_labels("dossier/nhom-1.schema.json", "/chu_the/nguoi_dai_dien/gioi_tinh")
    assert vi == "Chủ thể › Người đại diện theo pháp luật › Giới tính"
    assert en == "Producer › Legal representative › Sex"


def test_one_finding_per_value(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_text("ngay_nop: 20261005\n", encoding="utf-8")
    issues = check_schema(load_dossier(tmp_path), "dossier/nhom-1.schema.json")
    assert [i.code for i in issues if i.pointer == "/ngay_nop"] == ["schema-type"]


def test_group_schema_limits_the_set(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_text("bo_san_pham: 14\n", encoding="utf-8")
    issues = check_schema(load_dossier(tmp_path), "dossier/nhom-1.schema.json")
    assert any(i.code == "schema-range" and i.pointer == "/bo_san_pham" for i in issues)


def test_document_type_enum_matches_rule_data() -> None:
    import yaml

    common = json.loads((ROOT / "schemas/dossier/common.schema.json").read_text(encoding="utf-8"))
    codes = [
        d["code"]
        for d in yaml.safe_load(
            (ROOT / "schemas/rules/document-types.yaml").read_text(encoding="utf-8")
        )
    ]
    assert common["$defs"]["tai_lieu"]["properties"]["loai"]["enum"] == codes
