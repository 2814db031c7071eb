"""Today's units read from vietnam-provinces' data file and its cached index (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocop_docs.rules import unit_data

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OCOP_DOCS_CACHE_DIR", str(folder))
    unit_data.reset()
    yield folder
    unit_data.reset()


def _everything() -> dict[int, tuple[str, tuple[tuple[str, int], ...]]]:
    names = unit_data.province_names()
    return {code: (name, unit_data.communes_of(code)) for code, name in names.items()}


def test_the_table_is_the_package_s_own(cache: Path) -> None:
    # The data file holds the rows of the package's Python tables, in the same order.
    assert _everything() == unit_data._imported()
    assert list(_everything()) == list(unit_data._imported())  # provinces in package order
    assert len(unit_data.province_names()) == 34
    assert sum(len(unit_data.communes_of(c)) for c in unit_data.province_names()) == 3321


def test_the_index_is_written_once_and_read_back_alike(cache: Path) -> None:
    first = _everything()
    (index,) = cache.glob("vietnam-provinces-*.jsonl")
    assert index.stat().st_mode & 0o777 == 0o644
    assert not list(cache.glob(".*.tmp"))  # written through a renamed temporary file
    unit_data.reset()
    before = index.stat().st_mtime_ns
    assert _everything() == first  # from the index now
    assert index.stat().st_mtime_ns == before  # not rewritten


@pytest.mark.parametrize(
    "damage",
    [b"", b"not json\n", b'{"key": {}, "provinces": []}\n', b'{"key": 1}\n'],
    ids=["empty", "garbage", "stale-key", "wrong-shape"],
)
def test_a_damaged_or_stale_index_is_rebuilt(cache: Path, damage: bytes) -> None:
    expected = _everything()
    (index,) = cache.glob("vietnam-provinces-*.jsonl")
    index.write_bytes(damage)
    unit_data.reset()
    assert _everything() == expected
    unit_data.reset()
    assert _everything() == expected  # and the rebuilt index reads back


def test_a_truncated_index_is_rebuilt(cache: Path) -> None:
    expected = _everything()
    (index,) = cache.glob("vietnam-provinces-*.jsonl")
    index.write_bytes(b"\n".join(index.read_bytes().split(b"\n")[:5]))
    unit_data.reset()
    assert _everything() == expected


def test_an_unwritable_cache_folder_is_only_slower(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("OCOP_DOCS_CACHE_DIR", str(blocker / "cache"))
    unit_data.reset()
    try:
        assert _everything() == unit_data._imported()
    finally:
        unit_data.reset()


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCOP_DOCS_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert unit_data.cache_dir() is None
    unit_data.reset()
    try:
        assert _everything() == unit_data._imported()
    finally:
        unit_data.reset()
    assert not any(tmp_path.iterdir())


def test_a_validation_start_imports_only_what_a_valid_dossier_needs(tmp_path: Path) -> None:
    # Start-up to the first dossier (issue 15): not vietnam_provinces (its enum of 3,321
    # communes), not OpenSSL's hashlib without attachments, not tempfile for a small report.
    code = (
        "import sys\n"
        "from ocop_docs.cli.main import cli\n"
        "try:\n"
        f"    cli([{'validate'!r}, {str(SAMPLE)!r}, '--no-attachments'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "unwanted = ['vietnam_provinces', 'hashlib', 'zipfile', 'jsonschema']\n"
        "if sys.argv[1] == 'again':  # the first start wrote the index (through tempfile)\n"
        "    unwanted.append('tempfile')\n"
        "for name in unwanted:\n"
        "    assert name not in sys.modules, name\n"
    )
    env = dict(os.environ, OCOP_DOCS_CACHE_DIR=str(tmp_path / "cache"))
    for when in ("first", "again"):
        done = subprocess.run(
            [sys.executable, "-c", code, when], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr
