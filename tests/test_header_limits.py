"""Request heads are bounded: more than 100 header fields, more than 16 KiB of them, or a target
over 8 KiB get a 431 or 414 in the `Error` body before any other work. Against a real
`clinichub serve` over a raw socket (the head must really be sent, and the server must not hold
it), and in process for the middleware that guards the app under any other ASGI server."""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
import pytest
from fastapi import FastAPI

from clinichub.header_limits import (
    MAX_HEADER_BYTES,
    MAX_HEADER_COUNT,
    MAX_TARGET_BYTES,
    HeadBudget,
)
from tests.kit import running_server

MiB = 1024 * 1024
TOO_LARGE = {
    "error": "Request header fields too large: at most 100 fields of 16384 bytes (16 KiB) in all",
    "code": "headers_too_large",
}
TOO_LONG = {"error": "Request target too long: at most 8192 bytes (8 KiB)", "code": "uri_too_long"}


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


def head(*fields: tuple[str, str], target: str = "/api/health") -> bytes:
    """A GET with `fields` besides Host and Connection."""
    lines = [f"GET {target} HTTP/1.1", "Host: test", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def field_bytes(request: bytes) -> int:
    """The bytes of a head's field names and values."""
    lines = request.decode().split("\r\n")[1:]
    return sum(len(line) - len(": ") for line in lines if line)


async def exchange(port: int, request: bytes) -> Answer:
    """Send `request` whole (as a client that reads only once it has sent everything), then read
    the answer until the server closes the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), 30)
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    start, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = start.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in header_lines)
    return Answer(status=int(status_line.split()[1]), headers=headers, body=body)


@contextlib.asynccontextmanager
async def peak_rss(pid: int) -> AsyncIterator[list[int]]:
    """Samples the resident memory of process `pid` every 2 ms while the block runs; yields
    [before, peak] (peak filled in at the end)."""
    process = psutil.Process(pid)
    figures = [process.memory_info().rss, 0]
    peak = figures[0]
    running = True

    async def sample() -> None:
        nonlocal peak
        while running:
            peak = max(peak, process.memory_info().rss)
            await asyncio.sleep(0.002)

    sampler = asyncio.create_task(sample())
    try:
        yield figures
    finally:
        running = False
        await sampler
        figures[1] = max(peak, process.memory_info().rss)


def assert_refused(answer: Answer, status: int, body: dict[str, str]) -> None:
    assert answer.status == status, answer
    assert answer.json() == body
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["connection"] == "close"
    assert answer.headers["x-content-type-options"] == "nosniff"


async def test_serve_refuses_oversized_heads_as_they_arrive(
    app: FastAPI, clean_db: None, database_url: str, tmp_path: Path
) -> None:
    async with running_server(database_url, tmp_path, demo=False) as server:
        port = server.port
        assert (await exchange(port, head())).status == 200  # warm

        # One 32 MiB header, and 100,000 headers: the server answers without holding them.
        async with peak_rss(server.process.pid) as big:
            answer = await exchange(port, head(("X-Big", "a" * (32 * MiB))))
        assert_refused(answer, 431, TOO_LARGE)
        many = [(f"X-Field-{n}", "v") for n in range(100_000)]
        async with peak_rss(server.process.pid) as lots:
            answer = await exchange(port, head(*many))
        assert_refused(answer, 431, TOO_LARGE)
        for before, peak in (big, lots):
            assert peak - before < 8 * MiB, (before, peak)

        # The limits exactly: 100 fields of 16 KiB in all pass, one more field or byte does not.
        fields = [(f"X-F{n:02}", "v") for n in range(MAX_HEADER_COUNT - 3)]
        fill = ("X-Fill", "f" * (MAX_HEADER_BYTES - field_bytes(head(*fields, ("X-Fill", "")))))
        assert field_bytes(head(*fields, fill)) == MAX_HEADER_BYTES
        assert (await exchange(port, head(*fields, fill))).status == 200
        over = ("X-Fill", fill[1] + "f")
        assert_refused(await exchange(port, head(*fields, over)), 431, TOO_LARGE)
        one_more = head(*fields, ("X-Fill", "f"), ("X", "y"))
        assert_refused(await exchange(port, one_more), 431, TOO_LARGE)

        # The target: 8 KiB pass (a 404: no such path), one byte more is a 414.
        at_limit = "/api/" + "x" * (MAX_TARGET_BYTES - len("/api/"))
        assert (await exchange(port, head(target=at_limit))).status == 404
        assert_refused(await exchange(port, head(target=at_limit + "x")), 414, TOO_LONG)
        long_query = "/api/health?" + "q" * (32 * MiB)
        assert_refused(await exchange(port, head(target=long_query)), 414, TOO_LONG)

        # The server is unharmed, and says what it refused (without the head).
        assert (await exchange(port, head())).status == 200
        refusals = [
            json.loads(line)
            for line in server.log.splitlines()
            if "Request refused" in line and line.startswith("{")
        ]
        assert [entry["status"] for entry in refusals] == [431, 431, 431, 431, 414, 414]
        assert "X-Big" not in server.log and "aaaa" not in server.log


async def test_a_pipelined_oversized_head_closes_the_connection(
    app: FastAPI, clean_db: None, database_url: str, tmp_path: Path
) -> None:
    """Two requests in one write: the first is answered, the second's head is refused."""
    async with running_server(database_url, tmp_path, demo=False) as server:
        first = head().replace(b"Connection: close", b"Connection: keep-alive")
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(first + head(("X-Big", "a" * (2 * MAX_HEADER_BYTES))))
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), 30)
        writer.close()
    # The first is answered; the second, if the server got to it after the first answer, is a
    # 431; else the connection closes after the first.
    first_answer, *rest = raw.split(b"HTTP/1.1 ")[1:]
    assert first_answer.startswith(b"200 OK")
    assert len(rest) <= 1
    assert all(answer.startswith(b"431 ") for answer in rest)


