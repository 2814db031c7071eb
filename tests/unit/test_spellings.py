"""People's spellings are read where the meaning is certain (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ocop_docs.production.contexts.building import build_context
from ocop_docs.rules.identifiers import phone_problem
from ocop_docs.validation.pipeline import validate_dossier

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ho-so" / "mien-dong-tai-hoan"


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    target = tmp_path / "ho-so"
    shutil.copytree(SAMPLE, target)
    return target


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "ho-so.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_choices_written_as_words_are_the_choices(dossier: Path) -> None:
    _edit(dossier, "loai_danh_gia: danh_gia_lai", "loai_danh_gia: Đánh giá lại")
    _edit(dossier, "gioi_tinh: nu", "gioi_tinh: Nữ")
    _edit(dossier, "loai_hinh: hop_tac_xa", "loai_hinh: Hợp tác xã")
    report = validate_dossier(dossier)
    assert report.valid and report.case == "danh_gia_lai", [i.code for i in report.issues]
    ctx = build_context("bao-cao-tu-danh-gia", dossier).context
    assert ctx["gioi_tinh"] == "Nữ" and ctx["loai_danh_gia"] == "danh_gia_lai"


@pytest.mark.parametrize(
    "written, meant",
    [("Nam", "nam"), ("NAM", "nam"), ("nữ", "nu"), ("Nu", "nu")],
)
def test_sex_in_any_case(dossier: Path, written: str, meant: str) -> None:
    _edit(dossier, "gioi_tinh: nu", f"gioi_tinh: {written}")
    assert validate_dossier(dossier).valid
    data = build_context("phieu-dang-ky", dossier).context
    assert data["chu_the"]["nguoi_dai_dien"]["gioi_tinh"] == meant


def test_first_evaluation_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLE.parent / "cam-duong-canh-yen-lac", folder)
    _edit(folder, "loai_danh_gia: lan_dau", "loai_danh_gia: lần đầu")
    report = validate_dossier(folder)
    assert report.valid and report.case == "lan_dau"


def test_an_uncertain_spelling_is_still_an_error(dossier: Path) -> None:
    _edit(dossier, "gioi_tinh: nu", "gioi_tinh: khác")
    report = validate_dossier(dossier)
    assert "schema-enum" in {i.code for i in report.issues} and not report.valid


def test_a_windows_path_is_read_with_a_hint(dossier: Path) -> None:
    _edit(dossier, "tep: tai-lieu/", "tep: tai-lieu\\")
    report = validate_dossier(dossier)
    assert report.valid
    (hint,) = [i for i in report.issues if i.code == "attachment-path-backslash"]
    assert hint.severity == "warning" and hint.pointer == "/tai_lieu/0/tep"
    assert "«tai-lieu/" in hint.message("vi") and "'/'" in hint.hint("en")
    assert report.attachments[0].exists


def test_two_phone_numbers_in_one_field(dossier: Path) -> None:
    _edit(dossier, 'dien_thoai: "0912 000 101"', 'dien_thoai: "0912 000 101, 0209 3 888 999"')
    assert validate_dossier(dossier).valid
    assert phone_problem("0912000101 / 0209 3888 999") is None
    assert phone_problem("0912 000 101 hoặc 0912 000 102") is None
    assert phone_problem("0912 - 000 - 101") is None  # one number with dashes, as before
    assert phone_problem("0912 000 101, 12") is not None


def test_a_mistyped_key_gets_did_you_mean(dossier: Path) -> None:
    _edit(dossier, "  dien_thoai:", "  dien_thoia:")
    report = validate_dossier(dossier)
    (typo,) = [i for i in report.issues if i.code == "schema-unknown-field-similar"]
    assert typo.pointer == "/chu_the/dien_thoia"
    assert typo.message("vi").endswith("ý bạn là «dien_thoai»?")
    assert typo.message("en").endswith("did you mean 'dien_thoai'?")
    # A key far from every field is only unknown.
    _edit(dossier, "  dien_thoia:", "  dien_thoai:")
    _edit(dossier, "  email:", "  zzz: 1\n  email:")
    codes = {i.code for i in validate_dossier(dossier).issues}
    assert "schema-unknown-field" in codes and "schema-unknown-field-similar" not in codes
