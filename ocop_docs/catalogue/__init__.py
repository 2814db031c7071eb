"""The catalogue: every message a user can see, in Vietnamese and English, as data.

Issue codes live in ``issues/<stage>.yaml`` (``dossier``, ``rounds``, ``scoring``,
``batch``, …), interface strings in ``ui/<namespace>.yaml``; :mod:`.loader` reads them lazily.
Codes are stable kebab-case identifiers; once released a code is never reused for another
meaning (architecture §3, "Report JSON"). Messages are ``str.format`` templates filled from
the issue's parameters; in English a parameter ``name_en`` wins over ``name``; a missing
parameter renders as "…" rather than failing, so a message can never crash a report.

Adding a code: write an entry in the stage's file (severity, tags, message and hint in both
languages, the same placeholders in both), then use the code in the source;
``tests/unit/test_catalogue.py`` checks both.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import Any

from ocop_docs.catalogue.loader import (
    LANGS,
    CatalogueDataError,
    IssueSpec,
    IssueTable,
    Lang,
    Severity,
    UITable,
)

__all__ = [
    "DOSSIER_CODES",
    "ISSUES",
    "LANGS",
    "UI",
    "CatalogueDataError",
    "IssueSpec",
    "Lang",
    "Severity",
    "render_hint",
    "render_message",
    "stage_codes",
    "ui",
    "ui_count",
]

ISSUES = IssueTable()
UI = UITable()


def stage_codes(stage: str) -> frozenset[str]:
    """The codes of one stage file, e.g. ``stage_codes("scoring")``."""
    return ISSUES.stage(stage)


class _StageCodes(Set[str]):
    """The codes of one stage, read when first used (keeps ``import`` cheap)."""

    def __init__(self, stage: str) -> None:
        self._stage = stage

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:
        # Set operations (``codes & other``) return a plain frozenset, not a lazy view.
        return frozenset(it)

    def __contains__(self, code: object) -> bool:
        return code in stage_codes(self._stage)

    def __iter__(self) -> Iterator[str]:
        return iter(stage_codes(self._stage))

    def __len__(self) -> int:
        return len(stage_codes(self._stage))


# Codes of dossier validation: every one has an acceptance example (tests/acceptance).
DOSSIER_CODES: Set[str] = _StageCodes("dossier")


# A parameter named ``tuy_chon_*`` is an optional part of a command shown in a hint (the
# " --regime 1048/2019" of "ocop-docs rubric show 2 --regime 1048/2019"): empty when absent.
OPTIONAL_PREFIX = "tuy_chon_"


# A parameter with a default in the catalogue (``mac_dinh.<name>`` of ``ui/common.yaml``)
# prints it when absent: the default regime's wording, which issues of another regime
# replace ("{van_ban_tieu_chi}": QĐ 26/2026 Phụ lục II, or QĐ 1048/QĐ-TTg Phụ lục III).
DEFAULT_PREFIX = "mac_dinh."


class _Defaulting(dict[str, Any]):
    lang: Lang = "vi"

    def __missing__(self, key: str) -> str:
        if key.startswith(OPTIONAL_PREFIX):
            return ""
        default = UI.get(DEFAULT_PREFIX + key)
        return default[self.lang] if default is not None else "…"


class _English(_Defaulting):
    """English view of the parameters: ``name_en`` wins over ``name`` when both exist."""

    lang: Lang = "en"

    def __getitem__(self, key: str) -> Any:
        if key + "_en" in self:
            return dict.__getitem__(self, key + "_en")
        return super().__getitem__(key)


_FORMATTER = string.Formatter()


def _fill(template: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    """``template.format(**params)``, except that an inserted value ending with a full stop
    loses it where the template goes on with one ("…: {reason}." with a reason that is a
    sentence of its own would end in ".."): a value is often another message, and which
    messages end with a stop is the catalogue's business, not the caller's."""
    view = _English(params) if lang == "en" else _Defaulting(params)
    out: list[str] = []
    after_field = False
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if after_field and literal.startswith(".") and out[-1].endswith("."):
            out[-1] = out[-1][:-1]
        out.append(literal)
        after_field = name is not None
        if name is None:
            continue
        value, _key = _FORMATTER.get_field(name, (), view)
        value = _FORMATTER.convert_field(value, conversion)
        spec = _FORMATTER.vformat(spec, (), view) if spec else ""
        out.append(_FORMATTER.format_field(value, spec))
    return "".join(out)


def render_message(code: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    return _fill(ISSUES[code].message_template(lang), params, lang)


def render_hint(code: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    return _fill(ISSUES[code].hint_template(lang), params, lang)


def ui(key: str, lang: Lang = "vi", **params: Any) -> str:
    text = UI[key][lang]
    return _fill(text, params, lang) if params else text


def ui_count(key: str, n: int, lang: Lang = "vi", **params: Any) -> str:
    """``ui(key, n=n)`` for a count: ``<key>_one`` when ``n`` is 1 and the catalogue has it
    (English says "1 dossier", "2 dossiers"; Vietnamese nouns do not change)."""
    one = f"{key}_one"
    return ui(one if n == 1 and one in UI else key, lang, n=n, **params)
