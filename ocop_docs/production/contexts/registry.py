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
    cong_van_de_nghi,
    de_nghi_xa,
    giay_chung_nhan,
    phe_duyet_ket_qua,
    phieu_dang_ky,
    phieu_danh_gia,
    quyet_dinh,
    quyet_dinh_thu_hoi,
    thong_bao_ket_qua,
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
        # The procedure's other papers (issue 12): the commune's proposal, the approval of
        # products of 90 points or more and the letter to the Ministry, the notification
        # of results, the revocation of a certificate.
        de_nghi_xa.KIND,
        phe_duyet_ket_qua.KIND,
        cong_van_de_nghi.KIND,
        thong_bao_ket_qua.KIND,
        quyet_dinh_thu_hoi.KIND,
    )
}

__all__ = ["KINDS"]
