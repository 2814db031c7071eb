"""Reporters of ``sectors``: the listing of :func:`ocop_docs.rules.listing.list_sectors`
as text for people or as JSON (registered in :mod:`ocop_docs.reporting`)."""

from __future__ import annotations

import json
from typing import Any

from ocop_docs.catalogue import Lang, ui


def sectors_json(data: dict[str, Any], lang: Lang = "vi") -> str:
    """The listing itself; it carries both languages, so ``lang`` changes nothing."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def sectors_text(data: dict[str, Any], lang: Lang = "vi") -> str:
    names = {code: item[lang] for code, item in data["loai_tai_lieu"].items()}
    lines = [data["van_ban"] if lang == "vi" else data["van_ban_en"], ""]
    by_no = {s["so"]: s for s in data["bo_san_pham"]}
    for group in data["nhom"]:
        title = group["ten"] if lang == "vi" else group["ten_en"]
        lines.append(ui("sectors.group", lang, ma=group["ma"], ten=title))
        for no in group["bo_san_pham"]:
            s = by_no[no]
            name = s["ten"] if lang == "vi" else s["ten_en"]
            samples = ui("sectors.samples", lang, n=f"{s['so_luong_mau']:02d}")
            lines.append(f"  {no:>2}. {name} ({samples})")
            first = s["tai_lieu"]["lan_dau"]
            for code in first["bat_buoc"]:
                lines.append(f"        - {names[code]}")
            for case in ("nang_hang", "danh_gia_lai"):
                extra = [c for c in s["tai_lieu"][case]["bat_buoc"] if c not in first["bat_buoc"]]
                if extra:
                    label = ui(f"sectors.{case}", lang)
                    lines.append(f"        + {label}: " + "; ".join(names[c] for c in extra))
        lines.append("")
    return "\n".join(lines)
