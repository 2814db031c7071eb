"""Write a pip constraints file pinning every runtime dependency to its declared floor.

CI installs the package with these constraints and runs the tests, so the lower bounds in
``pyproject.toml`` stay true (issue 8, "Dependencies and CI"):

    python scripts/floors.py > /tmp/floors.txt
    pip install -c /tmp/floors.txt -e ".[test]"

Only ``name>=version`` requirements of ``[project].dependencies`` are pinned; the test
extra is left free (pytest and friends are not what users install).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*>=\s*([0-9][0-9A-Za-z.\-]*)")


def floors(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    pins = []
    for requirement in data["project"]["dependencies"]:
        match = _FLOOR.match(requirement.split(";")[0].split(",")[0])
        if match is None:
            sys.exit(f"{requirement!r} has no '>=' lower bound")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    print("\n".join(floors()))
