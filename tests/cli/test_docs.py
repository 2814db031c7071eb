"""The README against the command line, in the manner of sqlite-utils' docs tests.

Every verb and every option is documented in the README (in its verb's section) and shown
by ``--help``; every example command of the README's ``sh`` blocks runs and succeeds, each in
a fresh folder holding the samples (outputs redirected; the PDF examples need LibreOffice and
are marked slow).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ocop_docs.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def _commands() -> list[tuple[str, click.Command]]:
    """Every leaf command as ("rubric score", command)."""
    ctx = click.Context(cli)
    out: list[tuple[str, click.Command]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, [*path, name])
        else:
            out.append((" ".join(path), command))

    walk(cli, [])
    return out


COMMANDS = _commands()


def _section(verb: str) -> str:
    """The README section of a verb: from its "### `verb`" heading to the next heading."""
    top = verb.split()[0]
    match = re.search(
        rf"^### `{re.escape(top)}[^`]*`.*?(?=^##)", README, flags=re.MULTILINE | re.DOTALL
    )
    assert match, f"README has no section for `{top}`"
    return match.group(0)


@pytest.mark.parametrize(("verb", "command"), COMMANDS, ids=[v for v, _ in COMMANDS])
def test_every_verb_and_option_is_in_the_readme_and_the_help(
    verb: str, command: click.Command
) -> None:
    section = _section(verb)
    assert f"ocop-docs {verb}" in README, verb
    help_text = CliRunner().invoke(cli, [*verb.split(), "--help"]).output
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        for name in (*param.opts, *param.secondary_opts):
            if name.startswith("--"):
                assert name in section, f"{verb}: {name} missing from its README section"
                assert name in help_text, f"{verb}: {name} missing from --help"


def test_every_verb_is_listed_by_the_root_help() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    for verb in {v.split()[0] for v, _ in COMMANDS}:
        assert re.search(rf"^  {verb}\b", output, flags=re.MULTILINE), verb


def _examples() -> list[str]:
    """The ``ocop-docs …`` commands of the README's sh blocks (install steps left out); a
    command after ``&&`` runs after the ``ocop-docs`` commands before it on its line
    ("batch … --so-theo-doi so.sqlite && so-theo-doi thu-hoi …" needs the book made first)."""
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL):
        for line in block.splitlines():
            before: list[str] = []
            for part in re.sub(r"\s+#.*$", "", line).split("&&"):
                command = part.strip()
                if command.startswith("ocop-docs "):
                    found.append(" && ".join([*before, command]))
                    before.append(command)
    return found


EXAMPLES = _examples()


def _slow(command: str) -> bool:
    return "--pdf" in command or "--bundle" in command or command.startswith("ocop-docs serve")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(command: str, work: Path, env: dict[str, str]) -> None:
    """A ``serve`` example runs until stopped: start it on loopback and a free port (the
    example's own host and port are replaced), wait for /healthz, stop it."""
    port = _free_port()
    command = re.sub(r"--host \S+", "", command)
    command = re.sub(r"--port \S+", "", command)
    command = re.sub(r"--data-dir \S+", "", command)
    args = [*command.split()[1:], "--host", "127.0.0.1", "--port", str(port)]
    args += ["--data-dir", str(work / "data")]
    with (work / "out.txt").open("wb") as out:
        server = subprocess.Popen(
            [str(BIN / "ocop-docs"), *args], cwd=work, env=env, stdout=out, stderr=out
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, (work / "out.txt").read_text(encoding="utf-8")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                        assert r.status == 200
                        return
                except OSError:
                    assert time.monotonic() < deadline, "the service did not answer /healthz"
                    time.sleep(0.3)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _workspace(tmp: Path) -> Path:
    """A folder like a user's: the samples (the README's card among them, issue 12), a
    dossier ho-so/, edited templates."""
    shutil.copytree(ROOT / "samples", tmp / "samples")
    shutil.copytree(ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan", tmp / "ho-so")
    shutil.copytree(ROOT / "templates", tmp / "my-templates")
    return tmp


def test_the_readme_has_examples_of_every_verb() -> None:
    assert len(EXAMPLES) > 20
    for verb in {v for v, _ in COMMANDS}:
        assert any(e.split(" && ")[-1].startswith(f"ocop-docs {verb}") for e in EXAMPLES), verb


@pytest.mark.parametrize(
    "command",
    [pytest.param(c, marks=[pytest.mark.slow] if _slow(c) else []) for c in EXAMPLES],
    ids=[" ".join(c.split(" && ")[-1].split()[1:3]) for c in EXAMPLES],
)
def test_every_readme_example_runs(tmp_path: Path, command: str) -> None:
    work = _workspace(tmp_path)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    if command.startswith("ocop-docs serve"):
        _serve(command, work, env)
        return
    result = subprocess.run(
        ["bash", "-c", f"{command} > out.txt 2> err.txt"],
        cwd=work,
        env=env,
        check=False,
        timeout=600,
    )
    stderr = (work / "err.txt").read_text(encoding="utf-8")
    assert result.returncode == 0, f"{command}\n{stderr}"
    assert (work / "out.txt").stat().st_size > 0, command
