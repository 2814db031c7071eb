"""The manifest of a batch: what was made from what, so a run can be checked and resumed.

``OUTDIR/manifest.json`` (UTF-8, ``ensure_ascii=False``) records the tool version, the
input file's hash, each template's hash, and for each item (one document, or one input row
that failed) its outputs with path, SHA-256, size and pages, its status (``ok``,
``skipped``, ``failed``) and, when it failed, the error (code, message and hint in the
batch's language, from the catalogue: :func:`error_json`). ``--resume`` trusts an output only
when the file on disk still has the hash recorded here. The manifest is rewritten
atomically while the batch runs, so an interrupted batch still leaves a valid one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ocop_docs import __version__
from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue, OcopError
from ocop_docs.files import FILE_MODE, atomic_write_text, os_reason
from ocop_docs.text.reasons import library_reason

MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1
Status = Literal["ok", "skipped", "failed"]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def issue_json(issue: Issue, lang: Lang) -> dict[str, Any]:
    """An issue as the manifest lists it (the report JSON of the issue, without tags)."""
    out = issue.to_json(lang)
    out.pop("tags", None)
    return out


def error_json(exc: BaseException, lang: Lang, item: str = "?") -> dict[str, Any]:
    """An item's error for the manifest: code, message and hint in ``lang``, and details."""
    if isinstance(exc, OcopError):
        issues = [issue_json(i, lang) for i in exc.issues if i.severity == "error"][:20]
        return {
            "code": exc.code,
            "message": exc.message(lang),
            "hint": exc.hint(lang),
            "details": issues,
        }
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    reason = f"{type(exc).__name__}: {exc}" + (
        f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    )
    issue = Issue("batch-item-crashed", params={"item": item, "reason": reason})
    return {
        "code": issue.code,
        "message": issue.message(lang),
        "hint": issue.hint(lang),
        "details": [],
    }


def issue_error(issues: list[Issue], lang: Lang) -> dict[str, Any]:
    """An item's error made of issues: the first says what, the others are the details."""
    first = issues[0]
    return {
        "code": first.code,
        "message": first.message(lang),
        "hint": first.hint(lang),
        "details": [issue_json(i, lang) for i in issues[1:]],
    }


@dataclass(slots=True)
class OutputRecord:
    """One file written by the batch; ``path`` is relative to OUTDIR, with "/"."""

    path: str
    sha256: str
    size: int
    pages: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "bytes": self.size, "pages": self.pages}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OutputRecord:
        return cls(str(data["path"]), str(data["sha256"]), int(data["bytes"]), data.get("pages"))

    def intact(self, outdir: Path) -> bool:
        """The file is still there with the recorded content."""
        return sha256_file(outdir / self.path) == self.sha256


@dataclass(slots=True)
class ItemRecord:
    """One item of the batch: a document (with its .docx and .pdf) or a failed input row."""

    id: str
    kind: str
    title: str
    status: Status
    product: int | None = None  # 1-based product number in the round
    row: int | None = None  # spreadsheet row
    line: int | None = None  # line in the round file
    fingerprint: str | None = None  # hash of what the document was made from
    outputs: list[OutputRecord] = field(default_factory=list)
    error: dict[str, Any] | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    attempts: int | None = None  # LibreOffice attempts for the PDF

    def output(self, suffix: str) -> OutputRecord | None:
        return next((o for o in self.outputs if o.path.endswith(suffix)), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "product": self.product,
            "row": self.row,
            "line": self.line,
            "fingerprint": self.fingerprint,
            "outputs": [o.to_json() for o in self.outputs],
            "error": self.error,
            "warnings": self.warnings,
        }
        if self.attempts is not None:
            out["pdf_attempts"] = self.attempts
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemRecord:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            title=str(data.get("title", "")),
            status=data["status"],
            product=data.get("product"),
            row=data.get("row"),
            line=data.get("line"),
            fingerprint=data.get("fingerprint"),
            outputs=[OutputRecord.from_json(o) for o in data.get("outputs") or []],
            error=data.get("error"),
            warnings=list(data.get("warnings") or []),
            attempts=data.get("pdf_attempts"),
        )


@dataclass(slots=True)
class Manifest:
    input: dict[str, Any]
    options: dict[str, Any]
    templates: dict[str, dict[str, str]] = field(default_factory=dict)
    items: list[ItemRecord] = field(default_factory=list)
    bundle: dict[str, Any] | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    complete: bool = False  # False while running and after an interruption
    # PDF notes (issue 12): {"error": …} when LibreOffice was missing, and
    # {"fonts": [{"document", "font", "substitute"}]} when a PDF was made without a font
    # the template asks for (Times New Roman replaced by Liberation Serif, …).
    pdf: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "tool": {"name": "ocop-docs", "version": __version__},
            "format_version": FORMAT_VERSION,
            "complete": self.complete,
            "input": self.input,
            "options": self.options,
            "templates": self.templates,
            "summary": self.summary,
            "warnings": self.warnings,
            "bundle": self.bundle,
            "pdf": self.pdf,
            "items": [i.to_json() for i in self.items],
        }

    def recorded(self) -> set[str]:
        """Every output path this manifest vouches for (relative to OUTDIR)."""
        paths = {o.path for item in self.items for o in item.outputs}
        if self.bundle and self.bundle.get("path"):
            paths.add(str(self.bundle["path"]))
        return paths


