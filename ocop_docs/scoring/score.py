"""Score: the library form of ``ocop-docs rubric score`` (and of ``POST /api/v1/score``).

Which rubric a card is scored against (its ``bo_san_pham``, or ``--bo``, and its
``bo_tieu_chi``), and the JSON the verb prints, in one place so that the command line and
the service answer the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError
from ocop_docs.scoring.card import Problem, Scorecard, ScoreResult, result_to_json, score_card
from ocop_docs.scoring.rubrics import DEFAULT_REGIME, RUBRIC_DIRS, load_rubric


class UnscorableCard(InputError):
    """A card that names no rubric to score it against (exit 1); ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code, **dict(problem.params))
        self.problem = problem


def card_rubric(sc: Scorecard, set_no: int | None = None) -> tuple[int, str]:
    """The product set and regime ``sc`` is scored against; ``set_no`` (``--bo``) wins, and
    a card naming another set is then reported by :func:`score_card` as a mismatch."""
    data = sc.data
    if not isinstance(data, dict):
        raise UnscorableCard(Problem("scorecard-not-mapping"))
    chosen = set_no if set_no is not None else data.get("bo_san_pham")
    if chosen is None:
        raise UnscorableCard(Problem("scorecard-set-required"))
    if isinstance(chosen, bool) or not isinstance(chosen, int) or not 1 <= chosen <= 26:
        raise UnscorableCard(Problem("scorecard-set-invalid", {"gia_tri": chosen}, "/bo_san_pham"))
    regime = data.get("bo_tieu_chi", DEFAULT_REGIME)
    if not isinstance(regime, str) or regime not in RUBRIC_DIRS:
        known = ", ".join(sorted(RUBRIC_DIRS))
        params = {"bo_tieu_chi": regime, "known": known}
        raise UnscorableCard(Problem("scorecard-regime-unknown", params, "/bo_tieu_chi"))
    return chosen, regime


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
    chosen, regime = card_rubric(sc, set_no)
    result = score_card(sc, load_rubric(chosen, regime, schemas), minimum_mode=minimum_mode)
    out = result_to_json(result, lang)
    out["tep"] = str(sc.path) if sc.path is not None else None
    return out, result
