"""The cooperative's path (issue 12): ``new`` → fill in → ``validate`` → Mẫu 01 and Mẫu 02.

A scaffold holds every key ``validate`` and the dossier's forms read; filled in, with the
files of its required documents in ``tai-lieu/``, it is valid for every product set, and a
valid dossier renders Mẫu 01 and Mẫu 02 in strict mode (docx only, in process).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfWriter

from ocop_docs.errors import InputError
from ocop_docs.production.rendering import render
from ocop_docs.resources import load_data
from ocop_docs.rules.regimes import required_documents
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.validation.pipeline import ValidateOptions, validate_dossier
from ocop_docs.validation.scaffolding import dossier_template, new_dossier

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "samples" / "ho-so").iterdir() if p.is_dir())
FORMS = ("phieu-dang-ky", "bao-cao-tu-danh-gia")
FILED = dt.date(2026, 10, 20)

# What a cooperative writes in the blanks ("") of a scaffold, by key.
ANSWERS: dict[str, Any] = {
    "ngay_nop": FILED.isoformat(),
    "ma_so_thue": "4799990042",
    "xa": "xã Côn Minh",
    "tinh": "tỉnh Thái Nguyên",
    "dien_thoai": "0912 000 101",
    "ngay_thanh_lap": "2016-03-10",
    "ho_ten": "Nguyễn Thị Hoan",
    "chuc_vu": "Giám đốc",
    "gioi_tinh": "nu",
    "dan_toc": "Tày",
    "ngay_het_han": "2028-12-31",
    # danh_gia_lai: recognised 15/3/2024, so filed 146 days before the expiry (Điều 7.6.a)
    "so_quyet_dinh": "412/QĐ-UBND",
    "ngay_quyet_dinh": "2024-03-15",
    "co_quan": "UBND tỉnh Bắc Kạn",
}


def _fill(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, key) for v in value]
    if value == "":
        return ANSWERS.get(key, f"Nội dung {key} của hồ sơ")
    return value


def _pdf(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        writer.write(fh)


def filled_scaffold(folder: Path, product_set: int, case: str = "lan_dau") -> Path:
    """``new`` then what a cooperative does: fill the blanks, score itself, add the files."""
    new_dossier(folder, product_set, case)
    data = _fill(yaml.safe_load((folder / "ho-so.yaml").read_text(encoding="utf-8")))
    rubric = load_rubric(product_set)
    data["tu_danh_gia"]["chon"] = {
        c.so: len(c.lua_chon) for p in rubric.phan for g in p.muc for c in g.tieu_chi
    }
    if case != "lan_dau":
        data["chung_nhan_truoc"]["hang_sao"] = 4
    (folder / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for paper in data["tai_lieu"]:
        _pdf(folder / paper["tep"])
    return folder


def _errors(folder: Path) -> list[str]:
    report = validate_dossier(folder, ValidateOptions(today=FILED))
    return [
        f"{i.code} {i.pointer} {i.message('en')}" for i in report.issues if i.severity == "error"
    ]


@pytest.mark.parametrize("product_set", range(1, 27))
def test_a_filled_scaffold_is_valid_and_renders_both_forms(
    tmp_path: Path, product_set: int
) -> None:
    folder = filled_scaffold(tmp_path / "ho-so", product_set)
    assert _errors(folder) == []
    for kind in FORMS:
        result = render(kind, folder, tmp_path / f"{kind}.docx")
        assert result.output.is_file() and not result.placeholders


@pytest.mark.parametrize("case", ["nang_hang", "danh_gia_lai"])
def test_a_filled_scaffold_of_an_upgrade_or_reevaluation_is_valid(
    tmp_path: Path, case: str
) -> None:
    folder = filled_scaffold(tmp_path / "ho-so", 7, case)
    assert _errors(folder) == []
    for kind in FORMS:
        render(kind, folder, tmp_path / f"{kind}.docx")


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_valid_sample_renders_both_forms_strictly(tmp_path: Path, sample: Path) -> None:
    assert validate_dossier(sample).valid
    if sample.name.endswith("-2019"):
        # A QĐ 1048/2019 dossier renders the forms of its own regime (issue 12): Mẫu 01 is
        # its Biểu 02; 1048 has no self-assessment report, and the tool says so.
        made = render("phieu-dang-ky", sample, tmp_path / "phieu-dang-ky.docx")
        assert made.kind == "bieu-02-1048" and not made.placeholders
        with pytest.raises(InputError) as refused:
            render("bao-cao-tu-danh-gia", sample, tmp_path / "bao-cao-tu-danh-gia.docx")
        assert refused.value.code == "render-form-not-in-regime"
        assert not (tmp_path / "bao-cao-tu-danh-gia.docx").exists()
        for kind in ("bieu-01-1048", "bieu-02-1048", "bieu-03-1048", "bieu-04-1048"):
            assert not render(kind, sample, tmp_path / f"{kind}.docx").placeholders
        return
    for kind in FORMS:
        render(kind, sample, tmp_path / f"{kind}.docx")


def test_a_fresh_scaffold_asks_only_for_its_blanks_and_required_files(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    new_dossier(folder, 7)
    report = validate_dossier(folder, ValidateOptions(today=FILED))
    missing_files = {i.params.get("tep") for i in report.issues if i.code == "attachment-missing"}
    required = required_documents(7, "lan_dau")["bat_buoc"]
    # Only the required papers are listed with a file; the 3-star ones are commented out.
    assert len(missing_files) == len(required)
    assert all(re.fullmatch(r"tai-lieu/\d\d-[a-z-]+\.pdf", str(f)) for f in missing_files)
    text = (folder / "ho-so.yaml").read_text(encoding="utf-8")
    assert "# - loai: cong_bo_chat_luong" in text and "#   tep: tai-lieu/" in text


def _schema_keys(node: dict[str, Any], defs: dict[str, Any], prefix: str = "") -> Iterator[str]:
    if "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[-1]]
    if "items" in node:
        yield from _schema_keys(node["items"], defs, prefix + "[]")
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        yield path
        yield from _schema_keys(sub, defs, path)


def _data_keys(value: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, sub in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            yield path
            yield from _data_keys(sub, path)
    elif isinstance(value, list):
        for sub in value:
            yield from _data_keys(sub, prefix + "[]")


@pytest.mark.parametrize(
    "product_set, case", [(7, "lan_dau"), (7, "nang_hang"), (17, "danh_gia_lai"), (26, "lan_dau")]
)
def test_the_scaffold_holds_every_key_of_the_dossier_schema(product_set: int, case: str) -> None:
    schema = load_data("dossier/common.schema.json")
    defs = schema["$defs"]
    wanted = set(_schema_keys(defs["ho_so"], defs))
    # Everything commented out comes back by deleting "# " (the way the file says).
    text = dossier_template(product_set, case)
    entry = r"huyen:|khong_ap_dung:|\s*- loai:|\s+(?:tep|so|ngay_cap|ngay_het_han|ly_do):"
    uncommented = re.sub(rf"^(\s*)# ({entry})", r"\1\2", text, flags=re.M)
    present = set(_data_keys(yaml.safe_load(uncommented)))
    # Case-specific keys appear in their case; "chon" holds the rubric's criteria.
    not_here = {
        "lan_dau": {"chung_nhan_truoc", "bao_cao.thay_doi", "bao_cao.cap_nhat"},
        "nang_hang": {"bao_cao.cap_nhat"},
        "danh_gia_lai": {"bao_cao.thay_doi"},
    }[case]
    unused_keys = {"tu_danh_gia.ghi_chu", "tai_lieu[].ghi_chu", "tai_lieu[].co_quan_cap"}
    # Which QĐ 1048 rubric a 1048/2019 dossier uses where its set maps to two; a new
    # dossier is scaffolded under QĐ 26/2026, whose set numbers its rubric.
    unused_keys.add("tu_danh_gia.so_bo_tieu_chi")
    if product_set != 17:
        not_here.add("khong_ap_dung")
    if product_set == 26:  # no time-limited paper among set 26's documents
        not_here.add("tai_lieu[].ngay_het_han")
    missing = {
        k
        for k in wanted - present
        if not any(k == n or k.startswith(n + ".") or k.startswith(n + "[]") for n in not_here)
    } - unused_keys
    assert missing == set()


def test_english_comments_with_lang_en() -> None:
    text = dossier_template(7, lang="en")
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    vietnamese = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
    # Vietnamese only in the examples the comments quote (names of real units and bodies).
    leaks = [
        c
        for c in comments
        if vietnamese.search(c.lower())
        and not re.search(r"e\.g\.|xã|tỉnh|Hợp tác xã|TCCS|thôn|QĐ|Giám đốc|Tày", c)
    ]
    assert leaks == []
    assert "# Required (without them the dossier is rejected):" in text
