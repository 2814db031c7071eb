"""Hostile uploads are refused with a catalogue finding naming the entry (issue 10)."""

from __future__ import annotations

import asyncio
import io
import stat
import threading
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ocop_docs.service.app import create_app
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.intake import safe_parts
from ocop_docs.service.settings import Settings
from tests.service.conftest import SAMPLE, make_zip, zip_folder

YAML = (SAMPLE / "ho-so.yaml").read_bytes()


def _post_zip(client: TestClient, data: bytes, name: str = "ho-so.zip") -> tuple[int, dict]:
    answer = client.post("/api/v1/validate", files={"files": (name, data, "application/zip")})
    return answer.status_code, answer.json()


def _files(client: TestClient, names: list[str]) -> tuple[int, dict]:
    files = [("files", (n, YAML if n.endswith("ho-so.yaml") else b"%PDF-1.4")) for n in names]
    answer = client.post("/api/v1/validate", files=files)
    return answer.status_code, answer.json()


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("../evil.txt", "..»"),
        ("ho-so/../../evil.txt", "..»"),
        ("/etc/passwd", "tuyệt đối"),
        ("tai-lieu\\..\\evil.pdf", "gạch ngược"),
        ("C:/Windows/evil.pdf", "ổ đĩa"),
        ("c:evil.pdf", "ổ đĩa"),
        ("tai-lieu/\x01bad.pdf", "điều khiển"),
    ],
)
def test_zip_slip_and_bad_names_are_refused(client: TestClient, entry: str, reason: str) -> None:
    status, body = _post_zip(client, make_zip([("ho-so.yaml", YAML), (entry, b"x")]))
    assert status == 400
    assert body["code"] == "upload-name-unsafe"
    assert reason in body["message"]
    shown = entry.replace("\x01", "\\x01")
    assert f"«{shown}»" in body["message"]
    assert not list(Path("/").glob("evil*"))


@pytest.mark.parametrize(
    "name", ["../ho-so.yaml", "/abs/ho-so.yaml", "C:\\Users\\hoan\\ho-so.yaml", "a\\ho-so.yaml"]
)
def test_bad_names_in_a_folder_upload_are_refused(client: TestClient, name: str) -> None:
    status, body = _files(client, [name])
    assert status == 400 and body["code"] == "upload-name-unsafe"
    # Named as sent, not cut to its last part (httpx escapes a backslash as RFC 2616's
    # quoted-pair; browsers send it as is, WHATWG HTML §4.10.21.8; both are refused).
    assert name in body["message"] or name.replace("\\", "\\\\") in body["message"]


