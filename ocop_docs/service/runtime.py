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

from ocop_docs.service.database import make_engine, migrate, session_factory
from ocop_docs.service.records import Records
from ocop_docs.service.settings import Settings
from ocop_docs.service.storage import LocalStore
from ocop_docs.service.work import PdfSlots, Workers


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        settings.work_dir.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(settings.db_url)
        migrate(self.engine)
        self.store = LocalStore(settings.store_dir)
        self.records = Records(session_factory(self.engine), self.store, settings.retention_days)
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

    def close(self) -> None:
        self.workers.close()
        self.engine.dispose()
