"""The registry book in a database: adding recognitions, reading entries, revoking.

:class:`Registry` works on any SQLAlchemy database the service uses (SQLite by default,
PostgreSQL when configured): the command line opens a local SQLite file with
:func:`open_registry` (its schema made by the service's own Alembic migrations), the
service hands over its session factory and a province. Queries of a registry opened for a
province see only that province's rows (the officials' rule, issue 13).

Adding never merges silently (issue 14): a product already recorded by the same decision is
skipped and reported; the same product with a certificate still valid is refused unless the
input says it is an upgrade or a re-evaluation, or its stars are higher (then it is taken
as an upgrade, with a warning); an upgrade or re-evaluation replaces the older certificate
(event ``thay_the``) and keeps its history.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ocop_docs.errors import InputError, Issue
from ocop_docs.registry.model import Entry, Event, Recognition, key_text
from ocop_docs.registry.tables import RegistryEntry, RegistryEvent
from ocop_docs.service.database import make_engine, migrate, session_factory

# The local book of the command line: ./so-theo-doi.sqlite, or OCOP_SO_THEO_DOI (a path
# or a database URL, e.g. the service's PostgreSQL).
DEFAULT_FILE = "so-theo-doi.sqlite"
ENV_VARIABLE = "OCOP_SO_THEO_DOI"


@dataclass(slots=True)
class AddResult:
    """What adding a list did: the ids added, what was skipped, and the findings."""

    source: str
    added: list[int] = field(default_factory=list)
    skipped: int = 0
    planned: int = 0  # what would be added (with ``dry_run``)
    issues: list[Issue] = field(default_factory=list)
    dry_run: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.severity == "warning")


def default_target() -> str:
    return os.environ.get(ENV_VARIABLE) or DEFAULT_FILE


def database_url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).resolve()}"


def open_registry(target: str | Path | None = None, province: int | None = None) -> Registry:
    """The registry in ``target`` (a SQLite file or a database URL), made if missing."""
    target = target if target is not None else default_target()
    url = database_url(target)
    if url.startswith("sqlite:///"):
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise InputError("registry-folder-missing", path=str(folder))
    engine = make_engine(url)
    migrate(engine)
    return Registry(session_factory(engine), province=province, label=str(target))


def _entry(row: RegistryEntry) -> Entry:
    return Entry(
        id=row.id,
        province=row.province,
        product=row.product,
        producer=row.producer,
        address=row.address,
        address_status=row.address_status,
        commune_code=row.commune_code,
        commune=row.commune,
        province_name=row.province_name,
        former_unit=row.former_unit,
        product_set=row.product_set,
        group=row.group,
        stars=row.stars,
        score=row.score,
        year=row.year,
        case=row.case,
        decision_no=row.decision_no,
        decision_date=row.decision_date,
        issuer=row.issuer,
        level=row.level,
        certificate_no=row.certificate_no,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        regime=row.regime,
        state=row.state,
        phone=row.phone,
        email=row.email,
        source=row.source,
        source_row=row.source_row,
        reminder=row.reminder,
        reminder_on=row.reminder_on,
        events=tuple(Event(e.kind, e.on, dict(e.detail or {})) for e in row.events),
    )


def _row_issue(code: str, rec: Recognition, **params: Any) -> Issue:
    return Issue(code, params={"row": rec.row or "", "product": rec.product, **params})


class Registry:
    """The registry book of one database (of one province when ``province`` is given)."""

    def __init__(
        self, sessions: sessionmaker[Session], province: int | None = None, label: str = ""
    ) -> None:
        self.sessions = sessions
        self.province = province
        self.label = label

    # --- reading -----------------------------------------------------------------------
    def _query(self) -> Any:
        query = select(RegistryEntry).options(selectinload(RegistryEntry.events))
        if self.province is not None:
            query = query.where(RegistryEntry.province == self.province)
        return query.order_by(RegistryEntry.decision_date, RegistryEntry.id)

    def entries(self) -> list[Entry]:
        """Every certificate of the book, oldest decision first."""
        with self.sessions() as session:
            return [_entry(r) for r in session.scalars(self._query())]

    def entry(self, entry_id: int) -> Entry | None:
        with self.sessions() as session:
            row = session.scalars(self._query().where(RegistryEntry.id == entry_id)).first()
            return _entry(row) if row is not None else None

    def lookup(self, certificate_no: str) -> Entry | None:
        """The certificate of this number (spacing and case aside), for the public page."""
        found = self.lookup_all(certificate_no)
        return found[0] if found else None

    def lookup_all(self, certificate_no: str) -> list[Entry]:
        """Every certificate of this number: numbers repeat across provinces ("01/GCN-UBND")."""
        wanted = key_text(certificate_no)[:100]
        if not wanted:
            return []
        with self.sessions() as session:
            rows = session.scalars(self._query().where(RegistryEntry.certificate_key == wanted))
            return [_entry(r) for r in rows]

    # --- adding ------------------------------------------------------------------------
    def add(
        self,
        recognitions: Sequence[Recognition],
        source: str,
        *,
        issues: Iterable[Issue] = (),
        dry_run: bool = False,
    ) -> AddResult:
        """Add a checked list: nothing is written when it (or the book) shows an error."""
        result = AddResult(source=source, issues=list(issues), dry_run=dry_run)
        with self.sessions() as session, session.begin():
            plan = self._plan(session, recognitions, result)
            result.planned = len(plan)
            if result.errors or dry_run:
                session.rollback()
                return result
            for rec, previous, event_kind in plan:
                row = self._insert(session, rec, source, event_kind, previous)
                session.flush()
                result.added.append(row.id)
        return result

    def _plan(
        self, session: Session, recognitions: Sequence[Recognition], result: AddResult
    ) -> list[tuple[Recognition, RegistryEntry | None, str]]:
        plan: list[tuple[Recognition, RegistryEntry | None, str]] = []
        for rec in recognitions:
            query = select(RegistryEntry).where(RegistryEntry.product_key == rec.key)
            if self.province is not None:
                query = query.where(RegistryEntry.province == self.province)
            same = list(session.scalars(query.order_by(RegistryEntry.decision_date)))
            if any(key_text(r.decision_no) == key_text(rec.decision_no) for r in same):
                result.skipped += 1
                result.issues.append(
                    _row_issue("registry-already-recorded", rec, decision=rec.decision_no)
                )
                continue
            if rec.certificate_no and self._certificate_taken(session, rec.certificate_no):
                result.issues.append(
                    _row_issue("registry-certificate-taken", rec, number=rec.certificate_no)
                )
                continue
            current = [
                r
                for r in same
                if r.state == "active"
                and r.decision_date < rec.decision_date
                and r.valid_to >= rec.decision_date
            ]
            previous = current[-1] if current else None
            case = rec.case
            if previous is not None and case == "lan_dau":
                if rec.stars > previous.stars:
                    case = rec.case = "nang_hang"
                    result.issues.append(
                        _row_issue(
                            "registry-upgrade-inferred",
                            rec,
                            stars=rec.stars,
                            previous=previous.stars,
                            decision=previous.decision_no,
                        )
                    )
                else:
                    result.issues.append(
                        _row_issue(
                            "registry-duplicate-product",
                            rec,
                            decision=previous.decision_no,
                            source=previous.source,
                            valid_to=previous.valid_to.strftime("%d/%m/%Y"),
                        )
                    )
                    continue
            if case != "lan_dau" and previous is None:
                result.issues.append(_row_issue("registry-previous-missing", rec, case=case))
            plan.append((rec, previous, "cong_nhan" if case == "lan_dau" else case))
        return plan

    def _certificate_taken(self, session: Session, number: str) -> bool:
        query = select(RegistryEntry.id).where(
            RegistryEntry.certificate_key == key_text(number)[:100]
        )
        if self.province is not None:
            query = query.where(RegistryEntry.province == self.province)
        return session.scalars(query.limit(1)).first() is not None

    def _insert(
        self,
        session: Session,
        rec: Recognition,
        source: str,
        event_kind: str,
        previous: RegistryEntry | None,
    ) -> RegistryEntry:
        row = RegistryEntry(
            province=self.province if self.province is not None else rec.province,
            product_key=rec.key,
            product=rec.product,
            producer=rec.producer,
            address=rec.address,
            address_status=rec.address_status,
            commune_code=rec.commune_code,
            commune=rec.commune,
            province_name=rec.province_name,
            former_unit=rec.former_unit,
            product_set=rec.product_set,
            group=rec.group,
            stars=rec.stars,
            score=rec.score,
            year=rec.year,
            case=rec.case,
            decision_no=rec.decision_no,
            decision_date=rec.decision_date,
            issuer=rec.issuer,
            level=rec.level,
            certificate_no=rec.certificate_no,
            certificate_key=key_text(rec.certificate_no)[:100] if rec.certificate_no else None,
            valid_from=rec.valid_from,
            valid_to=rec.valid_to,
            regime=rec.regime,
            state="active",
            phone=rec.phone,
            email=rec.email,
            source=source[:500],
            source_row=rec.row,
            reminder="",
        )
        detail: dict[str, Any] = {"decision": rec.decision_no, "stars": rec.stars}
        if previous is not None:
            detail["previous_stars"] = previous.stars
            detail["previous_decision"] = previous.decision_no
            previous.state = "superseded"
            previous.events.append(
                RegistryEvent(
                    kind="thay_the",
                    on=rec.decision_date,
                    detail={"decision": rec.decision_no, "stars": rec.stars, "case": rec.case},
                )
            )
        row.events.append(RegistryEvent(kind=event_kind, on=rec.decision_date, detail=detail))
        session.add(row)
        return row

    # --- changing ----------------------------------------------------------------------
    def revoke(self, entry_id: int, on: dt.date, decision: str, reason: str = "") -> Entry:
        """Record a revocation (QĐ 26/2026 Điều 8): the certificate stops on ``on``."""
        with self.sessions() as session, session.begin():
            row = session.scalars(self._query().where(RegistryEntry.id == entry_id)).first()
            if row is None:
                raise InputError("registry-entry-unknown", id=entry_id)
            row.state = "revoked"
            row.events.append(
                RegistryEvent(
                    kind="thu_hoi", on=on, detail={"decision": decision, "reason": reason}
                )
            )
            session.flush()
            return _entry(row)

    def mark(self, marks: dict[int, str], on: dt.date) -> int:
        """Set the reminder mark of entries (the daily job); returns how many changed."""
        changed = 0
        with self.sessions() as session, session.begin():
            for row in session.scalars(self._query().where(RegistryEntry.id.in_(list(marks)))):
                mark = marks[row.id]
                if row.reminder != mark:
                    row.reminder = mark
                    row.reminder_on = on
                    row.events.append(RegistryEvent(kind="nhac_han", on=on, detail={"mark": mark}))
                    changed += 1
        return changed


__all__ = [
    "DEFAULT_FILE",
    "ENV_VARIABLE",
    "AddResult",
    "Registry",
    "database_url",
    "default_target",
    "open_registry",
]
