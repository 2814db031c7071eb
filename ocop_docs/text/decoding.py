"""Byte decoding of data files: UTF-8 or UTF-16 with its BOM, anything else explained.

A dossier, round file or scorecard is read as bytes and decoded here
(:func:`decode_bytes`), accepting only UTF-8 (with or without BOM) and UTF-16 with BOM
(architecture §5.7, "UTF-8 and NFC everywhere"). Anything else is explained as data, not
as an exception (architecture §5.2), with where decoding stopped and what the file
probably is (Windows-1258, or bytes of the TCVN3/VNI fonts of :mod:`ocop_docs.text.legacy`),
so the caller can tell the user to "save the file as UTF-8". Also the NFC helpers
(:func:`to_nfc`, :func:`is_nfc`): macOS and some Word exports write NFD.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Final, Literal

from ocop_docs.text.legacy import decode_tcvn3, decode_vni, is_vietnamese_syllable

__all__ = [
    "DecodeFailure",
    "DecodedText",
    "decode_bytes",
    "is_nfc",
    "nfc_tree",
    "to_nfc",
]

TextEncoding = Literal["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]
FailureReason = Literal["not-utf8", "bad-utf16", "utf32"]


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------


def to_nfc(s: str) -> str:
    """NFC form of *s* (architecture §4.9); ASCII is returned as is."""
    if s.isascii():
        return s
    return unicodedata.normalize("NFC", s)


def nfc_tree(value: Any) -> Any:
    """Every text of loaded data in NFC (keys too), dates as ISO text, as a round's data
    reaches the documents (architecture §5.7: text is compared and printed in NFC)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(nfc_tree(k)): nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_tree(v) for v in value]
    return value


def is_nfc(s: str) -> bool:
    """True if *s* is already NFC (macOS and some Word exports give NFD)."""
    return s.isascii() or unicodedata.is_normalized("NFC", s)


@dataclass(frozen=True, slots=True)
class DecodeFailure:
    """Why a file's bytes are not text we accept, and where.

    ``offset`` is the byte offset of the first offending byte from the start of the file
    (BOM included); ``line`` and ``column`` are 1-based, the column counted in characters
    of the readable start of that line. ``bad_bytes`` holds up to four bytes from the
    offset, for the message. ``likely_encoding`` is a guess of what the file really is:
    ``"windows-1258"``, ``"TCVN3"``, ``"VNI"``, ``"utf-16-le"`` / ``"utf-16-be"``
    (without BOM), ``"utf-32"``, ``"binary"``, or ``None`` when nothing fits.
    """

    reason: FailureReason
    offset: int
    line: int
    column: int
    bad_bytes: bytes
    likely_encoding: str | None


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The result of :func:`decode_bytes`.

    ``text`` is the decoded text exactly as stored (not NFC-normalised, so positions
    match the file; BOM removed), or ``None`` if the bytes were refused, in which case
    ``failure`` says why. ``has_nul`` is true when the text (or, on failure, the bytes)
    contains NUL characters, which means a binary file rather than text.
    """

    text: str | None
    encoding: TextEncoding | None
    has_nul: bool
    failure: DecodeFailure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


_UTF32_BOMS: Final = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a dossier file: UTF-8 (BOM optional) or UTF-16 with BOM; refuse the rest.

    Refusal is a value, not an exception: the result's ``failure`` says where decoding
    stopped and what the file probably is, so the user can be told to save it as UTF-8.
    """
    if data.startswith(_UTF32_BOMS):
        return DecodedText(
            None, None, b"\x00" in data, DecodeFailure("utf32", 0, 1, 1, data[:4], "utf-32")
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data)
    encoding: TextEncoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    start = 3 if encoding == "utf-8-sig" else 0
    has_nul = b"\x00" in data
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        line_start = max(data.rfind(b"\n", 0, offset) + 1, start)
        column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
        failure = DecodeFailure(
            "not-utf8",
            offset,
            data.count(b"\n", 0, offset) + 1,
            column,
            data[offset : offset + 4],
            _guess_encoding(data[start:]),
        )
        return DecodedText(None, None, has_nul, failure)
    return DecodedText(text, encoding, has_nul)


def _decode_utf16(data: bytes) -> DecodedText:
    encoding: TextEncoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        text = data[2:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = 2 + exc.start
        before = data[2:offset].decode(encoding, "replace")
        line_start = before.rfind("\n") + 1
        failure = DecodeFailure(
            "bad-utf16",
            offset,
            before.count("\n") + 1,
            len(before) - line_start + 1,
            data[offset : offset + 4],
            None,
        )
        return DecodedText(None, None, "\x00" in before, failure)
    return DecodedText(text, encoding, "\x00" in text)


_ANY_WORD_RE: Final = re.compile(r"[^\W\d_]+")


def _vietnamese_score(text: str) -> int:
    """Non-ASCII words that are Vietnamese syllables minus those that are not."""
    score = 0
    for match in _ANY_WORD_RE.finditer(text):
        word = match.group()
        if not word.isascii():
            score += 1 if is_vietnamese_syllable(word) else -1
    return score


def _guess_encoding(data: bytes) -> str | None:
    """Best guess for bytes that are not UTF-8 (only the first 64 KiB are examined)."""
    sample = data[:65536]
    if b"\x00" in sample:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) // 2 or 1
        # ASCII-heavy UTF-16 has a zero in (nearly) every other byte.
        if odd > 0.3 * half and odd > 4 * even:
            return "utf-16-le"
        if even > 0.3 * half and even > 4 * odd:
            return "utf-16-be"
        return "binary"
    latin1 = sample.decode("latin-1")
    candidates = {
        # Windows-1258 writes most tones as combining marks after the vowel.
        "windows-1258": _vietnamese_score(to_nfc(sample.decode("cp1258", "replace"))),
        "TCVN3": _vietnamese_score(decode_tcvn3(latin1)),
        "VNI": _vietnamese_score(decode_vni(latin1)),
    }
    name, score = max(candidates.items(), key=lambda item: item[1])
    return name if score > 0 else None
