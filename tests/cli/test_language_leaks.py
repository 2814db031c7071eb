"""No language leaks: every verb, in both languages, on good and bad inputs.

A Vietnamese run shows no English and an English run no Vietnamese (architecture §5.3),
apart from the user's own data (names, addresses, rubric texts, legal citations) and the
bilingual help texts of the options. A leak is recognised by phrases that belong to one
language only: the literal parts of the catalogue's texts in the other language (three
words or more, found in no text of the run's language), Click's English messages, and the
English of the parsers and of Python.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ocop_docs.catalogue import ISSUES, LANGS, UI, Lang, render_message
from ocop_docs.cli.main import cli
from ocop_docs.rules.identifiers import id_number_problem
from ocop_docs.scoring.rubric_files import load_rubric
from tests.conftest import HO_SO

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"

# English that no catalogue text holds but a leak would show: Click and library messages.
ENGLISH_ALWAYS = (
    "Error:",
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message and exit",
    "Try '",
    "Missing argument",
    "No such option",
    "is not one of",
    "does not exist",
    "[default:",
    "mapping values are not allowed",
    "Expecting value",
    "while parsing",
    "Traceback",
    "must not be empty",
)


VIETNAMESE_ALWAYS = ("Nhóm ", "dòng ", "Lỗi", "Cách sửa", "hồ sơ")

_TEXTS: dict[Lang, list[str]] = {lang: [] for lang in LANGS}
for _spec in ISSUES.values():
    for _lang in LANGS:
        _TEXTS[_lang] += [_spec.message_template(_lang), _spec.hint_template(_lang)]
for _key in UI:
    for _lang in LANGS:
        _TEXTS[_lang].append(UI[_key][_lang])


def _fragments(lang: Lang, texts: list[str] | None = None) -> set[str]:
    """Literal runs of three words or more in ``lang``'s texts that the other language's
    texts never contain: they mark a text of ``lang``."""
    other = "\n".join(_TEXTS["en" if lang == "vi" else "vi"])
    found: set[str] = set()
    for text in _TEXTS[lang] if texts is None else texts:
        for part in re.split(r"\{[^{}]*\}|[«»'\"():;,.?!]|\s[-–—→]\s", text):
            words = part.split()
            if len(words) >= 3:
                fragment = " ".join(words)
                if fragment not in other and not re.search(r"ocop-docs|QĐ|Điều|/", fragment):
                    found.add(fragment)
    return found


# The user's own data (producer names such as "Hợp tác xã Tài Hoan") is no leak.
SAMPLE_DATA = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "samples").rglob("*.yaml"))
MARKERS: dict[Lang, tuple[str, ...]] = {
    "vi": (*sorted(_fragments("en")), *ENGLISH_ALWAYS),  # English in a Vietnamese run
    "en": (  # Vietnamese in an English run
        *sorted(f for f in _fragments("vi") if f not in SAMPLE_DATA),
        *VIETNAMESE_ALWAYS,
    ),
}


# Outputs that show official Vietnamese data in an English run (the rubric's own text, the
# listing's JSON which carries both languages): only the verb's interface strings are checked.
DATA_VERBS: dict[str, str] = {"rubric-show": "rubric.", "sectors-json": "sectors."}


def _interface_markers(prefix: str) -> tuple[str, ...]:
    texts = [UI[key]["vi"] for key in UI if key.startswith(prefix)]
    return tuple(sorted(_fragments("vi", texts)))


def leaks(output: str, lang: Lang, case: str = "") -> list[str]:
    markers = MARKERS[lang]
    if lang == "en" and case in DATA_VERBS:
        markers = _interface_markers(DATA_VERBS[case])
    return [marker for marker in markers if marker in output]


def _card(tmp: Path, data: Any, name: str) -> str:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def _dossier(tmp: Path, edit: Callable[[str], str], name: str) -> str:
    target = tmp / name
    shutil.copytree(SAMPLE, target)
    text = (target / "ho-so.yaml").read_text(encoding="utf-8")
    (target / "ho-so.yaml").write_text(edit(text), encoding="utf-8")
    return str(target)


def _cases(tmp: Path) -> list[tuple[str, list[str], int]]:
    best = {c.so: len(c.lua_chon) for c in load_rubric(1).criteria()}
    good_card = _card(tmp, {"bo_san_pham": 1, "chon": best}, "tot.yaml")
    low_card = _card(tmp, {"bo_san_pham": 1, "chon": {"1.1": 1}}, "thap.yaml")
    no_set = _card(tmp, {"chon": best}, "khong-bo.yaml")
    broken_card = tmp / "hong.yaml"
    broken_card.write_text("bo_san_pham: 1\nchon:\n  1.1: 3\n   1.2: [\n", encoding="utf-8")
    broken = _dossier(tmp, lambda t: t + "\n  sai: : [\n", "hong")
    empty_name = _dossier(tmp, lambda t: re.sub(r"(?m)^(  ten: ).*$", r'\1""', t, count=1), "rong")
    out = tmp / "out"
    return [
        ("validate", ["validate", str(SAMPLE)], 0),
        ("validate-json", ["validate", str(SAMPLE), "--format", "json"], 0),
        ("validate-missing", ["validate", str(tmp / "khong-co")], 1),
        ("validate-yaml", ["validate", broken], 1),
        ("validate-empty", ["validate", empty_name], 1),
        ("validate-size", ["validate", str(SAMPLE), "--max-size", "nhiều"], 2),
        ("validate-noarg", ["validate"], 2),
        ("validate-option", ["validate", str(SAMPLE), "--bogus"], 2),
        ("validate-format", ["validate", str(SAMPLE), "--format", "xml"], 2),
        ("sectors", ["sectors"], 0),
        ("sectors-json", ["sectors", "--format", "json"], 0),
        ("rubric-list", ["rubric", "list"], 0),
        ("rubric-show", ["rubric", "show", "7"], 0),
        ("rubric-show-range", ["rubric", "show", "99"], 2),
        ("rubric-score", ["rubric", "score", good_card], 0),
        # Issue 11: criteria left out are unticked (warnings), so the low card scores, exit 0.
        ("rubric-score-low", ["rubric", "score", low_card], 0),
        ("rubric-score-noset", ["rubric", "score", no_set], 1),
        ("rubric-score-broken", ["rubric", "score", str(broken_card)], 1),
        ("rubric-score-broken-json", ["rubric", "score", str(broken_card), "--format", "json"], 1),
        ("templates", ["templates", "check"], 0),
        ("templates-missing", ["templates", "check", str(tmp / "khong-co")], 2),
        ("render", ["render", "phieu-dang-ky", str(SAMPLE), "-o", str(tmp / "p.docx")], 0),
        (
            "render-product",
            [
                "render",
                "giay-chung-nhan",
                str(ROUND),
                "--allow",
                str(HO_SO),
                "-o",
                str(tmp / "g.docx"),
            ],
            1,
        ),
        (
            "render-not-recognised",
            [
                "render",
                "giay-chung-nhan",
                str(ROUND),
                "--allow",
                str(HO_SO),
                "--product",
                "6",
                "-o",
                str(tmp / "g.docx"),
            ],
            1,
        ),
        ("render-input", ["render", "phieu-dang-ky", str(tmp / "khong-co"), "-o", "x.docx"], 2),
        ("batch", ["batch", str(ROUND), "--allow", str(HO_SO), "-o", str(out)], 0),
        ("batch-again", ["batch", str(ROUND), "--allow", str(HO_SO), "-o", str(out)], 1),
        (
            "batch-kinds",
            ["batch", str(ROUND), "--allow", str(HO_SO), "-o", str(out), "--kinds", "giay-khen"],
            2,
        ),
        ("new", ["new", "--set", "7", str(tmp / "moi")], 0),
        ("new-range", ["new", "--set", "30", str(tmp / "moi2")], 2),
        ("unknown-verb", ["kiem-tra"], 2),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_verb_speaks_one_language(tmp_path: Path, lang: Lang) -> None:
    found: dict[str, list[str]] = {}
    work = tmp_path / lang
    work.mkdir()
    for name, args, exit_code in _cases(work):
        result = CliRunner().invoke(cli, [*args, "--lang", lang])
        assert result.exit_code == exit_code, (name, result.output)
        assert "Traceback" not in result.output, (name, result.output)
        bad = leaks(result.output, lang, name)
        if bad:
            found[name] = bad
    assert not found, found


def test_usage_errors_are_vietnamese_by_default() -> None:
    result = CliRunner().invoke(cli, ["validate"], prog_name="ocop-docs")
    assert result.exit_code == 2
    assert result.stderr.endswith("Lỗi: Thiếu tham số 'PATHS...'.\n")
    assert "Cách dùng: ocop-docs validate" in result.stderr
    assert "Xem hướng dẫn: 'ocop-docs validate --help'." in result.stderr
    english = CliRunner().invoke(cli, ["validate", "--lang", "en"])
    assert english.stderr.endswith("Error: Missing argument 'PATHS...'.\n")


def test_help_headings_follow_the_language() -> None:
    vi = CliRunner().invoke(cli, ["validate", "--help"])
    assert vi.exit_code == 0
    assert "Tùy chọn:" in vi.output and "[mặc định: text]" in vi.output
    assert "Hiện hướng dẫn này rồi thoát." in vi.output
    assert not leaks(vi.output, "vi"), leaks(vi.output, "vi")
    en = CliRunner().invoke(cli, ["validate", "--help", "--lang", "en"])
    assert "Options:" in en.output and "Show this message and exit." in en.output
    root = CliRunner().invoke(cli, ["--help"], prog_name="ocop-docs")
    assert "Lệnh:" in root.output and "Cách dùng: ocop-docs" in root.output


def test_english_id_number_reasons() -> None:
    for value in ("123", "999123456789", "001923456789"):
        problem = id_number_problem(value)
        assert problem is not None
        code, params = problem
        message = render_message(code, params, "en")
        assert not leaks(message, "en") and not re.search(r"[ăâđêôơưạ-ỹ]", message), message


def test_leak_markers_catch_the_known_leaks() -> None:
    """The detector itself: the leaks issue 8 found would be caught."""
    assert leaks("Nhóm I: Food products", "en")
    assert leaks("Total: 1 dossiers", "vi") or leaks("Tổng cộng: 1 hồ sơ", "en")
    assert leaks("Lỗi: Show this message and exit.", "vi")
    assert leaks("«ten» có độ dài không hợp lệ (không được để trống / must not be empty).", "vi")
