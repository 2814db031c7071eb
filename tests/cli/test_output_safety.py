"""Writing without ever lying (issue 9): full disk, read-only folder, a folder or a link in
the place of manifest.json, a broken manifest, two batches at once, names Windows refuses."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import ocop_docs.files
from ocop_docs.cli.main import cli
from ocop_docs.production.locking import LOCK_NAME, outdir_lock
from ocop_docs.production.manifest import MANIFEST_NAME, sha256_file
from ocop_docs.text.names import unique_name

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import HO_SO

ROOT = Path(__file__).resolve().parents[2]
ROUND = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
DOSSIER = str(ROOT / "samples" / "ho-so" / "ga-doi-tran-phu")


def run(*args: str) -> Result:
    allow = ["--allow", str(HO_SO)] if args[:1] in (("batch",), ("render",)) else []
    return CliRunner().invoke(cli, [*args, *allow])


class _FullDisk:
    """``os.fdopen`` whose files take ``room`` bytes and then fail with ENOSPC."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.real = os.fdopen

    def __call__(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self.real(fd, *args, **kwargs)
        outer = self

        class Writer:
            def __enter__(self) -> Writer:
                return self

            def __exit__(self, *exc: object) -> None:
                handle.close()

            def write(self, data: bytes) -> int:
                if len(data) > outer.room:
                    handle.write(data[: outer.room])
                    outer.room = 0
                    raise OSError(errno.ENOSPC, "No space left on device")
                outer.room -= len(data)
                return int(handle.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(handle, name)

        return Writer()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def test_render_on_a_full_disk_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocop_docs.files.os, "fdopen", _FullDisk(1000))
    out = tmp_path / "phieu.docx"
    result = run("render", "phieu-dang-ky", DOSSIER, "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "đĩa đã đầy" in result.stderr and "Traceback" not in result.output
    assert not out.exists() and _leftovers(tmp_path) == []
    english = run("render", "phieu-dang-ky", DOSSIER, "-o", str(out), "--lang", "en")
    assert "the disk is full" in english.stderr and "đĩa" not in english.stderr


def _mount_tmpfs(target: Path, size: str, extra: str = "") -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    target.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}{extra}", "tmpfs", str(target)],
        capture_output=True,
    )
    return done.returncode == 0


