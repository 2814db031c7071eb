"""The audit log: who produced, downloaded, deleted or changed what, and when.

One row per act, written in the same database as the data (so a replica's log is every
replica's log); read by administrators (all provinces) and a province's office (its own).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.service.accounts import Principal
from ocop_docs.service.database import utcnow
from ocop_docs.service.tables import AuditEntry


class Audit:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.db = sessions

    def record(
        self,
        who: Principal | None,
        action: str,
        target: str,
        target_id: str = "",
        *,
        province: int | None = None,
        **detail: Any,
    ) -> None:
        with self.db.begin() as db:
            db.add(
                AuditEntry(
                    at=utcnow(),
                    user_id=who.user_id if who else None,
                    username=who.username if who else "",
                    action=action,
                    target=target,
                    target_id=target_id[:64],
                    province=province if province is not None else (who.province if who else None),
                    detail=detail,
                )
            )

    def entries(self, province: int | None, limit: int = 200) -> list[dict[str, Any]]:
        """The newest entries, of one province (``None``: every province, for quan_tri)."""
        with self.db() as db:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if province is not None:
                query = query.where(AuditEntry.province == province)
            return [
                {
                    "at": e.at.isoformat(timespec="seconds") + "Z",
                    "user": e.username,
                    "action": e.action,
                    "target": e.target,
                    "id": e.target_id,
                    "province": e.province,
                    "detail": e.detail,
                }
                for e in db.scalars(query)
            ]
