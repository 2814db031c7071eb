"""jsonschema-rs (the yes/no engine) must judge exactly as jsonschema (the error engine).

Valid iff jsonschema finds no error: on every sample dossier and round, every acceptance
example, thousands of mutants of them, the JSON-Schema-Test-Suite (draft 2020-12) cases of
the keywords our schemas use, and a ``--schemas-dir`` copy whose schema has a nested ``$id``.
"""

from __future__ import annotations

import copy
import json
import math
import random
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from ocop_docs.rules.identifiers import FORMAT_PROBLEMS
from ocop_docs.text.documents import all_finite, load_document
from ocop_docs.validation.checks.schema import (
    _format_checker,
    check_schema,
    compiled,
    fast_validator,
    fast_validator_for,
    quick_valid,
)
from ocop_docs.validation.loading import load_dossier

ROOT = Path(__file__).resolve().parents[2]
DOSSIER_SCHEMAS = [f"dossier/nhom-{i}.schema.json" for i in range(1, 7)]
DOSSIER_SCHEMAS.append("dossier/ho-so.schema.json")
ROUND_SCHEMA = "round.schema.json"
SUITE = ROOT / "tests" / "fixtures" / "json-schema-test-suite" / "tests" / "draft2020-12"


def dossiers() -> list[Any]:
    items = [load_dossier(folder).data for folder in sorted((ROOT / "samples" / "ho-so").iterdir())]
    for folder in sorted((ROOT / "tests" / "acceptance" / "examples").iterdir()):
        doc = load_dossier(folder)
        if doc.data is not None:
            items.append(doc.data)
    return items


def rounds() -> list[Any]:
    items = []
    for path in sorted((ROOT / "samples" / "dot-danh-gia").glob("*.yaml")):
        data = load_document(path).data
        if isinstance(data, dict) and "hoi_dong" in data:
            items.append(data)
    assert items
    return items


# Values that probe where the engines could differ: integer-valued floats, booleans next to
# numbers, integers where a format applies (a tax code with a wrong check digit, unquoted),
# huge integers, NaN and infinities, digits and spaces outside ASCII (ECMA-262 regular
# expressions read \d, \s and \w differently from Python's re), control characters.
SPECIMENS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    5,
    5.0,
    5.5,
    2018,
    2026.0,
    10**30,
    -(10**30),
    math.nan,
    math.inf,
    -math.inf,
    "",
    " ",
    "x",
    "2026-09-15",
    "31/02/2026",
    "2026-10-15T08:00",
    "2026-10-15 08:00",
    "0912 000 101",
    "4799990010",
    4799990010,
    4700123457,
    4700123456.0,
    79152000123,
    "079152000123",
    "٣٤",
    "０９１２０００１０１",
    "UBND\x1c",
    "UBND\x85",
    "\ufeff",
    "Hà\u00a0Nội",
    "05/QĐ-UBND",
    "05/QĐ\x1fUBND",
    "1.10",
    "mot",
    "a@b.vn",
    [],
    [1],
    ["x"],
    {},
    {"a": 1},
]


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += leaves(item, (*path, index))
    return out


