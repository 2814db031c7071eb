"""``ocop-docs batch``: every document of a round (or a folder of dossiers) in one command.

Mirrors :func:`ocop_docs.production.batch.run_batch`. Exit codes (architecture §3): 0 everything was
made; 1 some item failed (listed in the summary and in manifest.json, the others were made),
a dossier is invalid, the input cannot be used, or OUTDIR holds files it would overwrite;
2 usage (Click, or a kind that does not fit the input); 3 the tool could not run (broken
template, LibreOffice missing); 130 interrupted (what was finished is in manifest.json).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import LANG_OPTION, format_option, write_output
from ocop_docs.errors import OcopError
from ocop_docs.production.batch import (
    DEFAULT_KINDS,
    REPORT_KIND,
    BatchOptions,
    BatchResult,
    Progress,
    run_batch,
)
from ocop_docs.production.contexts import KINDS
from ocop_docs.production.pool import DEFAULT_DOC_TIMEOUT

KIND_NAMES = (*KINDS, REPORT_KIND)
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")


def _t(key: str, lang: Lang, **params: Any) -> str:
    return ui(f"batch.{key}", lang, **params)


def _kinds(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    kinds = tuple(k.strip() for v in value for k in v.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KIND_NAMES]
    if unknown:
        raise click.BadParameter(
            f"«{', '.join(unknown)}» không phải loại văn bản; chọn trong: {', '.join(KIND_NAMES)}."
        )
    return kinds


def _show_progress(fmt: str, flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if fmt != "text" or any(os.environ.get(v) for v in CI_VARIABLES):
        return False
    return sys.stderr.isatty()


class _Bar:
    """A rich progress bar on stderr, started on the first event (after the render
    processes are forked, so no thread is running when they are)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, event: Progress) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        if self.progress is None:
            self.progress = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.progress.start()
        names = dict(
            zip(("render", "pdf", "bundle"), ui("batch.stages", self.lang).split("|"), strict=True)
        )
        if event.stage not in self.tasks:
            self.tasks[event.stage] = self.progress.add_task(names[event.stage], total=event.total)
        self.progress.update(self.tasks[event.stage], completed=event.done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _where(item: Any, lang: Lang) -> str:
    if item.row:
        return f" ({_t('row', lang, n=item.row)})"
    if item.line:
        return f" ({_t('line', lang, n=item.line)})"
    return ""


def _warnings(result: BatchResult, lang: Lang) -> str:
    lines: list[str] = []
    for warning in result.manifest.warnings:
        where = f" ({_t('line', lang, n=warning['line'])})" if warning.get("line") else ""
        lines.append(f"{_t('warning', lang)}{where}: {warning['message']}")
    for item in result.items:
        for warning in item.warnings:
            lines.append(f"{_t('warning', lang)} [{item.id}]: {warning['message']}")
    return "".join(f"{line}\n" for line in lines)


def _text_report(result: BatchResult, lang: Lang) -> str:
    """The summary: failed items first (with row or line and how to fix), then totals."""
    manifest = result.manifest
    lines: list[str] = []
    for item in result.failures:
        error = item.error or {}
        lines.append(
            f"{_t('failed', lang)} [{item.id}]{_where(item, lang)}: {error.get('message')}"
        )
        for detail in error.get("details") or []:
            lines.append(f"    - {detail.get('message')}")
        if error.get("hint"):
            lines.append(f"    {_t('hint', lang)}: {error['hint']}")
    seconds = f"{result.seconds:.1f}".replace(".", "," if lang == "vi" else ".")
    lines.append(
        _t(
            "summary",
            lang,
            produced=result.produced,
            skipped=result.skipped,
            failed=result.failed,
            seconds=seconds,
            outdir=result.outdir,
        )
    )
    if result.pdfs:
        line = _t("pdfs", lang, n=result.pdfs)
        if result.conversion.get("starts"):
            line += _t("restarts", lang, **result.conversion)
        lines.append(line)
    if result.bundle is not None:
        lines.append(_t("bundle", lang, path=result.bundle, pages=result.bundle_pages))
    elif manifest.bundle and manifest.bundle.get("error"):
        lines.append(f"{_t('failed', lang)}: {manifest.bundle['error']['message']}")
    if result.invalid_dossiers:
        lines.append(_t("invalid", lang, n=result.invalid_dossiers))
    if result.notes:
        lines.append(_t("nothing", lang, kinds=", ".join(result.notes)))
    lines.append(_t("manifest", lang, path=result.outdir / "manifest.json"))
    return "\n".join(lines) + "\n"


def _json_report(result: BatchResult, lang: Lang) -> str:
    manifest = result.manifest.to_json()
    payload = {
        "ok": result.exit_code == 0,
        "exit_code": result.exit_code,
        "outdir": str(result.outdir),
        "manifest": str(result.outdir / "manifest.json"),
        "summary": manifest["summary"],
        "bundle": manifest["bundle"],
        "warnings": manifest["warnings"],
        "failures": [i.to_json() for i in result.failures],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


@click.command(
    "batch",
    help=(
        "Lập toàn bộ văn bản của một đợt đánh giá bằng một lệnh: biên bản, quyết định kèm "
        "danh sách, giấy chứng nhận của từng sản phẩm, PDF và tập PDF có mục lục.\n\n"
        "INPUT là tệp đợt đánh giá (.yaml, .json), bảng tính kết quả (.xlsx, .csv; xem "
        "docs/batch.md) hoặc thư mục hồ sơ (khi đó: báo cáo kiểm tra từng hồ sơ và Mẫu 01 "
        "của từng chủ thể).\n\n"
        "\b\nLoại văn bản mặc định:\n"
        f"  tệp đợt, bảng tính: {', '.join(DEFAULT_KINDS['round'])}\n"
        f"  thư mục hồ sơ:      {', '.join(DEFAULT_KINDS['dossiers'])}\n"
        f"  (--kinds chọn trong: {', '.join(KIND_NAMES)})\n\n"
        "\b\nVí dụ:\n"
        "  ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml -o out/ "
        "--pdf --bundle\n"
        "  ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.xlsx -o out/ --resume\n"
        "  ocop-docs batch samples/ho-so -o ho-so-out/ --pdf\n\n"
        "Một dòng lỗi chỉ làm hỏng văn bản của dòng đó; các văn bản khác vẫn được lập "
        "(mã thoát 1), danh mục kết quả ở OUTDIR/manifest.json. Không ghi đè tệp đã có "
        "nếu không có --overwrite; --resume bỏ qua văn bản đã lập xong. Mã thoát: 0 xong, "
        "1 có mục lỗi, 2 sai cú pháp lệnh, 3 không chạy được (mẫu hỏng, thiếu LibreOffice).\n\n"
        "Produce every document of a round in one command (English messages: --lang en)."
    ),
)
@click.argument("source", metavar="INPUT", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kết quả / output folder.",
)
@click.option(
    "--kinds",
    multiple=True,
    callback=_kinds,
    metavar="KIND[,KIND…]",
    help="Các loại văn bản cần lập / document kinds to make.",
)
@click.option("--pdf", is_flag=True, help="Chuyển thêm sang PDF / also make PDFs.")
@click.option(
    "--bundle",
    is_flag=True,
    help="Ghép mọi PDF thành một tập có mục lục (kéo theo --pdf) / one bookmarked PDF.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Số tiến trình song song (mặc định: số lõi CPU) / parallel workers.",
)
@click.option(
    "--resume", is_flag=True, help="Bỏ qua văn bản đã lập xong / skip finished documents."
)
@click.option(
    "--overwrite", is_flag=True, help="Cho phép ghi đè tệp đã có / replace existing files."
)
@click.option("--draft", is_flag=True, help="Bản nháp: in [[tên]] khi thiếu dữ liệu / drafts.")
@click.option(
    "--templates-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Thư mục mẫu đã chỉnh sửa / folder of edited templates.",
)
@click.option("--soffice", default=None, metavar="PATH", help="Đường dẫn LibreOffice (soffice).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=DEFAULT_DOC_TIMEOUT,
    show_default=True,
    help="Giới hạn thời gian chuyển PDF cho mỗi văn bản (giây) / per-document PDF timeout.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Thanh tiến độ (mặc định: có khi chạy trong cửa sổ lệnh) / progress bar.",
)
@LANG_OPTION
@format_option("text", "json")
@click.pass_context
def batch(
    ctx: click.Context,
    source: Path,
    outdir: Path,
    kinds: tuple[str, ...],
    pdf: bool,
    bundle: bool,
    jobs: int | None,
    resume: bool,
    overwrite: bool,
    draft: bool,
    templates_dir: Path | None,
    soffice: str | None,
    timeout: float,
    progress: bool | None,
    lang: Lang,
    fmt: str,
) -> None:
    from ocop_docs.cli.render import report_error

    options = BatchOptions(
        kinds=kinds or None,
        pdf=pdf or bundle,
        bundle=bundle,
        jobs=jobs,
        resume=resume,
        overwrite=overwrite,
        draft=draft,
        templates_dir=templates_dir,
        soffice=soffice,
        timeout=timeout,
        lang=lang,
    )
    bar = _Bar(lang) if _show_progress(fmt, progress) else None
    try:
        result = run_batch(source, outdir, options, progress=bar)
    except OcopError as exc:
        if bar:
            bar.stop()
        report_error(exc, lang, fmt)
        ctx.exit(exc.exit_code)
    except KeyboardInterrupt:
        if bar:
            bar.stop()
        click.echo(_t("interrupted", lang, path=outdir / "manifest.json"), err=True)
        ctx.exit(130)
    if bar:
        bar.stop()
    if fmt == "json":
        write_output(_json_report(result, lang))
    else:
        click.echo(_warnings(result, lang), err=True, nl=False)
        write_output(_text_report(result, lang))
    ctx.exit(result.exit_code)


__all__ = ["batch"]
