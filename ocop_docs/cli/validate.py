"""``ocop-docs validate``: check dossiers before they are filed."""

from __future__ import annotations

from pathlib import Path

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import (
    LANG_OPTION,
    OcopCommand,
    allow_quick_exit,
    format_option,
    write_output,
)
from ocop_docs.cli.language import current_language
from ocop_docs.validation.checks.attachments import DEFAULT_MAX_BYTES
from ocop_docs.validation.pipeline import ValidateOptions, iter_validate
from ocop_docs.validation.reporters import write_report

_UNITS = {
    "": 1,
    "B": 1,
    "K": 1024,
    "KB": 1024,
    "M": 1024**2,
    "MB": 1024**2,
    "G": 1024**3,
    "GB": 1024**3,
}


class SizeParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer Click
    name = "size"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().replace(" ", "")
        number = text.rstrip("KMGB")
        unit = text[len(number) :]
        try:
            # "inf", "nan" and "1e400" (read as infinity) are no size (issue 9).
            result = int(float(number) * _UNITS[unit])
        except (ValueError, KeyError, OverflowError):
            self.fail(ui("validate.size_invalid", current_language(), value=value), param, ctx)
        if result <= 0:
            self.fail(ui("validate.size_zero", current_language()), param, ctx)
        return result


@click.command("validate", cls=OcopCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("validate")
@LANG_OPTION
@click.option(
    "--max-size",
    type=SizeParam(),
    default=DEFAULT_MAX_BYTES,
    show_default="50MB",
    help="Dung lượng tối đa của một tệp đính kèm / largest attachment accepted.",
)
@click.option(
    "--schemas-dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Thư mục lược đồ và dữ liệu quy tắc đã chỉnh sửa / edited copy of schemas/.",
)
@click.option(
    "--no-attachments",
    is_flag=True,
    help="Chỉ kiểm tra dữ liệu, không mở tệp đính kèm / check the data only.",
)
def validate(
    paths: tuple[Path, ...],
    fmt: str,
    lang: Lang,
    max_size: int,
    schemas_dir: Path | None,
    no_attachments: bool,
) -> None:
    """Kiểm tra hồ sơ sản phẩm OCOP trước khi nộp.

    PATHS là thư mục hồ sơ (chứa ho-so.yaml hoặc ho-so.json) hoặc chính tệp đó; có thể
    kiểm tra nhiều hồ sơ một lần. Mã thoát: 0 hợp lệ, 1 có lỗi trong hồ sơ, 2 sai cú pháp
    lệnh, 3 công cụ không chạy được.

    Check OCOP product dossiers before filing. Exit codes: 0 valid, 1 a dossier has
    errors, 2 usage error, 3 the tool failed.

    \b
    Ví dụ / examples:
      ocop-docs validate samples/ho-so/mien-dong-tai-hoan
      ocop-docs validate samples/ho-so/* --format json --lang en
    """
    allow_quick_exit()  # only output is left behind: the process may end without teardown
    options = ValidateOptions(
        max_attachment_bytes=max_size, schemas=schemas_dir, attachments=not no_attachments
    )
    # Streamed: each dossier is reported as it is checked, never all kept (issue 15).
    code = write_report(iter_validate(paths, options), fmt, lang, write_output)
    click.get_current_context().exit(code)
