"""The JSON API answers what the CLI prints (issue 10, "JSON API")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from ocop_docs.cli.main import cli
from tests.service.conftest import ROOT, SAMPLE, SAMPLE_NAMES, SAMPLES, folder_files, zip_folder

REPORT_SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def _cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_through_the_api_gives_the_cli_report(
    client: TestClient, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload = {"files": (f"{name}.zip", zip_folder(SAMPLES / name), "application/zip")}
    answer = client.post("/api/v1/validate", files=upload)
    assert answer.status_code == 200
    expected = _cli(["validate", name, "--format", "json"], SAMPLES, monkeypatch)
    assert answer.text == expected
    Draft202012Validator(REPORT_SCHEMA).validate(answer.json())


def test_folder_upload_equals_zip_upload_and_cli_in_english(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = client.post("/api/v1/validate", params={"lang": "en"}, files=folder_files(SAMPLE))
    assert answer.status_code == 200
    expected = _cli(
        ["validate", SAMPLE.name, "--format", "json", "--lang", "en"], SAMPLES, monkeypatch
    )
    assert answer.text == expected
    assert answer.json()["lang"] == "en"


def test_files_at_the_root_are_named_ho_so(client: TestClient) -> None:
    answer = client.post("/api/v1/validate", files=folder_files(SAMPLE, prefix=""))
    report = answer.json()["dossiers"][0]
    assert (report["source"], report["file"], report["valid"]) == (
        "ho-so",
        "ho-so/ho-so.yaml",
        True,
    )


def test_without_attachments_only_the_data_is_checked(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_yaml = [("files", ("mien-dong-tai-hoan/ho-so.yaml", (SAMPLE / "ho-so.yaml").read_bytes()))]
    answer = client.post("/api/v1/validate", params={"attachments": "false"}, files=only_yaml)
    expected = _cli(
        ["validate", SAMPLE.name, "--format", "json", "--no-attachments"], SAMPLES, monkeypatch
    )
    assert answer.text == expected
    checked = client.post("/api/v1/validate", files=only_yaml).json()
    assert not checked["dossiers"][0]["valid"]
    assert "attachment-missing" in {i["code"] for i in checked["dossiers"][0]["issues"]}


def test_an_invalid_dossier_is_a_200_report(client: TestClient) -> None:
    text = (SAMPLE / "ho-so.yaml").read_text(encoding="utf-8")
    broken = text.replace('ma_so_thue: "4799990010"', 'ma_so_thue: "4799990011"')
    answer = client.post(
        "/api/v1/validate",
        params={"attachments": "false"},
        files=[("files", ("ho-so.yaml", broken.encode()))],
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["exit_code"] == 1 and body["dossiers"][0]["valid"] is False
    assert "tax-code-check-digit" in {i["code"] for i in body["dossiers"][0]["issues"]}
    Draft202012Validator(REPORT_SCHEMA).validate(body)


def test_broken_yaml_is_reported_with_its_line(client: TestClient) -> None:
    answer = client.post(
        "/api/v1/validate",
        files=[("files", ("ho-so.yaml", b"bo_san_pham: 7\nchu_the: [unclosed\n"))],
    )
    assert answer.status_code == 200
    issue = answer.json()["dossiers"][0]["issues"][0]
    assert issue["code"] == "yaml-syntax" and issue["line"]
    assert "/tmp" not in answer.text and "req-" not in answer.text


def test_sectors_is_the_cli_json(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = client.get("/api/v1/sectors")
    assert answer.status_code == 200
    assert answer.text == _cli(["sectors", "--format", "json"], ROOT, monkeypatch)
    assert len(answer.json()["bo_san_pham"]) == 26


@pytest.mark.parametrize("n", [1, 7, 26])
def test_rubric_is_the_cli_json(
    client: TestClient, n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = client.get(f"/api/v1/rubrics/{n}")
    assert answer.status_code == 200
    assert answer.text == _cli(["rubric", "show", str(n), "--format", "json"], ROOT, monkeypatch)


@pytest.mark.parametrize("n", ["0", "27", "bảy"])
def test_rubric_out_of_range_is_a_catalogue_422(client: TestClient, n: str) -> None:
    answer = client.get(f"/api/v1/rubrics/{n}")
    assert answer.status_code == 422
    assert answer.json()["code"] == "service-request-invalid"
    assert "detail" not in answer.json()


def test_score_is_the_cli_json(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = {"bo_san_pham": 7, "chon": {"1.1": 3, "1.2": 2, "1.3": 9}}
    (tmp_path / "phieu.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli_out = CliRunner().invoke(cli, ["rubric", "score", "phieu.json", "--format", "json"])
    expected = json.loads(cli_out.output)
    answer = client.post(
        "/api/v1/score",
        content=json.dumps(card).encode(),
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 200
    got = answer.json()
    assert got.pop("tep") is None and expected.pop("tep") == "phieu.json"
    assert got == expected


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"[1, 2]", "scorecard-not-mapping"),
        (b'{"chon": {}}', "scorecard-set-required"),
        (b'{"bo_san_pham": 40, "chon": {}}', "scorecard-set-invalid"),
        (b'{"bo_san_pham": 7, "bo_tieu_chi": "1/1900", "chon": {}}', "scorecard-regime-unknown"),
        (b'{"bo_san_pham": 7,', "scorecard-unreadable"),
        (b"\xff\xfe", "service-body-invalid"),
    ],
)
def test_score_refusals_are_catalogued(client: TestClient, body: bytes, code: str) -> None:
    answer = client.post(
        "/api/v1/score", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == code and answer.json()["message"]


def test_render_phieu_dang_ky_from_a_zip_is_the_cli_docx(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload = {"files": ("ho-so.zip", zip_folder(SAMPLE), "application/zip")}
    answer = client.post("/api/v1/render/phieu-dang-ky", files=upload)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "cli.docx"
    result = CliRunner().invoke(cli, ["render", "phieu-dang-ky", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert answer.content == out.read_bytes()  # rendering is deterministic


def test_render_a_scoring_sheet_from_a_json_scorecard(client: TestClient) -> None:
    import yaml

    dossier = yaml.safe_load((SAMPLE / "ho-so.yaml").read_text(encoding="utf-8"))
    card = {"bo_san_pham": 7, "chon": dossier["tu_danh_gia"]["chon"]}
    answer = client.post("/api/v1/render/phieu-danh-gia", json=card)
    assert answer.status_code == 200, answer.text
    assert answer.content[:2] == b"PK"
    # Issue 11: a card may leave every criterion unticked; an option that does not exist is
    # still an error.
    incomplete = client.post(
        "/api/v1/render/phieu-danh-gia", json={"bo_san_pham": 7, "chon": {"1.1": 9}}
    )
    assert incomplete.status_code == 422
    assert incomplete.json()["code"] == "render-scorecard-invalid"
    assert "«nguon.json»" in incomplete.json()["message"]
    assert "/tmp" not in incomplete.text and "req-" not in incomplete.text


def test_render_refuses_paths_out_of_the_body(client: TestClient) -> None:
    body = {"hoi_dong": {}, "san_pham": [{"ho_so": "../../etc"}]}
    answer = client.post("/api/v1/render/bien-ban", json=body)
    assert answer.status_code == 400
    assert answer.json()["code"] == "service-source-unsafe"
    assert "../../etc" in answer.json()["message"]


def test_render_strictness_and_unknown_kind(client: TestClient) -> None:
    answer = client.post("/api/v1/render/phieu-dang-ky", json={"bo_san_pham": 7})
    assert answer.status_code == 422
    assert answer.json()["code"]
    unknown = client.post("/api/v1/render/thu-tay", json={})
    assert unknown.status_code == 404 and unknown.json()["code"] == "service-kind-unknown"


@pytest.mark.slow
def test_render_pdf_or_a_clear_error(client: TestClient) -> None:
    upload = {"files": ("ho-so.zip", zip_folder(SAMPLE), "application/zip")}
    answer = client.post("/api/v1/render/phieu-dang-ky", params={"format": "pdf"}, files=upload)
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    if runtime.pdf.available:
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    else:
        assert answer.status_code == 503 and answer.json()["code"] == "convert-missing"


def test_render_pdf_without_libreoffice_is_a_catalogue_503(client: TestClient) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    runtime.pdf.soffice = "/nonexistent/soffice"
    runtime.pdf._looked = False
    upload = {"files": ("ho-so.zip", zip_folder(SAMPLE), "application/zip")}
    answer = client.post("/api/v1/render/phieu-dang-ky", params={"format": "pdf"}, files=upload)
    assert answer.status_code == 503
    assert answer.json()["code"] == "convert-missing"
    assert client.get("/readyz").json()["libreoffice"] is False


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz").json()
    assert ready["status"] == "ok" and ready["storage"] and ready["database"]
    assert isinstance(ready["libreoffice"], bool)


def test_openapi_names_the_fixed_paths(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    for path in (
        "/api/v1/validate",
        "/api/v1/sectors",
        "/api/v1/rubrics/{n}",
        "/api/v1/score",
        "/api/v1/render/{kind}",
        "/healthz",
        "/readyz",
    ):
        assert path in doc["paths"], path
    assert "Report" in doc["components"]["schemas"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/v1/validate" in page.text


def test_render_a_revocation_from_its_json(client: TestClient) -> None:
    """A revocation file (Điều 8) sent as JSON is read as one, not as a dossier (issue 12)."""
    import yaml

    data = yaml.safe_load(
        (SAMPLES.parent / "thu-hoi" / "thai-nguyen-2027-thu-hoi.yaml").read_text("utf-8")
    )
    answer = client.post(
        "/api/v1/render/quyet-dinh-thu-hoi", json=json.loads(json.dumps(data, default=str))
    )
    assert answer.status_code == 200, answer.text
    assert answer.content[:2] == b"PK"


def test_a_broken_json_body_is_explained_in_the_catalogue_s_words(client: TestClient) -> None:
    """The JSON decoder's English ("Expecting ',' delimiter") never reaches a message."""
    headers = {"content-type": "application/json"}
    answer = client.post("/api/v1/render/bien-ban", content=b'{"a": 1,', headers=headers)
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "service-body-invalid"
    assert "dòng 1, cột 9" in body["message"] and "Expecting" not in answer.text
