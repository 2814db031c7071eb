"""QĐ 1048/QĐ-TTg (2019) Phụ lục II, Biểu số 01 Phiếu đăng ký sản phẩm mới: the registration of
a new product (a product idea): Phần A (receipt), Phần B (the idea), Phần H (sender,
district's opinion). Phụ lục II mục 3.a: for a product still to be developed; an existing
product registers with Biểu 02.

Context: :func:`~ocop_docs.production.contexts.forms_1048.context_1048`. Template
``templates/bieu-01-1048.docx`` (built by ``scripts/templates_1048.py``), schema
``schemas/contexts/bieu-01-1048.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.forms_1048 import build_1048
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind
from ocop_docs.production.contexts.regime_forms import form_kind

NAME = "bieu-01-1048"


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    form_kind(NAME, data)  # a dossier of another regime is refused (exit 1)
    return build_1048(data)


KIND = Kind(
    NAME,
    "Biểu số 01 Phiếu đăng ký sản phẩm mới (QĐ 1048/2019)",
    "Biểu 01 new product registration (QĐ 1048/2019)",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "NAME", "build"]
