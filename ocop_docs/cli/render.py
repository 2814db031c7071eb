"""``ocop-docs render``: fill an official document from a dossier or a round file.

Mirrors :func:`ocop_docs.production.rendering.render`. Exit codes (architecture §3): 0 written;
1 the input has problems (invalid round file, missing data in strict mode, a product that
gets no certificate); 2 usage (Click); 3 the tool could not run (broken template,
LibreOffice missing or failing).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import ALLOW_OPTION, LANG_OPTION, OcopCommand, format_option, print_report
from ocop_docs.cli.language import current_language
from ocop_docs.cli.options import TIMEOUT_RANGE, FiniteFloat, lookup_option
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.pool import interruptible
from ocop_docs.production.rendering import render as render_document

SOURCES_HELP: dict[str, str] = {
    "dossier": "từ hồ sơ",
    "round": "từ tệp đợt đánh giá",
    "sheet": "từ số bộ sản phẩm 1–26 (phiếu trống), phiếu chấm, hồ sơ hoặc tệp đợt",
    "file": "từ tệp thu hồi giấy chứng nhận (samples/thu-hoi/)",
}


def _kinds_help() -> str:
    rows = "\n".join(
        f"  {k:<21}{v.title_vi} — {SOURCES_HELP[v.source]}"
        + (" (+ --product N với tệp đợt)" if v.per_product and v.source != "round" else "")
        + (" (+ --product N)" if v.per_product and v.source == "round" else "")
        + (", hoặc từ hồ sơ của xã (+ --thong-tin)" if v.from_dossiers is not None else "")
        for k, v in KINDS.items()
    )
    return rows


class InputParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer Click
    """INPUT: an existing path, or a product set number "1"–"26" (blank scoring sheet).

    A number that is not an existing path is passed on as text; the library decides whether
    the document kind takes it (only ``phieu-danh-gia`` does).
    """

    name = "input"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(value)
        if path.exists():
            return path
        if re.fullmatch(r"\d{1,2}", str(value)):
            return str(value)
        self.fail(ui("render.input_missing", current_language(), value=value), param, ctx)


@click.command(
    "render",
    cls=OcopCommand,
    help=(
        "Lập văn bản OCOP (Word, tùy chọn PDF) từ hồ sơ hoặc tệp đợt đánh giá.\n\n"
        "\b\nCác loại văn bản (KIND):\n" + _kinds_help() + "\n\n"
        "\b\nVí dụ:\n"
        "  ocop-docs render phieu-dang-ky samples/ho-so/mien-dong-tai-hoan -o phieu.docx\n"
        "  ocop-docs render bien-ban samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "--allow samples/ho-so -o bien-ban.docx --pdf\n"
        "  ocop-docs render giay-chung-nhan samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "--allow samples/ho-so --product 2 -o gcn.docx\n"
        "  ocop-docs render de-nghi-xa samples/ho-so/mien-dong-tai-hoan "
        "samples/ho-so/mat-ong-huong-rung samples/ho-so/lan-hai-con-minh "
        "--thong-tin samples/de-nghi-xa/con-minh-2026.yaml -o to-trinh.docx\n"
        "  ocop-docs render phieu-danh-gia 7 -o phieu-trong-bo-7.docx\n"
        "  ocop-docs render phieu-danh-gia phieu-cham.yaml -o phieu.docx\n"
        "  ocop-docs render phieu-danh-gia samples/dot-danh-gia/thai-nguyen-2026-phieu-cham.yaml "
        "--allow samples/ho-so --product 1 -o phieu-thanh-vien.docx\n\n"
        "de-nghi-xa còn lập được từ hồ sơ của xã trước khi có đợt: INPUT là các hồ sơ "
        "hoặc thư mục chứa hồ sơ (cùng một xã, đều hợp lệ như khi chạy validate), "
        "--thong-tin là số, ngày, người ký của tờ trình.\n\n"
        "Tệp đợt chỉ được dẫn tới hồ sơ, phiếu chấm trong thư mục của nó, hoặc trong thư mục "
        "ghi bằng --allow.\n\n"
        "Hồ sơ theo QĐ 1048/2019 in trên biểu mẫu của quy định đó (bieu-01-1048 … "
        "bieu-04-1048); phieu-dang-ky của hồ sơ ấy là Biểu 02, và quy định đó không có "
        "Mẫu 02, Mẫu 03 hiện hành.\n\n"
        "Mặc định báo lỗi khi thiếu dữ liệu (mã thoát 1); --draft in chỗ trống dạng [[tên]]. "
        "Tệp kết quả đã có không bị ghi đè nếu không có --overwrite (mã thoát 1). "
        "Mã thoát: 0 xong, 1 dữ liệu có lỗi, 2 sai cú pháp lệnh, 3 không chạy được "
        "(mẫu hỏng, thiếu LibreOffice).\n\n"
        "Render an OCOP document from a dossier or a round file (English messages: --lang en)."
    ),
)
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("sources", metavar="INPUT...", nargs=-1, required=True, type=InputParam())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp .docx kết quả / output .docx file.",
)
@click.option(
    "--pdf", is_flag=True, help="Chuyển thêm sang PDF bằng LibreOffice / also make a PDF."
)
@click.option(
    "--draft",
    is_flag=True,
    help="Bản nháp: in [[tên]] thay vì báo lỗi khi thiếu dữ liệu / draft placeholders.",
)
@click.option(
    "--product",
    "product",
    type=click.IntRange(min=1),
    default=None,
    help="Thứ tự sản phẩm trong tệp đợt (từ 1) / product number in the round file.",
)
@click.option(
    "--assessment",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Tệp đánh giá của UBND xã (Mẫu 03) khi INPUT là hồ sơ / commune assessment.",
)
@click.option(
    "--templates-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Thư mục mẫu đã chỉnh sửa / folder of edited templates.",
)
@click.option(
    "--soffice",
    default=None,
    metavar="PATH",
    help="Đường dẫn LibreOffice (soffice); mặc định tìm trong PATH hoặc OCOP_SOFFICE.",
)
@click.option(
    "--timeout",
    type=FiniteFloat(*TIMEOUT_RANGE),
    default=None,
    help="Giới hạn thời gian chuyển PDF (giây) / PDF conversion timeout (s).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Ghi đè tệp kết quả đã có / replace an existing output file.",
)
@ALLOW_OPTION
@click.option(
    "--logo",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=(
        "Ảnh logo OCOP (PNG, JPEG) in trên giấy chứng nhận; mặc định: giay_chung_nhan.logo "
        "của tệp đợt / the certificates' OCOP logo."
    ),
)
@click.option(
    "--thong-tin",
    "details",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help=(
        "de-nghi-xa từ hồ sơ: tệp YAML số, ngày, người ký, nơi nhận của tờ trình "
        "(samples/de-nghi-xa/) / the commune letter's own fields."
    ),
)
@lookup_option
@LANG_OPTION
@format_option("render")
def render(
    kind: str,
    sources: tuple[Path | str, ...],
    output: Path,
    pdf: bool,
    draft: bool,
    product: int | None,
    assessment: Path | None,
    templates_dir: Path | None,
    soffice: str | None,
    timeout: float | None,
    overwrite: bool,
    allow: tuple[Path, ...],
    logo: Path | None,
    details: Path | None,
    lookup: str | None,
    lang: Lang,
    fmt: str,
) -> None:
    # SIGTERM becomes KeyboardInterrupt (exit 130), so a LibreOffice converting for
    # ``--pdf`` is stopped with the run, as on Ctrl-C (issue 9).
    with interruptible():
        result = render_document(
            kind,
            sources[0] if len(sources) == 1 else list(sources),
            output,
            product=product,
            draft=draft,
            pdf=pdf,
            templates_dir=templates_dir,
            assessment=assessment,
            soffice=soffice,
            timeout=timeout,
            overwrite=overwrite,
            allow=allow,
            logo=logo,
            details=details,
            lookup=lookup,
        )
    print_report("render", fmt, result, lang)


__all__ = ["render"]
