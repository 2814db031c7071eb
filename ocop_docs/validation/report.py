"""The report of a validation run: one :class:`DossierReport` per dossier.

An :class:`Issue` is language-free: it holds a catalogue code and parameters; text is made
only when a reporter asks for a language (architecture §4.4). Reports are plain data so
library users can inspect them without the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ocop_docs.errors import Issue, IssueCounts

# "not_applicable": the dossier states, with its legal reason, that none is required.
DocStatus = Literal["present", "missing", "invalid", "not_applicable"]


@dataclass(slots=True)
class AttachmentInfo:
    """What the attachment check learnt about one ``tai_lieu`` entry."""

    index: int
    loai: str
    tep: str
    exists: bool = False
    size: int | None = None
    sha256: str | None = None
    kind: str | None = None  # "pdf", "image", "other"
    pages: int | None = None
    ok: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "loai": self.loai,
            "tep": self.tep,
            "exists": self.exists,
            "size": self.size,
            "sha256": self.sha256,
            "kind": self.kind,
            "pages": self.pages,
            "ok": self.ok,
        }


@dataclass(slots=True)
class ChecklistItem:
    """One required (or recommended) document and whether the dossier has it."""

    loai: str
    required: bool
    status: DocStatus
    files: list[str] = field(default_factory=list)
    alternatives: tuple[str, ...] = ()
    basis: str = ""
    level: str = ""  # bat_buoc | sao_3 | theo_quy_dinh | nen_co (rules.regimes.LEVELS)
    reason: str | None = None  # why it does not apply (status "not_applicable")

    def to_json(self, names: dict[str, str]) -> dict[str, Any]:
        return {
            "loai": self.loai,
            "ten": names.get(self.loai, self.loai),
            "required": self.required,
            "status": self.status,
            "files": self.files,
            "alternatives": list(self.alternatives),
            "basis": self.basis,
            "level": self.level,
            "reason": self.reason,
        }


@dataclass(slots=True)
class DossierReport(IssueCounts):
    """Everything one validation run found about one dossier."""

    source: str
    file: str | None = None
    regime: str | None = None
    product_set: int | None = None
    group: str | None = None
    case: str | None = None
    producer: str | None = None
    product: str | None = None
    issues: list[Issue] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    address: dict[str, Any] | None = None
    not_checked: list[dict[str, str]] = field(default_factory=list)  # by language
    receiver: dict[str, str] | None = None  # who receives the dossier under the regime
    self_assessment: dict[str, Any] | None = None
    internal_error: bool = False

    @property
    def valid(self) -> bool:
        return self.errors == 0

    def add(self, issue: Issue) -> None:
        self.issues.append(issue)
