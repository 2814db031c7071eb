from __future__ import annotations

import pytest

from ocop_docs.rules.units import (
    check_address,
    normalise_name,
    provinces,
    split_one_line,
    split_type,
)


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


# --- issue 11: addresses as people write them -------------------------------------------


@pytest.mark.parametrize(
    ("xa", "huyen", "tinh", "now"),
    [
        # The seed article's places (domain brief §8, §12.1), written then and now.
        ("xã Côn Minh", "huyện Na Rì", "tỉnh Bắc Kạn", "xã Côn Minh"),
        ("xã Trần Phú", "huyện Na Rì", "tỉnh Bắc Kạn", "xã Trần Phú"),
        ("xã Dương Sơn", "huyện Na Rì", "tỉnh Bắc Kạn", "xã Côn Minh"),
        ("thị trấn Yến Lạc", "huyện Na Rì", "tỉnh Bắc Kạn", "xã Na Rì"),
        ("xã Văn Lang", "huyện Na Rì", "tỉnh Bắc Kạn", "xã Văn Lang"),
        ("xã Dương Sơn", None, "tỉnh Thái Nguyên", "xã Côn Minh"),
        ("thị trấn Yến Lạc", None, "tỉnh Thái Nguyên", "xã Na Rì"),
        ("thị trấn Yến Lạc", None, "tỉnh Bắc Kạn", "xã Na Rì"),
        ("xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn", None, "tỉnh Bắc Kạn", "xã Côn Minh"),
        ("xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn", None, "", "xã Côn Minh"),
    ],
)
def test_seed_places_resolve_to_their_current_unit(
    xa: str, huyen: str | None, tinh: str, now: str
) -> None:
    result = check_address(xa, tinh, huyen)
    assert result.status == "old"
    assert result.current_text() == f"{now}, tỉnh Thái Nguyên"


def test_today_s_seed_communes_are_current_with_their_codes() -> None:
    codes = {"xã Côn Minh": 2185, "xã Na Rì": 2155}
    for name, code in codes.items():
        result = check_address(name, "tỉnh Thái Nguyên")
        assert result.status == "current" and result.commune is not None
        assert result.commune.code == code


def test_a_former_unit_is_not_today_s_unit_of_the_same_bare_name() -> None:
    result = check_address("Phường Chương Dương", "TP Hà Nội", "Quận Hoàn Kiếm")
    assert result.status == "old"
    assert result.current_text() == "phường Hồng Hà, Thành phố Hà Nội"
    # Without the district the unit type still tells them apart.
    assert check_address("Phường Chương Dương", "Thành phố Hà Nội").status == "old"
    assert check_address("xã Chương Dương", "Thành phố Hà Nội").status == "current"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Phú Thuỷ", "Phú Thủy"),
        ("Hoà Bình", "Hòa Bình"),
        ("Khoẻ", "Khỏe"),
        ("Chân Mây – Lăng Cô", "Chân Mây-Lăng Cô"),
        ("Chân Mây - Lăng Cô", "chân mây–lăng cô"),
        ("TP. Hà Nội", "thành phố Hà Nội"),
        ("TP Hà Nội", "Hà  Nội"),
        ("Q. Hoàn Kiếm", "quận Hoàn Kiếm"),
        ("P.Hồng Hà", "Phường Hồng Hà"),
    ],
)
def test_spellings_people_use_compare_equal(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_qu_keeps_its_tone() -> None:
    # "qu" is a consonant: "quý" is not an "uy" syllable.
    assert normalise_name("Quý") == "quý"
    assert split_type("Huyện Quan Hóa") == ("huyen", "quan hóa")


def test_spelling_variants_resolve_to_current_units() -> None:
    assert check_address("xã Đàm Thủy", "tỉnh Cao Bằng").status == "current"
    assert check_address("Xã Chân Mây-Lăng Cô", "TP. Huế").status == "current"


def test_former_unit_without_mapping_says_what_is_known() -> None:
    result = check_address("xã Không Tồn Tại", "tỉnh Bắc Kạn", "huyện Na Rì")
    assert result.status == "former"
    assert result.known == "huyện Na Rì, tỉnh Bắc Kạn (nay thuộc tỉnh Thái Nguyên)"


def test_ambiguous_former_name_lists_the_candidates() -> None:
    result = check_address("xã Phú Cường", "tỉnh Thái Nguyên")
    assert result.status == "ambiguous" and len(result.candidates) == 2


def test_one_line_address_is_split() -> None:
    assert split_one_line("xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn") == (
        "xã Dương Sơn",
        "huyện Na Rì",
        "tỉnh Bắc Kạn",
    )
    assert split_one_line("xã Côn Minh, tỉnh Thái Nguyên") == (
        "xã Côn Minh",
        None,
        "tỉnh Thái Nguyên",
    )
    assert split_one_line("xã Côn Minh") == ("xã Côn Minh", None, None)
