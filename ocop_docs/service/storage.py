"""Storage of uploaded and produced files, content-addressed by SHA-256.

One small interface (:class:`BlobStore`) so that object storage can replace the local
folder by configuration later (issue 13); the database keeps which check refers to which
digest, the store keeps bytes only. Identical files from two visitors share one blob, which
reveals nothing: a blob is only ever reached through a check's unguessable link.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK = 1024 * 1024


class BlobStore(Protocol):
    """Bytes by their SHA-256 (lower-case hex)."""

    def put_file(self, path: Path) -> tuple[str, int]:
        """Store a copy of ``path``; its digest and size."""

    def put_bytes(self, data: bytes) -> str: ...

    def open(self, digest: str) -> BinaryIO: ...

    def read(self, digest: str) -> bytes: ...

    def copy_to(self, digest: str, target: Path) -> None: ...

    def delete(self, digest: str) -> None: ...

    def exists(self, digest: str) -> bool: ...

    def writable(self) -> bool: ...


def _check(digest: str) -> str:
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"not a SHA-256 digest: {digest!r}")
    return digest


def file_digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


class LocalStore:
    """A folder ``root/ab/cd/abcd…``; writes are atomic (temporary file + rename, 0644)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _path(self, digest: str) -> Path:
        d = _check(digest)
        return self.root / d[:2] / d[2:4] / d

    def _install(self, temp: Path, digest: str) -> None:
        target = self._path(digest)
        if target.exists():
            temp.unlink(missing_ok=True)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(temp, 0o644)
        os.replace(temp, target)

    def _temp(self) -> Path:
        fd, name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        os.close(fd)
        return Path(name)

    def put_file(self, path: Path) -> tuple[str, int]:
        digest, size = file_digest(path)
        if not self._path(digest).exists():
            temp = self._temp()
            shutil.copyfile(path, temp)
            self._install(temp, digest)
        return digest, size

    def put_bytes(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if not self._path(digest).exists():
            temp = self._temp()
            temp.write_bytes(data)
            self._install(temp, digest)
        return digest

    def open(self, digest: str) -> BinaryIO:
        return self._path(digest).open("rb")

    def read(self, digest: str) -> bytes:
        return self._path(digest).read_bytes()

    def copy_to(self, digest: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._path(digest), target)

    def delete(self, digest: str) -> None:
        self._path(digest).unlink(missing_ok=True)

    def exists(self, digest: str) -> bool:
        return self._path(digest).is_file()

    def writable(self) -> bool:
        try:
            self.put_bytes(b"")  # the empty blob: harmless, and proves the folder works
        except OSError:
            return False
        return True
