"""Officials' accounts (issue 13): argon2id, sessions in the database, CSRF, throttling,
expiry, password change, API tokens, the users verb."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from ocop_docs.cli.main import cli
from ocop_docs.service.accounts import digest
from ocop_docs.service.settings import Settings
from ocop_docs.service.tables import ApiToken, Session, User
from tests.service.officials import PASSWORD, add_user, bearer, form_token, runtime, sign_in


def test_passwords_are_argon2id_and_there_is_no_default_account(client: TestClient) -> None:
    assert client.get("/api/v1/me").status_code == 401
    add_user(client, "tn-ocop", "tinh")
    with runtime(client).sessions() as db:
        users = list(db.scalars(select(User)))
    assert [u.username for u in users] == ["tn-ocop"]
    assert users[0].password_hash.startswith("$argon2id$")
    assert PASSWORD not in users[0].password_hash


def test_sign_in_sets_a_server_side_session_cookie(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    page = client.get("/dang-nhap")
    answer = client.post(
        "/dang-nhap",
        data={"csrf": form_token(page.text), "username": "tn-ocop", "password": PASSWORD},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/can-bo"
    cookie = answer.headers["set-cookie"]
    assert "ocop_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback; Secure behind TLS (next test)
    token = answer.cookies["ocop_session"]
    with runtime(client).sessions() as db:
        rows = list(db.scalars(select(Session)))
    assert [r.id for r in rows] == [digest(token)]  # only the token's hash is stored
    me = client.get("/api/v1/me").json()
    assert (me["username"], me["role"], me["province"], me["via"]) == (
        "tn-ocop",
        "tinh",
        19,
        "session",
    )


def test_cookie_is_secure_behind_tls(settings: Settings) -> None:
    from dataclasses import replace

    from ocop_docs.service.app import create_app

    with TestClient(create_app(replace(settings, secure_cookies=True))) as client:
        add_user(client, "tn-ocop", "tinh")
        page = client.get("/dang-nhap")
        answer = client.post(
            "/dang-nhap",
            data={"csrf": form_token(page.text), "username": "tn-ocop", "password": PASSWORD},
            follow_redirects=False,
        )
        assert "Secure" in answer.headers["set-cookie"]


def test_wrong_password_and_unknown_name_answer_alike(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    answers = []
    for name, password in (("tn-ocop", "sai-mat-khau-roi"), ("khong-co", PASSWORD)):
        page = client.get("/dang-nhap")
        answers.append(
            client.post(
                "/dang-nhap",
                data={"csrf": form_token(page.text), "username": name, "password": password},
            )
        )
    assert [a.status_code for a in answers] == [401, 401]
    assert all("Tên đăng nhập hoặc mật khẩu không đúng" in a.text for a in answers)
    assert "ocop_session" not in client.cookies


def test_sign_in_is_throttled_after_repeated_failures(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    limit = runtime(client).settings.login_failures
    statuses = []
    for _ in range(limit + 1):
        page = client.get("/dang-nhap")
        statuses.append(
            client.post(
                "/dang-nhap",
                data={"csrf": form_token(page.text), "username": "tn-ocop", "password": "x" * 12},
            ).status_code
        )
    assert statuses == [401] * limit + [429]
    page = client.get("/dang-nhap")  # even the right password waits now
    right = client.post(
        "/dang-nhap",
        data={"csrf": form_token(page.text), "username": "tn-ocop", "password": PASSWORD},
    )
    assert right.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in right.text


def test_sign_in_form_needs_its_csrf_token(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    client.get("/dang-nhap")
    answer = client.post(
        "/dang-nhap", data={"csrf": "x" * 43, "username": "tn-ocop", "password": PASSWORD}
    )
    assert answer.status_code == 403
    assert "ocop_session" not in client.cookies


def test_signed_in_forms_and_cookie_api_calls_need_the_session_token(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    official = sign_in(client, "tn-ocop")
    # A form without the session's token (a forged cross-site post) is refused.
    assert client.post("/dang-xuat", data={"csrf": "forged"}).status_code == 403
    # An API call with the cookie but without X-CSRF-Token is refused too.
    assert client.post("/api/v1/rounds", files={"round": ("a.yaml", b"x: 1")}).status_code == 403
    assert client.get("/api/v1/me").status_code == 200  # still signed in
    assert (
        client.post("/dang-xuat", data={"csrf": official.csrf}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/api/v1/me").status_code == 401


def test_sign_out_ends_the_session_in_the_database(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    official = sign_in(client, "tn-ocop")
    cookie = client.cookies["ocop_session"]
    client.post("/dang-xuat", data={"csrf": official.csrf})
    client.cookies.set("ocop_session", cookie)  # a copy of the old cookie opens nothing
    assert client.get("/api/v1/me").status_code == 401


def test_sessions_expire_when_idle_and_at_the_latest_limit(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    sign_in(client, "tn-ocop")
    rt = runtime(client)
    past = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=1)
    with rt.sessions.begin() as db:
        db.execute(update(Session).values(expires_at=past))
    assert client.get("/api/v1/me").status_code == 401
    assert (
        client.get("/can-bo", follow_redirects=False).headers["location"].startswith("/dang-nhap")
    )
    sign_in(client, "tn-ocop")
    long_ago = past - dt.timedelta(hours=rt.settings.session_max_hours)
    with rt.sessions.begin() as db:
        db.execute(update(Session).values(created_at=long_ago))  # idle-fresh, too old
    assert client.get("/api/v1/me").status_code == 401


def test_pages_send_the_visitor_to_sign_in(client: TestClient) -> None:
    answer = client.get("/can-bo/dot/moi", headers={"accept": "text/html"}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/dang-nhap?next=/can-bo/dot/moi"
    page = client.get("/dang-nhap?next=//evil.example/x")
    assert 'value="/can-bo"' in page.text  # no open redirect


def test_password_change_ends_every_session(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    official = sign_in(client, "tn-ocop")
    new = "mat-khau-moi-dai-hon"
    answer = client.post(
        "/can-bo/mat-khau",
        data={"csrf": official.csrf, "old": PASSWORD, "new": new, "again": new},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert client.get("/api/v1/me").status_code == 401
    sign_in(client, "tn-ocop", new)
    assert client.get("/api/v1/me").json()["username"] == "tn-ocop"


def test_password_change_checks_the_old_one_and_the_length(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    official = sign_in(client, "tn-ocop")
    wrong = client.post(
        "/can-bo/mat-khau",
        data={"csrf": official.csrf, "old": "khong-dung-dau", "new": "a" * 12, "again": "a" * 12},
    )
    short = client.post(
        "/can-bo/mat-khau",
        data={"csrf": official.csrf, "old": PASSWORD, "new": "ngan", "again": "ngan"},
    )
    assert (wrong.status_code, short.status_code) == (422, 422)
    assert "Mật khẩu hiện tại không đúng" in wrong.text
    assert "Mật khẩu quá ngắn" in short.text


def test_api_tokens_are_stored_hashed_and_act_as_their_owner(client: TestClient) -> None:
    user = add_user(client, "tn-ocop", "tinh")
    headers = bearer(client, user)
    token = headers["Authorization"].split()[1]
    with runtime(client).sessions() as db:
        row = db.scalar(select(ApiToken))
    assert row is not None and row.digest == digest(token) and token not in row.digest
    me = client.get("/api/v1/me", headers=headers).json()
    assert (me["username"], me["via"]) == ("tn-ocop", "token")
    # A token needs no CSRF header (a browser never sends it by itself).
    assert client.get("/api/v1/rounds", headers=headers).status_code == 200
    runtime(client).accounts.revoke_tokens(user)
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer ocop_forged"})
    assert bad.status_code == 401 and bad.json()["code"] == "auth-token-invalid"
    assert bad.headers["www-authenticate"] == "Bearer"


def test_users_add_asks_for_the_password(client: TestClient, settings: Settings) -> None:
    if settings.database_url:
        pytest.skip("the verb writes to the data folder's database: the embedded run")
    runner = CliRunner()
    data = str(settings.data_dir)
    result = runner.invoke(
        cli,
        ["users", "add", "admin", "--role", "quan_tri", "--data-dir", data],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli,
        [
            "users",
            "add",
            "con-minh",
            "--role",
            "xa",
            "--province",
            "Thái Nguyên",
            "--commune",
            "Côn Minh",
            "--data-dir",
            data,
            "--password-stdin",
        ],
        input=f"{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    short = runner.invoke(
        cli,
        [
            "users",
            "add",
            "x",
            "--role",
            "tinh",
            "--province",
            "19",
            "--data-dir",
            data,
            "--password-stdin",
        ],
        input="ngan\n",
    )
    assert short.exit_code == 1 and "Mật khẩu quá ngắn" in short.output
    listed = runner.invoke(cli, ["users", "list", "--data-dir", data])
    assert "admin\tquan_tri" in listed.output
    assert "con-minh\txa tỉnh 19 xã 2185" in listed.output
    token = runner.invoke(cli, ["users", "token", "admin", "--data-dir", data]).output.strip()
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()["role"]
        == "quan_tri"
    )
