"""Scoring sheets in the browser and the API (issue 13): the rubric as data, the library's
scoring, totals; the production that follows uses the entered sheets."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from ocop_docs.cli.main import cli
from tests.service.officials import (
    SHEET,
    add_user,
    bearer,
    file_dossiers,
    round_upload,
    run_queued,
    sign_in,
)

CHOICES = {"1.1": 3, "1.2": 2, "1.3": 3, "2.1": 3, "3.1": 2}


def _round_with_council(client: TestClient) -> tuple[dict[str, str], str, dict[str, int]]:
    office = bearer(client, add_user(client, "tn-ocop", "tinh"))
    file_dossiers(client, office)
    round_id = client.post("/api/v1/rounds", files=round_upload(SHEET), headers=office).json()["id"]
    scorers = ["tv1", "tv2", "tv3", "tv4", "tv5", "tv7", "tv8"]
    ids = {}
    for ma in scorers:
        ids[ma] = add_user(client, f"hd-{ma}", "hoi_dong")
        seat = client.put(
            f"/api/v1/rounds/{round_id}/council/{ma}", json={"user": f"hd-{ma}"}, headers=office
        )
        assert seat.status_code == 200, seat.text
    return office, round_id, ids


def test_a_sheet_is_scored_by_the_library(client: TestClient, tmp_path: Path) -> None:
    _office, round_id, ids = _round_with_council(client)
    member = bearer(client, ids["tv2"])
    answer = client.put(
        f"/api/v1/rounds/{round_id}/scores/1/tv2", json={"chon": CHOICES}, headers=member
    )
    assert answer.status_code == 200, answer.text
    card = answer.json()
    path = tmp_path / "phieu.json"
    path.write_text(json.dumps({"bo_san_pham": 7, "chon": CHOICES}), encoding="utf-8")
    cli_out = CliRunner().invoke(cli, ["rubric", "score", str(path), "--format", "json"])
    expected = json.loads(cli_out.output)
    assert card["ket_qua"]["tong_diem"] == expected["tong_diem"]
    assert card["ket_qua"]["hang_sao"] == expected["hang_sao"]
    # Another member's seat, or a choice the rubric does not have, is refused.
    assert (
        client.put(
            f"/api/v1/rounds/{round_id}/scores/1/tv3", json={"tong": 80}, headers=member
        ).status_code
        == 403
    )
    bad = client.put(
        f"/api/v1/rounds/{round_id}/scores/1/tv2", json={"chon": {"1.1": 9}}, headers=member
    )
    assert (bad.status_code, bad.json()["code"]) == (422, "scoresheet-choice-invalid")
    over = client.put(f"/api/v1/rounds/{round_id}/scores/1/tv2", json={"tong": 101}, headers=member)
    assert over.json()["code"] == "scoresheet-total-invalid"
    mine = client.get(f"/api/v1/rounds/{round_id}/scores", headers=member).json()["cards"]
    assert [(c["product"], c["member"]) for c in mine] == [(1, "tv2")]


def test_the_sheet_page_for_a_council_member(client: TestClient) -> None:
    _office, round_id, _ids = _round_with_council(client)
    official = sign_in(client, "hd-tv2")
    page = client.get(f"/can-bo/dot/{round_id}/cham/1")
    assert page.status_code == 200
    assert "Nguồn nguyên liệu" in page.text and 'name="c:1.1"' in page.text
    form = {
        "csrf": official.csrf,
        "tv": "tv2",
        "mode": "chon",
        **{f"c:{k}": str(v) for k, v in CHOICES.items()},
    }
    saved = client.post(f"/can-bo/dot/{round_id}/cham/1", data=form, follow_redirects=True)
    assert saved.status_code == 200 and "Đã lưu phiếu" in saved.text
    forged = client.post(f"/can-bo/dot/{round_id}/cham/1", data={**form, "csrf": "x"})
    assert forged.status_code == 403


def test_entered_totals_make_the_production(client: TestClient) -> None:
    office, round_id, ids = _round_with_council(client)
    for ma, uid in ids.items():  # 80 points instead of 91,14: 4 stars at the province
        answer = client.put(
            f"/api/v1/rounds/{round_id}/scores/1/{ma}",
            json={"tong": 80},
            headers=bearer(client, uid),
        )
        assert answer.status_code == 200
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=office
    ).json()
    run_queued(client)
    done = client.get(f"/api/v1/jobs/{job['id']}", headers=office).json()
    assert done["state"] == "done"
    certificates = [
        path
        for path in json.loads(
            client.get(f"/api/v1/jobs/{job['id']}/manifest", headers=office).text
        )["items"]
        if path["kind"] == "giay-chung-nhan"
    ]
    # Uploaded, Miến dong (≥ 90) is proposed to the ministry and gets no provincial
    # certificate (Điều 7.3.e); with the entered sheets it is a provincial 4-star product.
    assert any("mien-dong" in c["id"] for c in certificates)
    assert len(certificates) == 6
