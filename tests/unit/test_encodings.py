"""Legacy Vietnamese encodings, mojibake detection and byte decoding."""

from __future__ import annotations

import codecs
import time
import unicodedata
from pathlib import Path

import pytest

from ocop_docs.text.decoding import DecodedText, decode_bytes, is_nfc, to_nfc
from ocop_docs.text.legacy import (
    LEGACY_DECODERS,
    LEGACY_ENCODERS,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
    is_vietnamese_syllable,
)

LEGAL_TEXT = Path("/work/shared/legal/qd-26-2026-qd-ttg.txt")

VI_LOWER = "àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ"

# Real words and phrases: every tone on every vowel family, capitals, place names,
# product names and dossier wording. Used for round trips and for detection.
PHRASES = [
    "Hợp tác xã Tài Hoan",
    "Hợp tác xã Nông nghiệp Tân Cương",
    "Công ty TNHH Thực phẩm Sạch Hưng Yên",
    "Tổ hợp tác sản xuất chè",
    "Hộ kinh doanh Nguyễn Thị Hường",
    "Việt Nam",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng",
    "Đắk Lắk",
    "Bà Rịa – Vũng Tàu",
    "Thừa Thiên Huế",
    "Quảng Ngãi",
    "Tỉnh Vĩnh Long",
    "Bến Tre",
    "Hà Giang",
    "Lạng Sơn",
    "Điện Biên",
    "Ấp Bắc",
    "xã Thạch Hà",
    "phường Bến Nghé",
    "Trường Đại học Nông Lâm",
    "Ủy ban nhân dân xã",
    "Ông Trần Văn Ơn",
    "Ưng ý",
    "chè shan tuyết cổ thụ",
    "nước mắm truyền thống",
    "mật ong rừng",
    "bánh tráng phơi sương",
    "gạo ST25 thơm ngon",
    "cà phê rang xay nguyên chất",
    "tỏi cô đơn Lý Sơn",
    "khô cá lóc",
    "mứt gừng",
    "rượu cần",
    "yến sào",
    "hạt điều rang muối",
    "nấm linh chi đỏ",
    "tinh dầu sả chanh",
    "giỏ mây tre đan",
    "gốm sứ Bát Tràng",
    "lụa tơ tằm",
    "điểm du lịch cộng đồng",
    "khuỷu tay",
    "khuya khoắt",
    "nguệch ngoạc",
    "huỳnh huỵch",
    "quyết định",
    "quốc phòng",
    "giường tủ",
    "giữa trưa",
    "ngoằn ngoèo",
    "thuở ấy",
    "xoong nồi",
    "tiếng Việt",
    "chứng nhận an toàn thực phẩm",
    "phiếu kết quả kiểm nghiệm",
    "hồ sơ bảo vệ môi trường",
    "ngày cấp, ngày hết hạn",
    "đạt 4 sao năm 2025",
    "sản phẩm đặc sản địa phương",
    "ỷ lại",
    "ỵ",
    "HỢP TÁC XÃ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
    "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP",
    "Ăn uống",
    "Âm thanh",
    "Êm đềm",
    "Ơn nghĩa",
]


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def test_tcvn3_table_matches_known_bytes() -> None:
    # Spot checks of TCVN 5712:1993 VN3 positions, as bytes read as Windows-1252.
    known = {
        0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
        0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
        0xB5: "à", 0xB8: "á", 0xB9: "ạ", 0xBE: "ắ", 0xC6: "ặ", 0xCA: "ấ", 0xCC: "è",
        0xD0: "é", 0xD5: "ế", 0xD7: "ì", 0xDD: "í", 0xDF: "ò", 0xE3: "ó", 0xE8: "ố",
        0xEE: "ợ", 0xEF: "ù", 0xF3: "ú", 0xF8: "ứ", 0xFD: "ý", 0xFE: "ỵ",
    }  # fmt: skip
    for byte, letter in known.items():
        assert decode_tcvn3("x" + bytes([byte]).decode("cp1252")) == "x" + letter


