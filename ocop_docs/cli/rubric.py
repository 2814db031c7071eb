"""``ocop-docs rubric``: the 26 official rubrics (QĐ 26/2026 Phụ lục II) and scoring.

Mirrors :mod:`ocop_docs.scoring.rubrics` (``list``, ``show``) and :mod:`ocop_docs.scoring.card`
(``score``). Exit codes (architecture §3): 0 ok; 1 the scorecard has errors or cannot be
read; 2 usage (Click); 3 the shipped rubric data is missing or broken.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar, cast

import click

from ocop_docs.catalogue import ui
from ocop_docs.cli.common import LANG_OPTION, format_option
from ocop_docs.errors import OcopError
from ocop_docs.scoring.card import (
    MINIMUM_MODES,
    Problem,
    Scorecard,
    ScoreResult,
    read_card,
)
from ocop_docs.scoring.rubrics import (
    DEFAULT_REGIME,
    Criterion,
    Rubric,
    list_rubrics,
    load_rubric,
    rubric_to_json,
)
from ocop_docs.scoring.score import UnscorableCard, score_json

Lang = Literal["vi", "en"]
F = TypeVar("F", bound=Callable[..., Any])

FORMATS: tuple[str, ...] = ("text", "json")
MISSING_LISTED = 3  # more missing criteria than this are reported on one line (text only)
MISSING_CODE = "scorecard-missing-criterion"
LANGS: tuple[str, ...] = ("vi", "en")

# Every user-facing sentence of this module, by language.


def _t(lang: Lang, key: str, **params: Any) -> str:
    return ui(f"rubric.{key}", lang, **params)


def _common(func: F) -> F:
    """Options shared by every subcommand."""
    func = LANG_OPTION(func)
    func = format_option(*FORMATS)(func)
    func = click.option(
        "--schemas-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Thư mục schemas/ thay cho bản đi kèm / use a local copy of schemas/.",
    )(func)
    return func


class _Abort(Exception):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def _fail(message: str, exit_code: int) -> NoReturn:
    click.echo(message, err=True)
    click.get_current_context().exit(exit_code)


def _run(lang: Lang, action: Callable[[], int]) -> None:
    """Run a command body; map the tool's exceptions to messages and exit codes."""
    try:
        code = action()
    except _Abort as exc:
        _fail(exc.message, exc.exit_code)
    except OcopError as exc:
        _fail(exc.message(lang), exc.exit_code)
    click.get_current_context().exit(code)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(name="rubric")
def rubric() -> None:
    """Bộ tiêu chí đánh giá sản phẩm OCOP (QĐ 26/2026 Phụ lục II) và chấm điểm.

    \b
    Ví dụ / examples:
      ocop-docs rubric list
      ocop-docs rubric show 1
      ocop-docs rubric show 26 --format json
      ocop-docs rubric score phieu-cham.yaml --lang en
    """


# ---------------------------------------------------------------------------------------
# list
# ---------------------------------------------------------------------------------------


@rubric.command(name="list")
@_common
def list_command(fmt: str, lang: Lang, schemas_dir: Path | None) -> None:
    """Liệt kê 26 bộ tiêu chí / list the 26 rubrics."""

    def action() -> int:
        rubrics = list_rubrics(DEFAULT_REGIME, schemas_dir)
        if fmt == "json":
            _echo_json(
                [
                    {
                        "bo_san_pham": r.bo_san_pham,
                        "ten": r.ten,
                        "nhom": r.nhom,
                        "bo_tieu_chi": r.bo_tieu_chi,
                        "dau_sao": {str(k): v for k, v in r.marker_counts().items()},
                        "so_tieu_chi": len(r.criteria()),
                    }
                    for r in rubrics
                ]
            )
            return 0
        click.echo(_t(lang, "list_head"))
        for r in rubrics:
            counts = r.marker_counts()
            marks = f"{counts[3]}/{counts[4]}/{counts[5]}"
            click.echo(f"{r.bo_san_pham:>3}  {r.nhom or '':<4}  {r.ten} ({marks})")
        return 0

    _run(lang, action)


# ---------------------------------------------------------------------------------------
# show
# ---------------------------------------------------------------------------------------


