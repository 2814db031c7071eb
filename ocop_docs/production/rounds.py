"""Evaluation rounds: the round file, its validation, and each product's star result.

A round file (``samples/dot-danh-gia/<name>.yaml``, schema ``schemas/round.schema.json``)
holds the issuing body, the council and its members, the meeting, the products with every
member's total score, and the recognition decision. Loading never raises for a bad file:
problems become :class:`~ocop_docs.validation.report.Issue` values, exactly as for dossiers
(architecture §4.3); :func:`require_valid` turns a round with errors into an
:class:`~ocop_docs.errors.InputError` for the document producers.

The result of a product follows QĐ 26/2026 Điều 3.3 (bands on the "Tổng điểm trung bình",
the mean of the members' totals) and Điều 4.1, 7.3.e (who recognises which stars); the
mean is kept exact as a :class:`~fractions.Fraction` for banding (69,995 is 3 sao) and only
rounded for display. The council settings (spread, quorum) are provincial practice from a
Quy chế (brief §6.5) and configurable per round under ``cau_hinh``.

A product may carry each member's full scorecard (``phieu``: member id → the card, or the
path of a card file) instead of, or besides, the totals. The cards are scored against the
product set's rubric (:func:`ocop_docs.scoring.card.score_card`), the totals come from them, and
the council result applies the star minimum markers (:func:`ocop_docs.scoring.card.council_result`
with the cards: a marker counts as met when at least half of the members met it). Problems
in a card become ``round-scorecard-invalid`` / ``round-scorecard-warning`` issues that
carry the scoring problem's own message.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.wording import wording
from ocop_docs.scoring.card import (
    DEFAULT_SPREAD_MAX,
    STAR_BANDS,
    CardReadError,
    CouncilResult,
    Problem,
    Scorecard,
    ScoreResult,
    council_result,
    read_card,
    score_card,
    star_band,
)
from ocop_docs.scoring.rubrics import RUBRIC_DIRS, Rubric, load_rubric
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import (
    format_points,
    format_score,
    parse_datetime,
    round_points,
)
from ocop_docs.text.pointers import escape

ROUND_SCHEMA = "round.schema.json"

# --- rules as data ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Competence:
    """What a level may recognise under a regime, and from which mean it proposes upwards."""

    stars: tuple[int, ...]
    forward_from: int | None = None
    forward_to: str | None = None


# Who recognises which stars (brief §1.3):
# 26/2026 Điều 4.1.a/b, 7.3.e, 7.4.e; 1048/2019 (province 3–4★, Ministry 5★ from 90 points);
# 148/2023 (district 3★ and forwards from 70; province 4★, and 3★ after QĐ 1489/2025).
COMPETENCE: dict[tuple[str, str], Competence] = {
    ("26/2026", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("26/2026", "trung_uong"): Competence((5,)),
    ("1048/2019", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("1048/2019", "trung_uong"): Competence((5,)),
    ("148/2023", "huyen"): Competence((3,), 70, "tinh"),
    ("148/2023", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("148/2023", "trung_uong"): Competence((5,)),
}

# Provincial practice (brief §6.5, [PRACTICE]): defaults of a council's Quy chế.
DEFAULT_QUORUM = Fraction(3, 4)
DEFAULT_CHAIR_REQUIRED = True
DEFAULT_VALIDITY_MONTHS = 36  # QĐ 26/2026 Điều 4.3

# cau_hinh.che_do_toi_thieu → scoring's minimum_mode: lower the star to the highest level
# whose minimum markers are met, or only warn (brief §3.5: how councils apply the markers is
# unconfirmed, so both are offered).
MinimumMode = Literal["lower", "warn"]
MINIMUM_MODE_BY_SETTING: dict[str, MinimumMode] = {"ha_hang": "lower", "canh_bao": "warn"}


def band(mean: Fraction | int | float, regime: str = "26/2026") -> int:
    """Stars for a "Tổng điểm trung bình" (QĐ 26/2026 Điều 3.3), on the exact value."""
    return star_band(mean, regime)


def display_mean(mean: Fraction, regime: str = "26/2026") -> str:
    """Two decimals with a decimal comma, never rounded up across a band boundary.

    Half-up rounding would print 69,995 as "70,00" next to "3 sao"; an official document
    must not contradict itself, so a mean just below a boundary is cut instead ("69,99").
    [DESIGN] (brief §3.9 asks only for two decimals).
    """
    shown = round_points(mean)
    for lower, _stars in STAR_BANDS[regime]:
        if mean < lower <= shown:
            return format_points(Fraction(math.floor(mean * 100), 100))
    return format_points(mean)


# --- the model ------------------------------------------------------------------------------


@dataclass(slots=True)
class Member:
    ma: str
    ho_ten: str
    vai_tro: str
    chuc_vu: str = ""
    co_mat: bool = True
    cham_diem: bool = True

    @property
    def role_name(self) -> str:
        return wording().roles.get(self.vai_tro, self.vai_tro)


@dataclass(slots=True)
class MemberCard:
    """One member's scorecard for one product, scored against the product's rubric."""

    member: Member
    card: Scorecard
    result: ScoreResult
    file: Path | None = None  # the card file, when the round file points to one

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.card.data) if isinstance(self.card.data, dict) else {}


@dataclass(slots=True)
class ProductResult:
    """One product of a round with its council result (:func:`ocop_docs.scoring.card.council_result`)."""

    index: int  # 1-based position in the round file ("--product N")
    ten: str
    chu_the: str
    dia_chi: str
    bo_san_pham: int | None
    ma_san_pham: str
    scores: list[tuple[Member, Fraction]]
    result: CouncilResult
    regime: str = "26/2026"
    dossier: dict[str, Any] | None = None
    dossier_path: Path | None = None
    inline: dict[str, Any] = field(default_factory=dict)
    disqualified: str = ""
    competence: Competence | None = None
    cards: list[MemberCard] = field(default_factory=list)
    rubric: Rubric | None = None

    @property
    def lowered(self) -> bool:
        """The minimum markers lowered the star below the band of the mean (brief §3.5)."""
        r = self.result
        return not r.loai and r.hang_sao < r.hang_theo_diem

    @property
    def mean(self) -> Fraction:
        """The "Tổng điểm trung bình" (QĐ 26/2026 Điều 3.3), exact."""
        return self.result.diem_trung_binh

    @property
    def mean_text(self) -> str:
        return display_mean(self.mean, self.regime)

    @property
    def stars(self) -> int:
        """Band of the mean; 0 when the dossier was disqualified (brief §3.6, §3.9)."""
        return self.result.hang_sao

    @property
    def spread(self) -> Fraction:
        return self.result.chenh_lech

    @property
    def spread_flag(self) -> bool:
        """Member totals differ by more than the Quy chế allows (brief §6.5, [PRACTICE])."""
        return self.result.vuot_chenh_lech

    @property
    def proposed_up(self) -> bool:
        """Proposed to the next level (≥90 at the province: QĐ 26/2026 Điều 7.3.e)."""
        c = self.competence
        return bool(
            c
            and c.forward_from is not None
            and not self.disqualified
            and self.mean >= c.forward_from
        )

    @property
    def recognised(self) -> bool:
        """Gets a decision and a certificate at this level (1–2★ never: Điều 4.1.a)."""
        c = self.competence
        return bool(c and self.stars in c.stars and not self.proposed_up)


@dataclass(slots=True)
class Round:
    """A loaded round file: raw data, issues, members and product results."""

    path: Path
    data: dict[str, Any] | None = None
    issues: list[Issue] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    products: list[ProductResult] = field(default_factory=list)
    competence: Competence | None = None

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.severity == "warning")

    @property
    def valid(self) -> bool:
        return self.data is not None and self.errors == 0

    @property
    def settings(self) -> dict[str, Any]:
        return dict((self.data or {}).get("cau_hinh") or {})

    @property
    def quorum(self) -> Fraction:
        value = self.settings.get("ty_le_co_mat")
        return DEFAULT_QUORUM if value is None else Fraction(str(value))

    @property
    def chair_required(self) -> bool:
        return bool(self.settings.get("chu_tich_bat_buoc", DEFAULT_CHAIR_REQUIRED))

    @property
    def present(self) -> list[Member]:
        return [m for m in self.members if m.co_mat]

    @property
    def scorers(self) -> list[Member]:
        return [m for m in self.members if m.co_mat and m.cham_diem]

    @property
    def minimum_mode(self) -> MinimumMode:
        return MINIMUM_MODE_BY_SETTING[str(self.settings.get("che_do_toi_thieu", "ha_hang"))]

    @property
    def quorum_met(self) -> bool:
        if not self.members:
            return False
        ratio = Fraction(len(self.present), len(self.members))
        chair_ok = not self.chair_required or any(m.vai_tro == "chu_tich" for m in self.present)
        return ratio >= self.quorum and chair_ok

    def member(self, ma: str) -> Member | None:
        return next((m for m in self.members if m.ma == ma), None)

    def product(self, number: int) -> ProductResult:
        """The product at 1-based position ``number`` (``--product N``)."""
        if not 1 <= number <= len(self.products):
            raise InputError(
                "render-product-out-of-range", number=number, count=len(self.products)
            )
        return self.products[number - 1]


# --- loading --------------------------------------------------------------------------------


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(_nfc_tree(k)): _nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_tree(v) for v in value]
    return value


def read_dossier_data(path: Path) -> tuple[dict[str, Any] | None, list[Issue], Path]:
    """The data of a dossier (folder or ho-so.yaml/json), NFC, dates as ISO strings."""
    from ocop_docs.validation.loading import load_dossier

    doc = load_dossier(path)
    data = doc.data if isinstance(doc.data, dict) else None
    return data, list(doc.issues), doc.path


def _schema_issues(doc: Any) -> list[Issue]:
    from ocop_docs.validation.checks.schema import check_schema

    return check_schema(doc, ROUND_SCHEMA)


def load_round(path: Path | str) -> Round:
    """Load and check a round file. Never raises for a bad file: see ``Round.issues``."""
    from ocop_docs.text.documents import load_document

    path = Path(path)
    doc = load_document(path)
    rnd = Round(path=path, issues=list(doc.issues))
    if doc.data is None or any(i.severity == "error" for i in doc.issues):
        return rnd
    if not isinstance(doc.data, dict):
        rnd.issues.append(Issue("round-not-mapping", params={"path": str(path)}))
        return rnd
    rnd.issues.extend(_schema_issues(doc))
    rnd.data = _nfc_tree(doc.data)
    if rnd.errors:
        return rnd
    _build(rnd, doc)
    return rnd


def _build(rnd: Round, doc: Any) -> None:
    data = rnd.data or {}
    regime, level = str(data["bo_tieu_chi"]), str(data["cap"])
    rnd.competence = COMPETENCE.get((regime, level))
    if rnd.competence is None:
        rnd.issues.append(
            doc.issue(
                "round-level-not-competent",
                "/cap",
                regime=regime,
                level=wording().levels[level]["vi"],
                level_en=wording().levels[level]["en"],
            )
        )
    _build_members(rnd, doc, data)
    _check_meeting(rnd, doc, data)
    spread_max = Fraction(str(rnd.settings.get("chenh_lech_toi_da", DEFAULT_SPREAD_MAX)))
    has_cards = any(isinstance(raw, dict) and raw.get("phieu") for raw in data["san_pham"])
    card_positions = _card_positions(doc) if has_cards else {}
    for i, raw in enumerate(data["san_pham"]):
        product = _build_product(rnd, doc, i, raw, spread_max, card_positions)
        if product is not None:
            rnd.products.append(product)
    _check_decision(rnd, doc, data)


def _build_members(rnd: Round, doc: Any, data: dict[str, Any]) -> None:
    seen: set[str] = set()
    for i, raw in enumerate(data["hoi_dong"]["thanh_vien"]):
        ma = str(raw["ma"])
        if ma in seen:
            rnd.issues.append(
                doc.issue("round-member-duplicate", f"/hoi_dong/thanh_vien/{i}/ma", member=ma)
            )
            continue
        seen.add(ma)
        role = str(raw["vai_tro"])
        rnd.members.append(
            Member(
                ma=ma,
                ho_ten=str(raw["ho_ten"]),
                vai_tro=role,
                chuc_vu=str(raw.get("chuc_vu") or ""),
                co_mat=bool(raw.get("co_mat", True)),
                cham_diem=bool(raw.get("cham_diem", role != "thu_ky")),
            )
        )
    total, present = len(rnd.members), len(rnd.present)
    if total and Fraction(present, total) < rnd.quorum:
        rnd.issues.append(
            doc.issue(
                "round-quorum",
                "/hoi_dong/thanh_vien",
                present=present,
                total=total,
                quorum=f"{float(rnd.quorum):.0%}",
            )
        )
    if rnd.chair_required and not any(m.vai_tro == "chu_tich" for m in rnd.present):
        rnd.issues.append(doc.issue("round-chair-absent", "/hoi_dong/thanh_vien"))


def _check_meeting(rnd: Round, doc: Any, data: dict[str, Any]) -> None:
    hop = data["hop"]
    for key in ("chu_tri", "thu_ky"):
        ma = hop.get(key)
        if ma is not None and rnd.member(str(ma)) is None:
            rnd.issues.append(doc.issue("round-member-unknown", f"/hop/{key}", member=ma))
        elif ma is not None and not rnd.member(str(ma)).co_mat:  # type: ignore[union-attr]
            rnd.issues.append(doc.issue("round-member-absent", f"/hop/{key}", member=ma))
    start = parse_datetime(hop["bat_dau"])
    end = hop.get("ket_thuc")
    if end is not None and parse_datetime(end) < start:
        rnd.issues.append(
            doc.issue("round-meeting-times", "/hop/ket_thuc", start=hop["bat_dau"], end=end)
        )


def _check_decision(rnd: Round, doc: Any, data: dict[str, Any]) -> None:
    qd = data.get("quyet_dinh")
    if not qd:
        return
    meeting = parse_datetime(data["hop"]["bat_dau"]).date()
    signed = parse_date(qd["ngay"])
    if signed is None:
        return  # not a date: nothing to compare
    if signed < meeting:
        rnd.issues.append(
            doc.issue(
                "round-decision-before-meeting",
                "/quyet_dinh/ngay",
                decided=signed.isoformat(),
                meeting=meeting.isoformat(),
            )
        )


def _score(value: Any) -> Fraction:
    # str() first so 91.5 is 183/2 exactly, not the binary float's expansion.
    return Fraction(str(value))


def _build_product(
    rnd: Round,
    doc: Any,
    i: int,
    raw: dict[str, Any],
    spread_max: Fraction,
    card_positions: dict[str, dict[str, tuple[int, int]]],
) -> ProductResult | None:
    base = f"/san_pham/{i}"
    dossier: dict[str, Any] | None = None
    dossier_path: Path | None = None
    if raw.get("ho_so"):
        target = Path(os.path.normpath(rnd.path.parent / str(raw["ho_so"])))
        dossier, load_issues, dossier_path = read_dossier_data(target)
        if dossier is None:
            reason = "; ".join(issue.message("vi") for issue in load_issues) or "?"
            rnd.issues.append(
                doc.issue(
                    "round-dossier-unreadable",
                    f"{base}/ho_so",
                    path=str(raw["ho_so"]),
                    reason=reason,
                )
            )
            return None
    san_pham = (dossier or {}).get("san_pham") or {}
    chu_the = (dossier or {}).get("chu_the") or {}
    ten = raw.get("ten") or san_pham.get("ten")
    chu_the_ten = raw.get("chu_the") or chu_the.get("ten")
    dia_chi = raw.get("dia_chi") or format_address(chu_the.get("dia_chi"))
    if not (ten and chu_the_ten and dia_chi):
        rnd.issues.append(doc.issue("round-product-incomplete", base, number=i + 1))
        return None
    bo = raw.get("bo_san_pham", (dossier or {}).get("bo_san_pham"))
    disqualified = str(raw.get("bi_loai") or "")
    cards: list[MemberCard] = []
    rubric: Rubric | None = None
    if raw.get("phieu") is not None:
        rubric = _product_rubric(rnd, doc, base, bo, str(ten))
        if rubric is None:
            return None
        cards = _product_cards(rnd, doc, base, raw["phieu"], rubric, str(ten), card_positions)
        if not cards:
            return None
        if raw.get("diem") is not None:
            _check_totals(rnd, doc, base, raw["diem"], cards, str(ten))
        scores = [(c.member, Fraction(c.result.tong_diem)) for c in cards]
        # The council decides disqualification (bi_loai); the cards' own "loai" only warn.
        result = council_result(
            None,
            rubric,
            [c.card for c in cards],
            spread_max,
            minimum_mode=rnd.minimum_mode,
            loai=bool(disqualified),
        )
    elif raw.get("diem") is not None:
        scores = _product_scores(rnd, doc, base, raw["diem"])
        if not scores:
            return None
        result = council_result(
            [s for _m, s in scores], spread_max=spread_max, loai=bool(disqualified)
        )
    else:
        rnd.issues.append(doc.issue("round-product-no-scores", base, number=i + 1))
        return None
    product = ProductResult(
        index=i + 1,
        ten=str(ten),
        chu_the=str(chu_the_ten),
        dia_chi=str(dia_chi),
        bo_san_pham=int(bo) if isinstance(bo, int) else None,
        ma_san_pham=str(raw.get("ma_san_pham") or san_pham.get("ma_so") or ""),
        scores=scores,
        result=result,
        regime=str((rnd.data or {}).get("bo_tieu_chi", "26/2026")),
        dossier=dossier,
        dossier_path=dossier_path,
        inline=dict(raw),
        disqualified=disqualified,
        competence=rnd.competence,
        cards=cards,
        rubric=rubric,
    )
    if cards:
        _check_card_outcome(rnd, doc, base, product)
    if product.spread_flag:
        rnd.issues.append(
            doc.issue(
                "round-score-spread",
                f"{base}/diem",
                product=product.ten,
                spread=format_score(product.spread),
                limit=format_score(spread_max),
            )
        )
    return product


def _product_rubric(rnd: Round, doc: Any, base: str, bo: Any, product: str) -> Rubric | None:
    """The rubric the members' cards are scored against, or None (an issue is recorded)."""
    regime = str((rnd.data or {}).get("bo_tieu_chi", "26/2026"))
    if isinstance(bo, bool) or not isinstance(bo, int) or not 1 <= bo <= 26:
        rnd.issues.append(doc.issue("round-scorecard-no-set", f"{base}/phieu", product=product))
        return None
    if regime not in RUBRIC_DIRS:
        rnd.issues.append(
            doc.issue(
                "round-scorecard-no-rubric",
                f"{base}/phieu",
                product=product,
                regime=regime,
                known=", ".join(sorted(RUBRIC_DIRS)),
            )
        )
        return None
    # A shipped regime missing one set's file is a broken installation (RubricError, exit 3).
    return load_rubric(bo, regime)


