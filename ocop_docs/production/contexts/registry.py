"""The registry of document kinds: every kind ``render``, ``batch`` and ``templates`` know.

Adding a kind: a context module declaring its :class:`~.kind.Kind`, its template in
``templates/`` and its schema in ``schemas/contexts/``, and one line here (a test checks
that every kind has all three).
"""

from __future__ import annotations

from ocop_docs.production.contexts import (
    bao_cao_nam,
    bao_cao_tu_danh_gia,
    bao_cao_xa,
    bien_ban,
    giay_chung_nhan,
    phieu_dang_ky,
    phieu_danh_gia,
    quyet_dinh,
    thong_bao_danh_gia_lai,
)
from ocop_docs.production.contexts.kind import Kind

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        phieu_dang_ky.KIND,
        bao_cao_tu_danh_gia.KIND,
        bao_cao_xa.KIND,
        bien_ban.KIND,
        quyet_dinh.KIND,
        giay_chung_nhan.KIND,
        phieu_danh_gia.KIND,
    )
}

# issue 14: kinds filled from the province's registry (ocop-docs so-theo-doi), not from a
# dossier or a round, so ``render`` and ``batch`` do not offer them; templates are checked
# like the others (``ALL_KINDS``).
REGISTRY_KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (thong_bao_danh_gia_lai.KIND, bao_cao_nam.KIND)
}
ALL_KINDS: dict[str, Kind] = {**KINDS, **REGISTRY_KINDS}

__all__ = ["ALL_KINDS", "KINDS", "REGISTRY_KINDS"]
