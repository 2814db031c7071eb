"""``ocop-docs templates``: work with the Word templates (``check`` for now).

Mirrors :func:`ocop_docs.production.lint.check_templates`. Exit codes: 0 no errors (warnings
allowed); 1 a template has errors; 2 usage (Click); 3 the tool could not run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, cast

import click

from ocop_docs.catalogue import ui
from ocop_docs.cli.common import LANG_OPTION, format_option
from ocop_docs.cli.render import report_error
from ocop_docs.errors import OcopError

Lang = Literal["vi", "en"]


@click.group(
    "templates",
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
@format_option("text", "json")
@click.pass_context
def check(ctx: click.Context, folder: Path | None, lang: str, fmt: str) -> None:
    from ocop_docs.production.lint import check_templates

    language = cast(Lang, lang)
    try:
        report = check_templates(folder)
    except OcopError as exc:
        report_error(exc, language, fmt)
        ctx.exit(exc.exit_code)
    if fmt == "json":
        payload = {
            "ok": report.ok,
            "folder": str(report.folder),
            "checked": [p.name for p in report.checked],
            "errors": report.errors,
            "warnings": report.warnings,
            "issues": [i.to_json(language) for i in report.issues],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        flagged = {str(i.params.get("file")) for i in report.issues}
        for path in report.checked:
            if path.name not in flagged:
                click.echo(ui("templates.ok", language, file=path.name))
        for issue in report.issues:
            label = ui(
                "templates.error" if issue.severity == "error" else "templates.warning", language
            )
            click.echo(f"{label}: {issue.message(language)}")
            click.echo(f"    → {issue.hint(language)}")
        click.echo(
            ui(
                "templates.summary",
                language,
                n=len(report.checked),
                folder=report.folder,
                errors=report.errors,
                warnings=report.warnings,
            )
        )
    ctx.exit(0 if report.ok else 1)


__all__ = ["templates"]
