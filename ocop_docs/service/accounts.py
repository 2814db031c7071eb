"""Officials' accounts: argon2id passwords, server-side sessions, API tokens, throttling.

* **Passwords** are hashed with argon2id (argon2-cffi's defaults, RFC 9106's second
  recommended profile); a hash made with older parameters is redone at the next sign-in.
  There is no default password: the first account is made with ``ocop-docs users add``.
* **Sessions** live in the database (any web replica can serve any request): the cookie
  holds 32 random bytes, the row only their SHA-256, so a copy of the database opens no
  session. A session ends ``session_hours`` after its last use and at the latest
  ``session_max_hours`` after sign-in; signing out or changing the password ends it now.
* **API tokens** are shown once and stored as their SHA-256; a token acts with its owner's
  role, province and commune.
* **Throttling**: after ``login_failures`` failed sign-ins for one account name, or from one
  client address, within ``login_window`` seconds, further tries are refused (429) until
  the window has passed, whether the password is right or not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from ocop_docs.service.database import utcnow
from ocop_docs.service.settings import Settings
from ocop_docs.service.tables import ROLES, ApiToken, LoginFailure, Session, User

TOKEN_BYTES = 32
TOKEN_PREFIX = "ocop_"
MIN_PASSWORD = 10
_HASHER = PasswordHasher()  # argon2id, time_cost 3, memory 64 MiB, parallelism 4
# A hash to verify against when the account does not exist, so that a wrong name costs
# the same time as a wrong password (no account enumeration by timing).
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A refused account operation; ``code`` is a catalogue code."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request acts for: an account, through a session or a token."""

    user_id: int
    username: str
    full_name: str
    role: str
    province: int | None
    commune: int | None
    via: str  # "session" or "token"
    session_id: str | None = None
    csrf: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "quan_tri"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def check_password_rules(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("auth-password-weak", n=MIN_PASSWORD)
    if password.strip().lower() == username.strip().lower():
        raise AccountError("auth-password-weak", n=MIN_PASSWORD)


def _principal(user: User, via: str, row: Session | None = None) -> Principal:
    return Principal(
        user.id,
        user.username,
        user.full_name,
        user.role,
        user.province,
        user.commune,
        via,
        row.id if row else None,
        row.csrf if row else None,
    )


class Accounts:
    """Every account operation, on the service's database."""

    def __init__(self, sessions: sessionmaker[DbSession], settings: Settings) -> None:
        self.db = sessions
        self.settings = settings

    # --- accounts ----------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        role: str,
        *,
        province: int | None = None,
        commune: int | None = None,
        full_name: str = "",
    ) -> int:
        username = username.strip()
        if not username or len(username) > 64 or not username.isprintable():
            raise AccountError("auth-username-invalid", username=username[:64])
        if role not in ROLES:
            raise AccountError("auth-role-invalid", role=role, known=", ".join(ROLES))
        if role != "quan_tri" and province is None:
            raise AccountError("auth-province-required", role=role)
        if role == "xa" and commune is None:
            raise AccountError("auth-commune-required")
        check_password_rules(password, username)
        with self.db.begin() as db:
            if db.scalar(select(User.id).where(User.username == username)) is not None:
                raise AccountError("auth-username-taken", username=username)
            user = User(
                username=username,
                full_name=full_name,
                password_hash=hash_password(password),
                role=role,
                province=province,
                commune=commune,
                active=True,
            )
            db.add(user)
            db.flush()
            return user.id

    def users(self, province: int | None = None) -> list[User]:
        with self.db() as db:
            query = select(User).order_by(User.username)
            if province is not None:
                query = query.where(User.province == province)
            return list(db.scalars(query))

    def user(self, user_id: int) -> User | None:
        with self.db() as db:
            return db.get(User, user_id)

    def change_password(self, user_id: int, old: str, new: str) -> None:
        """Check ``old``, set ``new`` and end every session and token of the account's
        other sign-ins (a changed password locks out whoever knew the old one)."""
        with self.db.begin() as db:
            user = db.get(User, user_id)
            if user is None or not _verify(user.password_hash, old):
                raise AccountError("auth-password-wrong")
            check_password_rules(new, user.username)
            user.password_hash = hash_password(new)
            user.password_changed_at = utcnow()
            db.execute(delete(Session).where(Session.user_id == user_id))

    # --- signing in -------------------------------------------------------------------

    def _failures(self, db: DbSession, key: str, since: dt.datetime) -> int:
        query = select(func.count()).where(LoginFailure.key == key, LoginFailure.at > since)
        return int(db.scalar(query) or 0)

    def throttled(self, username: str, address: str) -> bool:
        since = utcnow() - dt.timedelta(seconds=self.settings.login_window)
        limit = self.settings.login_failures
        with self.db() as db:
            keys = (f"user:{username.strip().lower()}", f"addr:{address}")
            return any(self._failures(db, k, since) >= limit for k in keys)

    def sign_in(self, username: str, password: str, address: str) -> tuple[str, Principal]:
        """A new session's cookie value and its principal; :class:`AccountError` with
        ``auth-throttled`` or ``auth-login-failed`` (the same for a wrong name or password)."""
        if self.throttled(username, address):
            raise AccountError("auth-throttled", minutes=int(self.settings.login_window // 60))
        name_key = f"user:{username.strip().lower()}"
        with self.db.begin() as db:
            user = db.scalar(select(User).where(User.username == username.strip()))
            ok = _verify(user.password_hash if user else _DUMMY, password)
            if user is None or not ok or not user.active:
                now = utcnow()
                db.add(LoginFailure(key=name_key, at=now))
                db.add(LoginFailure(key=f"addr:{address}", at=now))
                user = None  # committed below, then refused
        if user is None:
            raise AccountError("auth-login-failed")
        with self.db.begin() as db:
            user = db.get(User, user.id)
            assert user is not None
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            db.execute(delete(LoginFailure).where(LoginFailure.key == name_key))
            token = secrets.token_urlsafe(TOKEN_BYTES)
            now = utcnow()
            row = Session(
                id=digest(token),
                user_id=user.id,
                csrf=secrets.token_urlsafe(TOKEN_BYTES),
                created_at=now,
                seen_at=now,
                expires_at=now + dt.timedelta(hours=self.settings.session_hours),
            )
            db.add(row)
            return token, _principal(user, "session", row)

    def session(self, token: str) -> Principal | None:
        """The principal of a session cookie, its expiry moved on; None when it ended."""
        if not token or len(token) > 100:
            return None
        now = utcnow()
        with self.db.begin() as db:
            row = db.get(Session, digest(token))
            if row is None:
                return None
            latest = row.created_at + dt.timedelta(hours=self.settings.session_max_hours)
            if row.expires_at <= now or latest <= now:
                db.delete(row)
                return None
            user = db.get(User, row.user_id)
            if user is None or not user.active:
                return None
            # Sliding expiry, written at most once a minute (not on every request).
            if (now - row.seen_at).total_seconds() > 60:
                row.seen_at = now
                row.expires_at = min(now + dt.timedelta(hours=self.settings.session_hours), latest)
            return _principal(user, "session", row)

    def sign_out(self, session_id: str) -> None:
        with self.db.begin() as db:
            db.execute(delete(Session).where(Session.id == session_id))

    def purge_sessions(self) -> int:
        now = utcnow()
        since = now - dt.timedelta(seconds=self.settings.login_window)
        with self.db.begin() as db:
            result = db.execute(delete(Session).where(Session.expires_at <= now))
            gone = getattr(result, "rowcount", 0)
            db.execute(delete(LoginFailure).where(LoginFailure.at <= since))
        return int(gone or 0)

    # --- API tokens -------------------------------------------------------------------

    def new_token(self, user_id: int, label: str = "", days: int | None = None) -> str:
        token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
        expires = utcnow() + dt.timedelta(days=days) if days else None
        with self.db.begin() as db:
            db.add(
                ApiToken(
                    digest=digest(token), user_id=user_id, label=label[:100], expires_at=expires
                )
            )
        return token

    def token(self, token: str) -> Principal | None:
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        now = utcnow()
        with self.db.begin() as db:
            row = db.scalar(select(ApiToken).where(ApiToken.digest == digest(token)))
            if row is None or row.revoked or (row.expires_at and row.expires_at <= now):
                return None
            user = db.get(User, row.user_id)
            if user is None or not user.active:
                return None
            if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
                row.last_used_at = now
            return _principal(user, "token")

    def revoke_tokens(self, user_id: int) -> None:
        with self.db.begin() as db:
            for row in db.scalars(select(ApiToken).where(ApiToken.user_id == user_id)):
                row.revoked = True


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
