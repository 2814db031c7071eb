"""The LibreOffice worker pool, driven by a fake converter: batching, hangs, crashes, orphans.

The fake (written per test) behaves like ``soffice --convert-to pdf --outdir D f1 … fK``:
it writes one small PDF per input (to a temporary name, then renamed, as LibreOffice does)
and misbehaves on inputs whose content asks for it: ``HANG-ONCE`` / ``CRASH-ONCE`` the
first time only, ``HANG-ALWAYS``, ``BROKEN`` (no PDF, goes on), ``SLOW`` (0.3 s). It also starts a child
process, as ``soffice`` starts ``soffice.bin``, so orphans would show.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from ocop_docs.production.pool import (
    Conversion,
    ConverterPool,
    Interrupted,
    group_rss,
    interruptible,
)
from tests.conftest import ALLOW

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and POSIX groups")


FAKE = r"""#!{python}
import hashlib, os, re, signal, subprocess, sys, time
from pathlib import Path
from pypdf import PdfWriter

args = sys.argv[1:]
state = Path(os.environ["FAKE_SOFFICE_STATE"])
outdir = Path(args[args.index("--outdir") + 1])
files = [Path(a) for a in args[args.index("--outdir") + 2:]]
with open(state / "starts.log", "a") as log:
    log.write(" ".join(f.name for f in files) + "\n")
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "fake-bin", str(state)])
for f in files:
    data = f.read_bytes()
    marker = state / hashlib.sha1(data).hexdigest()
    if b"HANG-ALWAYS" in data or (b"HANG-ONCE" in data and not marker.exists()):
        marker.touch()
        time.sleep(600)
    if b"CRASH-ONCE" in data and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    if b"SLOW" in data:
        time.sleep(0.3)
    if b"BROKEN" in data:
        print("Error: source file could not be loaded", file=sys.stderr)
        continue
    pages = int((re.search(rb"PAGES=(\d+)", data) or re.search(rb"(1)", b"1")).group(1))
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    tmp = outdir / (f.stem + ".tmp")
    with open(tmp, "wb") as handle:
        writer.write(handle)
    os.rename(tmp, outdir / (f.stem + ".pdf"))
