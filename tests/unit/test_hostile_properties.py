"""Property tests (issue 9): over any input, the loaders and parsers give issues or a value,
never an exception. Bounded: few examples, no deadline (the machine is shared)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_docs.errors import Issue
from ocop_docs.production.spreadsheets.workbooks import SheetRefused, csv_rows
from ocop_docs.rules.identifiers import FORMAT_PROBLEMS, normalise_tax_code, tax_code_problem
from ocop_docs.rules.units import check_address, fold, normalise_name
from ocop_docs.scoring.card_file import CardReadError, parse_card
from ocop_docs.text.documents import LoadedDocument, parse_text
from ocop_docs.validation.loading import load_dossier
from ocop_docs.validation.pipeline import validate_dossier

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)
ANY_TEXT = st.text(alphabet=ANY_CHAR, max_size=200)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    ANY_TEXT,
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(ANY_TEXT, inner, max_size=5)
    ),
    max_leaves=30,
)
_TOKENS = st.sampled_from(
    [
        *"{}[]:,-&*!|>'\"#%@`?~\n\t .0123456789e+",
        "!!float ",
        "!!int ",
        "!!bool ",
        "!!timestamp ",
        "!!str ",
        "!!set ",
        "!!binary ",
        "&a ",
        "*a ",
        "<<: ",
        "a: ",
        "- ",
        ".nan",
        ".inf",
        "2026-02-30",
        "0x1F",
        "1_000",
        "1:30:00",
        "\\ud800",
        "\\u001b",
        "\\x1b",
        "\\e",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
    ]
)
YAMLISH = st.lists(st.one_of(_TOKENS, ANY_CHAR), max_size=80).map("".join)


def _parse(text: str, as_json: bool) -> LoadedDocument:
    doc = LoadedDocument(path=Path("x.json" if as_json else "x.yaml"))
    parse_text(text, doc.path, doc, as_json=as_json)
    return doc


def _is_issue_list(items: list[Issue]) -> bool:
    return all(isinstance(i, Issue) and i.message("vi") and i.message("en") for i in items)


@BOUNDED
@given(text=YAMLISH, as_json=st.booleans())
def test_reader_never_raises_on_any_text(text: str, as_json: bool) -> None:
    doc = _parse(text, as_json)
    assert _is_issue_list(doc.issues) and _is_issue_list(doc.findings)
    if not doc.issues:
        json.dumps(doc.data, allow_nan=True)  # plain data, whatever it holds


@BOUNDED
@given(value=JSON_VALUES)
def test_reader_on_json_data_keeps_or_reports_every_value(value: Any) -> None:
    text = json.dumps(value)  # ASCII: surrogates travel as \\ud800 escapes
    doc = _parse(text, as_json=True)
    assert _is_issue_list(doc.issues) and _is_issue_list(doc.findings)
    if doc.issues:
        return
    codes = {i.code for i in doc.findings}
    shown = json.dumps(doc.data, ensure_ascii=False, allow_nan=True)
    shown.encode("utf-8")  # no lone surrogate survives the reader
    if "number-not-finite" not in codes:
        assert doc.finite


@BOUNDED
@given(raw=st.binary(max_size=400), name=st.sampled_from(["ho-so.yaml", "ho-so.json"]))
def test_dossier_loader_on_any_bytes(raw: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(raw)
        doc = load_dossier(folder)
    assert _is_issue_list(doc.issues) and _is_issue_list(doc.findings)
    assert doc.ok == (isinstance(doc.data, dict) and not doc.issues)


@FEW
@given(
    value=st.dictionaries(
        st.sampled_from(["bo_san_pham", "ngay_nop", "chu_the", "san_pham", "tai_lieu", "x"]),
        JSON_VALUES,
        max_size=6,
    )
)
def test_validate_never_fails_internally(value: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "ho-so.json").write_text(json.dumps(value), encoding="utf-8")
        report = validate_dossier(folder)
    assert not report.internal_error, [i.params for i in report.issues]
    if not value or set(value) == {"x"}:
        assert not report.valid


@BOUNDED
@given(text=YAMLISH, fmt=st.sampled_from(["yaml", "json"]))
def test_card_parser_raises_only_card_read_error(text: str, fmt: str) -> None:
    try:
        card = parse_card(text, fmt=fmt)
    except CardReadError as exc:
        assert exc.exit_code == 1 and exc.message("en")
    else:
        assert card is not None


@BOUNDED
@given(text=st.text(alphabet=st.one_of(st.sampled_from(list(',;"\n\r ')), ANY_CHAR), max_size=400))
def test_csv_rows_on_any_text(text: str) -> None:
    try:
        rows = csv_rows(Path("dot.csv"), text)
    except SheetRefused as exc:
        assert exc.issue.message("vi")
    else:
        assert all(isinstance(number, int) and isinstance(cells, list) for number, cells in rows)


@BOUNDED
@given(xa=ANY_TEXT, tinh=ANY_TEXT, huyen=st.one_of(st.none(), ANY_TEXT))
def test_address_parser_on_any_text(xa: str, tinh: str, huyen: str | None) -> None:
    result = check_address(xa, tinh, huyen)
    assert result is not None
    assert isinstance(normalise_name(xa), str) and isinstance(fold(tinh), str)


@BOUNDED
@given(
    value=st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.text(alphabet="0123456789-. ")),
    name=st.sampled_from(sorted(FORMAT_PROBLEMS)),
)
def test_identifier_parsers_on_any_value(value: Any, name: str) -> None:
    problem = FORMAT_PROBLEMS[name](value)
    if problem is not None:
        code, params = problem
        assert isinstance(code, str) and isinstance(params, dict)


@BOUNDED
@given(value=st.one_of(st.text(alphabet=st.characters(categories=["Nd"]), max_size=16), ANY_TEXT))
def test_tax_code_on_any_digits(value: str) -> None:
    # Unicode digits (Arabic-Indic, fullwidth…) match \\d: never an exception.
    tax_code_problem(value)
    assert isinstance(normalise_tax_code(value), str)
