"""``render --pdf`` with a real LibreOffice: no linked content, no process left behind (issue 9)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches
from PIL import Image

from ocop_docs.production.conversion import convert_to_pdf
from ocop_docs.production.pool import Conversion, ConverterPool

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"),
    pytest.mark.skipif(sys.platform != "linux", reason="reads /proc"),
]
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _linking_docx(tmp_path: Path) -> Path:
    """A .docx whose picture is "linked to file" (a local PNG), not embedded."""
    secret = tmp_path / "secret.png"
    Image.new("RGB", (200, 100), "red").save(secret)
    doc = Document()
    doc.add_paragraph("Trước")
    doc.add_picture(str(secret), width=Inches(2))
    blip = doc.part.element.xpath("//a:blip")[0]
    del blip.attrib[f"{_R}embed"]
    blip.set(f"{_R}link", doc.part.relate_to(secret.as_uri(), RT.IMAGE, is_external=True))
    doc.add_paragraph("Sau")
    path = tmp_path / "linked.docx"
    doc.save(str(path))
    return path


def _images(pdf: Path) -> int:
    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(pdf).pages)


def test_conversion_does_not_pull_a_linked_local_file_into_the_pdf(tmp_path: Path) -> None:
    source = _linking_docx(tmp_path)
    pdf = convert_to_pdf(source, tmp_path / "single.pdf")
    assert _images(pdf) == 0
    with ConverterPool(1, timeout=120) as pool:
        (result,) = pool.convert([Conversion("a", source, tmp_path / "pool.pdf")])
    assert result.ok and _images(tmp_path / "pool.pdf") == 0


def _soffice_under(folder: Path) -> list[int]:
    """Processes whose command line names ``folder`` (the LibreOffice profile is there)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if str(folder).encode() in cmdline and b"soffice" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_render_pdf_leaves_no_libreoffice(tmp_path: Path, signum: int) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ocop_docs",
            "render",
            "phieu-dang-ky",
            str(ROOT / "samples/ho-so/ga-doi-tran-phu"),
            "-o",
            str(tmp_path / "phieu.docx"),
            "--pdf",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not _soffice_under(scratch) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the conversion finished before it could be interrupted")
    assert _soffice_under(scratch), "LibreOffice never started"
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    for _ in range(50):  # the group is killed before the process exits; /proc may lag
        if not _soffice_under(scratch):
            break
        time.sleep(0.1)
    assert _soffice_under(scratch) == []
    assert not (tmp_path / "phieu.pdf").exists()
