"""Where the shipped data lives: schemas, rule data, rubrics and templates.

In a built wheel the top-level ``schemas/`` and ``templates/`` folders, and the template
guide ``docs/documents.md``, are copied to ``ocop_docs/_data/`` (pyproject
``force-include``); in a source checkout they are read from the repository root. Users may
point at edited copies with ``--schemas-dir`` / ``--templates-dir`` (architecture §2);
those overrides are passed in explicitly.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(name)


def schemas_dir(override: Path | None = None) -> Path:
    """The folder with JSON Schemas, rule data and rubrics."""
    return override if override is not None else _find("schemas")


def templates_dir(override: Path | None = None) -> Path:
    """The folder with the Word templates."""
    return override if override is not None else _find("templates")


def guide_file() -> Path:
    """The template guide (docs/documents.md), shipped beside the templates (issue 12)."""
    return _find("docs") / "documents.md"


def _safe_loader() -> type[yaml.SafeLoader]:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


@lru_cache(maxsize=64)
def load_data(relative: str, base: Path | None = None) -> Any:
    """Load a shipped JSON or YAML data file, cached for the life of the process."""
    path = schemas_dir(base) / relative
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=_safe_loader())
