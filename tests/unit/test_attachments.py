from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from ocop_docs.validation.checks.attachments import check_attachments
from ocop_docs.validation.loading import load_dossier

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "ho-so"


def dossier(tmp_path: Path, tep: str) -> Path:
    (tmp_path / "ho-so.yaml").write_text(
        f"tai_lieu:\n  - loai: khac\n    tep: {tep}\n", encoding="utf-8"
    )
    return tmp_path


def test_unreadable_attachment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    doc = load_dossier(dossier(tmp_path, "a.pdf"))
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if path == "a.pdf":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    issues, infos = check_attachments(doc)
    assert [i.code for i in issues] == ["attachment-unreadable"]
    # The reason in the catalogue's words, never the system's English (issue 9).
    assert "không có quyền đọc" in issues[0].message()
    assert "Permission denied" not in issues[0].message()
    assert "no permission to read" in issues[0].message("en")
    assert infos[0].exists and not infos[0].ok


def _spy_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name opened through os.open or Path.open while the check runs."""
    opened: list[str] = []
    real_os_open, real_path_open = os.open, Path.open

    def os_spy(path: object, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_os_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def path_spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(str(self))
        return real_path_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", os_spy)
    monkeypatch.setattr(Path, "open", path_spy)
    return opened


@pytest.mark.parametrize(
    ("make", "tep", "code"),
    [
        (lambda d, s: (d / "link.pdf").symlink_to(s), "link.pdf", "attachment-path-escapes"),
        (lambda d, s: None, "../secret.pdf", "attachment-path-escapes"),
        (lambda d, s: None, "a/../../secret.pdf", "attachment-path-escapes"),
        (lambda d, s: None, "ABS", "attachment-path-absolute"),
        (
            lambda d, s: (d / "dir").symlink_to(s.parent),
            "dir/secret.pdf",
            "attachment-path-escapes",
        ),
        (
            lambda d, s: (
                (d / "sub").mkdir(),
                (d / "sub" / "x.pdf").symlink_to("../../secret.pdf"),
            ),
            "sub/x.pdf",
            "attachment-path-escapes",
        ),
    ],
    ids=["file-link", "dotdot", "dotdot-deep", "absolute", "folder-link", "relative-link"],
)
def test_nothing_outside_the_folder_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Any, tep: str, code: str
) -> None:
    inside = tmp_path / "ho-so"
    inside.mkdir()
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    make(inside, secret)
    doc = load_dossier(dossier(inside, str(secret) if tep == "ABS" else tep))
    opened = _spy_opens(monkeypatch)
    issues, infos = check_attachments(doc)
    assert [i.code for i in issues] == [code]
    assert infos[0].sha256 is None and not infos[0].ok
    assert not any("secret" in name for name in opened), opened


def test_link_inside_the_folder_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "b.pdf").symlink_to("a.pdf")
    issues, _ = check_attachments(load_dossier(dossier(tmp_path, "b.pdf")))
    assert [i.code for i in issues] == ["attachment-symlink"]


def test_fifo_and_folder_are_not_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    (tmp_path / "folder.pdf").mkdir()
    for tep in ("pipe.pdf", "folder.pdf", "."):
        issues, _ = check_attachments(load_dossier(dossier(tmp_path, tep)))
        assert [i.code for i in issues] == ["attachment-not-file"], tep


def test_swapped_for_a_link_after_open_reads_the_opened_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race of issue 9: the name is swapped for a link to a secret after the check."""
    inside = tmp_path / "ho-so"
    inside.mkdir()
    good = sample_pdf()
    (inside / "a.pdf").write_bytes(good)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret and longer than the real file " * 100)
    doc = load_dossier(dossier(inside, "a.pdf"))
    real_fstat = os.fstat

    def swap_then_fstat(fd: int) -> os.stat_result:
        target = inside / "a.pdf"
        if target.exists() and not target.is_symlink():
            target.unlink()
            target.symlink_to(secret)
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", swap_then_fstat)
    issues, infos = check_attachments(doc)
    assert issues == []
    assert infos[0].sha256 == hashlib.sha256(good).hexdigest()
    assert infos[0].size == len(good)


def test_file_changed_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(sample_pdf())
    doc = load_dossier(dossier(tmp_path, "a.pdf"))
    real_fstat = os.fstat
    calls = {"n": 0}

    def truncate_between(fd: int) -> os.stat_result:
        calls["n"] += 1
        if calls["n"] == 2:  # after the first fstat and the read: the file shrinks
            os.truncate(tmp_path / "a.pdf", 10)
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", truncate_between)
    issues, infos = check_attachments(doc)
    assert [i.code for i in issues] == ["attachment-changed"]
    assert infos[0].exists and not infos[0].ok and infos[0].sha256 is None


def test_removed_before_open_is_missing_not_internal(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(sample_pdf())
    doc = load_dossier(dossier(tmp_path, "a.pdf"))
    (tmp_path / "a.pdf").unlink()
    issues, infos = check_attachments(doc)
    assert [i.code for i in issues] == ["attachment-missing"] and not infos[0].exists


def sample_pdf() -> bytes:
    return (SAMPLES / "mien-dong-tai-hoan" / "tai-lieu").glob("*.pdf").__next__().read_bytes()


def test_decomposed_file_name_is_found(tmp_path: Path) -> None:
    import unicodedata

    name = unicodedata.normalize("NFD", "giấy-phép.png")
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / name)
    doc = load_dossier(dossier(tmp_path, "giấy-phép.png"))
    issues, infos = check_attachments(doc)
    assert issues == [] and infos[0].ok and infos[0].kind == "image"
