"""Rounds as the service keeps them: the folder the library reads (as blobs), the summary
the library made of it, the council's seats and the scoring sheets entered in the browser.

Every read takes the province (and, for a council member, the account) it is for, so a
round of another province is simply not found (the API answers 404).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.service.accounts import Principal
from ocop_docs.service.database import utcnow
from ocop_docs.service.records import collect, new_id, store_files
from ocop_docs.service.round_intake import LaidOut
from ocop_docs.service.storage import BlobStore
from ocop_docs.service.tables import Card, Job, RoundBlob, RoundRow, Seat


@dataclass(frozen=True, slots=True)
class RoundFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class RoundView:
    id: str
    province: int
    name: str
    year: int | None
    input_kind: str
    source: str
    summary: dict[str, Any]
    created_at: dt.datetime
    files: tuple[RoundFile, ...]

    def product(self, index: int) -> dict[str, Any] | None:
        return next((p for p in self.summary.get("san_pham", []) if p["index"] == index), None)

    def member(self, ma: str) -> dict[str, Any] | None:
        return next((m for m in self.summary.get("thanh_vien", []) if m["ma"] == ma), None)

    def to_json(self, lang: str = "vi", *, full: bool = True) -> dict[str, Any]:
        s = self.summary
        out: dict[str, Any] = {
            "id": self.id,
            "province": self.province,
            "ten_dot": self.name,
            "nam": self.year,
            "input_kind": self.input_kind,
            "source": self.source,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "products": len(s.get("san_pham", [])),
        }
        if full:
            texts = s.get("texts", {}).get(lang, {})
            out.update(
                {
                    "co_quan": s.get("co_quan"),
                    "hoi_dong": s.get("hoi_dong"),
                    "du_so": s.get("du_so"),
                    "thanh_vien": s.get("thanh_vien", []),
                    "san_pham": s.get("san_pham", []),
                    "kinds": s.get("kinds", []),
                    "items": s.get("items"),
                    "failures": texts.get("failures", []),
                    "warnings": texts.get("warnings", []),
                }
            )
        return out


def _view(row: RoundRow) -> RoundView:
    return RoundView(
        row.id,
        row.province,
        row.name,
        row.year,
        row.input_kind,
        row.source,
        dict(row.summary or {}),
        row.created_at,
        tuple(RoundFile(f.path, f.sha256, f.size) for f in row.files),
    )


class Rounds:
    def __init__(self, sessions: sessionmaker[Session], store: BlobStore) -> None:
        self.db = sessions
        self.store = store

    def create(
        self, province: int, laid: LaidOut, summary: dict[str, Any], user_id: int | None
    ) -> str:
        row = RoundRow(
            id=new_id(),
            province=province,
            name=str(summary.get("ten_dot") or laid.source.stem)[:255],
            year=summary.get("nam") if isinstance(summary.get("nam"), int) else None,
            input_kind="sheet" if summary.get("input_kind") == "spreadsheet" else "round",
            source=summary["source"],
            summary=summary,
            created_by=user_id,
            created_at=utcnow(),
        )
        for rel, digest, size in store_files(self.store, laid.tree):
            row.files.append(RoundBlob(path=rel, sha256=digest, size=size))
        with self.db.begin() as db:
            db.add(row)
        return row.id

    def get(self, round_id: str) -> RoundView | None:
        if not 20 <= len(round_id) <= 64:
            return None
        with self.db() as db:
            row = db.get(RoundRow, round_id)
            return _view(row) if row is not None else None

    def visible(self, who: Principal, round_id: str) -> RoundView | None:
        """The round if ``who`` may see it: its province's office, a council member who
        sits on it, an administrator; otherwise None (answered as not found)."""
        view = self.get(round_id)
        if view is None:
            return None
        if who.is_admin:
            return view
        if who.province != view.province:
            return None
        if who.role == "tinh":
            return view
        if who.role == "hoi_dong" and self.seats_of(round_id, who.user_id):
            return view
        return None

    def listing(self, who: Principal) -> list[RoundView]:
        with self.db() as db:
            query = select(RoundRow).order_by(RoundRow.created_at.desc())
            if not who.is_admin:
                query = query.where(RoundRow.province == who.province)
            if who.role == "hoi_dong":
                seated = select(Seat.round_id).where(Seat.user_id == who.user_id)
                query = query.where(RoundRow.id.in_(seated))
            elif who.role == "xa":
                return []
            return [_view(r) for r in db.scalars(query)]

    def restore(self, view: RoundView, dest: Path) -> Path:
        """Write the round's folder into ``dest``; the path of its round file there."""
        for f in view.files:
            target = dest.joinpath(*f.path.split("/"))
            if not target.resolve().is_relative_to(dest.resolve()):
                continue  # stored names passed the intake's checks; defence in depth
            self.store.copy_to(f.sha256, target)
        return dest.joinpath(*view.source.split("/"))

    def delete(self, round_id: str) -> None:
        """The round, its seats, cards and jobs with their files (blobs no one else uses)."""
        with self.db.begin() as db:
            row = db.get(RoundRow, round_id)
            if row is None:
                return
            digests = {f.sha256 for f in row.files}
            for job in db.scalars(select(Job).where(Job.round_id == round_id)):
                digests |= {f.sha256 for f in job.files}
                if job.manifest:
                    digests.add(job.manifest)
                db.delete(job)
            db.delete(row)
        collect(self.db, self.store, digests)

    # --- council seats and scoring sheets ------------------------------------------------

    def seats(self, round_id: str) -> dict[str, int]:
        with self.db() as db:
            rows = db.scalars(select(Seat).where(Seat.round_id == round_id))
            return {s.member: s.user_id for s in rows}

    def seats_of(self, round_id: str, user_id: int) -> list[str]:
        with self.db() as db:
            query = select(Seat.member).where(Seat.round_id == round_id, Seat.user_id == user_id)
            return sorted(db.scalars(query))

    def seat(self, round_id: str, member: str, user_id: int | None) -> None:
        with self.db.begin() as db:
            db.execute(delete(Seat).where(Seat.round_id == round_id, Seat.member == member))
            if user_id is not None:
                db.add(Seat(round_id=round_id, member=member, user_id=user_id))

    def save_card(
        self,
        round_id: str,
        product: int,
        member: str,
        *,
        choices: dict[str, Any] | None,
        total: float | None,
        result: dict[str, Any],
        user_id: int,
    ) -> None:
        with self.db.begin() as db:
            row = db.scalar(
                select(Card).where(
                    Card.round_id == round_id, Card.product == product, Card.member == member
                )
            )
            if row is None:
                row = Card(round_id=round_id, product=product, member=member)
                db.add(row)
            row.choices, row.total, row.result = choices, total, result
            row.entered_by, row.updated_at = user_id, utcnow()

    def cards(self, round_id: str) -> dict[tuple[int, str], dict[str, Any]]:
        with self.db() as db:
            rows = db.scalars(select(Card).where(Card.round_id == round_id))
            return {
                (c.product, c.member): {
                    "chon": c.choices,
                    "tong": c.total,
                    "ket_qua": c.result,
                    "luc": c.updated_at.isoformat(timespec="seconds") + "Z",
                }
                for c in rows
            }
