"""Dossiers filed with a commune (issue 13): uploaded by its officer, or submitted by a
cooperative from an anonymous check. Each is checked by the validator when it arrives
(the report is kept), and a round's products find them by their folder's name.

A commune officer (``xa``) sees the dossiers of their commune; the province's office
(``tinh``) those of the province; nobody those of another province.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.service.accounts import Principal
from ocop_docs.service.checking import Checked
from ocop_docs.service.database import utcnow
from ocop_docs.service.intake import Dossier
from ocop_docs.service.records import collect, new_id, store_files
from ocop_docs.service.storage import BlobStore
from ocop_docs.service.tables import CaseFile, CaseFileBlob


@dataclass(frozen=True, slots=True)
class CaseFileView:
    id: str
    province: int
    commune: int | None
    name: str
    product: str
    producer: str
    product_set: int | None
    origin: str
    errors: int
    warnings: int
    report: str
    created_at: dt.datetime
    files: tuple[tuple[str, str, int], ...]  # path, sha256, size
    assessment: str | None = None  # blob of the commune's Mẫu 03 (JSON), once written
    assessed_at: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "province": self.province,
            "commune": self.commune,
            "name": self.name,
            "product": self.product,
            "producer": self.producer,
            "product_set": self.product_set,
            "origin": self.origin,
            "errors": self.errors,
            "warnings": self.warnings,
            "valid": self.errors == 0,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "files": [{"path": p, "bytes": n} for p, _d, n in self.files],
            "mau_03": self.assessed_at.isoformat(timespec="seconds") + "Z"
            if self.assessed_at
            else None,
        }


def _view(row: CaseFile) -> CaseFileView:
    return CaseFileView(
        row.id,
        row.province,
        row.commune,
        row.name,
        row.product,
        row.producer,
        row.product_set,
        row.origin,
        row.errors,
        row.warnings,
        row.report,
        row.created_at,
        tuple((f.path, f.sha256, f.size) for f in row.files),
        row.assessment,
        row.assessed_at,
    )


def _names(data: Any) -> tuple[str, str]:
    if not isinstance(data, dict):
        return "", ""
    product = (
        (data.get("san_pham") or {}).get("ten", "")
        if isinstance(data.get("san_pham"), dict)
        else ""
    )
    producer = (
        (data.get("chu_the") or {}).get("ten", "") if isinstance(data.get("chu_the"), dict) else ""
    )
    return str(product)[:255], str(producer)[:255]


class CaseFiles:
    def __init__(self, sessions: sessionmaker[Session], store: BlobStore) -> None:
        self.db = sessions
        self.store = store

    def create(
        self,
        dossier: Dossier,
        checked: Checked,
        data: Any,
        *,
        province: int,
        commune: int | None,
        origin: str,
        user_id: int | None,
        source_check: str | None = None,
    ) -> str:
        report = checked.report
        product, producer = _names(data)
        row = CaseFile(
            id=new_id(),
            province=province,
            commune=commune,
            name=dossier.name[:255],
            product=product,
            producer=producer,
            product_set=report.product_set,
            origin=origin,
            errors=report.errors,
            warnings=report.warnings,
            report=self.store.put_bytes(checked.json_vi.encode("utf-8")),
            created_by=user_id,
            created_at=utcnow(),
            source_check=source_check,
        )
        for rel, digest, size in store_files(self.store, dossier.folder):
            row.files.append(CaseFileBlob(path=rel, sha256=digest, size=size))
        with self.db.begin() as db:
            db.add(row)
        return row.id

    def get(self, dossier_id: str) -> CaseFileView | None:
        with self.db() as db:
            row = db.get(CaseFile, dossier_id)
            return _view(row) if row is not None else None

    def visible(self, who: Principal, dossier_id: str) -> CaseFileView | None:
        if not 20 <= len(dossier_id) <= 64:
            return None
        with self.db() as db:
            row = db.get(CaseFile, dossier_id)
            if row is None:
                return None
            view = _view(row)
        if who.is_admin:
            return view
        if who.province != view.province or who.role not in ("xa", "tinh"):
            return None
        if who.role == "xa" and who.commune != view.commune:
            return None
        return view

    def listing(self, who: Principal) -> list[CaseFileView]:
        with self.db() as db:
            query = select(CaseFile).order_by(CaseFile.created_at.desc())
            if not who.is_admin:
                query = query.where(CaseFile.province == who.province)
            if who.role == "xa":
                query = query.where(CaseFile.commune == who.commune)
            elif who.role not in ("tinh", "quan_tri"):
                return []
            return [_view(r) for r in db.scalars(query)]

    def latest_named(self, province: int, name: str) -> CaseFileView | None:
        with self.db() as db:
            row = db.scalar(
                select(CaseFile)
                .where(CaseFile.province == province, CaseFile.name == name)
                .order_by(CaseFile.created_at.desc())
                .limit(1)
            )
            return _view(row) if row is not None else None

    def submitted_from(self, check_id: str) -> CaseFileView | None:
        """The dossier a cooperative submitted from anonymous check ``check_id``, if any."""
        with self.db() as db:
            row = db.scalar(select(CaseFile).where(CaseFile.source_check == check_id).limit(1))
            return _view(row) if row is not None else None

    def set_assessment(self, dossier_id: str, assessment: dict[str, Any]) -> None:
        """Keep the commune's Mẫu 03 (replacing an earlier one)."""
        blob = json.dumps(assessment, ensure_ascii=False, sort_keys=True).encode("utf-8")
        digest = self.store.put_bytes(blob)
        with self.db.begin() as db:
            row = db.get(CaseFile, dossier_id)
            if row is None:
                return
            old, row.assessment, row.assessed_at = row.assessment, digest, utcnow()
        if old and old != digest:
            collect(self.db, self.store, {old})

    def assessment(self, view: CaseFileView) -> dict[str, Any] | None:
        if not view.assessment:
            return None
        data: dict[str, Any] = json.loads(self.store.read(view.assessment))
        return data

    def restore(self, view: CaseFileView, dest: Path) -> None:
        for path, digest, _size in view.files:
            target = dest.joinpath(*path.split("/"))
            if target.resolve().is_relative_to(dest.resolve()):
                self.store.copy_to(digest, target)

    def delete(self, dossier_id: str) -> None:
        with self.db.begin() as db:
            row = db.get(CaseFile, dossier_id)
            if row is None:
                return
            digests = {f.sha256 for f in row.files} | {row.report}
            if row.assessment:
                digests.add(row.assessment)
            db.delete(row)
        collect(self.db, self.store, digests)