child.kill()
"""


@pytest.fixture()
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path / "state"
    state.mkdir()
    script = tmp_path / "soffice"
    script.write_text(FAKE.replace("{python}", sys.executable), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("FAKE_SOFFICE_STATE", str(state))
    return script


def living(marker: str) -> list[str]:
    """Command lines of processes (not zombies) whose command line mentions ``marker``."""
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


def documents(tmp_path: Path, *contents: str) -> list[Conversion]:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    jobs = []
    for n, text in enumerate(contents, start=1):
        path = src / f"doc{n}.docx"
        path.write_text(f"document {n} {text}", encoding="utf-8")
        jobs.append(Conversion(f"doc{n}", path, tmp_path / "out" / f"doc{n}.pdf"))
    return jobs


def starts(tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "state" / "starts.log"
    return [line.split() for line in log.read_text().splitlines()] if log.exists() else []


def test_many_documents_per_start(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, *(f"PAGES={n % 3 + 1}" for n in range(10)))
    with ConverterPool(2, soffice=fake, batch_size=4, timeout=20) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
        workdir = pool.workdir
    assert all(r.ok and r.attempts == 1 for r in results.values())
    assert results["doc1"].pages == 1 and results["doc2"].pages == 2
    assert len(PdfReader(tmp_path / "out" / "doc2.pdf").pages) == 2
    assert [len(s) for s in starts(tmp_path)] == [4, 4, 2]  # 3 starts for 10 documents
    assert pool.stats.starts == 3 and pool.stats.kills == 0
    assert not workdir.exists()  # profiles and scratch removed
    assert living(str(tmp_path / "state")) == []


def test_a_worker_over_its_memory_limit_is_restarted_between_documents(
    tmp_path: Path, fake: Path
) -> None:
    # max_rss=1: every LibreOffice is "too big" after its first PDF, so each document gets
    # a fresh start; nothing counts as a failure or a retry, every document is made once.
    jobs = documents(tmp_path, *("SLOW" for _ in range(4)))
    with ConverterPool(1, soffice=fake, timeout=20, max_rss=1) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    assert sorted(results) == ["doc1", "doc2", "doc3", "doc4"]
    assert all(r.ok and r.attempts == 1 for r in results.values())
    assert pool.stats.recycles >= 1 and pool.stats.retries == 0
    assert pool.stats.starts == pool.stats.recycles + 1
    given = [len(start) for start in starts(tmp_path)]  # each start gets what is not made
    assert given[0] == 4 and all(a > b for a, b in itertools.pairwise(given))
    assert living(str(tmp_path / "state")) == []


def test_default_pool_does_not_restart_a_small_worker(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, *("x" for _ in range(30)))
    with ConverterPool(1, soffice=fake, timeout=20) as pool:
        assert all(r.ok for r in pool.convert(jobs))
    assert pool.stats.starts == 1 and pool.stats.recycles == 0  # 30 documents, one start


def test_group_rss_counts_the_whole_tree() -> None:
    import subprocess

    from ocop_docs.production.pool import _scanned_rss

    # A leader and two children in a session of their own, as the pool starts LibreOffice.
    proc = subprocess.Popen(["sh", "-c", "sleep 30 & sleep 30 & wait"], start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while len(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        walked = group_rss(proc.pid)
        scanned = _scanned_rss(proc.pid, os.sysconf("SC_PAGE_SIZE"))
        alone = int(Path(f"/proc/{proc.pid}/statm").read_text().split()[1])
        assert walked > alone * os.sysconf("SC_PAGE_SIZE")  # the children are counted
        assert scanned > 0
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert group_rss(proc.pid) == 0  # gone: nothing


def test_small_batches_are_shared_between_workers(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, *("x" for _ in range(7)))
    with ConverterPool(2, soffice=fake, timeout=20) as pool:
        assert all(r.ok for r in pool.convert(jobs))
    assert sorted(len(s) for s in starts(tmp_path)) == [3, 4]


def test_hung_worker_is_killed_restarted_and_the_document_retried(
    tmp_path: Path, fake: Path
) -> None:
    jobs = documents(tmp_path, "a", "b", "HANG-ONCE", "c", "d")
    with ConverterPool(1, soffice=fake, batch_size=5, timeout=1, startup=2) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    assert all(r.ok for r in results.values()), results
    assert results["doc3"].attempts == 2  # retried once, alone
    assert results["doc1"].attempts == 1 and results["doc5"].attempts == 1
    assert pool.stats.kills >= 1 and pool.stats.retries == 1
    runs = starts(tmp_path)
    assert len(runs[0]) == 5 and [len(r) for r in runs[1:]].count(1) >= 1
    assert living(str(tmp_path / "state")) == []


def test_crashed_worker_is_restarted(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, "a", "CRASH-ONCE", "b", "c")
    with ConverterPool(1, soffice=fake, batch_size=4, timeout=10) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    assert all(r.ok for r in results.values())
    assert results["doc2"].attempts == 2
    assert results["doc3"].attempts == 1  # never reached by the crashed start: not a retry
    assert pool.stats.crashes == 1
    assert living(str(tmp_path / "state")) == []


def test_a_document_that_always_fails_is_reported_the_others_made(
    tmp_path: Path, fake: Path
) -> None:
    jobs = documents(tmp_path, "a", "HANG-ALWAYS", "b", "BROKEN", "c")
    with ConverterPool(2, soffice=fake, batch_size=5, timeout=1, startup=2) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    assert {k for k, r in results.items() if not r.ok} == {"doc2", "doc4"}
    hung, broken = results["doc2"], results["doc4"]
    assert hung.code == "pool-worker-failed" and hung.attempts == 2
    assert "giây" in hung.params["reason"] and "no result" in hung.params["reason_en"]
    assert broken.attempts == 2 and "source file could not be loaded" in broken.params["reason"]
    assert not (tmp_path / "out" / "doc2.pdf").exists()
    assert all(results[k].ok for k in ("doc1", "doc3", "doc5"))
    assert living(str(tmp_path / "state")) == []


def test_closing_early_leaves_no_soffice_behind(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, "a", "HANG-ALWAYS", "b")
    pool = ConverterPool(1, soffice=fake, batch_size=3, timeout=60)
    results = pool.convert(jobs)
    first = next(results)  # doc1 is done; LibreOffice now hangs on doc2
    assert first.ok
    time.sleep(0.3)
    assert living(str(tmp_path / "state")) != []
    results.close()  # the consumer stops (an exception, Ctrl-C …)
    pool.close()
    assert living(str(tmp_path / "state")) == []


def test_sigterm_becomes_an_interruption_and_the_pool_cleans_up(tmp_path: Path, fake: Path) -> None:
    jobs = documents(tmp_path, "HANG-ALWAYS")
    before = signal.getsignal(signal.SIGTERM)
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM))
    with (
        pytest.raises(Interrupted),
        interruptible(),
        ConverterPool(1, soffice=fake, timeout=60) as pool,
    ):
        timer.start()
        list(pool.convert(jobs))
    timer.cancel()
    assert living(str(tmp_path / "state")) == []
    assert signal.getsignal(signal.SIGTERM) == before  # the old handler is back


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed",
)
def test_real_libreoffice_pool(tmp_path: Path) -> None:
    from ocop_docs.production.rendering import render

    root = Path(__file__).resolve().parents[2]
    jobs = []
    for n in (2, 3, 4, 5):
        docx = tmp_path / f"gcn{n}.docx"
        render(
            "giay-chung-nhan",
            root / "samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml",
            docx,
            product=n,
            allow=ALLOW,
        )
        jobs.append(Conversion(str(n), docx, tmp_path / "pdf" / f"gcn{n}.pdf"))
    with ConverterPool(2) as pool:
        results = list(pool.convert(jobs))
        workdir = str(pool.workdir)
    assert all(r.ok and r.pages == 1 for r in results)
    assert pool.stats.starts == 2  # two documents per LibreOffice start
    assert pool.stats.combined == 4  # as one LibreOffice document each time
    assert living(workdir) == []
    # The same documents with a LibreOffice restarted whenever it holds over 1 byte (after
    # each PDF): the restart path with the real thing, same pages, nothing retried.
    with ConverterPool(1, max_rss=1, combine=False) as pool:  # one LibreOffice document each
        again = list(pool.convert(jobs))
        workdir = str(pool.workdir)
    assert all(r.ok and r.pages == 1 and r.attempts == 1 for r in again)
    assert pool.stats.recycles >= 1 and pool.stats.retries == 0
    assert living(workdir) == []


def test_batch_outputs_are_0644(tmp_path: Path, fake: Path) -> None:
    """PDFs, the bundle and manifest.json come out 0644 like the .docx (they were 0600)."""
    from ocop_docs.production.batch import BatchOptions, run_batch

    root = Path(__file__).resolve().parents[2]
    old = os.umask(0o077)
    try:
        result = run_batch(
            root / "samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml",
            tmp_path / "out",
            BatchOptions(
                allow=ALLOW, jobs=1, pdf=True, bundle=True, soffice=fake, kinds=("quyet-dinh",)
            ),
        )
    finally:
        os.umask(old)
    assert result.exit_code == 0 and result.pdfs == 1 and result.bundle is not None
    made = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert {p.suffix for p in made} == {".docx", ".pdf", ".json"}
    assert {p.name: p.stat().st_mode & 0o777 for p in made} == {p.name: 0o644 for p in made}


def test_workers_are_capped_to_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 10000 runs what the memory and the cores can hold, and says so (issue 9)."""
    from ocop_docs.production import planning, pool
    from ocop_docs.production.planning import BatchOptions, effective_jobs

    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pool, "available_memory", lambda: 1024**3)  # 1 GB: 3 workers
    assert pool.machine_workers() == 3
    monkeypatch.setattr(planning, "machine_workers", pool.machine_workers)
    jobs, warning = effective_jobs(BatchOptions(jobs=10_000))
    assert jobs == 3 and warning is not None and warning.code == "batch-jobs-capped"
    assert "10000" in warning.message("vi") and "3" in warning.message("en")
    assert effective_jobs(BatchOptions(jobs=2)) == (2, None)
    monkeypatch.setattr(pool, "available_memory", lambda: 10)  # nearly nothing: still one
    assert pool.machine_workers() == 1
    monkeypatch.setattr(pool, "available_memory", lambda: None)  # unknown: the cores decide
    assert pool.machine_workers() == 2 * pool.WORKERS_PER_CORE


