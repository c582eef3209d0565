"""The staff web app at `/`: the single-page app built into `CLINICHUB_WEB_DIST` (`web/dist`).

- `/assets/...`: the build's hashed files. A file's name changes with its content, so browsers
  may keep it for a year without asking again; a missing one is a 404, never the app's page
  (a stale page asking for an old bundle must fail visibly, not parse HTML as JavaScript).
- `/` and any other path a browser navigates to (client-side routes such as `/patients/12`):
  `index.html`, revalidated on every use (`no-cache`), so a new release reaches every browser
  at once. Its `__CSP_NONCE__` placeholder becomes a fresh random nonce, the one the
  Content-Security-Policy header names (security_headers.py): the component library injects
  `<style>` tags, which the policy admits only with that nonce. No script runs inline.
- Other files at the top of the build (`favicon.svg`, `robots.txt`): briefly cached.
- Without a build, a small page says where the API and its documentation are, and how to build
  the app.

`/api/...` is never the app's: an unknown API path stays the JSON 404 `Error`, as do the docs'
paths and requests that do not ask for HTML (a missing image is a 404, not a page).

The directory is read on each request, so an app built after the server started is served.
"""

import os
import secrets
from pathlib import Path

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from clinichub.security_headers import NONCE_STATE

ASSETS_URL = "/assets"
INDEX = "index.html"
NONCE_PLACEHOLDER = "__CSP_NONCE__"
# Hashed names: the content of a URL never changes (RFC 8246 `immutable`).
ASSET_CACHE = "public, max-age=31536000, immutable"
# index.html: any copy must be revalidated before use, so a release is seen at once.
PAGE_CACHE = "no-cache"
# favicon.svg and the like: unhashed, rarely changed.
TOP_LEVEL_CACHE = "public, max-age=3600"
# Paths that are never the app's: the API and the API's documentation.
NOT_THE_APP = ("/api", "/docs", "/redoc", "/openapi.json", ASSETS_URL)

NO_BUILD_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ClinicHub</title>
<style nonce="{nonce}">
body {{ font-family: system-ui, sans-serif; max-width: 42rem; margin: 3rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1f2933; }}
code {{ background: #eef2f6; padding: 0 0.25em; border-radius: 3px; }}
</style>
</head>
<body>
<h1>ClinicHub API is running</h1>
<p>The API answers under <code>/api</code>. Its interactive documentation is at
<a href="/docs">/docs</a> (Swagger UI) and <a href="/redoc">/redoc</a> (ReDoc).</p>
<p>The staff web app has not been built. Build it with <code>make web</code>, or build and serve
everything with <code>make run</code>; or set <code>CLINICHUB_WEB_DIST</code> to the directory of
a built app.</p>
</body>
</html>
"""


class HashedAssets(StaticFiles):
    """The build's hashed files, cached for good. A build made after the server started is
    served: without one, every asset is a 404."""

    async def check_config(self) -> None:
        """Starlette's check fails the first request when the directory is missing."""

    def file_response(
        self, full_path: PathLike, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = ASSET_CACHE
        return response


def install(app: FastAPI, dist: Path) -> None:
    """Serve the app built into `dist` at `/`; the API's routes keep precedence."""
    app.mount(
        ASSETS_URL, HashedAssets(directory=dist / "assets", check_dir=False), name="web-assets"
    )
    app.router.default = _Fallback(dist, app.router.default)


class _Fallback:
    """What the router answers when no route matched: the app's pages and top-level files, or the
    router's own 404 (rendered as the JSON `Error`)."""

    def __init__(self, dist: Path, not_found: ASGIApp) -> None:
        self.dist = dist
        self.not_found = not_found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = self._response(scope)
        if response is None:
            await self.not_found(scope, receive, send)
        else:
            await response(scope, receive, send)

    def _response(self, scope: Scope) -> Response | None:
        path: str = scope["path"]
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        if any(path == prefix or path.startswith(f"{prefix}/") for prefix in NOT_THE_APP):
            return None
        if path in ("/", f"/{INDEX}"):
            return self._page(scope)
        top_level = self._top_level_file(path)
        if top_level is not None:
            return FileResponse(top_level, headers={"Cache-Control": TOP_LEVEL_CACHE})
        if "text/html" in Headers(scope=scope).get("accept", ""):
            # A client-side route of the app, loaded in the browser: the app decides what to show.
            page = self._page(scope)
            page.headers["Vary"] = "Accept"
            return page
        return None

    def _top_level_file(self, path: str) -> Path | None:
        name = path.removeprefix("/")
        if not name or "/" in name or "\\" in name or name.startswith(".") or name == INDEX:
            return None
        candidate = self.dist / name
        return candidate if candidate.is_file() else None

    def _page(self, scope: Scope) -> HTMLResponse:
        """index.html with a fresh nonce, which the Content-Security-Policy header names too."""
        nonce = secrets.token_urlsafe(18)
        scope.setdefault("state", {})[NONCE_STATE] = nonce
        try:
            page = (self.dist / INDEX).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            page = NO_BUILD_PAGE.format(nonce=nonce)
        return HTMLResponse(
            page.replace(NONCE_PLACEHOLDER, nonce), headers={"Cache-Control": PAGE_CACHE}
        )
