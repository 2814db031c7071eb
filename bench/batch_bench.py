"""Benchmark of ``ocop-docs batch``: rendering, PDF conversion and memory, side by side.

Run from the repository root (LibreOffice needed for the PDF rows):

    python bench/batch_bench.py                       # writes bench/results/batch.md
    python bench/batch_bench.py --docs 500 --no-pdf   # quicker, rendering only

What is measured, in one run, on the same template (the certificate, ``giay-chung-nhan``)
and the same data (a synthetic round of N products built from the sample Thái Nguyên
round's council and decision, given as a results spreadsheet):

* **plain docxtpl loop**: ``DocxTemplate(path).render(ctx); tpl.save(file)`` per document,
  on one core (the same contexts the batch renders);
* **batch renderer**: the render stage of ``run_batch`` (prepared template, atomic writes,
  fingerprints, manifest) with 1 and 2 jobs, pinned to 1 and 2 cores; also the whole
  ``run_batch`` call, which adds reading and validating the spreadsheet;
* **peak memory** of a 10,000-certificate batch (render only), from ``resource.getrusage``
  (peak RSS of the parent and of the largest worker) and the peak of the summed PSS of all
  processes, sampled from /proc (shared pages counted once);
* **the floor**: zipping a certificate whose XML is already rendered, the fixed parts
  deflated once (the zip floor), and that plus writing it atomically (the write floor);
* **the minutes at many rows**: the render stage of one ``bien-ban`` for N/4 and N
  products, to show it grows linearly;
* **PDF** (``bench/pdf_bench.py``, also runnable alone): a round's mix (the minutes, the
  decision, one certificate per product) converted every way side by side, alternately:
  one ``soffice --headless --convert-to pdf`` process per document (the 1.0×), two plain
  ``soffice --convert-to pdf`` calls with half the files each, the pool as it was (one
  LibreOffice document per file) and as it is (documents of one template combined, the PDF
  cut back per document), and unoserver as the reference (``--uno-python``); every way's
  PDFs checked page by page against the plain calls'.

Outputs go to a temporary folder on the same disk as the repository. No number here is
asserted by the tests (no timed assertions in the unit tests); the table is for the README.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples" / "dot-danh-gia"
TEMPLATE = ROOT / "templates" / "giay-chung-nhan.docx"
SCORERS = (1, 2, 3, 4, 5, 7, 8)


def make_round(n: int, folder: Path, *, qr: bool = False) -> Path:
    """A results spreadsheet (CSV and its two sidecars) with ``n`` recognised products.

    Without ``qr`` the sample's ``giay_chung_nhan.tra_cuu`` is left blank, so certificates
    carry no look-up QR code: the plain docxtpl loop cannot make one, and segno's
    pure-Python QR encoder costs several times a certificate (its own row shows it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for side in ("thong-tin-dot", "hoi-dong"):
        shutil.copy(SAMPLES / f"thai-nguyen-2026-dot-2.{side}.csv", folder / f"dot.{side}.csv")
    if not qr:
        info = folder / "dot.thong-tin-dot.csv"
        rows = list(csv.reader(io.StringIO(info.read_text(encoding="utf-8"))))
        for row in rows:
            if row and row[0] == "giay_chung_nhan.tra_cuu":
                row[1] = ""
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        info.write_text(out.getvalue(), encoding="utf-8")
    head = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Bộ sản phẩm", "Mã sản phẩm"]
    head += [f"Điểm TV{i}" for i in SCORERS]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(head)
    for i in range(1, n + 1):
        scores = [55 + (i * 7 + j) % 30 for j in range(len(SCORERS))]  # 3 and 4 stars
        writer.writerow(
            [
                i,
                f"Sản phẩm thử nghiệm số {i}",
                f"Hợp tác xã số {i}",
                "Thôn Nà Làng, xã Côn Minh, tỉnh Thái Nguyên",
                1 + i % 26,
                f"19-02185-{i:03d}-2026",
                *scores,
            ]
        )
    path = folder / "dot.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def pin(cores: int) -> bool:
    if not hasattr(os, "sched_setaffinity"):
        return False
    available = sorted(os.sched_getaffinity(0) | set(range(os.cpu_count() or 1)))
    os.sched_setaffinity(0, set(available[:cores]))
    return True


def unpin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))


