"""Rubric files: reading and checking ``schemas/rubrics/<regime>/bo-NN.json``.

Each rubric of QĐ 26/2026/QĐ-TTg Phụ lục II is shipped as one JSON file, generated from the
legal text by ``scripts/convert_rubrics.py`` and described by ``schemas/rubric.schema.json``
(see ``docs/rubrics.md``). A file is loaded once per process, checked against the schema and
against the sheet's own arithmetic, and turned into the model of
:mod:`ocop_docs.scoring.rubrics`; :func:`rubric_to_json` writes the model back in the file
shape.

Nothing here imports Click; errors are :class:`RubricError` (a
:class:`~ocop_docs.errors.DataError`, exit code 3), because a missing or broken rubric
means the tool cannot run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.errors import DataError, Issue
from ocop_docs.resources import schemas_dir
from ocop_docs.rules.product_sets import SET_NUMBERS
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime_option, rubric_regimes
from ocop_docs.rules.regimes import regime as regime_rules
from ocop_docs.scoring.rubrics import (
    Case,
    Criterion,
    CriterionDisqualification,
    Group,
    Option,
    Part,
    Rubric,
    RubricRule,
    SourceCorrection,
    SourceRef,
    SourceRemark,
    SubHeading,
)
from ocop_docs.validation.checks.schema import compiled, quick_valid

__all__ = [
    "SET_NUMBERS",
    "RubricError",
    "RubricNotFound",
    "list_rubrics",
    "load_rubric",
    "rubric_for_set",
    "rubric_from_json",
    "rubric_path",
    "rubric_to_json",
]

SCHEMA_REF = "../../rubric.schema.json"
RUBRIC_SCHEMA = "rubric.schema.json"  # under <schemas>/


class RubricError(DataError):
    """A rubric file is missing or broken (the tool cannot score without it)."""

    def __init__(self, code: str = "rubric-file-broken", **params: Any) -> None:
        super().__init__(code, **params)


class RubricNotFound(RubricError):
    """No rubric for this product set and regime."""


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


def rubric_path(set_no: int, regime: str = DEFAULT_REGIME, base: Path | None = None) -> Path:
    """Where the rubric file of a product set lives (it may not exist).

    The folder is the regime's ``thu_muc_bo_tieu_chi``; a regime without one has no rubrics
    in the data. ``set_no`` is the rubric's number in its regime's annex (QĐ 1048 Phụ lục
    III numbers its 26 rubrics differently from QĐ 26/2026; a dossier's product set maps to
    them through :meth:`~ocop_docs.rules.regimes.Regime.rubric_sets`).
    """
    known = rubric_regimes(base)
    if regime not in known:
        raise RubricNotFound("rubric-regime-unknown", regime=regime, known=", ".join(sorted(known)))
    folder = regime_rules(regime, base).rubric_dir
    assert folder is not None  # rubric_regimes() holds only regimes with a folder
    return schemas_dir(base) / folder / f"bo-{set_no:02d}.json"


def load_rubric(set_no: int, regime: str = DEFAULT_REGIME, base: Path | None = None) -> Rubric:
    """Load (and cache) the rubric of product set ``set_no`` (1–26).

    ``base`` overrides the schemas folder (``--schemas-dir``). Raises
    :class:`RubricNotFound` for an unknown set/regime or a missing file and
    :class:`RubricError` for a file that is not valid rubric data.
    """
    if isinstance(set_no, bool) or not isinstance(set_no, int) or set_no not in SET_NUMBERS:
        option = regime_option(regime)
        listed = {"tuy_chon_bo_tieu_chi": option} if option else {}
        raise RubricNotFound("rubric-set-unknown", value=repr(set_no), **listed)
    return _load(set_no, regime, base)


@lru_cache(maxsize=256)
def _load(set_no: int, regime: str, base: Path | None) -> Rubric:
    path = rubric_path(set_no, regime, base)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricNotFound("rubric-file-missing", path=str(path)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RubricError(path=str(path), reason=reason) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RubricError(
            path=str(path),
            reason=f"không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})",
            reason_en=f"not valid JSON (line {exc.lineno}, column {exc.colno})",
        ) from exc
    _validate_schema(data, path, base)
    rubric = replace(rubric_from_json(data, path), schemas_dir=base)
    if rubric.bo_san_pham != set_no or rubric.bo_tieu_chi != regime:
        raise RubricError(
            path=str(path),
            reason=f"chứa bộ {rubric.bo_san_pham} ({rubric.bo_tieu_chi}), "
            f"không phải bộ {set_no} ({regime})",
            reason_en=f"holds set {rubric.bo_san_pham} ({rubric.bo_tieu_chi}), "
            f"not set {set_no} ({regime})",
        )
    rules = regime_rules(regime, base)
    if rubric.khong_chinh_thuc != rules.rubrics_unofficial:
        # The unofficial warning (QĐ 148/2023) must not depend on which file was edited.
        raise RubricError(
            path=str(path),
            reason="khong_chinh_thuc khác bo_tieu_chi_khong_chinh_thuc của văn bản",
            reason_en="khong_chinh_thuc differs from the regime's bo_tieu_chi_khong_chinh_thuc",
        )
    _check_sums(rubric, path, rules.part_points)
    return rubric


def rubric_for_set(
    product_set: int, regime: str = DEFAULT_REGIME, choice: Any = None, base: Path | None = None
) -> tuple[int | None, Issue | None]:
    """The rubric number a dossier or card of ``product_set`` is scored against, or why not.

    ``product_set`` is a set of ``schemas/rules/product-sets.yaml`` (what dossiers, rounds
    and cards name in ``bo_san_pham``); the rubric is the regime's for it
    (:meth:`~ocop_docs.rules.regimes.Regime.rubric_sets`; the same number under QĐ 26/2026).
    Where the regime has two rubrics for one set (QĐ 1048: meat or fish products, decorative
    or household handicrafts) ``choice`` (``so_bo_tieu_chi``) names one; where it has none
    (ornamentals under QĐ 1048), the issue says so. The issue's pointer is relative to the
    card or the self-assessment block.
    """
    candidates = regime_rules(regime, base).rubric_sets(product_set)

    def listed() -> str:
        return ", ".join(f"{n} ({load_rubric(n, regime, base).ten})" for n in candidates)

    params: dict[str, Any] = {"bo_san_pham": product_set, "bo_tieu_chi": regime}
    if choice is not None:
        if isinstance(choice, bool) or not isinstance(choice, int) or choice not in candidates:
            params.update(gia_tri=choice, candidates=listed() or "—")
            return None, Issue("scorecard-rubric-choice-invalid", "/so_bo_tieu_chi", params=params)
        return choice, None
    if not candidates:
        return None, Issue("scorecard-rubric-none", "/bo_san_pham", params=params)
    if len(candidates) > 1:
        params.update(candidates=listed())
        return None, Issue("scorecard-rubric-ambiguous", "/bo_san_pham", params=params)
    return candidates[0], None


def list_rubrics(regime: str = DEFAULT_REGIME, base: Path | None = None) -> list[Rubric]:
    """All 26 rubrics of a regime, by set number."""
    return [load_rubric(n, regime, base) for n in SET_NUMBERS]


def _validate_schema(data: Any, path: Path, base: Path | None) -> None:
    # The package's one schema engine (jsonschema-rs says yes quickly; jsonschema lists the
    # errors); a missing or broken <schemas>/rubric.schema.json is a DataError from it.
    if quick_valid(RUBRIC_SCHEMA, data, base):
        return
    validator, _schema = compiled(RUBRIC_SCHEMA, base)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        pointer = "/" + "/".join(str(p) for p in first.absolute_path)
        raise RubricError(
            path=str(path),
            reason=f"sai cấu trúc tại {pointer} ({len(errors)} lỗi)",
            reason_en=f"malformed at {pointer} ({len(errors)} error(s))",
        )


def _check_sums(rubric: Rubric, path: Path, part_points: Mapping[str, int]) -> None:
    """The sheet's own arithmetic (Phụ lục II) and its parts as the regime sets them
    (``diem_phan``: QĐ 26/2026 Điều 3.1, A 40 / B 25 / C 35)."""

    def broken(vi: str, en: str) -> RubricError:
        return RubricError(path=str(path), reason=vi.rstrip("."), reason_en=en.rstrip("."))

    parts = ", ".join(part_points)
    if [p.ma for p in rubric.phan] != list(part_points):
        raise broken(f"phải có đúng Phần {parts}.", f"must have parts {parts}.")
    if sum(p.diem for p in rubric.phan) != rubric.tong_diem:
        raise broken("tổng điểm các phần khác 100.", "part points do not add up to 100.")
    for p in rubric.phan:
        if p.diem != part_points[p.ma]:
            raise broken(
                f"Phần {p.ma} có {p.diem} điểm, bộ tiêu chí {rubric.bo_tieu_chi} "
                f"quy định {part_points[p.ma]}.",
                f"part {p.ma} has {p.diem} points, the regime {rubric.bo_tieu_chi} "
                f"sets {part_points[p.ma]}.",
            )
    # A printed number kept as printed although the sheet's sums disagree (QĐ 1048 bộ 4 9.1
    # "3 điểm" over options 0–2; bộ 26 Phần A 35 over criteria adding to 34): accepted only
    # on a source line that ``luu_y_nguon`` records, so an unrecorded slip still fails.
    recorded = {s.dong for s in rubric.luu_y_nguon}
    seen: set[str] = set()
    for p in rubric.phan:
        best = sum(max(o.diem for o in c.lua_chon) for g in p.muc for c in g.tieu_chi)
        if sum(g.diem for g in p.muc) != p.diem and not (
            p.nguon_dong in recorded or (best == p.diem and _all_recorded(p, recorded))
        ):
            raise broken(f"các mục của Phần {p.ma} không cộng đủ.", f"part {p.ma} mismatch.")
        for g in p.muc:
            if sum(c.diem for c in g.tieu_chi) != g.diem:
                raise broken(f"các tiêu chí của mục {g.so} không cộng đủ.", f"mục {g.so}.")
            for c in g.tieu_chi:
                if c.so in seen:
                    raise broken(f"tiêu chí {c.so} lặp.", f"criterion {c.so} repeated.")
                seen.add(c.so)
                if [o.stt for o in c.lua_chon] != list(range(1, len(c.lua_chon) + 1)):
                    raise broken(f"stt của tiêu chí {c.so} sai.", f"stt of {c.so} wrong.")
                if max(o.diem for o in c.lua_chon) != c.diem and c.nguon_dong not in recorded:
                    raise broken(
                        f"điểm cao nhất của tiêu chí {c.so} khác điểm tiêu chí.",
                        f"best option of {c.so} differs from its points.",
                    )


def _all_recorded(part: Part, recorded: set[int]) -> bool:
    """Every criterion of ``part`` whose best option differs from its maximum is recorded."""
    return all(
        c.nguon_dong in recorded
        for g in part.muc
        for c in g.tieu_chi
        if max(o.diem for o in c.lua_chon) != c.diem
    )


# ---------------------------------------------------------------------------------------
# JSON ⇄ dataclasses
# ---------------------------------------------------------------------------------------


def _opt_int(value: Any) -> int | None:
    return int(value) if value is not None else None


def rubric_from_json(data: dict[str, Any], path: Path | None = None) -> Rubric:
    """Build a :class:`Rubric` from the file shape (already schema-valid)."""
    try:
        return _from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        where = str(path) if path is not None else "<dữ liệu>"
        raise RubricError(
            path=where,
            reason=f"thiếu hoặc sai trường {exc}",
            reason_en=f"a field is missing or wrong: {exc}",
        ) from exc


def _from_json(data: dict[str, Any]) -> Rubric:
    def option(o: dict[str, Any]) -> Option:
        return Option(
            stt=int(o["stt"]),
            ten=o["ten"],
            diem=int(o["diem"]),
            sao_toi_thieu=_opt_int(o.get("sao_toi_thieu")),
            ghi_chu=o.get("ghi_chu"),
            truong_hop=o.get("truong_hop"),
            nguon_dong=_opt_int(o.get("nguon_dong")),
        )

    def criterion(c: dict[str, Any]) -> Criterion:
        return Criterion(
            so=c["so"],
            ten=c["ten"],
            diem=int(c["diem"]),
            lua_chon=tuple(option(o) for o in c["lua_chon"]),
            yeu_cau=tuple(c.get("yeu_cau", ())),
            dieu_kien=tuple(c.get("dieu_kien", ())),
            ghi_chu=tuple(c.get("ghi_chu", ())),
            truong_hop=tuple(Case(t["ma"], t["ten"]) for t in c.get("truong_hop", ())),
            lua_chon_bo_sung=bool(c.get("lua_chon_bo_sung", False)),
            nguon_dong=_opt_int(c.get("nguon_dong")),
        )

    def group(g: dict[str, Any]) -> Group:
        return Group(
            so=g["so"],
            ten=g["ten"],
            diem=int(g["diem"]),
            tieu_chi=tuple(criterion(c) for c in g["tieu_chi"]),
            nhom_con=tuple(
                SubHeading(
                    s["so"], s["ten"], int(s["diem"]), tuple(s["tieu_chi"]),
                    _opt_int(s.get("nguon_dong")),
                )
                for s in g.get("nhom_con", ())
            ),
            nguon_dong=_opt_int(g.get("nguon_dong")),
        )  # fmt: skip

    nguon = data.get("nguon")
    return Rubric(
        bo_san_pham=int(data["bo_san_pham"]),
        ten=data["ten"],
        bo_tieu_chi=data.get("bo_tieu_chi", DEFAULT_REGIME),
        khong_chinh_thuc=bool(data.get("khong_chinh_thuc", False)),
        nhom=data.get("nhom"),
        tieu_de=data.get("tieu_de"),
        tieu_de_phu=data.get("tieu_de_phu"),
        san_pham=data.get("san_pham"),
        nhom_san_pham=data.get("nhom_san_pham"),
        loai_khi=tuple(data.get("loai_khi", ())),
        loai_khi_nguyen_van=tuple(data.get("loai_khi_nguyen_van", ())),
        loai_trong_tieu_chi=tuple(
            CriterionDisqualification(x["tieu_chi"], x["noi_dung"])
            for x in data.get("loai_trong_tieu_chi", ())
        ),
        quy_tac=tuple(
            RubricRule(
                loai=x["loai"],
                tieu_chi=x["tieu_chi"],
                noi_dung=x["noi_dung"],
                lua_chon=_opt_int(x.get("lua_chon")),
                khi_0_diem=tuple(x.get("khi_0_diem", ())),
                nguon_dong=_opt_int(x.get("nguon_dong")),
            )
            for x in data.get("quy_tac", ())
        ),
        ghi_chu_dau_sao=data.get("ghi_chu_dau_sao"),
        tong_diem=int(data.get("tong_diem", 100)),
        phan=tuple(
            Part(
                ma=p["ma"],
                ten=p["ten"],
                diem=int(p["diem"]),
                muc=tuple(group(g) for g in p["muc"]),
                nguon_dong=_opt_int(p.get("nguon_dong")),
            )
            for p in data["phan"]
        ),
        sua_loi_nguon=tuple(
            SourceCorrection(int(s["dong"]), s["nguyen_van"], s["su_dung"], s["ly_do"])
            for s in data.get("sua_loi_nguon", ())
        ),
        luu_y_nguon=tuple(
            SourceRemark(int(s["dong"]), s["nguyen_van"], s["ly_do"])
            for s in data.get("luu_y_nguon", ())
        ),
        nguon=(
            SourceRef(
                van_ban=nguon["van_ban"],
                dong_dau=int(nguon["dong_dau"]),
                dong_cuoi=int(nguon["dong_cuoi"]),
                dong_loai_khi=tuple(int(x) for x in nguon.get("dong_loai_khi", ())),
                dong_tong_cong=_opt_int(nguon.get("dong_tong_cong")),
            )
            if nguon is not None
            else None
        ),
    )


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Optional fields are written only when they carry something (as the converter does)."""
    if value is None or value == () or value is False:
        return
    out[key] = list(value) if isinstance(value, tuple) else value


