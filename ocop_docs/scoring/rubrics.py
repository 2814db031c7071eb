"""The rubric model: the 26 official rubrics ("Bộ tiêu chí đánh giá sản phẩm OCOP") as data.

Each rubric of QĐ 26/2026/QĐ-TTg Phụ lục II is one frozen tree of dataclasses::

    Rubric ─ phan: Part (A, B, C) ─ muc: Group ("1. TỔ CHỨC SẢN XUẤT")
           ─ tieu_chi: Criterion (a scored leaf: "1.1", or "7" for a mục with direct
             options, or "6.1.1" for a third-level criterion) ─ lua_chon: Option

Third-level criteria are kept flat in their mục; the second-level heading that groups
them ("6.1. Ngoại hình" in set 11) is a :class:`SubHeading` in ``Group.nhom_con``.
Scorecards are keyed by leaf numbers (``Criterion.so``); each rubric indexes its leaves and
headings once, when it is built.

Field names follow the JSON files (``schemas/rubrics/<regime>/bo-NN.json``), so officials
can map one to the other; reading and checking those files is
:mod:`ocop_docs.scoring.rubric_files`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ocop_docs.rules.regimes import DEFAULT_REGIME

__all__ = [
    "Case",
    "Criterion",
    "CriterionDisqualification",
    "Group",
    "Option",
    "Part",
    "Rubric",
    "RubricRule",
    "SourceCorrection",
    "SourceRef",
    "SourceRemark",
    "SubHeading",
]


@dataclass(frozen=True)
class Option:
    """One "□" row of a criterion."""

    stt: int
    ten: str
    diem: int
    sao_toi_thieu: int | None = None
    ghi_chu: str | None = None
    truong_hop: str | None = None
    nguon_dong: int | None = None


@dataclass(frozen=True)
class Case:
    """One of the alternative cases of a set-26 criterion ("a. Trường hợp 1: …")."""

    ma: str
    ten: str


@dataclass(frozen=True)
class Criterion:
    """A scored leaf: the council picks exactly one of its options."""

    so: str
    ten: str
    diem: int
    lua_chon: tuple[Option, ...]
    yeu_cau: tuple[str, ...] = ()
    dieu_kien: tuple[str, ...] = ()
    ghi_chu: tuple[str, ...] = ()
    truong_hop: tuple[Case, ...] = ()
    lua_chon_bo_sung: bool = False
    nguon_dong: int | None = None
    # Options carrying a star-minimum marker, worked out once (scoring asks for every card).
    markers: tuple[Option, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        marked = tuple(o for o in self.lua_chon if o.sao_toi_thieu is not None)
        object.__setattr__(self, "markers", marked)

    def option(self, stt: int) -> Option | None:
        """The option with this number (1-based, text order), or None."""
        if 1 <= stt <= len(self.lua_chon):
            return self.lua_chon[stt - 1]
        return None


@dataclass(frozen=True)
class SubHeading:
    """A second-level heading over third-level criteria ("6.1. Ngoại hình | 4")."""

    so: str
    ten: str
    diem: int
    tieu_chi: tuple[str, ...]
    nguon_dong: int | None = None


@dataclass(frozen=True)
class Group:
    """A mục ("1. TỔ CHỨC SẢN XUẤT | 18")."""

    so: str
    ten: str
    diem: int
    tieu_chi: tuple[Criterion, ...]
    nhom_con: tuple[SubHeading, ...] = ()
    nguon_dong: int | None = None


@dataclass(frozen=True)
class Part:
    """Phần A, B or C (QĐ 26/2026 Điều 3.1: 40, 25, 35 points)."""

    ma: str
    ten: str
    diem: int
    muc: tuple[Group, ...]
    nguon_dong: int | None = None


@dataclass(frozen=True)
class SourceCorrection:
    """A slip of the legal text and what the data uses instead (``sua_loi_nguon``)."""

    dong: int
    nguyen_van: str
    su_dung: str
    ly_do: str


@dataclass(frozen=True)
class SourceRemark:
    """An irregularity kept as printed (``luu_y_nguon``)."""

    dong: int
    nguyen_van: str
    ly_do: str


@dataclass(frozen=True)
class CriterionDisqualification:
    """A "Bị loại nếu …" note printed inside a criterion."""

    tieu_chi: str
    noi_dung: str


@dataclass(frozen=True)
class RubricRule:
    """A rule printed inside a criterion and applied by the scorer (``quy_tac``, issue 11).

    ``loai`` is the kind: ``"loai"`` disqualifies ("Bị loại nếu …"), ``"dung"`` stops the
    evaluation at the criterion ("… sẽ không đánh giá các bước tiếp theo"), ``"yeu_cau"``
    is a precondition of the criterion's options ("Yêu cầu: 100% sản phẩm …"). A rule with
    ``khi_0_diem`` applies by itself when one of those criteria scores 0 (set 16); the
    others when the evaluator finds their condition (a card's ``quy_tac_ap_dung``).
    """

    loai: str
    tieu_chi: str
    noi_dung: str
    lua_chon: int | None = None
    khi_0_diem: tuple[str, ...] = ()
    nguon_dong: int | None = None


@dataclass(frozen=True)
class SourceRef:
    van_ban: str
    dong_dau: int
    dong_cuoi: int
    dong_loai_khi: tuple[int, ...] = ()
    dong_tong_cong: int | None = None


@dataclass(frozen=True)
class Rubric:
    """One product set's rubric, which is also the council member's scoring sheet."""

    bo_san_pham: int
    ten: str
    phan: tuple[Part, ...]
    bo_tieu_chi: str = DEFAULT_REGIME
    nhom: str | None = None
    tieu_de: str | None = None
    tieu_de_phu: str | None = None
    san_pham: str | None = None
    nhom_san_pham: str | None = None
    loai_khi: tuple[str, ...] = ()
    loai_khi_nguyen_van: tuple[str, ...] = ()
    loai_trong_tieu_chi: tuple[CriterionDisqualification, ...] = ()
    quy_tac: tuple[RubricRule, ...] = ()
    ghi_chu_dau_sao: str | None = None
    tong_diem: int = 100
    sua_loi_nguon: tuple[SourceCorrection, ...] = ()
    luu_y_nguon: tuple[SourceRemark, ...] = ()
    nguon: SourceRef | None = None
    # Not from the official text (QĐ 148/2023: a scoring app's export); every score made
    # with it carries the warning scorecard-rubric-unofficial.
    khong_chinh_thuc: bool = False
    # The schemas folder the rubric was read from (None: the shipped data), so that the facts
    # of its regime (bands, marker levels) come from the same folder (``--schemas-dir``).
    schemas_dir: Path | None = field(default=None, compare=False, repr=False)

    # The index of the leaves and of the second-level headings, built once per rubric. A
    # cache keyed by the rubric would hash the whole frozen tree on every lookup (~84 µs,
    # most of the time of scoring a card).
    _leaves: tuple[Criterion, ...] = field(init=False, repr=False, compare=False)
    _by_number: dict[str, Criterion] = field(init=False, repr=False, compare=False)
    _headings: dict[str, SubHeading] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        leaves = tuple(c for p in self.phan for g in p.muc for c in g.tieu_chi)
        headings: dict[str, SubHeading] = {}
        for p in self.phan:
            for g in p.muc:
                for s in g.nhom_con:
                    headings.setdefault(s.so, s)
        object.__setattr__(self, "_leaves", leaves)
        # Two leaves with one number never pass the rubric file checks.
        object.__setattr__(self, "_by_number", {c.so: c for c in leaves})
        object.__setattr__(self, "_headings", headings)

    def criteria(self) -> tuple[Criterion, ...]:
        """All scored leaves, in printed order."""
        return self._leaves

    def walk(self) -> Iterator[tuple[Part, Group, Criterion]]:
        for p in self.phan:
            for g in p.muc:
                for c in g.tieu_chi:
                    yield p, g, c

    def criterion(self, so: str) -> Criterion | None:
        """The scored leaf numbered ``so`` ("1.1", "7", "6.1.1"), or None."""
        return self._by_number.get(so)

    def rule(self, so: str) -> RubricRule | None:
        """The rule printed in criterion ``so`` that the evaluator applies, or None."""
        return next((r for r in self.quy_tac if r.tieu_chi == so and not r.khi_0_diem), None)

    def subheading(self, so: str) -> SubHeading | None:
        """The second-level heading numbered ``so`` ("6.1" of set 11), or None."""
        return self._headings.get(so)

    def marker_counts(self) -> dict[int, int]:
        """Number of star-minimum markers per level {3: …, 4: …, 5: …}."""
        counts = {3: 0, 4: 0, 5: 0}
        for c in self.criteria():
            for o in c.markers:
                assert o.sao_toi_thieu is not None
                counts[o.sao_toi_thieu] += 1
        return counts
