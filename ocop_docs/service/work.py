"""Work off the event loop: a bounded thread pool for validation and rendering, and a
bounded set of LibreOffice slots shared by every request.

The event loop only moves bytes; anything that reads a dossier, renders or converts runs in
:class:`Workers`. When more requests wait than the queue allows, the service answers 503
(``service-busy``) at once instead of piling up memory. LibreOffice is started through the
project's pool (:class:`~ocop_docs.production.pool.ConverterPool`), one slot at a time per
``pdf_workers``, each slot with a warm profile folder of its own.
"""

from __future__ import annotations

import asyncio
import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from ocop_docs.production.conversion import find_soffice
from ocop_docs.production.pool import Conversion, Converted, ConverterPool
from ocop_docs.service.errors import ServiceError

T = TypeVar("T")


class Workers:
    """``threads`` workers and at most ``queue`` requests waiting for one."""

    def __init__(self, threads: int, queue: int) -> None:
        self.threads = threads
        self.limit = threads + queue
        self.inflight = 0
        self._executor: ThreadPoolExecutor | None = None

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The pool, started on first use (again after :meth:`close`, as when an ASGI
        server runs the app's lifespan more than once)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="ocop-work")
        return self._executor

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        if self.inflight >= self.limit:
            raise ServiceError(503, "service-busy", waiting=self.inflight)
        self.inflight += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.executor, functools.partial(fn, *args))
        finally:
            self.inflight -= 1

    async def run_unbounded(self, fn: Callable[..., T], *args: object) -> T:
        """Clean-up work that must never be refused (removing a request's folder)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(fn, *args))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


class PdfSlots:
    """LibreOffice conversions, ``count`` at a time; :attr:`available` is False without it."""

    def __init__(self, count: int, folder: Path, soffice: str | None) -> None:
        self.soffice = soffice
        self.folder = folder
        self._slots: queue.Queue[int] = queue.Queue()
        for n in range(count):
            self._slots.put(n)
        self._lock = threading.Lock()
        self._exe: Path | None = None
        self._looked = False

    @property
    def available(self) -> bool:
        with self._lock:
            if not self._looked:
                try:
                    self._exe = find_soffice(self.soffice)
                except Exception:  # SofficeMissing: PDFs are then simply not offered
                    self._exe = None
                self._looked = True
            return self._exe is not None

    def convert(self, jobs: list[Conversion]) -> list[Converted]:
        """Convert ``jobs`` in one LibreOffice start (blocks while every slot is busy)."""
        if not jobs:
            return []
        slot = self._slots.get()
        try:
            workdir = self.folder / f"slot-{slot}"
            workdir.mkdir(parents=True, exist_ok=True)
            with ConverterPool(1, soffice=self.soffice, workdir=workdir) as pool:
                return list(pool.convert(jobs))
        finally:
            self._slots.put(slot)
