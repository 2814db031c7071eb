from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ocop_docs.text.documents import load_document
from ocop_docs.validation.loading import load_dossier


def write(tmp_path: Path, text: str, name: str = "ho-so.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_positions_are_recorded_per_value(tmp_path: Path) -> None:
    doc = load_dossier(
        write(tmp_path, "bo_san_pham: 7\nchu_the:\n  ten: HTX Tài Hoan\n  ma_so_thue: '1'\n")
    )
    assert doc.positions["/chu_the/ten"] == (3, 8)
    assert doc.positions["/chu_the/ma_so_thue"] == (4, 15)
    assert doc.position("/chu_the/khong_co") == doc.positions["/chu_the"]


def test_leading_zero_numbers_stay_text(tmp_path: Path) -> None:
    doc = load_dossier(write(tmp_path, "a: 0912000101\nb: 0100100106\nc: 42\nd: 2026-09-15\n"))
    assert doc.data == {"a": "0912000101", "b": "0100100106", "c": 42, "d": "2026-09-15"}


def test_duplicate_keys_are_reported_not_overwritten(tmp_path: Path) -> None:
    doc = load_dossier(write(tmp_path, "bo_san_pham: 7\nx: 1\nbo_san_pham: 8\n"))
    assert [i.code for i in doc.issues] == ["yaml-duplicate-key"]
    assert doc.issues[0].line == 3 and doc.issues[0].params["first_line"] == 1


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = load_dossier(write(tmp_path, "\n".join(lines) + "\n"))
    assert [i.code for i in doc.issues] == ["yaml-too-complex"]


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    doc = load_dossier(write(tmp_path, "x: !!python/object/apply:os.system ['echo pwned']\n"))
    assert [i.code for i in doc.issues] == ["yaml-syntax"]


def test_nfd_text_is_normalised_and_remembered(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Miến dong")
    doc = load_dossier(write(tmp_path, f"ten: {nfd}\n"))
    assert doc.data["ten"] == "Miến dong"
    assert doc.non_nfc == ["/ten"]


def test_json_dossier_gets_positions(tmp_path: Path) -> None:
    doc = load_dossier(write(tmp_path, '{\n "bo_san_pham": 7,\n "x": "y"\n}\n', "ho-so.json"))
    assert doc.ok and doc.positions["/x"][0] == 3


def test_json_syntax_error_has_line(tmp_path: Path) -> None:
    doc = load_dossier(write(tmp_path, '{\n "a": 1,\n}\n', "ho-so.json"))
    assert doc.issues[0].code == "json-syntax" and doc.issues[0].line == 3


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_bytes("\ufefften: Hợp tác xã\n".encode())
    assert load_dossier(tmp_path).data == {"ten": "Hợp tác xã"}


def test_legacy_bytes_are_refused_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_bytes(
        "a: 1\nten: Hợp tác xã\n".encode("cp1258", errors="replace")
    )
    doc = load_dossier(tmp_path)
    assert [i.code for i in doc.issues] == ["file-not-utf8"]
    assert doc.issues[0].line == 2


def test_missing_folder(tmp_path: Path) -> None:
    doc = load_dossier(tmp_path / "khong-co")
    assert [i.code for i in doc.issues] == ["dossier-not-found"]


def test_unreadable_file_is_an_issue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a: 1\n")

    def deny(opened: object, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    # The file is read from its one open descriptor (issue 9), not by name.
    monkeypatch.setattr("ocop_docs.text.documents.read_opened", deny)
    doc = load_dossier(tmp_path)
    assert [i.code for i in doc.issues] == ["file-unreadable"]
    # The reason in the catalogue's words, never the system's English (issue 9).
    assert "không có quyền đọc" in doc.issues[0].message()
    assert "Permission denied" not in doc.issues[0].message()
    assert "no permission to read" in doc.issues[0].message("en")


def test_load_document_missing_file(tmp_path: Path) -> None:
    doc = load_document(tmp_path / "dot.yaml")
    assert [i.code for i in doc.issues] == ["file-unreadable"]


def test_reader_notes_numbers_that_are_not_finite(tmp_path: Path) -> None:
    # .nan/.inf are numbers to jsonschema but not JSON: the schema stage must know.
    for name in ("good", "yaml"):
        (tmp_path / name).mkdir()
    assert load_dossier(write(tmp_path / "good", "a: 1.5\nb: [2, 3]\n")).finite is True
    assert load_dossier(write(tmp_path / "yaml", "a: [1, .inf]\n")).finite is False


def test_keys_stay_as_written_and_match_their_positions(tmp_path: Path) -> None:
    # YAML 1.1 would read 1.10 as the float 1.1 and "on" as True; JSON and YAML 1.2 keys
    # are text, and the pointers of the positions are built from the same text.
    doc = load_dossier(write(tmp_path, "chon:\n  1.10: 2\n  7: 1\n  on: 3\n"))
    assert list(doc.data["chon"]) == ["1.10", "7", "on"]
    assert doc.position("/chon/1.10") == (2, 9)
    assert doc.key_positions["/chon/1.10"] == (2, 3)


def test_repeated_keys_refused_or_kept_last(tmp_path: Path) -> None:
    path = tmp_path / "phieu.yaml"
    path.write_text("chon:\n  1.1: 3\n  1.2: 1\n  1.1: 2\n", encoding="utf-8")
    refused = load_document(path)
    assert [i.code for i in refused.issues] == ["yaml-duplicate-key"]
    kept = load_document(path, repeated_keys="keep-last")
    assert kept.issues == [] and kept.data == {"chon": {"1.1": 2, "1.2": 1}}
    assert kept.repeated == ["/chon/1.1"]
    assert kept.key_positions["/chon/1.1"] == (4, 3)  # the one that counts