def test_tcvn3_covers_every_lower_case_letter_and_seven_capitals() -> None:
    encoded = encode_tcvn3(VI_LOWER + "ĂÂÊÔƠƯĐ")
    assert all(0xA1 <= ord(c) <= 0xFE for c in encoded)
    assert len(set(encoded)) == len(encoded) == 67 + 7
    lower, capitals = encoded[:67], encoded[67:]
    assert decode_tcvn3("x" + lower) == "x" + VI_LOWER
    assert decode_tcvn3(capitals) == "ĂÂÊÔƠƯĐ"


def test_vni_covers_every_letter_in_both_cases() -> None:
    sequences = set()
    for letter in VI_LOWER + VI_LOWER.upper():
        encoded = encode_vni(letter)
        assert all(ord(c) < 256 for c in encoded), letter
        assert decode_vni(encoded) == letter
        sequences.add(encoded)
    assert len(sequences) == 2 * 67


@pytest.mark.parametrize(
    ("vni", "unicode"),
    [
        ("Hôïp taùc xaõ", "Hợp tác xã"),
        ("Vieät Nam", "Việt Nam"),
        ("Tröôøng Ñaïi hoïc", "Trường Đại học"),
        ("Ñaø Naüng", "Đà Nẵng"),
        ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Nguyeãn Thò Kim", "Nguyễn Thị Kim"),
        ("Tænh Vónh Long", "Tỉnh Vĩnh Long"),
        ("VIEÄT NAM", "VIỆT NAM"),
        ("aên uoáng", "ăn uống"),
    ],
)
def test_vni_known_strings(vni: str, unicode: str) -> None:
    assert decode_vni(vni) == unicode
    assert encode_vni(unicode) == vni


@pytest.mark.parametrize(
    ("tcvn3", "unicode"),
    [
        ("Hîp t¸c x· Tµi Hoan", "Hợp tác xã Tài Hoan"),
        ("ViÖt Nam", "Việt Nam"),
        ("Tr\u00adêng §¹i häc", "Trường Đại học"),
        ("Thµnh phè Hå ChÝ Minh", "Thành phố Hồ Chí Minh"),
        ("§¾k L¾k", "Đắk Lắk"),
        ("NguyÔn ThÞ H\u00adêng", "Nguyễn Thị Hường"),
    ],
)
def test_tcvn3_known_strings(tcvn3: str, unicode: str) -> None:
    assert decode_tcvn3(tcvn3) == unicode
    assert encode_tcvn3(unicode) == tcvn3


def test_tcvn3_capitals_from_all_caps_font() -> None:
    # .VnTimeH draws lower-case codes as capitals; whole-string and per-word caps.
    assert decode_tcvn3("HîP T¸C X·") == "HỢP TÁC XÃ"
    assert decode_tcvn3("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM") == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert decode_tcvn3("Sè: 26/2026/Q§-TTg") == "Số: 26/2026/QĐ-TTg"
    # A sentence opening with a toned vowel gets its capital back; mid-sentence it cannot.
    assert decode_tcvn3("Êp B¾c. ñy ban") == "Ấp Bắc. Ủy ban"
    assert decode_tcvn3("§«ng Nam ¸") == "Đông Nam á"


def test_registries() -> None:
    assert set(LEGACY_DECODERS) == set(LEGACY_ENCODERS) == {"TCVN3", "VNI"}


# --------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------


def _tcvn3_representable(phrase: str) -> bool:
    """VN3 has no toned capitals: they survive only in all-capital words or as the first
    letter of the string, which in turn is always given a capital."""
    first, *rest = phrase.split()
    if first[0].islower() and not first[0].isascii() and first[0] not in "ăâêôơưđ":
        return False
    for word in rest:
        if not word.isupper() and any(
            c.isupper() and c not in "ĂÂÊÔƠƯĐ" and not c.isascii() for c in word
        ):
            return False
    return True


# Phrases whose mojibake is itself spelled like Vietnamese, so detection cannot see it
# (VNI writes "nồi" as "noài", a valid spelling). Decoding them still works.
NOT_DETECTABLE = {
    "VNI": {"xoong nồi"},
    "TCVN3": set[str](),
}


def test_phrase_list_is_big_and_covers_all_tones() -> None:
    assert len(PHRASES) >= 60
    text = unicodedata.normalize("NFD", " ".join(PHRASES).lower())
    for mark in "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b":
        assert mark in text
    assert any(p.isupper() for p in PHRASES)