def test_a_real_full_disk_then_resume_after_freeing_space(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "1m"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        filler = disk / "filler"
        filler.write_bytes(b"\0" * 900_000)
        out = disk / "out"
        first = run("batch", ROUND, "-o", str(out), "--jobs", "1")
        assert first.exit_code == 1, first.output
        assert "Traceback" not in first.output
        _check_manifest_is_true(out)
        filler.unlink()
        resumed = run("batch", ROUND, "-o", str(out), "--jobs", "1", "--resume")
        assert resumed.exit_code == 0, resumed.output
        manifest = _check_manifest_is_true(out)
        assert manifest["complete"] and manifest["summary"]["failed"] == 0
        assert _leftovers(out) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def _check_manifest_is_true(out: Path) -> dict[str, Any]:
    """Every output the manifest lists exists with its hash, and every document file in
    OUTDIR is listed (the manifest describes exactly the files that exist)."""
    path = out / MANIFEST_NAME
    if not path.exists():
        assert [p for p in out.rglob("*.docx")] == []
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    listed = {o["path"]: o["sha256"] for i in manifest["items"] for o in i["outputs"]}
    for rel, digest in listed.items():
        assert sha256_file(out / rel) == digest, rel
    if manifest["complete"]:
        present = {p.relative_to(out).as_posix() for p in out.rglob("*.docx")}
        assert present <= set(listed)
    return dict(manifest)


def test_batch_on_a_full_disk_is_exit_1_with_a_true_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    full = _FullDisk(60_000)  # the first manifest and a document or two, then full
    monkeypatch.setattr(ocop_docs.files.os, "fdopen", full)
    result = run("batch", ROUND, "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "đĩa đã đầy" in result.output
    _check_manifest_is_true(out)
    assert _leftovers(out) == []
    monkeypatch.undo()
    resumed = run("batch", ROUND, "-o", str(out), "--jobs", "1", "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert _check_manifest_is_true(out)["complete"]


def test_the_first_manifest_fails_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(ocop_docs.files.os, "fdopen", _FullDisk(10))
    result = run("batch", ROUND, "-o", str(out), "--jobs", "1", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Cannot write the manifest" in result.stderr and "the disk is full" in result.stderr
    assert list(out.rglob("*.docx")) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    mounted = os.geteuid() == 0 and _mount_tmpfs(folder, "64k", ",ro")
    if not mounted:
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere, and no read-only tmpfs could be mounted")
        folder.mkdir()
        folder.chmod(0o555)
    try:
        batch = run("batch", ROUND, "-o", str(folder / "out"))
        assert batch.exit_code == 1 and "Traceback" not in batch.output
        render = run("render", "phieu-dang-ky", DOSSIER, "-o", str(folder / "a.docx"))
        assert render.exit_code == 1, render.output
        assert "ổ đĩa chỉ cho đọc" in render.stderr or "không có quyền ghi" in render.stderr
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_an_output_path_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.docx").mkdir()
    result = run("render", "phieu-dang-ky", DOSSIER, "-o", str(tmp_path / "a.docx"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    (tmp_path / "file").write_text("x")
    batch = run("batch", ROUND, "-o", str(tmp_path / "file"))
    assert batch.exit_code == 2 and "Traceback" not in batch.output


@pytest.mark.parametrize("resume", [False, True])
@pytest.mark.parametrize("what", ["folder", "link"])
def test_manifest_that_is_a_folder_or_a_link(tmp_path: Path, what: str, resume: bool) -> None:
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret.json"
    secret.write_text('{"format_version": 1, "items": []}')
    if what == "folder":
        (out / MANIFEST_NAME).mkdir()
    else:
        (out / MANIFEST_NAME).symlink_to(secret)
    args = ["batch", ROUND, "-o", str(out), "--overwrite"] + (["--resume"] if resume else [])
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "manifest.json" in result.stderr and "Traceback" not in result.output
    assert list(out.rglob("*.docx")) == []
    assert secret.read_text() == '{"format_version": 1, "items": []}'


@pytest.mark.parametrize(
    "content", ["{", "[]", "null", '{"format_version": 1, "items": [1]}', "[" * 100_000, "\xff"]
)
def test_a_corrupted_manifest_before_resume(tmp_path: Path, content: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_bytes(content.encode("latin-1"))
    result = run("batch", ROUND, "-o", str(out), "--resume")
    assert result.exit_code == 1, result.output
    assert "manifest.json" in result.stderr and "Traceback" not in result.output


# --- one batch at a time ----------------------------------------------------------------------


def test_a_second_batch_into_the_same_folder_refuses(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from ocop_docs.production.locking import outdir_lock\n"
            "with outdir_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True); time.sleep(60)\n",
            str(out),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        result = run("batch", ROUND, "-o", str(out))
        assert result.exit_code == 1, result.output
        assert f"tiến trình {holder.pid}" in result.stderr
        assert list(out.rglob("*.docx")) == []
    finally:
        holder.kill()
        holder.wait()
    # The holder died without cleaning up: its lock file is stale and taken over.
    assert (out / LOCK_NAME).exists()
    again = run("batch", ROUND, "-o", str(out))
    assert again.exit_code == 0, again.output
    assert not (out / LOCK_NAME).exists()


def test_two_batches_started_together(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "ocop_docs", "batch", ROUND, "-o", str(out), "--jobs", "1"]
    command += ["--allow", str(HO_SO)]
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read().decode() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _err in results)
    assert codes == [0, 1], results
    refused = next(err for code, err in results if code == 1)
    assert "đang được một lệnh batch khác dùng" in refused or "không ghi đè" in refused
    _check_manifest_is_true(out)


def test_the_lock_is_released_on_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), outdir_lock(tmp_path):
        raise RuntimeError
    assert not (tmp_path / LOCK_NAME).exists()
    with outdir_lock(tmp_path):
        started = time.monotonic()
    assert time.monotonic() - started < 5


# --- names the officials' computers accept ----------------------------------------------------


def test_output_names_are_portable_and_distinct_without_case() -> None:
    taken: set[str] = set()
    names = [unique_name(stem, taken) for stem in ("CON", "con", "nul.x", "Ab", "aB", "COM1")]
    assert names == ["CON_", "con_-2", "nul_.x", "Ab", "aB-2", "COM1_"]


def test_dossiers_named_like_devices_get_portable_distinct_names(tmp_path: Path) -> None:
    import shutil

    import yaml

    folder = tmp_path / "ho-so"
    for n, name in enumerate(["CON", "con", "Nul.x"]):
        target = folder / f"d{n}"
        shutil.copytree(DOSSIER, target)
        data = yaml.safe_load((target / "ho-so.yaml").read_text(encoding="utf-8"))
        data["san_pham"]["ten"] = name
        data["san_pham"].pop("ma_so", None)
        (target / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = run("batch", str(folder), "-o", str(out), "--jobs", "1", "--kinds", "phieu-dang-ky")
    assert result.exit_code in (0, 1), result.output
    stems = sorted(p.stem for p in (out / "phieu-dang-ky").glob("*.docx"))
    assert stems == ["con_", "con_-2", "nul_-x"] or len(stems) == 3, stems
    assert len({s.casefold() for s in stems}) == 3
    assert all(s.split(".")[0].casefold() not in {"con", "nul", "aux"} for s in stems)
