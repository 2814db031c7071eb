"""Council documents of a partial round: withheld, or drafts that say so (issue 12).

The minutes, the decision and its annex speak for the whole round: "Công nhận 05 sản
phẩm", "Hội đồng đã đánh giá 07 sản phẩm". A batch in which some products failed (a bad
spreadsheet row, a missing name) has only part of the round, so these papers would count
the wrong numbers with nothing on them to say so. QĐ 26/2026 Điều 7.3.d–e: the council
evaluates the products of the round and the decision recognises its result; a paper made
from part of the round is not that result. So:

* without ``--draft`` the council documents are **withheld**: each is a failed item of the
  batch (:func:`withheld_record`) whose message names the failed rows;
* with ``--draft`` they are made with "DỰ THẢO" on every page and the missing products
  listed under the heading (:func:`draft_context`, the ``du_thao`` key of the context).

Certificates are per product: those of products that succeeded are still made. Planning
(:mod:`ocop_docs.production.planning`) asks :func:`withheld_record`, the producer
(:mod:`ocop_docs.production.producer`) :func:`draft_context`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import Issue
from ocop_docs.production.manifest import ItemRecord, issue_error
from ocop_docs.text.official import pad2

# The documents that state the result of the whole round (the annex is part of the decision).
COUNCIL_KINDS: tuple[str, ...] = (
    "bien-ban",
    "quyet-dinh",
    # The approval of products of 90 points or more and the letter to the Ministry count
    # the round's products too: a failed row may be one of them (issue 12).
    "phe-duyet-ket-qua",
    "cong-van-de-nghi",
)


def _failed_rows(failures: Sequence[ItemRecord]) -> list[ItemRecord]:
    """The failed input rows (not the withheld documents themselves)."""
    return [f for f in failures if f.kind not in COUNCIL_KINDS]


def missing_labels(failures: Sequence[ItemRecord]) -> list[tuple[str, str]]:
    """Each failed product as the messages and the draft name it: (Vietnamese, English)."""
    labels: list[tuple[str, str]] = []
    for f in _failed_rows(failures):
        vi = f"dòng {f.row}" if f.row else f"số {f.product}"
        en = f"row {f.row}" if f.row else f"no. {f.product}"
        if f.title and f.title != "—":
            vi += f" «{f.title}»"
            en += f" '{f.title}'"
        labels.append((vi, en))
    return labels


def withheld_record(
    kind: str,
    item_id: str,
    titles: tuple[str, str],
    failures: Sequence[ItemRecord],
    lang: Lang,
    draft: bool,
) -> ItemRecord | None:
    """The failed item standing for a council document of a partial round, or ``None``
    when the document is to be made (a complete round, or ``--draft``). ``titles``: the
    document's name in Vietnamese and English."""
    rows = missing_labels(failures)
    if kind not in COUNCIL_KINDS or not rows or draft:
        return None
    issue = Issue(
        "batch-council-withheld",
        params={
            "document": titles[0],
            "document_en": titles[1],
            "count": len(rows),
            "products": ", ".join(vi for vi, _en in rows),
            "products_en": ", ".join(en for _vi, en in rows),
        },
    )
    return ItemRecord(
        id=item_id, kind=kind, title=titles[0], status="failed", error=issue_error([issue], lang)
    )


def draft_context(
    kind: str, context: Mapping[str, Any], failures: Sequence[ItemRecord]
) -> Mapping[str, Any]:
    """``context`` with ``du_thao`` (the mark and the missing products) when a council
    document is made from a partial round; ``context`` itself otherwise."""
    rows = missing_labels(failures)
    if kind not in COUNCIL_KINDS or not rows:
        return context
    marked = dict(context)
    marked["du_thao"] = {
        "so_thieu": pad2(len(rows)),
        "thieu": [
            vi[0].upper() + vi[1:] + (";" if i < len(rows) - 1 else ".")
            for i, (vi, _en) in enumerate(rows)
        ],
    }
    return marked


__all__ = ["COUNCIL_KINDS", "draft_context", "missing_labels", "withheld_record"]
