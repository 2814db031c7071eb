"""Giấy chứng nhận in trên phôi: only the certificate's fields, at measured positions, for
printing onto a province's pre-printed blanks (issue 12).

Many provinces print certificates on stock that already carries the border, the Quốc hiệu,
the title, the logo and the labels. This kind prints the same values as ``giay-chung-nhan``
(:func:`~.giay_chung_nhan.certificate_context`: number, product, stars, producer, address,
code, decision, validity, place and date, signer; the look-up QR code when the round names
the page), each in a frame at the position of a *layout file*:
``schemas/documents/certificate-stock.yaml`` as shipped, or the round file's
``giay_chung_nhan.phoi`` (a YAML file inside the round's folder, read without following
links). Template ``templates/giay-chung-nhan-phoi.docx`` (one framed paragraph per field),
schema ``schemas/contexts/giay-chung-nhan-phoi.schema.json``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import yaml

from ocop_docs.catalogue import ui
from ocop_docs.confined import Refused, open_inside, read_opened
from ocop_docs.errors import InputError
from ocop_docs.production.contexts.giay_chung_nhan import (
    QR,
)
from ocop_docs.production.contexts.giay_chung_nhan import (
    build as certificate_build,
)
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.pictures import Picture, Placement, marker, qr_picture
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.resources import schemas_dir

SHIPPED = "documents/certificate-stock.yaml"
MAX_LAYOUT_BYTES = 256 * 1024
TWIPS_PER_MM = 1440 / 25.4
PAPER = {"A4-ngang": (297.0, 210.0), "A4-doc": (210.0, 297.0)}
ALIGN = {"trai": "left", "giua": "center", "phai": "right"}


def _values(ctx: Mapping[str, Any]) -> dict[str, str]:
    """What each field name prints, from the certificate's context."""
    sp, gcn = ctx["sp"], ctx["giay_chung_nhan"]
    signer = gcn["nguoi_ky"]
    return {
        "so": str(gcn["so"]).strip(),
        "ten_san_pham": str(sp["ten"]).upper(),
        "sao": str(sp["sao"]),
        "hang_sao": str(sp["hang_sao_chu"]).upper(),
        "chu_the": str(sp["chu_the"]),
        "dia_chi": str(sp["dia_chi"]),
        "ma_san_pham": str(sp.get("ma_san_pham") or ""),
        "quyet_dinh": str(gcn["can_cu"]),
        "het_han": str(gcn["het_han_ngan"]),
        "thoi_han": str(gcn["thoi_han_thang"]),
        "ngay_dong": str(gcn["ngay_dong"]),
        "quyen_han": str(signer.get("quyen_han") or ""),
        "chuc_vu": str(signer.get("chuc_vu") or ""),
        "nguoi_ky": str(signer.get("ho_ten") or ""),
        "tra_cuu": str(gcn.get("tra_cuu") or ""),
        "ma_qr": str(gcn.get("ma_qr") or ""),
    }


# The names a layout may use: the keys of _values (a test keeps them the same).
FIELD_NAMES = (
    "so",
    "ten_san_pham",
    "sao",
    "hang_sao",
    "chu_the",
    "dia_chi",
    "ma_san_pham",
    "quyet_dinh",
    "het_han",
    "thoi_han",
    "ngay_dong",
    "quyen_han",
    "chuc_vu",
    "nguoi_ky",
    "tra_cuu",
    "ma_qr",
)


def _fail(path: str, vi: str, en: str) -> InputError:
    return InputError("stock-layout-invalid", path=path, reason=vi, reason_en=en)


