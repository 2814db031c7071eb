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
    bieu_01_1048,
    bieu_02_1048,
    bieu_03_1048,
    bieu_04_1048,
    cong_van_de_nghi,
    de_nghi_xa,
    giay_chung_nhan,
    giay_chung_nhan_phoi,
    phe_duyet_ket_qua,
    phieu_dang_ky,
    phieu_danh_gia,
    quyet_dinh,
    quyet_dinh_thu_hoi,
    thong_bao_danh_gia_lai,
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
        giay_chung_nhan_phoi.KIND,
        phieu_danh_gia.KIND,
        # The procedure's other papers (issue 12): the commune's proposal, the approval of
        # products of 90 points or more and the letter to the Ministry, the notification
        # of results, the revocation of a certificate.
        de_nghi_xa.KIND,
        phe_duyet_ket_qua.KIND,
        cong_van_de_nghi.KIND,
        thong_bao_ket_qua.KIND,
        quyet_dinh_thu_hoi.KIND,
        # The dossier forms of QĐ 1048/QĐ-TTg (2019) Phụ lục II, for historical dossiers
        # (issue 11, 12): Biểu 01–04 (regime_forms says which form a dossier gets).
        bieu_01_1048.KIND,
        bieu_02_1048.KIND,
        bieu_03_1048.KIND,
        bieu_04_1048.KIND,
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
