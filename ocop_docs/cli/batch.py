"""``ocop-docs batch``: every document of a round (or a folder of dossiers) in one command.

Mirrors :func:`ocop_docs.production.batch.run_batch`. Exit codes (architecture §3): 0 everything was
made; 1 some item failed (listed in the summary and in manifest.json, the others were made),
a dossier is invalid, the input cannot be used, or OUTDIR holds files it would overwrite;
2 usage (Click, or a kind that does not fit the input); 3 the tool could not run (broken
template, LibreOffice missing); 130 interrupted (what was finished is in manifest.json).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import ALLOW_OPTION, LANG_OPTION, OcopCommand, format_option, print_report
from ocop_docs.cli.language import current_language
from ocop_docs.cli.options import JOBS_RANGE, TIMEOUT_RANGE, BoundedInt, FiniteFloat, lookup_option
from ocop_docs.production.batch import (
    DEFAULT_KINDS,
    REPORT_KIND,
    BatchOptions,
    Progress,
    run_batch,
)
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.pool import DEFAULT_DOC_TIMEOUT

KIND_NAMES = (*KINDS, REPORT_KIND)
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")


def _kinds(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    kinds = tuple(k.strip() for v in value for k in v.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KIND_NAMES]
    if unknown:
        text = ui(
            "batch.kinds_unknown",
            current_language(),
            kinds=", ".join(unknown),
            allowed=", ".join(KIND_NAMES),
        )
        raise click.BadParameter(text)
    return kinds


def _show_progress(fmt: str, flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if fmt != "text" or any(os.environ.get(v) for v in CI_VARIABLES):
        return False
    return sys.stderr.isatty()


class _Bar:
    """Progress on stderr, one line per stage rewritten in place: "Lập văn bản
    [#####-----] 12/40 00:07 còn 00:16" (the stage, a bar, done/total, elapsed, remaining)."""

    WIDTH = 24

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.names = dict(
            zip(("render", "pdf", "bundle"), ui("batch.stages", lang).split("|"), strict=True)
        )
        self.stage: str | None = None
        self.started = 0.0

    def __call__(self, event: Progress) -> None:
        if event.stage != self.stage:
            self.stop()
            self.stage, self.started = event.stage, time.monotonic()
        elapsed = time.monotonic() - self.started
        total = max(event.total, 1)
        filled = self.WIDTH * event.done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        left = ""
        if 0 < event.done < event.total:
            rest = elapsed / event.done * (event.total - event.done)
            left = " " + ui("batch.remaining", self.lang, time=_clock(rest))
        line = f"{self.names[event.stage]} [{bar}] {event.done}/{event.total} {_clock(elapsed)}"
        click.echo(f"\r{line}{left}\x1b[K", err=True, nl=False)

    def stop(self) -> None:
        if self.stage is not None:
            click.echo("", err=True)
            self.stage = None


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


@click.command(
    "batch",
    cls=OcopCommand,
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
        "  ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "--allow samples/ho-so -o out/ --pdf --bundle\n"
        "  ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.xlsx "
        "--allow samples/ho-so -o out/ --resume\n"
        "  ocop-docs batch samples/ho-so -o ho-so-out/ --pdf\n\n"
        "Một dòng lỗi chỉ làm hỏng văn bản của dòng đó; các văn bản khác vẫn được lập "
        "(mã thoát 1), danh mục kết quả ở OUTDIR/manifest.json. Không ghi đè tệp đã có "
        "nếu không có --overwrite; --resume bỏ qua văn bản đã lập xong. Mã thoát: 0 xong, "
        "1 có mục lỗi, 2 sai cú pháp lệnh, 3 không chạy được (mẫu hỏng, thiếu LibreOffice).\n\n"
        "Tệp đợt chỉ được dẫn tới hồ sơ, phiếu chấm trong thư mục của nó, hoặc trong thư mục "
        "ghi bằng --allow.\n\n"
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
    type=BoundedInt(*JOBS_RANGE),
    default=None,
    help=(
        "Số tiến trình song song (mặc định: số lõi CPU; giới hạn theo bộ nhớ và số lõi "
        "của máy) / parallel workers (capped to the machine)."
    ),
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
    type=FiniteFloat(*TIMEOUT_RANGE),
    default=DEFAULT_DOC_TIMEOUT,
    show_default=True,
    help="Giới hạn thời gian chuyển PDF cho mỗi văn bản (giây) / per-document PDF timeout.",
)
@click.option(
    "--logo",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=(
        "Ảnh logo OCOP (PNG, JPEG) in trên giấy chứng nhận; mặc định: giay_chung_nhan.logo "
        "của tệp đợt / the certificates' OCOP logo."
    ),
)
@lookup_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Thanh tiến độ (mặc định: có khi chạy trong cửa sổ lệnh) / progress bar.",
)
@click.option(
    "--so-theo-doi",
    "registry",
    default=None,
    metavar="FILE|URL",
    help="Ghi sản phẩm được công nhận vào sổ theo dõi / record the recognised products "
    "in this registry (issue 14).",
)
@ALLOW_OPTION
@LANG_OPTION
@format_option("batch")
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
    logo: Path | None,
    lookup: str | None,
    progress: bool | None,
    registry: str | None,
    allow: tuple[Path, ...],
    lang: Lang,
    fmt: str,
) -> None:
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
        registry=registry,
        allow=allow,
        logo=logo,
        lookup=lookup,
    )
    bar = _Bar(lang) if _show_progress(fmt, progress) else None
    try:
        result = run_batch(source, outdir, options, progress=bar)
    except KeyboardInterrupt:
        click.echo(ui("batch.interrupted", lang, path=outdir / "manifest.json"), err=True)
        ctx.exit(130)
    finally:
        if bar:
            bar.stop()
    print_report("batch", fmt, result, lang)
    ctx.exit(result.exit_code)


__all__ = ["batch"]
