"""Benchmark: validating many dossiers; jsonschema-rs beside jsonschema, and the tool end to end.

Makes N copies of a sample dossier (default 1,000; the Tài Hoan miến dong dossier, group I,
with its 13 attachments hard-linked into every copy so each dossier has real files), then,
in one run, pinned to one core when `taskset` exists:

Schema stage alone, in one process, on the same N loaded dossiers (start-up excluded):
  * jsonschema: Draft202012Validator with our format checker, asked for its errors (valid
    data: none), the engine ocop-docs used alone before jsonschema-rs;
  * jsonschema-rs: the yes/no validator ocop-docs now asks first (``quick_valid``);
  * ``check_schema()``: the whole schema stage as the pipeline calls it.

The tool end to end:
  * ocop-docs validate DIR... --no-attachments --format json (schema + rules + line numbers +
    checklist + address + text checks; attachments skipped);
  * ocop-docs validate DIR... --format json (every PDF opened and hashed: 13 per dossier);
  * the library call ocop_docs.validation.pipeline.validate() on the same folders, in the
    process (start-up and output excluded: the steady-state rate);
  * check-jsonschema --schemafile schemas/dossier/nhom-1.schema.json FILE... (schema only,
    the tool a developer would otherwise reach for).

Every command must exit 0 (the sample is valid); any other exit code fails the benchmark.
Each measurement runs --repeat times (default 3) and the best counts. Writes a Markdown
table to stdout and to bench/results/validate.md.

Run:  python bench/validate_bench.py [--count 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
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
SCHEMA = "dossier/nhom-1.schema.json"

# Run in a child process so that each engine is timed on one core like the commands.
ENGINES = """
import json, sys, time
from ocop_docs.validation.checks.schema import check_schema, compiled, fast_validator, quick_valid
from ocop_docs.validation.loading import load_dossier
schema, repeat, folders = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
docs = [load_dossier(f) for f in folders]
assert all(d.ok for d in docs)
validator, _ = compiled(schema)
assert fast_validator(schema) is not None
def jsonschema_only():
    for d in docs:
        assert next(iter(validator.iter_errors(d.data)), None) is None
def jsonschema_rs():
    for d in docs:
        assert quick_valid(schema, d.data, finite=d.finite)
def stage():
    for d in docs:
        assert check_schema(d, schema) == []
out = {}
for name, run in (("jsonschema", jsonschema_only), ("jsonschema-rs", jsonschema_rs),
                  ("check_schema", stage)):
    run()  # warm: caches, first compilation
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter(); run(); best = min(best, time.perf_counter() - t)
    out[name] = best
print(json.dumps(out))
"""

STEADY = """
import sys, time
from ocop_docs.validation.pipeline import ValidateOptions, validate
repeat, paths = int(sys.argv[1]), sys.argv[2:]
options = ValidateOptions(attachments=False)
validate(paths[:3], options)
best = float("inf")
for _ in range(repeat):
    t = time.perf_counter(); report = validate(paths, options); best = min(best, time.perf_counter() - t)