def _card_issue(
    doc: Any,
    problem: Problem,
    pointer: str,
    *,
    member: str,
    product: str,
    file: str | None,
) -> Issue:
    """A scoring problem of one member's card as a round issue, placed in the round file.

    An inline card's problem points into the round file (its line and column); a card read
    from a file is placed at its ``phieu`` entry and the message names the file and line.
    """
    code = "round-scorecard-invalid" if problem.severity == "error" else "round-scorecard-warning"
    issue: Issue
    if file is None:
        where = where_en = ""
        issue = doc.issue(code, pointer + problem.pointer, member=member, product=product)
    else:
        line = f", dòng {problem.line}" if problem.line is not None else ""
        line_en = f", line {problem.line}" if problem.line is not None else ""
        where, where_en = f" (tệp {file}{line})", f" (file {file}{line_en})"
        issue = doc.issue(code, pointer, member=member, product=product)
    issue.params.update(
        where=where,
        where_en=where_en,
        problem=problem.message("vi"),
        problem_en=problem.message("en"),
    )
    return issue


def _card_positions(doc: Any) -> dict[str, dict[str, tuple[int, int]]]:
    """Positions inside each inline card, by the card's pointer ("/san_pham/0/phieu/tv1").

    One pass over the round file's positions, so that a round with hundreds of cards does
    not scan them once per card.
    """
    index: dict[str, dict[str, tuple[int, int]]] = {}
    for pointer, pos in doc.positions.items():
        parts = pointer.split("/", 5)
        if len(parts) >= 5 and parts[1] == "san_pham" and parts[3] == "phieu":
            card = "/".join(parts[:5])
            index.setdefault(card, {})[pointer[len(card) :]] = pos
    return index


