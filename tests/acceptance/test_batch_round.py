"""Acceptance: the sample round in one command, with PDFs and the bundle (LibreOffice).

Also: the spreadsheet twin gives the same documents, no LibreOffice survives a batch, and
an interrupted batch (Ctrl-C, SIGTERM) stops every worker, keeps what was finished and
resumes. The PDF tests are marked slow; CI installs LibreOffice and runs them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from ocop_docs.cli.main import cli
from ocop_docs.production.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "dot-danh-gia"
ROUND = SAMPLES / "thai-nguyen-2026-dot-2.yaml"
has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))
needs_soffice = pytest.mark.skipif(not has_soffice, reason="LibreOffice (soffice) is not installed")
linux = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
HO_SO = Path(__file__).resolve().parents[2] / "samples" / "ho-so"

HANGING_SOFFICE = r"""#!{python}
import subprocess, sys, time

child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"] + sys.argv[1:2])
time.sleep(600)
"""


def living(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if marker in cmd and "State:\tZ" not in status:
            found.append(cmd)
    return found


def batch(*args: str, tmp: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, TMPDIR=str(tmp))  # the pool's profiles go there
    return subprocess.Popen(
        [sys.executable, "-m", "ocop_docs", "batch", *args, "--allow", str(HO_SO)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("round") / "out"
    if has_soffice:
        result = CliRunner().invoke(
            cli, ["batch", str(ROUND), "-o", str(out), "--pdf", "--bundle", "--allow", str(HO_SO)]
        )
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.slow
@needs_soffice
def test_every_document_pdf_and_bundle(produced: Path) -> None:
    manifest = read_manifest(produced)
    assert manifest is not None and manifest.complete
    assert [i.kind for i in manifest.items] == ["bien-ban", "quyet-dinh"] + ["giay-chung-nhan"] * 5
    pages = 0
    for item in manifest.items:
        assert item.status == "ok"
        docx, pdf = item.outputs
        assert docx.path.endswith(".docx") and pdf.path.endswith(".pdf")
        reader = PdfReader(str(produced / pdf.path))
        assert len(reader.pages) == pdf.pages
        pages += len(reader.pages)
    assert [o.pages for o in manifest.items[0].outputs] == [None, 3]  # minutes: 3 pages
    cert = PdfReader(str(produced / "giay-chung-nhan/19-02176-003-2026_ga-doi-tran-phu.pdf"))
    assert "GÀ ĐỒI TRẦN PHÚ" in cert.pages[0].extract_text()

    bundle = produced / "tap-van-ban_dot-2-nam-2026.pdf"
    reader = PdfReader(str(bundle))
    assert len(reader.pages) == pages == manifest.bundle["pages"]  # type: ignore[index]
    meta = reader.metadata
    assert meta is not None and meta.author == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert meta.title == "Văn bản đánh giá, phân hạng sản phẩm OCOP — Đợt 2 năm 2026"
    assert meta.subject == "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên"
    tops = [o.title for o in reader.outline if not isinstance(o, list)]
    assert tops == [
        "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP",
        "Quyết định công nhận sản phẩm OCOP (kèm danh sách)",
        "Giấy chứng nhận sản phẩm OCOP",
    ]
    children = [[c.title for c in o] for o in reader.outline if isinstance(o, list)]
    assert [len(c) for c in children] == [1, 1, 5]
    assert children[2][0] == "Gà đồi Trần Phú (19-02176-003-2026)"
    starts = [
        reader.get_destination_page_number(c)
        for o in reader.outline
        if isinstance(o, list)
        for c in o
    ]
    # The decision is 3 pages since its căn cứ cite the competence first (issue 12).
    assert starts == [0, 3, 6, 7, 8, 9, 10]


@pytest.mark.slow
@needs_soffice
def test_resume_skips_everything_finished(produced: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(ROUND),
            "-o",
            str(produced),
            "--pdf",
            "--bundle",
            "--resume",
            "--allow",
            str(HO_SO),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Đã lập 0 văn bản, bỏ qua 7" in result.stdout


def test_spreadsheet_gives_the_same_documents(tmp_path: Path) -> None:
    runner = CliRunner()
    for source, name in ((ROUND, "yaml"), (SAMPLES / "thai-nguyen-2026-dot-2.xlsx", "xlsx")):
        result = runner.invoke(
            cli, ["batch", str(source), "-o", str(tmp_path / name), "--allow", str(HO_SO)]
        )
        assert result.exit_code == 0, result.output
    made = sorted(p.relative_to(tmp_path / "yaml") for p in (tmp_path / "yaml").rglob("*.docx"))
    assert len(made) == 7
    for rel in made:
        assert (tmp_path / "yaml" / rel).read_bytes() == (tmp_path / "xlsx" / rel).read_bytes(), rel


@pytest.mark.slow
@needs_soffice
@linux
def test_no_libreoffice_survives_a_batch(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = batch(str(ROUND), "-o", str(tmp_path / "out"), "--pdf", "--jobs", "2", tmp=tmp)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert living(str(tmp)) == []
    assert list(tmp.iterdir()) == []  # profiles and scratch removed


@pytest.mark.slow
@needs_soffice
@linux
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_batch_stops_workers_and_resumes(tmp_path: Path, signum: int) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(HANGING_SOFFICE.replace("{python}", sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    proc = batch(str(ROUND), "-o", str(out), "--pdf", "--soffice", str(fake), tmp=tmp)
    deadline = time.monotonic() + 60
    while not living(str(tmp)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert living(str(tmp)), "the fake LibreOffice did not start"
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "--resume" in err.decode()
    assert living(str(tmp)) == []  # no orphaned (fake) soffice, nor its child
    assert [p for p in out.rglob("*") if p.is_file() and p.suffix not in (".docx", ".json")] == []
    manifest = read_manifest(out)
    assert manifest is not None and not manifest.complete
    assert len(manifest.items) == 7 and all(i.output(".pdf") is None for i in manifest.items)
    resumed = CliRunner().invoke(
        cli, ["batch", str(ROUND), "-o", str(out), "--pdf", "--resume", "--allow", str(HO_SO)]
    )
    assert resumed.exit_code == 0, resumed.output
    final = read_manifest(out)
    assert final is not None and final.complete
    assert all(i.output(".pdf") is not None for i in final.items)
