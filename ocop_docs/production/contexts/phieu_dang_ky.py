"""Mẫu 01 Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026 Phụ lục III).

The producer's registration form: the dossier part of the context alone
(:func:`~ocop_docs.production.contexts.dossier.dossier_context`), dated by ``ngay_nop``.
Template ``templates/phieu-dang-ky.docx``, schema ``schemas/contexts/phieu-dang-ky.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.dossier import dossier_context
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    return Built(dossier_context(data), document_day(data.get("ngay_nop")))


KIND = Kind(
    "phieu-dang-ky",
    "Mẫu 01 Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP",
    "Form 01 registration for OCOP evaluation",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "build"]
