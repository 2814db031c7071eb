"""``ocop-docs new``: scaffold a dossier folder for one product set."""

from __future__ import annotations

from pathlib import Path

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import LANG_OPTION, REGIME_OPTION, OcopCommand, write_output
from ocop_docs.rules.regimes import CASES
from ocop_docs.validation.scaffolding import new_dossier


@click.command("new", cls=OcopCommand)
@click.option(
    "--set",
    "product_set",
    type=click.IntRange(1, 26),
    required=True,
    help="Số bộ sản phẩm 1–26 (xem ocop-docs sectors) / product set number.",
)
@click.option(
    "--case",
    type=click.Choice(list(CASES)),
    default="lan_dau",
    show_default=True,
    help="Loại đánh giá / evaluation case.",
)
@REGIME_OPTION
@click.option(
    "--overwrite", is_flag=True, help="Ghi đè ho-so.yaml đã có / replace an existing file."
)
@LANG_OPTION
@click.argument("folder", type=click.Path(path_type=Path, dir_okay=True, file_okay=False))
def new(
    product_set: int, case: str, regime_code: str, overwrite: bool, lang: Lang, folder: Path
) -> None:
    """Tạo hồ sơ mới (ho-so.yaml có chú thích và thư mục tai-lieu/) cho một bộ sản phẩm.

    Các giá trị "" phải điền; tài liệu chưa bắt buộc được liệt kê sẵn trong dấu #.
    --lang en viết chú thích bằng tiếng Anh.

    Scaffolds a dossier: a commented ho-so.yaml listing every field and document
    (comments in English with --lang en).

    \b
    Ví dụ / examples:
      ocop-docs new --set 7 ho-so/mien-dong
      ocop-docs new --set 4 --case nang_hang ho-so/mat-ong
      ocop-docs new --set 7 --lang en dossier/
    """
    target = new_dossier(folder, product_set, case, regime_code, overwrite=overwrite, lang=lang)
    text = ui("new.created", lang, target=target, attachments=folder / "tai-lieu", folder=folder)
    write_output(text + "\n")
