"""Conversion: .docx → .pdf with LibreOffice in headless mode.

Stage "conversion" of the produce pipeline (architecture §2). LibreOffice is found, in
order, from an explicit path, the ``OCOP_SOFFICE`` environment variable, ``soffice`` or
``libreoffice`` on ``PATH``, and the usual install locations. Each conversion runs with a
throw-away user profile (``-env:UserInstallation=file:///…``) so it neither collides with
a LibreOffice window the user has open nor leaves state behind, in its own process group so
a timeout can stop it and its children, and nothing else; an interruption (Ctrl-C, SIGTERM)
stops that group too before it propagates, so no LibreOffice outlives the run.

That profile starts locked down (:func:`prepare_profile`, issue 9): LibreOffice loads no
linked content (``BlockUntrustedRefererLinks``: a picture "linked to file" stays out of the
PDF, no URL is fetched; tested with a .docx linking a local file) and runs no macro.
Templates with outside references are refused before that
(:mod:`ocop_docs.production.references`); this is the second lock.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ocop_docs.errors import ConverterMissing, DataError
from ocop_docs.files import atomic_write_bytes

ENV_VAR = "OCOP_SOFFICE"
DEFAULT_TIMEOUT = 180.0
_COMMON_PATHS = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


class SofficeMissing(ConverterMissing):
    """LibreOffice was not found (exit 3), with the catalogue's message."""

    def __init__(self, **params: Any) -> None:
        super().__init__("convert-missing", **params)


def find_soffice(explicit: str | Path | None = None) -> Path:
    """The LibreOffice executable, or :class:`SofficeMissing`."""
    candidates: list[str] = []
    if explicit:
        candidates.append(str(explicit))
    elif os.environ.get(ENV_VAR):
        candidates.append(os.environ[ENV_VAR])
    else:
        for name in ("soffice", "libreoffice"):
            found = shutil.which(name)
            if found:
                candidates.append(found)
        candidates.extend(_COMMON_PATHS)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        found = shutil.which(candidate)
        if found:
            return Path(found)
    raise SofficeMissing(tried=", ".join(candidates) or "PATH")


# The user profile's settings (LibreOffice reads them at start from
# <profile>/user/registrymodifications.xcu). BlockUntrustedRefererLinks stops the loading
# of linked images and other linked content; macros are off at the highest security level.
LOCKDOWN = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
)
_XCU_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
)


def prepare_profile(profile: Path) -> None:
    """Give a new LibreOffice profile the :data:`LOCKDOWN` settings (a warm one keeps them:
    LibreOffice rewrites the file with the settings it read)."""
    settings = profile / "user" / "registrymodifications.xcu"
    if settings.exists():
        return
    settings.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in LOCKDOWN
    )
    settings.write_text(_XCU_HEAD + items + "</oor:items>\n", encoding="utf-8")


PDF_EXPORT = "pdf:writer_pdf_Export"


def soffice_command(
    exe: Path, profile: Path, outdir: Path, sources: list[Path], export: str = PDF_EXPORT
) -> list[str]:
    """LibreOffice converting ``sources`` to PDF in ``outdir``, headless, with its own user
    profile (so it never meets a LibreOffice the user has open); ``export`` is the
    ``--convert-to`` argument (the PDF filter and its options)."""
    return [
        str(exe),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        export,
        "--outdir",
        str(outdir),
        *(str(source) for source in sources),
    ]


def convert_to_pdf(
    source: Path,
    target: Path | None = None,
    *,
    soffice: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Convert ``source`` (.docx) to PDF at ``target`` (default: beside it, .pdf)."""
    exe = find_soffice(soffice)
    target = target or source.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="ocop-soffice-") as tmp:
        tmp_path = Path(tmp)
        profile = (tmp_path / "profile").resolve()
        outdir = tmp_path / "out"
        outdir.mkdir()
        prepare_profile(profile)
        command = soffice_command(exe, profile, outdir, [source.resolve()])
        env = dict(os.environ)
        env.setdefault("HOME", str(tmp_path))
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            # Only the process group this call started is stopped.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, AttributeError):
                proc.kill()
            proc.communicate()
            raise DataError("convert-timeout", path=str(source), seconds=int(timeout)) from exc
        except BaseException:
            # Ctrl-C or SIGTERM (made an exception by the caller): no LibreOffice stays
            # behind, converting for nobody.
            with contextlib.suppress(ProcessLookupError, PermissionError, AttributeError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
            raise
        produced = outdir / (source.stem + ".pdf")
        if proc.returncode != 0 or not produced.is_file():
            text = (err or out or b"").decode("utf-8", "replace").strip().splitlines()
            reason = text[-1] if text else f"mã thoát {proc.returncode}"
            raise DataError("convert-failed", path=str(source), reason=reason)
        atomic_write_bytes(target, produced.read_bytes())
    return target


__all__ = [
    "DEFAULT_TIMEOUT",
    "ENV_VAR",
    "LOCKDOWN",
    "PDF_EXPORT",
    "SofficeMissing",
    "convert_to_pdf",
    "find_soffice",
    "prepare_profile",
    "soffice_command",
]
