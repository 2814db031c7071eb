"""The message catalogue as data: complete, bilingual, consistent, used, never duplicated."""

from __future__ import annotations

import ast
import json
import re
import runpy
import string
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_docs.catalogue import (
    DOSSIER_CODES,
    ISSUES,
    LANGS,
    UI,
    CatalogueDataError,
    render_hint,
    render_message,
    stage_codes,
    ui,
)
from ocop_docs.catalogue.loader import ISSUES_DIR, UI_DIR, IssueTable, UITable
from ocop_docs.catalogue.parsers import parser_problem

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "ocop_docs"
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")

# Codes catalogued on purpose although no source line names them: none today. A code kept
# for a released meaning that the tool no longer emits would be listed here, with why.
UNUSED_ON_PURPOSE: dict[str, str] = {}


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; the catalogue must not."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise AssertionError(f"line {key_node.start_mark.line + 1}: {key!r} given twice")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _data_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _english_fields(template: str) -> set[str]:
    # An English text may name `x_en`, the English form of parameter `x` (see _English).
    return {name.removesuffix("_en") for name in _fields(template)}


def _literals(path: Path) -> Iterator[ast.Constant]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


def _source_strings() -> set[str]:
    return {node.value for path in SOURCE.rglob("*.py") for node in _literals(path)}


def test_data_files_have_no_duplicate_keys_and_load() -> None:
    codes: dict[str, str] = {}
    for path in _data_files(ISSUES_DIR):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        for code in data:
            assert code not in codes, f"{code} in {path.name} and {codes[code]}"
            codes[code] = path.name
    assert set(codes) == set(ISSUES)
    keys: dict[str, str] = {}
    for path in _data_files(UI_DIR):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        for key in data:
            assert key not in keys, f"{key} in {path.name} and {keys[key]}"
            keys[key] = path.name
            namespace = key.split(".", 1)[0] if "." in key else "common"
            assert path.stem == namespace, f"{key} belongs in ui/{namespace}.yaml"
    assert set(keys) == set(UI)


@pytest.mark.parametrize("code", sorted(ISSUES))
def test_every_code_has_both_languages_hints_and_matching_placeholders(code: str) -> None:
    spec = ISSUES[code]
    assert KEBAB.match(code), code
    assert spec.severity in ("error", "warning")
    assert spec.tags and all(re.fullmatch(r"[a-z0-9-]+", t) for t in spec.tags)
    for text in (spec.vi, spec.en, spec.hint_vi, spec.hint_en):
        assert text.strip(), code
        assert unicodedata.is_normalized("NFC", text), code
    assert spec.vi != spec.en, code
    assert _english_fields(spec.en) == _fields(spec.vi), code
    assert _english_fields(spec.hint_en) == _fields(spec.hint_vi), code
    for lang in LANGS:  # every template fills without crashing, even with no parameters
        assert render_message(code, {}, lang)
        assert render_hint(code, {}, lang)


@pytest.mark.parametrize("key", sorted(UI))
def test_every_ui_string_has_both_languages_and_matching_placeholders(key: str) -> None:
    texts = UI[key]
    assert set(texts) == set(LANGS)
    for lang in LANGS:
        assert texts[lang], key
        assert unicodedata.is_normalized("NFC", texts[lang]), key
    if key.startswith("click."):
        # Click fills some fields with English it made earlier (a type's name): a
        # Vietnamese text may leave those out (catalogue/ui/click.yaml).
        assert _fields(texts["vi"]) <= _fields(texts["en"]), key
    else:
        assert _english_fields(texts["en"]) == _fields(texts["vi"]), key


def test_no_code_is_unused_in_the_source() -> None:
    strings = _source_strings()
    unused = sorted(set(ISSUES) - strings - set(UNUSED_ON_PURPOSE))
    assert not unused, f"catalogued but never used in ocop_docs/: {unused}"
    assert not set(UNUSED_ON_PURPOSE) - set(ISSUES), "an exception names no code"


