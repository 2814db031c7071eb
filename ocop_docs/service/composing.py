"""Composing a dossier folder from the guided form: ``ho-so.yaml`` and the slots' files.

A new dossier is written from the form alone; a corrected one starts from the stored
dossier (restored into a fresh folder), so keys the form does not show (a scorecard, notes
on attachments) are kept. An uploaded slot file is placed as ``tai-lieu/<loai>-<name>``;
its name passes the same checks as any uploaded name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.service.errors import ServiceError
from ocop_docs.service.forms import Section, Slot, apply_documents, apply_form
from ocop_docs.service.intake import Received, safe_parts, unsafe_name
from ocop_docs.validation.loading import DOSSIER_NAMES, load_dossier

HEADER = (
    "# Hồ sơ sản phẩm OCOP lập bằng trang kiểm tra của ocop-docs (QĐ 26/2026/QĐ-TTg Điều 6.1).\n"
    "# OCOP product dossier made with the ocop-docs check page.\n\n"
)


@dataclass(slots=True)
class Composed:
    data: dict[str, Any]
    folder: Path


def read_data(folder: Path) -> tuple[dict[str, Any] | None, str]:
    """The stored dossier's data (as the validator reads it) and its file name."""
    doc = load_dossier(folder)
    name = doc.path.name if doc.path.name in DOSSIER_NAMES else "ho-so.yaml"
    return (dict(doc.data) if isinstance(doc.data, dict) else None), name


def write_data(folder: Path, data: dict[str, Any], name: str) -> None:
    for other in DOSSIER_NAMES:
        (folder / other).unlink(missing_ok=True)
    if name.endswith(".json"):
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        name = "ho-so.yaml"
        text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (folder / name).write_text(text, encoding="utf-8")


def _slot_name(loai: str, sent: str) -> str:
    """``tai-lieu/<loai>-<file name>`` for a file sent in a slot (a bare name only)."""
    parts = safe_parts(sent)
    if len(parts) != 1:
        # A browser sends a slot's file by its bare name; a path here was made by hand.
        raise unsafe_name(sent, "parent")
    return f"tai-lieu/{loai}-{parts[0]}"


def compose(
    received: Received,
    folder: Path,
    sections: list[Section],
    slots: list[Slot],
    product_set: int,
    case: str,
    base: dict[str, Any] | None = None,
    data_name: str = "ho-so.yaml",
) -> Composed:
    """Write the dossier of the form into ``folder`` (which may hold the stored dossier)."""
    folder.mkdir(parents=True, exist_ok=True)
    values = {k: v[0] for k, v in received.fields.items() if v}
    data = apply_form(sections, values, product_set, case, base)
    uploaded: dict[str, str] = {}
    codes = {s.loai for s in slots}
    for item in received.files:
        if not item.field.startswith("doc:"):
            continue
        loai = item.field[4:]
        if loai not in codes or not item.name:
            continue
        rel = _slot_name(loai, item.name)
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        item.path.replace(target)
        uploaded[loai] = rel
    removed = {k[4:-7] for k in values if k.startswith("doc:") and k.endswith(":remove")}
    before = {str(e.get("tep")) for e in data.get("tai_lieu") or [] if isinstance(e, dict)}
    data = apply_documents(data, slots, values, uploaded, removed)
    after = {str(e.get("tep")) for e in data.get("tai_lieu") or [] if isinstance(e, dict)}
    for gone in before - after:
        try:
            parts = safe_parts(gone)
        except ServiceError:
            continue
        path = folder.joinpath(*parts)
        if path.is_file() and path.resolve().is_relative_to(folder.resolve()):
            path.unlink()
    write_data(folder, data, data_name)
    return Composed(data, folder)
