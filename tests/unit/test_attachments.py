from __future__ import annotations

from pathlib import Path

import pytest

from ocop_docs.validation.checks.attachments import check_attachments
from ocop_docs.validation.loading import load_dossier


def dossier(tmp_path: Path, tep: str) -> Path:
    (tmp_path / "ho-so.yaml").write_text(
        f"tai_lieu:\n  - loai: khac\n    tep: {tep}\n", encoding="utf-8"
    )
    return tmp_path


def test_unreadable_attachment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    doc = load_dossier(dossier(tmp_path, "a.pdf"))

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    issues, infos = check_attachments(doc)
    assert [i.code for i in issues] == ["attachment-unreadable"]
    assert infos[0].exists and not infos[0].ok


def test_nothing_outside_the_folder_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "ho-so"
    inside.mkdir()
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    (inside / "link.pdf").symlink_to(secret)
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    for tep in ("link.pdf", "../secret.pdf", str(secret)):
        doc = load_dossier(dossier(inside, tep))
        issues, _ = check_attachments(doc)
        assert issues and issues[0].code in ("attachment-path-escapes", "attachment-path-absolute")
    assert not any("secret" in p for p in opened)


def test_decomposed_file_name_is_found(tmp_path: Path) -> None:
    import unicodedata

    name = unicodedata.normalize("NFD", "giấy-phép.png")
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / name)
    doc = load_dossier(dossier(tmp_path, "giấy-phép.png"))
    issues, infos = check_attachments(doc)
    assert issues == [] and infos[0].ok and infos[0].kind == "image"