# --- combined documents (issue 15) ------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def same_template(tmp_path: Path, *texts: str) -> list[Conversion]:
    """.docx files of one "template" (same parts but the body), stored so the fake can read
    their text: the pool combines them."""
    import zipfile

    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    jobs = []
    for n, text in enumerate(texts, start=1):
        path = src / f"doc{n}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(
                "word/document.xml",
                f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
                '<w:sectPr><w:cols w:space="720"/></w:sectPr></w:body></w:document>',
            )
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"/>',
            )
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{_W}"/>')
        jobs.append(Conversion(f"doc{n}", path, tmp_path / "out" / f"doc{n}.pdf"))
    return jobs


def test_a_combined_pdf_that_cannot_be_cut_is_converted_one_by_one(
    tmp_path: Path, fake: Path
) -> None:
    # The fake writes blank pages without the part markers: the pool may not guess where
    # each document starts, so it converts each alone instead.
    jobs = same_template(tmp_path, "a", "b", "c", "d")
    with ConverterPool(2, soffice=fake, timeout=20) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    assert all(r.ok and r.pages == 1 for r in results.values()) and len(results) == 4
    assert pool.stats.combined == 0 and pool.stats.uncombined == 4
    assert [len(s) for s in starts(tmp_path)][:2] == [1, 1]  # two combined documents first
    assert sum(len(s) for s in starts(tmp_path)) == 2 + 4
    assert living(str(tmp_path / "state")) == []


