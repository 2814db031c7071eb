"""Copying the shipped templates out for editing (the library form of ``templates copy``).

An official edits copies, never the installed files (a reinstall would undo the edits, and
the shipped ones are the reference ``templates check`` compares against): this writes one
``<kind>.docx`` per document kind and the template guide (docs/documents.md: the variables
of every kind, how to edit a template) into a folder, ready for ``--templates-dir``.
Nothing is overwritten unless asked; every file is written atomically.
"""

from __future__ import annotations

from pathlib import Path

from ocop_docs.errors import InputError
from ocop_docs.files import atomic_write_bytes, os_reason
from ocop_docs.production.contexts.registry import ALL_KINDS
from ocop_docs.resources import guide_file, templates_dir

GUIDE_NAME = "huong-dan-mau-van-ban.md"


def copy_templates(folder: Path, *, overwrite: bool = False) -> list[Path]:
    """Copy every kind's shipped template and the guide into ``folder``; the files written.

    Raises :class:`InputError` (``output-exists``) before writing anything when a file is
    already there and ``overwrite`` is False.
    """
    shipped = templates_dir()
    sources = [(shipped / kind.template, folder / kind.template) for kind in ALL_KINDS.values()]
    sources.append((guide_file(), folder / GUIDE_NAME))
    if not overwrite:
        for _source, target in sources:
            if target.exists() or target.is_symlink():
                raise InputError("output-exists", path=str(target))
    for source, target in sources:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, source.read_bytes())
        except OSError as exc:
            reason, reason_en = os_reason(exc)
            raise InputError(
                "render-output-unwritable", path=str(target), reason=reason, reason_en=reason_en
            ) from exc
    return [target for _source, target in sources]


__all__ = ["GUIDE_NAME", "copy_templates"]
