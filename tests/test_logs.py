"""The server's logs: JSON lines with request ids, and an access line per request that leaves the
query string (which can carry patient data) out."""

import json
import logging
import signal
import sys
from pathlib import Path
from typing import Any

import httpx

from clinichub.logs import JsonFormatter
from clinichub.request_id import current_request_id
from clinichub.vocabulary import Role
from tests.kit import Login, running_server


def json_lines(log: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in log.splitlines() if line.strip()]
    assert all(isinstance(entry, dict) for entry in entries)
    return entries


async def test_the_server_logs_json_lines_and_requests_without_their_query_string(
    database_url: str, bearer: Login, tmp_path: Path
) -> None:
    headers = {**await bearer(Role.receptionist), "X-Request-ID": "trace-logs-1"}
    async with (
        running_server(database_url, tmp_path, demo=False) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as http,
    ):
        found = await http.get(
            "/api/patients",
            params={"search": "Zebediah Quigley", "dob": "1950-02-03"},
            headers=headers,
        )
        assert found.status_code == 200, found.text
        missing = await http.get("/api/patients/999999", headers={"X-Request-ID": "trace-logs-2"})
        assert missing.status_code == 401

    # A graceful stop: the lifespan finished, and its last words are JSON too.
    assert server.process.returncode in (0, -signal.SIGTERM), server.log
    entries = json_lines(server.log)  # every line is one JSON object
    for entry in entries:
        assert {"timestamp", "level", "logger", "message", "request_id"} <= set(entry), entry
    assert any("Application shutdown complete" in entry["message"] for entry in entries)

    # What the caller searched for appears nowhere, not even in part.
    assert "Zebediah" not in server.log
    assert "1950-02-03" not in server.log
    assert "search=" not in server.log

    access = [entry for entry in entries if entry["logger"] == "clinichub.access"]
    by_id = {entry["request_id"]: entry for entry in access}
    assert by_id["trace-logs-1"]["method"] == "GET"
    assert by_id["trace-logs-1"]["path"] == "/api/patients"
    assert by_id["trace-logs-1"]["status"] == 200
    assert by_id["trace-logs-1"]["duration_ms"] >= 0
    assert by_id["trace-logs-2"]["path"] == "/api/patients/999999"
    assert by_id["trace-logs-2"]["status"] == 401
    # uvicorn's own access log, which would print the query string, is off.
    assert not any(entry["logger"] == "uvicorn.access" for entry in entries)


def test_a_log_line_carries_the_current_request_id_extras_and_the_exception() -> None:
    token = current_request_id.set("abc-123")
    try:
        try:
            message = "José's value"
            raise ValueError(message)
        except ValueError:
            record = logging.getLogger("clinichub.test").makeRecord(
                "clinichub.test",
                logging.ERROR,
                __file__,
                1,
                "failed %s",
                ("here",),
                exc_info=sys.exc_info(),
                extra={"status": 500},
            )
        entry = json.loads(JsonFormatter().format(record))
    finally:
        current_request_id.reset(token)
    assert entry["message"] == "failed here"
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "clinichub.test"
    assert entry["request_id"] == "abc-123"
    assert entry["status"] == 500
    assert entry["timestamp"].endswith("Z")
    # The stack and the exception's type, not its message: messages can quote client data.
    assert "builtins.ValueError [message withheld" in entry["exception"]
    assert "test_logs.py" in entry["exception"]
    assert "José" not in entry["exception"]
    assert "\n" not in JsonFormatter().format(record)
