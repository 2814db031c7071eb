"""The one atomic writer: whole files or none, mode 0644 whatever the umask (architecture §5.7)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocop_docs.files import atomic_write_bytes, atomic_write_text, temporary_target
from ocop_docs.validation.scaffolding import new_dossier


@pytest.fixture()
def strict_umask() -> Iterator[None]:
    """A umask that would make files private: the writer must still give 0644."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
@pytest.mark.parametrize("durable", [True, False])
def test_written_files_are_0644_and_whole(
    tmp_path: Path, strict_umask: None, durable: bool
) -> None:
    target = tmp_path / "a" / "b.pdf"
    atomic_write_bytes(target, b"%PDF-1.7 x", durable=durable)
    assert target.read_bytes() == b"%PDF-1.7 x"
    assert mode(target) == 0o644
    atomic_write_text(target, "thay thế", durable=durable)  # replaces, still 0644
    assert target.read_text(encoding="utf-8") == "thay thế" and mode(target) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["b.pdf"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "manifest.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_temporary_names_point_back_to_their_target() -> None:
    assert temporary_target(".giay-chung-nhan_1.docx.k2j3h4.tmp") == "giay-chung-nhan_1.docx"
    assert temporary_target("giay-chung-nhan_1.docx") is None


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_new_dossier_is_0644(tmp_path: Path, strict_umask: None) -> None:
    target = new_dossier(tmp_path / "ho-so", 1)
    assert mode(target) == 0o644
