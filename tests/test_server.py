"""The real server process: `clinichub serve --demo` on a free port, logged in to over HTTP."""

import signal
from pathlib import Path

import httpx

from tests.kit import running_server


async def test_serve_with_demo_data_and_log_in_over_http(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    async with running_server(database_url, tmp_path) as server:
        log = server.log
        assert "Demo data loaded" in log
        assert f"http://127.0.0.1:{server.port}/docs" in log

        async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
            health = await http.get("/api/health")
            assert health.status_code == 200
            # Served as the database's owner here: the health check says so.
            assert health.json() == {
                "status": "ok",
                "database": "ok",
                "database_privileges": "owner",
            }

            login = await http.post(
                "/api/login", json={"email": "admin@clinichub.com", "password": "admin123"}
            )
            assert login.status_code == 200, login.text
            token = login.json()["access_token"]

            profile = await http.get("/api/profile", headers={"Authorization": f"Bearer {token}"})
            assert profile.status_code == 200, profile.text
            assert profile.json()["email"] == "admin@clinichub.com"
            assert profile.json()["role"] == "admin"

            # From a trusted proxy (loopback), uvicorn takes the client from X-Forwarded-For,
            # which need not be an IP address.
            proxied = await http.post(
                "/api/login",
                json={"email": "admin@clinichub.com", "password": "admin123"},
                headers={"X-Forwarded-For": "unknown"},
            )
            assert proxied.status_code == 200, proxied.text

            docs = await http.get("/docs")
            assert docs.status_code == 200
            assert "swagger" in docs.text.lower()

    # A graceful stop: uvicorn finishes the lifespan, then re-raises the signal it caught.
    assert server.process.returncode in (0, -signal.SIGTERM), server.log
    assert "Application shutdown complete" in server.log
