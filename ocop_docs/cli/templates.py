"""``ocop-docs templates``: work with the Word templates (``check`` for now).

Mirrors :func:`ocop_docs.production.lint.check_templates`. Exit codes: 0 no errors (warnings
allowed); 1 a template has errors; 2 usage (Click); 3 the tool could not run.
"""

from __future__ import annotations

from pathlib import Path

import click

from ocop_docs.catalogue import Lang
from ocop_docs.cli.common import LANG_OPTION, OcopGroup, format_option, print_report
from ocop_docs.production.lint import check_templates


@click.group(
    "templates",
    cls=OcopGroup,
    help="Mẫu văn bản Word (.docx) của ocop-docs / the Word templates.",
)
def templates() -> None:
    """Group of template commands."""


@templates.command(
    "check",
    help=(
        "Kiểm tra các mẫu: cú pháp Jinja, thẻ bị Word tách thành nhiều đoạn định dạng, cặp "
        "{%tr %} không khớp, và mọi biến dùng trong mẫu có trong dữ liệu của loại văn bản.\n\n"
        "DIR mặc định là thư mục mẫu kèm theo ocop-docs; chỉ định thư mục chứa bản mẫu đã "
        "chỉnh sửa để kiểm tra trước khi dùng với --templates-dir.\n\n"
        "\b\nVí dụ:\n  ocop-docs templates check\n  ocop-docs templates check mau-cua-tinh/\n\n"
        "Lint templates (Jinja syntax, split tags, {%tr %} pairs, variables vs. the kind's data)."
    ),
)
@click.argument(
    "folder",
    metavar="[DIR]",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@LANG_OPTION
@format_option("templates check")
@click.pass_context
def check(ctx: click.Context, folder: Path | None, lang: Lang, fmt: str) -> None:
    report = check_templates(folder)
    print_report("templates check", fmt, report, lang)
    ctx.exit(0 if report.ok else 1)


__all__ = ["templates"]
