"""A round the tool produced, into the registry (issue 14: "filled automatically").

The batch already knows everything the book holds: each recognised product with its
producer, address, set, mean score and stars, the decision's number and date, the issuing
level, the certificates' numbers (when the round numbers them, ``giay_chung_nhan.so_dau``)
and their validity. :func:`round_recognitions` reads them from a loaded round the way the
decision and the certificates print them; :func:`record_round` adds them to a registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.registry.importing import place_address
from ocop_docs.registry.model import CASES, Recognition
from ocop_docs.registry.store import AddResult, Registry
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.text.official import add_months, format_doc_number, pad2, require_date


def _decision_number(data: dict[str, Any]) -> str:
    qd, co_quan = data["quyet_dinh"], data.get("co_quan") or {}
    number = qd["so"]
    # As the decision prints it (contexts.quyet_dinh.decision_context): "45/QĐ-UBND".
    symbol = None if "/" in str(number) else f"QĐ-{co_quan.get('ky_hieu') or 'UBND'}"
    try:
        return format_doc_number(number, symbol)
    except ValueError:
        return str(number)


def _contact(product: ProductResult) -> tuple[str, str]:
    chu_the = (product.dossier or {}).get("chu_the") or {}
    phone = product.inline.get("dien_thoai") or chu_the.get("dien_thoai") or ""
    email = product.inline.get("email") or chu_the.get("email") or ""
    return str(phone), str(email)


def round_recognitions(rnd: Round) -> tuple[list[Recognition], list[Issue]]:
    """The round's recognised products as recognitions (none without a decision)."""
    data = rnd.data or {}
    if not rnd.valid or "quyet_dinh" not in data:
        return [], []
    qd = data["quyet_dinh"]
    gcn = data.get("giay_chung_nhan") or {}
    co_quan = data.get("co_quan") or {}
    decided = require_date(qd["ngay"])
    issued = require_date(gcn.get("ngay") or qd["ngay"])
    months = int(gcn.get("thoi_han_thang", rnd.rules.validity_months))  # Điều 4.3: 36
    symbol = str(gcn.get("ky_hieu") or f"GCN-{co_quan.get('ky_hieu') or 'UBND'}")
    first = gcn.get("so_dau")
    number = _decision_number(data)
    issues: list[Issue] = []
    found: list[Recognition] = []
    position = 0
    for product in rnd.products:
        if not product.recognised:
            continue
        # Numbered in the order of the annex, as giay_chung_nhan.certificate_context does.
        certificate = f"{pad2(int(first) + position)}/{symbol}" if first else None
        position += 1
        case = str((product.dossier or {}).get("loai_danh_gia") or "lan_dau")
        phone, email = _contact(product)
        rec = Recognition(
            product=product.ten,
            producer=product.chu_the,
            stars=product.stars,
            decision_no=number,
            decision_date=decided,
            issuer=str(co_quan.get("ten") or ""),
            level=str(data.get("cap") or "tinh"),
            year=int(data.get("nam") or decided.year),
            regime=rnd.rules.code,
            valid_from=issued,
            valid_to=add_months(issued, months),
            case=case if case in CASES else "lan_dau",
            product_set=product.bo_san_pham,
            group=product_sets()[product.bo_san_pham].nhom if product.bo_san_pham else "",
            score=float(product.mean),
            certificate_no=certificate,
            phone=phone,
            email=email,
            row=product.index,
        )
        place_address(rec, product.dia_chi, str(co_quan.get("tinh") or ""), issues)
        found.append(rec)
    return found, issues


def record_round(registry: Registry, rnd: Round, *, dry_run: bool = False) -> AddResult:
    """Add a round's recognised products to ``registry`` (the batch's ``--so-theo-doi``)."""
    recognitions, issues = round_recognitions(rnd)
    number = recognitions[0].decision_no if recognitions else ""
    label = f"{Path(rnd.path).name} ({number})" if number else Path(rnd.path).name
    return registry.add(recognitions, label, issues=issues, dry_run=dry_run)


__all__ = ["record_round", "round_recognitions"]