# --- the middleware, under any ASGI server ----------------------------------------------------


async def test_the_middleware_refuses_too_many_header_fields(client: httpx.AsyncClient) -> None:
    base = len(client.build_request("GET", "/api/health").headers)
    fields = {f"x-f{n:02}": "v" for n in range(MAX_HEADER_COUNT - base)}
    assert (await client.get("/api/health", headers=fields)).status_code == 200
    response = await client.get("/api/health", headers=fields | {"x-one-more": "v"})
    assert response.status_code == 431
    assert response.json() == TOO_LARGE
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


async def test_the_middleware_refuses_too_many_header_bytes(client: httpx.AsyncClient) -> None:
    request = client.build_request("GET", "/api/health", headers={"x-fill": ""})
    used = sum(len(name) + len(value) for name, value in request.headers.raw)
    fill = "f" * (MAX_HEADER_BYTES - used)
    assert (await client.get("/api/health", headers={"x-fill": fill})).status_code == 200
    response = await client.get("/api/health", headers={"x-fill": fill + "f"})
    assert response.status_code == 431
    assert response.json() == TOO_LARGE


async def test_the_middleware_refuses_a_long_target(client: httpx.AsyncClient) -> None:
    query = "?search=" + "x" * (MAX_TARGET_BYTES - len("/api/patients?search="))
    assert len("/api/patients" + query) == MAX_TARGET_BYTES
    # At the limit, the request goes on (to the authentication check).
    assert (await client.get("/api/patients" + query)).status_code == 401
    response = await client.get("/api/patients" + query + "x")
    assert response.status_code == 414
    assert response.json() == TOO_LONG


@pytest.mark.parametrize(
    ("steps", "refused_at"),
    [
        ([("field", 10)] * MAX_HEADER_COUNT + [("field", 1)], MAX_HEADER_COUNT),
        ([("field", MAX_HEADER_BYTES), ("field", 1)], 1),
        ([("target", MAX_TARGET_BYTES), ("target", 1)], 1),
        ([("raw", 40 * 1024), ("raw", 9 * 1024)], 1),
    ],
)
def test_the_head_budget(steps: list[tuple[str, int]], refused_at: int) -> None:
    budget = HeadBudget()
    results = []
    for kind, size in steps:
        if kind == "field":
            results.append(budget.add_field(size // 2, size - size // 2))
        elif kind == "target":
            results.append(budget.add_target(size))
        else:
            results.append(budget.add_raw(size))
    assert [error is not None for error in results] == [n >= refused_at for n in range(len(steps))]
