from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
HO_SO = SAMPLES / "ho-so"  # the sample dossiers
# What tests pass as --allow / allow= to read the sample rounds' "../ho-so/…" (a round reads
# only inside its own folder otherwise, issue 9).
ALLOW = (HO_SO,)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def soffice_available() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))
