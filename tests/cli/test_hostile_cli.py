"""Hostile and broken inputs through every verb: no traceback, no internal error (issue 9).

Each case is a command line and the exit codes it may give: 1 (the input has problems),
2 (usage), or 3 only where the tool truly cannot run: a broken template is documented as
exit 3 (architecture §3), and the message must still name it (never "internal error").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import HO_SO

ROOT = Path(__file__).resolve().parents[2]
ROUND = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
DOSSIER = str(ROOT / "samples" / "ho-so" / "ga-doi-tran-phu")
INTERNAL = ("Traceback", "Lỗi nội bộ", "Internal error")


@dataclass(frozen=True)
class Case:
    name: str
    args: Callable[[Path], list[str]]
    codes: frozenset[int]


def _file(tmp: Path, name: str, content: bytes | str) -> str:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def _dossier(tmp: Path, content: bytes | str) -> str:
    _file(tmp, "hs/ho-so.yaml", content)
    return str(tmp / "hs")


def _templates(tmp: Path, text: str) -> str:
    folder = tmp / "mau"
    folder.mkdir(exist_ok=True)
    doc = Document()
    doc.add_paragraph(text)
    doc.save(str(folder / "phieu-dang-ky.docx"))
    return str(folder)


def _c(name: str, codes: set[int], args: Callable[[Path], list[str]]) -> Case:
    return Case(name, args, frozenset(codes))


NUMBERS = ["nan", "inf", "-inf", "1e400", "-1", "0", "abc", "9" * 400]
CASES: list[Any] = [
    # --- numeric options (usage errors, exit 2) ---
    *(
        _c(
            f"render-timeout-{v}",
            {2},
            lambda t, v=v: [  # type: ignore[misc]
                "render",
                "phieu-dang-ky",
                DOSSIER,
                "-o",
                str(t / "a.docx"),
                "--timeout",
                v,
            ],
        )
        for v in NUMBERS
    ),
    *(
        _c(
            f"batch-timeout-{v}",
            {2},
            lambda t, v=v: [  # type: ignore[misc]
                "batch",
                ROUND,
                "-o",
                str(t / "o"),
                "--timeout",
                v,
            ],
        )
        for v in NUMBERS
    ),
    *(
        _c(
            f"batch-jobs-{v}",
            {2},
            lambda t, v=v: [  # type: ignore[misc]
                "batch",
                ROUND,
                "-o",
                str(t / "o"),
                "--jobs",
                v,
            ],
        )
        for v in [*NUMBERS, "2.5", "1e3"]
    ),
    *(
        _c(
            f"validate-max-size-{v}",
            {2},
            lambda t, v=v: [  # type: ignore[misc]
                "validate",
                DOSSIER,
                "--max-size",
                v,
            ],
        )
        for v in NUMBERS
    ),
    *(
        _c(f"rubric-show-{v}", {2}, lambda t, v=v: ["rubric", "show", v])  # type: ignore[misc]
        for v in [*NUMBERS, "27"]
    ),
    _c("new-set-nan", {2}, lambda t: ["new", "--set", "nan", str(t / "n")]),
    _c("unknown-verb", {2}, lambda t: ["hack"]),
    _c("bad-format", {2}, lambda t: ["validate", DOSSIER, "--format", "xml"]),
    _c("bad-lang", {2}, lambda t: ["validate", DOSSIER, "--lang", "fr"]),
    # --- inputs that are not what they claim ---
    _c("validate-missing", {1, 2}, lambda t: ["validate", str(t / "none")]),
    _c("validate-empty-dossier", {1}, lambda t: ["validate", _dossier(t, "")]),
    _c("validate-null", {1}, lambda t: ["validate", _dossier(t, "null\n")]),
    _c("validate-tilde", {1}, lambda t: ["validate", _dossier(t, "~\n")]),
    _c("validate-list", {1}, lambda t: ["validate", _dossier(t, "- 1\n- 2\n")]),
    _c("validate-binary", {1}, lambda t: ["validate", _dossier(t, b"\x00\xff\xfe" * 100)]),
    _c("validate-deep-yaml", {1}, lambda t: ["validate", _dossier(t, "[" * 20_000)]),
    _c("validate-tab-yaml", {1}, lambda t: ["validate", _dossier(t, "a:\n\tb: 1\n")]),
    _c(
        "render-binary-round",
        {1},
        lambda t: ["render", "bien-ban", _file(t, "r.yaml", b"\x00\x01"), "-o", str(t / "a.docx")],
    ),
    _c(
        "render-null-round",
        {1},
        lambda t: ["render", "bien-ban", _file(t, "r.yaml", "null"), "-o", str(t / "a.docx")],
    ),
    _c(
        "render-empty-json",
        {1},
        lambda t: ["render", "bien-ban", _file(t, "r.json", ""), "-o", str(t / "a.docx")],
    ),
    _c(
        "render-product-huge",
        {1, 2},
        lambda t: [
            "render",
            "giay-chung-nhan",
            ROUND,
            "--product",
            "9" * 50,
            "-o",
            str(t / "a.docx"),
        ],
    ),
    _c("render-set-99", {1, 2}, lambda t: ["render", "phieu-danh-gia", "99", "-o", str(t / "a")]),
    _c("batch-empty-folder", {1}, lambda t: ["batch", str(t), "-o", str(t / "o")]),
    _c(
        "batch-binary-xlsx",
        {1},
        lambda t: ["batch", _file(t, "r.xlsx", b"PK\x03\x04garbage"), "-o", str(t / "o")],
    ),
    _c(
        "batch-csv-garbage",
        {1},
        lambda t: ["batch", _file(t, "r.csv", "\x00,\x00\n" * 3), "-o", str(t / "o")],
    ),
    _c(
        "templates-check-not-docx",
        {1},
        lambda t: [
            "templates",
            "check",
            str(Path(_file(t, "mau/phieu-dang-ky.docx", b"not a zip")).parent),
        ],
    ),
    # --- templates that would run forever or read outside (documented exit 3) ---
    *(
        _c(
            f"render-runaway-{n}",
            {3},
            lambda t, s=s: [  # type: ignore[misc]
                "render",
                "phieu-dang-ky",
                DOSSIER,
                "-o",
                str(t / "a.docx"),
                "--templates-dir",
                _templates(t, s),
            ],
        )
        for n, s in [
            (
                "loops",
                "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            ),
            ("power", "{{ 9 ** 999999 }}"),
            ("repeat", "{{ 'x' * 10**10 }}"),
            ("type", "{{ 1 + 'a' }}"),
            ("syntax", "{% for %}"),
        ]
    ),
    _c(
        "templates-check-runaway",
        {1},
        lambda t: ["templates", "check", _templates(t, "{% for i in range(10**9) %}{% endfor %}")],
    ),
    # --- outputs that cannot be written ---
    _c(
        "render-output-folder", {1, 2}, lambda t: ["render", "phieu-dang-ky", DOSSIER, "-o", str(t)]
    ),
    _c(
        "render-output-under-a-file",
        {1},
        lambda t: ["render", "phieu-dang-ky", DOSSIER, "-o", _file(t, "f", "x") + "/a.docx"],
    ),
    _c(
        "batch-output-under-a-file",
        {1, 2},
        lambda t: ["batch", ROUND, "-o", _file(t, "f", "x") + "/o"],
    ),
    _c("new-into-a-file", {1, 2}, lambda t: ["new", "--set", "3", _file(t, "f", "x")]),
]


def _id(case: object) -> str:
    return case.name if isinstance(case, Case) else "?"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_hostile_case(tmp_path: Path, case: Case) -> None:
    args = case.args(tmp_path)
    for lang in ("vi", "en"):
        own_lang = args[0] == "hack" or "--lang" in args
        result = CliRunner().invoke(cli, args if own_lang else [*args, "--lang", lang])
        text = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert not any(marker in text for marker in INTERNAL), text
        assert result.exit_code in case.codes, (result.exit_code, text)
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        ), repr(result.exception)


# --- streams that go away -----------------------------------------------------------------------

VERBS = [
    ["validate", DOSSIER],
    ["validate", DOSSIER, "--format", "json"],
    ["validate", "/nonexistent/ho-so"],
    ["sectors"],
    ["rubric", "show", "1"],
    ["templates", "check"],
    ["--help"],
    ["render", "phieu-dang-ky", DOSSIER, "-o", "{tmp}/a.docx"],
    ["batch", ROUND, "-o", "{tmp}/o", "--overwrite", "--jobs", "1"],
]


def _argv(args: list[str], tmp: Path) -> list[str]:
    return [sys.executable, "-m", "ocop_docs", *(a.replace("{tmp}", str(tmp)) for a in args)]


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
@pytest.mark.parametrize("args", VERBS, ids=[" ".join(v[:2]) for v in VERBS])
def test_a_closed_stdout_or_a_pipe_closed_early_ends_quietly(
    tmp_path: Path, args: list[str]
) -> None:
    # stdout closed before the start (``>&-``)
    closed = subprocess.run(
        _argv(args, tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert b"Traceback" not in closed.stderr and b"Exception ignored" not in closed.stderr
    # a reader that went away before anything was written (``| head -0``)
    read, write = os.pipe()
    os.close(read)
    try:
        gone = subprocess.run(_argv(args, tmp_path), stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert b"Traceback" not in gone.stderr and b"Exception ignored" not in gone.stderr
    assert gone.returncode != 3


def test_head_1_on_a_long_output(tmp_path: Path) -> None:
    if shutil.which("head") is None:
        pytest.skip("no head")
    command = " ".join(_argv(["rubric", "show", "1", "--format", "json"], tmp_path))
    done = subprocess.run(
        f"{command} | head -1", shell=True, capture_output=True, executable="/bin/bash"
    )
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_jobs_10000_runs_a_sane_number_and_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["batch", ROUND, "-o", str(tmp_path / "o"), "-j", "10000", "--allow", str(HO_SO)]
    )
    assert result.exit_code == 0, result.output
    assert "Yêu cầu 10000 tiến trình song song" in result.stderr and "chạy với" in result.stderr