def _criterion_lines(c: Criterion, lang: Lang) -> list[str]:
    lines = [f"    {c.so} {c.ten} ({_t(lang, 'points', diem=c.diem)})"]
    for label, values in (
        ("requirement", c.yeu_cau),
        ("condition", c.dieu_kien),
        ("note", c.ghi_chu),
    ):
        lines += [f"        {_t(lang, label)}: {v}" for v in values]
    if c.lua_chon_bo_sung:
        lines.append(f"        {_t(lang, 'added')}")
    cases = {t.ma: t.ten for t in c.truong_hop}
    current_case: str | None = None
    for o in c.lua_chon:
        if o.truong_hop is not None and o.truong_hop != current_case:
            current_case = o.truong_hop
            lines.append(f"        {o.truong_hop}. {cases.get(o.truong_hop, '')}")
        mark = f"  [{_t(lang, 'min_mark', sao=o.sao_toi_thieu)}]" if o.sao_toi_thieu else ""
        lines.append(f"        [{o.stt}] {o.ten} | {_t(lang, 'points', diem=o.diem)}{mark}")
        if o.ghi_chu:
            lines.append(f"            {_t(lang, 'note')}: {o.ghi_chu}")
    return lines


def render_rubric_text(r: Rubric, lang: Lang = "vi") -> str:
    lines = [_t(lang, "set", n=r.bo_san_pham, ten=r.tieu_de or r.ten, regime=r.bo_tieu_chi)]
    if r.tieu_de_phu:
        lines.append(r.tieu_de_phu)
    if r.loai_khi:
        lines.append(_t(lang, "disq_head"))
        lines += [f"  - {g}" for g in r.loai_khi]
    else:
        lines.append(_t(lang, "disq_none"))
    for p in r.phan:
        lines.append(f"{_t(lang, 'part', ma=p.ma, ten=p.ten)} ({_t(lang, 'points', diem=p.diem)})")
        for g in p.muc:
            lines.append(f"  {g.so}. {g.ten} ({_t(lang, 'points', diem=g.diem)})")
            subs = {sub.tieu_chi[0]: sub for sub in g.nhom_con}
            for c in g.tieu_chi:
                if c.so in subs:
                    sub = subs[c.so]
                    lines.append(f"   {sub.so} {sub.ten} ({_t(lang, 'points', diem=sub.diem)})")
                lines += _criterion_lines(c, lang)
    if r.ghi_chu_dau_sao:
        lines.append(r.ghi_chu_dau_sao)
    if r.sua_loi_nguon:
        lines.append(_t(lang, "corrections"))
        for fix in r.sua_loi_nguon:
            lines.append(f"  - {_t(lang, 'line', dong=fix.dong)}: {fix.su_dung}. {fix.ly_do}")
    if r.luu_y_nguon:
        lines.append(_t(lang, "remarks"))
        lines += [f"  - {_t(lang, 'line', dong=x.dong)}: {x.ly_do}" for x in r.luu_y_nguon]
    return "\n".join(lines)


@rubric.command(name="show")
@click.argument("set_no", metavar="N", type=click.IntRange(1, 26))
@_common
def show_command(set_no: int, fmt: str, lang: Lang, schemas_dir: Path | None) -> None:
    """In bộ tiêu chí số N (1–26) / print rubric N.

    \b
    Ví dụ: ocop-docs rubric show 11 --format json
    """

    def action() -> int:
        r = load_rubric(set_no, DEFAULT_REGIME, schemas_dir)
        if fmt == "json":
            _echo_json(rubric_to_json(r))
        else:
            click.echo(render_rubric_text(r, lang))
        return 0

    _run(lang, action)


# ---------------------------------------------------------------------------------------
# score
# ---------------------------------------------------------------------------------------


def _problem_lines(p: Problem, lang: Lang) -> list[str]:
    where = f"{_t(lang, 'at', line=p.line, column=p.column)}: " if p.line is not None else ""
    lines = [f"  - [{_t(lang, p.severity)}] {where}{p.message(lang)}"]
    hint = p.hint(lang)
    if hint:
        lines.append(f"    {ui('hint', lang)}: {hint}")
    return lines


def _card_abort(sc: Scorecard, lang: Lang, code: str, pointer: str = "", **params: Any) -> _Abort:
    """A card the command cannot score at all (exit 1), worded from the catalogue."""
    problem = Problem(code, params)
    pos = sc.positions.get(pointer) if pointer else None
    where = f"{sc.path}:{pos[0]}:{pos[1]}" if pos else f"{sc.path}"
    hint = f"{ui('hint', lang)}: {problem.hint(lang)}"
    return _Abort(f"{where}: {problem.message(lang)}\n{hint}", 1)


