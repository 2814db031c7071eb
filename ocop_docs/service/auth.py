"""Who a request is from, and what that account may see (issue 13, "Accounts, roles").

* A request is signed in by the session cookie (pages) or by ``Authorization: Bearer``
  (machine clients); without either, an officials' endpoint answers 401, and a page sends
  the visitor to the sign-in form.
* Roles: ``xa`` (a commune: its dossiers, its Mẫu 03), ``tinh`` (a province's OCOP office:
  rounds, council, production), ``hoi_dong`` (a council member: the scoring sheets of the
  rounds they sit on), ``quan_tri`` (accounts; every province). A role that may not use an
  endpoint gets 403; a row of another province (or commune, or a round one does not sit
  on) is answered 404, exactly as an id that does not exist, so ids reveal nothing.
* CSRF: every form of a signed-in page carries the session's own token; an API call made
  with the session cookie must send it as ``X-CSRF-Token`` (token clients need not: a
  bearer token is not sent by a browser on its own). The sign-in form, before there is a
  session, uses the double-submit cookie of :mod:`~ocop_docs.service.views`.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from fastapi import Request
from fastapi.responses import Response

from ocop_docs.service.accounts import Principal
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.settings import Settings

SESSION_COOKIE = "ocop_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def principal(request: Request) -> Principal | None:
    """The account of ``request`` (cached on it), or None."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    rt = _rt(request)
    found: Principal | None = None
    header = request.headers.get("authorization", "")
    scheme, _, credential = header.partition(" ")
    if scheme.lower() == "bearer" and credential.strip():
        found = rt.accounts.token(credential.strip())
        if found is None:
            raise ServiceError(401, "auth-token-invalid")
    else:
        cookie = request.cookies.get(SESSION_COOKIE, "")
        if cookie:
            found = rt.accounts.session(cookie)
    request.state.principal = found
    return found


def require(request: Request, roles: Iterable[str] | None = None) -> Principal:
    """The signed-in principal, or 401; 403 when its role is not among ``roles``."""
    who = principal(request)
    if who is None:
        raise ServiceError(401, "auth-required")
    if roles is not None and who.role not in set(roles):
        raise ServiceError(403, "auth-forbidden", role=who.role)
    if request.method not in SAFE_METHODS and who.via == "session":
        _check_api_csrf(request, who)
    return who


def _check_api_csrf(request: Request, who: Principal) -> None:
    """An unsafe API call made with the session cookie carries the session's token."""
    if not request.url.path.startswith("/api/"):
        return  # pages check the form field (check_form_csrf) once they have read it
    sent = request.headers.get(CSRF_HEADER, "")
    if not who.csrf or not hmac.compare_digest(who.csrf.encode(), sent.encode()):
        raise ServiceError(403, "service-csrf")


def check_form_csrf(who: Principal, sent: str) -> None:
    if not who.csrf or not hmac.compare_digest(who.csrf.encode(), sent.encode()):
        raise ServiceError(403, "service-csrf")


def sees_province(who: Principal, province: int | None) -> bool:
    return who.is_admin or (province is not None and who.province == province)


def not_found(request: Request) -> ServiceError:
    return ServiceError(404, "service-not-found", days=_rt(request).settings.retention_days)


def secure(request: Request, settings: Settings) -> bool:
    if settings.secure_cookies is not None:
        return settings.secure_cookies
    return request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    settings = _rt(request).settings
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=secure(request, settings),
        path="/",
        max_age=int(settings.session_max_hours * 3600),
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    settings = _rt(request).settings
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure(request, settings)
    )
