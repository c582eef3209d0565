import httpx

from clinichub.app import create_app
from clinichub.config import Settings
from tests.kit import TEST_AUDIT_KEY, TEST_SECRET


async def test_health_reports_database_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    # The app under test connects as a login holding only the runtime role.
    assert response.json() == {"status": "ok", "database": "ok", "database_privileges": "runtime"}
    assert response.headers["x-request-id"]


async def test_health_reports_unreachable_database() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    app = create_app(
        Settings(
            database_url="postgresql://nobody@127.0.0.1:1/none",
            secret_key=TEST_SECRET,
            audit_key=TEST_AUDIT_KEY,
            _env_file=None,
        )
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/api/health")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable"}
    await app.state.engine.dispose()


async def test_request_id_is_echoed_when_sane(client: httpx.AsyncClient) -> None:
    sent = await client.get("/api/health", headers={"X-Request-ID": "abc-123"})
    assert sent.headers["x-request-id"] == "abc-123"
    insane = await client.get("/api/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert insane.headers["x-request-id"] != "bad id\twith spaces"