def test_symlink_entry_is_refused(client: TestClient) -> None:
    link = zipfile.ZipInfo("tai-lieu/01.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    status, body = _post_zip(client, make_zip([("ho-so.yaml", YAML), (link, b"/etc/passwd")]))
    assert status == 400 and body["code"] == "upload-symlink"
    assert "tai-lieu/01.pdf" in body["message"]


def test_zip_bomb_is_refused_by_ratio(client: TestClient) -> None:
    bomb = b"\0" * (6 * 1024 * 1024)  # deflates about 1000×
    status, body = _post_zip(client, make_zip([("ho-so.yaml", YAML), ("tai-lieu/bom.pdf", bomb)]))
    assert status == 400 and body["code"] == "upload-zip-ratio"
    assert "tai-lieu/bom.pdf" in body["message"]


def test_total_unpacked_size_is_capped(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d", max_unpacked=3 * 1024 * 1024, max_ratio=10**6)
    import os

    blob = os.urandom(2 * 1024 * 1024)
    data = make_zip([("ho-so.yaml", YAML), ("a.pdf", blob), ("b.pdf", blob)])
    with TestClient(create_app(settings)) as client:
        status, body = _post_zip(client, data)
    assert status == 400 and body["code"] == "upload-zip-too-big"
    assert "b.pdf" in body["message"]


def test_a_lying_header_is_caught_while_inflating(tmp_path: Path) -> None:
    """An entry whose header claims fewer bytes than it inflates to is stopped."""
    import os

    payload = os.urandom(300_000)
    data = bytearray(make_zip([("ho-so.yaml", YAML), ("x.pdf", payload)]))
    # Shrink the declared size of x.pdf in its central directory entry.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")
    with TestClient(create_app(Settings(data_dir=tmp_path / "d"))) as client:
        status, body = _post_zip(client, bytes(data))
    assert status == 400
    assert body["code"] in ("upload-zip-too-big", "upload-zip-broken")


def test_too_many_entries(client: TestClient) -> None:
    entries = [("ho-so.yaml", YAML)] + [(f"tai-lieu/{i}.pdf", b"x") for i in range(80)]
    status, body = _post_zip(client, make_zip(entries))
    assert status == 400 and body["code"] == "upload-zip-too-many"
    assert "81" in body["message"]


def test_too_many_files_in_a_folder_upload(client: TestClient) -> None:
    status, body = _files(client, ["ho-so.yaml"] + [f"tai-lieu/{i}.pdf" for i in range(70)])
    assert status == 400 and body["code"] == "upload-too-many-files"


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_names_are_refused(client: TestClient) -> None:
    data = make_zip([("ho-so.yaml", YAML), ("ho-so.yaml", YAML)])
    status, body = _post_zip(client, data)
    assert status == 400 and body["code"] == "upload-name-duplicate"


def test_names_that_differ_only_by_normalisation_are_refused(client: TestClient) -> None:
    nfc = "tai-lieu/giấy-phép.pdf"
    import unicodedata

    nfd = unicodedata.normalize("NFD", nfc)
    status, body = _post_zip(client, make_zip([("ho-so.yaml", YAML), (nfc, b"a"), (nfd, b"b")]))
    assert status == 400 and body["code"] == "upload-name-duplicate"
    assert "Unicode" in body["message"]


def test_a_file_and_a_folder_of_the_same_name_are_refused(client: TestClient) -> None:
    status, body = _post_zip(client, make_zip([("ho-so.yaml", YAML), ("a", b"x"), ("a/b", b"y")]))
    assert status == 400 and body["code"] == "upload-name-duplicate"


def test_encrypted_entry_is_refused(client: TestClient) -> None:
    data = bytearray(make_zip([("ho-so.yaml", YAML), ("x.pdf", b"secret")]))
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (i := data.find(marker, start)) >= 0:
            flag = 6 if marker == b"PK\x03\x04" else 8
            data[i + flag] |= 1
            start = i + 4
    status, body = _post_zip(client, bytes(data))
    assert status == 400 and body["code"] == "upload-zip-encrypted"


def test_a_broken_zip(client: TestClient) -> None:
    status, body = _post_zip(client, b"PK\x03\x04 this is not really a zip")
    assert status == 400 and body["code"] == "upload-zip-broken"


def test_nested_archives_are_not_expanded(client: TestClient) -> None:
    inner = zip_folder(SAMPLE)
    outer = make_zip([("ho-so.yaml", YAML), ("tai-lieu/inner.zip", inner)])
    status, body = _post_zip(client, outer)
    assert status == 200
    # The inner zip's files are not there: the dossier's attachments are missing.
    codes = {i["code"] for i in body["dossiers"][0]["issues"]}
    assert "attachment-missing" in codes


def test_no_dossier_file_is_422(client: TestClient) -> None:
    status, body = _post_zip(client, make_zip([("tai-lieu/01.pdf", b"%PDF")]))
    assert status == 422 and body["code"] == "upload-no-dossier"
    status, body = _files(client, ["tai-lieu/01.pdf"])
    assert status == 422 and body["code"] == "upload-no-dossier"


def test_no_file_at_all_is_422(client: TestClient) -> None:
    answer = client.post("/api/v1/validate", data={"other": "x"}, files={"x": ("a", b"")})
    assert answer.status_code == 422 and answer.json()["code"] == "upload-empty"


def test_not_multipart_is_400(client: TestClient) -> None:
    answer = client.post("/api/v1/validate", content=b"{}", headers={"content-type": "text/plain"})
    assert answer.status_code == 400 and answer.json()["code"] == "upload-malformed"
    broken = client.post(
        "/api/v1/validate",
        content=b'--zz\r\nContent-Disposition: form-data; name="files"\r\n\r\nabc--',
        headers={"content-type": "multipart/form-data; boundary=zz"},
    )
    assert broken.status_code in (400, 422)


def test_size_limit_from_content_length_before_parsing(settings: Settings) -> None:
    """413 from the header alone: the app never asks for the body."""
    app = create_app(settings)
    sent: list[dict] = []

    async def receive() -> dict:
        raise AssertionError("the body was read")

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/validate",
        "raw_path": b"/api/v1/validate",
        "query_string": b"",
        "headers": [
            (b"content-length", str(settings.max_upload + 1).encode()),
            (b"content-type", b"multipart/form-data; boundary=x"),
        ],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
    }
    # In a thread of its own: Playwright's sync API may hold this thread's event loop.
    worker = threading.Thread(target=lambda: asyncio.run(app(scope, receive, send)))
    worker.start()
    worker.join()
    assert sent[0]["status"] == 413
    assert b"upload-too-large" in sent[1]["body"]


def test_size_limit_while_streaming(client: TestClient, settings: Settings) -> None:
    def chunks():  # no Content-Length: a chunked body
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="x.zip"\r\n\r\n'
        for _ in range(settings.max_upload // 65536 + 2):
            yield b"\0" * 65536

    answer = client.post(
        "/api/v1/validate",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert answer.status_code == 413
    assert answer.json()["code"] == "upload-too-large"


def test_upload_bodies_go_to_disk_and_are_removed(client: TestClient, settings: Settings) -> None:
    status, _body = _post_zip(client, zip_folder(SAMPLE))
    assert status == 200
    assert list(settings.work_dir.iterdir()) == []  # the request's folder is gone


@pytest.mark.parametrize("name", ["ho-so.yaml", "./ho-so.yaml", "tai-lieu/a b.pdf", "Ảnh/01.jpg"])
def test_plain_names_pass(name: str) -> None:
    assert safe_parts(name)


@pytest.mark.parametrize("name", ["", "/", "..", "a/../b", "\\\\server\\share", "x" * 300])
def test_bad_names_fail(name: str) -> None:
    with pytest.raises(ServiceError):
        safe_parts(name)


def test_zip_with_one_top_folder_is_named_by_it(client: TestClient) -> None:
    status, body = _post_zip(client, zip_folder(SAMPLE), "whatever.zip")
    assert status == 200 and body["dossiers"][0]["source"] == "mien-dong-tai-hoan"
    status, body = _post_zip(client, zip_folder(SAMPLE, prefix=""), "tai-hoan.zip")
    assert status == 200 and body["dossiers"][0]["source"] == "tai-hoan"


def test_macos_litter_is_ignored(client: TestClient) -> None:
    data = io.BytesIO(zip_folder(SAMPLE))
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr("__MACOSX/mien-dong-tai-hoan/._ho-so.yaml", b"junk")
    status, body = _post_zip(client, data.getvalue())
    assert status == 200 and body["dossiers"][0]["valid"]
