"""Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP (NĐ 30/2020 Mẫu 1.9).

The council meeting's minutes: the council part of the context alone
(:func:`~ocop_docs.production.contexts.council.round_context`), dated by the meeting.
Template ``templates/bien-ban.docx``, schema ``schemas/contexts/bien-ban.schema.json``.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.production.contexts.dates import meeting_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.rounds.model import ProductResult, Round


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    return Built(base, meeting_day(rnd.data or {}))


KIND = Kind(
    "bien-ban",
    "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP",
    "Minutes of the evaluation council meeting",
    per_product=False,
    from_round=build,
)

__all__ = ["KIND", "build"]
