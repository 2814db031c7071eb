"""QĐ 1048/QĐ-TTg (2019) Phụ lục II, Biểu số 03 Phương án sản xuất kinh doanh: the business
plan of one product (Phần I–IV), required of every 1048 dossier (Phụ lục II mục 3.a "Phương
án, kế hoạch kinh doanh sản phẩm").

Context: :func:`~ocop_docs.production.contexts.forms_1048.context_1048`. Template
``templates/bieu-03-1048.docx`` (built by ``scripts/templates_1048.py``), schema
``schemas/contexts/bieu-03-1048.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.forms_1048 import build_1048
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind
from ocop_docs.production.contexts.regime_forms import form_kind

NAME = "bieu-03-1048"


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    form_kind(NAME, data)  # a dossier of another regime is refused (exit 1)
    return build_1048(data)


KIND = Kind(
    NAME,
    "Biểu số 03 Phương án sản xuất kinh doanh (QĐ 1048/2019)",
    "Biểu 03 business plan (QĐ 1048/2019)",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "NAME", "build"]
