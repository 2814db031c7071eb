"""Batch production (library): plan, names, manifest, bad rows, resume, overwrite, atomicity."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from ocop_docs.errors import ConverterMissing, DataError, InputError
from ocop_docs.production.batch import BatchOptionError, BatchOptions, run_batch
from ocop_docs.production.manifest import read_manifest, sha256_file
from ocop_docs.production.rendering import render

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROUND = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
CERT = "giay-chung-nhan/19-02176-003-2026_ga-doi-tran-phu"
ONE_JOB = BatchOptions(allow=ALLOW, jobs=1)


def round_copy(tmp_path: Path, edit: str = "", new: str = "") -> Path:
    """The sample round beside a copy of the sample dossiers, optionally edited."""
    folder = tmp_path / "mau"
    if not folder.exists():
        shutil.copytree(SAMPLES / "ho-so", folder / "ho-so", symlinks=True)
    # The round file beside its dossiers' folder: what it names lies inside its folder.
    text = ROUND.read_text(encoding="utf-8").replace("../ho-so/", "ho-so/")
    if edit:
        assert edit in text
        text = text.replace(edit, new)
    target = folder / "dot.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def files(outdir: Path) -> dict[str, float]:
    return {
        str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("*") if p.is_file()
    }


def test_round_produces_every_document_with_readable_names(tmp_path: Path) -> None:
    result = run_batch(ROUND, tmp_path / "out", ONE_JOB)
    assert result.exit_code == 0 and result.failed == 0 and result.produced == 7
    ids = [i.id for i in result.items]
    assert ids == [
        "bien-ban/bien-ban_dot-2-nam-2026",
        "quyet-dinh/quyet-dinh_dot-2-nam-2026",
        CERT,
        "giay-chung-nhan/19-02185-002-2026_mat-ong-rung-huong-rung",
        "giay-chung-nhan/19-02155-004-2026_cam-duong-canh-yen-lac",
        "giay-chung-nhan/19-02143-005-2026_tra-giao-co-lam-bao-chau",
        "giay-chung-nhan/19-02143-007-2026_tinh-dau-sa-chanh-van-lang-san-pham-hu-cau",
    ]
    assert all(i.isascii() for i in ids)
    # the same bytes as ``ocop-docs render`` of the same document
    ref = tmp_path / "ref.docx"
    render("giay-chung-nhan", ROUND, ref, product=2, allow=ALLOW)
    assert (tmp_path / "out" / f"{CERT}.docx").read_bytes() == ref.read_bytes()
    render("bien-ban", ROUND, ref, allow=ALLOW)
    assert (
        tmp_path / "out" / "bien-ban/bien-ban_dot-2-nam-2026.docx"
    ).read_bytes() == ref.read_bytes()


def test_manifest_records_versions_hashes_and_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(ROUND, out, ONE_JOB)
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert data["tool"]["name"] == "ocop-docs" and data["tool"]["version"]
    assert data["complete"] is True
    assert data["input"] == {"path": str(ROUND), "kind": "round", "sha256": sha256_file(ROUND)}
    template = data["templates"]["giay-chung-nhan"]
    assert template["sha256"] == sha256_file(Path(template["path"]))
    item = next(i for i in data["items"] if i["id"] == CERT)
    assert item["status"] == "ok" and item["error"] is None and item["fingerprint"]
    [docx] = item["outputs"]
    assert docx["path"] == f"{CERT}.docx" and docx["sha256"] == sha256_file(out / docx["path"])
    assert docx["bytes"] == (out / docx["path"]).stat().st_size
    assert data["summary"]["produced"] == 7 and data["summary"]["failed"] == 0
    assert data["warnings"][0]["code"] == "round-score-spread" and data["warnings"][0]["line"]


def test_two_jobs_give_the_same_documents(tmp_path: Path) -> None:
    one = run_batch(ROUND, tmp_path / "one", ONE_JOB)
    two = run_batch(ROUND, tmp_path / "two", BatchOptions(allow=ALLOW, jobs=2))
    hashes = lambda r: {i.id: [o.sha256 for o in i.outputs] for i in r.items}  # noqa: E731
    assert hashes(one) == hashes(two)


def test_spawned_workers_plan_again_and_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ocop_docs.production.batch as batch

    monkeypatch.setattr(batch, "START_METHOD", "spawn")  # as on Windows and macOS
    spawned = run_batch(ROUND, tmp_path / "spawn", BatchOptions(allow=ALLOW, jobs=2))
    one = run_batch(ROUND, tmp_path / "one", ONE_JOB)
    hashes = lambda r: {i.id: [o.sha256 for o in i.outputs] for i in r.items}  # noqa: E731
    assert spawned.produced == 7 and hashes(spawned) == hashes(one)


def test_a_bad_product_fails_alone(tmp_path: Path) -> None:
    source = round_copy(
        tmp_path,
        "    diem: [74, 72, 76, 71, 73, 75, 72]          # TB 73,29 → 4 sao",
        "    diem: [74, 72, 76]",
    )
    # --draft: the council documents of a partial round are made, marked (issue 12;
    # without it they are withheld, tests/unit/test_partial_round.py).
    result = run_batch(source, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, draft=True))
    assert result.exit_code == 1 and result.failed == 1
    [bad] = result.failures
    assert bad.id == "san-pham/002" and bad.product == 2 and bad.line
    assert bad.error is not None and bad.error["code"] == "batch-product-invalid"
    assert "Sản phẩm số 2" in bad.error["message"]
    assert bad.error["details"][0]["code"] == "round-scores-count"
    ids = {i.id for i in result.items if i.status == "ok"}
    assert CERT not in ids and len(ids) == 6  # minutes, decision, 4 other certificates
    minutes = next(i for i in result.items if i.kind == "bien-ban")
    assert minutes.warnings[0]["code"] == "batch-round-partial"
    text = "\n".join(
        p.text for p in Document(str(tmp_path / "out" / f"{minutes.id}.docx")).paragraphs
    )
    assert "Gà đồi" not in text and "Mật ong" in text


def test_round_errors_stop_the_batch(tmp_path: Path) -> None:
    source = round_copy(tmp_path, "  dia_danh: Thái Nguyên\n", "")
    with pytest.raises(InputError) as exc:
        run_batch(source, tmp_path / "out", ONE_JOB)
    assert exc.value.exit_code == 1 and getattr(exc.value, "code", "") == "round-invalid"
    assert not (tmp_path / "out").exists()


def test_spreadsheet_bad_row_is_listed_with_its_row(tmp_path: Path) -> None:
    for suffix in ("thong-tin-dot", "hoi-dong"):
        shutil.copy(
            SAMPLES / f"dot-danh-gia/thai-nguyen-2026-dot-2.{suffix}.csv",
            tmp_path / f"dot.{suffix}.csv",
        )
    text = (SAMPLES / "dot-danh-gia/thai-nguyen-2026-dot-2.csv").read_text(encoding="utf-8-sig")
    text = text.replace("../ho-so/", str(SAMPLES / "ho-so") + "/")
    text = text.replace(",Hợp tác xã Hương Rừng,", ",,").replace(
        "/mat-ong-huong-rung", "/khong-co-ho-so"
    )
    (tmp_path / "dot.csv").write_text(text, encoding="utf-8")
    result = run_batch(
        tmp_path / "dot.csv", tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, draft=True)
    )
    assert result.exit_code == 1
    [bad] = result.failures
    assert bad.row == 4 and bad.id == "san-pham/dong-4"
    assert bad.error is not None and bad.error["message"].startswith(
        "Dòng 4 (Mật ong rừng Hương Rừng)"
    )
    assert result.produced == 6
    manifest = read_manifest(tmp_path / "out")
    assert manifest is not None and manifest.items[0].id == "san-pham/dong-4"


def test_refuses_to_overwrite_then_resume_skips_then_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(ROUND, out, ONE_JOB)
    before = files(out)
    with pytest.raises(InputError) as exc:
        run_batch(ROUND, out, ONE_JOB)
    assert getattr(exc.value, "code", "") == "batch-output-exists"
    assert "--overwrite" in exc.value.hint() and "8 tệp" in exc.value.message()
    assert files(out) == before
    resumed = run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, resume=True))
    assert resumed.skipped == 7 and resumed.produced == 0 and resumed.exit_code == 0
    assert {k: v for k, v in files(out).items() if k != "manifest.json"} == {
        k: v for k, v in before.items() if k != "manifest.json"
    }
    again = run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, overwrite=True))
    assert again.produced == 7


def test_resume_still_refuses_files_a_finished_run_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, kinds=("bien-ban",)))
    foreign = out / "quyet-dinh" / "quyet-dinh_dot-2-nam-2026.docx"
    foreign.parent.mkdir()
    foreign.write_bytes(b"an official's own file")
    with pytest.raises(InputError) as exc:
        run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, resume=True))
    assert "quyet-dinh/quyet-dinh_dot-2-nam-2026.docx" in exc.value.message()
    assert foreign.read_bytes() == b"an official's own file"


def test_resume_remakes_what_changed_or_was_tampered_with(tmp_path: Path) -> None:
    source = round_copy(tmp_path)
    out = tmp_path / "out"
    run_batch(source, out, ONE_JOB)
    (out / "giay-chung-nhan/19-02155-004-2026_cam-duong-canh-yen-lac.docx").write_bytes(b"tampered")
    round_copy(
        tmp_path,
        "    diem: [74, 72, 76, 71, 73, 75, 72]          # TB 73,29 → 4 sao",
        "    diem: [75, 72, 76, 71, 73, 75, 72]",
    )
    result = run_batch(source, out, BatchOptions(allow=ALLOW, jobs=1, resume=True))
    status = {i.id: i.status for i in result.items}
    assert status[CERT] == "ok"  # its score changed
    assert status["giay-chung-nhan/19-02155-004-2026_cam-duong-canh-yen-lac"] == "ok"  # tampered
    assert status["bien-ban/bien-ban_dot-2-nam-2026"] == "ok"  # lists every score
    assert status["quyet-dinh/quyet-dinh_dot-2-nam-2026"] == "ok"  # annex shows the mean
    assert status["giay-chung-nhan/19-02185-002-2026_mat-ong-rung-huong-rung"] == "skipped"
    assert zipfile.is_zipfile(out / "giay-chung-nhan/19-02155-004-2026_cam-duong-canh-yen-lac.docx")


def test_a_template_error_for_one_item_fails_that_item(tmp_path: Path) -> None:
    from docx import Document as NewDocument

    templates = tmp_path / "mau"
    templates.mkdir()
    doc = NewDocument()
    doc.add_paragraph("{{ sp.ten }}")
    doc.add_paragraph('{% if sp.stt == "3" %}{{ sp.khong_co }}{% endif %}')
    doc.save(str(templates / "giay-chung-nhan.docx"))
    result = run_batch(
        ROUND, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, templates_dir=templates)
    )
    [bad] = result.failures
    assert bad.id == "giay-chung-nhan/19-02185-002-2026_mat-ong-rung-huong-rung"
    assert bad.error is not None and bad.error["code"] == "render-missing-variable"
    assert "sp.khong_co" in bad.error["message"]
    assert result.produced == 6 and result.exit_code == 1


def test_broken_template_stops_before_writing(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "bien-ban.docx").write_bytes(b"not a docx")
    with pytest.raises(DataError) as exc:
        run_batch(
            ROUND, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=1, templates_dir=templates)
        )
    assert exc.value.exit_code == 3
    assert not (tmp_path / "out").exists()


def test_missing_libreoffice_still_makes_the_docx_files(tmp_path: Path) -> None:
    # Issue 12: the .docx files are made, the PDFs are not, and the run exits 3.
    result = run_batch(
        ROUND,
        tmp_path / "out",
        BatchOptions(allow=ALLOW, jobs=1, pdf=True, soffice=tmp_path / "no"),
    )
    assert result.exit_code == 3 and result.produced == 7 and result.pdfs == 0
    assert result.pdf_error is not None and result.pdf_error["code"] == "convert-missing"
    assert ConverterMissing.exit_code == 3


def test_kinds_that_do_not_fit_the_input(tmp_path: Path) -> None:
    with pytest.raises(BatchOptionError) as exc:
        run_batch(ROUND, tmp_path / "out", BatchOptions(allow=ALLOW, kinds=("kiem-tra",)))
    assert exc.value.exit_code == 2 and "kiem-tra" in exc.value.message()
    with pytest.raises(BatchOptionError):
        run_batch(
            SAMPLES / "ho-so", tmp_path / "out", BatchOptions(allow=ALLOW, kinds=("bien-ban",))
        )
    odd = tmp_path / "ket-qua.txt"
    odd.write_text("x")
    with pytest.raises(InputError):
        run_batch(odd, tmp_path / "out")


def test_more_kinds_from_a_round(tmp_path: Path) -> None:
    kinds = ("phieu-dang-ky", "bao-cao-xa", "giay-chung-nhan")
    result = run_batch(ROUND, tmp_path / "out", BatchOptions(allow=ALLOW, jobs=2, kinds=kinds))
    by_kind: dict[str, int] = {}
    for item in result.items:
        by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
    assert by_kind == {"phieu-dang-ky": 7, "bao-cao-xa": 2, "giay-chung-nhan": 5}
    ref = tmp_path / "ref.docx"
    render("bao-cao-xa", ROUND, ref, product=4, allow=ALLOW)
    made = tmp_path / "out/bao-cao-xa/19-02155-004-2026_cam-duong-canh-yen-lac.docx"
    assert made.read_bytes() == ref.read_bytes()
    render("phieu-dang-ky", ROUND, ref, product=1, allow=ALLOW)
    assert (
        tmp_path / "out/phieu-dang-ky/19-02185-001-2026_mien-dong-tai-hoan.docx"
    ).read_bytes() == ref.read_bytes()


def test_folder_of_dossiers(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    for name in ("mien-dong-tai-hoan", "ga-doi-tran-phu"):
        shutil.copytree(SAMPLES / "ho-so" / name, folder / name)
    broken = folder / "hong"
    broken.mkdir()
    (broken / "ho-so.yaml").write_text("bo_san_pham: [\n", encoding="utf-8")
    result = run_batch(folder, tmp_path / "out", ONE_JOB)
    status = {i.id: i.status for i in result.items}
    assert status == {
        "kiem-tra/hong": "ok",
        "phieu-dang-ky/hong": "failed",
        "kiem-tra/19-02176-003-2026_ga-doi-tran-phu": "ok",
        "phieu-dang-ky/19-02176-003-2026_ga-doi-tran-phu": "ok",
        "kiem-tra/19-02185-001-2026_mien-dong-tai-hoan": "ok",
        "phieu-dang-ky/19-02185-001-2026_mien-dong-tai-hoan": "ok",
    }
    assert result.invalid_dossiers == 1 and result.exit_code == 1
    report = json.loads((tmp_path / "out/kiem-tra/hong.json").read_text(encoding="utf-8"))
    assert report["dossiers"][0]["valid"] is False
    text = (tmp_path / "out/kiem-tra/19-02185-001-2026_mien-dong-tai-hoan.txt").read_text(
        encoding="utf-8"
    )
    assert "HỢP LỆ" in text
    with pytest.raises(InputError):
        run_batch(tmp_path / "out", tmp_path / "out2")  # no dossier in there


def test_interrupted_batch_leaves_no_half_file_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real_replace = os.replace
    calls = {"n": 0}

    def crash_on_fourth(src: str, dst: str) -> None:
        if str(dst).endswith(".docx"):
            calls["n"] += 1
            if calls["n"] == 4:  # Ctrl-C (or the power) while the 4th document is written
                raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_fourth)
    with pytest.raises(KeyboardInterrupt):
        run_batch(ROUND, out, ONE_JOB)
    monkeypatch.setattr(os, "replace", real_replace)
    leftovers = [p for p in out.rglob("*") if p.is_file() and p.suffix not in (".docx", ".json")]
    assert leftovers == []  # no temporary file left behind
    docs = sorted(out.rglob("*.docx"))
    assert len(docs) == 3 and all(zipfile.is_zipfile(p) for p in docs)
    manifest = read_manifest(out)
    assert manifest is not None and manifest.complete is False
    assert [i.status for i in manifest.items] == ["ok", "ok", "ok"]
    # What a worker killed outright leaves: a temporary file, and a document written after
    # the last manifest checkpoint; --resume takes both as the interrupted run's.
    late = out / "giay-chung-nhan/19-02155-004-2026_cam-duong-canh-yen-lac.docx"
    late.write_bytes(b"written after the checkpoint")
    stray = late.with_name(f".{late.name}.k3x9q1.tmp")
    stray.write_bytes(b"half")
    resumed = run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, resume=True))
    assert not stray.exists() and zipfile.is_zipfile(late)
    assert resumed.skipped == 3 and resumed.produced == 4 and resumed.exit_code == 0
    overwritten = run_batch(ROUND, out, BatchOptions(allow=ALLOW, jobs=1, overwrite=True))
    assert overwritten.produced == 7
    assert [p for p in out.rglob("*.tmp")] == []
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in out.rglob("*.docx"))


def test_draft_placeholders_are_reported(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    from docx import Document as NewDocument

    doc = NewDocument()
    doc.add_paragraph("{{ sp.ten }} {{ sp.chua_co }}")
    doc.save(str(templates / "giay-chung-nhan.docx"))
    options = BatchOptions(
        allow=ALLOW, jobs=1, draft=True, templates_dir=templates, kinds=("giay-chung-nhan",)
    )
    result = run_batch(ROUND, tmp_path / "out", options)
    assert result.exit_code == 0
    assert result.items[0].warnings[0]["message"].endswith("[[tên]]: sp.chua_co")


def test_batch_core_does_not_import_click() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ocop_docs.production.batch, ocop_docs.production.pool, ocop_docs.production.bundling, ocop_docs.production.spreadsheets, "
        "ocop_docs.production.manifest, ocop_docs.production.prepared; assert 'click' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
