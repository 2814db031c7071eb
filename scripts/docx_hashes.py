"""SHA-256 of every .docx the samples produce, to prove a refactor changes no output.

Renders, through the command line, every dossier kind for every sample dossier, every round
kind for every sample round (each certificate too), and the batch of each round; prints one
``name sha256`` line per document, sorted. Run it before and after a change and diff:

    python scripts/docx_hashes.py > /tmp/before.txt
    ... change ...
    python scripts/docx_hashes.py > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOSSIER_KINDS = ("phieu-dang-ky", "bao-cao-tu-danh-gia", "bao-cao-xa", "phieu-danh-gia")
ROUND_KINDS = ("bien-ban", "quyet-dinh")


def run(args: list[str]) -> int:
    cmd = [sys.executable, "-m", "ocop_docs", *args]
    return subprocess.run(cmd, capture_output=True, check=False).returncode


def main() -> None:
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for dossier in sorted((ROOT / "samples" / "ho-so").iterdir()):
            for kind in DOSSIER_KINDS:
                target = out / f"{dossier.name}.{kind}.docx"
                code = run(["render", kind, str(dossier), "-o", str(target), "--draft"])
                lines.append(f"{target.name} exit={code} {digest(target)}")
        allow = ["--allow", str(ROOT / "samples" / "ho-so")]  # the rounds' ../ho-so/…
        for rnd in sorted((ROOT / "samples" / "dot-danh-gia").glob("*.yaml")):
            if "phieu-cham" in rnd.name:
                continue
            for kind in ROUND_KINDS:
                target = out / f"{rnd.stem}.{kind}.docx"
                code = run(["render", kind, str(rnd), "-o", str(target), *allow])
                lines.append(f"{target.name} exit={code} {digest(target)}")
            for n in range(1, 9):
                target = out / f"{rnd.stem}.gcn-{n}.docx"
                args = ["render", "giay-chung-nhan", str(rnd), "--product", str(n)]
                code = run([*args, "-o", str(target), *allow])
                lines.append(f"{target.name} exit={code} {digest(target)}")
        # The procedure's other papers (issue 12): per round, per commune and producer
        # (products 1–8), and the revocation sample.
        for rnd in sorted((ROOT / "samples" / "dot-danh-gia").glob("*.yaml")):
            if "phieu-cham" in rnd.name:
                continue
            for kind in ("phe-duyet-ket-qua", "cong-van-de-nghi"):
                target = out / f"{rnd.stem}.{kind}.docx"
                code = run(["render", kind, str(rnd), "-o", str(target), *allow])
                lines.append(f"{target.name} exit={code} {digest(target)}")
            for kind in ("de-nghi-xa", "thong-bao-ket-qua"):
                for n in range(1, 9):
                    target = out / f"{rnd.stem}.{kind}-{n}.docx"
                    product = ["--product", str(n)]
                    code = run(["render", kind, str(rnd), *product, "-o", str(target), *allow])
                    lines.append(f"{target.name} exit={code} {digest(target)}")
        for revocation in sorted((ROOT / "samples" / "thu-hoi").glob("*.yaml")):
            target = out / f"{revocation.stem}.quyet-dinh-thu-hoi.docx"
            code = run(["render", "quyet-dinh-thu-hoi", str(revocation), "-o", str(target)])
            lines.append(f"{target.name} exit={code} {digest(target)}")
        for rnd in (
            "thai-nguyen-2026-dot-2.yaml",
            "thai-nguyen-2026-dot-2.xlsx",
            "na-ri-2019.yaml",
        ):
            bdir = out / f"batch-{rnd}"
            code = run(
                [
                    "batch",
                    str(ROOT / "samples" / "dot-danh-gia" / rnd),
                    "-o",
                    str(bdir),
                    "--no-progress",
                    *allow,
                ]
            )
            lines.append(f"batch-{rnd} exit={code}")
            for f in sorted(bdir.rglob("*.docx")):
                lines.append(f"batch-{rnd}/{f.relative_to(bdir)} {digest(f)}")
    print("\n".join(sorted(lines)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "-"


if __name__ == "__main__":
    main()
