"""``ocop-docs rubric``: the 26 official rubrics (QĐ 26/2026 Phụ lục II) and scoring.

Mirrors :mod:`ocop_docs.scoring.rubrics` (``list``, ``show``) and
:func:`ocop_docs.scoring.score.score_file` (``score``); the reports come from
:mod:`ocop_docs.scoring.reporters`. Exit codes (architecture §3): 0 ok; 1 the scorecard has
errors or cannot be read; 2 usage (Click); 3 the shipped rubric data is missing or broken.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import click

from ocop_docs.catalogue import Lang
from ocop_docs.cli.common import LANG_OPTION, OcopGroup, format_option, print_report
from ocop_docs.errors import UsageError
from ocop_docs.rules.regimes import DEFAULT_REGIME, rubric_regimes
from ocop_docs.scoring.card import MINIMUM_MODES
from ocop_docs.scoring.rubric_files import list_rubrics, load_rubric
from ocop_docs.scoring.score import score_file

F = TypeVar("F", bound=Callable[..., Any])


def _common(verb: str) -> Callable[[F], F]:
    """Options shared by every subcommand."""

    def decorate(func: F) -> F:
        func = LANG_OPTION(func)
        func = format_option(verb)(func)
        func = click.option(
            "--schemas-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Thư mục schemas/ thay cho bản đi kèm / use a local copy of schemas/.",
        )(func)
        return func

    return decorate


@click.group(name="rubric", cls=OcopGroup)
def rubric() -> None:
    """Bộ tiêu chí đánh giá sản phẩm OCOP (QĐ 26/2026 Phụ lục II) và chấm điểm.

    \b
    Ví dụ / examples:
      ocop-docs rubric list
      ocop-docs rubric show 1
      ocop-docs rubric show 26 --format json
      ocop-docs rubric score phieu-cham.yaml --lang en
    """


REGIME_OPTION = click.option(
    "--regime",
    default=DEFAULT_REGIME,
    show_default=True,
    metavar="VĂN_BẢN",
    help="Bộ tiêu chí theo văn bản (26/2026, 1048/2019, …) / the regime's rubrics.",
)


def _regime(code: str, schemas_dir: Path | None) -> str:
    known = rubric_regimes(schemas_dir)
    if code not in known:
        raise UsageError("rubric-regime-unknown", regime=code, known=", ".join(sorted(known)))
    return code


@rubric.command(name="list")
@REGIME_OPTION
@_common("rubric list")
def list_command(regime: str, fmt: str, lang: Lang, schemas_dir: Path | None) -> None:
    """Liệt kê 26 bộ tiêu chí / list the 26 rubrics.

    \b
    Ví dụ: ocop-docs rubric list --regime 1048/2019
    """
    code = _regime(regime, schemas_dir)
    print_report("rubric list", fmt, list_rubrics(code, schemas_dir), lang)


@rubric.command(name="show")
@click.argument("set_no", metavar="N", type=click.IntRange(1, 26))
@REGIME_OPTION
@_common("rubric show")
def show_command(set_no: int, regime: str, fmt: str, lang: Lang, schemas_dir: Path | None) -> None:
    """In bộ tiêu chí số N (1–26) / print rubric N.

    N là số bộ tiêu chí trong văn bản của --regime (QĐ 1048 Phụ lục III đánh số khác
    QĐ 26/2026) / N is the rubric's number in the regime's own annex.

    \b
    Ví dụ: ocop-docs rubric show 11 --format json
           ocop-docs rubric show 9 --regime 1048/2019
    """
    code = _regime(regime, schemas_dir)
    print_report("rubric show", fmt, load_rubric(set_no, code, schemas_dir), lang)


@rubric.command(name="score")
@click.argument("card", type=click.Path(path_type=Path))
@click.option(
    "--bo",
    "set_no",
    type=click.IntRange(1, 26),
    default=None,
    help="Chấm theo bộ sản phẩm N (mặc định: bo_san_pham của phiếu) / score against set N "
    "(default: the card's bo_san_pham).",
)
@click.option(
    "--minimum-mode",
    type=click.Choice(MINIMUM_MODES),
    default="lower",
    show_default=True,
    help="lower: hạ sao khi chưa đạt yêu cầu tối thiểu; warn: chỉ cảnh báo / "
    "lower the stars for unmet minimums, or only warn.",
)
@_common("rubric score")
def score_command(
    card: Path,
    set_no: int | None,
    minimum_mode: str,
    fmt: str,
    lang: Lang,
    schemas_dir: Path | None,
) -> None:
    """Chấm điểm một phiếu chấm (YAML hoặc JSON), hoặc phần tự đánh giá (tu_danh_gia) của
    một hồ sơ (thư mục hồ sơ hoặc ho-so.yaml) / score one scorecard, or a dossier's
    self-assessment. Phiếu có lỗi không được xếp hạng sao.

    \b
    Phiếu chấm / scorecard:
      bo_san_pham: 1
      chon:            # tiêu chí → số thứ tự lựa chọn (từ 1)
        "1.1": 3
        "1.2": 2
        ...
      loai: false      # true nếu hồ sơ bị loại
      ly_do_loai: null

    \b
    Ví dụ / examples:
      ocop-docs rubric score samples/phieu-cham/mien-dong-tai-hoan.yaml
      ocop-docs rubric score samples/ho-so/mien-dong-tai-hoan --format json

    Mã thoát / exit codes: 0 hợp lệ; 1 phiếu có lỗi hoặc không đọc được; 2 sai cú pháp lệnh;
    3 dữ liệu bộ tiêu chí hỏng.
    """
    mode = cast(Literal["lower", "warn"], minimum_mode)
    scored = score_file(card, set_no, mode, schemas_dir)
    print_report("rubric score", fmt, scored, lang)
    click.get_current_context().exit(0 if scored.result.ok else 1)