def best(runs: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(runs))


# --- rendering ---------------------------------------------------------------------------------


def certificate_contexts(sheet: Path, count: int) -> list[tuple[dict[str, Any], Any]]:
    from ocop_docs.production.contexts.council import round_context
    from ocop_docs.production.contexts.giay_chung_nhan import KIND
    from ocop_docs.production.rounds.loading import round_from_data
    from ocop_docs.production.spreadsheets.mapping import read_round_sheet

    data = read_round_sheet(sheet).data
    assert data is not None and KIND.from_round is not None
    rnd = round_from_data(data, sheet)
    base = round_context(rnd)
    products = [p for p in rnd.products if p.recognised][:count]
    built = [KIND.from_round(rnd, base, p) for p in products]
    return [(b.context, b.when) for b in built]


def plain_loop(contexts: list[tuple[dict[str, Any], Any]], out: Path) -> float:
    """docs/s of ``DocxTemplate(path).render(ctx); save()``, the loop a script would write."""
    from docxtpl import DocxTemplate

    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for n, (ctx, _when) in enumerate(contexts):
        tpl = DocxTemplate(str(TEMPLATE))
        tpl.render(ctx)
        tpl.save(str(out / f"{n}.docx"))
    return len(contexts) / (time.perf_counter() - start)


def batch_run(sheet: Path, out: Path, jobs: int) -> dict[str, float]:
    """The render stage's docs/s (and the whole call's) of run_batch, certificates only."""
    import ocop_docs.production.batch as batch

    shutil.rmtree(out, ignore_errors=True)
    timing: dict[str, float] = {}
    original = batch._render_stage

    def timed(plan: Any, recorder: Any, progress: Any) -> Any:
        start = time.perf_counter()
        result = original(plan, recorder, progress)
        timing["render"] = len(plan.items) / (time.perf_counter() - start)
        timing["count"] = len(plan.items)
        return result

    batch._render_stage = timed  # type: ignore[assignment]
    try:
        me, kids = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        start = time.perf_counter()
        result = batch.run_batch(
            sheet, out, batch.BatchOptions(jobs=jobs, kinds=("giay-chung-nhan",))
        )
        timing["wall"] = time.perf_counter() - start
        timing["total"] = result.produced / timing["wall"]
        me2, kids2 = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        # Where the CPU goes: the parent (planning, context, collecting results, manifest)
        # and the render processes (joined at the end, so counted here).
        timing["parent_cpu"] = me2.ru_utime + me2.ru_stime - me.ru_utime - me.ru_stime
        timing["workers_cpu"] = kids2.ru_utime + kids2.ru_stime - kids.ru_utime - kids.ru_stime
        assert result.failed == 0
    finally:
        batch._render_stage = original  # type: ignore[assignment]
    return timing


def floors(docx: Path, count: int, out: Path) -> tuple[float, float]:
    """docs/s of the zip floor and of the zip-and-write floor for ``docx``'s parts: every
    part but ``word/document.xml`` deflated once, that one deflated per document."""
    import zipfile

    from ocop_docs.files import atomic_write_bytes
    from ocop_docs.production.prepared import _Entry, write_zip

    with zipfile.ZipFile(docx) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    fixed = {name: _Entry.of(name, blob) for name, blob in parts if name != "word/document.xml"}
    xml = dict(parts)["word/document.xml"]

    def one() -> bytes:
        entries = [fixed.get(name) or _Entry.of(name, xml) for name, _ in parts]
        return write_zip(entries)

    start = time.perf_counter()
    for _ in range(count):
        one()
    zipping = count / (time.perf_counter() - start)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for n in range(count):
        atomic_write_bytes(out / f"{n}.docx", one())
    writing = count / (time.perf_counter() - start)
    return zipping, writing


