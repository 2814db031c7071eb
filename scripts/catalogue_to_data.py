"""Convert Python catalogue modules into the catalogue's data files (issue 8).

The catalogue used to be Python: ``_spec(code, severity, tags, vi, en, hint_vi, hint_en)``
calls in ``ocop_docs/catalogue/*.py`` and dicts of interface strings (``UI``, ``CLI_UI``).
It is now data: ``ocop_docs/catalogue/issues/<stage>.yaml`` and
``ocop_docs/catalogue/ui/<namespace>.yaml``. This script reads Python modules *without
importing them* (the ``ast`` of their literals, so it runs after ``catalogue/spec.py`` is
gone) and appends every entry not yet in the data files, keeping the modules' section
comments. Run it again when a branch written before the change adds a Python spec module:

    python scripts/catalogue_to_data.py ocop_docs/catalogue/service.py
    git rm ocop_docs/catalogue/service.py

Where entries go: the issues of ``catalogue/<stage>.py`` go to ``issues/<stage>.yaml``
(in ``catalogue/__init__.py``, table ``_SPECS`` to ``issues/dossier.yaml`` and a table
``_<NAME>_SPECS`` to ``issues/<name>.yaml``); a UI key goes to
``ui/<text before its first dot>.yaml`` (``ui/common.yaml`` for keys without a dot).
An entry already present with the same text is skipped; one present with another text is a
conflict, reported, and nothing is written (exit 1). ``--check`` writes nothing and exits 1
if anything would be added.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "ocop_docs" / "catalogue"
ISSUES_DIR = CATALOGUE / "issues"
UI_DIR = CATALOGUE / "ui"
SPEC_FIELDS = ("code", "severity", "tags", "vi", "en", "hint_vi", "hint_en")

ISSUES_HEADER = """\
# Issue codes of stage «{stage}», in Vietnamese and English (ocop_docs.catalogue).
# One entry per code: severity (error | warning), tags, message and hint in both languages.
# Placeholders {{name}} are filled from the issue's parameters; both languages use the same
# names (an English text may name `name_en`, the English form of `name`).
# A code is stable kebab-case and never reused for another meaning (architecture §3).
"""

UI_HEADER = """\
# Interface strings «{namespace}» (headings, labels, summaries), Vietnamese and English.
# Keys are used verbatim in the code: ui("{example}", lang, **params).
"""


@dataclass
class Entry:
    key: str
    stage: str  # the issues/<stage>.yaml file it goes to (unused for UI strings)
    data: dict[str, Any]
    comment: str | None  # the section comment that preceded it in the Python module


def _comments(source: str) -> dict[int, str]:
    """Line number → text of each full-line comment of a module."""
    out: dict[int, str] = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT and tok.line.strip().startswith("#"):
            out[tok.start[0]] = tok.string
    return out


def _section(comments: dict[int, str], previous_end: int, line: int) -> str | None:
    """The last "# --- title ---" comment between the previous entry and this one."""
    found = [
        text
        for number, text in comments.items()
        if previous_end < number < line and text.lstrip("# ").startswith("---")
    ]
    return found[-1] if found else None


def docstring(path: Path) -> str:
    """A module's docstring as YAML comment lines ("" when it has none)."""
    text = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())


def _spec_tables(tree: ast.Module) -> dict[int, str]:
    """Line of each ``_spec`` call → its stage, for modules holding several tables: in
    ``catalogue/__init__.py`` the table ``_SPECS`` was the dossier's and ``_TOOL_SPECS``
    (``_<NAME>_SPECS``) goes to ``issues/tool.yaml`` (``<name>``)."""
    owners: dict[int, str] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            name = names[0] if names else ""
            match = re.fullmatch(r"_([A-Z]+)_SPECS", name)
            if match and node.value is not None:
                stage = match.group(1).lower()
                for sub in ast.walk(node.value):
                    if isinstance(sub, ast.Call):
                        owners[sub.lineno] = stage
    return owners


