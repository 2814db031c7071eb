"""QĐ 1048/QĐ-TTg (2019) Phụ lục II, Biểu số 02 Phiếu đăng ký sản phẩm đã có: the registration
of an existing product: Phần A (receipt), B (the producer), C (business environment and
activity), D (business), E (general), G (support needed), H (sender, district's opinion).
What ocop-docs render phieu-dang-ky prints for a 1048 dossier (regime_forms).

Context: :func:`~ocop_docs.production.contexts.forms_1048.context_1048`. Template
``templates/bieu-02-1048.docx`` (built by ``scripts/templates_1048.py``), schema
``schemas/contexts/bieu-02-1048.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.forms_1048 import build_1048
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind
from ocop_docs.production.contexts.regime_forms import form_kind

NAME = "bieu-02-1048"


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    form_kind(NAME, data)  # a dossier of another regime is refused (exit 1)
    return build_1048(data)


KIND = Kind(
    NAME,
    "Biểu số 02 Phiếu đăng ký sản phẩm đã có (QĐ 1048/2019)",
    "Biểu 02 existing product registration (QĐ 1048/2019)",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "NAME", "build"]
