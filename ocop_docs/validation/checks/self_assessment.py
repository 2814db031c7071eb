"""Self-assessment check: the producer's own scorecard (Mẫu 02 Phần III) against its rubric.

QĐ 26/2026 Phụ lục III Mẫu 02 Phần III asks the producer to score itself "theo thứ tự từng
tiêu chí" of the rubric of its set. When the dossier carries that scorecard
(``tu_danh_gia.chon``), unknown criteria, options that do not exist and missing criteria are
reported, and the self-assessed total and stars go into the report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.rules.regimes import regime_option, rubric_regimes
from ocop_docs.scoring.card import Scorecard, score_card
from ocop_docs.scoring.rubric_files import load_rubric, rubric_for_set
from ocop_docs.validation.loading import LoadedDossier

PREFIX = "/tu_danh_gia"


class _CardPositions(Mapping[str, tuple[int, int]]):
    """The dossier's positions seen from the scorecard (``/chon/…`` → its place), looked up
    only when the scorer reports a problem: a valid dossier never computes its positions."""

    def __init__(self, doc: LoadedDossier) -> None:
        self._doc = doc

    def __getitem__(self, pointer: str) -> tuple[int, int]:
        pos = self._doc.positions.get(PREFIX + pointer) if pointer.startswith("/chon") else None
        if pos is None:
            raise KeyError(pointer)
        return pos

    def _own(self) -> list[str]:
        start = PREFIX + "/chon"
        return [p[len(PREFIX) :] for p in self._doc.positions if p.startswith(start)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._own())

    def __len__(self) -> int:
        return len(self._own())


def check_self_assessment(
    doc: LoadedDossier, product_set: int, regime_code: str, base: Path | None = None
) -> tuple[list[Issue], dict[str, Any] | None]:
    block = doc.data.get("tu_danh_gia")
    if not isinstance(block, dict) or not isinstance(block.get("chon"), dict):
        return [], None  # absent, or malformed (the schema check reports that)
    if regime_code not in rubric_regimes(base):
        return [], None  # a regime without rubric data: nothing to score against
    # The product set's rubric under the dossier's regime (QĐ 1048 numbers its rubrics
    # differently; bo_tieu_chi_theo_bo_san_pham), so a 2019 dossier is scored as in 2019.
    number, problem = rubric_for_set(product_set, regime_code, block.get("so_bo_tieu_chi"), base)
    if number is None:
        assert problem is not None
        pointer = PREFIX + problem.pointer if problem.pointer == "/so_bo_tieu_chi" else PREFIX
        return [
            doc.issue(
                "self-assessment-not-scored",
                pointer,
                reason=problem.message("vi"),
                reason_en=problem.message("en"),
                hint=problem.hint("vi") or "",
                hint_en=problem.hint("en") or "",
            )
        ], None
    rubric = load_rubric(number, regime_code, base)
    card = {"bo_san_pham": product_set, "bo_tieu_chi": regime_code, "chon": block["chon"]}
    result = score_card(Scorecard(card, doc.path, _CardPositions(doc)), rubric)
    issues = []
    missing = [p for p in result.van_de if p.code == "scorecard-missing-criterion"]
    if missing:
        # One finding for the dossier, not one error per blank criterion: an unfinished
        # self-assessment is a gap to fill, the council scores the product anyway.
        numbers = [str(p.params.get("tieu_chi")) for p in missing]
        shown = ", ".join(numbers[:12]) + (", …" if len(numbers) > 12 else "")
        # The hint's "ocop-docs rubric show N": the rubric's own number and, for another
        # regime than the default, its --regime (QĐ 1048 numbers its rubrics differently).
        option = regime_option(regime_code)
        issues.append(
            doc.issue(
                "self-assessment-incomplete",
                PREFIX + "/chon",
                count=len(numbers),
                criteria=shown,
                bo_san_pham=rubric.bo_san_pham,
                **({"tuy_chon_bo_tieu_chi": option} if option else {}),
            )
        )
    for problem in result.van_de:
        if problem.code == "scorecard-missing-criterion":
            continue
        pointer = PREFIX + problem.pointer
        issue = Issue(problem.code, pointer, problem.line, problem.column, dict(problem.params))
        if issue.line is None:
            pos = doc.position(issue.pointer)
            issue.line, issue.column = (pos[0], pos[1]) if pos else (None, None)
        issues.append(issue)
    summary = {
        "bo_tieu_chi": regime_code,
        "so_bo_tieu_chi": rubric.bo_san_pham,
        "tong_diem": result.tong_diem,
        "hang_theo_diem": result.hang_theo_diem,
        "hang_sao": result.hang_sao,
        "phan": {s.so: s.diem for s in result.phan},
        "chua_dat_toi_thieu": [u.to_json() for u in result.chua_dat_toi_thieu],
        "khong_danh_dau": list(result.khong_danh_dau),
        # Điều 7.3.e: from 90 up, proposed to the central level whatever the markers.
        "de_nghi_trung_uong": result.de_nghi_trung_uong,
        # Rules printed in the rubric (issue 11): disqualified under, or stopped at, these.
        "loai_theo": list(result.loai_theo),
        "dung_tai": result.dung_tai,
    }
    return issues, summary
