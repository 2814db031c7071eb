"""The procedure's deadlines on a round file (issue 11): QĐ 26/2026 Điều 5.1, 7.2, 7.6.g, 12.2.

Each is an officials' deadline: a miss is a warning with its own code, never an error, so
a late round still renders its minutes and decision.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_docs.catalogue import ISSUES
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.rules.deadlines import add_working_days, days_off, round_deadlines

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"

CODES = (
    "round-calendar-late",
    "round-commune-late",
    "round-commune-report-before-filing",
    "round-reevaluation-late",
    "round-transition-late",
)


def _round(
    tmp_path: Path,
    *,
    filed: str = "2026-09-15",
    case: str = "lan_dau",
    report: str | None = "2026-09-30",
    meeting: str = "2026-12-15T08:00",
    level: str = "tinh",
    regime: str = "26/2026",
    received: str | None = None,
    days_off_extra: list[str] | None = None,
) -> list[str]:
    """The deadline codes of a one-product round built from the sample."""
    folder = tmp_path / "ho-so"
    shutil.copytree(DOSSIER, folder)
    dossier_file = folder / "ho-so.yaml"
    dossier = yaml.safe_load(dossier_file.read_text(encoding="utf-8"))
    dossier["ngay_nop"] = dt.date.fromisoformat(filed)
    dossier["loai_danh_gia"] = case
    dossier_file.write_text(yaml.safe_dump(dossier, allow_unicode=True), encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    product: dict[str, Any] = {"ho_so": "ho-so", "diem": [74, 72, 76, 71, 73, 75, 72]}
    if report is not None:
        product["danh_gia_xa"] = {
            "ngay": dt.date.fromisoformat(report),
            "nguyen_lieu": "…",
            "lao_dong": "…",
            "y_tuong": "…",
            "ban_sac": "…",
        }
    if received is not None:
        product["ngay_nhan_ho_so"] = dt.date.fromisoformat(received)
    data["san_pham"] = [product]
    data["hop"]["bat_dau"] = meeting
    data["hop"]["ket_thuc"] = meeting[:11] + "11:30"
    data["quyet_dinh"]["ngay"] = dt.date.fromisoformat(meeting[:10])
    data["cap"] = level
    data["bo_tieu_chi"] = regime
    if days_off_extra:
        data["cau_hinh"] = {"ngay_nghi": [dt.date.fromisoformat(d) for d in days_off_extra]}
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rnd = load_round(path)
    assert rnd.valid, [i.message() for i in rnd.issues]
    return [i.code for i in rnd.issues if i.code in CODES]


def test_every_deadline_is_a_warning() -> None:
    # Deadlines for officials, not grounds to reject a dossier (issue 11).
    assert all(ISSUES[code].severity == "warning" for code in CODES)


def test_working_days_skip_weekends_and_listed_holidays() -> None:
    off = days_off()
    # Fri 18/9/2026 + 15 working days: three weeks of weekdays, Fri 9/10/2026.
    assert add_working_days(dt.date(2026, 9, 18), 15, off) == dt.date(2026, 10, 9)
    # 02/9 (Quốc khánh) is a listed holiday: Mon 31/8 + 3 = Fri 4/9.
    assert add_working_days(dt.date(2026, 8, 31), 3, off) == dt.date(2026, 9, 4)
    # A day off the round adds (Tết, nghỉ bù) is skipped as well.
    extra = [dt.date(2026, 9, 3)]
    assert add_working_days(dt.date(2026, 8, 31), 3, off, extra) == dt.date(2026, 9, 7)


def test_deadlines_are_data_of_the_regime() -> None:
    own = round_deadlines("26/2026")
    assert own is not None
    assert own.commune_working_days == 15 and own.reevaluation_days == 45
    assert own.evaluate_before(dt.date(2026, 4, 29)) == (dt.date(2026, 4, 30), dt.date(2026, 6, 30))
    assert own.evaluate_before(dt.date(2026, 4, 30)) == (
        dt.date(2026, 10, 30),
        dt.date(2026, 12, 30),
    )
    assert own.evaluate_before(dt.date(2026, 11, 2)) == (dt.date(2027, 4, 30), dt.date(2027, 6, 30))
    assert own.transition is not None
    assert own.transition.limit("lan_dau") == dt.date(2026, 7, 21)  # 22/5 + 60 days
    assert own.transition.limit("danh_gia_lai") == dt.date(2026, 6, 21)  # 22/5 + 30 days
    assert round_deadlines("148/2023") is None and round_deadlines("1048/2019") is None


def test_on_time_round_has_no_deadline_warning(tmp_path: Path) -> None:
    assert _round(tmp_path) == []


@pytest.mark.parametrize(
    ("report", "meeting", "late"),
    [
        ("2026-10-28", "2026-12-29T08:00", False),  # proposed before 30/10: round 2 by 29/12
        ("2026-10-28", "2026-12-30T08:00", True),  # "trước ngày 30 tháng 12": the 30th is late
        ("2026-10-30", "2027-06-29T08:00", False),  # from 30/10: next year's round 1
        ("2026-10-30", "2027-06-30T08:00", True),
        ("2027-04-29", "2027-07-01T08:00", True),  # proposed before 30/4: round 1 by 29/6
    ],
)
def test_round_calendar(tmp_path: Path, report: str, meeting: str, late: bool) -> None:
    # Điều 5.1; the commune's 15 working days kept (filing a week before the report).
    filed = (dt.date.fromisoformat(report) - dt.timedelta(days=7)).isoformat()
    codes = _round(tmp_path, filed=filed, report=report, meeting=meeting)
    assert codes == (["round-calendar-late"] if late else [])


def test_round_calendar_is_the_province_s(tmp_path: Path) -> None:
    # Điều 5.2 (the Ministry's) counts from the province's proposal, not in a round file.
    codes = _round(tmp_path, report="2026-10-28", meeting="2027-02-01T08:00", level="trung_uong")
    assert "round-calendar-late" not in codes


def test_commune_fifteen_working_days(tmp_path: Path) -> None:
    # Điều 7.2: filed Fri 18/9/2026, the report by Fri 9/10/2026.
    assert _round(tmp_path / "a", filed="2026-09-18", report="2026-10-09") == []
    assert _round(tmp_path / "b", filed="2026-09-18", report="2026-10-12") == ["round-commune-late"]
    # A day off the round lists moves the limit: 12/10 is on time then.
    assert (
        _round(
            tmp_path / "c", filed="2026-09-18", report="2026-10-12", days_off_extra=["2026-10-01"]
        )
        == []
    )


def test_commune_report_before_filing(tmp_path: Path) -> None:
    codes = _round(tmp_path, filed="2026-09-18", report="2026-09-10")
    assert codes == ["round-commune-report-before-filing"]


def test_reevaluation_within_45_days(tmp_path: Path) -> None:
    # Điều 7.6.g: from the full file's receipt (else the commune's report) to the meeting.
    kw: dict[str, Any] = {"case": "danh_gia_lai", "filed": "2026-10-20", "report": "2026-10-28"}
    assert _round(tmp_path / "a", meeting="2026-12-12T08:00", **kw) == []
    assert _round(tmp_path / "b", meeting="2026-12-15T08:00", **kw) == ["round-reevaluation-late"]
    assert _round(tmp_path / "c", meeting="2026-12-15T08:00", received="2026-11-02", **kw) == []
    assert _round(tmp_path / "d", meeting="2026-12-18T08:00", received="2026-11-02", **kw) == [
        "round-reevaluation-late"
    ]
    # A first evaluation has no 45-day limit.
    assert (
        _round(tmp_path / "e", meeting="2026-12-15T08:00", filed="2026-10-20", report="2026-10-28")
        == []
    )


@pytest.mark.parametrize(
    ("case", "meeting", "late"),
    [
        ("lan_dau", "2026-07-21T08:00", False),  # 22/5/2026 + 60 days
        ("lan_dau", "2026-07-22T08:00", True),
        ("nang_hang", "2026-07-22T08:00", True),
        ("danh_gia_lai", "2026-06-21T08:00", False),  # 22/5/2026 + 30 days
        ("danh_gia_lai", "2026-06-22T08:00", True),
    ],
)
def test_transitional_limits(tmp_path: Path, case: str, meeting: str, late: bool) -> None:
    # Điều 12.2: a dossier filed before 22/5/2026 under the 2021–2025 rules (a QĐ 148 round).
    codes = _round(
        tmp_path, filed="2026-05-10", case=case, report=None, meeting=meeting, regime="148/2023"
    )
    assert codes == (["round-transition-late"] if late else [])


def test_transition_reaches_a_round_under_the_new_regime_too(tmp_path: Path) -> None:
    # The dossier's filing date decides, whatever regime the round file names; the new
    # regime's own 7.2 and 5.1 do not apply to a dossier filed before it.
    codes = _round(tmp_path, filed="2026-05-10", report="2026-06-30", meeting="2026-08-01T08:00")
    assert codes == ["round-transition-late"]


def test_evaluated_before_the_new_decision_is_not_transitional(tmp_path: Path) -> None:
    codes = _round(
        tmp_path, filed="2026-03-02", report=None, meeting="2026-05-15T08:00", regime="148/2023"
    )
    assert codes == []
