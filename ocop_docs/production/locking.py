"""One batch at a time in an output folder (issue 9).

Two batches writing the same OUTDIR would overwrite each other's documents and manifests
without a word. A batch holds ``OUTDIR/.ocop-batch.lock`` while it runs: the file holds the
holder's process id and host, and (on POSIX) an ``flock`` on it, which the system releases
when the holder dies however it dies. A second batch finds the lock held and refuses
(``batch-locked``, exit 1). A lock file left by a batch that was killed is stale: its
``flock`` is free (POSIX) or its process is gone (elsewhere, same host), and it is taken
over silently.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from ocop_docs.errors import InputError
from ocop_docs.files import os_reason

try:  # POSIX only; on Windows the pid check alone decides
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".ocop-batch.lock"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: alive
    return True


def _holder(path: Path) -> tuple[int | None, str]:
    try:
        pid_text, _, host = path.read_text("ascii", "replace").partition("\n")
        return int(pid_text.strip()), host.strip()
    except (OSError, ValueError):
        return None, ""


@contextlib.contextmanager
def outdir_lock(outdir: Path) -> Iterator[Path]:
    """Hold the lock of ``outdir`` (which must exist) for the ``with`` block."""
    path = outdir / LOCK_NAME
    here = socket.gethostname()
    fd = _take(path, outdir, here)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{here}\n".encode("ascii", "replace"))
        try:
            yield path
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)
    finally:
        os.close(fd)  # releases the flock


def _take(path: Path, outdir: Path, here: str) -> int:
    """An open descriptor of the lock file, locked; raises ``batch-locked`` when held."""
    for _attempt in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise InputError(
                "batch-output-unwritable",
                path=str(path),
                reason=os_reason(exc)[0],
                reason_en=os_reason(exc)[1],
            ) from exc
        if fcntl is None:  # pragma: no cover - Windows
            pid, host = _holder(path)
            if pid is not None and pid != os.getpid() and (host != here or _alive(pid)):
                os.close(fd)
                raise InputError("batch-locked", outdir=str(outdir), pid=pid, lock=str(path))
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            pid, _host = _holder(path)
            raise InputError(
                "batch-locked", outdir=str(outdir), pid=pid or "?", lock=str(path)
            ) from exc
        try:  # the holder may have removed the file between our open and our flock
            if os.fstat(fd).st_ino == os.lstat(path).st_ino:
                return fd
        except OSError:
            pass
        os.close(fd)
    raise InputError("batch-locked", outdir=str(outdir), pid="?", lock=str(path))


__all__ = ["LOCK_NAME", "outdir_lock"]
