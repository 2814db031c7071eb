"""Files the tool writes: atomically, and readable by others (0644), like any office file.

Every output (documents, PDFs, bundles, ``manifest.json``, spreadsheets, the ``ho-so.yaml``
that ``new`` writes) goes through :func:`atomic_write_bytes`: the data goes to a temporary
file in the target's folder, which is then renamed over the target, so an interrupted run
never leaves half a file (architecture §5.7). ``mkstemp`` creates that file 0600; it is
set to 0644 before the rename, or a PDF a clerk made could not be opened by a colleague.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

FILE_MODE = 0o644
# ".<name>.<random>.tmp": what a run killed between writing and renaming leaves behind.
_TEMPORARY = re.compile(r"^\.(.+)\.[^.]+\.tmp$")


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (mode 0644).

    ``durable`` also ``fsync``s the file before the rename. A batch passes False for its
    documents: one fsync per certificate doubled the time per document, and ``--resume``
    re-checks every output against the manifest's hashes instead. Raises ``OSError``.
    """
    import tempfile  # with shutil, bz2, lzma: not for a command that writes nothing (issue 15)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if hasattr(os, "fchmod"):  # not on Windows, where the mode does not apply
                os.fchmod(handle.fileno(), FILE_MODE)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_REASONS = {
    errno.ENOSPC: ("đĩa đã đầy", "the disk is full"),
    errno.EDQUOT: ("đã hết hạn mức dung lượng", "the disk quota is used up"),
    errno.EACCES: ("không có quyền ghi", "no permission to write"),
    errno.EPERM: ("không có quyền ghi", "no permission to write"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "the file system is read-only"),
    errno.EISDIR: ("đó là một thư mục", "it is a folder"),
    errno.ENOTDIR: (
        "một phần của đường dẫn không phải thư mục",
        "part of the path is not a folder",
    ),
    errno.ELOOP: ("đó là một liên kết", "it is a link"),
    errno.ENAMETOOLONG: ("tên quá dài", "the name is too long"),
}


_READ_REASONS = {
    **_REASONS,
    errno.EACCES: ("không có quyền đọc", "no permission to read"),
    errno.EPERM: ("không có quyền đọc", "no permission to read"),
    errno.ENOENT: ("không tồn tại", "not found"),
    errno.EIO: ("lỗi đọc đĩa", "a disk read error"),
    errno.ENXIO: ("thiết bị không sẵn sàng", "the device is not ready"),
    errno.EBUSY: ("tệp đang bị khóa", "the file is busy"),
    errno.EMFILE: ("mở quá nhiều tệp cùng lúc", "too many open files"),
    errno.ENFILE: ("mở quá nhiều tệp cùng lúc", "too many open files"),
}


def _system(exc: OSError) -> tuple[str, str]:
    # The system's own text is English (or the server's locale): only the error's symbolic
    # name, the same in every language, goes into a message (issue 9).
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return f"lỗi hệ thống {name}", f"system error {name}"


def os_reason(exc: OSError) -> tuple[str, str]:
    """Why a file could not be written, in Vietnamese and English (not the system's
    English, which a Vietnamese run must not show)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return _system(exc)


def read_reason(exc: OSError) -> tuple[str, str]:
    """Why a file could not be read, in Vietnamese and English (:func:`os_reason`)."""
    if exc.errno in _READ_REASONS:
        return _READ_REASONS[exc.errno]
    return _system(exc)


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """:func:`atomic_write_bytes` of ``text`` in UTF-8."""
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def temporary_target(name: str) -> str | None:
    """The file name a leftover temporary file of :func:`atomic_write_bytes` was for."""
    m = _TEMPORARY.match(name)
    return m.group(1) if m else None


__all__ = [
    "FILE_MODE",
    "atomic_write_bytes",
    "atomic_write_text",
    "os_reason",
    "read_reason",
    "temporary_target",
]
