"""The built wheel, installed in a fresh virtual environment, runs from outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_wheel_validates_a_sample(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("ocop_docs-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    sample = tmp_path / "ho-so"
    shutil.copytree(ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan", sample)
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [str(bin_dir / "ocop-docs"), "validate", str(sample), "--format", "json"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["dossiers"][0]["valid"] is True
    assert any(a["pages"] for a in report["dossiers"][0]["attachments"])
    # schemas ship inside the wheel, not from the checkout
    site = subprocess.run(
        [str(bin_dir / "python"), "-c", "import ocop_docs.resources as r; print(r.schemas_dir())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert "_data" in site and str(ROOT) not in site
    # the message catalogue (data files) ships too: every code loads, text reports read in
    # both languages
    check = (
        "from ocop_docs.catalogue import ISSUES, UI\n"
        "from ocop_docs.catalogue.loader import HERE\n"
        "assert len(ISSUES) > 100 and len(UI) > 50, (len(ISSUES), len(UI))\n"
        "print(HERE)\n"
    )
    catalogue = subprocess.run(
        [str(bin_dir / "python"), "-c", check], cwd=work, capture_output=True, text=True
    )
    assert catalogue.returncode == 0, catalogue.stderr
    assert str(ROOT) not in catalogue.stdout
    for lang, word in (("vi", "HỢP LỆ"), ("en", "VALID")):
        text = subprocess.run(
            [str(bin_dir / "ocop-docs"), "validate", str(sample), "--lang", lang],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        assert text.returncode == 0 and word in text.stdout, text.stdout + text.stderr
    # the template guide ships too, and ``templates copy`` hands it out with the templates
    copied = subprocess.run(
        [str(bin_dir / "ocop-docs"), "templates", "copy", str(tmp_path / "mau")],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert copied.returncode == 0, copied.stdout + copied.stderr
    guide = (tmp_path / "mau" / "huong-dan-mau-van-ban.md").read_text(encoding="utf-8")
    assert guide == (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
    assert (tmp_path / "mau" / "quyet-dinh.docx").is_file()
