"""Anonymous checks: kept under an unguessable link for ``retention_days``, then deleted.

A check's row names its files by path and SHA-256; the bytes live in the blob store. A blob
is deleted when the last check that refers to it goes (at "Xoá ngay", or when the retention
sweep finds it expired). Nothing here is reachable without the check's id, 32 random bytes.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.service.checking import Checked, field_messages
from ocop_docs.service.database import Check, CheckFile, utcnow
from ocop_docs.service.intake import Dossier
from ocop_docs.service.storage import BlobStore
from ocop_docs.service.tables import CaseFile, CaseFileBlob, Job, JobBlob, RoundBlob
from ocop_docs.validation.loading import DOSSIER_NAMES

TOKEN_BYTES = 32


def new_id() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def looks_like_id(value: str) -> bool:
    return 40 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


@dataclass(frozen=True, slots=True)
class StoredFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class CheckView:
    """What a page needs of a check, detached from the database session."""

    id: str
    created_at: dt.datetime
    expires_at: dt.datetime
    origin: str
    source: str
    product_set: int | None
    case: str | None
    errors: int
    warnings: int
    data_file: str
    report_vi: str
    report_en: str
    bundle: str | None
    fields: dict[str, Any]
    files: tuple[StoredFile, ...]

    def report_digest(self, lang: str) -> str:
        return self.report_vi if lang == "vi" else self.report_en


def _view(row: Check) -> CheckView:
    return CheckView(
        row.id,
        row.created_at,
        row.expires_at,
        row.origin,
        row.source,
        row.product_set,
        row.case,
        row.errors,
        row.warnings,
        row.data_file,
        row.report_vi,
        row.report_en,
        row.bundle,
        dict(row.fields or {}),
        tuple(StoredFile(f.path, f.sha256, f.size) for f in row.files),
    )


def dossier_files(folder: Path) -> list[Path]:
    """Regular files of a dossier folder (symlinks are never followed or kept)."""
    out: list[Path] = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        out.append(path)
    return out


def store_files(store: Any, folder: Path) -> list[tuple[str, str, int]]:
    """Put every regular file of ``folder`` in the blob store: (relative path, SHA-256, size)."""
    out: list[tuple[str, str, int]] = []
    for path in dossier_files(folder):
        digest, size = store.put_file(path)
        out.append((path.relative_to(folder).as_posix(), digest, size))
    return out


# Every column that names a blob: a blob is deleted only when none of them still does
# (a dossier submitted from a check, or a round's copy of it, shares the check's blobs).
_BLOB_COLUMNS: tuple[Any, ...] = (
    CheckFile.sha256,
    Check.report_vi,
    Check.report_en,
    Check.bundle,
    CaseFileBlob.sha256,
    CaseFile.report,
    CaseFile.assessment,
    RoundBlob.sha256,
    JobBlob.sha256,
    Job.manifest,
)


def collect(sessions: sessionmaker[Session], store: BlobStore, digests: set[str]) -> None:
    """Delete the blobs of ``digests`` that no row refers to any more."""
    if not digests:
        return
    used: set[str] = set()
    with sessions() as session:
        for column in _BLOB_COLUMNS:
            used |= set(session.scalars(select(column).where(column.in_(digests))))
    for digest in digests - used:
        store.delete(digest)


class Records:
    def __init__(self, sessions: sessionmaker[Session], store: BlobStore, days: int) -> None:
        self.sessions = sessions
        self.store = store
        self.days = days

    def _fill(self, row: Check, dossier: Dossier, checked: Checked, data: Any) -> None:
        report = checked.report
        row.source = dossier.name[:255]
        row.product_set = report.product_set
        row.case = report.case
        row.errors = report.errors
        row.warnings = report.warnings
        row.data_file = next(
            (n for n in DOSSIER_NAMES if (dossier.folder / n).is_file()), "ho-so.yaml"
        )
        row.report_vi = self.store.put_bytes(checked.json_vi.encode("utf-8"))
        row.report_en = self.store.put_bytes(checked.json_en.encode("utf-8"))
        row.bundle = None
        row.fields = field_messages(report, data)
        row.updated_at = utcnow()
        row.files = []
        for path in dossier_files(dossier.folder):
            digest, size = self.store.put_file(path)
            rel = path.relative_to(dossier.folder).as_posix()
            row.files.append(CheckFile(path=rel, sha256=digest, size=size))

    def create(self, dossier: Dossier, checked: Checked, origin: str, data: Any = None) -> str:
        now = utcnow()
        row = Check(
            id=new_id(),
            created_at=now,
            expires_at=now + dt.timedelta(days=self.days),
            origin=origin,
            lang="vi",
        )
        self._fill(row, dossier, checked, data)
        with self.sessions.begin() as session:
            session.add(row)
        return row.id

    def replace(self, check_id: str, dossier: Dossier, checked: Checked, data: Any = None) -> None:
        """A corrected dossier under the same link (the retention period is not extended)."""
        with self.sessions.begin() as session:
            row = session.get(Check, check_id)
            if row is None:
                return
            old = {f.sha256 for f in row.files} | {row.report_vi, row.report_en}
            if row.bundle:
                old.add(row.bundle)
            self._fill(row, dossier, checked, data)
        self._collect(old)

    def get(self, check_id: str) -> CheckView | None:
        if not looks_like_id(check_id):
            return None
        with self.sessions() as session:
            row = session.get(Check, check_id)
            if row is None or row.expires_at <= utcnow():
                return None
            return _view(row)

    def set_bundle(self, check_id: str, digest: str) -> None:
        with self.sessions.begin() as session:
            row = session.get(Check, check_id)
            if row is not None:
                row.bundle = digest

    def restore(self, view: CheckView, dest: Path) -> Path:
        """Write the check's dossier back into the fresh folder ``dest``."""
        for f in view.files:
            target = dest.joinpath(*f.path.split("/"))
            if not target.resolve().is_relative_to(dest.resolve()):
                continue  # stored names passed safe_parts; this is defence in depth
            self.store.copy_to(f.sha256, target)
        return dest

    def delete(self, check_id: str) -> bool:
        if not looks_like_id(check_id):
            return False
        with self.sessions.begin() as session:
            row = session.get(Check, check_id)
            if row is None:
                return False
            digests = {f.sha256 for f in row.files} | {row.report_vi, row.report_en}
            if row.bundle:
                digests.add(row.bundle)
            session.delete(row)
        self._collect(digests)
        return True

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete every expired check and the blobs no other check refers to."""
        now = now or utcnow()
        with self.sessions() as session:
            expired = list(session.scalars(select(Check.id).where(Check.expires_at <= now)))
        for check_id in expired:
            self.delete(check_id)
        return len(expired)

    def _collect(self, digests: set[str]) -> None:
        collect(self.sessions, self.store, digests)

    def count(self) -> int:
        with self.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(Check)) or 0)