def read_module(path: Path) -> tuple[list[Entry], list[Entry]]:
    """The issue specs and the UI strings defined by one Python catalogue module."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    comments = _comments(source)
    issues: list[Entry] = []
    ui: list[Entry] = []
    previous_end = 0
    calls = sorted(
        (
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_spec", "IssueSpec")
        ),
        key=lambda node: node.lineno,
    )
    owners = _spec_tables(tree)
    for call in calls:
        try:
            values = [ast.literal_eval(arg) for arg in call.args]
            values += [ast.literal_eval(k.value) for k in call.keywords]
        except ValueError:
            continue  # not a literal entry (the factory itself, in the old spec.py)
        spec = dict(zip(SPEC_FIELDS, values, strict=True))
        tags = spec["tags"]
        issues.append(
            Entry(
                spec["code"],
                owners.get(call.lineno, stage_of(path)),
                {
                    "severity": spec["severity"],
                    "tags": list(tags.split() if isinstance(tags, str) else tags),
                    "message": {"vi": spec["vi"], "en": spec["en"]},
                    "hint": {"vi": spec["hint_vi"], "en": spec["hint_en"]},
                },
                _section(comments, previous_end, call.lineno),
            )
        )
        previous_end = call.end_lineno or call.lineno
    for node in ast.walk(tree):
        if not isinstance(node, ast.AnnAssign | ast.Assign) or not isinstance(node.value, ast.Dict):
            continue
        try:
            table = ast.literal_eval(node.value)
        except ValueError:
            continue
        if table and all(isinstance(v, dict) and set(v) == {"vi", "en"} for v in table.values()):
            ui.extend(Entry(key, "", value, None) for key, value in table.items())
    return issues, ui


def scalar(text: str) -> str:
    """One YAML scalar: plain when that reads back unchanged, else double-quoted."""
    special = "-?:,[]{}#&*!|>'\"%@`"
    plain = (
        text
        and text == text.strip()
        and text[0] not in special
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
        and yaml.safe_load(text) == text
    )
    out = text if plain else json.dumps(text, ensure_ascii=False)
    if yaml.safe_load(out) != text:  # pragma: no cover - guards the writer
        raise ValueError(f"cannot write {text!r} as YAML")
    return out


def issue_yaml(entry: Entry) -> str:
    data = entry.data
    lines = [f"{entry.key}:", f"  severity: {data['severity']}"]
    lines.append(f"  tags: [{', '.join(data['tags'])}]")
    for part in ("message", "hint"):
        lines.append(f"  {part}:")
        lines += [f"    {lang}: {scalar(data[part][lang])}" for lang in ("vi", "en")]
    return "\n".join(lines) + "\n"


def ui_yaml(entry: Entry) -> str:
    lines = [f"{scalar(entry.key)}:"]
    lines += [f"  {lang}: {scalar(entry.data[lang])}" for lang in ("vi", "en")]
    return "\n".join(lines) + "\n"


def load_folder(folder: Path) -> dict[str, tuple[Path, Any]]:
    found: dict[str, tuple[Path, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            found[key] = (path, value)
    return found


def stage_of(module: Path) -> str:
    return "dossier" if module.stem == "__init__" else module.stem


def plan(modules: list[Path]) -> tuple[dict[Path, list[str]], list[str]]:
    """Texts to append per data file (entries end with a newline), and the conflicts found."""
    have_issues = load_folder(ISSUES_DIR)
    have_ui = load_folder(UI_DIR)
    writes: dict[Path, list[str]] = {}
    conflicts: list[str] = []
    for module in modules:
        issues, ui = read_module(module)
        for entry in issues:
            if entry.key in have_issues:
                where, value = have_issues[entry.key]
                if value != entry.data:
                    conflicts.append(f"{entry.key}: {module} differs from {where}")
                continue
            target = ISSUES_DIR / f"{entry.stage}.yaml"
            chunk = writes.setdefault(target, [])
            if not chunk and not target.exists():
                chunk.append(ISSUES_HEADER.format(stage=entry.stage))
                if module.stem != "__init__":
                    chunk.append("#\n# From the former module:\n" + docstring(module))
            chunk.append(f"\n{entry.comment}\n" if entry.comment else "\n")
            chunk.append(issue_yaml(entry))
            have_issues[entry.key] = (target, entry.data)
        for entry in ui:
            if entry.key in have_ui:
                where, value = have_ui[entry.key]
                if value != entry.data:
                    conflicts.append(f"{entry.key}: {module} differs from {where}")
                continue
            namespace = entry.key.split(".", 1)[0] if "." in entry.key else "common"
            target = UI_DIR / f"{namespace}.yaml"
            chunk = writes.setdefault(target, [])
            if not chunk and not target.exists():
                chunk.append(UI_HEADER.format(namespace=namespace, example=entry.key))
            chunk.append(ui_yaml(entry))
            have_ui[entry.key] = (target, entry.data)
    return writes, conflicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="+", type=Path, help="Python catalogue modules")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if needed")
    args = parser.parse_args(argv)
    writes, conflicts = plan([m.resolve() for m in args.modules])
    for conflict in conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    if conflicts:
        return 1
    for target, chunks in writes.items():
        count = sum(1 for c in chunks if c[:1] not in ("#", "\n", ""))
        print(f"{target.relative_to(ROOT)}: {count} entries to add")
        if args.check:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as out:
            out.write("".join(chunks))
    return 1 if args.check and writes else 0


if __name__ == "__main__":
    sys.exit(main())