def test_a_failing_document_in_a_combined_one_is_reported_never_merged(
    tmp_path: Path, fake: Path
) -> None:
    # The combined document fails (it holds the broken one); its documents are converted
    # one by one: the broken one is reported after its two tries, the others are made.
    jobs = same_template(tmp_path, "a", "BROKEN", "c")
    with ConverterPool(1, soffice=fake, timeout=20) as pool:
        results = {r.key: r for r in pool.convert(jobs)}
    broken = results["doc2"]
    assert not broken.ok and broken.code == "pool-worker-failed" and broken.attempts == 2
    assert "source file could not be loaded" in broken.params["reason"]
    assert results["doc1"].ok and results["doc3"].ok
    assert not (tmp_path / "out" / "doc2.pdf").exists()
    assert pool.stats.uncombined == 3 and pool.stats.combined == 0
    assert living(str(tmp_path / "state")) == []


def test_combined_documents_are_shared_out_in_one_start_per_worker() -> None:
    # Two shares of certificates and the round's two long documents (combined with each
    # other): two starts, not a third for the long ones.
    from ocop_docs.production.pool import _planned, _Task

    def task(name: str, parts: int) -> _Task:
        job = Conversion(name, Path(f"{name}.docx"), Path(f"{name}.pdf"))
        return _Task(job, parts=[_Task(job) for _ in range(parts)] if parts > 1 else None)

    starts = _planned([task("long", 2), task("a", 2), task("b", 2)], workers=2, batch_size=200)
    assert sorted(sum(t.weight for t in s) for s in starts) == [2, 4]
    many = [task(f"c{n}", 50) for n in range(20)] + [task("long", 2), task("x", 1)]
    starts = _planned(many, workers=2, batch_size=200)
    assert len(starts) == 6 and all(sum(t.weight for t in s) <= 200 for s in starts)
    assert sorted(t.job.key for s in starts for t in s) == sorted(t.job.key for t in many)
