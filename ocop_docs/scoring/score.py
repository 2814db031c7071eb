"""Score: the library form of ``ocop-docs rubric score`` (and of ``POST /api/v1/score``).

Which rubric a card is scored against (its ``bo_san_pham``, or ``--bo``, and its
``bo_tieu_chi``), and the JSON the verb prints, in one place so that the command line and
the service answer the same. :func:`score_file` is the command line's form, for a card read
from a file: a card that cannot be scored at all raises :class:`CardUnusable` (exit 1),
which names the file and carries the place in question, so the error reads
``phieu.yaml:1:1: …``; problems of a card that can be scored are data, in
:attr:`ScoreResult.van_de`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime_option, rubric_regimes
from ocop_docs.scoring.card import Scorecard, ScoreResult, result_to_json, score_card
from ocop_docs.scoring.card_file import read_card
from ocop_docs.scoring.rubric_files import load_rubric, rubric_for_set


class UnscorableCard(InputError):
    """A card that names no rubric to score it against (exit 1); ``problem`` says why."""

    def __init__(self, problem: Issue) -> None:
        super().__init__(problem.code, **dict(problem.params))
        self.problem = problem


def card_rubric(
    sc: Scorecard, set_no: int | None = None, schemas: Path | None = None
) -> tuple[int, str]:
    """The rubric number and regime ``sc`` is scored against; ``set_no`` (``--bo``, a product
    set) wins, and a card naming another set is then reported by :func:`score_card` as a
    mismatch. The rubric is the product set's under the card's ``bo_tieu_chi``."""
    data = sc.data
    if not isinstance(data, dict):
        raise UnscorableCard(Issue("scorecard-not-mapping"))
    chosen = set_no if set_no is not None else data.get("bo_san_pham")
    # "ocop-docs rubric list" of the card's regime (" --regime 1048/2019"; none by default).
    option = regime_option(data.get("bo_tieu_chi"))
    listed = {"tuy_chon_bo_tieu_chi": option} if option else {}
    if chosen is None:
        raise UnscorableCard(Issue("scorecard-set-required", params=listed))
    if isinstance(chosen, bool) or not isinstance(chosen, int) or not 1 <= chosen <= 26:
        raise UnscorableCard(
            Issue("scorecard-set-invalid", "/bo_san_pham", params={"gia_tri": chosen, **listed})
        )
    regime = data.get("bo_tieu_chi", DEFAULT_REGIME)
    known = rubric_regimes(schemas)
    if not isinstance(regime, str) or regime not in known:
        params = {"bo_tieu_chi": regime, "known": ", ".join(sorted(known))}
        raise UnscorableCard(Issue("scorecard-regime-unknown", "/bo_tieu_chi", params=params))
    # The product set's rubric under the card's regime (QĐ 1048 numbers them differently).
    number, problem = rubric_for_set(chosen, regime, data.get("so_bo_tieu_chi"), schemas)
    if problem is not None or number is None:
        assert problem is not None
        raise UnscorableCard(problem)
    return number, regime


def score_json(
    sc: Scorecard,
    set_no: int | None = None,
    *,
    minimum_mode: Literal["lower", "warn"] = "lower",
    schemas: Path | None = None,
    lang: Lang = "vi",
) -> tuple[dict[str, Any], ScoreResult]:
    """Score one card: the JSON of ``rubric score --format json`` (shared by the CLI and
    the service's ``POST /api/v1/score``) and the result itself."""
    chosen, regime = card_rubric(sc, set_no, schemas)
    result = score_card(sc, load_rubric(chosen, regime, schemas), minimum_mode=minimum_mode)
    out = result_to_json(result, lang)
    out["tep"] = str(sc.path) if sc.path is not None else None
    return out, result


class CardUnusable(InputError):
    """The card cannot be scored at all; ``source`` names the file, the issue the place."""

    def __init__(self, card: Scorecard, code: str, pointer: str = "", **params: Any) -> None:
        pos = card.positions.get(pointer) if pointer else None
        where = Issue(
            code,
            pointer=pointer,
            line=pos[0] if pos else None,
            column=pos[1] if pos else None,
            params=dict(params),
        )
        super().__init__(code, issues=[where], source=str(card.path), **params)


DOSSIER_FILES = ("ho-so.yaml", "ho-so.yml", "ho-so.json")  # validation.loading.DOSSIER_NAMES
CARD_PREFIX = "/tu_danh_gia"


def dossier_card(path: Path) -> Scorecard:
    """A dossier's self-assessment as a card: its set, regime and ``tu_danh_gia.chon``, with
    the places of the dossier file, so problems point into ``ho-so.yaml``."""
    from ocop_docs.validation.loading import load_dossier  # validation imports scoring

    doc = load_dossier(path)
    errors = [i for i in [*doc.issues, *doc.findings] if i.severity == "error"]
    if errors or not isinstance(doc.data, dict):
        reason = errors[0] if errors else None
        raise InputError(
            "scorecard-dossier-unreadable",
            path=str(path),
            reason=reason.message("vi") if reason else "?",
            reason_en=reason.message("en") if reason else "?",
        )
    block = doc.data.get("tu_danh_gia")
    if not isinstance(block, dict) or not isinstance(block.get("chon"), dict):
        raise InputError("scorecard-dossier-without-self-assessment", path=str(path))
    data: dict[str, Any] = {"chon": block["chon"]}
    for key in ("bo_tieu_chi", "bo_san_pham"):
        if key in doc.data:
            data[key] = doc.data[key]
    positions = {
        (p[len(CARD_PREFIX) :] if p.startswith(CARD_PREFIX + "/") else p): pos
        for p, pos in doc.key_positions.items()
        if p.startswith(CARD_PREFIX + "/") or p in ("/bo_tieu_chi", "/bo_san_pham")
    }
    return Scorecard(data, doc.path, positions)


@dataclass(frozen=True, slots=True)
class ScoredCard:
    """A card file and its score."""

    path: Path
    result: ScoreResult


def score_file(
    path: Path,
    set_no: int | None = None,
    minimum_mode: Literal["lower", "warn"] = "lower",
    schemas_dir: Path | None = None,
) -> ScoredCard:
    """Score the card at ``path`` against set ``set_no`` (default: the card's bo_san_pham).

    ``path`` may also be a dossier (its folder or its ``ho-so.yaml``): its self-assessment
    ``tu_danh_gia`` is the card (issue 12). A round file is refused with what to run instead.
    """
    if path.is_dir() or path.name in DOSSIER_FILES:
        card = dossier_card(path)
    else:
        card = read_card(path)
        data = card.data
        if isinstance(data, dict):
            if "hoi_dong" in data or isinstance(data.get("san_pham"), list):
                raise CardUnusable(card, "scorecard-is-round", path=str(path))
            if "tu_danh_gia" in data or "chu_the" in data:
                card = dossier_card(path)
    try:
        chosen, regime = card_rubric(card, set_no, schemas_dir)
    except UnscorableCard as exc:
        problem = exc.problem
        raise CardUnusable(card, problem.code, problem.pointer, **problem.params) from None
    rubric = load_rubric(chosen, regime, schemas_dir)
    return ScoredCard(path, score_card(card, rubric, minimum_mode=minimum_mode))
