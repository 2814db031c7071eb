"""``ocop-docs users``: officials' accounts of the service (``add``, ``list``, ``token``).

The first account (an administrator, ``--role quan_tri``) is made here; there is no default
password. The password is asked twice on the terminal (not echoed), or read from standard
input with ``--password-stdin`` (scripts). Settings (``--data-dir``, ``OCOP_DATABASE_URL``)
are the service's, so the account lands in the database ``ocop-docs serve`` uses.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import click

from ocop_docs.catalogue import render_hint, render_message
from ocop_docs.rules.units import normalise_name, provinces
from ocop_docs.service.accounts import AccountError, Accounts
from ocop_docs.service.database import make_engine, migrate, session_factory
from ocop_docs.service.settings import Settings
from ocop_docs.service.tables import ROLES

DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục dữ liệu của dịch vụ (mặc định ./ocop-data hoặc OCOP_DATA_DIR) / data folder.",
)


def account_error_text(code: str, **params: object) -> str:
    """A refusal in both languages (the CLI's messages come from the catalogue)."""
    vi = f"{render_message(code, params, 'vi')} {render_hint(code, params, 'vi')}"
    en = f"{render_message(code, params, 'en')} {render_hint(code, params, 'en')}"
    return f"Lỗi: {vi}\nError: {en}"


def _accounts(data_dir: Path | None) -> Accounts:
    settings = Settings.from_env(data_dir=data_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    migrate(engine)
    return Accounts(session_factory(engine), settings)


def _province(value: str | None) -> int | None:
    if not value:
        return None
    if value.isdigit():
        codes = {p.code for p in provinces().values()}
        if int(value) in codes:
            return int(value)
    found = provinces().get(normalise_name(value))
    if found is None:
        raise click.BadParameter(account_error_text("auth-province-unknown", province=value))
    return found.code


def _commune(province: int | None, value: str | None) -> int | None:
    if not value:
        return None
    prov = next((p for p in provinces().values() if p.code == province), None)
    if prov is None:
        raise click.BadParameter(account_error_text("auth-commune-required"))
    if value.isdigit() and any(u.code == int(value) for u in prov.communes.values()):
        return int(value)
    unit = prov.communes.get(normalise_name(value))
    if unit is None:
        raise click.BadParameter(account_error_text("auth-commune-required"))
    return unit.code


@click.group("users")
def users() -> None:
    """Tài khoản cán bộ của dịch vụ (ocop-docs serve) / officials' accounts.

    \b
    Ví dụ / examples:
      ocop-docs users add admin --role quan_tri
      ocop-docs users add tn-ocop --role tinh --province "Thái Nguyên"
      ocop-docs users add con-minh --role xa --province "Thái Nguyên" --commune "Côn Minh"
      ocop-docs users token tn-ocop --label "cổng tỉnh"
    """


@users.command("add")
@click.argument("username")
@click.option(
    "--role", type=click.Choice(ROLES), required=True, help="xa | tinh | hoi_dong | quan_tri"
)
@click.option("--province", default=None, help="Tỉnh (tên hoặc mã) / province name or code.")
@click.option("--commune", default=None, help="Xã, phường (tên hoặc mã; vai trò xa) / commune.")
@click.option("--full-name", default="", help="Họ và tên / full name.")
@click.option(
    "--password-stdin", is_flag=True, help="Đọc mật khẩu từ stdin / read the password from stdin."
)
@click.option(
    "--generate-password",
    is_flag=True,
    help="Tạo mật khẩu ngẫu nhiên, in ra một lần / make a random password, printed once.",
)
@DATA_DIR
def add(
    username: str,
    role: str,
    province: str | None,
    commune: str | None,
    full_name: str,
    password_stdin: bool,
    generate_password: bool,
    data_dir: Path | None,
) -> None:
    """Tạo một tài khoản (mật khẩu hỏi hai lần, không có mật khẩu mặc định)."""
    code = _province(province)
    commune_code = _commune(code, commune)
    if generate_password:
        password = secrets.token_urlsafe(15)
    elif password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True)
    try:
        _accounts(data_dir).add_user(
            username, password, role, province=code, commune=commune_code, full_name=full_name
        )
    except AccountError as exc:
        click.echo(account_error_text(exc.code, **exc.params), err=True)
        raise SystemExit(1) from None
    click.echo(f"Đã tạo tài khoản «{username}» ({role}) / account created.")
    if generate_password:
        click.echo(f"Mật khẩu (chỉ hiện một lần) / password (shown once): {password}")


@users.command("list")
@DATA_DIR
def list_users(data_dir: Path | None) -> None:
    """Liệt kê tài khoản / list the accounts."""
    click.echo("tài khoản / account\tvai trò / role")
    for user in _accounts(data_dir).users():
        state = "" if user.active else " (khoá / disabled)"
        where = f" tỉnh {user.province}" if user.province else ""
        where += f" xã {user.commune}" if user.commune else ""
        click.echo(f"{user.username}\t{user.role}{where}{state}")


@users.command("token")
@click.argument("username")
@click.option("--label", default="", help="Ghi chú / label.")
@click.option("--days", type=click.IntRange(min=1), default=365, show_default=True)
@DATA_DIR
def token(username: str, label: str, days: int, data_dir: Path | None) -> None:
    """Tạo mã truy cập API (in ra một lần) / make an API token (printed once)."""
    accounts = _accounts(data_dir)
    found = [u for u in accounts.users() if u.username == username]
    if not found:
        click.echo(account_error_text("auth-login-failed"), err=True)
        raise SystemExit(1)
    click.echo(accounts.new_token(found[0].id, label, days=days))
