"""PDF conversion of a round, side by side in one run (issue 15): every way measured on the
same documents, alternately, several times.

Run from the repository root (LibreOffice needed; unoserver optional):

    python bench/pdf_bench.py --products 100 --single 10 --rounds 3   # bench/results/pdf.md
    python bench/pdf_bench.py --uno-python venv-uno/bin/python          # with unoserver

The documents are a round's mix: the minutes (``bien-ban``) and the decision
(``quyet-dinh``, with its annex), one document each listing every product, and one
certificate per product, rendered by ``run_batch`` from a synthetic round of N products.
Measured, each once per round, rounds alternating the ways so the load of the machine
(shared) falls on all of them alike:

* **one soffice per document**: ``soffice --headless --convert-to pdf`` per file, one at a
  time, warm profile (the baseline: 1.0×); timed on the first S certificates, the minutes
  and the decision, and given for the mix as its documents would take;
* **two plain calls**: two ``soffice --convert-to pdf --outdir D f…`` side by side, half the
  files each (warm profiles): what a user would type;
* **the pool as it was**: :class:`~ocop_docs.production.pool.ConverterPool`, 2 workers,
  many documents per start, one document per LibreOffice document (``combine=False``);
* **the pool now** (the default of ``batch --pdf``): certificates combined into one
  LibreOffice document per worker share and cut back into one PDF each;
* **unoserver** (reference): two ``unoserver`` servers (each its LibreOffice, warm) and a
  client per server converting its half, one request per document; it needs a Python with
  LibreOffice's UNO bridge (``python3-uno``) and ``pip install unoserver``, given with
  ``--uno-python``; without it the row says why it was not run.

Per way: documents/s (best of the rounds, and the median), the ratio to one soffice per
document, and CPU seconds per document (LibreOffice and the tool's Python, from rusage and,
for unoserver's long-running servers, from /proc). Every way's PDFs are checked against
the two plain calls' (the reference of "converted alone"): page count, page sizes, the
text of every page (``pdftotext``) and, with ``pdftoppm``, every page rasterised at 30 dpi.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

UNO_CLIENT = r"""
import sys
from pathlib import Path
from unoserver.client import UnoClient
port, outdir, files = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
client = UnoClient(server="127.0.0.1", port=port, host_location="local")
for f in files:
    client.convert(inpath=f, outpath=str(outdir / (Path(f).stem + ".pdf")), convert_to="pdf")
"""


# Where one LibreOffice's time goes, through the UNO bridge of a running server: loading a
# document (reading the .docx, its styles, laying it out), exporting it to PDF, closing it.
UNO_PROFILE = r"""
import json, sys, time, uno
from com.sun.star.beans import PropertyValue
port, files = sys.argv[1], sys.argv[2:]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
ctx = resolver.resolve(
    "uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext" % port)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
spent = {"load": 0.0, "export": 0.0, "close": 0.0}
for f in files:
    a = time.perf_counter()
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(f), "_blank", 0, (prop("Hidden", True),))
    b = time.perf_counter()
    doc.storeToURL(uno.systemPathToFileUrl(f + ".pdf"),
                   (prop("FilterName", "writer_pdf_Export"),))
    c = time.perf_counter()
    doc.close(True)
    spent["load"] += b - a; spent["export"] += c - b; spent["close"] += time.perf_counter() - c
