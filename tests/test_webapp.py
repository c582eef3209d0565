"""The staff web app served at `/`: its pages, assets and caching, the CSP nonce of each page, and
the API and docs paths that stay the API's."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from clinichub.app import create_app
from clinichub.config import Settings

INDEX = """<!doctype html>
<html><head>
<meta name="csp-nonce" content="__CSP_NONCE__">
<script type="module" src="/assets/app-abc123.js"></script>
</head><body><div id="root"></div></body></html>
"""
SCRIPT = "console.log('clinichub');\n"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A built app: index.html, a hashed script and a favicon."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "app-abc123.js").write_text(SCRIPT)
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return tmp_path


@asynccontextmanager
async def serving(settings: Settings, dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings.model_copy(update={"web_dist": dist}))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()


@pytest.fixture
async def web(settings: Settings, dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(settings, dist) as http:
        yield http


def nonce_of(response: httpx.Response) -> str:
    """The nonce of the page's meta tag, after checking that the CSP header names the same."""
    found = re.search(r'<meta name="csp-nonce" content="([^"]+)">', response.text)
    assert found is not None, response.text
    nonce = found.group(1)
    assert f"style-src 'self' 'nonce-{nonce}'" in response.headers["content-security-policy"]
    return nonce


async def test_the_app_is_served_at_the_root_with_its_policy(web: httpx.AsyncClient) -> None:
    page = await web.get("/", headers=HTML)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert '<script type="module" src="/assets/app-abc123.js">' in page.text
    assert "__CSP_NONCE__" not in page.text
    csp = page.headers["content-security-policy"]
    nonce = nonce_of(page)
    assert csp == (
        "default-src 'self'; script-src 'self'; "
        f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data: blob:; "
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
    assert "unsafe-inline" not in csp
    # Without an Accept header too (curl, a health check of the page).
    assert (await web.get("/")).status_code == 200


async def test_every_page_gets_a_fresh_nonce(web: httpx.AsyncClient) -> None:
    nonces = [nonce_of(await web.get(path, headers=HTML)) for path in ("/", "/", "/patients/12")]
    assert len(set(nonces)) == 3
    assert all(len(nonce) >= 22 for nonce in nonces)  # at least 128 random bits


async def test_client_side_routes_get_the_app(web: httpx.AsyncClient) -> None:
    for path in ("/patients/12", "/schedule/week", "/billing", "/index.html"):
        page = await web.get(path, headers=HTML)
        assert page.status_code == 200, path
        assert page.headers["cache-control"] == "no-cache"
        assert '<div id="root">' in page.text
        nonce_of(page)
    head = await web.head("/patients/12", headers=HTML)
    assert head.status_code == 200


async def test_a_route_that_does_not_ask_for_html_is_a_404(web: httpx.AsyncClient) -> None:
    for accept in ("application/json", "image/avif,image/webp,*/*"):
        response = await web.get("/patients/12", headers={"Accept": accept})
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert (await web.post("/patients/12", headers=HTML)).status_code == 404


async def test_hashed_assets_are_immutable_and_a_missing_one_is_a_404(
    web: httpx.AsyncClient,
) -> None:
    script = await web.get("/assets/app-abc123.js")
    assert script.status_code == 200
    assert script.text == SCRIPT
    assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["x-content-type-options"] == "nosniff"
    for path in ("/assets/app-old999.js", "/assets/", "/assets/nested/app.js"):
        missing = await web.get(path, headers=HTML)
        assert missing.status_code == 404, path
        assert "<html" not in missing.text
        assert missing.json()["code"] == "not_found"


async def test_top_level_files_are_served_with_short_caching(
    web: httpx.AsyncClient, dist: Path
) -> None:
    icon = await web.get("/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.headers["cache-control"] == "public, max-age=3600"
    assert (await web.get("/robots.txt")).status_code == 404
    # Nothing above the build directory is reachable.
    (dist.parent / "secret.txt").write_text("outside")
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"):
        response = await web.get(path)
        assert "outside" not in response.text, path


async def test_api_paths_stay_json_known_or_not(web: httpx.AsyncClient) -> None:
    for method, path in [
        ("GET", "/api/nowhere"),
        ("GET", "/api/patients/12/nothing"),
        ("POST", "/api/nowhere"),
        ("GET", "/api"),
    ]:
        response = await web.request(method, path, headers=HTML)
        assert response.status_code == 404, path
        assert response.json() == {"error": "Resource not found", "code": "not_found"}
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
    health = await web.get("/api/health", headers=HTML)
    assert health.status_code == 200
    assert health.headers["content-type"] == "application/json"
    profile = await web.get("/api/profile", headers=HTML)
    assert profile.status_code == 401


async def test_the_docs_stay_the_docs(web: httpx.AsyncClient) -> None:
    docs = await web.get("/docs", headers=HTML)
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
    assert "'unsafe-inline'" in docs.headers["content-security-policy"]
    assert (await web.get("/openapi.json", headers=HTML)).json()["openapi"].startswith("3.1")
    for path in ("/docs/nothing", "/redoc/nothing", "/docs-assets/nothing.js"):
        assert (await web.get(path, headers=HTML)).status_code == 404, path


async def test_without_a_build_the_root_says_where_things_are(
    settings: Settings, tmp_path: Path
) -> None:
    async with serving(settings, tmp_path / "not-built") as web:
        page = await web.get("/", headers=HTML)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-cache"
        assert 'href="/docs"' in page.text
        assert "make web" in page.text and "make run" in page.text
        assert "<script" not in page.text
        # Its one style element carries the nonce its policy names.
        nonce = re.search(r'<style nonce="([^"]+)">', page.text)
        assert nonce is not None
        csp = page.headers["content-security-policy"]
        assert f"'nonce-{nonce.group(1)}'" in csp
        assert "script-src 'self'" in csp
        assert (await web.get("/assets/app-abc123.js")).status_code == 404
        assert (await web.get("/api/nowhere")).json()["code"] == "not_found"
