"""A scorecard's hints cite the rubric of its own regime (issue 11, historical regimes): a
QĐ 1048/2019 card is sent to "QĐ 1048/QĐ-TTg Phụ lục III" with its --regime, and is told
nothing of star-minimum markers, which 1048 does not print; a 2026 card is worded as before.
"""

from __future__ import annotations

from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import load_rubric


def _hints(regime: str, lang: str = "vi") -> dict[str, str]:
    rubric = load_rubric(2, regime=regime)
    result = score_card({"bo_san_pham": 2, "chon": {"9.9": 1}}, rubric)
    return {i.code: i.hint(lang) for i in result.van_de}  # type: ignore[arg-type]


def test_a_1048_card_is_sent_to_its_own_annex_and_hears_of_no_markers() -> None:
    vi, en = _hints("1048/2019"), _hints("1048/2019", "en")
    assert "(QĐ 1048/QĐ-TTg Phụ lục III)" in vi["scorecard-unknown-criterion"]
    assert "--regime 1048/2019" in vi["scorecard-unknown-criterion"]
    assert "26/2026" not in vi["scorecard-unknown-criterion"] + en["scorecard-unknown-criterion"]
    missing = vi["scorecard-missing-criterion"]
    assert "tính 0 điểm. Xem bộ tiêu chí" in missing and "***" not in missing
    assert "***" not in en["scorecard-missing-criterion"]


def test_a_2026_card_keeps_its_wording() -> None:
    vi, en = _hints("26/2026"), _hints("26/2026", "en")
    assert "(QĐ 26/2026 Phụ lục II)" in vi["scorecard-unknown-criterion"]
    assert "(QĐ 26/2026 Phụ lục II)" in en["scorecard-unknown-criterion"]
    assert (
        "không đạt dấu sao tối thiểu (***, ****, *****) của tiêu chí đó."
        in vi["scorecard-missing-criterion"]
    )
    assert (
        "meets none of its star-minimum markers (***, ****, *****)."
        in en["scorecard-missing-criterion"]
    )