def _code_arguments() -> Iterator[tuple[Path, int, str]]:
    """String constants passed as an issue code: first argument of an issue or error
    constructor (``Issue``, ``doc.issue``, ``Problem``, ``…Error``) or ``code=``."""
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            candidates = [k.value for k in node.keywords if k.arg == "code"]
            if node.args and (
                name.lower() in ("issue", "problem", "report", "make", "_issue")
                or name.endswith(("Error", "Missing"))
            ):
                candidates.append(node.args[0])
            for arg in candidates:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and KEBAB.match(arg.value)
                ):
                    yield path, node.lineno, arg.value


def test_every_code_the_source_emits_is_catalogued() -> None:
    unknown = [
        f"{path.relative_to(ROOT)}:{line}: {code}"
        for path, line, code in _code_arguments()
        if code not in ISSUES
    ]
    assert not unknown, unknown


def test_stages_and_dossier_codes() -> None:
    assert ISSUES.stages()[0] == "dossier"
    assert {"dossier", "rounds", "scoring", "batch"} <= set(ISSUES.stages())
    assert set(DOSSIER_CODES) == stage_codes("dossier")
    assert "dossier-not-found" in DOSSIER_CODES and "scorecard-not-mapping" not in DOSSIER_CODES
    assert not DOSSIER_CODES & stage_codes("scoring")
    assert sum(len(stage_codes(s)) for s in ISSUES.stages()) == len(ISSUES)
    assert ISSUES["dossier-not-found"].stage == "dossier"


def test_rendering_fills_parameters_and_prefers_english_forms() -> None:
    params = {"path": "ho-so", "reason": "hỏng", "reason_en": "broken"}
    assert render_message("file-unreadable", params, "vi") == "Không đọc được tệp «ho-so»: hỏng."
    assert render_message("file-unreadable", params, "en") == "Cannot read 'ho-so': broken."
    assert render_message("file-unreadable", {}, "en") == "Cannot read '…': …."
    assert ui("render.line", "en", line=3) == "line 3"
    assert ui("dossier", "vi") == "Hồ sơ"


def test_lookup_reads_only_the_files_it_needs(tmp_path: Path) -> None:
    issues, texts = tmp_path / "issues", tmp_path / "ui"
    issues.mkdir()
    texts.mkdir()
    entry = "severity: error\n  tags: [x]\n  message: {vi: a, en: b}\n  hint: {vi: c, en: d}\n"
    (issues / "dossier.yaml").write_text(f"one-code:\n  {entry}", encoding="utf-8")
    (issues / "extra.yaml").write_text(f"two-code:\n  {entry}", encoding="utf-8")
    (texts / "verb.yaml").write_text("verb.title: {vi: Tựa, en: Title}\n", encoding="utf-8")
    (texts / "broken.yaml").write_text("- not a mapping\n", encoding="utf-8")
    table = IssueTable(issues)
    assert table["one-code"].en == "b"
    assert table.stages() == ("dossier", "extra")
    assert table["two-code"].stage == "extra"
    assert UITable(texts)["verb.title"]["en"] == "Title"  # broken.yaml was never read
    with pytest.raises(CatalogueDataError, match=r"broken\.yaml"):
        list(UITable(texts))


def test_a_code_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    entry = "  severity: warning\n  tags: [x]\n  message: {vi: a, en: b}\n  hint: {vi: c, en: d}\n"
    (tmp_path / "dossier.yaml").write_text(f"same-code:\n{entry}", encoding="utf-8")
    (tmp_path / "other.yaml").write_text(f"same-code:\n{entry}", encoding="utf-8")
    with pytest.raises(CatalogueDataError, match=r"already defined in dossier\.yaml"):
        len(IssueTable(tmp_path))


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "severity: fatal\n  tags: []\n  message: {vi: a, en: b}\n  hint: {vi: c, en: d}",
            "severity",
        ),
        (
            "severity: error\n  tags: []\n  message: {vi: a}\n  hint: {vi: c, en: d}",
            "'vi' and 'en'",
        ),
        (
            "severity: error\n  tags: []\n  message: {vi: a, en: b}\n  hint: {vi: c, en: d}\n  x: 1",
            "unknown",
        ),
    ],
)
def test_malformed_entries_name_the_file_and_code(tmp_path: Path, body: str, problem: str) -> None:
    (tmp_path / "dossier.yaml").write_text(f"bad-code:\n  {body}\n", encoding="utf-8")
    with pytest.raises(CatalogueDataError, match=f"dossier.yaml: bad-code: .*{re.escape(problem)}"):
        IssueTable(tmp_path)["bad-code"]


