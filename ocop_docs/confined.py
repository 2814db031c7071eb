"""Opening a file inside a folder so that nothing outside the folder is ever read.

A dossier, an upload area or a synced folder may hold links or may change while it is read.
Checking a path (``realpath``) and then opening it by name leaves a window in which the file
can be swapped for a symlink, so the check and the read must be one operation (issue 9):
the file is opened once, walking from a descriptor of the folder one component at a time
with ``O_NOFOLLOW``, and every later check (type and size by ``fstat``, hash, PDF pages,
image) runs on that one descriptor.

A symlink is never followed. Its target is only *read* (``readlink``, which reads no file)
to tell the user whether it points outside the folder (``attachment-path-escapes``) or is
a link inside it (``attachment-symlink``). Where the platform has no ``dir_fd`` /
``O_NOFOLLOW`` (Windows), the path is resolved and checked first and opened right after;
that narrower fallback is the best the platform offers.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ocop_docs.files import read_reason

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted as a file must not block the open
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_WALKS = bool(_NOFOLLOW and _DIRECTORY) and os.open in os.supports_dir_fd


class Refused(Exception):
    """The path may not be opened; ``code`` is the catalogue code that says why."""

    def __init__(self, code: str, reason: str = "", reason_en: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.reason = reason  # Vietnamese (or, for a link, the link's path) …
        self.reason_en = reason_en or reason  # … and English


@dataclass(frozen=True, slots=True)
class Opened:
    """A regular file opened inside the folder: its descriptor and its ``fstat``."""

    fd: int
    size: int
    name: str  # the last component as found on disk (NFC or NFD)


def is_absolute(relative: str) -> bool:
    """Absolute on any system the officials use: ``/x``, ``\\x``, ``C:…``."""
    return (
        os.path.isabs(relative)
        or relative.startswith(("\\", "/"))
        or (len(relative) > 1 and relative[1] == ":")
    )


def parts_inside(relative: str) -> list[str]:
    """The components of ``relative``, ``.`` dropped and ``..`` applied; never climbs out."""
    if is_absolute(relative):
        raise Refused("attachment-path-absolute")
    out: list[str] = []
    for part in relative.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not out:
                raise Refused("attachment-path-escapes")
            out.pop()
            continue
        out.append(part)
    if not out:
        raise Refused("attachment-not-file")
    return out


def open_inside(folder: Path, relative: str) -> Opened:
    """Open ``folder/relative`` for reading, never leaving ``folder``; raises :class:`Refused`.

    Refusals: ``attachment-path-absolute``, ``attachment-path-escapes`` (``..`` past the
    folder, or a symlink whose target lies outside), ``attachment-symlink`` (a link inside),
    ``attachment-missing``, ``attachment-not-file`` (a folder, a device, a FIFO),
    ``attachment-unreadable`` (permissions and other OS errors, with the reason).
    """
    parts = parts_inside(relative)
    if not _WALKS:
        return _open_resolved(folder, parts)
    try:
        dir_fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError as exc:
        raise Refused("attachment-unreadable", *read_reason(exc)) from exc
    try:
        for index, part in enumerate(parts[:-1]):
            next_fd = _open_component(
                dir_fd, part, os.O_RDONLY | _DIRECTORY, folder, parts[: index + 1]
            )
            os.close(dir_fd)
            dir_fd = next_fd
        name = parts[-1]
        try:
            fd = _open_component(dir_fd, name, os.O_RDONLY | _NONBLOCK, folder, parts)
        except Refused as exc:
            # Files copied from macOS keep decomposed (NFD) names; accept either form.
            alt = unicodedata.normalize("NFD", name)
            if exc.code != "attachment-missing" or alt == name:
                raise
            fd = _open_component(dir_fd, alt, os.O_RDONLY | _NONBLOCK, folder, parts)
            name = alt
    finally:
        os.close(dir_fd)
    return _regular(fd, name)


def _open_component(dir_fd: int, part: str, flags: int, folder: Path, walked: list[str]) -> int:
    try:
        return os.open(part, flags | _NOFOLLOW | _CLOEXEC | _BINARY, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise Refused("attachment-missing") from exc
        if exc.errno in (errno.ELOOP, errno.EMLINK) or _is_link(dir_fd, part):
            raise Refused(_link_code(dir_fd, part, folder, walked)) from exc
        if exc.errno == errno.ENOTDIR:
            raise Refused("attachment-missing") from exc
        raise Refused("attachment-unreadable", *read_reason(exc)) from exc


def _is_link(dir_fd: int, part: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(part, dir_fd=dir_fd).st_mode)
    except OSError:
        return False


def _link_code(dir_fd: int, part: str, folder: Path, walked: list[str]) -> str:
    """``attachment-path-escapes`` if the link points outside ``folder``, else ``-symlink``."""
    try:
        target = os.readlink(part, dir_fd=dir_fd)
    except OSError:
        return "attachment-path-escapes"
    if os.path.isabs(target):
        base = os.path.realpath(folder)
        resolved = os.path.normpath(target)
    else:
        base = os.path.realpath(folder)
        resolved = os.path.normpath(os.path.join(base, *walked[:-1], target))
    inside = os.path.commonpath([base, resolved]) == base
    return "attachment-symlink" if inside else "attachment-path-escapes"


def _open_resolved(folder: Path, parts: list[str]) -> Opened:
    real_folder = os.path.realpath(folder)
    candidate = os.path.join(real_folder, *parts)
    if os.path.islink(candidate) or os.path.realpath(candidate) != os.path.normpath(candidate):
        real = os.path.realpath(candidate)
        inside = os.path.commonpath([real_folder, real]) == real_folder
        raise Refused("attachment-symlink" if inside else "attachment-path-escapes")
    try:
        fd = os.open(candidate, os.O_RDONLY | _BINARY)
    except FileNotFoundError as exc:
        raise Refused("attachment-missing") from exc
    except OSError as exc:
        raise Refused("attachment-unreadable", *read_reason(exc)) from exc
    return _regular(fd, parts[-1])


def open_named(path: Path) -> Opened:
    """Open a file the user named (on the command line), as named; raises :class:`Refused`.

    The user chose the path, so links in it are followed; what is checked is what is read:
    one descriptor, a regular file (``fstat``), opened without blocking on a FIFO. Files a
    document *names* (attachments, a round's dossiers and cards) go through
    :func:`open_inside` instead.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except FileNotFoundError as exc:
        raise Refused("attachment-missing") from exc
    except IsADirectoryError as exc:
        raise Refused("attachment-not-file") from exc
    except OSError as exc:
        raise Refused("attachment-unreadable", *read_reason(exc)) from exc
    return _regular(fd, path.name)


def linked_component(base: Path, relative: str) -> str | None:
    """The first prefix of ``relative`` (under ``base``, ``..`` applied as written) that is a
    symlink, or None. For a *folder* a document names (a round's dossier): its data file and
    attachments are then opened without following links (:func:`open_inside`), and this
    check before use keeps the folder itself from being a link out of the tree. Absolute
    paths are the user's (or a spreadsheet's, resolved by its reader) and are not walked."""
    if is_absolute(relative):
        return None
    current = str(base)
    walked: list[str] = []
    for part in relative.replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        walked.append(part)
        current = os.path.normpath(os.path.join(current, part))
        if part != ".." and os.path.islink(current):
            return "/".join(walked)
    return None


def named_path(base: Path, relative: str, allow: Sequence[Path] = ()) -> Path:
    """The path a document in folder ``base`` names (a round's dossier, scorecard), kept
    inside ``base`` or one of the folders the user named (``--allow``); raises
    :class:`Refused`.

    A round file reads only what lies in its own folder (issue 9: "relative to the round
    file, never escaping it without the user naming the path on the command line"): ``..``
    past the folder, an absolute path (also ``C:\\…``, ``\\\\server\\…``) and a symlink
    on the way are refused (``round-path-outside``, ``file-symlink`` with the link in
    ``reason``) unless the path lies in an allowed folder, where links below the folder are
    still refused. The answer is lexical (``..`` applied as written, never through a link),
    so the path checked is the path later opened; nothing is read here.
    """
    text = relative.replace("\\", "/") if os.sep == "/" else relative
    if is_absolute(relative) and not os.path.isabs(text):
        raise Refused("round-path-outside")  # another system's absolute path
    target = Path(os.path.normpath(os.path.join(os.path.abspath(base), text)))
    for root in (base, *allow):
        written = Path(os.path.normpath(os.path.abspath(root)))
        # A folder named through a link of its own (``--allow ~/ho-so`` where ~/ho-so links
        # to the shared drive) is that folder: compare with its real path too. Links BELOW
        # the folder are still refused (``linked_component``).
        for folder in dict.fromkeys((written, Path(os.path.realpath(written)))):
            if target == folder or target.is_relative_to(folder):
                link = linked_component(folder, target.relative_to(folder).as_posix())
                if link is not None:
                    raise Refused("file-symlink", str(folder / link))
                return target
    raise Refused("round-path-outside")


def read_opened(opened: Opened, limit: int) -> bytes:
    """All bytes of an opened file, at most ``limit + 1`` of them (so a file that grew past
    the limit after ``fstat`` is still seen to be too large); the descriptor stays open."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(opened.fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _regular(fd: int, name: str) -> Opened:
    try:
        st = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise Refused("attachment-unreadable", *read_reason(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Refused("attachment-not-file")
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return Opened(fd, st.st_size, name)
