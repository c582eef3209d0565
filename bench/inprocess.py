"""CPU per request, in process: ClinicHub, the floor app and the raw limit, each called as an ASGI
app, with no server, socket or load generator around it.

    .venv/bin/python -m bench.inprocess                    # 5 rounds of 1,000 requests
    .venv/bin/python -m bench.inprocess --only get_patient,create_invoice

`make bench` measures throughput and latency over HTTP, which on a shared 2-core machine move by
10 to 25% from run to run. The CPU time a request costs the process moves by a few percent, and
is what the service's own code decides: this script measures it, for each change to the hot
paths, with the servers taking turns. PostgreSQL's time is not counted (it is another process);
the kernel's time sending each statement to it is, and so is the driver's own, a few
microseconds. Run it under a sampling profiler to see where the time goes.

Data: the database `bench_inprocess` (CLINICHUB_BENCH_DATABASE_URL, else the local server), with
10,000 patients (a search matches fewer of them than among bench/run.py's million) and
bench/clinic.py's clinic, loaded once and kept.
"""

import argparse
import asyncio
import importlib
import json
import os
import random
import secrets
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from starlette.types import ASGIApp, Message

from bench.clinic import load_clinic
from bench.patients import (
    BENCH_EMAIL,
    BENCH_PASSWORD,
    Population,
    ensure_bench_user,
    ensure_database,
    load_patients,
    name_fragment,
)
from bench.run import appointments_for, providers_and_weeks, remove_earlier_runs
from clinichub.app import create_app
from clinichub.cli import migrate
from clinichub.config import Settings

PATIENTS = 10_000
CONCURRENCY = 16
LOCAL = "postgresql://postgres@127.0.0.1:5432/bench_inprocess"

# A request: method, path, query string, JSON body (or None).
Request = tuple[str, str, str, Any]


