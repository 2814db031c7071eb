"""Legacy Vietnamese font encodings (TCVN3, VNI): decoding, encoding, detecting mojibake.

Many Vietnamese offices still type in pre-Unicode fonts: TCVN3 / ABC (".VnTime",
TCVN 5712:1993 VN3) and VNI Windows ("VNI-Times"). Text in those fonts pasted into a
UTF-8 file keeps its 8-bit codes read as Windows-1252, so "Hợp tác xã" arrives as
"Hîp t¸c x·" (TCVN3) or "Hôïp taùc xaõ" (VNI). This module

* decodes and encodes both schemes (:func:`decode_tcvn3`, :func:`decode_vni`,
  :func:`encode_tcvn3`, :func:`encode_vni`);
* guesses whether one string is such mojibake (:func:`detect_legacy`), cheaply enough to
  be run on every string of every dossier;
* tells a Vietnamese syllable (:func:`is_vietnamese_syllable`), which
  :mod:`ocop_docs.text.decoding` also uses to guess what a file that is not UTF-8 is.

Known limits, on purpose:

* TCVN3 (VN3) has precomposed capitals only for Ă Â Ê Ô Ơ Ư Đ. ABC users wrote other
  capitals with the all-caps ".VnTimeH" font, which draws the *lower-case* codes as
  capitals. The decoder therefore upper-cases a word when its other cased letters are all
  capitals (``"HîP"`` → ``"HỢP"``) and capitalises a toned vowel that opens the string or
  a sentence (``"Êp B¾c"`` → ``"Ấp Bắc"``); elsewhere a capital toned vowel (``"Đông
  Nam Á"``, ``"Chủ tịch Ủy ban"``) cannot be told from a small one and comes back small.
* Only the VN3 positions are decoded. The extra capitals that TCVN 5712 VN1/VN2 put in
  C0 and 0x80–0x9F, and its combining tone marks at 0xB0–0xB4, are left alone: read as
  Windows-1252 they are ordinary punctuation ("–", "…", "°", "²") that must not change.
* TCVN3 ``ư`` is byte 0xAD, a soft hyphen in Windows-1252; tools that drop soft hyphens
  destroy it before we see the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

__all__ = [
    "LEGACY_DECODERS",
    "LEGACY_ENCODERS",
    "LegacyEncoding",
    "LegacyGuess",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy",
    "encode_tcvn3",
    "encode_vni",
    "is_vietnamese_syllable",
]

LegacyEncoding = Literal["TCVN3", "VNI"]


# --------------------------------------------------------------------------------------
# Vietnamese letters and tones
# --------------------------------------------------------------------------------------

#: Tone numbers used internally: 0 ngang, then the five marked tones.
_NGANG, _SAC, _HUYEN, _HOI, _NGA, _NANG = range(6)
_TONE_BY_MARK: Final = {
    "\u0301": _SAC,
    "\u0300": _HUYEN,
    "\u0309": _HOI,
    "\u0303": _NGA,
    "\u0323": _NANG,
}

# The 12 vowel letters without tone, and the 5 tones: 12 × 6 = 72 lower-case vowels.
_TONELESS_VOWELS: Final = "aăâeêioôơuưy"
_LOWER_VOWELS: Final = tuple(
    unicodedata.normalize("NFC", v + mark)
    for v in _TONELESS_VOWELS
    for mark in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
)
#: Every lower-case letter of the Vietnamese alphabet that is not plain ASCII (67).
_VI_LOWER_NON_ASCII: Final = "".join(c for c in _LOWER_VOWELS if not c.isascii()) + "đ"


def _split_letter(ch: str) -> tuple[str, int]:
    """Split a Vietnamese letter into (lower-case toneless letter, tone number)."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    tone = _NGANG
    kept = []
    for part in decomposed:
        if part in _TONE_BY_MARK:
            tone = _TONE_BY_MARK[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


# Letter → (toneless lower-case letter, tone). Anything absent (ñ, ü, ß, digits) makes a
# word non-Vietnamese at once, which is what rejects most foreign words cheaply.
_LETTER_INFO: Final[dict[str, tuple[str, int]]] = {}
for _ch in "abcdefghijklmnopqrstuvwxyz" + _VI_LOWER_NON_ASCII:
    _LETTER_INFO[_ch] = _split_letter(_ch)
    _LETTER_INFO[_ch.upper()] = _LETTER_INFO[_ch]
del _ch

# Rhymes (vần) in toneless spelling. Kept deliberately to the ones Vietnamese orthography
# uses: a looser list would let mojibake of foreign words pass as Vietnamese. "ă"/"â"
# never stand without a final consonant, "iê/uô/ươ" never without one either.
_RHYME_TABLE: Final = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên êng ênh êp êt êu
i ia ich im in inh ip it iu
iêc iêm iên iêng iêp iêt iêu
y yêm yên yêng yêt yêu ynh yt
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut
uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
oa oac oach oai oam oan oang oanh oap oat oay
oăc oăm oăn oăng oăt
oe oen oeo oet
uân uâng uât uây
uê uêch uênh
uơ
uy uya uych uyên uyêt uyn uynh uyp uyt uyu
ak ăk ôk
"""
# The last line: final "k" of Central Highlands place names (Đắk Lắk, Đắk Nông, Pắk).
_RHYMES: Final = _RHYME_TABLE.split()

# Onsets with the spelling rules that matter for telling words from noise: k/gh/ngh
# only before front vowels, c/g/ng never before them, qu only before a vowel that is not
# a medial, and the labials b/m/p/ph/v never take the o-medial (no "moa", "phoe").
_ONSET: Final = (
    r"(?:ngh(?=[eêi])|ng(?![eêi])|gh(?=[eêi])|gi(?=[aăâeêoôơuư])|g(?![eê])"
    r"|k(?=[eêiy])|kh|ch|c(?![eêiy])|nh|th|tr|qu(?=[aăâeêioôơy])"
    r"|ph(?!o[aăe])|[bmpv](?!o[aăe])|[dđhlnrstx])?"
)
_SYLLABLE_RE: Final = re.compile(
    _ONSET + "(?:" + "|".join(sorted(_RHYMES, key=len, reverse=True)) + ")"
)
_STOP_CODAS: Final = ("p", "t", "c", "ch")


def is_vietnamese_syllable(word: str) -> bool:
    """True if *word* is spelled like one Vietnamese syllable (NFC, any tone).

    Checks letters, case (lower, Capitalised or UPPER), onset + rhyme against the
    orthography's tables, at most one tone mark, and that syllables closed by p/t/c/ch
    carry sắc or nặng. It says nothing about whether the syllable is a real word.
    """
    return _is_syllable(word)


# Words repeat endlessly across dossiers ("Hợp", "tác", "xã"), so a bounded cache makes
# the validator nearly free on real input.
@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    if not word or not (word.islower() or word.isupper() or word[1:].islower()):
        return False
    tone = _NGANG
    base = []
    for ch in word:
        info = _LETTER_INFO.get(ch)
        if info is None:
            return False
        letter, mark = info
        if mark:
            if tone:
                return False
            tone = mark
        base.append(letter)
    toneless = "".join(base)
    if _SYLLABLE_RE.fullmatch(toneless) is None:
        return False
    return not (toneless.endswith(_STOP_CODAS) and tone not in (_SAC, _NANG))


# --------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3, "ABC")
# --------------------------------------------------------------------------------------

# Byte ranges of VN3 and the letters at them, in order. Checked against glibc's
# TCVN5712-1 charmap, whose 0xA1–0xFE letters VN3 shares; the gaps (0xAF, 0xB0–0xB4,
# 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF) hold VN1-only capitals and
# combining marks that ABC fonts do not use.
_TCVN3_RANGES: Final = (
    (0xA1, 0xAE), (0xB5, 0xB9), (0xBB, 0xBE), (0xC6, 0xCC), (0xCE, 0xCF),
    (0xD0, 0xD8), (0xDC, 0xDF), (0xE1, 0xEF), (0xF1, 0xFE),
)  # fmt: skip
_TCVN3_LETTERS: Final = (
    "ĂÂÊÔƠƯĐăâêôơưđ"  # A1–AE
    "àảãáạ"  # B5–B9
    "ằẳẵắ"  # BB–BE
    "ặầẩẫấậè"  # C6–CC
    "ẻẽ"  # CE–CF
    "éẹềểễếệìỉ"  # D0–D8
    "ĩíịò"  # DC–DF
    "ỏõóọồổỗốộờởỡớợù"  # E1–EF
    "ủũúụừửữứựỳỷỹýỵ"  # F1–FE
)
_TCVN3_CODES: Final = "".join(chr(c) for lo, hi in _TCVN3_RANGES for c in range(lo, hi + 1))
if len(_TCVN3_CODES) != len(_TCVN3_LETTERS):  # pragma: no cover - guards the table above
    raise AssertionError("TCVN3 table is misaligned")

_TCVN3_DECODE_TABLE: Final = str.maketrans(dict(zip(_TCVN3_CODES, _TCVN3_LETTERS, strict=True)))
_TCVN3_CAPITAL_CODES: Final = _TCVN3_CODES[:7]  # ¡¢£¤¥¦§ = Ă Â Ê Ô Ơ Ư Đ
_TCVN3_LOWER_CODES: Final = frozenset(_TCVN3_CODES[7:])
# Lower-case codes whose capital VN3 cannot write (every toned vowel): only these may
# stand for a capital that the typist could not enter.
_TCVN3_CAPLESS_CODES: Final = frozenset(_TCVN3_CODES[14:])


def _build_tcvn3_encode() -> dict[int, str]:
    table: dict[int, str] = {}
    for code, letter in zip(_TCVN3_CODES, _TCVN3_LETTERS, strict=True):
        table[ord(letter)] = code
    for letter in _VI_LOWER_NON_ASCII:
        capital = letter.upper()
        # The .VnTimeH convention: a capital with no VN3 code is typed with the
        # lower-case code and drawn as a capital by the all-caps font.
        table.setdefault(ord(capital), table[ord(letter)])
    return table


_TCVN3_ENCODE_TABLE: Final = _build_tcvn3_encode()

# Runs of letters as they appear in TCVN3 mojibake: ASCII and Latin-1 letters plus every
# VN3 code (several of which are symbols in Windows-1252: ¸ · µ ¹ ® ¬ ...).
_LATIN1_LETTERS: Final = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_TCVN3_WORD_RE: Final = re.compile("[" + _LATIN1_LETTERS + re.escape(_TCVN3_CODES) + "]+")
_TCVN3_ANY_RE: Final = re.compile("[" + re.escape(_TCVN3_CODES) + "]")
_ASCII_LOWER_RE: Final = re.compile("[a-z]")
_CAPS_FOR_TCVN3_RE: Final = re.compile("[A-Z" + _TCVN3_CAPITAL_CODES + "]")


def _tcvn3_all_caps(text: str) -> bool:
    """The whole string looks typed in .VnTimeH: no ASCII lower case, ≥ 2 capitals."""
    if _ASCII_LOWER_RE.search(text):
        return False
    return len(_CAPS_FOR_TCVN3_RE.findall(text)) >= 2


_UPPER, _LOWER, _SINGLE, _UNCASED = range(4)


def _tcvn3_case(word: str) -> int:
    """How a TCVN3 word is cased, judged only from letters that have a case in VN3."""
    upper = lower = 0
    for c in word:
        if "A" <= c <= "Z" or c in _TCVN3_CAPITAL_CODES:
            upper += 1
        elif "a" <= c <= "z":
            lower += 1
    if lower:
        return _LOWER
    if upper >= 2:
        return _UPPER
    return _SINGLE if upper else _UNCASED


def _tcvn3_word(word: str, upper: bool) -> str:
    decoded = word.translate(_TCVN3_DECODE_TABLE)
    if upper and any(c in _TCVN3_LOWER_CODES for c in word):
        return decoded.upper()
    return decoded


def _tcvn3_upper_flags(words: list[str], all_caps: bool) -> list[bool]:
    """Which words were typed in .VnTimeH and must come back as capitals.

    A word is upper case when the whole string is, or when its own cased letters are all
    capitals (at least two). A word with a single capital ("X·", "§µ") is ambiguous
    between "Xã" and "XÃ"; it is upper case when the nearest words with two or more
    cased letters on both sides are capitals ("CéNG HßA X· HéI"), or, at either end of
    the string, the two nearest on the one side ("Bé TI£U CHÝ").
    """
    cases = [_tcvn3_case(w) for w in words]
    if all_caps:
        return [True] * len(words)
    flags = [case == _UPPER for case in cases]
    for i, case in enumerate(cases):
        if case != _SINGLE:
            continue
        before = [c for c in reversed(cases[:i]) if c in (_UPPER, _LOWER)][:2]
        after = [c for c in cases[i + 1 :] if c in (_UPPER, _LOWER)][:2]
        if before and after:
            flags[i] = before[0] == _UPPER and after[0] == _UPPER
        else:
            flags[i] = (before or after) == [_UPPER, _UPPER]
    return flags


_SENTENCE_END: Final = frozenset(".!?\n")


def _tcvn3_words(text: str) -> list[tuple[str, str]]:
    """(typed word, decoded word) for every letter run of *text*.

    A word that opens the string or a sentence and starts with a lower-case code is
    given a capital: dossier values and sentences start with one, and VN3 could not
    write "Ủy" or "Ấp" any other way.
    """
    matches = list(_TCVN3_WORD_RE.finditer(text))
    words = [m.group() for m in matches]
    flags = _tcvn3_upper_flags(words, _tcvn3_all_caps(text))
    pairs = []
    previous_end = 0
    for match, word, upper in zip(matches, words, flags, strict=True):
        decoded = _tcvn3_word(word, upper)
        gap = text[previous_end : match.start()]
        if word[0] in _TCVN3_CAPLESS_CODES and (
            previous_end == 0 or not _SENTENCE_END.isdisjoint(gap)
        ):
            decoded = decoded[0].upper() + decoded[1:]
        pairs.append((word, decoded))
        previous_end = match.end()
    return pairs


def decode_tcvn3(text: str) -> str:
    """Turn TCVN3 (ABC, .VnTime) mojibake into NFC Unicode: ``"Hîp t¸c x·"`` → ``"Hợp tác xã"``.

    Characters outside the VN3 table are kept as they are. See the module notes for how
    capitals are recovered.
    """
    if text.isascii():
        return text
    decoded = iter(d for _, d in _tcvn3_words(text))
    return unicodedata.normalize("NFC", _TCVN3_WORD_RE.sub(lambda _: next(decoded), text))


def encode_tcvn3(text: str) -> str:
    """Write Unicode text the way TCVN3 bytes look when read as Windows-1252.

    The inverse of :func:`decode_tcvn3` for lower case, ASCII and Ă Â Ê Ô Ơ Ư Đ. Other
    toned capitals get their lower-case code (.VnTimeH convention), so they survive a
    round trip only inside words whose other letters are capitals too. Characters that are
    not Vietnamese letters are copied unchanged.
    """
    return unicodedata.normalize("NFC", text).translate(_TCVN3_ENCODE_TABLE)


# --------------------------------------------------------------------------------------
# VNI Windows ("VNI-Times")
# --------------------------------------------------------------------------------------

# VNI writes a vowel as the ASCII base letter followed by one mark character; the mark
# encodes the vowel quality and the tone together. Lower-case marks follow lower-case
# bases, capital marks (the .upper() of these) follow capitals.
_VNI_PLAIN: Final = {_NGANG: "", _SAC: "ù", _HUYEN: "ø", _HOI: "û", _NGA: "õ", _NANG: "ï"}
_VNI_CIRCUMFLEX: Final = {_NGANG: "â", _SAC: "á", _HUYEN: "à", _HOI: "å", _NGA: "ã", _NANG: "ä"}
_VNI_BREVE: Final = {_NGANG: "ê", _SAC: "é", _HUYEN: "è", _HOI: "ú", _NGA: "ü", _NANG: "ë"}
# "i" has its own single characters (its dot collides with the marks), as does "ỵ".
_VNI_I: Final = {_NGANG: "i", _SAC: "í", _HUYEN: "ì", _HOI: "æ", _NGA: "ó", _NANG: "ò"}


def _vni_sequence(letter: str) -> str:
    """VNI spelling of one lower-case Vietnamese letter."""
    if letter == "đ":
        return "ñ"
    base, tone = _split_letter(letter)
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == _NANG:
        return "î"
    if base in "âêô":
        return {"â": "a", "ê": "e", "ô": "o"}[base] + _VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + _VNI_BREVE[tone]
    if base == "ơ":
        return "ô" + _VNI_PLAIN[tone]
    if base == "ư":
        return "ö" + _VNI_PLAIN[tone]
    return base + _VNI_PLAIN[tone]


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {}
    for letter in _VI_LOWER_NON_ASCII:
        sequence = _vni_sequence(letter)
        encode[letter] = sequence
        encode[letter.upper()] = sequence.upper()
    decode = {seq: letter for letter, seq in encode.items()}
    if len(decode) != len(encode):  # pragma: no cover - guards the construction above
        raise AssertionError("VNI table is ambiguous")
    return encode, decode


_VNI_ENCODE, _VNI_DECODE = _build_vni()
_VNI_ENCODE_TABLE: Final = str.maketrans(_VNI_ENCODE)
_VNI_SEQUENCE_RE: Final = re.compile(
    "|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True))
)
_VNI_WORD_RE: Final = re.compile("[" + _LATIN1_LETTERS + "]+")


def _vni_word(word: str) -> str:
    return _VNI_SEQUENCE_RE.sub(lambda m: _VNI_DECODE[m.group()], word)


def decode_vni(text: str) -> str:
    """Turn VNI Windows mojibake into NFC Unicode: ``"Hôïp taùc xaõ"`` → ``"Hợp tác xã"``."""
    if text.isascii():
        return text
    return unicodedata.normalize(
        "NFC", _VNI_SEQUENCE_RE.sub(lambda m: _VNI_DECODE[m.group()], text)
    )


def encode_vni(text: str) -> str:
    """Write Unicode text the way VNI Windows bytes look when read as Windows-1252."""
    return unicodedata.normalize("NFC", text).translate(_VNI_ENCODE_TABLE)


LEGACY_DECODERS: Final[Mapping[LegacyEncoding, Callable[[str], str]]] = {
    "TCVN3": decode_tcvn3,
    "VNI": decode_vni,
}
LEGACY_ENCODERS: Final[Mapping[LegacyEncoding, Callable[[str], str]]] = {
    "TCVN3": encode_tcvn3,
    "VNI": encode_vni,
}


# --------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LegacyGuess:
    """A string that reads as legacy-font mojibake.

    ``text`` is the suggested NFC Unicode; ``evidence`` counts the distinct words that
    are not Vietnamese as typed but become Vietnamese syllables once decoded (≥ 1).
    """

    encoding: LegacyEncoding
    text: str
    evidence: int


# Letters that exist only in Unicode Vietnamese (beyond Latin-1) and the combining marks
# of NFD text. Mojibake read as Windows-1252 can never contain them, so their presence
# ends the check at once; this is what keeps ordinary Vietnamese text at microseconds.
_UNICODE_VI_RE: Final = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
    "\u0300-\u036f\u1ea0-\u1ef9]"
)
_VNI_TRIGGER_RE: Final = re.compile(
    "[aeouyAEOUY][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ôöñíìæóòîÔÖÑÍÌÆÓÒÎ]"
)

_ABBREVIATION_RE: Final = re.compile("[A-ZĐ]+")
# "µm" would read as TCVN3 "àm": units with the micro sign are neutral words.
_UNIT_SYMBOLS: Final = frozenset(
    "µ" + unit for unit in ("m", "g", "l", "L", "s", "A", "V", "F", "W", "M", "mol", "Pa")
)

# Thresholds of the decision; see _assess.
_MIN_VALID_SHARE: Final = 0.7
_MAX_BAD_SHARE: Final = 0.1


def _assess(pairs: list[tuple[str, str]]) -> int:
    """Evidence (≥ 1) that a string is mojibake in one scheme, or 0.

    *pairs* holds each word of the string as typed and as decoded.

    A word is *evidence* when it is not a Vietnamese syllable as typed but is one once
    decoded, and is at least two letters long (a lone "·" or "¹" is punctuation far more
    often than "ã" or "ạ"); repeats count once. The text is accepted when

    * there are two different such words, or one of at least three letters ("Hîp"), or
      one of two letters in a string of two or more words that are all Vietnamese
      ("Hµ Giang");
    * nearly every word the decoder changed is a valid syllable afterwards (a foreign word
      such as "café" → "cafộ" vetoes the whole string);
    * most words overall are Vietnamese syllables, so English with a stray "µm" or "£"
      is not taken for Vietnamese.

    Words that are unchanged ASCII capitals (TNHH, HTX, OCOP) and unit symbols (µm) are
    neutral.
    """
    changed = bad = counted = valid = 0
    evidence: set[str] = set()
    for word, decoded in pairs:
        if word in _UNIT_SYMBOLS:
            continue
        if decoded == word:
            if word.isascii() and word.isupper():
                continue
            counted += 1
            valid += _is_syllable(word)
            continue
        changed += 1
        counted += 1
        if not _is_syllable(decoded):
            # Short capitals such as "QĐ", "PĐK" are abbreviations, not syllables.
            if not (len(decoded) <= 6 and _ABBREVIATION_RE.fullmatch(decoded)):
                bad += 1
            continue
        valid += 1
        if len(decoded) >= 2 and not _is_syllable(word):
            evidence.add(decoded.lower())
    if not evidence or bad > _MAX_BAD_SHARE * changed or valid < _MIN_VALID_SHARE * counted:
        return 0
    if len(evidence) == 1 and len(next(iter(evidence))) < 3 and (counted < 2 or valid < counted):
        return 0
    return len(evidence)


def _has_candidate(text: str, word_re: re.Pattern[str], trigger_re: re.Pattern[str]) -> bool:
    """Is there a word the decoder would change that is not Vietnamese as typed?

    Without one there can be no evidence, so this cheap scan settles ordinary text that
    happens to use Latin-1 letters ("Cà phê", "Crème brûlée") before any decoding.
    """
    for match in word_re.finditer(text):
        word = match.group()
        # Evidence needs two letters after decoding, and decoding never lengthens.
        if len(word) >= 2 and trigger_re.search(word) and not _is_syllable(word):
            return True
    return False


def detect_legacy(text: str) -> LegacyGuess | None:
    """Say whether *text* looks like TCVN3 or VNI mojibake, and suggest the Unicode.

    ``evidence`` of the result counts the distinct words that only make sense decoded.
    Returns ``None`` for ordinary text: ASCII (first test, nanoseconds), anything holding
    a letter only Unicode Vietnamese has (ơ, ư, ạ … — one regex search), and any string
    whose decoding does not turn non-Vietnamese words into Vietnamese syllables.
    """
    if text.isascii() or _UNICODE_VI_RE.search(text):
        return None
    best: LegacyGuess | None = None
    if _TCVN3_ANY_RE.search(text) and _has_candidate(text, _TCVN3_WORD_RE, _TCVN3_ANY_RE):
        pairs = _tcvn3_words(text)
        evidence = _assess(pairs)
        if evidence:
            decoded = iter(d for _, d in pairs)
            suggestion = _TCVN3_WORD_RE.sub(lambda _: next(decoded), text)
            best = LegacyGuess("TCVN3", unicodedata.normalize("NFC", suggestion), evidence)
    if _VNI_TRIGGER_RE.search(text) and _has_candidate(text, _VNI_WORD_RE, _VNI_TRIGGER_RE):
        evidence = _assess([(w, _vni_word(w)) for w in _VNI_WORD_RE.findall(text)])
        # On a tie VNI wins: its vowel-plus-mark pairs rarely arise by chance, while
        # TCVN3 reads them as two vowels that can happen to spell a syllable ("oọ").
        if evidence and (best is None or evidence >= best.evidence):
            best = LegacyGuess("VNI", decode_vni(text), evidence)
    return best
