"""Checking an uploaded dossier with the library, exactly as ``ocop-docs validate`` does.

The validator runs on the dossier's folder inside the request's temporary directory; the
report then names the dossier as the CLI would when run beside it (``mien-dong-tai-hoan``,
``mien-dong-tai-hoan/ho-so.yaml``), so no server path ever reaches a visitor and the API's
JSON is the CLI's (:func:`relocate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import Issue
from ocop_docs.service.intake import Dossier
from ocop_docs.validation.pipeline import ValidateOptions, ValidationRun, validate
from ocop_docs.validation.report import DossierReport
from ocop_docs.validation.reporters import render_json


def _swap(value: Any, prefixes: tuple[str, ...], name: str) -> Any:
    if isinstance(value, str):
        for prefix in prefixes:
            if prefix in value:
                value = value.replace(prefix, name)
        return value
    if isinstance(value, list):
        return [_swap(v, prefixes, name) for v in value]
    if isinstance(value, dict):
        return {k: _swap(v, prefixes, name) for k, v in value.items()}
    return value


def scrub(data: Any, folder: Path, name: str) -> Any:
    """``data`` (an error's JSON) with the temporary ``folder`` shown as ``name``; with an
    empty ``name``, paths inside the folder are shown relative to it."""
    paths = tuple(dict.fromkeys((str(folder.resolve()), str(folder))))
    prefixes = tuple(p + "/" for p in paths) if not name else paths
    return _swap(data, prefixes, name)


def relocate(report: DossierReport, folder: Path, name: str) -> None:
    """Name the dossier ``name`` instead of its temporary folder, everywhere in the report."""
    prefixes = tuple(dict.fromkeys((str(folder.resolve()), str(folder))))
    report.source = name
    if report.file is not None:
        report.file = _swap(report.file, prefixes, name)
    for issue in report.issues:
        issue.params = _swap(issue.params, prefixes, name)


@dataclass(slots=True)
class Checked:
    """One validation of an uploaded dossier and its report in both languages."""

    run: ValidationRun
    json_vi: str = ""
    json_en: str = ""

    @property
    def report(self) -> DossierReport:
        return self.run.reports[0]

    def text(self, lang: Lang) -> str:
        return self.json_vi if lang == "vi" else self.json_en


def check_dossier(
    dossier: Dossier,
    *,
    attachments: bool = True,
    max_bytes: int,
    langs: tuple[Lang, ...] = ("vi", "en"),
) -> Checked:
    """Validate ``dossier`` (blocking: run it in the worker pool); the report's JSON in
    ``langs`` (the page keeps both, for its language switch; the API needs one)."""
    options = ValidateOptions(max_attachment_bytes=max_bytes, attachments=attachments)
    run = validate([dossier.folder], options)
    relocate(run.reports[0], dossier.folder, dossier.name)
    checked = Checked(run)
    if "vi" in langs:
        checked.json_vi = render_json(run, "vi")
    if "en" in langs:
        checked.json_en = render_json(run, "en")
    return checked


def _field_of(issue: Issue, loai_by_index: dict[int, str]) -> str | None:
    """The form field an issue is about: ``chu_the.ma_so_thue``, or ``doc:<loai>``."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in issue.pointer.split("/")[1:]]
    if issue.code == "schema-required" and isinstance(issue.params.get("key"), str):
        parts.append(issue.params["key"])
    if not parts:
        return None
    if parts[0] == "tai_lieu":
        if len(parts) > 1 and parts[1].isdigit():
            loai = loai_by_index.get(int(parts[1]))
            return f"doc:{loai}" if loai else None
        loai = issue.params.get("loai")
        return f"doc:{loai}" if isinstance(loai, str) else None
    return ".".join(parts)


def field_messages(report: DossierReport, data: Any = None) -> dict[str, list[dict[str, str]]]:
    """Issue messages by form field, in both languages, to show next to each field."""
    loai_by_index = {a.index: a.loai for a in report.attachments}
    if isinstance(data, dict) and isinstance(data.get("tai_lieu"), list):
        for i, entry in enumerate(data["tai_lieu"]):
            if isinstance(entry, dict) and isinstance(entry.get("loai"), str):
                loai_by_index.setdefault(i, entry["loai"])
    out: dict[str, list[dict[str, str]]] = {}
    for issue in report.issues:
        name = _field_of(issue, loai_by_index)
        if name is None:
            continue
        out.setdefault(name, []).append(
            {
                "code": issue.code,
                "severity": issue.severity,
                "vi": issue.message("vi"),
                "en": issue.message("en"),
            }
        )
    return out
