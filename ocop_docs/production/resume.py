"""Resuming a batch, and never overwriting what a batch did not make (issue #5).

An output folder may already hold files. A batch refuses to overwrite any of them unless
told to (``overwrite``) or unless, with ``resume``, the previous run's manifest vouches for
them (:meth:`~ocop_docs.production.manifest.Manifest.recorded`). ``--resume`` also needs to
know whether the input changed (:func:`input_sha256`), and cleans the temporary files a
killed run left beside its outputs (:func:`sweep_temporary`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from ocop_docs.errors import InputError
from ocop_docs.files import temporary_target
from ocop_docs.production.inputs import BatchInput, input_files
from ocop_docs.production.manifest import MANIFEST_NAME, Manifest, sha256_file


def input_sha256(path: Path, kind: BatchInput) -> str:
    """The hash of what a batch reads: the round file's own, or one over the spreadsheet
    and its sidecars, or over every dossier file of the folder."""
    if kind == "round":
        return sha256_file(path) or ""
    digest = hashlib.sha256()
    for f in input_files(path, kind):
        digest.update(f"{f.relative_to(path.parent)}\0{sha256_file(f) or '-'}\n".encode())
    return digest.hexdigest()


def check_outputs(
    outdir: Path,
    planned: list[str],
    *,
    overwrite: bool,
    resume: bool,
    previous: Manifest | None,
) -> None:
    """Refuse to overwrite files this batch did not make (issue #5: never silently)."""
    existing = [p for p in planned if (outdir / p).exists()]
    if overwrite or not existing:
        return
    vouched: set[str] = set()
    if resume and previous is not None:
        vouched = previous.recorded() | {MANIFEST_NAME}
        if not previous.complete:
            # An interrupted run wrote files after its last manifest checkpoint (or its
            # workers did, in their last instant): files at this batch's own output paths
            # are taken as that run's, and made again.
            vouched |= set(planned)
    foreign = [p for p in existing if p not in vouched]
    if foreign:
        raise InputError(
            "batch-output-exists", outdir=str(outdir), count=len(foreign), first=foreign[0]
        )


def sweep_temporary(outdir: Path, outputs: Iterable[str]) -> list[Path]:
    """Remove the temporary files a killed run left beside these outputs (a worker stopped
    between writing and renaming); returns what was removed."""
    planned: dict[Path, set[str]] = {}
    for output in outputs:
        path = outdir / output
        planned.setdefault(path.parent, set()).add(path.name)
    removed = []
    for folder, names in planned.items():
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if temporary_target(entry.name) in names and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


__all__ = ["check_outputs", "input_sha256", "sweep_temporary"]
