"""Benchmark: validating many dossiers, ocop-docs versus check-jsonschema.

Makes N copies of a sample dossier (default 1,000; the Tài Hoan miến dong dossier, group I),
then, side by side in the same run and pinned to one core when `taskset` exists:

  * ocop-docs validate DIR... --no-attachments --format json   (schema + rules + line
    numbers + checklist + address + text checks; attachments skipped: "without attachments")
  * ocop-docs validate DIR...                                   (with the sample's PDFs)
  * check-jsonschema --schemafile schemas/dossier/nhom-1.schema.json FILE...
    (schema only, the tool a developer would otherwise reach for)

  * the library call ocop_docs.validation.pipeline.validate() on the same folders, timed inside
    the process (start-up and output excluded: the steady-state rate)

Each command runs --repeat times (default 3) and the best wall time counts. Writes a
Markdown table to stdout and to bench/results/validate.md.

Run:  python bench/validate_bench.py [--count 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


def pin(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *cmd] if shutil.which("taskset") else cmd


def best_time(cmd: list[str], repeat: int, ok_codes: tuple[int, ...]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            raise SystemExit(f"{cmd[:4]}… exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("ocop-docs")
    ocop = [exe] if exe else [sys.executable, "-m", "ocop_docs"]
    checker = shutil.which("check-jsonschema")
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        base = Path(tmp)
        folders, files = [], []
        for i in range(args.count):
            folder = base / f"ho-so-{i:05d}"
            if i == 0:
                shutil.copytree(SAMPLE, folder)
            else:
                folder.mkdir()
                shutil.copyfile(SAMPLE / "ho-so.yaml", folder / "ho-so.yaml")
                os.symlink(base / "ho-so-00000" / "tai-lieu", folder / "tai-lieu")
            folders.append(str(folder))
            files.append(str(folder / "ho-so.yaml"))
        rows = []
        t_plain = best_time(
            pin([*ocop, "validate", *folders, "--format", "json", "--no-attachments"]),
            args.repeat,
            (0,),
        )
        rows.append(("ocop-docs validate --no-attachments", t_plain))
        t_att = best_time(
            pin([*ocop, "validate", *folders, "--format", "json"]), args.repeat, (0, 1)
        )
        rows.append(("ocop-docs validate (with attachments)", t_att))
        # Steady state: the library call alone, start-up and output excluded.
        code = ("import sys,time;from ocop_docs.validation.pipeline import validate,ValidateOptions;"
                "p=sys.argv[1:];o=ValidateOptions(attachments=False);validate(p[:3],o);"
                "t=time.perf_counter();validate(p,o);print(time.perf_counter()-t)")
        steady = min(
            float(subprocess.run(pin([sys.executable, "-c", code, *folders]), capture_output=True,
                                 text=True, check=True).stdout)
            for _ in range(args.repeat)
        )
        rows.append(("library validate(), no attachments, start-up excluded", steady))
        t_cj = None
        if checker:
            schema = ROOT / "schemas" / "dossier" / "nhom-1.schema.json"
            t_cj = best_time(
                pin([checker, "--schemafile", str(schema), *files]), args.repeat, (0, 1)
            )
            rows.append(("check-jsonschema (schema only)", t_cj))
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.count} dossiers, best of {args.repeat}, pinned to one core: {bool(shutil.which('taskset'))}",
        "",
        "| command | seconds | dossiers/s |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in rows:
        lines.append(f"| {name} | {seconds:.2f} | {args.count / seconds:,.0f} |")
    if t_cj:
        lines.append("")
        lines.append(f"ocop-docs (no attachments) is {t_cj / t_plain:.1f}× check-jsonschema.")
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "validate.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