def test_the_conversion_script_has_nothing_left_to_convert() -> None:
    """scripts/catalogue_to_data.py turns Python spec modules into the data files; no
    Python spec module remains in the package."""
    leftovers = [
        p.name
        for p in (SOURCE / "catalogue").glob("*.py")
        if "_spec(" in p.read_text(encoding="utf-8")
    ]
    assert not leftovers, f"run scripts/catalogue_to_data.py on {leftovers}"


def test_the_conversion_script_reads_a_python_spec_module(tmp_path: Path) -> None:
    module = tmp_path / "service.py"
    module.write_text(
        "from ocop_docs.catalogue.spec import _spec\n"
        "SPECS = (\n"
        "    # --- jobs ---\n"
        '    _spec("job-lost", "error", "service jobs", "Mất {job}: «a».", "Lost {job}: \'a\'.",\n'
        '          "Chạy lại.", "Run again."),\n'
        ")\n"
        'UI = {"service.title": {"vi": "Tựa", "en": "Title"}}\n',
        encoding="utf-8",
    )
    script = runpy.run_path(str(ROOT / "scripts" / "catalogue_to_data.py"))
    issues, texts = script["read_module"](module)
    assert [e.comment for e in issues] == ["# --- jobs ---"]
    assert yaml.safe_load(script["issue_yaml"](issues[0])) == {
        "job-lost": {
            "severity": "error",
            "tags": ["service", "jobs"],
            "message": {"vi": "Mất {job}: «a».", "en": "Lost {job}: 'a'."},
            "hint": {"vi": "Chạy lại.", "en": "Run again."},
        }
    }
    assert yaml.safe_load(script["ui_yaml"](texts[0])) == {
        "service.title": {"vi": "Tựa", "en": "Title"}
    }


BROKEN_YAML = [
    "a: b: c",
    "a:\n  b: 1\n c: 2",
    "a: [1, 2",
    "a: {b: 1",
    "a: 'x",
    "\ta: 1",
    "a: *x",
    "- a\nb: 1",
    "a: 1\n- b",
    'a: "\\q"',
    "key: @x",
]
BROKEN_JSON = ['{"a": 1,}', '{"a" 1}', "{a: 1}", "[1 2]", "", '{"a": "x', '{"a": 1} x']


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_problems_are_worded_in_both_languages(loader: str, text: str) -> None:
    if not hasattr(yaml, loader):
        pytest.skip("libyaml is not installed")
    with pytest.raises(yaml.MarkedYAMLError) as info:
        yaml.compose(text, Loader=getattr(yaml, loader))
    texts = parser_problem(str(info.value.problem), info.value.context)
    assert texts["vi"] != ui("parser.unknown", "vi"), info.value.problem  # a known phrase
    assert not re.search(r"\b(found|expected|while|allowed|mapping)\b", texts["vi"]), texts


@pytest.mark.parametrize("text", BROKEN_JSON)
def test_json_problems_are_worded_in_both_languages(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    texts = parser_problem(info.value.msg)
    assert texts["vi"] != ui("parser.unknown", "vi"), info.value.msg
    assert "Expecting" not in texts["en"]


def test_an_unknown_parser_phrase_keeps_its_english_in_english_only() -> None:
    assert parser_problem("something new") == {
        "vi": ui("parser.unknown", "vi"),
        "en": "something new",
    }