print(best)
"""


def pin(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *cmd] if shutil.which("taskset") else cmd


def run_checked(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:5])}… exited {proc.returncode}: {proc.stderr[-800:]}")
    return proc


def best_time(cmd: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run_checked(cmd)
        best = min(best, time.perf_counter() - start)
    return best


def make_copies(base: Path, count: int) -> list[Path]:
    """``count`` dossiers; the first copies the sample, the others hard-link its files."""
    first = base / "ho-so-00000"
    shutil.copytree(SAMPLE, first)
    attachments = sorted(p.relative_to(first) for p in (first / "tai-lieu").rglob("*"))
    folders = [first]
    for i in range(1, count):
        folder = base / f"ho-so-{i:05d}"
        (folder / "tai-lieu").mkdir(parents=True)
        shutil.copyfile(first / "ho-so.yaml", folder / "ho-so.yaml")
        for rel in attachments:
            os.link(first / rel, folder / rel)  # a real file (same inode), not a symlink
        folders.append(folder)
    return folders


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = " (" + line.split(":", 1)[1].strip() + ")"
                break
    except OSError:
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{cpu}, Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def versions() -> str:
    from importlib.metadata import version

    names = ("jsonschema", "jsonschema-rs", "check-jsonschema")
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:  # an absent tool is simply not listed
            continue
    return ", ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("ocop-docs")
    ocop = [exe] if exe else [sys.executable, "-m", "ocop_docs"]
    checker = shutil.which("check-jsonschema")
    n = args.count
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        folders = [str(p) for p in make_copies(Path(tmp), n)]
        files = [str(Path(f) / "ho-so.yaml") for f in folders]
        engines = json.loads(
            run_checked(
                pin([sys.executable, "-c", ENGINES, SCHEMA, str(args.repeat), *folders])
            ).stdout
        )
        rows: list[tuple[str, float]] = []
        t_plain = best_time(
            pin([*ocop, "validate", *folders, "--format", "json", "--no-attachments"]),
            args.repeat,
        )
        rows.append(("ocop-docs validate --no-attachments", t_plain))
        # Every dossier's attachments are real files: each must be read (hashed) and ok.
        report = json.loads(
            run_checked(pin([*ocop, "validate", *folders, "--format", "json"])).stdout
        )
        checked = sum(
            1
            for dossier in report["dossiers"]
            for item in dossier["attachments"]
            if item.get("ok") and item.get("sha256")
        )
        per_dossier = sum(1 for p in (SAMPLE / "tai-lieu").rglob("*") if p.is_file())
        expected = n * per_dossier
        if checked != expected:
            raise SystemExit(f"with attachments: {checked} attachments read, expected {expected}")
        t_att = best_time(pin([*ocop, "validate", *folders, "--format", "json"]), args.repeat)
        rows.append(("ocop-docs validate (with attachments)", t_att))
        steady = float(
            run_checked(pin([sys.executable, "-c", STEADY, str(args.repeat), *folders])).stdout
        )
        rows.append(("library validate(), no attachments, start-up excluded", steady))
        t_cj = None
        if checker:
            schema = ROOT / "schemas" / SCHEMA
            t_cj = best_time(pin([checker, "--schemafile", str(schema), *files]), args.repeat)
            rows.append(("check-jsonschema (schema only)", t_cj))

    pinned = bool(shutil.which("taskset"))
    lines = [
        f"Machine: {machine()}; {versions()}",
        f"{n} dossiers, best of {args.repeat}, pinned to one core: {pinned}",
        "",
        "Schema stage alone, same dossiers, in one process:",
        "",
        "| engine | µs per dossier | dossiers/s | vs jsonschema |",
        "| --- | ---: | ---: | ---: |",
    ]
    js = engines["jsonschema"]
    for label, key in (
        ("jsonschema (errors asked; valid data has none)", "jsonschema"),
        ("jsonschema-rs (yes/no, as ocop-docs asks first)", "jsonschema-rs"),
        ("`check_schema()`, the whole schema stage", "check_schema"),
    ):
        seconds = engines[key]
        lines.append(
            f"| {label} | {seconds / n * 1e6:,.1f} | {n / seconds:,.0f} | {js / seconds:.1f}× |"
        )
    lines += [
        "",
        "The tool end to end:",
        "",
        "| command | seconds | dossiers/s |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in rows:
        lines.append(f"| {name} | {seconds:.2f} | {n / seconds:,.0f} |")
    lines.append("")
    lines.append(
        f"With attachments: all {checked:,} attachments read and hashed ({n:,} × {per_dossier})."
    )
    if t_cj:
        lines.append(f"ocop-docs (no attachments) is {t_cj / t_plain:.1f}× check-jsonschema.")
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "validate.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