def _number(value: Any, where: str, path: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _fail(
            path,
            f"{where} phải là một số từ {low:g} đến {high:g} (mm hoặc pt), không phải «{value}»",
            f"{where} must be a number from {low:g} to {high:g} (mm or pt), not '{value}'",
        )
    return float(value)


def read_layout(text: str, path: str) -> dict[str, Any]:
    """A layout file → the page size and the fields, checked; ``stock-layout-invalid``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _fail(path, f"không phải YAML ({exc})", f"not YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("truong"), list):
        raise _fail(path, "thiếu danh sách «truong»", "the list 'truong' is missing")
    paper = str(data.get("kho_giay", "A4-ngang"))
    if paper not in PAPER:
        raise _fail(
            path,
            f"kho_giay «{paper}» không có; chọn {', '.join(PAPER)}",
            f"no paper size '{paper}'; choose {', '.join(PAPER)}",
        )
    width, height = PAPER[paper]
    shift = data.get("lech") or {}
    if not isinstance(shift, dict):
        raise _fail(path, "«lech» phải có x và y", "'lech' must have x and y")
    dx = _number(shift.get("x", 0), "lech.x", path, -50, 50)
    dy = _number(shift.get("y", 0), "lech.y", path, -50, 50)
    fields: list[dict[str, Any]] = []
    for n, raw in enumerate(data["truong"], start=1):
        where = f"truong[{n}]"
        if not isinstance(raw, dict) or raw.get("ten") not in FIELD_NAMES:
            name = raw.get("ten") if isinstance(raw, dict) else raw
            raise _fail(
                path,
                f"{where}: «{name}» không phải tên trường; chọn {', '.join(FIELD_NAMES)}",
                f"{where}: '{name}' is not a field name; choose {', '.join(FIELD_NAMES)}",
            )
        unknown = set(raw) - {"ten", "x", "y", "rong", "co_chu", "dam", "nghieng", "can"}
        if unknown:
            raise _fail(
                path,
                f"{where}: khóa không dùng: {', '.join(sorted(unknown))}",
                f"{where}: unknown keys: {', '.join(sorted(unknown))}",
            )
        x = _number(raw.get("x"), f"{where}.x", path, 0, width)
        y = _number(raw.get("y"), f"{where}.y", path, 0, height)
        rong = _number(raw.get("rong"), f"{where}.rong", path, 5, width - x)
        size = _number(raw.get("co_chu", 13), f"{where}.co_chu", path, 6, 72)
        align = str(raw.get("can", "giua"))
        if align not in ALIGN:
            raise _fail(
                path,
                f"{where}.can «{align}»: chọn trai, giua, phai",
                f"{where}.can '{align}': choose trai, giua, phai",
            )
        fields.append(
            {
                "ten": raw["ten"],
                "x": max(0.0, x + dx),
                "y": max(0.0, y + dy),
                "rong": rong,
                "co_chu": size,
                "dam": bool(raw.get("dam", False)),
                "nghieng": bool(raw.get("nghieng", False)),
                "can": ALIGN[align],
            }
        )
    return {"kho_giay": paper, "rong": width, "cao": height, "truong": fields}


def load_layout(rnd: Round) -> dict[str, Any]:
    """The round's layout file (``giay_chung_nhan.phoi``, inside its folder), or the shipped."""
    named = ((rnd.data or {}).get("giay_chung_nhan") or {}).get("phoi")
    if not named:
        shipped = schemas_dir() / SHIPPED
        return read_layout(shipped.read_text(encoding="utf-8"), str(shipped))
    try:
        opened = open_inside(rnd.path.parent, str(named).replace("\\", "/"))
    except Refused as exc:
        key = f"render.picture_{exc.code}"  # the same wording as for the logo's file
        raise _fail(
            str(named), ui(key, "vi", reason=exc.reason), ui(key, "en", reason=exc.reason)
        ) from exc
    try:
        raw = read_opened(opened, MAX_LAYOUT_BYTES)
    finally:
        os.close(opened.fd)
    if len(raw) > MAX_LAYOUT_BYTES:
        raise _fail(str(named), "tệp quá lớn", "the file is too large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(str(named), "không phải UTF-8", "not UTF-8") from exc
    return read_layout(text, str(named))


def stock_context(ctx: dict[str, Any], layout: Mapping[str, Any]) -> dict[str, Any]:
    """``phoi``: the page in twips and one framed line per field with its text."""
    values = _values(ctx)
    lines: list[dict[str, Any]] = []
    for field in layout["truong"]:
        text = values[field["ten"]]
        if field["ten"] == "ma_qr" and text:
            text = marker(f"{QR}-{len(lines)}")
        if not text:
            continue  # nothing printed there (no code, no look-up page)
        lines.append(
            {
                "ten": field["ten"],
                "chu": text,
                "x": str(round(field["x"] * TWIPS_PER_MM)),
                "y": str(round(field["y"] * TWIPS_PER_MM)),
                "rong": str(round(field["rong"] * TWIPS_PER_MM)),
                "rong_mm": field["rong"],
                "co": str(round(field["co_chu"] * 2)),  # w:sz is in half-points
                "dam": "1" if field["dam"] else "0",
                "nghieng": "1" if field["nghieng"] else "0",
                "can": field["can"],
            }
        )
    return {
        "kho_giay": layout["kho_giay"],
        "rong": str(round(layout["rong"] * TWIPS_PER_MM)),
        "cao": str(round(layout["cao"] * TWIPS_PER_MM)),
        "truong": lines,
    }


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    built = certificate_build(rnd, base, product)
    built.context["phoi"] = stock_context(built.context, load_layout(rnd))
    return built


def stock_placements(context: Mapping[str, Any], logo: Picture | None) -> list[Placement]:
    """The QR codes the layout places (the blank has its own logo)."""
    del logo
    gcn = context.get("giay_chung_nhan") or {}
    link = str(gcn.get("tra_cuu") or "")
    out = []
    for line in (context.get("phoi") or {}).get("truong") or []:
        if line.get("ten") == "ma_qr":
            name = str(line["chu"]).strip("\ue000\ue001")
            side = float(line["rong_mm"])
            out.append(Placement(name, qr_picture(link) if link else None, side, side))
    return out


KIND = Kind(
    "giay-chung-nhan-phoi",
    "Giấy chứng nhận sản phẩm OCOP (in trên phôi)",
    "Certificate printed onto pre-printed stock",
    per_product=True,
    from_round=build,
    pictures=stock_placements,
)

__all__ = ["FIELD_NAMES", "KIND", "build", "load_layout", "read_layout", "stock_context"]
