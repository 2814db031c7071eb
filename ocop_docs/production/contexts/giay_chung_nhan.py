"""Giấy chứng nhận sản phẩm OCOP: one certificate per recognised product.

The council part of the context plus ``sp`` (the product, as the annex lists it) and
``giay_chung_nhan`` (issue date, validity and signer). Valid 36 months from issue (QĐ
26/2026 Điều 4.3); dated by the issue date, by default the decision's. Template
``templates/giay-chung-nhan.docx``, schema ``schemas/contexts/giay-chung-nhan.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ocop_docs.errors import InputError
from ocop_docs.production.contexts.dates import certificate_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.quyet_dinh import refuse_scoring_only
from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.production.pictures import Picture, Placement, load_picture, marker, qr_picture
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.text.official import (
    add_months,
    format_date,
    format_date_short,
    pad2,
    require_date,
)


def certificate_context(rnd: Round, ctx: dict[str, Any], product: ProductResult) -> dict[str, Any]:
    """The round context with ``sp`` (the product) and ``giay_chung_nhan`` (its dates);
    an input error for a product this level does not recognise."""
    data = rnd.data or {}
    if not product.recognised:
        if product.proposed_up:
            reason = "đề nghị cấp trên đánh giá, phân hạng"
            reason_en = "proposed to the next level"
        else:
            reason = "chưa đạt hạng được công nhận ở cấp này"
            reason_en = "below the levels recognised here"
        raise InputError(
            "render-not-recognised",
            product=product.ten,
            mean=product.mean_text,
            mean_en=product.mean_text.replace(",", "."),  # English writes a decimal point
            stars=product.stars,
            reason=reason,
            reason_en=reason_en,
        )
    qd = data["quyet_dinh"]
    gcn = data.get("giay_chung_nhan") or {}
    issued = require_date(gcn.get("ngay") or qd["ngay"])
    months = int(gcn.get("thoi_han_thang", rnd.rules.validity_months))  # Điều 4.3: 36
    place = ctx["co_quan"]["dia_danh"]
    index = product.index - 1  # its place in the round (rounds.model.Round.product)
    if not (0 <= index < len(rnd.products) and rnd.products[index] is product):
        index = next(i for i, p in enumerate(rnd.products) if p is product)
    ctx = dict(ctx)
    ctx["sp"] = ctx["san_pham"][index]
    symbol = str(gcn.get("ky_hieu") or f"GCN-{ctx['co_quan']['ky_hieu']}")
    first = gcn.get("so_dau")
    # Numbered in the order of the annex (the recognised products); without ``so_dau`` the
    # clerk writes the number by hand, as on the minutes' "Số:      /BB-HĐ".
    position = rnd.recognised_before(index)
    number = f"{pad2(int(first) + position)}/{symbol}" if first else f"        /{symbol}"
    name_length = len(str(ctx["sp"]["ten"]))
    decision = ctx["quyet_dinh"]
    ctx["giay_chung_nhan"] = {
        "so": number,
        "can_cu": (
            f"Quyết định số {decision['so']} ngày {decision['ngay_ngan']} "
            f"của {decision['nguoi_quyet_dinh']}"
        ),
        # The product in large type on one or two lines: 26 pt up to 32 characters, 20 pt
        # up to 64, 16 pt beyond (the certificate stays one page for any name).
        "co_chu_ten": "lon" if name_length <= 32 else "vua" if name_length <= 64 else "nho",
        "ngay_dong": f"{place}, {format_date(issued)}",
        "ngay_chu": format_date(issued),
        "thoi_han_thang": str(months),
        # Valid 36 months from issue (QĐ 26/2026 Điều 4.3); expiry = issue + 36 months,
        # clamped to the month end (brief §4.3 [DESIGN]).
        "het_han_ngan": format_date_short(add_months(issued, months)),
        "nguoi_ky": signer_context(gcn.get("nguoi_ky") or qd["nguoi_ky"]),
        # The logo's marker when the round names a logo (``--logo`` sets it too: with_logo);
        # the picture goes there after rendering (ocop_docs.production.pictures). The QR code
        # and its short link only when the round names a public look-up page and the
        # certificate has its number (issue 14). No marker, no post-processing.
        "logo": marker(LOGO) if gcn.get("logo") else "",
        "ma_qr": marker(QR) if first and gcn.get("tra_cuu") else "",
        "tra_cuu": lookup_link(str(gcn["tra_cuu"]), number) if first and gcn.get("tra_cuu") else "",
    }
    return ctx


LOGO = "logo"
QR = "qr"
LOGO_BOX_MM = (28.0, 28.0)  # the 30 mm row of the 40 mm cell left of the title
QR_BOX_MM = (24.0, 24.0)  # scans from a phone at arm's length; 21–25 mm is usual


def lookup_link(base: str, number: str) -> str:
    """The public look-up address of a certificate: ``<base>/tra-cuu/<number>``, the number's
    "/" written "-" so the link is one path segment a buyer can type
    ("https://ocop.thainguyen.gov.vn/tra-cuu/12-GCN-UBND")."""
    segment = quote(number.strip().replace("/", "-"), safe="-._~")
    return f"{base.rstrip('/')}/tra-cuu/{segment}"


def with_logo(context: dict[str, Any], logo: Picture | None) -> None:
    """Mark the logo's place in a built certificate context when a logo is given (``--logo``
    when the round file names none)."""
    gcn = context.get("giay_chung_nhan")
    if logo is not None and isinstance(gcn, dict):
        gcn["logo"] = marker(LOGO)


def certificate_placements(context: Mapping[str, Any], logo: Picture | None) -> list[Placement]:
    """The pictures of one certificate: the logo and the QR code of its look-up link, each
    only where the context marks its place (nothing to place: the .docx is left as made)."""
    gcn = context.get("giay_chung_nhan") or {}
    link = str(gcn.get("tra_cuu") or "")
    out = []
    if gcn.get("logo"):
        out.append(Placement(LOGO, logo, *LOGO_BOX_MM))
    if gcn.get("ma_qr") and link:
        out.append(Placement(QR, qr_picture(link), *QR_BOX_MM))
    return out


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    # A council that only scores and forwards certifies nothing (QĐ 1048 Phụ lục II mục 1.a).
    refuse_scoring_only(rnd, "giay-chung-nhan")
    if "quyet_dinh" not in base:
        raise InputError("render-no-decision")
    assert product is not None  # a per-product kind
    return Built(certificate_context(rnd, base, product), certificate_day(rnd.data or {}))


def certificate_logo(rnd: Round, option: Path | str | None) -> Picture | None:
    """The OCOP logo of the round's certificates: ``--logo`` (as the user named it), else
    ``giay_chung_nhan.logo`` of the round file (inside the round file's folder, no link
    followed), else None (the place stays empty, for a pasted or pre-printed logo)."""
    if option is not None:
        return load_picture(option)
    named = ((rnd.data or {}).get("giay_chung_nhan") or {}).get("logo")
    if named:
        return load_picture(str(named), inside=rnd.path.parent)
    return None


KIND = Kind(
    "giay-chung-nhan",
    "Giấy chứng nhận sản phẩm OCOP",
    "Certificate for one product",
    per_product=True,
    from_round=build,
    pictures=certificate_placements,
)

__all__ = [
    "KIND",
    "LOGO",
    "QR",
    "build",
    "certificate_context",
    "certificate_logo",
    "certificate_placements",
    "lookup_link",
    "with_logo",
]
