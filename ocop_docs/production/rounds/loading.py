"""Loading a round: a round file (or round data from a spreadsheet) → a checked :class:`Round`.

Loading never raises for a bad file: problems become :class:`~ocop_docs.errors.Issue`
values, exactly as for dossiers (architecture §4.3);
:func:`~ocop_docs.production.rounds.model.require_valid` turns a round with errors into an
:class:`~ocop_docs.errors.InputError` for the document producers. The checks a council
result must pass are in :mod:`ocop_docs.production.rounds.checks`.

A product may carry each member's full scorecard (``phieu``: member id → the card, or the
path of a card file) instead of, or besides, the totals. The cards are scored against the
product set's rubric (:func:`ocop_docs.scoring.card.score_card`), the totals come from
them, and the council result applies the star minimum markers
(:func:`ocop_docs.scoring.card.council_result` with the cards: a marker counts as met when
at least half of the members met it). Problems in a card become ``round-scorecard-invalid``
/ ``round-scorecard-warning`` issues that carry the scoring problem's own message.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_docs.confined import Refused, named_path
from ocop_docs.errors import Issue
from ocop_docs.production.inputs import read_dossier_data
from ocop_docs.production.printing import format_address
from ocop_docs.production.rounds.checks import (
    check_card_outcome,
    check_certificates,
    check_council_size,
    check_decision,
    check_meeting,
    check_quorum,
    check_signers,
    check_spread,
    check_totals,
)
from ocop_docs.production.rounds.deadlines import check_deadlines
from ocop_docs.production.rounds.model import (
    Member,
    MemberCard,
    ProductResult,
    Round,
    exact_score,
    outside_params,
)
from ocop_docs.production.wording import wording
from ocop_docs.rules.regimes import DEFAULT_REGIME, rubric_regimes
from ocop_docs.scoring.card import Scorecard, score_card
from ocop_docs.scoring.card_file import CardReadError, read_card
from ocop_docs.scoring.council import council_result
from ocop_docs.scoring.rubric_files import load_rubric, rubric_for_set
from ocop_docs.scoring.rubrics import Rubric
from ocop_docs.text.decoding import nfc_tree
from ocop_docs.text.documents import LoadedDocument, load_document
from ocop_docs.text.pointers import escape
from ocop_docs.validation.checks.schema import check_schema

ROUND_SCHEMA = "round.schema.json"


def load_round(path: Path | str, *, allow: Sequence[Path] = ()) -> Round:
    """Load and check a round file. Never raises for a bad file: see ``Round.issues``.

    The dossiers and scorecards it names are read from its own folder, or from the folders
    in ``allow`` (the user's ``--allow``); any other path is refused unread."""
    path = Path(path)
    doc = load_document(path)
    rnd = Round(path=path, issues=list(doc.issues), allow=tuple(allow))
    if doc.data is None or any(i.severity == "error" for i in doc.issues):
        return rnd
    if not isinstance(doc.data, dict):
        rnd.issues.append(Issue("round-not-mapping", params={"path": str(path)}))
        return rnd
    return _checked(rnd, doc)


def round_from_data(data: dict[str, Any], path: Path, *, allow: Sequence[Path] = ()) -> Round:
    """:func:`load_round` for data already in memory: a spreadsheet (of any size: round
    files are limited to 1 MB, result sheets of thousands of rows are not), or a round
    without its bad products. ``path`` resolves relative dossier and scorecard paths."""
    rnd = Round(path=path, allow=tuple(allow))
    return _checked(rnd, LoadedDocument(path=path, data=data))


def _checked(rnd: Round, doc: LoadedDocument) -> Round:
    """The steps after reading: the schema, then (without errors) members and products."""
    rnd.issues.extend(check_schema(doc, ROUND_SCHEMA))
    rnd.data = nfc_tree(doc.data)
    if rnd.errors:
        return rnd
    _build(rnd, doc)
    return rnd


def _build(rnd: Round, doc: LoadedDocument) -> None:
    data = rnd.data or {}
    regime, level = str(data["bo_tieu_chi"]), str(data["cap"])
    # A level of cong_nhan, or a council of the regime's procedure that only scores and
    # forwards (QĐ 1048 Phụ lục II mục 1.a: a district round).
    rnd.competence = rnd.rules.round_competence(level)
    if rnd.competence is None:
        levels = wording().levels
        rnd.issues.append(
            doc.issue(
                "round-level-not-competent",
                "/cap",
                regime=regime,
                level=levels[level]["vi"],
                level_en=levels[level]["en"],
            )
        )
    _build_members(rnd, doc, data)
    check_quorum(rnd, doc)
    check_council_size(rnd, doc)
    check_meeting(rnd, doc, data)
    spread_max = Fraction(str(rnd.settings.get("chenh_lech_toi_da", rnd.rules.council.spread_max)))
    has_cards = any(isinstance(raw, dict) and raw.get("phieu") for raw in data["san_pham"])
    card_positions = _card_positions(doc) if has_cards else {}
    for i, raw in enumerate(data["san_pham"]):
        product = _build_product(rnd, doc, i, raw, spread_max, card_positions)
        if product is not None:
            rnd.products.append(product)
    check_decision(rnd, doc, data)
    check_deadlines(rnd, doc, data)
    check_certificates(rnd, doc, data)
    check_signers(rnd, doc, data)


def _build_members(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
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


def _build_product(
    rnd: Round,
    doc: LoadedDocument,
    i: int,
    raw: dict[str, Any],
    spread_max: Fraction,
    card_positions: dict[str, dict[str, tuple[int, int]]],
) -> ProductResult | None:
    base = f"/san_pham/{i}"
    dossier: dict[str, Any] | None = None
    dossier_path: Path | None = None
    if raw.get("ho_so"):
        try:
            target = named_path(rnd.path.parent, str(raw["ho_so"]), rnd.allow)
        except Refused as exc:
            rnd.issues.append(_outside(rnd, doc, f"{base}/ho_so", str(raw["ho_so"]), exc))
            return None
        dossier, load_issues, dossier_path = read_dossier_data(target)
        if dossier is None:
            rnd.issues.append(
                doc.issue(
                    "round-dossier-unreadable",
                    f"{base}/ho_so",
                    path=str(raw["ho_so"]),
                    reason="; ".join(i.message("vi") for i in load_issues) or "?",
                    reason_en="; ".join(i.message("en") for i in load_issues) or "?",
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
        choice = raw.get(
            "so_bo_tieu_chi", ((dossier or {}).get("tu_danh_gia") or {}).get("so_bo_tieu_chi")
        )
        rubric = _product_rubric(rnd, doc, base, bo, str(ten), choice)
        if rubric is None:
            return None
        cards = _product_cards(rnd, doc, base, raw["phieu"], rubric, str(ten), card_positions)
        if not cards:
            return None
        if raw.get("diem") is not None:
            check_totals(rnd, doc, base, raw["diem"], cards, str(ten))
        scores = [(c.member, Fraction(c.result.tong_diem)) for c in cards]
        # The council decides disqualification (bi_loai); a member's own "loai" only warns,
        # but a rule printed in the rubric ("Bị loại nếu …") found by half of the cards
        # disqualifies under its criterion, and a stop rule ends the ranking (issue 11):
        # the product carries that specific ground.
        result = council_result(
            None,
            rubric,
            [c.card for c in cards],
            spread_max,
            minimum_mode=rnd.minimum_mode,
            loai=bool(disqualified),
        )
        if not disqualified and result.ly_do_loai:
            disqualified = result.ly_do_loai[0].upper() + result.ly_do_loai[1:]
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
        regime=str((rnd.data or {}).get("bo_tieu_chi", DEFAULT_REGIME)),
        dossier=dossier,
        dossier_path=dossier_path,
        inline=dict(raw),
        disqualified=disqualified,
        competence=rnd.competence,
        cards=cards,
        rubric=rubric,
    )
    if cards:
        check_card_outcome(rnd, doc, base, product)
    check_spread(rnd, doc, base, product, spread_max)
    return product


def _outside(rnd: Round, doc: LoadedDocument, pointer: str, path: str, exc: Refused) -> Issue:
    """A file the round names that lies outside the folders it may read, or is reached
    through a link (:func:`~ocop_docs.confined.named_path`): refused unread (issue 9)."""
    if exc.code == "file-symlink":
        refused = Issue("file-symlink", params={"path": exc.reason})
        code = "round-scorecard-unreadable" if "/phieu/" in pointer else "round-dossier-unreadable"
        issue = doc.issue(code, pointer, path=path, reason=refused.message("vi"))
        issue.params.update(reason_en=refused.message("en"), member=pointer.rsplit("/", 1)[-1])
        return issue
    return doc.issue("round-path-outside", pointer, **outside_params(rnd.path, path))


def _product_rubric(
    rnd: Round, doc: LoadedDocument, base: str, bo: Any, product: str, choice: Any = None
) -> Rubric | None:
    """The rubric the members' cards are scored against, or None (an issue is recorded)."""
    regime = str((rnd.data or {}).get("bo_tieu_chi", DEFAULT_REGIME))
    if isinstance(bo, bool) or not isinstance(bo, int) or not 1 <= bo <= 26:
        rnd.issues.append(doc.issue("round-scorecard-no-set", f"{base}/phieu", product=product))
        return None
    if regime not in rubric_regimes():
        rnd.issues.append(
            doc.issue(
                "round-scorecard-no-rubric",
                f"{base}/phieu",
                product=product,
                regime=regime,
                known=", ".join(sorted(rubric_regimes())),
            )
        )
        return None
    # The product set's rubric under the round's regime (QĐ 1048 numbers them differently).
    number, problem = rubric_for_set(bo, regime, choice)
    if number is None:
        assert problem is not None
        rnd.issues.append(
            doc.issue(
                "round-scorecard-no-set-rubric",
                f"{base}/phieu",
                product=product,
                reason=problem.message("vi"),
                reason_en=problem.message("en"),
                hint=problem.hint("vi"),
                hint_en=problem.hint("en"),
            )
        )
        return None
    # A shipped regime missing one set's file is a broken installation (RubricError, exit 3).
    return load_rubric(number, regime)


def _card_issue(
    doc: LoadedDocument,
    problem: Issue,
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
    if problem.params.get("tuy_chon_bo_tieu_chi"):
        # The hint's "ocop-docs rubric show N" of the round's regime (" --regime 1048/2019").
        issue.params["tuy_chon_bo_tieu_chi"] = problem.params["tuy_chon_bo_tieu_chi"]
    return issue


def _card_positions(doc: LoadedDocument) -> dict[str, dict[str, tuple[int, int]]]:
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
    doc: LoadedDocument,
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
            try:
                file = named_path(rnd.path.parent, value, rnd.allow)
            except Refused as exc:
                rnd.issues.append(_outside(rnd, doc, pointer, value, exc))
                continue
            try:
                card = read_card(file, named=False)  # a link named by the round: refused
            except CardReadError as exc:
                # The reason goes on with the line: its own full stop would end it early.
                at = (f", dòng {exc.line}", f", line {exc.line}") if exc.line else ("", "")
                rnd.issues.append(
                    doc.issue(
                        "round-scorecard-unreadable",
                        pointer,
                        path=value,
                        member=ma,
                        reason=exc.detail.rstrip(".") + at[0],
                        reason_en=exc.detail_en.rstrip(".") + at[1],
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


def _product_scores(
    rnd: Round, doc: LoadedDocument, base: str, raw: Any
) -> list[tuple[Member, Fraction]]:
    scorers = rnd.scorers
    if isinstance(raw, list):
        if len(raw) != len(scorers):
            rnd.issues.append(
                doc.issue(
                    "round-scores-count", f"{base}/diem", given=len(raw), expected=len(scorers)
                )
            )
        return [(m, exact_score(v)) for m, v in zip(scorers, raw, strict=False)]
    out: list[tuple[Member, Fraction]] = []
    for ma, value in raw.items():
        member = rnd.member(str(ma))
        if member is None:
            rnd.issues.append(doc.issue("round-member-unknown", f"{base}/diem/{ma}", member=ma))
        elif not member.co_mat:
            rnd.issues.append(doc.issue("round-member-absent", f"{base}/diem/{ma}", member=ma))
        else:
            out.append((member, exact_score(value)))
    for member in scorers:
        if member.ma not in raw:
            rnd.issues.append(doc.issue("round-score-missing", f"{base}/diem", member=member.ma))
    return out


__all__ = ["ROUND_SCHEMA", "load_round", "round_from_data"]
