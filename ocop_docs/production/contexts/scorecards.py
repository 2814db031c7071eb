"""What the scoring sheet and Mẫu 02's self-assessment table share: rubrics and cards.

The rubric of a set for a document (QĐ 26/2026 Phụ lục II), a dossier's self-assessment as
a scorecard (``tu_danh_gia``, Mẫu 02 Phần III), how a rubric lays a mục out, and scoring
problems as issues of the document being made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ocop_docs.errors import InputError, Issue
from ocop_docs.rules.regimes import rubric_regimes
from ocop_docs.scoring.card import ScoreResult
from ocop_docs.scoring.rubric_files import load_rubric, rubric_for_set
from ocop_docs.scoring.rubrics import Group, Rubric


def rubric_for(set_no: Any, regime: str, source: str, choice: Any = None) -> Rubric:
    """The rubric of a product set for a document, or an input error naming ``source``.

    ``set_no`` is the dossier's product set; the rubric is that set's under ``regime``
    (QĐ 1048 Phụ lục III numbers its rubrics differently), ``choice`` (``so_bo_tieu_chi``)
    picking one where the set matches two.
    """
    if isinstance(set_no, bool) or not isinstance(set_no, int) or not 1 <= set_no <= 26:
        shown = "—" if set_no is None else str(set_no)
        raise InputError("render-set-invalid", path=source, value=shown)
    if regime not in rubric_regimes():
        known = ", ".join(sorted(rubric_regimes()))
        raise InputError("render-rubric-unavailable", regime=regime, known=known)
    number, problem = rubric_for_set(set_no, regime, choice)
    if number is None:
        assert problem is not None
        raise InputError(
            "render-set-no-rubric",
            path=source,
            reason=problem.message("vi"),
            reason_en=problem.message("en"),
            hint=problem.hint("vi"),
            hint_en=problem.hint("en"),
        )
    return load_rubric(number, regime)


def self_card(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """A dossier's self-assessment as a scorecard, or None when it has none."""
    block = data.get("tu_danh_gia")
    if not isinstance(block, dict) or "chon" not in block:
        return None
    return {"bo_san_pham": data.get("bo_san_pham"), "chon": block["chon"]}


def is_direct(group: Group) -> bool:
    """A mục whose options follow its own heading ("7. DINH DƯỠNG | 3")."""
    return len(group.tieu_chi) == 1 and group.tieu_chi[0].so == group.so


def unmet_text(result: ScoreResult) -> str:
    """The criteria whose star minimum is not met: "3.5 (3 sao), 6.2 (4 sao)"."""
    return ", ".join(
        dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in result.chua_dat_toi_thieu)
    )


def score_issues(problems: Iterable[Issue], prefix: str = "") -> list[Issue]:
    """A card's problems as issues of the document, their pointers under ``prefix``
    ("/tu_danh_gia"); copies, so the card's own result is left as it was."""
    return [Issue(p.code, prefix + p.pointer, p.line, p.column, dict(p.params)) for p in problems]


def refuse_errors(issues: list[Issue], source: str) -> None:
    """A filled sheet is never made from a card with errors (exit 1)."""
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        # The card's regime, for the hint's "ocop-docs rubric show N --regime …".
        option = {k: v for k, v in errors[0].params.items() if k == "tuy_chon_bo_tieu_chi" and v}
        raise InputError(
            "render-scorecard-invalid",
            issues=issues,
            path=source,
            count=len(errors),
            first=errors[0].message("vi"),
            first_en=errors[0].message("en"),
            **option,
        )


__all__ = ["is_direct", "refuse_errors", "rubric_for", "score_issues", "self_card", "unmet_text"]
