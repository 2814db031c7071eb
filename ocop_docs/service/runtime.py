"""The service's state for one process: settings, database, store, workers, LibreOffice.

Everything a request handler needs hangs off one :class:`Runtime` kept on the app; no
request state lives in the process (architecture §4), so several processes can share one
data directory.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy import text

from ocop_docs.service.accounts import Accounts
from ocop_docs.service.audit import Audit
from ocop_docs.service.casefiles import CaseFiles
from ocop_docs.service.database import make_engine, migrate, session_factory
from ocop_docs.service.jobqueue import JobQueue
from ocop_docs.service.jobs import Jobs
from ocop_docs.service.records import Records
from ocop_docs.service.rounds import Rounds
from ocop_docs.service.settings import Settings
from ocop_docs.service.storage import BlobStore, LocalStore
from ocop_docs.service.work import PdfSlots, Workers


def open_store(settings: Settings) -> BlobStore:
    """The local folder by default; S3-compatible storage for ``s3://`` (issue 13)."""
    url = settings.storage_url
    if url and url.startswith("s3://"):
        # boto3 comes with the optional [scale] extra: imported only when S3 is configured,
        # so the normal install (`pip install .`) starts without it (not a cycle).
        from ocop_docs.service.objectstore import S3Store

        return S3Store(url)
    if url and url.startswith("file://"):
        return LocalStore(Path(url[len("file://") :]))
    if url:
        raise ValueError(f"OCOP_STORAGE_URL: s3://… or file://…, not {url!r}")
    return LocalStore(settings.store_dir)


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        settings.work_dir.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(settings.db_url)
        migrate(self.engine)
        self.store = open_store(settings)
        sessions = session_factory(self.engine)
        self.sessions = sessions
        self.records = Records(sessions, self.store, settings.retention_days)
        self.accounts = Accounts(sessions, settings)
        self.audit = Audit(sessions)
        self.casefiles = CaseFiles(sessions, self.store)
        self.rounds = Rounds(sessions, self.store)
        self.jobs = Jobs(sessions)
        self.queue = JobQueue(settings.queue_location)
        self.workers = Workers(settings.workers, settings.queue)
        self.pdf = PdfSlots(
            settings.pdf_workers, settings.data_dir / "libreoffice", settings.soffice
        )

    @contextlib.asynccontextmanager
    async def scratch(self) -> AsyncIterator[Path]:
        """A fresh temporary folder for one request, removed afterwards whatever happens."""
        folder = Path(tempfile.mkdtemp(prefix="req-", dir=self.settings.work_dir))
        try:
            yield folder
        finally:
            await self.workers.run_unbounded(shutil.rmtree, folder, True)

    def database_ok(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    def queue_ok(self) -> bool:
        try:
            self.queue.pending()
        except Exception:
            return False
        return True

    def close(self) -> None:
        self.workers.close()
        self.queue.close()
        self.engine.dispose()
