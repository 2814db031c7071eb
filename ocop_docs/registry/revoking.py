"""Revoking certificates in the book (QĐ 26/2026/QĐ-TTg Điều 8): ``so-theo-doi thu-hoi``.

The decision revoking certificates is a paper of its own (``render quyet-dinh-thu-hoi``,
its data in a revocation file such as ``samples/thu-hoi/``); once it is signed, the book
records it: each certificate it lists stops on the decision's day (:meth:`Registry.revoke`).
The same revocation file feeds both, so the decision and the book say the same thing. A
certificate is found by its number (``so``: "13/GCN-UBND", spacing and case aside), else
by its product and producer among the certificates in force; the book's entry must be of
the same product as the file says (a mistyped number never revokes another product's
certificate). Nothing is recorded when one of them cannot be found or matches several
(exit 1, each named); one already revoked is skipped and reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ocop_docs.errors import Issue, IssueCounts, UsageError
from ocop_docs.registry.model import Entry, key_text, product_key
from ocop_docs.registry.store import Registry
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import format_doc_number


@dataclass(frozen=True, slots=True)
class Target:
    """A certificate to revoke, as the decision (or the command line) names it."""

    label: str  # how messages name it: its number, else the product
    number: str = ""  # "13/GCN-UBND"
    product: str = ""
    producer: str = ""
    entry_id: int | None = None  # --id: the book's own entry number


@dataclass(slots=True)
class Revocation:
    """What a revocation decision says: its number, day, grounds and certificates."""

    decision: str  # "1420/QĐ-UBND"
    on: dt.date
    reason: str
    targets: list[Target]
    source: str = ""


@dataclass(slots=True)
class RevokeResult(IssueCounts):
    """What ``so-theo-doi thu-hoi`` did (or, with ``dry_run``, would do)."""

    decision: str
    on: dt.date
    source: str
    dry_run: bool = False
    revoked: list[Entry] = field(default_factory=list)
    skipped: list[Entry] = field(default_factory=list)  # already revoked
    issues: list[Issue] = field(default_factory=list)


def read_revocation_file(path: Path | str) -> Revocation:
    """The decision and its certificates from a revocation file (the file of ``render
    quyet-dinh-thu-hoi``, checked against ``schemas/thu-hoi.schema.json``)."""
    from ocop_docs.production.contexts.quyet_dinh_thu_hoi import read_revocation
    from ocop_docs.production.wording import procedure_wording

    data, _warnings = read_revocation(Path(path))
    raw = data["thu_hoi"]
    symbol = f"QĐ-{data['co_quan'].get('ky_hieu') or 'UBND'}"
    number = str(raw["so"])
    decision = format_doc_number(raw["so"], None if "/" in number else symbol)
    day = parse_date(raw["ngay"])
    assert day is not None  # the schema's date format
    grounds = procedure_wording().revocation_grounds
    reason = str(raw.get("ly_do") or "").strip() or "; ".join(
        str(grounds.get(str(k), k)) for k in raw.get("can_cu_thu_hoi") or []
    )
    targets = [
        Target(
            label=str(c.get("so") or c["san_pham"]),
            number=str(c.get("so") or ""),
            product=str(c["san_pham"]),
            producer=str(c["chu_the"]),
        )
        for c in data["giay_chung_nhan"]
    ]
    return Revocation(decision, day, reason, targets, source=str(path))


def _find(registry: Registry, everyone: Sequence[Entry], target: Target) -> list[Entry]:
    if target.entry_id is not None:
        entry = registry.entry(target.entry_id)
        return [entry] if entry is not None else []
    wanted = product_key(target.product, target.producer) if target.product else ""
    if target.number:
        found = registry.lookup_all(target.number)
        if wanted and len(found) > 1:  # a number repeats across provinces: the product decides
            found = [e for e in found if _key(e) == wanted]
        return found
    return [e for e in everyone if _key(e) == wanted and e.state != "superseded"]


def _key(entry: Entry) -> str:
    return product_key(entry.product, entry.producer)


def revoke_certificates(
    registry: Registry, revocation: Revocation, *, dry_run: bool = False
) -> RevokeResult:
    """Record ``revocation`` in the book: every certificate it names stops on its day.
    Checks them all first; nothing is recorded when one cannot be used (issues, exit 1)."""
    result = RevokeResult(
        revocation.decision, revocation.on, revocation.source or revocation.decision, dry_run
    )
    everyone = registry.entries() if any(not t.number for t in revocation.targets) else []
    chosen: list[Entry] = []
    for target in revocation.targets:
        found = _find(registry, everyone, target)
        if not found:
            result.issues.append(Issue("registry-revoke-not-found", params={"what": target.label}))
            continue
        if len(found) > 1:
            ids = ", ".join(str(e.id) for e in found)
            result.issues.append(
                Issue("registry-revoke-ambiguous", params={"what": target.label, "ids": ids})
            )
            continue
        entry = found[0]
        if target.product and key_text(entry.product) != key_text(target.product):
            result.issues.append(
                Issue(
                    "registry-revoke-other-product",
                    params={"what": target.label, "given": target.product, "book": entry.product},
                )
            )
            continue
        if entry.state == "revoked":
            result.skipped.append(entry)
            result.issues.append(
                Issue(
                    "registry-revoke-already",
                    params={"what": target.label, "id": entry.id, "product": entry.product},
                )
            )
            continue
        chosen.append(entry)
    if result.errors or dry_run:
        result.revoked = chosen if dry_run and not result.errors else []
        return result
    for entry in chosen:
        result.revoked.append(
            registry.revoke(entry.id, revocation.on, revocation.decision, revocation.reason)
        )
    return result


def single_revocation(
    *,
    entry_id: int | None,
    number: str | None,
    decision: str,
    on: dt.date,
    reason: str = "",
) -> Revocation:
    """A revocation named on the command line: one certificate (``--id`` or ``--gcn``)."""
    if (entry_id is None) == (not number):
        raise UsageError("registry-revoke-what")
    label = str(number) if number else f"#{entry_id}"
    target = Target(label=label, number=number or "", entry_id=entry_id)
    return Revocation(decision.strip(), on, reason.strip(), [target], source=decision.strip())


__all__ = [
    "Revocation",
    "RevokeResult",
    "Target",
    "read_revocation_file",
    "revoke_certificates",
    "single_revocation",
]