@pytest.mark.parametrize("phrase", PHRASES)
def test_vni_round_trip(phrase: str) -> None:
    assert decode_vni(encode_vni(phrase)) == phrase


@pytest.mark.parametrize("phrase", [p for p in PHRASES if _tcvn3_representable(p)])
def test_tcvn3_round_trip(phrase: str) -> None:
    assert decode_tcvn3(encode_tcvn3(phrase)) == phrase


def test_round_trip_of_the_alphabet() -> None:
    assert decode_vni(encode_vni(VI_LOWER)) == VI_LOWER
    assert decode_vni(encode_vni(VI_LOWER.upper())) == VI_LOWER.upper()
    assert decode_tcvn3(encode_tcvn3("x" + VI_LOWER)) == "x" + VI_LOWER


def test_decoders_leave_plain_text_alone() -> None:
    for text in ["", "OCOP 2026", "Hợp tác xã", "25°C – 30°C"]:
        assert decode_vni(text) == text
    assert decode_tcvn3("OCOP 2026") == "OCOP 2026"


# --------------------------------------------------------------------------------------
# Syllable validator
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["hợp", "Tác", "XÃ", "nghiêng", "khuỷu", "quyết", "giữa", "gì", "người", "oản", "ý",
     "Đắk", "xoong", "thuở", "huỵch", "khuya", "yêu", "uống", "kẻ", "ghế", "nghĩ"],
)  # fmt: skip
def test_valid_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["", "café", "the1", "hỢp", "ă", "â", "ẵ", "tàt", "bac", "ci", "ce", "gha", "ngeo",
     "khangs", "moa", "street", "Müller", "hợpp", "the\u0301\u0301", "quu", "µm", "kan"],
)  # fmt: skip
def test_invalid_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# --------------------------------------------------------------------------------------
# Detection: positives
# --------------------------------------------------------------------------------------


def test_detects_the_examples_of_the_brief() -> None:
    guess = detect_legacy("Hîp t¸c x· Tµi Hoan")
    assert guess is not None
    assert (guess.encoding, guess.text) == ("TCVN3", "Hợp tác xã Tài Hoan")
    guess = detect_legacy("Hôïp taùc xaõ")
    assert guess is not None
    assert (guess.encoding, guess.text) == ("VNI", "Hợp tác xã")


@pytest.mark.parametrize(
    "phrase", [p for p in PHRASES if len(p.split()) >= 2 and p not in NOT_DETECTABLE["VNI"]]
)
def test_detects_vni_phrases(phrase: str) -> None:
    guess = detect_legacy(encode_vni(phrase))
    assert guess is not None
    assert guess.encoding == "VNI"
    assert guess.text == phrase


@pytest.mark.parametrize(
    "phrase", [p for p in PHRASES if len(p.split()) >= 2 and p not in NOT_DETECTABLE["TCVN3"]]
)
def test_detects_tcvn3_phrases(phrase: str) -> None:
    guess = detect_legacy(encode_tcvn3(phrase))
    assert guess is not None
    assert guess.encoding == "TCVN3"
    assert guess.text.lower() == phrase.lower()


def test_detects_legacy_sentences_of_the_decision() -> None:
    lines = [
        line
        for line in LEGAL_TEXT.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 6 and not line.isascii()
    ]
    assert len(lines) > 500
    for name, encode in LEGACY_ENCODERS.items():
        found = 0
        for line in lines:
            guess = detect_legacy(encode(line))
            found += guess is not None and guess.encoding == name
        assert found / len(lines) > 0.97, name


# --------------------------------------------------------------------------------------
# Detection: no false positives
# --------------------------------------------------------------------------------------