print(json.dumps(spent))
"""


@dataclass
class Way:
    name: str
    run: Callable[[Path], None]  # converts every document into the folder given
    rates: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds per document
    note: str = ""


class CpuMeter:
    """CPU seconds of this process and of every process below it, sampled from /proc
    (rusage misses LibreOffice processes that the pool kills once their last PDF is
    written, and unoserver's servers, which outlive each run): a thread notes each
    descendant's CPU time every 0.1 s; :meth:`seconds` is the total since :meth:`start`."""

    def __init__(self) -> None:
        self.tick = os.sysconf("SC_CLK_TCK")
        self.seen: dict[tuple[int, str], int] = {}  # (pid, start time) → ticks last seen
        self.before: dict[tuple[int, str], int] = {}
        self.me0 = 0.0
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _scan(self) -> dict[tuple[int, str], int]:
        stats: dict[int, list[str]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stats[int(entry)] = (
                        Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                    )
                except (OSError, IndexError):
                    continue
        me = os.getpid()
        mine: dict[tuple[int, str], int] = {}
        for pid, fields in stats.items():
            up, hops = int(fields[1]), 0
            while up not in (me, 0, 1) and up in stats and hops < 20:
                up, hops = int(stats[up][1]), hops + 1
            if up == me:  # fields after the name: state, ppid …; utime 11, stime 12, start 19
                mine[(pid, fields[19])] = int(fields[11]) + int(fields[12])
        return mine

    def _loop(self) -> None:
        while self.running:
            found = self._scan()
            with self.lock:
                for key, ticks in found.items():
                    self.seen[key] = max(ticks, self.seen.get(key, 0))
            time.sleep(0.1)

    def start(self) -> None:
        found = self._scan()
        with self.lock:
            for key, ticks in found.items():
                self.seen[key] = max(ticks, self.seen.get(key, 0))
            self.before = dict(self.seen)
        me = resource.getrusage(resource.RUSAGE_SELF)
        self.me0 = me.ru_utime + me.ru_stime

    def seconds(self) -> float:
        found = self._scan()
        me = resource.getrusage(resource.RUSAGE_SELF)
        with self.lock:
            for key, ticks in found.items():
                self.seen[key] = max(ticks, self.seen.get(key, 0))
            kids = sum(t - self.before.get(k, 0) for k, t in self.seen.items())
        return me.ru_utime + me.ru_stime - self.me0 + kids / self.tick

    def close(self) -> None:
        self.running = False
        self.thread.join()


def soffice() -> str:
    from ocop_docs.production.conversion import find_soffice

    return str(find_soffice())


def plain(files: list[Path], out: Path, profile: Path) -> list[str]:
    return [
        soffice(),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, files),
    ]


def _quiet(cmd: list[str]) -> None:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def mix(products: int, work: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """The round's documents: (all of them, the certificates, the two long ones)."""
    import batch_bench

    from ocop_docs.production.batch import BatchOptions, run_batch

    sheet = batch_bench.make_round(products, work / "dot")
    out = work / "docx"
    result = run_batch(sheet, out, BatchOptions(jobs=1))
    assert result.failed == 0, result
    certificates = sorted((out / "giay-chung-nhan").glob("*.docx"))
    long = sorted(p for p in out.rglob("*.docx") if p.parent.name != "giay-chung-nhan")
    return long + certificates, certificates, long


def one_per_document(files: list[Path], out: Path, profile: Path) -> float:
    """Seconds for ``files`` converted one ``soffice`` process each, one after the other."""
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for path in files:
        _quiet(plain([path], out, profile))
    return time.perf_counter() - start


def two_plain_calls(files: list[Path], out: Path, profiles: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    procs = [
        subprocess.Popen(
            plain(files[i::2], out, profiles[i]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(2)
    ]
    if any(p.wait() != 0 for p in procs):
        raise SystemExit("a plain soffice call failed")


def pool(files: list[Path], out: Path, combine: bool) -> str:
    from ocop_docs.production.pool import Conversion, ConverterPool

    jobs = [Conversion(str(n), f, out / (f.stem + ".pdf")) for n, f in enumerate(files)]
    with ConverterPool(2, combine=combine) as converter:
        results = list(converter.convert(jobs))
    failed = [r for r in results if not r.ok]
    if failed:
        raise SystemExit(f"the pool failed {len(failed)} documents: {failed[0].params}")
    s = converter.stats
    return f"{s.starts} starts, {s.combined} documents combined"


class Unoservers:
    """Two unoserver servers on loopback, each with its own LibreOffice and profile."""

    def __init__(self, python: str, work: Path) -> None:
        self.python = python
        self.procs: list[subprocess.Popen[bytes]] = []
        self.ports: list[int] = []
        self.uno_ports: list[int] = []
        for n in range(2):
            port, uno_port = _free_port(), _free_port()
            self.ports.append(port)
            self.uno_ports.append(uno_port)
            self.procs.append(
                subprocess.Popen(
                    [
                        python,
                        "-m",
                        "unoserver.server",
                        "--interface",
                        "127.0.0.1",
                        "--uno-interface",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--uno-port",
                        str(uno_port),
                        "--user-installation",
                        str((work / f"uno-profile-{n}").resolve()),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )

    def wait_ready(self, sample: Path, work: Path) -> None:
        deadline = time.monotonic() + 120
        for port in self.ports:
            while True:
                done = subprocess.run(
                    [self.python, "-c", UNO_CLIENT, str(port), str(work), str(sample)],
                    capture_output=True,
                )
                if done.returncode == 0:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(done.stderr.decode()[-300:])
                time.sleep(1)

    def convert(self, files: list[Path], out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        clients = [
            subprocess.Popen([self.python, "-c", UNO_CLIENT, str(port), str(out), *map(str, share)])
            for port, share in zip(self.ports, (files[0::2], files[1::2]), strict=True)
        ]
        if any(c.wait() != 0 for c in clients):
            raise SystemExit("a unoserver client failed")

    def profile(self, files: list[Path], copies: Path) -> dict[str, float]:
        """Seconds spent loading, exporting and closing ``files`` (copies, so no PDF lands
        beside the originals), in the first server's LibreOffice."""
        import json

        copies.mkdir(parents=True, exist_ok=True)
        paths = [shutil.copy(f, copies / f.name) for f in files]
        done = subprocess.run(
            [self.python, "-c", UNO_PROFILE, str(self.uno_ports[0]), *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    def close(self) -> None:
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # its LibreOffice too


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def uno_available(python: str | None) -> str | None:
    """None when ``python`` can run the unoserver client and server; else why not."""
    if not python:
        return "no --uno-python given (a Python with python3-uno and unoserver)"
    try:
        done = subprocess.run(
            [python, "-c", "import uno, unoserver.client, unoserver.server"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except OSError as exc:
        return f"{python}: {exc}"
    if done.returncode:
        return f"{python}: " + (done.stderr.strip().splitlines() or ["import failed"])[-1]
    return None


# --- checking that the PDFs are the same ------------------------------------------------------


def _pages(pdf: Path) -> tuple[int, list[tuple[float, float]]]:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return len(reader.pages), [
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in reader.pages
    ]


def same_pages(reference: Path, other: Path, raster: bool) -> str | None:
    """None when ``other`` has the pages of ``reference``; else what differs."""
    if not other.is_file():
        return "missing"
    if _pages(reference) != _pages(other):
        return "page count or size"
    text = [
        subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True).stdout
        for p in (reference, other)
    ]
    if text[0] != text[1]:
        return "text"
    if raster:
        pixels = [
            subprocess.run(["pdftoppm", "-r", "30", "-gray", str(p)], capture_output=True).stdout
            for p in (reference, other)
        ]
        if pixels[0] != pixels[1]:
            return "pixels"
    return None


def compare(files: list[Path], reference: Path, other: Path) -> str:
    if not shutil.which("pdftotext"):
        return "not checked (pdftotext missing)"
    raster = shutil.which("pdftoppm") is not None
    bad = []
    for f in files:
        why = same_pages(reference / (f.stem + ".pdf"), other / (f.stem + ".pdf"), raster)
        if why:
            bad.append(f"{f.name}: {why}")
    what = "pages, sizes, text" + (", pixels at 30 dpi" if raster else "")
    if bad:
        return f"DIFFERENT in {len(bad)} of {len(files)} ({what}): " + "; ".join(bad[:3])
    return f"identical, {len(files)} of {len(files)} ({what})"


# --- the run ------------------------------------------------------------------------------------


def run(products: int, single: int, rounds: int, uno_python: str | None, work: Path) -> str:
    files, certificates, long = mix(products, work)
    profiles = [work / f"profile-{n}" for n in range(2)]
    for profile in profiles:  # warm: only steady state is timed
        _quiet(plain(files[:1], work / "warm", profile))
    why_not_uno = uno_available(uno_python)
    servers: Unoservers | None = None
    meter = CpuMeter()
    if why_not_uno is None:
        assert uno_python is not None
        servers = Unoservers(uno_python, work)
    try:
        if servers is not None:
            servers.wait_ready(certificates[0], work / "warm")
        ways = [
            Way(
                "two plain `soffice --convert-to pdf` calls side by side, half the files each",
                lambda out: two_plain_calls(files, out, profiles),
            ),
            Way(
                "pool as it was (2 workers, many documents per start, one document each)",
                lambda out: None,
            ),
            Way(
                "pool now, `batch --pdf`'s default (certificates combined, PDF cut per document)",
                lambda out: None,
            ),
        ]
        notes: dict[int, str] = {}
        ways[1].run = lambda out: notes.__setitem__(1, pool(files, out, combine=False))
        ways[2].run = lambda out: notes.__setitem__(2, pool(files, out, combine=True))
        if servers is not None:
            ways.append(
                Way(
                    "unoserver (reference): 2 servers, a client each with half the files",
                    lambda out: servers.convert(files, out),
                )
            )
        baseline: list[float] = []  # seconds of the mix, one soffice per document
        base_cpu: list[float] = []
        outs: dict[int, Path] = {}
        for r in range(rounds):
            # Alternate: each round starts with another way, the baseline in between.
            order = list(range(len(ways)))
            order = order[r % len(order) :] + order[: r % len(order)]
            for i in order:
                out = work / f"way{i}-round{r}"
                meter.start()
                start = time.perf_counter()
                ways[i].run(out)
                seconds = time.perf_counter() - start
                ways[i].rates.append(len(files) / seconds)
                ways[i].cpu.append(meter.seconds() / len(files))
                if i in notes:
                    ways[i].note = notes[i]
                if r == rounds - 1:
                    outs[i] = out
                elif r < rounds - 1:
                    shutil.rmtree(out, ignore_errors=True)
            sample = certificates[:single]
            meter.start()
            cert_s = one_per_document(sample, work / f"single-{r}", profiles[0]) / len(sample)
            long_s = one_per_document(long, work / f"single-{r}", profiles[0])
            base_cpu.append(meter.seconds() / (len(sample) + len(long)))
            baseline.append(cert_s * len(certificates) + long_s)
        profile_lines: list[str] = []
        if servers is not None:
            from ocop_docs.production import combining

            sample = certificates[: max(single, 2)]
            combined = work / "profile" / "combined.docx"
            combined.parent.mkdir(parents=True, exist_ok=True)
            combining.combine(sample, combined)
            each = servers.profile(sample, work / "profile" / "each")
            whole = servers.profile([combined], work / "profile" / "whole")
            k = len(sample)
            profile_lines = [
                f"Where the time goes, in one warm LibreOffice (UNO, {k} certificates; ms a "
                "certificate): "
                + ", ".join(f"{name} {1e3 * v / k:.0f}" for name, v in each.items())
                + f" converted one by one; as one combined document of {k}: "
                + ", ".join(f"{name} {1e3 * v / k:.0f}" for name, v in whole.items())
                + ".",
                "",
            ]
        base_rates = [len(files) / s for s in baseline]
        base = max(base_rates)
        rows = [
            (
                "one `soffice --convert-to pdf` per document, one at a time (warm profile)",
                f"{base:.2f}",
                f"{statistics.median(base_rates):.2f}",
                "1.0×",
                "1.0×",
                f"{min(base_cpu):.2f}",
                f"timed on {len(sample)} certificates, the minutes and the decision",
            )
        ]
        reference = outs[0]
        for i, way in enumerate(ways):
            check = "the reference" if i == 0 else compare(files, reference, outs[i])
            rows.append(
                (
                    way.name,
                    f"{max(way.rates):.2f}",
                    f"{statistics.median(way.rates):.2f}",
                    f"{max(way.rates) / base:.1f}×",
                    # Within each round (the load of a shared machine changes between
                    # rounds more than within one): the median of those ratios.
                    f"{statistics.median(a / b for a, b in zip(way.rates, base_rates, strict=True)):.1f}×",
                    f"{min(way.cpu):.2f}",
                    "; ".join(x for x in (way.note, check) if x),
                )
            )
        if why_not_uno:
            rows.append(
                ("unoserver (reference)", "—", "—", "—", "—", "—", f"not run: {why_not_uno}")
            )
    finally:
        meter.close()
        if servers is not None:
            servers.close()
    lines = [
        f"{len(files)} documents: the minutes and the decision of {products} products and "
        f"{len(certificates)} certificates; best and median of {rounds} rounds, the ways "
        "alternating; CPU = LibreOffice and the tool's Python, seconds per document (the "
        "lowest of the rounds).",
        "",
        "| PDF: way | documents/s (best) | median | ratio (best to best) | ratio (median of "
        "the rounds') | CPU s/doc | outputs against the two plain calls |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
        *profile_lines,
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100)
    parser.add_argument("--single", type=int, default=10, help="certificates, one soffice each")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--uno-python", default=os.environ.get("OCOP_UNO_PYTHON"))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pdf.md")
    args = parser.parse_args(argv)
    import batch_bench

    work = Path(tempfile.mkdtemp(prefix="ocop-pdf-bench-", dir=ROOT / "bench"))
    try:
        load = os.getloadavg()[0]
        table = run(args.products, args.single, args.rounds, args.uno_python, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(
        [
            f"Machine: {batch_bench.machine()} (load average {load:.1f} at the start)",
            "",
            table,
            "Command: `python bench/pdf_bench.py` (" + " ".join(argv or ["defaults"]) + ")",
            "",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
