"""Rounds through the service (issue 13): the library's loaders, with the CLI's checks,
messages, and line and row numbers; the round's products, council and dossiers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from ocop_docs.cli.main import cli
from tests.service.officials import (
    DOSSIERS,
    ROUND,
    SHEET,
    SHEET_DOSSIERS,
    add_user,
    bearer,
    file_dossiers,
    round_upload,
)


def _office(client: TestClient) -> dict[str, str]:
    headers = bearer(client, add_user(client, "tn-ocop", "tinh"))
    file_dossiers(client, headers)
    return headers


def _cli_batch(folder: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """``ocop-docs batch SOURCE --format json`` run beside a copy of the sample dossiers,
    laid out as the service lays a round out (dot-danh-gia/…, ho-so/…); the service reads
    what the round names from that tree only, as ``--allow`` names it on the command line."""
    shutil.copytree(DOSSIERS, folder / "ho-so")
    monkeypatch.chdir(folder)
    args = ["batch", source, "-o", "out", "--format", "json", "--allow", "."]
    result = CliRunner().invoke(cli, args)
    data: dict[str, object] = json.loads(result.output)
    return data


def test_a_round_from_the_sample_spreadsheet(client: TestClient) -> None:
    headers = _office(client)
    made = client.post("/api/v1/rounds", files=round_upload(SHEET), headers=headers)
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["ten_dot"], body["nam"], body["input_kind"], body["products"]) == (
        "Đợt 2 năm 2026",
        2026,
        "sheet",
        7,
    )
    assert body["source"] == "dot-danh-gia/thai-nguyen-2026-dot-2.xlsx"
    first = body["san_pham"][0]
    assert (
        first["ten"],
        first["row"],
        first["diem_tb"],
        first["hang_sao"],
        first["de_nghi_cap_tren"],
    ) == ("Miến dong Tài Hoan", 2, "91,14", 5, True)
    assert first["ho_so"] == "ho-so/mien-dong-tai-hoan/ho-so.yaml"
    assert [m["ma"] for m in body["thanh_vien"]][:2] == ["tv1", "tv2"] and body["du_so"] is True
    # The sheet's warning, with its row, as the CLI prints it.
    assert [w["message"] for w in body["warnings"]] == [
        "Dòng 5 (Cam Đường Canh Yến Lạc): Điểm của các thành viên cho «Cam Đường Canh Yến Lạc» chênh lệch 15 điểm, quá 10 điểm."
    ]
    listed = client.get("/api/v1/rounds", headers=headers).json()["rounds"]
    assert [r["id"] for r in listed] == [body["id"]]
    again = client.get(f"/api/v1/rounds/{body['id']}", headers=headers).json()
    assert again["san_pham"] == body["san_pham"]


def test_a_round_file_with_its_dossiers_in_one_zip(client: TestClient, tmp_path: Path) -> None:
    headers = bearer(client, add_user(client, "tn-ocop", "tinh"))
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(ROUND, f"dot-danh-gia/{ROUND.name}")
        for name in SHEET_DOSSIERS[:2]:
            for path in sorted((DOSSIERS / name).rglob("*")):
                if path.is_file():
                    archive.write(path, f"ho-so/{name}/{path.relative_to(DOSSIERS / name)}")
    file_dossiers(client, headers, SHEET_DOSSIERS[2:])  # the others: filed with the communes
    made = client.post(
        "/api/v1/rounds",
        files={"round": ("dot.zip", buffer.getvalue(), "application/zip")},
        headers=headers,
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["input_kind"], body["products"], body["failures"]) == ("round", 7, [])


def test_a_broken_round_file_answers_the_cli_message_and_line(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = _office(client)
    text = ROUND.read_text(encoding="utf-8").replace("cap: tinh", "cap: 7", 1)
    (tmp_path / "dot-danh-gia").mkdir()
    (tmp_path / "dot-danh-gia" / "hong.yaml").write_text(text, encoding="utf-8")
    expected = _cli_batch(tmp_path, "dot-danh-gia/hong.yaml", monkeypatch)
    answer = client.post(
        "/api/v1/rounds",
        files={"round": ("hong.yaml", text.encode(), "application/x-yaml")},
        headers=headers,
    )
    assert answer.status_code == 422
    body = answer.json()
    assert (body["code"], body["message"], body["hint"]) == (
        expected["code"],
        expected["message"],
        expected["hint"],
    )
    assert body["issues"] == expected["issues"]
    assert any(i["line"] == 17 for i in body["issues"])  # "cap:" is on line 17


def test_a_bad_sheet_row_is_reported_with_its_row_as_the_cli_does(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = _office(client)
    book = openpyxl.load_workbook(SHEET)
    book["Sản phẩm"]["G3"] = "bảy mươi"  # Điểm TV1 of row 3 (Gà đồi Trần Phú)
    (tmp_path / "dot-danh-gia").mkdir()
    path = tmp_path / "dot-danh-gia" / "dot.xlsx"
    book.save(path)
    expected = _cli_batch(tmp_path, "dot-danh-gia/dot.xlsx", monkeypatch)
    answer = client.post(
        "/api/v1/rounds", files={"round": ("dot.xlsx", path.read_bytes())}, headers=headers
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["products"] == 6
    failures = expected["failures"]
    assert isinstance(failures, list) and failures
    assert body["failures"] == failures
    assert body["failures"][0]["row"] == 3


def test_uploads_that_are_not_rounds(client: TestClient) -> None:
    headers = _office(client)
    none = client.post("/api/v1/rounds", files={"round": ("ghi-chu.txt", b"x")}, headers=headers)
    assert (none.status_code, none.json()["code"]) == (422, "round-upload-missing")
    empty = client.post("/api/v1/rounds", files={"other": ("a.yaml", b"x: 1")}, headers=headers)
    assert empty.json()["code"] == "round-upload-missing"
    # A file's name is only its last part: nothing is written outside the round's folder.
    slip = client.post(
        "/api/v1/rounds", files={"round": ("../../dot.yaml", ROUND.read_bytes())}, headers=headers
    )
    assert slip.status_code == 201, slip.text
    assert slip.json()["source"] == "dot-danh-gia/dot.yaml"


@pytest.mark.parametrize("where", ["absolute", "climbing"])
def test_an_uploaded_round_reads_nothing_of_the_server_s_disk(
    client: TestClient, tmp_path: Path, where: str
) -> None:
    """A round naming a path of the server's own disk (a real dossier there, whose name is a
    secret) gets that product refused unread; the others are read from the upload (issue 9:
    the service allows the folder it lays the round out in, and nothing else)."""
    headers = _office(client)
    secret = tmp_path / "may-chu" / "mien-dong-tai-hoan"
    shutil.copytree(DOSSIERS / "mien-dong-tai-hoan", secret)
    data = (secret / "ho-so.yaml").read_text(encoding="utf-8")
    (secret / "ho-so.yaml").write_text(data.replace("Miến dong", "BÍ-MẬT"), encoding="utf-8")
    path = str(secret) if where == "absolute" else "../" * 12 + str(secret).lstrip("/")
    text = ROUND.read_text(encoding="utf-8").replace(
        "ho_so: ../ho-so/mien-dong-tai-hoan", f"ho_so: '{path}'", 1
    )
    answer = client.post(
        "/api/v1/rounds",
        files={"round": ("dot.yaml", text.encode(), "application/x-yaml")},
        headers=headers,
    )
    assert "BÍ-MẬT" not in answer.text
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["products"] == 6
    codes = [i["code"] for f in body["failures"] for i in f["error"]["details"]]
    assert "round-path-outside" in codes
    # The hint speaks of what a web user can do (send the dossiers along), not of --allow.
    refused = [i for f in body["failures"] for i in f["error"]["details"]]
    hints = [i["hint"] for i in refused if i["code"] == "round-path-outside"]
    assert hints and all("--allow" not in h and "Hồ sơ kèm theo" in h for h in hints)
    assert "--allow" not in answer.text and not any(h.endswith("..") for h in hints)
    quoted = [i["message"] for i in refused if i["code"] == "round-path-outside"]
    assert all(m.endswith("không được đọc.") or m.endswith("was not read.") for m in quoted)
