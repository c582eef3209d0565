"""The browser's refresh token, in a cookie that no script can read.

The web app keeps its access token in memory only; the refresh token that renews it lives in the
`clinichub_refresh` cookie:
- `HttpOnly`: a script injected into the page (XSS) cannot read it, so it cannot carry the session
  away; it can at most use the page while it runs.
- `SameSite=Strict`: the browser sends it only on requests that start on the service's own pages,
  never on a request another site causes (CSRF).
- `Path=/api/session/`: sent only to `/api/session/refresh` and `/api/session/logout`, never with
  the other API calls, the app's pages or the docs.
- `Secure` when the request came over HTTPS (behind trusted proxies, the forwarded scheme), so it
  never travels in clear once the service is served over TLS; plain HTTP is for development.
- `Max-Age`: the refresh token's lifetime (`CLINICHUB_REFRESH_TOKEN_DAYS`).
"""

from typing import Annotated, Any

from fastapi import Request, Response, Security
from fastapi.security import APIKeyCookie

COOKIE_NAME = "clinichub_refresh"
COOKIE_PATH = "/api/session/"

_refresh_cookie = APIKeyCookie(
    name=COOKIE_NAME,
    scheme_name="refresh_cookie",
    auto_error=False,
    description="The web app's refresh token: an HttpOnly, SameSite=Strict cookie that "
    "`POST /api/session` sets, limited to the path `/api/session/`",
)

# The cookie's value, or None when the request carries none.
RefreshCookie = Annotated[str | None, Security(_refresh_cookie)]


def set_cookie_header() -> dict[str, Any]:
    """The OpenAPI declaration of a response that sets or clears the cookie (a new dict each
    time: the document builder adds to the headers of error responses)."""
    return {
        "Set-Cookie": {
            "description": f"`{COOKIE_NAME}=<refresh token>; HttpOnly; Max-Age=<seconds>; "
            f"Path={COOKIE_PATH}; SameSite=strict` (and `Secure` over HTTPS) sets the cookie; "
            f'`{COOKIE_NAME}=""; Max-Age=0` with the same attributes clears it',
            "schema": {"type": "string"},
        }
    }


def _secure(request: Request) -> bool:
    """Over HTTPS: the connection's scheme, or the forwarded one from a trusted proxy (the proxy
    middleware puts it in the scope)."""
    return request.url.scheme == "https"


def set_refresh_cookie(response: Response, request: Request, token: str, max_age: int) -> None:
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )


def clear_refresh_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        COOKIE_NAME, path=COOKIE_PATH, secure=_secure(request), httponly=True, samesite="strict"
    )


def cleared_cookie_header(request: Request) -> str:
    """The `Set-Cookie` value that clears the cookie, for an error response."""
    response = Response()
    clear_refresh_cookie(response, request)
    return response.headers["set-cookie"]