NEGATIVES = [
    # Vietnamese Unicode: producers, products, addresses
    *PHRASES,
    "Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp Thái Nguyên",
    "HTX Chè Tân Cương Hoàng Bình",
    "Công ty Cổ phần Đầu tư Phát triển Nông sản Sạch",
    "Cơ sở sản xuất bánh đa nem Làng Chều",
    "Số 12, đường Lê Lợi, phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
    "Thôn Đông Cao, xã Tráng Việt, Hà Nội",
    "Ấp 3, xã Tân Thạnh, tỉnh Long An",
    "Nước mắm Phú Quốc 40 độ đạm",
    "Trà hoa vàng Ba Chẽ – túi lọc 2 g × 25 gói",
    "Mật ong bạc hà Mèo Vạc, chai 500 ml",
    "Bưởi da xanh Bến Tre loại 1 (1,5–2 kg/quả)",
    "Sản phẩm đạt 4 sao OCOP cấp tỉnh năm 2024",
    "Bảo quản nơi khô ráo, thoáng mát, nhiệt độ dưới 30°C",
    "Hạn sử dụng: 12 tháng kể từ ngày sản xuất",
    "Thành phần: gạo nếp cái hoa vàng 100%",
    "Giám đốc: Nguyễn Văn Ánh – ĐT: 0912 345 678",
    "Quyết định số 123/QĐ-UBND ngày 15/3/2025",
    "Hà Nội, ngày 22 tháng 5 năm 2026",
    "Xã Mường Phăng, huyện Điện Biên",
    "Chủ tịch Hội đồng quản trị",
    # Vietnamese Unicode made only of Latin-1 letters (the hard case for detection)
    "Cà phê",
    "Cà Mau",
    "Bà Tô",
    "Cô Tô",
    "Tây Ninh",
    "Phú Yên",
    "Tân Hòa",
    "Sa Pa",
    "Tà Xùa",
    "Bánh tét",
    "Chè búp",
    "Gà ri",
    "Cá kho tộ",
    "Tôm khô",
    "Nón lá",
    "Bí đao",
    "Mè đen",
    "Mía",
    "Khoai môn",
    "Xôi gà",
    "Cao Bằng",
    "Hòa Bình",
    "Yên Bái",
    "Phú Thọ",
    "Tiên Yên",
    "Long Xuyên",
    "Cà na",
    "Chè xanh Tân",
    "Bò khô",
    "Khô bò",
    "Tôm chua",
    "Cá thu",
    "Mít",
    "Dê núi",
    "Vò gốm",
    "Bàn ghế tre",
    "Nhà tôi",
    "Bánh bò",
    "Chả cá Lã Vọng",
    "Xoài cát Hòa Lộc",
    "Gạo tám xoan",
    "Bún bò Huế",
    "Tô Châu",
    "Hòn Gai",
    "Vân Hồ",
    "Ông bà",
    "Cô chú",
    "Tí hon",
    "Quê tôi",
    "Mì Quảng",
    # NFD Vietnamese (macOS)
    unicodedata.normalize("NFD", "Hợp tác xã Tài Hoan"),
    unicodedata.normalize("NFD", "Cà phê"),
    # English, numbers and punctuation
    "Organic green tea from Thai Nguyen – 100 g",
    "Net weight 500 g … best before 12/2026",
    "© 2025 Tai Hoan Cooperative. All rights reserved.",
    "Store at 2–8 °C",
    "Temperature: 25°C ± 2°C",
    "Mix ½ cup of sugar with ¼ cup of water",
    "Use ¾ of the bottle",
    "Thickness 10 µm",
    "10 µm to 20 µm",
    "to µm",
    "Dose 5 µg",
    "Particle size < 5 µm, purity ≥ 99.5 %",
    "Price: £5, €6 or $7",
    "OCOP® is a registered trademark",
    "Brand™",
    "Section § 4.2",
    "See ¶ 3",
    "Size 30×40 cm",
    "Ratio 3÷4",
    "He said «bonjour» to me",
    "Nguyen · Tran · Le",
    "Tom · Jerry",
    "Grade A · Class 1",
    "Degree 10¹ and 10² and 10³",
    "Item nº 5",
    "ISO 22000:2018",
    "HACCP certified since 2019",
    "VietGAP, GlobalGAP",
    "Lot: A-2025-03-17 / Exp: 2027-03-16",
    "Made in Vietnam",
    "Customer satisfaction survey",
    "The product has a sweet and slightly bitter taste.",
    "Dried mango slices, no added sugar",
    "Handmade bamboo basket – 30 cm × 20 cm",
    "Fish sauce 40°N",
    "Alcohol 29.5% vol",
    "Energy 1,520 kJ / 363 kcal per 100 g",
    "Serving size: ½ pack (50 g)",
    "Phone: +84 (0)24 3823 4567",
    "Fax: (028) 3829 1234",
    "Website: www.taihoan.vn",
    "A B C",
    "N/A",
    "—",
    "…",
    "“Quoted text”",
    "‘single’",
    "• bullet",
    "« »",
    "100 %",
    "1/2",
    "½",
    "© ®",
    "°",
    "µ",
    "±0.5",
    # E-mail addresses, URLs, paths, tax codes, dates
    "htx.taihoan@gmail.com",
    "info@chetancuong.com.vn",
    "https://ocop.gov.vn/san-pham/che-tan-cuong",
    "http://example.com/ho-so?id=123&lang=vi",
    "file:///C:/Users/admin/Documents/ho-so.pdf",
    "C:\\Users\\admin\\Tài liệu\\hồ sơ.docx",
    "/home/user/ho-so/tai-lieu/chung-nhan-attp.pdf",
    "tai-lieu/giay-dang-ky-kinh-doanh.pdf",
    "0101234567",
    "0101234567-001",
    "001085012345",
    "2025-03-17",
    "17/03/2025",
    "12.345.678 đồng",
    "1.234.567,89",
    "+84 912 345 678",
    "ĐT: 0912.345.678",
    # French, German, Spanish, Portuguese, Nordic names and phrases
    "Crème brûlée",
    "Café de Paris",
    "Nestlé Việt Nam",
    "Nestlé",
    "Société Générale",
    "Hôtel Métropole",
    "Sofitel Legend Métropole Hanoi",
    "Pâté chaud",
    "Bánh mì pâté",
    "Château Dalat",
    "Crêpe",
    "À la carte",
    "Où est la gare ?",
    "Déjà vu",
    "Naïve",
    "Noël",
    "Citroën",
    "Zoë",
    "Chloé",
    "André",
    "José García",
    "Señor",
    "Año Nuevo",
    "Niño",
    "Müller GmbH",
    "Straße",
    "Über",
    "Björk",
    "Ångström",
    "Søren Kierkegaard",
    "São Paulo",
    "Não",
    "Mãe",
    "Fiancée",
    "Résumé",
    "Façade",
    "Jalapeño",
    "Piña colada",
    "Açaí",
    "Crème fraîche",
    "Bouillabaisse à la marseillaise",
    "Côte d'Ivoire",
    "L'Oréal",
    "Moët & Chandon",
    "Häagen-Dazs",
    "Dom Pérignon",
    "Renée Zellweger",
    "Gaël",
    "Raúl",
    "Ioánnis",
    "Aída",
    "Frère Jacques",
    "Forêt",
    "Être",
    "Île de France",
    "Dîner",
    "Goût",
    "Hawaiʻi",
    # UTF-8 read as Windows-1252: a different mojibake, not ours to "fix"
    "Há»£p tÃ¡c xÃ£",
    "Viá»‡t Nam",
]


