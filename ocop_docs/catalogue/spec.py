"""The shape of one catalogue entry, shared by the catalogue and its per-stage modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class IssueSpec:
    code: str
    severity: Literal["error", "warning"]
    tags: tuple[str, ...]
    vi: str
    en: str
    hint_vi: str
    hint_en: str


def _spec(
    code: str,
    severity: Literal["error", "warning"],
    tags: str,
    vi: str,
    en: str,
    hint_vi: str,
    hint_en: str,
) -> IssueSpec:
    return IssueSpec(code, severity, tuple(tags.split()), vi, en, hint_vi, hint_en)