def mutate(data: Any, rng: random.Random) -> Any:
    data = copy.deepcopy(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        path = rng.choice(leaves(data))
        if not path:
            return rng.choice(SPECIMENS)
        target = data
        for step in path[:-1]:
            target = target[step]
        action = rng.random()
        if action < 0.15 and isinstance(target, dict):
            del target[path[-1]]
        elif action < 0.25 and isinstance(target, dict):
            target["khong_co_trong_mau"] = 1
        elif action < 0.3 and isinstance(target, list):
            target.append(copy.deepcopy(target[path[-1]]))  # duplicates (uniqueItems)
        else:
            target[path[-1]] = rng.choice(SPECIMENS)
    return data


def jsonschema_valid(name: str, data: Any) -> bool:
    validator, _ = compiled(name)
    return next(iter(validator.iter_errors(data)), None) is None


def agrees(name: str, data: Any) -> bool:
    """The fast path says "valid" exactly when jsonschema does; data with NaN or an
    infinity, which jsonschema-rs does not read as numbers, is always left to jsonschema."""
    expected = jsonschema_valid(name, data)
    fast = fast_validator(name)
    assert fast is not None
    if not all_finite(data):
        return quick_valid(name, data) is False
    return quick_valid(name, data) is expected and fast.is_valid(data) is expected


def shown(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True)[:600]


@pytest.mark.parametrize("name", [*DOSSIER_SCHEMAS, ROUND_SCHEMA])
def test_fast_engine_compiles_every_shipped_schema(name: str) -> None:
    assert fast_validator(name) is not None


@pytest.mark.parametrize("name", DOSSIER_SCHEMAS)
def test_engines_agree_on_dossiers_and_mutants(name: str) -> None:
    fast = fast_validator(name)
    assert fast is not None
    rng = random.Random(20261128)
    cases = dossiers()
    cases += [mutate(rng.choice(cases), rng) for _ in range(700)]
    for data in cases:
        assert agrees(name, data), shown(data)
    # The corpus exercises both answers.
    assert {jsonschema_valid(name, data) for data in cases} == {True, False}


def test_engines_agree_on_rounds_and_mutants() -> None:
    fast = fast_validator(ROUND_SCHEMA)
    assert fast is not None
    rng = random.Random(20261129)
    cases = rounds()
    cases += [mutate(rng.choice(cases), rng) for _ in range(1200)]
    for data in cases:
        assert agrees(ROUND_SCHEMA, data), shown(data)
    assert {jsonschema_valid(ROUND_SCHEMA, data) for data in cases} == {True, False}


def test_unquoted_tax_code_with_a_bad_check_digit_is_caught(tmp_path: Path) -> None:
    # jsonschema-rs applies formats to strings only; ours judge the integer the schema allows.
    sample = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
    text = (sample / "ho-so.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    good = str(data["chu_the"]["ma_so_thue"])
    assert good.isdigit() and len(good) == 10
    bad = good[:9] + str((int(good[9]) + 1) % 10)
    (tmp_path / "ho-so.yaml").write_text(
        text.replace(f"ma_so_thue: {data['chu_the']['ma_so_thue']}", f"ma_so_thue: {bad}")
        .replace(f"ma_so_thue: '{good}'", f"ma_so_thue: {bad}")
        .replace(f'ma_so_thue: "{good}"', f"ma_so_thue: {bad}"),
        encoding="utf-8",
    )
    doc = load_dossier(tmp_path)
    assert doc.data["chu_the"]["ma_so_thue"] == int(bad)
    fast = fast_validator("dossier/nhom-1.schema.json")
    assert fast is not None and not fast.is_valid(doc.data)
    issues = check_schema(doc, "dossier/nhom-1.schema.json")
    assert [(i.code, i.pointer) for i in issues] == [
        ("tax-code-check-digit", "/chu_the/ma_so_thue")
    ]
    assert issues[0].line is not None


def test_standard_formats_stay_annotations() -> None:
    # As with jsonschema's FormatChecker(formats=()): only our formats are asserted.
    fast = fast_validator_for({"format": "date"})
    assert fast.is_valid("2026-02-30") and fast.is_valid("không phải ngày")
    assert fast_validator_for({"format": "date-time"}).is_valid("hôm qua")
    assert not fast_validator_for({"format": "email"}).is_valid("x")  # "email" is ours
    assert not fast_validator_for({"format": "ma-so-thue"}).is_valid(4700123457)


def test_non_finite_numbers_are_left_to_jsonschema(tmp_path: Path) -> None:
    # jsonschema-rs passes {"maximum": 100} for an infinity; jsonschema does not.
    assert fast_validator_for({"maximum": 100}).is_valid(math.inf)
    (tmp_path / "ho-so.yaml").write_text("bo_san_pham: .inf\n", encoding="utf-8")
    doc = load_dossier(tmp_path)
    assert doc.finite is False
    issues = check_schema(doc, "dossier/nhom-1.schema.json")
    assert ("schema-type", "/bo_san_pham") in [(i.code, i.pointer) for i in issues]
    assert load_dossier(ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan").finite is True


def test_patterns_are_python_regular_expressions() -> None:
    # ECMA-262's \S matches U+001C; Python's re, and so jsonschema, call it white space.
    fast = fast_validator_for({"pattern": r"^\S+$"})
    assert not fast.is_valid("UBND\x1c")
    assert fast_validator_for({"pattern": r"^\d+$"}).is_valid("٣٤")


NESTED_ID_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "$defs": {"ten": {"type": "string"}},
    "properties": {
        "x": {
            "title": "Ô x",
            # A nested $id makes "#/…" inside refer to this subschema, not the file root.
            "$id": "https://ocop-docs.example/schemas/nested/x.json",
            "$defs": {"ten": {"type": "string", "maxLength": 3}},
            "$ref": "#/$defs/ten",
        }
    },
}


def test_schema_copy_with_a_nested_id_is_judged_as_jsonschema_judges(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    target = schemas / "dossier" / "nested.schema.json"
    target.write_text(json.dumps(NESTED_ID_SCHEMA), encoding="utf-8")
    folder = tmp_path / "ho-so"
    folder.mkdir()
    (folder / "ho-so.yaml").write_text("x: quá dài\n", encoding="utf-8")
    doc = load_dossier(folder)
    validator, _ = compiled("dossier/nested.schema.json", schemas)
    assert [e.validator for e in validator.iter_errors(doc.data)] == ["maxLength"]
    fast = fast_validator("dossier/nested.schema.json", schemas)
    assert fast is not None and not fast.is_valid(doc.data)
    issues = check_schema(doc, "dossier/nested.schema.json", schemas)
    assert [(i.code, i.pointer, i.line) for i in issues] == [("schema-length", "/x", 1)]
    assert fast.is_valid({"x": "ngắn"[:3]})


def suite_cases() -> list[Any]:
    params = []
    for path in sorted(SUITE.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            for test in case["tests"]:
                name = f"{path.stem}: {case['description']}: {test['description']}"
                params.append(pytest.param(case["schema"], test["data"], test["valid"], id=name))
    return params


@pytest.mark.parametrize(("schema", "data", "valid"), suite_cases())
def test_json_schema_test_suite(schema: Any, data: Any, valid: bool) -> None:
    fast = fast_validator_for(schema).is_valid(data)
    reference = jsonschema.Draft202012Validator(schema, format_checker=_format_checker())
    if isinstance(schema, dict) and schema.get("format") in FORMAT_PROBLEMS:
        # "email" is ours (rules/identifiers.py), asserted on every type: both engines alike.
        assert fast is reference.is_valid(data)
        return
    assert fast is valid
    assert reference.is_valid(data) is valid


def test_suite_covers_every_keyword_our_schemas_use() -> None:
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                used.add(key)
                if key in ("properties", "$defs"):
                    for sub in value.values():
                        walk(sub)
                elif key not in ("enum", "const", "required", "default", "x-enum-titles"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (ROOT / "schemas").glob("**/*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    annotations = {"$schema", "$id", "title", "description", "default", "examples"}
    keywords = {k for k in used - annotations if not k.startswith("x-")}
    covered = {p.stem for p in SUITE.glob("*.json")} | {"$ref", "$defs"}
    assert keywords <= covered, keywords - covered
