"""The fast validator must agree with jsonschema: valid iff jsonschema finds no error."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_docs.validation.checks.fastschema import compile_fast
from ocop_docs.validation.checks.schema import _FORMAT_CHECKER, compiled, fast_check
from ocop_docs.validation.loading import load_dossier

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = [f"dossier/nhom-{i}.schema.json" for i in range(1, 7)] + ["dossier/ho-so.schema.json"]


def corpus() -> list[Any]:
    items = []
    for folder in sorted((ROOT / "samples" / "ho-so").iterdir()):
        items.append(load_dossier(folder).data)
    for folder in sorted((ROOT / "tests" / "acceptance" / "examples").iterdir()):
        doc = load_dossier(folder)
        if doc.data is not None:
            items.append(doc.data)
    return items


SPECIMENS: list[Any] = [None, True, False, 0, -1, 5, 5.0, 5.5, "", " ", "x", "2026-09-15",
                        "31/02/2026", "0912 000 101", "4799990010", [], [1], {}, {"a": 1}]


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
    else:
        target[path[-1]] = rng.choice(SPECIMENS)
    return data


@pytest.mark.parametrize("name", SCHEMAS)
def test_fast_validator_compiles_for_shipped_schemas(name: str) -> None:
    assert fast_check(name) is not None


@pytest.mark.parametrize("name", SCHEMAS)
def test_agrees_with_jsonschema_on_corpus_and_mutants(name: str) -> None:
    validator, _ = compiled(name)
    fast = fast_check(name)
    assert fast is not None
    rng = random.Random(20261128)
    cases = corpus()
    cases += [mutate(rng.choice(cases), rng) for _ in range(800)]
    for data in cases:
        expected = next(iter(validator.iter_errors(data)), None) is None
        assert fast(data) is expected, yaml.safe_dump(data, allow_unicode=True)[:500]


def test_unknown_keywords_are_refused() -> None:
    validator, _ = compiled("dossier/nhom-1.schema.json")
    assert compile_fast({"not": {"type": "string"}}, validator._resolver, _FORMAT_CHECKER) is None
    assert compile_fast({"oneOf": []}, validator._resolver, _FORMAT_CHECKER) is None
