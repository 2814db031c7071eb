"""Scoring one scorecard file: read it, choose its rubric, score it (``rubric score``).

The command line's form of :mod:`ocop_docs.scoring.score` (which the web service uses on a
card sent as JSON): the same choice of rubric (:func:`~ocop_docs.scoring.score.card_rubric`),
for a card read from a file. A card that cannot be scored at all raises
:class:`CardUnusable` (exit 1), which names the file and carries the place in question, so
the error reads ``phieu.yaml:1:1: …``; problems of a card that can be scored are data, in
:attr:`ScoreResult.van_de`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ocop_docs.errors import InputError, Issue
from ocop_docs.scoring.card import Scorecard, ScoreResult, read_card, score_card
from ocop_docs.scoring.rubrics import load_rubric
from ocop_docs.scoring.score import UnscorableCard, card_rubric


def _shown(value: Any) -> Any:
    # A message shows a list as "1, 2", as Problem does (bo_tieu_chi: [1] → "1").
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else value


class CardUnusable(InputError):
    """The card cannot be scored at all; ``source`` names the file, the issue the place."""

    def __init__(self, card: Scorecard, code: str, pointer: str = "", **params: Any) -> None:
        shown = {k: _shown(v) for k, v in params.items()}
        pos = card.positions.get(pointer) if pointer else None
        where = Issue(
            code,
            pointer=pointer,
            line=pos[0] if pos else None,
            column=pos[1] if pos else None,
            params=dict(shown),
        )
        super().__init__(code, issues=[where], source=str(card.path), **shown)


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
    """Score the card at ``path`` against set ``set_no`` (default: the card's bo_san_pham)."""
    card = read_card(path)
    try:
        chosen, regime = card_rubric(card, set_no)
    except UnscorableCard as exc:
        problem = exc.problem
        raise CardUnusable(card, problem.code, problem.pointer, **problem.params) from None
    rubric = load_rubric(chosen, regime, schemas_dir)
    return ScoredCard(path, score_card(card, rubric, minimum_mode=minimum_mode))
