from __future__ import annotations

from ocop_docs.rules.units import check_address, normalise_name, provinces


def test_there_are_34_provinces_today() -> None:
    assert len({p.code for p in provinces().values()}) == 34


def test_current_commune() -> None:
    result = check_address("xã Côn Minh", "tỉnh Thái Nguyên")
    assert result.status == "current"
    assert result.current_text() == "xã Côn Minh, tỉnh Thái Nguyên"
    assert result.province is not None and result.province.code == 19


def test_former_na_ri_communes_map_to_thai_nguyen() -> None:
    # Domain brief §8: xã Dương Sơn → xã Côn Minh; thị trấn Yến Lạc → xã Na Rì.
    duong_son = check_address("xã Dương Sơn", "tỉnh Bắc Kạn", "huyện Na Rì")
    assert duong_son.status == "old" and duong_son.current_text() == "xã Côn Minh, tỉnh Thái Nguyên"
    yen_lac = check_address("thị trấn Yến Lạc", "tỉnh Bắc Kạn", "huyện Na Rì")
    assert yen_lac.current_text() == "xã Na Rì, tỉnh Thái Nguyên"


def test_typo_gets_a_suggestion() -> None:
    result = check_address("xã Côn Mính", "tỉnh Thái Nguyên")
    assert result.status == "mismatch" and result.suggestion == "Xã Côn Minh"


def test_unknown_province() -> None:
    assert check_address("xã A", "tỉnh Atlantis").status == "unknown"


def test_names_are_normalised() -> None:
    assert normalise_name("  Xã   Côn Minh ") == "côn minh"
    assert normalise_name("Thành phố Hà Nội") == "hà nội"
