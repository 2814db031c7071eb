"""``ocop-docs sectors``: the 6 groups, 26 product sets and the documents each needs."""

from __future__ import annotations

import json

import click

from ocop_docs.catalogue import Lang
from ocop_docs.cli.common import LANG_OPTION, format_option, write_output
from ocop_docs.rules.listing import list_sectors
from ocop_docs.rules.regimes import REGIME_FILES

_CASE_LABELS = {
    "vi": {"lan_dau": "Lần đầu", "nang_hang": "Nâng hạng", "danh_gia_lai": "Đánh giá lại"},
    "en": {"lan_dau": "First", "nang_hang": "Upgrade", "danh_gia_lai": "Re-evaluation"},
}


@click.command("sectors")
@format_option("text", "json")
@LANG_OPTION
@click.option(
    "--regime",
    "regime_code",
    type=click.Choice(list(REGIME_FILES)),
    default="26/2026",
    show_default=True,
    help="Bộ tiêu chí / regime.",
)
def sectors(fmt: str, lang: Lang, regime_code: str) -> None:
    """Liệt kê 6 nhóm, 26 bộ sản phẩm (QĐ 26/2026 Phụ lục I) và tài liệu cần có.

    Lists the 6 groups and 26 product sets with the documents each requires per case.

    \b
    Ví dụ / examples:
      ocop-docs sectors
      ocop-docs sectors --format json
    """
    data = list_sectors(regime_code)
    if fmt == "json":
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    names = {code: item[lang] for code, item in data["loai_tai_lieu"].items()}
    lines = [f"{data['van_ban']}", ""]
    by_no = {s["so"]: s for s in data["bo_san_pham"]}
    for group in data["nhom"]:
        lines.append(f"Nhóm {group['ma']}: {group['ten'] if lang == 'vi' else group['ten_en']}")
        for no in group["bo_san_pham"]:
            s = by_no[no]
            title = s["ten"] if lang == "vi" else s["ten_en"]
            samples = "mẫu" if lang == "vi" else "samples"
            lines.append(f"  {no:>2}. {title} ({samples}: {s['so_luong_mau']:02d})")
            first = s["tai_lieu"]["lan_dau"]
            for code in first["bat_buoc"]:
                lines.append(f"        - {names[code]}")
            for case in ("nang_hang", "danh_gia_lai"):
                extra = [c for c in s["tai_lieu"][case]["bat_buoc"] if c not in first["bat_buoc"]]
                if extra:
                    label = _CASE_LABELS[lang][case]
                    lines.append(f"        + {label}: " + "; ".join(names[c] for c in extra))
        lines.append("")
    write_output("\n".join(lines))