def render_score_text(result: ScoreResult, lang: Lang = "vi") -> str:
    lines = [_t(lang, "set", n=result.bo_san_pham, ten=result.ten, regime=result.bo_tieu_chi)]
    for part in result.phan:
        lines.append(
            f"{_t(lang, 'part', ma=part.so, ten=part.ten)}: "
            f"{_t(lang, 'of', diem=part.diem, toi_da=part.toi_da)}"
        )
        for g in result.muc:
            if g.phan == part.so:
                lines.append(f"  {g.so}. {g.ten}: {_t(lang, 'of', diem=g.diem, toi_da=g.toi_da)}")
    lines.append(_t(lang, "total", diem=result.tong_diem, toi_da=result.toi_da))
    lines.append(_t(lang, "band", sao=result.hang_theo_diem))
    if result.loai:
        lines.append(_t(lang, "disqualified"))
        if result.ly_do_loai:
            lines.append(_t(lang, "reason", ly_do=result.ly_do_loai))
    else:
        star = _t(lang, "star", sao=result.hang_sao)
        capped = min(result.hang_theo_diem, result.muc_toi_thieu_dat)
        if result.bi_ha_hang:
            star += _t(lang, "lowered", band=result.hang_theo_diem)
        elif result.minimum_mode == "warn" and capped < result.hang_sao:
            star += _t(lang, "warn_only", capped=capped)
        lines.append(star)
    if result.chua_dat_toi_thieu:
        lines.append(_t(lang, "unmet"))
        for u in result.chua_dat_toi_thieu:
            da_chon = (
                _t(lang, "chosen", stt=u.da_chon_stt, diem=u.da_chon_diem)
                if u.da_chon_stt is not None
                else _t(lang, "not_chosen")
            )
            item = _t(
                lang,
                "unmet_item",
                tieu_chi=u.tieu_chi,
                sao=u.sao,
                lua_chon=u.lua_chon,
                diem=u.diem,
                da_chon=da_chon,
            )
            lines.append(f"  - {item}")
    if result.van_de:
        lines.append(_t(lang, "problems"))
        missing = [p for p in result.van_de if p.code == MISSING_CODE]
        # A nearly empty card would list every criterion: one line is easier to read.
        collapse = len(missing) > MISSING_LISTED
        for p in result.van_de:
            if not (collapse and p.code == MISSING_CODE):
                lines += _problem_lines(p, lang)
        if collapse:
            items = ", ".join(str(p.params["tieu_chi"]) for p in missing)
            missing_line = _t(lang, "missing_many", n=len(missing), items=items)
            lines.append(f"  - [{_t(lang, 'error')}] {missing_line}")
            # The hint of the code does not name the criterion, so it fits the summary too.
            lines.append(f"    {ui('hint', lang)}: {missing[0].hint(lang)}")
    return "\n".join(lines)


@rubric.command(name="score")
@click.argument("card", type=click.Path(dir_okay=False, path_type=Path))
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
@_common
def score_command(
    card: Path,
    set_no: int | None,
    minimum_mode: str,
    fmt: str,
    lang: Lang,
    schemas_dir: Path | None,
) -> None:
    """Chấm điểm một phiếu chấm (YAML hoặc JSON) / score one scorecard.

    \b
    Phiếu chấm / scorecard:
      bo_san_pham: 1
      chon:            # tiêu chí → số thứ tự lựa chọn (từ 1)
        "1.1": 3
        "1.2": 2
        ...
      loai: false      # true nếu hồ sơ bị loại
      ly_do_loai: null
    Mã thoát / exit codes: 0 hợp lệ; 1 phiếu có lỗi hoặc không đọc được; 2 sai cú pháp lệnh;
    3 dữ liệu bộ tiêu chí hỏng.
    """

    def action() -> int:
        sc = read_card(card)
        mode = cast(Literal["lower", "warn"], minimum_mode)
        try:
            out, result = score_json(sc, set_no, minimum_mode=mode, schemas=schemas_dir, lang=lang)
        except UnscorableCard as exc:
            p = exc.problem
            raise _card_abort(sc, lang, p.code, p.pointer, **p.params) from None
        if fmt == "json":
            _echo_json(out)
        else:
            click.echo(render_score_text(result, lang))
        return 0 if result.ok else 1

    _run(lang, action)