def _product_cards(
    rnd: Round,
    doc: Any,
    base: str,
    raw: Any,
    rubric: Rubric,
    product: str,
    card_positions: dict[str, dict[str, tuple[int, int]]],
) -> list[MemberCard]:
    """Each present member's card (inline or from a file), scored; problems become issues."""
    out: list[MemberCard] = []
    if not isinstance(raw, dict):
        return out  # the schema check reports the shape
    cards: dict[str, MemberCard] = {}
    for ma, value in raw.items():
        pointer = f"{base}/phieu/{escape(str(ma))}"
        member = rnd.member(str(ma))
        if member is None:
            rnd.issues.append(doc.issue("round-member-unknown", pointer, member=ma))
            continue
        if not member.co_mat:
            rnd.issues.append(doc.issue("round-member-absent", pointer, member=ma))
            continue
        file: Path | None = None
        if isinstance(value, str):
            file = Path(os.path.normpath(rnd.path.parent / value))
            try:
                card = read_card(file)
            except CardReadError as exc:
                where = f", dòng {exc.line}" if exc.line is not None else ""
                rnd.issues.append(
                    doc.issue(
                        "round-scorecard-unreadable",
                        pointer,
                        path=value,
                        member=ma,
                        reason=f"{exc.detail}{where}",
                    )
                )
                continue
        else:
            card = Scorecard(value, rnd.path, card_positions.get(pointer, {}))
        data = card.data
        if isinstance(data, dict) and "bo_san_pham" not in data:
            # The product's set is the card's: members need not repeat it on every card.
            card = Scorecard(
                {"bo_san_pham": rubric.bo_san_pham, **data},
                card.path,
                card.positions,
                card.duplicates,
            )
        result = score_card(card, rubric, minimum_mode=rnd.minimum_mode)
        for problem in result.van_de:
            rnd.issues.append(
                _card_issue(
                    doc,
                    problem,
                    pointer,
                    member=member.ma,
                    product=product,
                    file=value if isinstance(value, str) else None,
                )
            )
        cards[member.ma] = MemberCard(member, card, result, file)
    for member in rnd.members:  # council order, whatever the order of the keys
        if member.ma in cards:
            out.append(cards[member.ma])
        elif member.co_mat and member.cham_diem:
            rnd.issues.append(doc.issue("round-score-missing", f"{base}/phieu", member=member.ma))
    return out


