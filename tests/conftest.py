from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def soffice_available() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))
