"""``ocop-docs render``: fill an official document from a dossier or a round file.

Mirrors :func:`ocop_docs.rendering.render`. Exit codes (architecture §3): 0 written;
1 the input has problems (invalid round file, missing data in strict mode, a product that
gets no certificate); 2 usage (Click); 3 the tool could not run (broken template,
LibreOffice missing or failing).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, cast

import click

from ocop_docs.contexts import KINDS
from ocop_docs.errors import OcopError
from ocop_docs.model import Issue

Lang = Literal["vi", "en"]

TEXT: dict[str, dict[Lang, str]] = {
    "written": {"vi": "Đã lập {kind}: {path}", "en": "Wrote {kind}: {path}"},
    "pdf": {"vi": "Đã chuyển sang PDF: {path}", "en": "Converted to PDF: {path}"},
    "placeholders": {
        "vi": "BẢN NHÁP: {n} chỗ thiếu dữ liệu được in dạng [[tên]]: {names}",
        "en": "DRAFT: {n} missing values printed as [[name]]: {names}",
    },
    "error": {"vi": "Lỗi", "en": "Error"},
    "warning": {"vi": "Cảnh báo", "en": "Warning"},
    "hint": {"vi": "Cách sửa", "en": "Fix"},
    "line": {"vi": "dòng {line}", "en": "line {line}"},
}


def _t(key: str, lang: Lang, **params: Any) -> str:
    return TEXT[key][lang].format(**params)


def _issue_line(issue: Issue, lang: Lang) -> str:
    label = _t("error" if issue.severity == "error" else "warning", lang)
    where = f" ({_t('line', lang, line=issue.line)})" if issue.line else ""
    return f"{label}{where}: {issue.message(lang)}"


def _kinds_help() -> str:
    rows = "\n".join(
        f"  {k:<21}{v.title_vi} — từ {'hồ sơ' if v.source == 'dossier' else 'tệp đợt đánh giá'}"
        + (" (+ --product N với tệp đợt)" if v.per_product and v.source == "dossier" else "")
        + (" (+ --product N)" if v.per_product and v.source == "round" else "")
        for k, v in KINDS.items()
    )
    return rows


def report_error(exc: OcopError, lang: Lang, fmt: str) -> None:
    """Print a tool error in the chosen language (catalogue codes carry both languages)."""
    text = getattr(exc, "text", None)
    hint = getattr(exc, "hint_text", None)
    message = text(lang) if callable(text) else exc.message
    fix = hint(lang) if callable(hint) else exc.hint
    issues: list[Issue] = list(getattr(exc, "issues", []) or [])
    if fmt == "json":
        payload = {
            "ok": False,
            "exit_code": exc.exit_code,
            "code": getattr(exc, "code", None),
            "message": message,
            "hint": fix,
            "issues": [i.to_json(lang) for i in issues],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for issue in issues:
        click.echo(_issue_line(issue, lang), err=True)
    click.echo(f"{_t('error', lang)}: {message}", err=True)
    if fix:
        click.echo(f"{_t('hint', lang)}: {fix}", err=True)


@click.command(
    "render",
    help=(
        "Lập văn bản OCOP (Word, tùy chọn PDF) từ hồ sơ hoặc tệp đợt đánh giá.\n\n"
        "\b\nCác loại văn bản (KIND):\n" + _kinds_help() + "\n\n"
        "\b\nVí dụ:\n"
        "  ocop-docs render phieu-dang-ky samples/ho-so/mien-dong-tai-hoan -o phieu.docx\n"
        "  ocop-docs render bien-ban samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "-o bien-ban.docx --pdf\n"
        "  ocop-docs render giay-chung-nhan samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "--product 2 -o gcn.docx\n\n"
        "Mặc định báo lỗi khi thiếu dữ liệu (mã thoát 1); --draft in chỗ trống dạng [[tên]]. "
        "Mã thoát: 0 xong, 1 dữ liệu có lỗi, 2 sai cú pháp lệnh, 3 không chạy được "
        "(mẫu hỏng, thiếu LibreOffice).\n\n"
        "Render an OCOP document from a dossier or a round file (English messages: --lang en)."
    ),
)
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("source", metavar="INPUT", type=click.Path(exists=True, path_type=Path))
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
    type=click.FloatRange(min=1),
    default=None,
    help="Giới hạn thời gian chuyển PDF (giây) / PDF conversion timeout (s).",
)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ thông báo / message language.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Định dạng kết quả / output format.",
)
@click.pass_context
def render(
    ctx: click.Context,
    kind: str,
    source: Path,
    output: Path,
    pdf: bool,
    draft: bool,
    product: int | None,
    assessment: Path | None,
    templates_dir: Path | None,
    soffice: str | None,
    timeout: float | None,
    lang: str,
    fmt: str,
) -> None:
    from ocop_docs.rendering import render as render_document

    language = cast(Lang, lang)
    try:
        result = render_document(
            kind,
            source,
            output,
            product=product,
            draft=draft,
            pdf=pdf,
            templates_dir=templates_dir,
            assessment=assessment,
            soffice=soffice,
            timeout=timeout,
        )
    except OcopError as exc:
        report_error(exc, language, fmt)
        ctx.exit(exc.exit_code)
    if fmt == "json":
        payload = {
            "ok": True,
            "kind": result.kind,
            "output": str(result.output),
            "pdf": str(result.pdf) if result.pdf else None,
            "template": str(result.template),
            "placeholders": result.placeholders,
            "warnings": [w.to_json(language) for w in result.warnings],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for warning in result.warnings:
        click.echo(_issue_line(warning, language), err=True)
    click.echo(_t("written", language, kind=kind, path=result.output))
    if result.pdf:
        click.echo(_t("pdf", language, path=result.pdf))
    if result.placeholders:
        click.echo(
            _t(
                "placeholders",
                language,
                n=len(result.placeholders),
                names=", ".join(result.placeholders),
            )
        )


__all__ = ["render", "report_error"]