def _check_totals(
    rnd: Round, doc: Any, base: str, raw: Any, cards: list[MemberCard], product: str
) -> None:
    """Totals written beside the cards must be the cards' totals."""
    given: dict[str, tuple[str, Any]] = {}
    if isinstance(raw, list):
        for j, (m, v) in enumerate(zip(rnd.scorers, raw, strict=False)):
            given[m.ma] = (f"{base}/diem/{j}", v)
    elif isinstance(raw, dict):
        for ma, v in raw.items():
            given[str(ma)] = (f"{base}/diem/{escape(str(ma))}", v)
    for c in cards:
        if c.member.ma not in given:
            continue
        pointer, value = given[c.member.ma]
        if _score(value) != c.result.tong_diem:
            rnd.issues.append(
                doc.issue(
                    "round-scores-mismatch",
                    pointer,
                    member=c.member.ma,
                    product=product,
                    given=format_score(_score(value)),
                    computed=str(c.result.tong_diem),
                )
            )


def _check_card_outcome(rnd: Round, doc: Any, base: str, product: ProductResult) -> None:
    r = product.result
    if product.lowered:
        criteria = ", ".join(
            dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in r.chua_dat_toi_thieu)
        )
        criteria_en = ", ".join(
            dict.fromkeys(f"{u.tieu_chi} ({u.sao} stars)" for u in r.chua_dat_toi_thieu)
        )
        rnd.issues.append(
            doc.issue(
                "round-stars-lowered",
                f"{base}/phieu",
                product=product.ten,
                mean=product.mean_text,
                mean_en=product.mean_text.replace(",", "."),  # English writes a decimal point
                band=r.hang_theo_diem,
                stars=r.hang_sao,
                criteria=criteria,
                criteria_en=criteria_en,
            )
        )
    flagged = sum(1 for c in product.cards if c.result.loai)
    if not product.disqualified and flagged * 2 >= len(product.cards) and flagged:
        rnd.issues.append(
            doc.issue(
                "round-scorecards-disqualify",
                f"{base}/phieu",
                product=product.ten,
                count=flagged,
                total=len(product.cards),
            )
        )