def rubric_to_json(r: Rubric) -> dict[str, Any]:
    """The rubric in the file shape of ``schemas/rubric.schema.json``."""

    def option(o: Option) -> dict[str, Any]:
        out: dict[str, Any] = {
            "stt": o.stt,
            "ten": o.ten,
            "diem": o.diem,
            "sao_toi_thieu": o.sao_toi_thieu,
        }
        _put(out, "ghi_chu", o.ghi_chu)
        _put(out, "truong_hop", o.truong_hop)
        _put(out, "nguon_dong", o.nguon_dong)
        return out

    def criterion(c: Criterion) -> dict[str, Any]:
        out: dict[str, Any] = {
            "so": c.so,
            "ten": c.ten,
            "diem": c.diem,
            "lua_chon": [option(o) for o in c.lua_chon],
        }
        _put(out, "yeu_cau", c.yeu_cau)
        _put(out, "dieu_kien", c.dieu_kien)
        _put(out, "ghi_chu", c.ghi_chu)
        if c.truong_hop:
            out["truong_hop"] = [{"ma": t.ma, "ten": t.ten} for t in c.truong_hop]
        _put(out, "lua_chon_bo_sung", c.lua_chon_bo_sung)
        _put(out, "nguon_dong", c.nguon_dong)
        return out

    def group(g: Group) -> dict[str, Any]:
        out: dict[str, Any] = {
            "so": g.so,
            "ten": g.ten,
            "diem": g.diem,
            "tieu_chi": [criterion(c) for c in g.tieu_chi],
        }
        if g.nhom_con:
            subs = []
            for s in g.nhom_con:
                sj: dict[str, Any] = {
                    "so": s.so,
                    "ten": s.ten,
                    "diem": s.diem,
                    "tieu_chi": list(s.tieu_chi),
                }
                _put(sj, "nguon_dong", s.nguon_dong)
                subs.append(sj)
            out["nhom_con"] = subs
        _put(out, "nguon_dong", g.nguon_dong)
        return out

    def part(p: Part) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ma": p.ma,
            "ten": p.ten,
            "diem": p.diem,
            "muc": [group(g) for g in p.muc],
        }
        _put(out, "nguon_dong", p.nguon_dong)
        return out

    out: dict[str, Any] = {
        "$schema": SCHEMA_REF,
        "bo_san_pham": r.bo_san_pham,
        "ten": r.ten,
        "bo_tieu_chi": r.bo_tieu_chi,
    }
    _put(out, "khong_chinh_thuc", r.khong_chinh_thuc)
    for key in ("nhom", "tieu_de", "tieu_de_phu", "san_pham"):
        _put(out, key, getattr(r, key))
    out["nhom_san_pham"] = r.nhom_san_pham
    out["loai_khi"] = list(r.loai_khi)
    out["loai_khi_nguyen_van"] = list(r.loai_khi_nguyen_van)
    out["loai_trong_tieu_chi"] = [
        {"tieu_chi": x.tieu_chi, "noi_dung": x.noi_dung} for x in r.loai_trong_tieu_chi
    ]
    rules = []
    for x in r.quy_tac:
        rj: dict[str, Any] = {"loai": x.loai, "tieu_chi": x.tieu_chi, "noi_dung": x.noi_dung}
        _put(rj, "lua_chon", x.lua_chon)
        _put(rj, "khi_0_diem", x.khi_0_diem)
        _put(rj, "nguon_dong", x.nguon_dong)
        rules.append(rj)
    out["quy_tac"] = rules
    out["ghi_chu_dau_sao"] = r.ghi_chu_dau_sao
    out["tong_diem"] = r.tong_diem
    out["phan"] = [part(p) for p in r.phan]
    out["sua_loi_nguon"] = [
        {"dong": s.dong, "nguyen_van": s.nguyen_van, "su_dung": s.su_dung, "ly_do": s.ly_do}
        for s in r.sua_loi_nguon
    ]
    out["luu_y_nguon"] = [
        {"dong": s.dong, "nguyen_van": s.nguyen_van, "ly_do": s.ly_do} for s in r.luu_y_nguon
    ]
    if r.nguon is not None:
        nguon: dict[str, Any] = {
            "van_ban": r.nguon.van_ban,
            "dong_dau": r.nguon.dong_dau,
            "dong_cuoi": r.nguon.dong_cuoi,
            "dong_loai_khi": list(r.nguon.dong_loai_khi),
        }
        _put(nguon, "dong_tong_cong", r.nguon.dong_tong_cong)
        out["nguon"] = nguon
    return out
