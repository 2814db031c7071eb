"""``ocop-docs sectors``: the 6 groups, 26 product sets and the documents each needs."""

from __future__ import annotations

import click

from ocop_docs.catalogue import Lang
from ocop_docs.cli.common import (
    LANG_OPTION,
    REGIME_OPTION,
    OcopCommand,
    format_option,
    print_report,
)
from ocop_docs.rules.listing import list_sectors


@click.command("sectors", cls=OcopCommand)
@format_option("sectors")
@LANG_OPTION
@REGIME_OPTION
def sectors(fmt: str, lang: Lang, regime_code: str) -> None:
    """Liệt kê 6 nhóm, 26 bộ sản phẩm (QĐ 26/2026 Phụ lục I) và tài liệu cần có.

    Lists the 6 groups and 26 product sets with the documents each requires per case.

    \b
    Ví dụ / examples:
      ocop-docs sectors
      ocop-docs sectors --format json
    """
    print_report("sectors", fmt, list_sectors(regime_code), lang)