def _product_scores(rnd: Round, doc: Any, base: str, raw: Any) -> list[tuple[Member, Fraction]]:
    scorers = rnd.scorers
    if isinstance(raw, list):
        if len(raw) != len(scorers):
            rnd.issues.append(
                doc.issue(
                    "round-scores-count", f"{base}/diem", given=len(raw), expected=len(scorers)
                )
            )
        return [(m, _score(v)) for m, v in zip(scorers, raw, strict=False)]
    out: list[tuple[Member, Fraction]] = []
    for ma, value in raw.items():
        member = rnd.member(str(ma))
        if member is None:
            rnd.issues.append(doc.issue("round-member-unknown", f"{base}/diem/{ma}", member=ma))
        elif not member.co_mat:
            rnd.issues.append(doc.issue("round-member-absent", f"{base}/diem/{ma}", member=ma))
        else:
            out.append((member, _score(value)))
    for member in scorers:
        if member.ma not in raw:
            rnd.issues.append(doc.issue("round-score-missing", f"{base}/diem", member=member.ma))
    return out


def format_address(value: Any) -> str:
    """One line from a dossier address mapping: "Thôn Nà Làng, xã Côn Minh, tỉnh Thái Nguyên"."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts = [value.get(k) for k in ("so_nha", "thon", "xa", "huyen", "tinh")]
    return ", ".join(str(p) for p in parts if p)


def require_valid(rnd: Round) -> Round:
    """The round itself, or :class:`InputError` (exit 1) listing its errors."""
    if rnd.data is None or rnd.errors:
        errors = [i for i in rnd.issues if i.severity == "error"]
        first = errors[0].message("vi") if errors else "?"
        raise InputError(
            "round-invalid", issues=rnd.issues, path=str(rnd.path), count=len(errors), first=first
        )
    return rnd


__all__ = [
    "COMPETENCE",
    "STAR_BANDS",
    "Competence",
    "Member",
    "MemberCard",
    "ProductResult",
    "Round",
    "band",
    "display_mean",
    "format_address",
    "load_round",
    "read_dossier_data",
    "require_valid",
]
