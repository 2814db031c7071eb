"""A pool of LibreOffice workers converting many .docx files to PDF (issue #5).

Stage "conversion" of the produce pipeline for batches. Starting LibreOffice costs about a
second; converting one certificate once it runs costs a tenth of that. So each worker
converts *many files per start*: ``soffice --headless --convert-to pdf --outdir D f1 … fK``
with its own user profile (``-env:UserInstallation=file:///…``, kept warm between starts and
never shared, so workers never block each other or a LibreOffice the user has open).
This needs no UNO bridge (``python3-uno`` is often not importable from a virtual
environment) and works with any LibreOffice on PATH.

Robustness:

* **Per-document timeout.** LibreOffice writes each PDF to a temporary file and renames it
  when complete, so a new PDF in the output folder is progress. A worker that makes no
  progress for ``timeout`` seconds (plus ``startup`` for its first document) is killed.
* **Kill, restart, retry once.** A hung or crashed LibreOffice is killed with its whole
  process group. Documents already converted are kept; the document it was working on is
  retried once on its own (a fresh start); documents it had not reached go back to the
  queue as they were. A document that fails twice is reported, the others go on.
* **No orphans.** Every LibreOffice runs in its own session (process group); the pool
  kills every group it started when it closes, at interpreter exit (``atexit``), and when
  the batch is interrupted (Ctrl-C, ``SIGTERM``: see :func:`interruptible`).
* **Atomic outputs.** Finished PDFs are checked (pypdf opens them, page count) and moved
  to their target with :func:`~ocop_docs.files.atomic_write_bytes`.

**Combined documents** (issue 15, :mod:`~ocop_docs.production.combining`): documents of one
template that can be put together unchanged (a round's certificates) are converted up to
:data:`~ocop_docs.production.combining.COMBINE_MAX` at a time as one LibreOffice document,
and its PDF is cut back into one PDF per document (a third of the CPU per certificate,
pages identical). When the combined document cannot be made, fails, hangs or gives a PDF
whose part markers do not add up, its documents go back to the queue and are converted one
by one as above, each with its own retry and its own failure: nothing fails, and nothing is
made, for a document because of its neighbours.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import itertools
import math
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from ocop_docs.files import atomic_write_bytes, os_reason
from ocop_docs.production import combining
from ocop_docs.production.conversion import (
    PDF_EXPORT,
    find_soffice,
    prepare_profile,
    soffice_command,
)
from ocop_docs.production.fonts import pdf_families

DEFAULT_DOC_TIMEOUT = 120.0  # seconds without a finished PDF before a worker counts as hung
DEFAULT_STARTUP = 60.0  # extra allowance for LibreOffice's start before its first PDF
# Documents per LibreOffice start. Each start costs about a second; 24 per start made a
# 200-document batch start 9 times (issue 15). A worker is restarted sooner when its
# LibreOffice grows past MAX_WORKER_RSS, so a long batch cannot grow without bound.
DEFAULT_BATCH = 200
MAX_WORKER_RSS = 1024**3  # resident memory of one LibreOffice (all its processes)
MAX_ATTEMPTS = 2  # the first try and one retry (issue #5)
_POLL = 0.02
# What one LibreOffice worker takes at its peak (150–300 MB measured, issue 9): the memory a
# pool may plan for per worker, and how many workers a core can keep busy.
WORKER_MEMORY = 300 * 1024**2
WORKERS_PER_CORE = 4


def available_memory() -> int | None:
    """The memory the system can give without swapping (bytes), None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def machine_workers() -> int:
    """The most workers this machine can hold: a few per core, and no more than its free
    memory has room for at :data:`WORKER_MEMORY` each (at least one)."""
    cores = os.cpu_count() or 1
    limit = WORKERS_PER_CORE * cores
    memory = available_memory()
    if memory is not None:
        limit = min(limit, memory // WORKER_MEMORY)
    return max(1, limit)


@dataclass(frozen=True, slots=True)
class Conversion:
    """One document to convert: ``key`` identifies it in the results."""

    key: str
    source: Path
    target: Path


@dataclass(slots=True)
class Converted:
    """The outcome of one :class:`Conversion`."""

    key: str
    target: Path
    ok: bool
    attempts: int
    sha256: str | None = None
    size: int | None = None
    pages: int | None = None
    families: Counter[str] = field(default_factory=Counter)  # fonts the PDF is set in
    code: str | None = None  # catalogue code of the failure
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Task:
    job: Conversion
    attempts: int = 0
    alone: bool = False  # a retry runs in a LibreOffice of its own
    parts: list[_Task] | None = None  # a combined document: these, in this order

    @property
    def weight(self) -> int:
        return len(self.parts) if self.parts else 1


@dataclass(slots=True)
class PoolStats:
    starts: int = 0  # LibreOffice processes started
    kills: int = 0  # killed after a timeout or because the pool closed
    crashes: int = 0  # ended by themselves with an error
    retries: int = 0
    recycles: int = 0  # stopped between documents for using over max_rss, the rest requeued
    combined: int = 0  # documents made from a combined document
    uncombined: int = 0  # documents of a combined document that went back one by one


# --- process groups ---------------------------------------------------------------------------


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and everything in its process group (soffice → oosplash → soffice.bin)."""
    if proc.poll() is None or os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, AttributeError):
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


class Interrupted(KeyboardInterrupt):
    """The batch was asked to stop (Ctrl-C or SIGTERM)."""


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`Interrupted` in the main thread, so ``finally``
    blocks run and stop every worker; outside the main thread this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signal.Signals(signum).name)

    names = ("SIGTERM", "SIGHUP")
    saved = {n: signal.getsignal(getattr(signal, n)) for n in names if hasattr(signal, n)}
    for name in saved:
        signal.signal(getattr(signal, name), handler)
    try:
        yield
    finally:
        for name, old in saved.items():
            signal.signal(getattr(signal, name), old)


# --- the pool ---------------------------------------------------------------------------------


class ConverterPool:
    """``workers`` LibreOffice workers; use as a context manager and call :meth:`convert`."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        soffice: str | Path | None = None,
        timeout: float = DEFAULT_DOC_TIMEOUT,
        startup: float = DEFAULT_STARTUP,
        batch_size: int = DEFAULT_BATCH,
        workdir: Path | None = None,
        max_rss: int | None = MAX_WORKER_RSS,
        combine: bool = True,
    ) -> None:
        self.exe = find_soffice(soffice)
        self.workers = max(1, min(workers or os.cpu_count() or 1, machine_workers()))
        self.timeout = timeout
        self.startup = startup
        self.batch_size = max(1, batch_size)
        self.max_rss = max_rss
        self.combine = combine
        self.stats = PoolStats()
        self._own_workdir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="ocop-pool-")).resolve()
        self._procs: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._names = itertools.count(1)
        self._closed = False
        self._started = time.time()
        atexit.register(self.close)

    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers and kill every LibreOffice this pool started."""
        self._stop.set()
        with self._lock:
            procs = list(self._procs)
            self._procs.clear()
        for proc in procs:
            kill_group(proc)
            self.stats.kills += 1
        if not self._closed:
            self._closed = True
            atexit.unregister(self.close)
            if self._own_workdir:
                shutil.rmtree(self.workdir, ignore_errors=True)
            _remove_stale_pipes(self._started)

    def profile(self, worker: int) -> Path:
        return self.workdir / f"w{worker}" / "profile"

    # -- the public loop --

    def convert(self, jobs: Iterable[Conversion]) -> Iterator[Converted]:
        """Convert ``jobs``; yields each result as soon as it is known (any order)."""
        tasks = [_Task(job) for job in jobs]
        total = len(tasks)
        if not total:
            return
        results: queue.Queue[Converted | BaseException] = queue.Queue()
        workers = min(self.workers, total)
        planned: deque[list[_Task]] = deque()
        if self.combine:
            tasks = _combined(tasks, workers)
            if any(t.parts for t in tasks):
                planned.extend(_planned(tasks, workers, self.batch_size))
                tasks = []
        state = _Shared(
            deque(tasks),
            threading.Lock(),
            max(1, min(self.batch_size, math.ceil(total / workers))),
            planned,
        )
        threads = [
            threading.Thread(
                target=self._worker,
                args=(n, state, results),
                name=f"ocop-soffice-{n}",
                daemon=True,
            )
            for n in range(1, workers + 1)
        ]
        for t in threads:
            t.start()
        done = 0
        try:
            while done < total:
                try:
                    item = results.get(timeout=0.1)
                except queue.Empty:
                    if not any(t.is_alive() for t in threads) and results.empty():
                        raise RuntimeError("LibreOffice workers stopped early") from None
                    continue
                if isinstance(item, BaseException):
                    raise item
                done += 1
                yield item
        finally:
            self._stop.set()
            with self._lock:
                procs = list(self._procs)
            for proc in procs:
                kill_group(proc)
            for t in threads:
                t.join(timeout=15)
            self._stop.clear()

    # -- workers --

    def _worker(
        self, n: int, state: _Shared, results: queue.Queue[Converted | BaseException]
    ) -> None:
        try:
            while not self._stop.is_set():
                batch = state.take()
                if batch is None:
                    return
                for outcome in self._run(n, batch, state):
                    results.put(outcome)
        except BaseException as exc:  # report, never die silently
            results.put(exc)

    def _run(self, n: int, tasks: list[_Task], state: _Shared) -> Iterator[Converted]:
        """One LibreOffice start converting ``tasks`` in order; yields finished documents."""
        base = self.workdir / f"w{n}"
        indir, outdir = base / "in", base / "out"
        for d in (indir, outdir):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
        names: list[Path] = []
        kept: list[_Task] = []
        for task in tasks:
            # Unique input names: LibreOffice names each PDF after its input's stem.
            link = indir / f"{next(self._names):07d}.docx"
            if task.parts is not None:
                try:
                    combining.combine([t.job.source for t in task.parts], link)
                except (combining.NotCombinable, OSError):
                    self._uncombine(task, state)
                    continue
            else:
                try:
                    os.link(task.job.source, link)
                except OSError:
                    shutil.copyfile(task.job.source, link)
            names.append(link)
            kept.append(task)
            task.attempts += 1
        tasks = kept
        if not tasks:
            return
        # With combining on, every start exports the part markers (named destinations; a
        # document's own bookmarks become named destinations too, nothing on its pages
        # changes), so one LibreOffice start can take combined and single documents.
        export = combining.PDF_FILTER if self.combine else PDF_EXPORT
        expected = [outdir / (p.stem + ".pdf") for p in names]
        env = dict(os.environ)
        env.setdefault("HOME", str(base))
        # LibreOffice leaves empty temporary files and its IPC pipe in TMPDIR: keep them in
        # the worker's folder, which the pool removes.
        scratch = base / "tmp"
        scratch.mkdir(exist_ok=True)
        prepare_profile(self.profile(n))
        env["TMPDIR"] = str(scratch)
        log = open(base / "soffice.log", "wb")  # noqa: SIM115 - closed below
        try:
            with self._lock:
                if self._stop.is_set():
                    for task in tasks:
                        task.attempts -= 1
                    state.put_back(tasks)
                    return
                proc = subprocess.Popen(
                    soffice_command(self.exe, self.profile(n), outdir, names, export),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=env,
                    start_new_session=True,
                )
                self._procs.add(proc)
                self.stats.starts += 1
            finished: set[int] = set()
            finished_at_check: set[int] = set()
            last = time.monotonic()
            allowance = self._allowance(tasks[0]) + self.startup
            reason: str | None = None
            while True:
                rc = proc.poll()
                for i, path in enumerate(expected):
                    # Complete: LibreOffice's lock file for it is gone and pypdf reads it.
                    if i in finished or not path.exists() or _lock_of(path).exists():
                        continue
                    done = self._finished(tasks[i], path, state)
                    if done is not None:
                        finished.add(i)
                        last = time.monotonic()
                        waiting = [t for j, t in enumerate(tasks) if j not in finished]
                        allowance = self._allowance(waiting[0]) if waiting else self.timeout
                        yield from done
                if rc is not None:
                    break
                if (
                    self.max_rss is not None
                    and len(finished) > len(finished_at_check)
                    and len(finished) < len(tasks)
                ):
                    # Between documents: a LibreOffice that grew too big is stopped and a
                    # fresh one takes the rest (memory-based, not every N documents).
                    finished_at_check = set(finished)
                    if group_rss(proc.pid) > self.max_rss:
                        kill_group(proc)
                        self.stats.recycles += 1
                        reason = "recycle"
                        break
                if self._stop.is_set():
                    kill_group(proc)
                    reason = "stopped"
                    break
                if time.monotonic() - last > allowance:
                    kill_group(proc)
                    self.stats.kills += 1
                    reason = "timeout"
                    break
                time.sleep(_POLL)
            rc = proc.wait()
            kill_group(proc)  # nothing of this start may outlive it
            with self._lock:
                self._procs.discard(proc)
        finally:
            log.close()
        for i, path in enumerate(expected):  # a PDF finished in the last instant
            if i not in finished and path.exists():
                done = self._finished(tasks[i], path, state)
                if done is not None:  # a broken one counts as not converted
                    finished.add(i)
                    yield from done
        if reason == "stopped":
            return
        if reason == "recycle":  # nothing failed: what is not done goes back as it was
            rest = [task for i, task in enumerate(tasks) if i not in finished]
            for task in rest:
                task.attempts -= 1
            state.put_back(rest)
            return
        clean = reason is None and rc == 0
        unfinished = len(finished) < len(tasks)
        if reason is None and rc != 0 and unfinished:
            self.stats.crashes += 1
        # LibreOffice may exit non-zero after all went well (81: it restarted itself after
        # creating a fresh profile); only the documents without a PDF matter.
        clean = clean or (reason is None and not unfinished)
        last_done = max(finished, default=-1)
        detail = _last_line(base / "soffice.log")
        requeue: list[_Task] = []
        for i, task in enumerate(tasks):
            if i in finished:
                continue
            if task.parts is not None:
                # A combined document that failed, hung or was not reached: its documents
                # go back one by one, each with its own tries (never failed for the group).
                task.attempts -= 1
                self._uncombine(task, state)
                continue
            if clean or i <= last_done + 1:
                # Converted on its own and failed (LibreOffice goes on after a file it
                # cannot open), or the document LibreOffice was working on when it hung
                # or crashed: retried once, alone.
                yield from self._retry_or_fail(task, state, reason, rc, detail)
            else:  # never reached: back to the queue as it was
                task.attempts -= 1
                requeue.append(task)
        state.put_back(requeue)

    def _retry_or_fail(
        self, task: _Task, state: _Shared, reason: str | None, rc: int | None, detail: str
    ) -> Iterator[Converted]:
        if task.attempts < MAX_ATTEMPTS:
            task.alone = True
            self.stats.retries += 1
            state.retry(task)
            return
        if reason == "timeout":
            why = f"quá {self.timeout:g} giây không xong".replace(".", ",")  # 0,2 giây
            why_en = f"no result after {self.timeout:g} s"
        elif rc:
            why = f"LibreOffice dừng với mã {rc}" + (f": {detail}" if detail else "")
            why_en = f"LibreOffice exited with code {rc}" + (f": {detail}" if detail else "")
        else:
            why = "LibreOffice không tạo ra tệp PDF" + (f": {detail}" if detail else "")
            why_en = "LibreOffice made no PDF" + (f": {detail}" if detail else "")
        yield Converted(
            task.job.key,
            task.job.target,
            False,
            task.attempts,
            code="pool-worker-failed",
            params={
                "path": str(task.job.source),
                "reason": why,
                "reason_en": why_en,
                "attempts": task.attempts,
            },
        )

    def _allowance(self, task: _Task) -> float:
        """Seconds without a finished PDF before a LibreOffice working on ``task`` counts as
        hung: a combined document of K parts is given more time than one document."""
        return self.timeout * (1 + (task.weight - 1) / 10)

    def _uncombine(self, task: _Task, state: _Shared) -> None:
        """The documents of a combined ``task`` back to the queue, to be converted alone."""
        parts = task.parts or []
        self.stats.uncombined += len(parts)
        state.put_back(parts)

    def _finished(self, task: _Task, produced: Path, state: _Shared) -> list[Converted] | None:
        """The results for a finished PDF; None while it is not a whole PDF (yet)."""
        if task.parts is None:
            one = self._finish(task, produced)
            return None if one is None else [one]
        from pypdf import PdfReader

        try:
            data = produced.read_bytes()
            PdfReader(io.BytesIO(data)).pages[0]  # a whole PDF, or not yet
        except Exception:
            return None
        produced.unlink()
        cut = combining.split(data, [t.job.source for t in task.parts])
        if cut is None:  # the parts' pages cannot be told apart for sure: one by one
            self._uncombine(task, state)
            return []
        self.stats.combined += len(task.parts)
        out = []
        for part, piece in zip(task.parts, cut, strict=True):
            part.attempts = task.attempts
            out.append(self._write(part, piece.data, piece.pages, piece.families))
        return out

    def _finish(self, task: _Task, produced: Path) -> Converted | None:
        """Move a finished PDF to its target; None while it is not a whole PDF (yet)."""
        from pypdf import PdfReader  # here, not at the top: 90 ms that only PDFs need

        try:
            data = produced.read_bytes()
            pages = len(PdfReader(io.BytesIO(data)).pages)
        except Exception:  # still being written, or truncated by a crash
            return None
        produced.unlink()
        return self._write(task, data, pages, pdf_families(data))

    def _write(self, task: _Task, data: bytes, pages: int, families: Counter[str]) -> Converted:
        """Write a document's PDF to its target (atomically) and describe it."""
        try:
            atomic_write_bytes(task.job.target, data)
        except OSError as exc:  # a full disk, a read-only folder: this document fails
            vi, en = os_reason(exc)
            return Converted(
                task.job.key,
                task.job.target,
                False,
                task.attempts,
                code="pool-output-unwritable",
                params={"path": str(task.job.target), "reason": vi, "reason_en": en},
            )
        return Converted(
            task.job.key,
            task.job.target,
            True,
            task.attempts,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            pages=pages,
            families=families,
        )