def check_manifest_path(outdir: Path) -> None:
    """Refuse a ``manifest.json`` that is a folder, a link or anything but a plain file
    (issue 9): writing it would fail, or write through the link to somewhere else."""
    path = outdir / MANIFEST_NAME
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        vi, en = os_reason(exc)
        raise InputError(
            "batch-manifest-unwritable", path=str(path), reason=vi, reason_en=en
        ) from exc
    if stat.S_ISLNK(info.st_mode):
        vi, en = os_reason(OSError(errno.ELOOP, "link"))
    elif stat.S_ISDIR(info.st_mode):
        vi, en = os_reason(OSError(errno.EISDIR, "folder"))
    elif not stat.S_ISREG(info.st_mode):
        vi, en = "đó không phải một tệp thường", "it is not a plain file"
    else:
        return
    raise InputError("batch-manifest-unwritable", path=str(path), reason=vi, reason_en=en)


def write_manifest(manifest: Manifest, outdir: Path, *, compact: bool = False) -> Path:
    """Write ``OUTDIR/manifest.json`` atomically; ``batch-manifest-unwritable`` (exit 1)
    when it cannot be (a full disk, a read-only folder, a folder in its place).

    ``compact``: one line, by json's C encoder (the checkpoints written while a batch runs:
    indented output goes through the pure-Python encoder, 0.27 s a write at 10,000 items);
    the finished manifest is indented for people to read."""
    target = outdir / MANIFEST_NAME
    data = manifest.to_json()
    try:
        if compact:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
            atomic_write_text(target, text)
        else:
            _write_streamed(target, data)
    except OSError as exc:
        vi, en = os_reason(exc)
        raise InputError(
            "batch-manifest-unwritable", path=str(target), reason=vi, reason_en=en
        ) from exc
    return target


def _write_streamed(target: Path, data: dict[str, Any]) -> None:
    """The indented manifest written as json's encoder makes it, piece by piece, through
    a temporary file renamed into place (as :func:`~ocop_docs.files.atomic_write_text`):
    ``json.dumps`` with ``indent`` joins about 40 pieces per item first, tens of MB at
    10,000 items (issue 15: memory flat in the size of the round)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class ManifestUnreadable(ValueError):
    """A manifest that cannot be used, and why in both languages (the JSON reader's own
    words are English: they are only the ``detail``, issue 9)."""

    def __init__(self, reason: str, reason_en: str, detail: str = "") -> None:
        super().__init__(reason_en)
        self.reason, self.reason_en, self.detail = reason, reason_en, detail


def read_manifest(outdir: Path) -> Manifest | None:
    """The manifest in ``outdir``, None when there is none; :class:`ManifestUnreadable`
    (a ``ValueError``) when broken, a folder or a link (never read through a link)."""
    path = outdir / MANIFEST_NAME
    if path.is_symlink():
        raise ManifestUnreadable("manifest.json là một liên kết", "manifest.json is a link")
    if path.is_dir():
        raise ManifestUnreadable("manifest.json là một thư mục", "manifest.json is a folder")
    if not path.is_file():
        return None
    unknown = ManifestUnreadable("định dạng không đúng", "unknown format")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
            raise unknown
        return Manifest(
            input=dict(data.get("input") or {}),
            options=dict(data.get("options") or {}),
            templates=dict(data.get("templates") or {}),
            items=[ItemRecord.from_json(i) for i in data.get("items") or []],
            bundle=data.get("bundle"),
            warnings=list(data.get("warnings") or []),
            summary=dict(data.get("summary") or {}),
            complete=bool(data.get("complete")),
            pdf=dict(data.get("pdf") or {}),
        )
    except ManifestUnreadable:
        raise
    except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON
        raise ManifestUnreadable(**library_reason(exc)) from exc
    except (KeyError, TypeError, AttributeError, RecursionError) as exc:  # not our shape
        raise ManifestUnreadable(unknown.reason, unknown.reason_en, repr(exc)[:200]) from exc


__all__ = [
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "ItemRecord",
    "Manifest",
    "ManifestUnreadable",
    "OutputRecord",
    "Status",
    "check_manifest_path",
    "error_json",
    "issue_error",
    "issue_json",
    "read_manifest",
    "sha256_bytes",
    "sha256_file",
    "write_manifest",
]