async def call(app: ASGIApp, token: str, request: Request) -> tuple[int, bytes]:
    method, path, query, payload = request
    body = b"" if payload is None else json.dumps(payload).encode()
    headers = [(b"host", b"bench"), (b"user-agent", b"bench"), (b"accept", b"*/*")]
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    if payload is not None:
        headers += [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    messages: list[Message] = [{"type": "http.request", "body": body, "more_body": False}]
    never = asyncio.Event()
    status, chunks = 0, []

    async def receive() -> Message:
        if messages:
            return messages.pop()
        await never.wait()  # the client never goes away
        raise AssertionError

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def lifespan(app: ASGIApp) -> Callable[[], Any]:
    """Start the app's lifespan; returns the coroutine function that ends it."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    started = asyncio.Event()
    await inbox.put({"type": "lifespan.startup"})

    async def send(message: Message) -> None:
        if message["type"].startswith("lifespan.startup"):
            started.set()

    scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
    task = asyncio.create_task(app(scope, inbox.get, send))
    await started.wait()

    async def stop() -> None:
        await inbox.put({"type": "lifespan.shutdown"})
        await task

    return stop


async def measure(app: ASGIApp, token: str, requests: list[Request]) -> float:
    """Run the requests, CONCURRENCY at a time; returns the CPU µs per request."""
    pending = iter(requests)

    async def worker() -> None:
        for request in pending:
            status, body = await call(app, token, request)
            if status >= 300:
                raise SystemExit(f"{request[0]} {request[1]}: {status} {body[:200]!r}")

    cpu = time.process_time()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return (time.process_time() - cpu) / len(requests) * 1e6


async def requests_for(url: str, scenario: str, count: int) -> list[Request]:
    rng = random.Random(7)
    if scenario == "get_patient":
        return [
            ("GET", f"/api/patients/{rng.randint(1, PATIENTS)}", "", None) for _ in range(count)
        ]
    if scenario == "search":
        population = Population(2026)
        return [
            ("GET", "/api/patients", f"search={quote(name_fragment(population, rng))}", None)
            for _ in range(count)
        ]
    providers, weeks = await providers_and_weeks(url)
    if scenario == "provider_week":
        return [
            (
                "GET",
                "/api/appointments",
                f"provider_user_id={rng.choice(providers)}&date_from={week[:10]}"
                f"&date_to={week[11:]}&per_page=100",
                None,
            )
            for week in (rng.choice(weeks) for _ in range(count))
        ]
    rows = await appointments_for(url, scenario, count)
    if scenario == "create_appointment":
        base = datetime.fromtimestamp(int(rows["BENCH_BASE_EPOCH"]), UTC)
        made = []
        for n in range(count):
            slot, day = n // len(providers), n // len(providers) // 10
            start = base + timedelta(days=day // 5 * 7 + day % 5, hours=8 + slot % 10)
            body = {
                "patient_id": n % PATIENTS + 1,
                "provider_user_id": providers[n % len(providers)],
                "scheduled_start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "scheduled_end": (start + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "reason": "Benchmark visit",
            }
            made.append(("POST", "/api/appointments", "", body))
        return made
    first = int(rows["BENCH_FIRST_ID"])
    if scenario == "complete_appointment":
        return [
            ("PUT", f"/api/appointments/{first + n}", "", {"status": "completed"})
            for n in range(count)
        ]
    return [("POST", "/api/invoices", "", {"appointment_id": first + n}) for n in range(count)]


SCENARIOS = [
    "get_patient",
    "search",
    "provider_week",
    "create_appointment",
    "complete_appointment",
    "create_invoice",
]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000, help="per round (1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per scenario (5)")
    parser.add_argument("--only", help="comma-separated scenario names (default: all)")
    parser.add_argument("--no-raw", action="store_true", help="ClinicHub only")
    arguments = parser.parse_args()
    url = os.environ.get("CLINICHUB_BENCH_DATABASE_URL", LOCAL)
    secret, audit_key = secrets.token_urlsafe(48), secrets.token_urlsafe(48)
    # No sealing job: it would spend this process's CPU on the raw limit's events too.
    settings = Settings(
        database_url=url,
        secret_key=secret,
        audit_key=audit_key,
        audit_seal_interval_seconds=0,
        _env_file=None,
    )
    await ensure_database(url)
    await asyncio.to_thread(migrate, settings)
    await load_patients(url, Population(2026), PATIENTS, 2026, False)
    await ensure_bench_user(url)
    await load_clinic(url)
    await remove_earlier_runs(url)
    os.environ |= {"CLINICHUB_DATABASE_URL": url, "CLINICHUB_SECRET_KEY": secret}

    clinichub = create_app(settings)
    apps: dict[str, ASGIApp] = {"ClinicHub": clinichub}
    if not arguments.no_raw:
        apps["floor"] = importlib.import_module("bench.floor_app").app
        apps["raw"] = importlib.import_module("bench.raw_app").app
    stops = [await lifespan(app) for app in apps.values()]
    login = ("POST", "/api/login", "", {"email": BENCH_EMAIL, "password": BENCH_PASSWORD})
    _, body = await call(clinichub, "", login)
    token = json.loads(body)["access_token"]

    chosen = [name for name in (arguments.only or "").split(",") if name] or SCENARIOS
    print(f"{'scenario':<22}" + "".join(f"{name:>12}" for name in apps) + "   raw / ClinicHub")
    for scenario in chosen:
        # The servers take turns, round after round, so that what else the machine does weighs
        # on each alike; the median round is reported.
        cpu: dict[str, list[float]] = {name: [] for name in apps}
        for round_ in range(arguments.rounds + 1):
            for name, app in apps.items():
                if name == "floor" and scenario != "get_patient":
                    continue
                # Every round writes rows of its own (bookings, completions, invoices).
                requests = await requests_for(url, scenario, arguments.requests)
                used = await measure(app, token, requests)
                if round_:  # the first round warms up: connections, caches, statements
                    cpu[name].append(used)
        medians = {name: statistics.median(figures) for name, figures in cpu.items() if figures}
        print(
            f"{scenario:<22}"
            + "".join(f"{medians[name]:>12,.0f}" if name in medians else " " * 12 for name in apps)
            + (f"   {medians['raw'] / medians['ClinicHub']:.2f}" if "raw" in medians else ""),
            flush=True,
        )
    for stop in stops:
        await stop()


if __name__ == "__main__":
    asyncio.run(main())