@dataclass(slots=True)
class _Shared:
    """The queue the workers take from; retries go first and run alone."""

    pending: deque[_Task]
    lock: threading.Lock
    share: int  # documents per start: the batch size, or an equal share of a small batch
    # The first starts, planned (see :func:`_planned`); then whatever comes back.
    planned: deque[list[_Task]] = field(default_factory=deque)

    def take(self) -> list[_Task] | None:
        """The next start's tasks: a retry alone, a planned start, else up to ``share``
        documents."""
        with self.lock:
            if self.pending and self.pending[0].alone:
                return [self.pending.popleft()]
            if self.planned:
                return self.planned.popleft()
            if not self.pending:
                return None
            size = self.share
            out: list[_Task] = []
            weight = 0
            while (
                self.pending
                and (not out or weight + self.pending[0].weight <= size)
                and not self.pending[0].alone
            ):
                task = self.pending.popleft()
                weight += task.weight
                out.append(task)
            return out

    def retry(self, task: _Task) -> None:
        with self.lock:
            self.pending.appendleft(task)

    def put_back(self, tasks: list[_Task]) -> None:
        with self.lock:
            self.pending.extend(tasks)


def _combined(tasks: list[_Task], workers: int) -> list[_Task]:
    """``tasks`` with the documents that can be combined grouped into combined tasks of at
    most COMBINE_MAX, cut so that every worker gets a share; the others as they were."""
    groups: dict[Any, list[_Task]] = {}
    alone: list[_Task] = []
    for task in tasks:
        key = combining.signature(task.job.source)
        if key is None:
            alone.append(task)
        else:
            groups.setdefault(key, []).append(task)
    out: list[_Task] = []
    for group in groups.values():
        if len(group) < combining.COMBINE_MIN:
            alone.extend(group)
            continue
        size = max(
            combining.COMBINE_MIN, min(combining.COMBINE_MAX, math.ceil(len(group) / workers))
        )
        for start in range(0, len(group), size):
            chunk = group[start : start + size]
            if len(chunk) < combining.COMBINE_MIN:
                alone.extend(chunk)
                continue
            first = chunk[0].job
            out.append(_Task(Conversion(first.key, first.source, first.target), parts=chunk))
    return alone + out