def minutes_seconds(sheet: Path, out: Path) -> float:
    """Seconds of the render stage for the minutes (one document listing every product)."""
    import ocop_docs.production.batch as batch

    shutil.rmtree(out, ignore_errors=True)
    timing: dict[str, float] = {}
    original = batch._render_stage

    def timed(plan: Any, recorder: Any, progress: Any) -> Any:
        start = time.perf_counter()
        result = original(plan, recorder, progress)
        timing["render"] = time.perf_counter() - start
        return result

    batch._render_stage = timed  # type: ignore[assignment]
    try:
        result = batch.run_batch(sheet, out, batch.BatchOptions(jobs=1, kinds=("bien-ban",)))
        assert result.failed == 0 and result.produced == 1
    finally:
        batch._render_stage = original  # type: ignore[assignment]
    shutil.rmtree(out, ignore_errors=True)
    return timing["render"]


# --- one document ------------------------------------------------------------------------------

SINGLE = (  # (kind, input, product): a certificate, the decision, Mẫu 01
    ("giay-chung-nhan", ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml", 2),
    ("quyet-dinh", ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml", None),
    ("phieu-dang-ky", ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan", None),
)


def single_documents(
    out: Path, count: int, runs: int
) -> list[tuple[str, float, float, float, float]]:
    """ms per document, same template and context: the plain docxtpl loop; ``render()`` in
    this process as the service calls it (the template kept prepared across calls; its
    context built from the input each time, as a request must); that context alone; and
    the ``ocop-docs render`` command, a new process per document (its start included)."""
    out.mkdir(parents=True, exist_ok=True)
    return [_one_kind(kind, source, product, out, count, runs) for kind, source, product in SINGLE]


def _one_kind(
    kind: str, source: Path, product: int | None, out: Path, count: int, runs: int
) -> tuple[str, float, float, float, float]:
    from docxtpl import DocxTemplate

    from ocop_docs.production.contexts.building import build_context
    from ocop_docs.production.contexts.registry import KINDS
    from ocop_docs.production.rendering import render
    from ocop_docs.resources import templates_dir

    allow = [ROOT / "samples" / "ho-so"]
    template = templates_dir() / KINDS[kind].template
    built = build_context(kind, source, product=product, allow=allow)

    def each(fn: Callable[[], object], n: int) -> float:
        fn()  # warm: the first call prepares the template (and imports)
        return best(runs, lambda: _timed(fn, n)) * 1e3

    def plain() -> None:
        tpl = DocxTemplate(str(template))
        tpl.render(built.context)
        tpl.save(str(out / "plain.docx"))

    def tool() -> None:
        render(kind, source, out / "tool.docx", product=product, allow=allow)

    def context() -> None:
        build_context(kind, source, product=product, allow=allow)

    command = [sys.executable, "-m", "ocop_docs", "render", kind, str(source)]
    command += ["-o", str(out / "cli.docx"), "--overwrite", "--allow", str(allow[0])]
    command += ["--product", str(product)] if product else []

    def cli() -> None:
        subprocess.run(command, check=True, capture_output=True, cwd=out)

    return kind, each(plain, count), each(tool, count), each(context, count), each(cli, 2)


def _timed(fn: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


# --- memory -----------------------------------------------------------------------------------


def _pss(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _rss(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory_child(sheet: str, out: str, kinds: str) -> None:
    """Runs in a fresh interpreter: a batch of ``kinds`` (comma-separated; "round": the
    round's default kinds, the decision, the minutes and every certificate); prints peak
    memory as JSON: the summed PSS and the summed RSS of the whole process tree."""
    from ocop_docs.production.batch import BatchOptions, run_batch

    me = os.getpid()
    peak_total = [0]
    peak_rss = [0]
    running = [True]

    def tree() -> list[int]:
        pids, seen = [me], {me}
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    status = Path(f"/proc/{entry}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("PPid:"):
                        parents[int(entry)] = int(line.split()[1])
                        break
        grew = True
        while grew:  # children, grandchildren …
            grew = False
            for pid, parent in parents.items():
                if parent in seen and pid not in seen:
                    seen.add(pid)
                    pids.append(pid)
                    grew = True
        return pids

    def sample() -> None:
        while running[0]:
            pids = tree()
            peak_total[0] = max(peak_total[0], sum(_pss(p) for p in pids))
            peak_rss[0] = max(peak_rss[0], sum(_rss(p) for p in pids))
            time.sleep(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    options = BatchOptions() if kinds == "round" else BatchOptions(kinds=tuple(kinds.split(",")))
    result = run_batch(sheet, out, options)
    seconds = time.perf_counter() - start
    running[0] = False
    thread.join()
    print(
        json.dumps(
            {
                "documents": result.produced,
                "failed": result.failed,
                "seconds": seconds,
                "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "total_pss_mb": peak_total[0] / 1024,
                "total_rss_mb": peak_rss[0] / 1024,
            }
        )
    )


def _scratch(work: Path) -> Path:
    """tmpfs when there is one (writing and removing 10,000 files on this VM's shared disk
    took minutes; the processes' memory is the same), else ``work``."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="ocop-bench-", dir=shm))
    return work


def memory(sheet: Path, out: Path, kinds: str = "giay-chung-nhan") -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(sheet), str(out), kinds],
        capture_output=True,
        text=True,
        check=True,
    )
    shutil.rmtree(out, ignore_errors=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- PDF ----------------------------------------------------------------------------------------


def pdf_section(args: argparse.Namespace, work: Path) -> str:
    """The PDF ways side by side on a round's mix (bench/pdf_bench.py; issue 15): one
    soffice per document, two plain calls, the pool as it was and as it is, unoserver."""
    import pdf_bench

    return pdf_bench.run(
        args.pdf_pool, args.pdf_single, args.pdf_rounds, args.uno_python, work / "pdf"
    )


# --- the report --------------------------------------------------------------------------------


def machine() -> str:
    model = ""
    with __import__("contextlib").suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    soffice = ""
    with __import__("contextlib").suppress(Exception):
        from ocop_docs.production.conversion import find_soffice

        soffice = (
            subprocess.run(
                [str(find_soffice()), "--version"], capture_output=True, text=True, timeout=60
            )
            .stdout.strip()
            .split("\n")[0]
        )
    mem = ""
    with __import__("contextlib").suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({model or platform.processor()}){mem}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}" + (f", {soffice}" if soffice else "")
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="certificates for the batch runs")
    parser.add_argument("--plain", type=int, default=200, help="documents for the plain loop")
    parser.add_argument("--memory", type=int, default=10000, help="certificates for memory")
    parser.add_argument("--minutes", type=int, default=4000, help="products in the minutes")
    parser.add_argument(
        "--round-memory",
        type=int,
        default=10000,
        help="products of a whole round (decision, minutes, certificates) for memory; 0: skip",
    )
    parser.add_argument("--single", type=int, default=20, help="documents per one-document row")
    parser.add_argument("--pdf-single", type=int, default=20, help="documents, one soffice each")
    parser.add_argument(
        "--pdf-pool",
        type=int,
        default=200,
        help="products of the PDF round (its minutes, decision and one certificate each)",
    )
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--pdf-rounds", type=int, default=3, help="rounds of the PDF ways")
    parser.add_argument(
        "--uno-python",
        default=os.environ.get("OCOP_UNO_PYTHON"),
        help="a Python with python3-uno and unoserver, for the unoserver reference row",
    )
    parser.add_argument("--runs", type=int, default=3, help="best of N for the render rows")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "batch.md")
    parser.add_argument("--memory-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0

    work = Path(tempfile.mkdtemp(prefix="ocop-bench-", dir=ROOT / "bench"))
    rows: list[tuple[str, str, str]] = []
    notes: list[str] = []
    pdf_table = ""
    tables: list[list[str]] = []
    try:
        sheet = make_round(args.docs, work / "dot")
        contexts = certificate_contexts(sheet, args.plain)
        pinned = pin(1)
        plain = best(args.runs, lambda: plain_loop(contexts, work / "plain"))
        one = [batch_run(sheet, work / "b1", 1) for _ in range(args.runs)]
        pin(2)
        two = [batch_run(sheet, work / "b2", 2) for _ in range(args.runs)]
        r1 = max(t["render"] for t in one)
        r2 = max(t["render"] for t in two)
        cpu2 = min(two, key=lambda t: t["wall"])
        notes.append(
            f"`--jobs 2` (whole run_batch, its fastest run): {cpu2['wall']:.2f} s wall; CPU "
            f"{cpu2['parent_cpu']:.2f} s in the parent, {cpu2['workers_cpu']:.2f} s in the "
            f"render processes, so {(cpu2['parent_cpu'] + cpu2['workers_cpu']) / cpu2['wall']:.2f} "
            "cores busy on average (2.0 would be both cores ours all along); load average "
            f"at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
        )
        rows += [
            (
                "plain docxtpl loop (`DocxTemplate(path).render(ctx); save()`), 1 core",
                f"{plain:,.0f}",
                "1.0×",
            ),
            ("batch renderer, `--jobs 1` (1 core)", f"{r1:,.0f}", f"{r1 / plain:.1f}×"),
            ("batch renderer, `--jobs 2` (2 cores)", f"{r2:,.0f}", f"{r2 / plain:.1f}×"),
        ]
        shm = Path("/dev/shm")
        if shm.is_dir() and os.access(shm, os.W_OK):
            ram = Path(tempfile.mkdtemp(prefix="ocop-bench-", dir=shm))
            try:
                pin(1)
                m1 = max(batch_run(sheet, ram / "b1", 1)["render"] for _ in range(args.runs))
                pin(2)
                m2 = max(batch_run(sheet, ram / "b2", 2)["render"] for _ in range(args.runs))
            finally:
                shutil.rmtree(ram, ignore_errors=True)
            rows += [
                (
                    "batch renderer, `--jobs 1`, output in RAM (tmpfs)",
                    f"{m1:,.0f}",
                    f"{m1 / plain:.1f}×",
                ),
                (
                    "batch renderer, `--jobs 2`, output in RAM (tmpfs)",
                    f"{m2:,.0f}",
                    f"{m2 / plain:.1f}×",
                ),
            ]
            notes.append(f"Second core, output in RAM: {m2 / m1:.2f}× the first.")
        pin(1)
        with_qr = make_round(max(1, args.docs // 5), work / "dot-qr", qr=True)
        q1 = max(batch_run(with_qr, work / "bq", 1)["render"] for _ in range(args.runs))
        rows.append(
            (
                "batch renderer, `--jobs 1`, every certificate with its look-up QR code "
                f"(`giay_chung_nhan.tra_cuu`, segno; {max(1, args.docs // 5):,} certificates)",
                f"{q1:,.0f}",
                f"{q1 / plain:.1f}×",
            )
        )
        unpin()
        rows += [
            (
                "whole `run_batch` (reading and validating the sheet included), `--jobs 1`",
                f"{max(t['total'] for t in one):,.0f}",
                f"{max(t['total'] for t in one) / plain:.1f}×",
            ),
            (
                "whole `run_batch`, `--jobs 2`",
                f"{max(t['total'] for t in two):,.0f}",
                f"{max(t['total'] for t in two) / plain:.1f}×",
            ),
        ]
        docx0 = next((work / "b1" / "giay-chung-nhan").glob("*.docx"))
        zip_floor, write_floor = floors(docx0, args.plain * 5, work / "floor")
        rows += [
            (
                "floor: zip a rendered certificate (fixed parts deflated once)",
                f"{zip_floor:,.0f}",
                f"{1e3 / zip_floor:.2f} ms a document",
            ),
            (
                "floor: zip and write it atomically",
                f"{write_floor:,.0f}",
                f"{1e3 / write_floor:.2f} ms; batch `--jobs 1` takes "
                f"{write_floor / r1:.1f}× this floor",
            ),
        ]
        notes.append(
            f"Rendering: {args.docs:,} certificates per batch run, plain loop on the first "
            f"{args.plain} of the same contexts; best of {args.runs}; pinned with "
            f"sched_setaffinity: {pinned}. Second core: {r2 / r1:.2f}× the first."
        )
        quarter = make_round(max(1, args.minutes // 4), work / "dot-minutes-4")
        whole = make_round(args.minutes, work / "dot-minutes")
        small_s, big_s = minutes_seconds(quarter, work / "mq"), minutes_seconds(whole, work / "mw")
        rows.append(
            (
                f"the minutes (`bien-ban`) of {args.minutes // 4:,} and {args.minutes:,} "
                "products: seconds to render",
                f"{small_s:.2f} s / {big_s:.2f} s",
                f"{big_s / small_s:.1f}× for 4× the rows",
            )
        )
        big = make_round(args.memory, work / "dot10k")
        scratch = _scratch(work)
        mem = memory(big, scratch / "m")
        if scratch != work:
            shutil.rmtree(scratch, ignore_errors=True)
        rows.append(
            (
                f"{mem['documents']:,.0f} certificates, `--jobs 2`: peak RSS parent / largest worker; "
                "peak PSS of all processes",
                f"{mem['documents'] / mem['seconds']:,.0f}",
                f"{mem['parent_mb']:.0f} MB / {mem['worker_mb']:.0f} MB; {mem['total_pss_mb']:.0f} MB",
            )
        )
        if args.round_memory:
            whole_round = make_round(args.round_memory, work / "dot-round")
            scratch = _scratch(work)
            rm = memory(whole_round, scratch / "m-round", "round")
            if scratch != work:
                shutil.rmtree(scratch, ignore_errors=True)
            rows.append(
                (
                    f"a whole round of {args.round_memory:,} products (decision, minutes, "
                    f"{rm['documents'] - 2:,.0f} certificates), `--jobs 2`: peak of the summed "
                    "PSS / summed RSS of the whole process tree",
                    f"{rm['documents'] / rm['seconds']:,.0f}",
                    f"{rm['total_pss_mb']:.0f} MB / {rm['total_rss_mb']:.0f} MB",
                )
            )
        if args.single:
            unpin()
            one_doc = single_documents(work / "single-docs", args.single, args.runs)
            tables.append(
                [
                    "One document, same template and context (ms per document, best of "
                    f"{args.runs}; {args.single} documents per timing, the CLI 2):",
                    "",
                    "| document | plain docxtpl loop | `render()` in process, template kept "
                    "(as the service) | of which: its context from the input | "
                    "`ocop-docs render` (a new process) | `render()` / plain |",
                    "| --- | ---: | ---: | ---: | ---: | ---: |",
                    *(
                        f"| {kind} | {p:.1f} | {t:.1f} | {c:.1f} | {cli:.0f} | {t / p:.2f}× |"
                        for kind, p, t, c, cli in one_doc
                    ),
                    "",
                ]
            )
        if not args.no_pdf:
            pdf_table = pdf_section(args, work)
    finally:
        unpin()
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        f"Machine: {machine()}",
        "",
        "| what | documents/s | ratio / memory |",
        "| --- | ---: | ---: |",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
        *(line for table in tables for line in table),
        *notes,
        "",
        pdf_table,
        "Command: `python bench/batch_bench.py` (" + " ".join(argv or ["defaults"]) + ")",
        "",
    ]
    text = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
