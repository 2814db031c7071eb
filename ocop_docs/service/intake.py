"""Upload intake: a hostile request body → a dossier folder in a fresh temporary directory.

What it guarantees (issue 10, "Safe with hostile uploads"):

* **Size before parsing.** The body limit is checked on ``Content-Length`` before one byte is
  parsed (by the app's middleware) and again while the body streams, for bodies without it.
* **Streamed to disk.** Each uploaded file is written to its own numbered file as it
  arrives; the request is never held in memory. Form fields are capped in size and count.
* **Names as data.** A file name from an upload is checked (:func:`safe_parts`) and refused,
  with a finding naming it, when it is absolute, has ``..``, a backslash, a drive letter,
  control characters, or repeats another name (also one that differs only by Unicode
  normalisation). Names are never rewritten, as ``zipfile.extractall`` silently does.
* **Zips entry by entry.** Caps on the number of entries, their total uncompressed size and
  the compression ratio, checked on the headers first and again on the bytes actually
  inflated (headers can lie); symlink and encrypted entries are refused; archives inside
  the archive stay files and are not expanded. Every file is created with ``O_EXCL`` and
  ``O_NOFOLLOW`` inside the fresh folder; the validator's own path rules then apply.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser

from ocop_docs.service.errors import ServiceError
from ocop_docs.service.settings import Settings
from ocop_docs.text.documents import human_size
from ocop_docs.text.reasons import library_reason
from ocop_docs.validation.loading import DOSSIER_NAMES

MAX_FIELD_BYTES = 256 * 1024  # one text field of a form (the longest is a few paragraphs)
MAX_FIELDS = 500
MAX_HEADER_BYTES = 16 * 1024
MAX_NAME_BYTES = 255  # one path component, as most file systems
MAX_DEPTH = 16
RATIO_FLOOR = 1024 * 1024  # entries smaller than this are not ratio-checked (text compresses)
CHUNK = 256 * 1024
IGNORED = frozenset({"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"})

_DRIVE = re.compile(r"^[A-Za-z]:")
_PARAM = re.compile(r';\s*([A-Za-z0-9_*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')

_REASONS: dict[str, tuple[str, str]] = {
    "empty": ("tên rỗng", "the name is empty"),
    "absolute": ("là đường dẫn tuyệt đối", "it is an absolute path"),
    "parent": ("có thành phần «..» trỏ ra ngoài thư mục", "it has a '..' part leading outside"),
    "backslash": ("có dấu gạch ngược «\\»", "it contains a backslash"),
    "drive": ("bắt đầu bằng tên ổ đĩa (như C:)", "it starts with a drive letter (like C:)"),
    "control": ("có ký tự điều khiển", "it contains control characters"),
    "long": ("quá dài hoặc lồng quá sâu", "it is too long or nested too deep"),
}


def unsafe_name(entry: str, reason: str) -> ServiceError:
    vi, en = _REASONS[reason]
    return ServiceError(400, "upload-name-unsafe", entry=_shown(entry), reason=vi, reason_en=en)


def _shown(name: str) -> str:
    """A name as it may be printed in a message: controls made visible, length bounded."""
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)
    return text if len(text) <= 200 else text[:200] + "…"


def safe_parts(name: str) -> tuple[str, ...]:
    """The components of a relative upload name, or :class:`ServiceError` naming it."""
    if not name or not name.strip("/"):
        raise unsafe_name(name, "empty")
    if any(unicodedata.category(c) == "Cc" for c in name):
        raise unsafe_name(name, "control")
    if "\\" in name:
        raise unsafe_name(name, "backslash")
    if _DRIVE.match(name):
        raise unsafe_name(name, "drive")
    if name.startswith("/"):
        raise unsafe_name(name, "absolute")
    parts = tuple(p for p in PurePosixPath(name).parts if p != ".")
    if ".." in name.split("/"):
        raise unsafe_name(name, "parent")
    if not parts:
        raise unsafe_name(name, "empty")
    if len(parts) > MAX_DEPTH or any(len(p.encode("utf-8")) > MAX_NAME_BYTES for p in parts):
        raise unsafe_name(name, "long")
    return parts


# --- the multipart body -------------------------------------------------------------------------


@dataclass(slots=True)
class ReceivedFile:
    field: str  # the form field it came in ("files", "doc:phieu_dang_ky", …)
    name: str  # the file name exactly as sent
    path: Path  # its bytes, in the request's temporary folder
    size: int = 0


@dataclass(slots=True)
class Received:
    files: list[ReceivedFile] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def value(self, name: str, default: str = "") -> str:
        values = self.fields.get(name)
        return values[0] if values else default


def _disposition(value: str) -> dict[str, str]:
    """Parameters of ``Content-Disposition: form-data; name="…"; filename="…"``.

    Parsed here rather than by python-multipart, whose parser silently cuts Windows-style
    paths to their last part; a name is data to judge (:func:`safe_parts`), not to repair.
    """
    params: dict[str, str] = {}
    for key, raw in _PARAM.findall(value):
        key = key.lower()
        if "*" in key:  # RFC 7578 §4.2 forbids the RFC 5987 forms in form-data
            continue
        raw = raw.strip()
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            raw = raw[1:-1].replace('\\"', '"')
        params[key] = raw
    return params


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class _Collector:
    """The callbacks of python-multipart's streaming parser, writing files as they come."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.received = Received()
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[str, str] = {}
        self._header_bytes = 0
        self._file: ReceivedFile | None = None
        self._handle: object | None = None
        self._text: bytearray | None = None
        self._field_name = ""
        self._field_total = 0

    # header callbacks
    def on_part_begin(self) -> None:
        self._headers = {}
        self._header_bytes = 0

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]
        self._count_header(end - start)

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]
        self._count_header(end - start)

    def _count_header(self, n: int) -> None:
        self._header_bytes += n
        if self._header_bytes > MAX_HEADER_BYTES:
            raise _malformed("part headers too long", "phần đầu của một mục quá dài")

    def on_header_end(self) -> None:
        self._headers[_decode(bytes(self._header_field)).lower()] = _decode(
            bytes(self._header_value)
        )
        self._header_field.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        params = _disposition(self._headers.get("content-disposition", ""))
        self._field_name = params.get("name", "")
        if "filename" in params:
            if len(self.received.files) >= self.settings.max_files:
                raise ServiceError(
                    400,
                    "upload-too-many-files",
                    count=f"> {self.settings.max_files}",
                    limit=self.settings.max_files,
                )
            path = self.folder / f"part-{len(self.received.files):05d}"
            self._file = ReceivedFile(self._field_name, params["filename"], path)
            self._handle = path.open("wb")
        else:
            if sum(len(v) for v in self.received.fields.values()) >= MAX_FIELDS:
                raise _malformed("too many form fields", "quá nhiều trường")
            self._text = bytearray()

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None and self._handle is not None:
            self._handle.write(data[start:end])  # type: ignore[attr-defined]
            self._file.size += end - start
        elif self._text is not None:
            self._text += data[start:end]
            self._field_total += end - start
            if len(self._text) > MAX_FIELD_BYTES or self._field_total > 4 * MAX_FIELD_BYTES:
                raise _malformed("a form field is too long", "một trường quá dài")

    def on_part_end(self) -> None:
        if self._file is not None and self._handle is not None:
            self._handle.close()  # type: ignore[attr-defined]
            if self._file.name or self._file.size:  # an empty file input sends neither
                self.received.files.append(self._file)
            else:
                self._file.path.unlink(missing_ok=True)
        elif self._text is not None:
            value = _decode(bytes(self._text)).replace("\r\n", "\n")
            self.received.fields.setdefault(self._field_name, []).append(value)
        self._file, self._handle, self._text = None, None, None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()  # type: ignore[attr-defined]


