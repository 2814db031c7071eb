"""Prepared templates kept across documents: one document as fast as a batch's (issue 15).

``ocop-docs render``, the service's render endpoints (a kind, Mẫu 01 and 02 of a completed
dossier, the commune's Mẫu 03) and the library's :func:`~ocop_docs.production.rendering.render`
fill one document per call. Opening, cleaning and compiling the template with
:class:`~ocop_docs.production.prepared.PreparedTemplate` costs more than filling it, so the
prepared template is kept here, per process, and the next document of the same template
only fills the body and zips it (the output is byte-identical to
:func:`~ocop_docs.production.rendering.render_template`; a test compares both).

A template is known by its path, its ``draft`` mode and what ``stat`` says of the file
(device, inode, size, modification and change times): a user's ``--templates-dir`` copy
edited between two requests is prepared again, never served stale. A prepared template is
not thread-safe, so each is lent to one caller at a time; the service's worker threads
rendering the same kind at once each get their own (at most :data:`IDLE_PER_TEMPLATE` are
kept idle per template, :data:`TEMPLATES` templates in all, least recently used dropped).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from ocop_docs.production.prepared import PreparedTemplate

TEMPLATES = 48  # the shipped kinds (about 20), a user's copies of some, draft and not
IDLE_PER_TEMPLATE = 4  # the service's worker threads (settings.workers)

_Key = tuple[str, bool, int, int, int, int, int]


class PreparedTemplates:
    """A bounded, thread-safe store of prepared templates; :meth:`use` lends one."""

    def __init__(self, templates: int = TEMPLATES, idle: int = IDLE_PER_TEMPLATE) -> None:
        self._size = templates
        self._idle = idle
        self._lock = threading.Lock()
        self._store: OrderedDict[_Key, list[PreparedTemplate]] = OrderedDict()
        self.prepared = 0  # templates prepared so far (the tests read it)

    @staticmethod
    def _key(template: Path, draft: bool) -> _Key | None:
        try:
            info = os.stat(template)
        except OSError:
            return None  # PreparedTemplate says what is wrong (template-missing, …)
        return (
            os.path.abspath(template),
            draft,
            info.st_dev,
            info.st_ino,
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
        )

    @contextlib.contextmanager
    def use(self, template: Path, *, draft: bool = False) -> Iterator[PreparedTemplate]:
        """A prepared ``template`` for the caller alone until the ``with`` block ends."""
        key = self._key(template, draft)
        prepared = None
        if key is not None:
            with self._lock:
                idle = self._store.get(key)
                if idle:
                    prepared = idle.pop()
                    self._store.move_to_end(key)
        if prepared is None:
            prepared = PreparedTemplate(template, draft=draft)  # raises for a broken one
            with self._lock:
                self.prepared += 1
        yield prepared
        # Only after a document that went through: one that failed may have left the
        # instance half-way, and it is dropped (the exception leaves the ``yield``).
        if key is not None:
            self._give_back(key, prepared)

    def _give_back(self, key: _Key, prepared: PreparedTemplate) -> None:
        with self._lock:
            idle = self._store.setdefault(key, [])
            self._store.move_to_end(key)
            if len(idle) < self._idle:
                idle.append(prepared)
            stale = [k for k in self._store if k[:2] == key[:2] and k != key]
            for old in stale:  # the same file, since edited: its old preparation is useless
                del self._store[old]
            while len(self._store) > self._size:
                self._store.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._store.clear()


PREPARED = PreparedTemplates()  # the process's store, shared by every single-document render

__all__ = ["IDLE_PER_TEMPLATE", "PREPARED", "TEMPLATES", "PreparedTemplates"]