def test_negative_corpus_is_big() -> None:
    assert len(NEGATIVES) >= 200


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_false_positive(text: str) -> None:
    assert detect_legacy(text) is None


def test_no_false_positive_on_the_decision() -> None:
    lines = LEGAL_TEXT.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 1000
    flagged = [line for line in lines if detect_legacy(line) is not None]
    assert flagged == []
    # The same text with diacritics only from Latin-1 would be the worst case; the
    # decision's words that happen to be Latin-1-only must pass too.
    words = {w for line in lines for w in line.split() if not w.isascii()}
    latin1_words = [w for w in words if all(ord(c) < 256 for c in w)]
    assert latin1_words
    assert [w for w in latin1_words if detect_legacy(w)] == []


def test_detection_of_normal_text_is_fast() -> None:
    samples = [
        "Hợp tác xã Nông nghiệp Tân Cương",
        "Cà phê",
        "Organic green tea – 100 g",
        "htx.taihoan@gmail.com",
        "0101234567",
        "Số 12, đường Lê Lợi, phường Bến Nghé, Quận 1",
    ]
    rounds = 2000
    start = time.perf_counter()
    for _ in range(rounds):
        for text in samples:
            detect_legacy(text)
    per_call = (time.perf_counter() - start) / (rounds * len(samples))
    # The goal is microseconds; the bound is loose so that slow CI machines pass.
    assert per_call < 50e-6


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------


