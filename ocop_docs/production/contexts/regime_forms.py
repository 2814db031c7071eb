"""Which form a dossier gets: each regime prints the forms of its own text (issue 11, 12).

QĐ 26/2026/QĐ-TTg Phụ lục III has Mẫu 01 (phiếu đăng ký), 02 (báo cáo tự đánh giá) and 03
(báo cáo của UBND cấp xã). QĐ 1048/QĐ-TTg (2019) Phụ lục II mục 3.a asks for other papers,
"theo mẫu đính kèm": Biểu 01 (phiếu đăng ký sản phẩm mới) or 02 (sản phẩm đã có), Biểu 03
(phương án kinh doanh), Biểu 04 (giới thiệu bộ máy tổ chức); it has no self-assessment
report and no commune report (the district receives and scores, mục 1.a, 4.a).

:func:`form_kind` maps a kind asked for a dossier to the kind that is printed:

* ``phieu-dang-ky`` for a 1048 dossier → ``bieu-02-1048``, the registration of an existing
  product, with the warning ``render-form-regime-equivalent``. A dossier the council scores
  has a product with samples (mục 3.a "Sản phẩm mẫu: 05 đơn vị", 4.a(2) "Đối tượng đánh giá:
  Mẫu sản phẩm"), i.e. an existing one; Biểu 01, for a product idea, is asked by name;
* ``bao-cao-tu-danh-gia`` and ``bao-cao-xa`` for a 1048 dossier → ``render-form-not-in-regime``
  (exit 1), naming the forms 1048 has;
* a 1048 form for a dossier of another regime → ``render-form-other-regime``; Biểu 01 for an
  upgrade or a re-evaluation (a recognised, hence existing, product) →
  ``render-form-new-product-only``.

A dossier of QĐ 148/2023, whose forms are not shipped, still gets ``render-forms-regime``
from :func:`~ocop_docs.production.contexts.dossier.require_form_regime`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.errors import InputError, Issue
from ocop_docs.rules.regimes import DEFAULT_REGIME

REGIME_1048 = "1048/2019"
# The kinds of QĐ 1048/QĐ-TTg Phụ lục II mục 3.a, with their printed names (vi, en).
FORMS_1048: dict[str, tuple[str, str]] = {
    "bieu-01-1048": ("Biểu số 01 Phiếu đăng ký sản phẩm mới", "Biểu 01 new product registration"),
    "bieu-02-1048": (
        "Biểu số 02 Phiếu đăng ký sản phẩm đã có",
        "Biểu 02 existing product registration",
    ),
    "bieu-03-1048": ("Biểu số 03 Phương án sản xuất kinh doanh", "Biểu 03 business plan"),
    "bieu-04-1048": (
        "Biểu số 04 Mẫu giới thiệu về tổ chức tham gia Chương trình OCOP",
        "Biểu 04 introduction of the organisation",
    ),
}
# Today's forms of a dossier (QĐ 26/2026 Phụ lục III) and what QĐ 1048 says of each.
REGISTRATION = "phieu-dang-ky"
_NOT_IN_1048: dict[str, tuple[str, str, str, str]] = {
    "bao-cao-tu-danh-gia": (
        "báo cáo tự đánh giá về sản phẩm (như Mẫu 02 hiện hành)",
        "self-assessment report form (like today's Form 02)",
        "hồ sơ cấp huyện gồm phiếu đăng ký, phương án kinh doanh, giới thiệu bộ máy tổ chức và "
        "tài liệu minh chứng (Phụ lục II mục 3.a); Hội đồng cấp huyện chấm điểm theo phiếu "
        "đánh giá.",
        "the district dossier is the registration, the business plan, the organisation's "
        "introduction and the evidence (Annex II item 3.a); the district council scores it "
        "on the scoring sheet.",
    ),
    "bao-cao-xa": (
        "báo cáo đánh giá của UBND cấp xã (như Mẫu 03 hiện hành)",
        "commune assessment report form (like today's Form 03)",
        "Ủy ban nhân dân cấp huyện tiếp nhận, kiểm tra hồ sơ và đánh giá (Phụ lục II mục 1.a, "
        "4.a); cấp xã không lập báo cáo đánh giá.",
        "the district People's Committee receives and checks the dossier and its council "
        "scores it (Annex II items 1.a, 4.a); the commune makes no assessment report.",
    ),
}
_CASES = {
    "nang_hang": ("hồ sơ nâng hạng", "an upgrade of"),
    "danh_gia_lai": ("hồ sơ đánh giá lại", "a re-evaluation of"),
}


def _forms_list(lang: str) -> str:
    index = 0 if lang == "vi" else 1
    return "; ".join(f"{names[index]} ({kind})" for kind, names in FORMS_1048.items())


def dossier_regime(data: Mapping[str, Any]) -> str:
    return str(data.get("bo_tieu_chi") or DEFAULT_REGIME)


def form_kind(kind: str, data: Mapping[str, Any]) -> tuple[str, list[Issue]]:
    """The kind printed when ``kind`` is asked for the dossier ``data``, and the warning
    that says it is another kind; raises :class:`InputError` (exit 1) when the dossier's
    regime has no such form (see the module docstring)."""
    regime = dossier_regime(data)
    if kind in FORMS_1048:
        if regime != REGIME_1048:
            raise InputError("render-form-other-regime", kind=kind, regime=regime)
        case = str(data.get("loai_danh_gia") or "lan_dau")
        if kind == "bieu-01-1048" and case in _CASES:
            vi, en = _CASES[case]
            raise InputError("render-form-new-product-only", case=vi, case_en=en)
        return kind, []
    if regime != REGIME_1048:
        return kind, []
    if kind == REGISTRATION:
        target = "bieu-02-1048"
        vi, en = FORMS_1048[target]
        return target, [
            Issue(
                "render-form-regime-equivalent",
                params={
                    "kind": target,
                    "form": vi,
                    "form_en": en,
                },
            )
        ]
    if kind in _NOT_IN_1048:
        form, form_en, why, why_en = _NOT_IN_1048[kind]
        raise InputError(
            "render-form-not-in-regime",
            form=form,
            form_en=form_en,
            why=why,
            why_en=why_en,
            forms=_forms_list("vi"),
            forms_en=_forms_list("en"),
        )
    return kind, []


__all__ = ["FORMS_1048", "REGIME_1048", "REGISTRATION", "dossier_regime", "form_kind"]
