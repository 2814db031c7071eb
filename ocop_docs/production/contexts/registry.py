"""The registry of document kinds: every kind ``render``, ``batch`` and ``templates`` know.

Adding a kind: a context module declaring its :class:`~.kind.Kind`, its template in
``templates/`` and its schema in ``schemas/contexts/``, and one line here (a test checks
that every kind has all three).
"""

from __future__ import annotations

from ocop_docs.production.contexts import (
    bao_cao_tu_danh_gia,
    bao_cao_xa,
    bien_ban,
    giay_chung_nhan,
    giay_chung_nhan_phoi,
    phieu_dang_ky,
    phieu_danh_gia,
    quyet_dinh,
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
        giay_chung_nhan_phoi.KIND,
        phieu_danh_gia.KIND,
    )
}

__all__ = ["KINDS"]