def _planned(tasks: list[_Task], workers: int, batch_size: int) -> list[list[_Task]]:
    """Combined and single tasks shared out into starts of even weight, a multiple of
    ``workers`` of them, none over ``batch_size`` documents unless one task is: taken
    greedily, a round's two long documents after two shares of certificates would cost a
    start of their own (one LibreOffice start is a second of CPU)."""
    total = sum(t.weight for t in tasks)
    count = workers * max(1, math.ceil(total / (workers * batch_size)))
    count = min(count, len(tasks))
    bins: list[list[_Task]] = [[] for _ in range(count)]
    weights = [0] * count
    order = {id(t): n for n, t in enumerate(tasks)}
    for task in sorted(tasks, key=lambda t: -t.weight):  # the heaviest first, each to the
        lightest = weights.index(min(weights))  # lightest start so far
        bins[lightest].append(task)
        weights[lightest] += task.weight
    for start in bins:
        start.sort(key=lambda t: order[id(t)])  # LibreOffice gets them in the plan's order
    return [b for b in bins if b]


def _remove_stale_pipes(since: float) -> None:
    """Remove the IPC sockets LibreOffice sometimes leaves in /tmp after converting
    (``OSL_PIPE_<uid>_SingleOfficeIPC_…``): only ours, made while the pool ran, and only
    when nothing listens on them any more."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        return
    prefix = f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_"
    for path in Path("/tmp").glob(prefix + "*"):
        try:
            info = path.lstat()
            if info.st_uid != os.getuid() or info.st_mtime < since - 1:
                continue
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(0.2)
                probe.connect(str(path))  # a live LibreOffice answers: leave it
        except ConnectionRefusedError:
            with contextlib.suppress(OSError):
                path.unlink()
        except OSError:
            continue


def _rss(pid: int | str, page: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * page
    except (OSError, ValueError, IndexError):
        return 0  # gone meanwhile, or not ours to read


def _children(pid: int) -> list[int] | None:
    """The children of ``pid`` (all its threads'); None: this kernel has no children files."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []  # the process is gone
    found: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found.extend(int(c) for c in handle.read().split())
        except FileNotFoundError:
            if os.path.isdir(f"/proc/{pid}/task/{task}"):
                return None  # the thread is there but not the file (CONFIG_PROC_CHILDREN)
        except (OSError, ValueError):
            continue
    return found


def group_rss(pgid: int) -> int:
    """Resident memory (bytes) of LibreOffice's processes (soffice, oosplash, soffice.bin:
    the descendants of the group leader ``pgid``); 0 where /proc cannot tell.

    A few /proc files per call (the leader's descendants); a kernel without the children
    files gets a scan of every process's group instead."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    total = 0
    todo, seen = [pgid], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss(pid, page)
        children = _children(pid)
        if children is None:
            return _scanned_rss(pgid, page)
        todo.extend(children)
    return total


def _scanned_rss(pgid: int, page: int) -> int:
    total = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and fields[2] == str(pgid):  # after the name: state, ppid, pgrp
            total += _rss(entry, page)
    return total


def _lock_of(pdf: Path) -> Path:
    """LibreOffice's lock file while it writes ``pdf`` (created even with --nolockcheck)."""
    return pdf.with_name(f".~lock.{pdf.name}#")


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text("utf-8", "replace").strip().splitlines()
    except OSError:
        return ""
    useful = [line for line in lines if "javaldx" not in line and not line.startswith("convert ")]
    return useful[-1][:200] if useful else ""


__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_DOC_TIMEOUT",
    "DEFAULT_STARTUP",
    "MAX_ATTEMPTS",
    "MAX_WORKER_RSS",
    "WORKER_MEMORY",
    "Conversion",
    "Converted",
    "ConverterPool",
    "Interrupted",
    "PoolStats",
    "available_memory",
    "group_rss",
    "interruptible",
    "kill_group",
    "machine_workers",
]
