"""Loading: a path on disk → the dossier's data, with the line and column of every value.

Stage 1 of the validate pipeline (architecture §2). A dossier is a folder holding
``ho-so.yaml`` (or ``.yml``/``.json``) and its attachments; this module finds the data file
and records the folder, the only place attachments may come from. Reading the file (bytes,
YAML/JSON, positions, NFC) is :mod:`ocop_docs.text.documents`, shared with round files and
scorecards. Nothing here raises for a bad dossier: problems become issues.

The data file is a path like any attachment (issue 9): it is opened from its folder without
following links, so a ``ho-so.yaml`` that is a symlink (to anywhere; even one named on the
command line) is refused as ``file-symlink`` before a byte of it is read. The folder itself
is the user's choice and may be reached through links.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ocop_docs.errors import Issue
from ocop_docs.text.documents import LoadedDocument, read_document
from ocop_docs.validation.spellings import read_spellings

__all__ = [
    "DOSSIER_NAMES",
    "LoadedDossier",
    "dossier_folders",
    "find_dossier_file",
    "is_dossier_folder",
    "load_dossier",
]

DOSSIER_NAMES = ("ho-so.yaml", "ho-so.yml", "ho-so.json")
_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(slots=True)
class LoadedDossier(LoadedDocument):
    """A dossier: its folder (the only place attachments may come from) and its data file."""

    folder: Path = Path()


def find_dossier_file(path: Path) -> tuple[Path | None, list[Path]]:
    """The dossier data file for ``path`` (a folder or the file itself) and any extras."""
    # A link named like a data file is a data file (refused), even if it points to a folder.
    data_link = path.is_symlink() and path.suffix.lower() in _SUFFIXES
    if path.is_dir() and not data_link:
        # lexists: a link named ho-so.yaml is found (and then refused), whatever it points to.
        found = [path / name for name in DOSSIER_NAMES if _is_entry(path / name)]
        return (found[0], found[1:]) if found else (None, [])
    if os.path.lexists(path) and (data_link or not path.is_dir()):
        return path, []
    return None, []


def is_dossier_folder(path: Path) -> bool:
    return any((path / name).is_file() for name in DOSSIER_NAMES)


def dossier_folders(path: Path) -> list[Path]:
    """The dossiers of a folder: the folder itself, or its dossier subfolders (``validate``
    and ``batch`` read a folder of dossiers the same way)."""
    if is_dossier_folder(path):
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and is_dossier_folder(p))


def _is_entry(path: Path) -> bool:
    """Something other than a folder is there (a file, a link, a FIFO): what the user put."""
    return os.path.lexists(path) and not (path.is_dir() and not path.is_symlink())


def load_dossier(path: Path | str) -> LoadedDossier:
    """Load one dossier (a folder with ho-so.yaml/json, or the file itself). Never raises."""
    path = Path(path)
    file, extras = find_dossier_file(path)
    if file is None:
        doc = LoadedDossier(path=path, folder=path)
        doc.issues.append(Issue("dossier-not-found", params={"path": str(path)}))
        return doc
    folder = file.parent
    doc = LoadedDossier(path=file, folder=Path(os.path.abspath(folder)))
    if extras:
        doc.issues.append(Issue("dossier-file-ambiguous", params={"used": file.name}))
    read_document(file, doc, inside=(folder, file.name))
    # Read as people write ("gioi_tinh: Nam", "tai-lieu\\01.pdf") before anything looks.
    read_spellings(doc)
    return doc
