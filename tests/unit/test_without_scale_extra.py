"""The normal install works without the ``[scale]`` extra (PostgreSQL, Redis, S3 clients).

``pip install ocop-docs`` does not bring psycopg, redis or boto3; the command line and the
service with its embedded default (SQLite, a local folder, huey's SQLite queue) must run
without them, and ocop_docs must not even try to import them there: a try-import that
happens to be caught today becomes a start-up failure the day the module half-installs.
The test runs in a fresh interpreter whose import system answers for those modules as if
they were not installed, and records which code asked for them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALE_MODULES = ("psycopg", "psycopg2", "psycopg_binary", "redis", "boto3", "botocore")

SCRIPT = r"""
import json, sys, traceback
from pathlib import Path

BLOCKED = set(json.loads(sys.argv[1]))
ROOT = Path(sys.argv[2])
# (module, the file whose import statement asked); a library's own guarded probe (huey
# looks for redis when it is imported) is not ocop_docs importing it.
asked = {"ocop_docs": [], "others": []}


class Absent:
    # A meta-path finder that answers for the [scale] modules as a normal install would:
    # there are none. Who asked is recorded when the request comes from ocop_docs code.
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in BLOCKED:
            return None
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith("<frozen"):
            frame = frame.f_back  # the import system's own frames
        filename = frame.f_code.co_filename.replace("\\", "/") if frame else "?"
        who = "ocop_docs" if "/ocop_docs/" in filename else "others"
        asked[who].append((name, filename.rsplit("/site-packages/", 1)[-1]))
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, Absent())
for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]

results = {}
from click.testing import CliRunner
from ocop_docs.cli.main import cli

runner = CliRunner()
results["help"] = runner.invoke(cli, ["--help"]).exit_code
sample = str(ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan")
validated = runner.invoke(cli, ["validate", sample])
results["validate"] = validated.exit_code

import tempfile
from fastapi.testclient import TestClient
from ocop_docs.service.app import create_app
from ocop_docs.service.settings import Settings

with tempfile.TemporaryDirectory() as data:
    app = create_app(Settings(data_dir=Path(data)))
    with TestClient(app) as client:
        results["healthz"] = client.get("/healthz").status_code
        results["readyz"] = client.get("/readyz").status_code
        results["home"] = client.get("/").status_code

results["asked"] = asked
results["loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
print(json.dumps(results))
"""


def test_cli_and_embedded_service_need_none_of_the_scale_modules(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(SCALE_MODULES), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert results["help"] == 0 and results["validate"] == 0
    assert results["healthz"] == 200 and results["readyz"] == 200 and results["home"] == 200
    assert results["asked"]["ocop_docs"] == []  # ocop_docs never asked for one of them …
    assert results["loaded"] == []  # … and nothing else loaded one either