def test_nfc_helpers() -> None:
    nfd = unicodedata.normalize("NFD", "Hợp tác xã")
    assert not is_nfc(nfd)
    assert to_nfc(nfd) == "Hợp tác xã"
    assert is_nfc("Hợp tác xã")
    assert is_nfc("plain")
    assert to_nfc("plain") == "plain"


# --------------------------------------------------------------------------------------
# decode_bytes
# --------------------------------------------------------------------------------------

YAML_TEXT = "chu_the:\n  ten: Hợp tác xã Tài Hoan\nsan_pham:\n  ten: Chè xanh\n"


def _ok(result: DecodedText) -> str:
    assert result.ok, result.failure
    assert result.text is not None
    return result.text


def test_decode_utf8() -> None:
    result = decode_bytes(YAML_TEXT.encode("utf-8"))
    assert _ok(result) == YAML_TEXT
    assert result.encoding == "utf-8"
    assert not result.has_nul


def test_decode_utf8_with_bom() -> None:
    result = decode_bytes(codecs.BOM_UTF8 + YAML_TEXT.encode("utf-8"))
    assert _ok(result) == YAML_TEXT
    assert result.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("codec", "name"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_decode_utf16_with_bom(codec: str, name: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    result = decode_bytes(bom + YAML_TEXT.encode(codec))
    assert _ok(result) == YAML_TEXT
    assert result.encoding == name
    assert not result.has_nul


def test_decode_empty() -> None:
    assert _ok(decode_bytes(b"")) == ""


def test_decode_keeps_nfd_as_stored() -> None:
    nfd = unicodedata.normalize("NFD", YAML_TEXT)
    assert _ok(decode_bytes(nfd.encode("utf-8"))) == nfd


def test_nul_in_utf8_is_reported() -> None:
    result = decode_bytes(b"abc\x00def")
    assert result.ok
    assert result.has_nul


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Encode as Windows "ANSI" on a Vietnamese system: precomposed where the code page
    has the letter, otherwise base letter plus a combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out += (base + "".join(c for c in parts if c in _TONE_MARKS)).encode("cp1258")
    return out


def test_windows_1258_is_refused_with_position_and_guess() -> None:
    data = _cp1258(YAML_TEXT)
    result = decode_bytes(data)
    assert not result.ok
    assert result.text is None
    failure = result.failure
    assert failure is not None
    assert failure.reason == "not-utf8"
    assert failure.line == 2
    assert failure.column == len("  ten: H") + 1
    assert failure.offset == data.index(b"ten: H") + len("ten: H")
    assert failure.bad_bytes == data[failure.offset : failure.offset + 4]
    assert failure.likely_encoding == "windows-1258"


@pytest.mark.parametrize(("name", "encode"), list(LEGACY_ENCODERS.items()))
def test_legacy_8bit_file_is_refused_with_guess(name: str, encode: object) -> None:
    assert callable(encode)
    text = "ten: " + encode("Hợp tác xã Tài Hoan, chè xanh Tân Cương, Thái Nguyên") + "\n"
    result = decode_bytes(text.encode("cp1252"))
    assert not result.ok
    assert result.failure is not None
    assert result.failure.line == 1
    assert result.failure.likely_encoding == name


def test_utf16_without_bom_is_refused() -> None:
    result = decode_bytes(YAML_TEXT.encode("utf-16-le"))
    assert not result.ok
    assert result.has_nul
    assert result.failure is not None
    assert result.failure.likely_encoding == "utf-16-le"


def test_utf32_is_refused() -> None:
    result = decode_bytes(YAML_TEXT.encode("utf-32"))
    assert not result.ok
    assert result.failure is not None
    assert result.failure.reason == "utf32"
    assert result.failure.likely_encoding == "utf-32"


def test_broken_utf16_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    result = decode_bytes(data)
    assert not result.ok
    assert result.failure is not None
    assert result.failure.reason == "bad-utf16"
    assert result.failure.line == 2
    assert result.failure.offset == len(data) - 2


def test_binary_file_is_refused_as_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x90"
    result = decode_bytes(png)
    assert not result.ok
    assert result.has_nul
    assert result.failure is not None
    assert result.failure.offset == 0
    assert result.failure.likely_encoding == "binary"
