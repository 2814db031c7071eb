"""The certificates' public look-up address (``--tra-cuu URL``) over a round's own.

A round file may name the page where buyers check a certificate
(``giay_chung_nhan.tra_cuu``; each certificate then prints a QR code and the link
``<address>/tra-cuu/<number>``, issue 14). The same address given as ``--tra-cuu`` to
``render`` or ``batch`` (issue 12) wins over the round file's, so a spreadsheet round or a
round file without it gets the QR code too. Only an ``http``/``https`` address of a host is
accepted, as the round schema's pattern says: anything else would print a code that opens
nothing, or a ``javascript:``/``file:`` link on an official paper.
"""

from __future__ import annotations

import re

from ocop_docs.errors import Issue, UsageError
from ocop_docs.production.rounds.model import Round

# The round schema's pattern for giay_chung_nhan.tra_cuu: a scheme, a host, a path; no
# spaces, no query, no fragment (the certificate's number is appended as a path segment).
LOOKUP_PATTERN = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?$")


def valid_lookup(url: str) -> bool:
    """Whether ``url`` is an address a certificate may print (see :data:`LOOKUP_PATTERN`)."""
    return bool(LOOKUP_PATTERN.fullmatch(url.strip()))


def check_lookup(url: str) -> str:
    """``url`` stripped, or :class:`UsageError` ``lookup-invalid`` (exit 2)."""
    text = url.strip()
    if not valid_lookup(text):
        raise UsageError("lookup-invalid", value=url)
    return text


def apply_lookup(rnd: Round, url: str) -> list[Issue]:
    """Set the round's look-up address to ``url`` (checked); the warning the round check
    gives when the certificates have no number (no link or QR can then be printed)."""
    text = check_lookup(url)
    if rnd.data is None:
        return []
    gcn = rnd.data.get("giay_chung_nhan")
    if not isinstance(gcn, dict):
        gcn = rnd.data["giay_chung_nhan"] = {}
    gcn["tra_cuu"] = text
    if not gcn.get("so_dau"):
        return [Issue("round-lookup-no-number", pointer="/giay_chung_nhan/tra_cuu")]
    return []


__all__ = ["LOOKUP_PATTERN", "apply_lookup", "check_lookup", "valid_lookup"]
