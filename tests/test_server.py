"""The real server process: `clinichub serve --demo` on a free port, logged in to over HTTP."""

import asyncio
import signal
from pathlib import Path

import httpx

from tests.conftest import TEST_SECRET
from tests.test_cli import CLINICHUB, clean_environment, free_port

STARTUP_TIMEOUT = 90
SHUTDOWN_TIMEOUT = 30


async def test_serve_with_demo_data_and_log_in_over_http(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *CLINICHUB,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--demo",
        env=clean_environment(
            CLINICHUB_DATABASE_URL=database_url, CLINICHUB_SECRET_KEY=TEST_SECRET
        ),
        cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output: list[str] = []
    listening = asyncio.Event()

    async def follow_output() -> None:
        assert process.stdout is not None
        async for raw in process.stdout:
            line = raw.decode(errors="replace")
            output.append(line)
            if "Uvicorn running on" in line:
                listening.set()
        listening.set()  # the process ended before it listened

    reader = asyncio.create_task(follow_output())
    try:
        await asyncio.wait_for(listening.wait(), STARTUP_TIMEOUT)
        assert process.returncode is None, "".join(output)
        log = "".join(output)
        assert "Demo data loaded" in log
        assert f"http://127.0.0.1:{port}/docs" in log

        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            health = await http.get("/api/health")
            assert health.status_code == 200
            assert health.json() == {"status": "ok", "database": "ok"}

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
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), SHUTDOWN_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()
        await asyncio.wait_for(reader, SHUTDOWN_TIMEOUT)

    # A graceful stop: uvicorn finishes the lifespan, then re-raises the signal it caught.
    assert process.returncode in (0, -signal.SIGTERM), "".join(output)
    assert "Application shutdown complete" in "".join(output)
