"""The province's OCOP registry (issue 14): import, checks, history, reminders, counts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ocop_docs.errors import UsageError
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.registry.importing import Decision, parse_stars, read_list
from ocop_docs.registry.reminders import classify
from ocop_docs.registry.rounds import record_round
from ocop_docs.registry.store import Registry, open_registry
from ocop_docs.registry.verbs import (
    due_reminders,
    export_workbook,
    import_list,
    list_entries,
    registry_statistics,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
LISTS = SAMPLES / "so-theo-doi"
FIXTURES = ROOT / "tests" / "fixtures" / "registry"
DECISION_2024 = Decision(
    number="412/QĐ-UBND",
    date=dt.date(2024, 3, 15),
    issuer="Ủy ban nhân dân huyện Đồng Hỷ",  # 3★ by the district under QĐ 148/2023
    year=2024,
    province="Thái Nguyên",
)
DECISION_2019 = Decision(
    number="45/QĐ-UBND",
    date=dt.date(2020, 1, 10),
    issuer="Ủy ban nhân dân tỉnh Bắc Kạn",
    year=2019,
    province="Bắc Kạn",
)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return open_registry(tmp_path / "so.sqlite")


def seed_registry(registry: Registry) -> None:
    """The Na Rì book of the seed article: the 2018 list, the 2019 round (as batch records
    it), the 2019 annex, the 2020 upgrade."""
    assert not import_list(registry, LISTS / "na-ri-2018.yaml").errors
    assert not record_round(
        registry,
        load_round(SAMPLES / "dot-danh-gia" / "na-ri-2019.yaml", allow=(SAMPLES / "ho-so",)),
    ).errors
    assert not import_list(registry, LISTS / "na-ri-2019.csv", DECISION_2019).errors
    assert not import_list(registry, LISTS / "na-ri-2020-nang-hang.yaml").errors


def test_seed_article_counts(registry: Registry) -> None:
    """Na Rì (seed article, brief §12.2): 2018: 6 certified (1×4★, 5×3★); 2019: 14×3★;
    by 2020: 20 OCOP products (1×4★, 19×3★); the 2020 upgrade 4★ → 5★ (QĐ 2890, 2021)."""
    seed_registry(registry)
    stats = registry_statistics(registry, 2020)
    assert stats.by_year[2018] == {3: 5, 4: 1, 5: 0}
    assert stats.by_year[2019] == {3: 14, 4: 0, 5: 0}
    assert stats.by_year_case[2018]["lan_dau"] == 6 and stats.by_year_case[2019]["lan_dau"] == 14
    assert stats.on == dt.date(2020, 12, 31)
    assert stats.in_force == {3: 19, 4: 1, 5: 0} and stats.total_in_force == 20
    assert stats.by_year[2020] == {3: 0, 4: 0, 5: 1}
    assert stats.upgrades == [
        {
            "year": 2020,
            "product": "Miến dong",
            "producer": "HTX Tài Hoan",
            "case": "nang_hang",
            "stars": 5,
            "previous_stars": 4,
        }
    ]
    # After the Ministry's decision the 4★ certificate is replaced, not counted twice.
    later = registry_statistics(registry, on=dt.date(2021, 7, 1))
    assert later.in_force == {3: 19, 4: 0, 5: 1}
    # Former units mapped to today's: xã Dương Sơn → xã Côn Minh, tỉnh Thái Nguyên.
    assert stats.by_commune["xã Côn Minh, tỉnh Thái Nguyên"] == {3: 3, 4: 1, 5: 0}


def test_round_then_annex_reports_duplicates_not_merged(registry: Registry) -> None:
    rnd = load_round(SAMPLES / "dot-danh-gia" / "na-ri-2019.yaml", allow=(SAMPLES / "ho-so",))
    first = record_round(registry, rnd)
    assert len(first.added) == 5  # the 2★ product gets no certificate
    entry = registry.entry(first.added[0])
    assert entry is not None
    assert (entry.decision_no, entry.level, entry.regime) == ("45/QĐ-UBND", "tinh", "1048/2019")
    assert entry.valid_to == dt.date(2023, 1, 10)  # "đến 10/01/2023" (brief §12.3)
    assert entry.score == pytest.approx(62.0) and entry.phone == "0209 3880 102"
    again = record_round(registry, rnd)
    assert again.added == [] and again.skipped == 5
    annex = import_list(registry, LISTS / "na-ri-2019.csv", DECISION_2019)
    assert len(annex.added) == 9 and annex.skipped == 5
    codes = [i.code for i in annex.issues]
    assert codes.count("registry-already-recorded") == 5
    assert len(registry.entries()) == 14


def test_same_product_again_is_refused_with_row_numbers(registry: Registry, tmp_path: Path) -> None:
    import_list(registry, LISTS / "na-ri-2018.yaml")
    again = tmp_path / "lai.csv"
    again.write_text(
        "STT,Tên sản phẩm,Chủ thể,Địa chỉ,Hạng sao\n"
        '1,Miến dong,HTX Tài Hoan,"xã Côn Minh, tỉnh Thái Nguyên",4\n'
        '2,Măng khô Na Rì (hư cấu),Hợp tác xã nông lâm sản Lương Thượng (hư cấu),"xã Na Rì, tỉnh Thái Nguyên",3\n',
        encoding="utf-8",
    )
    decision = Decision(number="99/QĐ-UBND", date=dt.date(2019, 6, 1), issuer="UBND tỉnh Bắc Kạn")
    result = import_list(registry, again, decision)
    assert [(i.code, i.params["row"]) for i in result.issues] == [
        ("registry-duplicate-product", 2),
        ("registry-duplicate-product", 3),
    ]
    assert result.added == [] and len(registry.entries()) == 6  # nothing written


def test_higher_stars_is_an_upgrade_with_a_warning(registry: Registry, tmp_path: Path) -> None:
    import_list(registry, LISTS / "na-ri-2018.yaml")
    path = tmp_path / "nang.yaml"
    path.write_text(
        "quyet_dinh: {so: 7/QĐ-UBND, ngay: 2020-03-01, co_quan: UBND tỉnh Bắc Kạn}\n"
        "san_pham:\n"
        "  - {ten: Rượu ngô men lá Cường Lợi, chu_the: HTX nông nghiệp Cường Lợi,"
        " dia_chi: 'xã Cường Lợi, tỉnh Thái Nguyên', hang_sao: 4}\n",
        encoding="utf-8",
    )
    result = import_list(registry, path)
    assert [i.code for i in result.issues] == ["registry-upgrade-inferred"]
    old = next(e for e in registry.entries() if e.stars == 3 and "Cường Lợi" in e.product)
    assert old.state == "superseded" and old.events[-1].kind == "thay_the"
    new = registry.entry(result.added[0])
    assert new is not None and new.case == "nang_hang" and new.events[0].kind == "nang_hang"


def test_rows_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.csv"
    path.write_text(
        "STT;Tên sản phẩm;Chủ thể;Địa chỉ;Hạng sao;Bộ sản phẩm;Điểm\n"
        "1;Gà đồi;HTX Trần Phú;xã Trần Phú, huyện Na Rì, tỉnh Bắc Kạn;2 sao;2;\n"
        "2;;HTX A;xã Côn Minh;3;;\n"
        "3;Cam;HTX B;xã Không Có;3;bộ lạ;\n"
        "4;Miến;HTX C;xã Côn Minh, tỉnh Thái Nguyên;5;7;101\n"
        "5;Cam;HTX B;xã Na Rì, tỉnh Thái Nguyên;3;1;\n",
        encoding="utf-8",
    )
    decision = Decision(
        number="1/QĐ-UBND", date=dt.date(2026, 8, 1), issuer="UBND tỉnh Thái Nguyên"
    )
    read = read_list(path, decision)
    found = [(i.code, i.params.get("row")) for i in read.issues]
    assert ("registry-row-stars", 2) in found
    assert ("registry-row-product-missing", 3) in found
    assert ("registry-row-set", 4) in found
    assert ("registry-row-address", 4) in found
    assert ("registry-row-score", 5) in found
    assert ("registry-row-duplicate", 6) in found
    assert [r.product for r in read.recognitions] == ["Cam"]
    cam = read.recognitions[0]
    assert cam.valid_to == dt.date(2029, 8, 1) and cam.regime == "26/2026"  # Điều 4.3


def test_xlsx_with_vietnamese_headers(tmp_path: Path, registry: Registry) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP NĂM 2026"])
    sheet.append(["TT", "TÊN SẢN PHẨM", "Tên chủ thể", "Địa chỉ", "Xếp hạng", "Số GCN"])
    sheet.append(
        [
            1,
            "Chè Tân Cương",
            "HTX chè Tân Cương",
            "xã Tân Cương, tỉnh Thái Nguyên",
            "4 sao",
            "05/GCN-UBND",
        ]
    )
    path = tmp_path / "phu-luc.xlsx"
    book.save(path)
    decision = Decision(
        number="15/QĐ-UBND", date=dt.date(2026, 9, 1), issuer="UBND tỉnh Thái Nguyên"
    )
    result = import_list(registry, path, decision)
    assert not result.issues
    entry = registry.lookup("05/gcn-ubnd")
    assert entry is not None and entry.stars == 4
    assert (
        entry.commune == "xã Tân Cương, tỉnh Thái Nguyên" and entry.certificate_no == "05/GCN-UBND"
    )


def test_decision_is_required_for_a_spreadsheet() -> None:
    with pytest.raises(UsageError) as caught:
        read_list(LISTS / "na-ri-2019.csv")
    assert caught.value.code == "registry-decision-missing"


@pytest.mark.parametrize(
    ("text", "stars"),
    [("3", 3), ("4 sao", 4), ("★★★★★", 5), ("***", 3), ("5*", 5), ("hạng A", None)],
)
def test_star_cells(text: str, stars: int | None) -> None:
    assert parse_stars(text) == stars


def test_reminders_follow_the_window(registry: Registry) -> None:
    """QĐ 26/2026 Điều 7.6.a: not earlier than 180, not later than 120 days before expiry."""
    import_list(registry, FIXTURES / "thai-nguyen-2024.csv", DECISION_2024)
    import_list(registry, FIXTURES / "thai-nguyen-2023-2024.yaml")
    entry = registry.entries()[-1]
    assert entry.valid_to == dt.date(2027, 3, 15)
    opens = entry.valid_to - dt.timedelta(days=180)
    closes = entry.valid_to - dt.timedelta(days=120)
    assert classify(entry, opens - dt.timedelta(days=1)) is None
    assert classify(entry, opens).category == "dang_mo"  # type: ignore[union-attr]
    assert classify(entry, closes - dt.timedelta(days=29)).category == "sap_dong"  # type: ignore[union-attr]
    assert classify(entry, closes).category == "sap_dong"  # type: ignore[union-attr]
    assert classify(entry, closes + dt.timedelta(days=1)).category == "da_lo"  # type: ignore[union-attr]
    assert classify(entry, entry.valid_to).category == "da_lo"  # type: ignore[union-attr]
    late = classify(entry, entry.valid_to + dt.timedelta(days=1))
    assert late is not None and late.category == "het_han" and not late.transition
    result = due_reminders(registry, dt.date(2026, 9, 20))
    assert result.counts() == {"dang_mo": 2, "sap_dong": 0, "da_lo": 2, "het_han": 0}
    assert result.basis == "QĐ 26/2026 Điều 7.6.a"
    assert [r.entry.contact for r in result.of("da_lo")] == [
        "0912 000 201",
        "chetancuong@example.vn",
    ]
    # Before QĐ 26/2026 (22/5/2026) no regime set a window: only expiry is reported.
    assert due_reminders(registry, dt.date(2026, 4, 10)).items == []


def test_transition_of_article_12_3(registry: Registry, tmp_path: Path) -> None:
    """Điều 12.3: a certificate that expired before 19/9/2026 stays valid to the result, at
    most 180 days past expiry, when its holder files."""
    path = tmp_path / "2023.yaml"
    path.write_text(
        "quyet_dinh: {so: 5/QĐ-UBND, ngay: 2023-04-01, co_quan: UBND tỉnh Thái Nguyên}\n"
        "san_pham:\n  - {ten: Chè, chu_the: HTX Chè, dia_chi: 'xã Tân Cương, tỉnh Thái Nguyên',"
        " hang_sao: 4}\n",
        encoding="utf-8",
    )
    import_list(registry, path)
    item = due_reminders(registry, dt.date(2026, 6, 1)).items[0]
    assert item.category == "het_han" and item.transition  # expired 01/4/2026
    late = due_reminders(registry, dt.date(2026, 10, 1)).items[0]
    assert late.category == "het_han" and not late.transition  # 183 days past expiry
    import_list(registry, LISTS / "na-ri-2018.yaml")
    old = [r for r in due_reminders(registry, dt.date(2026, 6, 1)).items if r.entry.year == 2018]
    assert old and not any(r.transition for r in old)  # expired in 2021: long past


def test_listing_filters_and_export(registry: Registry, tmp_path: Path) -> None:
    seed_registry(registry)
    day = dt.date(2020, 12, 31)
    assert len(list_entries(registry, day=day).entries) == 20
    assert [e.stars for e in list_entries(registry, day=day, stars=(4, 5)).entries] == [4]
    assert len(list_entries(registry, day=day, commune="Côn Minh").entries) == 4
    assert len(list_entries(registry, day=day, commune="Dương Sơn").entries) == 1  # former unit
    expiring = list_entries(registry, day=day, expiring_before=dt.date(2022, 1, 1)).entries
    assert len(expiring) == 6
    assert len(list_entries(registry, day=day, everything=True).entries) == 21
    out = export_workbook(registry, tmp_path / "so.xlsx", day)
    assert out.rows == 21
    rows = list(load_workbook(out.path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][:3] == ("Mã", "Tên sản phẩm", "Chủ thể") and len(rows) == 22


def test_revocation_and_lookup(registry: Registry) -> None:
    import_list(registry, FIXTURES / "thai-nguyen-2023-2024.yaml")
    entry = registry.lookup("01/GCN-UBND")
    assert entry is not None and entry.validity(dt.date(2026, 1, 1)) == "con_hieu_luc"
    assert entry.validity(dt.date(2026, 10, 2)) == "het_hieu_luc"
    revoked = registry.revoke(entry.id, dt.date(2026, 2, 1), "9/QĐ-UBND", "vi phạm")
    assert revoked.validity(dt.date(2026, 1, 1)) == "da_thu_hoi"
    assert not revoked.in_force(dt.date(2026, 3, 1)) and revoked.in_force(dt.date(2026, 1, 1))
    assert registry.lookup("không có") is None


def test_province_scoping(tmp_path: Path) -> None:
    whole = open_registry(tmp_path / "so.sqlite")
    import_list(whole, FIXTURES / "thai-nguyen-2023-2024.yaml")
    bac_ninh = Registry(whole.sessions, province=24)
    assert bac_ninh.entries() == [] and bac_ninh.lookup("01/GCN-UBND") is None
    thai_nguyen = Registry(whole.sessions, province=19)
    assert len(thai_nguyen.entries()) == 2


def test_statistics_json_is_plain(registry: Registry) -> None:
    seed_registry(registry)
    data = registry_statistics(registry, 2020).to_json()
    json.dumps(data)
    assert data["total_in_force"] == 20
    assert data["by_year"][0] == {"label": 2018, "stars": {"3": 5, "4": 1, "5": 0}, "total": 6}


def test_the_migration_makes_the_model(tmp_path: Path) -> None:
    """Migration 0004 and the SQLAlchemy tables agree (columns, types, indexes)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from ocop_docs.service.database import Base

    registry = open_registry(tmp_path / "so.sqlite")
    engine = registry.sessions.kw["bind"]
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diff if "registry_" in repr(d)]
    assert ours == []