def _malformed(en: str, vi: str) -> ServiceError:
    return ServiceError(400, "upload-malformed", reason=vi, reason_en=en)


def too_large(settings: Settings) -> ServiceError:
    return ServiceError(413, "upload-too-large", limit=human_size(settings.max_upload))


async def receive(
    chunks: AsyncIterator[bytes], content_type: str, folder: Path, settings: Settings
) -> Received:
    """Parse a ``multipart/form-data`` body from ``chunks``, files straight to ``folder``."""
    kind, _, rest = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        raise _malformed("expected multipart/form-data", "cần dạng multipart/form-data")
    boundary = _disposition(";" + rest).get("boundary", "")
    if not boundary or len(boundary) > 200:
        raise _malformed("no multipart boundary", "thiếu ranh giới multipart (boundary)")
    folder.mkdir(parents=True, exist_ok=True)
    collector = _Collector(folder, settings)
    callbacks = {
        name: getattr(collector, name)
        for name in (
            "on_part_begin",
            "on_part_data",
            "on_part_end",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
        )
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    total = 0
    try:
        async for chunk in chunks:
            total += len(chunk)
            if total > settings.max_upload:
                raise too_large(settings)
            try:
                parser.write(chunk)
            except MultipartParseError as exc:
                raise _malformed(
                    "the multipart body is broken", "phần thân multipart bị hỏng"
                ) from exc
        try:
            parser.finalize()
        except MultipartParseError as exc:
            raise _malformed("the multipart body ends early", "phần thân multipart bị cụt") from exc
    finally:
        collector.close()
    return collector.received


# --- from received files to a dossier folder ---------------------------------------------------


class _Names:
    """Names already placed in the dossier folder, compared in NFC (macOS sends NFD)."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.dirs: dict[str, str] = {}

    def add(self, entry: str, parts: tuple[str, ...], is_dir: bool = False) -> None:
        key = unicodedata.normalize("NFC", "/".join(parts))
        for i in range(1, len(parts)):
            parent = unicodedata.normalize("NFC", "/".join(parts[:i]))
            if parent in self.files:
                raise _duplicate(entry, self.files[parent])
            self.dirs.setdefault(parent, "/".join(parts[:i]))
        if is_dir:
            if key in self.files:
                raise _duplicate(entry, self.files[key])
            if key in self.dirs and self.dirs[key] != "/".join(parts):
                raise _duplicate(entry, self.dirs[key])
            self.dirs.setdefault(key, "/".join(parts))
            return
        if key in self.files or key in self.dirs:
            raise _duplicate(entry, self.files.get(key) or self.dirs[key])
        self.files[key] = entry


def _duplicate(entry: str, other: str) -> ServiceError:
    return ServiceError(400, "upload-name-duplicate", entry=_shown(entry), other=_shown(other))


def _create(dest: Path, parts: tuple[str, ...], made: set[str] | None = None) -> int:
    """A new file ``dest/parts`` (parents made), opened for writing: never an existing file,
    never through a symlink. ``dest`` is a fresh folder that holds no symlink (none is
    ever created in it), so the lexical check below is exact; ``made`` caches folders."""
    root = os.path.abspath(dest)
    target = os.path.normpath(os.path.join(root, *parts))
    if not target.startswith(root + os.sep):  # defence in depth: safe_parts ran already
        raise unsafe_name("/".join(parts), "parent")
    parent = os.path.dirname(target)
    if made is None or parent not in made:
        os.makedirs(parent, exist_ok=True)
        if made is not None:
            made.add(parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    return os.open(target, flags, 0o644)


def is_zip(item: ReceivedFile) -> bool:
    if not item.name.lower().endswith(".zip"):
        return False
    with item.path.open("rb") as f:
        return f.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


def place_files(items: list[ReceivedFile], dest: Path) -> None:
    """Several uploaded files whose names are their paths in the dossier folder."""
    names = _Names()
    checked = [(item, safe_parts(item.name)) for item in items]
    for item, parts in checked:
        names.add(item.name, parts)
    for item, parts in checked:
        fd = _create(dest, parts)
        os.close(fd)
        os.replace(item.path, dest.joinpath(*parts))


def _zip_error(file: str, exc: BaseException) -> ServiceError:
    return ServiceError(400, "upload-zip-broken", file=_shown(file), **library_reason(exc))


def _check_entries(infos: list[zipfile.ZipInfo], settings: Settings, size: int) -> None:
    """Every header is judged before a byte is inflated, so a refusal names the first culprit."""
    if len(infos) > settings.max_files:
        raise ServiceError(400, "upload-zip-too-many", count=len(infos), limit=settings.max_files)
    names = _Names()
    declared = 0
    limit = human_size(settings.max_unpacked)
    for info in infos:
        entry = info.orig_filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ServiceError(400, "upload-symlink", entry=_shown(entry))
        parts = safe_parts(entry)
        if info.is_dir():
            names.add(entry, parts, is_dir=True)
            continue
        names.add(entry, parts)
        if info.flag_bits & 0x1:
            raise ServiceError(400, "upload-zip-encrypted", entry=_shown(entry))
        declared += info.file_size
        if declared > settings.max_unpacked:
            raise ServiceError(400, "upload-zip-too-big", limit=limit, entry=_shown(entry))
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > settings.max_ratio:
                raise ServiceError(
                    400,
                    "upload-zip-ratio",
                    entry=_shown(entry),
                    ratio=int(ratio),
                    limit=settings.max_ratio,
                )
    if declared > RATIO_FLOOR and declared / max(size, 1) > settings.max_ratio:
        raise ServiceError(
            400,
            "upload-zip-ratio",
            entry="*",
            ratio=int(declared / max(size, 1)),
            limit=settings.max_ratio,
        )


def extract_zip(item: ReceivedFile, dest: Path, settings: Settings) -> None:
    """Unpack one uploaded zip into ``dest`` under the caps (module docstring)."""
    safe_parts(item.name)
    try:
        archive = zipfile.ZipFile(item.path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _zip_error(item.name, exc) from exc
    with archive:
        try:
            infos = archive.infolist()
            _check_entries(infos, settings, item.size)
            total = 0
            made: set[str] = set()
            for info in infos:
                if info.is_dir():
                    continue
                parts = safe_parts(info.orig_filename)
                written = 0
                fd = _create(dest, parts, made)
                with os.fdopen(fd, "wb") as out, archive.open(info) as source:
                    while chunk := source.read(CHUNK):
                        written += len(chunk)
                        total += len(chunk)
                        # The header's size can lie; the bytes inflated cannot.
                        if written > info.file_size or total > settings.max_unpacked:
                            raise ServiceError(
                                400,
                                "upload-zip-too-big",
                                limit=human_size(settings.max_unpacked),
                                entry=_shown(info.orig_filename),
                            )
                        out.write(chunk)
        except ServiceError:
            raise
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError) as exc:
            raise _zip_error(item.name, exc) from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
            raise _zip_error(item.name, exc) from exc


@dataclass(frozen=True, slots=True)
class Dossier:
    folder: Path  # the dossier folder (holds ho-so.yaml or ho-so.json)
    name: str  # its name in the report ("mien-dong-tai-hoan", or the zip's name)


def dossier_root(dest: Path, fallback: str) -> Dossier:
    """The folder holding the dossier file: ``dest`` itself or its one sub-folder."""
    if any((dest / n).is_file() for n in DOSSIER_NAMES):
        return Dossier(dest, fallback)
    entries = [p for p in dest.iterdir() if p.name not in IGNORED]
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        sub = entries[0]
        if any((sub / n).is_file() for n in DOSSIER_NAMES):
            return Dossier(sub, sub.name)
    raise ServiceError(422, "upload-no-dossier")


def assemble(received: Received, dest: Path, settings: Settings, field: str = "files") -> Dossier:
    """The uploaded dossier (one zip, or files named by their paths) unpacked into ``dest``."""
    items = [f for f in received.files if f.field == field]
    if not items:
        raise ServiceError(422, "upload-empty")
    dest.mkdir(parents=True, exist_ok=True)
    if len(items) == 1 and is_zip(items[0]):
        extract_zip(items[0], dest, settings)
        stem = items[0].name.rsplit("/", 1)[-1]
        return dossier_root(dest, stem[:-4] or "ho-so")
    place_files(items, dest)
    return dossier_root(dest, "ho-so")
