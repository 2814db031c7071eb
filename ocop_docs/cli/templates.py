"""``ocop-docs templates``: work with the Word templates (``check``, ``copy``).

``check`` mirrors :func:`ocop_docs.production.lint.check_templates`. Exit codes: 0 no errors
(warnings allowed); 1 a template has errors, or the folder holds none; 2 usage (Click); 3 the
tool could not run. ``copy`` mirrors :func:`ocop_docs.production.template_copy.copy_templates`:
0 copied; 1 a file is already there (without ``--overwrite``) or cannot be written.
"""

from __future__ import annotations

from pathlib import Path

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import LANG_OPTION, OcopGroup, format_option, print_report, write_output
from ocop_docs.production.lint import check_templates
from ocop_docs.production.template_copy import copy_templates


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
        "Thư mục không có mẫu nào là lỗi (mã thoát 1); loại văn bản thiếu mẫu trong thư mục "
        "được nêu tên (khi dùng, công cụ lấy mẫu kèm theo).\n\n"
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


@templates.command(
    "copy",
    help=(
        "Chép các mẫu kèm theo ocop-docs (mỗi loại văn bản một tệp .docx) và hướng dẫn sửa "
        "mẫu (huong-dan-mau-van-ban.md) ra thư mục DIR để chỉnh sửa bằng Word; sau đó kiểm "
        "tra bằng «templates check DIR» và dùng bằng --templates-dir DIR. Không ghi đè tệp "
        "đã có nếu không có --overwrite.\n\n"
        "\b\nVí dụ:\n  ocop-docs templates copy mau-cua-tinh/\n"
        "  ocop-docs render quyet-dinh dot.yaml -o qd.docx --templates-dir mau-cua-tinh/\n\n"
        "Copy the shipped templates and the template guide into DIR for editing."
    ),
)
@click.argument(
    "folder",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--overwrite", is_flag=True, help="Ghi đè tệp đã có / replace files already in DIR.")
@LANG_OPTION
def copy(folder: Path, overwrite: bool, lang: Lang) -> None:
    written = copy_templates(folder, overwrite=overwrite)
    lines = [ui("templates.copied", lang, n=len(written), folder=folder)]
    lines += [f"  {path}" for path in written]
    lines.append(ui("templates.copied_next", lang, folder=folder))
    write_output("\n".join(lines) + "\n")


__all__ = ["templates"]
