"""The benchmark (`make bench`): ClinicHub against the raw limit of the same endpoints.

    .venv/bin/python -m bench.run                   # 10 s per scenario, 32 connections
    .venv/bin/python -m bench.run --duration 30 --only search,get_patient

PostgreSQL: CLINICHUB_BENCH_DATABASE_URL, else the embedded server of zero-setup mode, configured
as `make run` configures it and kept in .clinichub/bench-postgres. Its database `bench_patients`
gets the 1,000,000 patients of bench/patients.py and the clinic's working data of bench/clinic.py
(loaded once, kept).

Two servers run side by side, each one worker process on uvicorn with uvloop and httptools:
ClinicHub as `clinichub serve` runs it in production (JSON logs, its access log), but for its
audit sealing job, which the benchmark runs between runs and reports apart (seal_everything),
and bench/raw_app.py, the same endpoints on bare Starlette and asyncpg. `wrk`
(Debian package) drives each scenario over loopback at 32 connections for a fixed time, the
one server after the other. Rows a write needs (free slots, appointments to complete or to
invoice) are made before each run, so that every request is a success.

Prints a Markdown table: requests/s, p50, p99 and non-2xx responses of each, the ratios, the
servers' peak RSS, and the targets met or missed; the CPU sealing costs per event; and the
machine's load, which moves every figure on a shared machine.
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import psutil
from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from bench.clinic import load_clinic
from bench.patients import (
    BENCH_EMAIL,
    BENCH_PASSWORD,
    Population,
    ensure_bench_user,
    ensure_database,
    free_port,
    load_patients,
    name_fragment,
)
from clinichub.audit.sealing import seal_round
from clinichub.cli import migrate
from clinichub.config import Settings

ROOT = Path(__file__).resolve().parents[1]
LUA = ROOT / "bench" / "wrk"
PATIENTS = 1_000_000
CONNECTIONS = 32
THREADS = 2
LOGIN_USERS = 40
LOGIN_PASSWORD = "bench login password, not for real use"
# Rows made per write run: more than the fastest server completes in the run.
ROWS_PER_SECOND = 4_000


@dataclass(frozen=True)
class Scenario:
    name: str
    script: str
    kind: str  # "read", "write", "search" or "login": which targets apply
    connections: int = CONNECTIONS


SCENARIOS = [
    Scenario("get_patient", "get_patient.lua", "read"),
    Scenario("search", "search.lua", "search"),
    Scenario("provider_week", "week.lua", "read"),
    Scenario("create_appointment", "book.lua", "write"),
    Scenario("complete_appointment", "complete.lua", "write"),
    Scenario("create_invoice", "invoice.lua", "write"),
    Scenario("login", "login.lua", "login"),
]


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    results: dict[str, Result] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_rss_mb(self) -> float:
        """VmHWM: the most resident memory the process has had (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


# --- the data ------------------------------------------------------------------------------


def database_url(arguments: argparse.Namespace) -> str:
    if arguments.database_url:
        return str(arguments.database_url)
    from clinichub.db.embedded import start_embedded_postgres

    (ROOT / ".clinichub").mkdir(exist_ok=True)
    embedded = start_embedded_postgres(ROOT / ".clinichub" / "bench-postgres")
    return make_url(embedded).set(database="bench_patients").render_as_string(False)


async def ensure_login_users(url: str) -> None:
    """Users for the login scenario, hashed at bcrypt's real cost (made once)."""
    connection = await asyncpg.connect(url)
    try:
        hashed = await connection.fetchval(
            "SELECT count(*) FROM users WHERE email LIKE 'bench-login-%'"
        )
        if hashed >= LOGIN_USERS:
            return
        print(f"hashing {LOGIN_USERS} login users' passwords")
        hasher = PasswordHash((BcryptHasher(),))
        await connection.executemany(
            "INSERT INTO users (email, password_hash, first_name, last_name, role)"
            " VALUES ($1, $2, 'Bench', 'Login', 'receptionist') ON CONFLICT (email) DO NOTHING",
            [
                (f"bench-login-{n}@clinichub.test", hasher.hash(LOGIN_PASSWORD))
                for n in range(LOGIN_USERS)
            ],
        )
    finally:
        await connection.close()


def search_fragments(path: Path, count: int = 2000) -> None:
    """Last-name fragments drawn like the registry's (bench/patients.py), URL-encoded."""
    population = Population(2026)
    rng = random.Random(9)
    lines = (urllib.parse.quote(name_fragment(population, rng)) for _ in range(count))
    path.write_text("\n".join(lines) + "\n")


async def providers_and_weeks(url: str) -> tuple[list[int], list[str]]:
    connection = await asyncpg.connect(url)
    try:
        providers = [
            row["user_id"]
            for row in await connection.fetch(
                "SELECT user_id FROM users WHERE email LIKE 'bench-provider-%' ORDER BY user_id"
            )
        ]
        first = await connection.fetchval(
            "SELECT min(scheduled_start) FROM appointments WHERE provider_user_id = $1",
            providers[0],
        )
    finally:
        await connection.close()
    monday = first.date() - timedelta(days=first.weekday())
    weeks = [monday + timedelta(weeks=n) for n in range(48)]
    return providers, [f"{m}/{m + timedelta(days=6)}" for m in weeks]


async def fresh_monday(connection: asyncpg.Connection) -> date:
    """A Monday after every appointment: ground no earlier run has booked."""
    last = await connection.fetchval("SELECT max(scheduled_start) FROM appointments")
    day = last.date() + timedelta(days=7)
    return day - timedelta(days=day.weekday())


async def past_monday(connection: asyncpg.Connection, rows: int) -> date:
    """A Monday early enough that `rows` visits (a thousand a week) fit before every appointment:
    a visit is completed on or after its day, so the ones the benchmark completes lie behind."""
    first = await connection.fetchval("SELECT min(scheduled_start) FROM appointments")
    day = first.date() - timedelta(weeks=rows // 1000 + 2)
    return day - timedelta(days=day.weekday())


_POOL = """
WITH providers AS (
    SELECT user_id, row_number() OVER (ORDER BY user_id) - 1 AS k
    FROM users WHERE email LIKE 'bench-provider-%'
), slots AS (
    SELECT s, (($1::date + ((s / 10) / 5) * 7 + (s / 10) % 5)::timestamp
               + make_interval(hours => 8 + s % 10)) AT TIME ZONE 'UTC' AS start
    FROM generate_series(0, $2::int / 20) AS s
)
INSERT INTO appointments (patient_id, provider_user_id, scheduled_start, scheduled_end, status,
                          visit_type, reason)
SELECT (s * 20 + k) % 10000 + 1, user_id, start, start + interval '30 minutes', $3,
       'in_person', 'Benchmark visit'
FROM providers, slots ORDER BY s, k
RETURNING appointment_id
"""


async def remove_earlier_runs(url: str) -> None:
    """What earlier runs booked, completed and invoiced (all of it says 'Benchmark visit'), so
    that every run starts from the same data set."""
    connection = await asyncpg.connect(url)
    try:
        made = "SELECT appointment_id FROM appointments WHERE reason = 'Benchmark visit'"
        async with connection.transaction():
            # Without the foreign key triggers (as the test suite resets its tables): checking
            # each deleted charge against invoices.cpt_id, which has no index, takes minutes.
            # Invoices go first, so nothing is left pointing at what goes.
            await connection.execute("SET LOCAL session_replication_role = replica")
            await connection.execute(f"DELETE FROM invoices WHERE appointment_id IN ({made})")
            await connection.execute(f"DELETE FROM cpt_records WHERE appointment_id IN ({made})")
            await connection.execute("DELETE FROM appointments WHERE reason = 'Benchmark visit'")
        await connection.execute("VACUUM (ANALYZE) appointments, cpt_records, invoices")
    finally:
        await connection.close()


async def appointments_for(url: str, scenario: str, rows: int) -> dict[str, str]:
    """The wrk script's parameters for a write scenario, and the rows it needs."""
    connection = await asyncpg.connect(url)
    try:
        if scenario == "complete_appointment":
            monday = await past_monday(connection, rows)
        else:
            monday = await fresh_monday(connection)
        if scenario == "create_appointment":
            epoch = int(datetime.combine(monday, datetime.min.time(), UTC).timestamp())
            return {"BENCH_BASE_EPOCH": str(epoch)}
        status = "scheduled" if scenario == "complete_appointment" else "completed"
        async with connection.transaction():
            ids = sorted(
                r["appointment_id"] for r in await connection.fetch(_POOL, monday, rows, status)
            )
            if scenario == "create_invoice":
                await connection.execute(
                    "INSERT INTO cpt_records (appointment_id, patient_id, cpt_code, description,"
                    " quantity, unit_price_cents, amount_cents, service_date)"
                    " SELECT a.appointment_id, a.patient_id, c.code, c.description, 1,"
                    " c.price_cents, c.price_cents, a.scheduled_start::date"
                    " FROM appointments a JOIN cpt_codes c ON c.code = '99213'"
                    " WHERE a.appointment_id BETWEEN $1 AND $2",
                    ids[0],
                    ids[-1],
                )
        assert ids == list(range(ids[0], ids[0] + len(ids))), "ids must be consecutive"
        return {"BENCH_FIRST_ID": str(ids[0])}
    finally:
        await connection.close()


# --- the servers ---------------------------------------------------------------------------


def start(name: str, command: list[str], env: dict[str, str], port: int, log: Path) -> Server:
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                return Server(name, process, port)
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"{name} did not become healthy; see {log}")


@contextmanager
def servers(url: str, secret: str, audit_key: str, logs: Path) -> Iterator[tuple[Server, Server]]:
    env = {
        **os.environ,
        "CLINICHUB_DATABASE_URL": url,
        "CLINICHUB_SECRET_KEY": secret,
        "CLINICHUB_AUDIT_KEY": audit_key,
        # The benchmark seals between runs instead (see seal_everything).
        "CLINICHUB_AUDIT_SEAL_INTERVAL_SECONDS": "0",
        "CLINICHUB_LOGIN_IP_MAX_FAILURES": "1000000",  # every bench request comes from one IP
    }
    clinichub_port, raw_port = free_port(), free_port()
    clinichub = start(
        "ClinicHub",
        [sys.executable, "-m", "clinichub.cli", "serve", "--port", str(clinichub_port)],
        env,
        clinichub_port,
        logs / "clinichub.log",
    )
    try:
        raw = start(
            "raw",
            [
                *[sys.executable, "-m", "uvicorn", "bench.raw_app:app", "--port", str(raw_port)],
                *["--loop", "uvloop", "--http", "httptools", "--no-access-log"],
                *["--log-level", "warning"],
            ],
            env,
            raw_port,
            logs / "raw.log",
        )
        try:
            yield clinichub, raw
        finally:
            raw.process.terminate()
            raw.process.wait(30)
    finally:
        clinichub.process.terminate()
        clinichub.process.wait(30)


@dataclass
class Sealing:
    events: int = 0
    cpu_seconds: float = 0.0


def seal_everything(url: str, audit_key: str, sealing: Sealing) -> None:
    """Seal every audit event written so far, with ClinicHub's own sealing job, in this process.

    Both servers write an audit event for every patient they read, and ClinicHub's workers seal
    them in the background, 60 s after they were written: running in the server, the job would
    spend the ClinicHub run's CPU on the events of the raw limit's run before it, which never
    seals. So the servers' job is off, the events are sealed between runs, and what that costs
    per event is reported on its own line.
    """

    async def run() -> None:
        engine = create_async_engine(Settings(database_url=url, _env_file=None).async_database_url)
        maker = async_sessionmaker(engine, expire_on_commit=False)
        try:
            started = time.process_time()
            while sealed := await seal_round(maker, audit_key.encode(), grace=timedelta(0)):
                sealing.events += sealed
            sealing.cpu_seconds += time.process_time() - started
        finally:
            await engine.dispose()

    asyncio.run(run())


def wait_until_idle(*servers: Server, timeout: float = 60) -> None:
    """Until the servers have finished what an earlier run left them (a queue of logins keeps a
    core busy for seconds after wrk stops), so that no run measures another's tail."""
    processes = [psutil.Process(server.process.pid) for server in servers]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(process.cpu_percent(interval=0.5) < 10 for process in processes):
            return


def wrk(
    server: Server, script: str, seconds: float, env: dict[str, str], connections: int
) -> Result:
    threads = min(THREADS, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s"]
    command += ["-s", str(LUA / script), server.url]
    done = subprocess.run(
        command,
        env={**os.environ, **env, "BENCH_LUA_DIR": str(LUA), "BENCH_THREADS": str(threads)},
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return Result(
        requests_per_second=summary["requests"] / (summary["duration_us"] / 1e6),
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        non_2xx=summary["non_2xx"],
        socket_errors=summary["socket_errors"],
    )


def log_in(server: Server) -> str:
    response = httpx.post(
        f"{server.url}/api/login",
        json={"email": BENCH_EMAIL, "password": BENCH_PASSWORD},
        timeout=30,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


# --- the report ----------------------------------------------------------------------------


def ratio(ours: float, raw: float) -> float:
    return ours / raw if raw else float("nan")


def verdicts(scenario: Scenario, ours: Result, raw: Result) -> list[str]:
    throughput = ratio(ours.requests_per_second, raw.requests_per_second)
    checks: list[tuple[str, bool]] = []
    if scenario.kind == "read":
        checks += [
            ("rps >= 45% raw", throughput >= 0.45),
            ("p99 <= 2.5x raw", ours.p99_ms <= 2.5 * raw.p99_ms),
        ]
    elif scenario.kind == "write":
        checks += [("rps >= 40% raw", throughput >= 0.4)]
    elif scenario.kind == "search":
        checks += [("p50 <= 30 ms", ours.p50_ms <= 30), ("p99 <= 150 ms", ours.p99_ms <= 150)]
    checks += [("no non-2xx", ours.non_2xx == 0 and ours.socket_errors == 0)]
    return [f"{label}: {'met' if met else 'MISSED'}" for label, met in checks]


def report(
    scenarios: list[Scenario],
    clinichub: Server,
    raw: Server,
    rss: dict[str, tuple[float, float]],
    stall: tuple[Result, Result, Result, Result] | None,
    loads: list[str],
) -> str:
    lines = [
        "| scenario | ClinicHub req/s | p50 ms | p99 ms | non-2xx | raw req/s | p50 ms | p99 ms"
        " | non-2xx | req/s ratio | p99 ratio | peak RSS MB (ClinicHub / raw) | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for scenario in scenarios:
        ours, limit = clinichub.results[scenario.name], raw.results[scenario.name]
        ours_rss, raw_rss = rss[scenario.name]
        lines.append(
            f"| {scenario.name} | {ours.requests_per_second:,.0f} | {ours.p50_ms:.1f}"
            f" | {ours.p99_ms:.1f} | {ours.non_2xx + ours.socket_errors}"
            f" | {limit.requests_per_second:,.0f} | {limit.p50_ms:.1f} | {limit.p99_ms:.1f}"
            f" | {limit.non_2xx + limit.socket_errors}"
            f" | {ratio(ours.requests_per_second, limit.requests_per_second):.2f}"
            f" | {ratio(ours.p99_ms, limit.p99_ms):.2f} | {ours_rss:.0f} / {raw_rss:.0f}"
            f" | {'; '.join(verdicts(scenario, ours, limit))} |"
        )
    if stall:
        health, logins, raw_health, raw_logins = stall
        met = "met" if health.p99_ms < 50 and health.non_2xx == 0 else "MISSED"
        lines += [
            "",
            "Login must not stall others (16 clients logging in, 4 polling GET /api/health):",
            "",
            "| server | health req/s | health p50 ms | health p99 ms | logins/s | login p99 ms"
            " | non-2xx |",
            "|---|---:|---:|---:|---:|---:|---:|",
            f"| ClinicHub | {health.requests_per_second:,.0f} | {health.p50_ms:.1f}"
            f" | {health.p99_ms:.1f} | {logins.requests_per_second:.1f} | {logins.p99_ms:.0f}"
            f" | {health.non_2xx + logins.non_2xx} |",
            f"| raw | {raw_health.requests_per_second:,.0f} | {raw_health.p50_ms:.1f}"
            f" | {raw_health.p99_ms:.1f} | {raw_logins.requests_per_second:.1f}"
            f" | {raw_logins.p99_ms:.0f} | {raw_health.non_2xx + raw_logins.non_2xx} |",
            "",
            f"Health p99 < 50 ms under the login load: {met}.",
        ]
    lines += ["", "Machine load (uptime) during the run:", ""]
    lines += [f"- {load}" for load in loads]
    return "\n".join(lines)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10, help="seconds per run (10)")
    parser.add_argument("--database-url", default=os.environ.get("CLINICHUB_BENCH_DATABASE_URL"))
    parser.add_argument("--only", help="comma-separated scenario names (default: all)")
    parser.add_argument("--no-stall", action="store_true", help="skip the login stall check")
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")

    url = database_url(arguments)
    print(f"database: {make_url(url).render_as_string(hide_password=True)}")
    asyncio.run(ensure_database(url))
    migrate(Settings(database_url=url, secret_key=secrets.token_urlsafe(48), _env_file=None))
    asyncio.run(load_patients(url, Population(2026), PATIENTS, 2026, False))
    asyncio.run(ensure_bench_user(url))
    asyncio.run(load_clinic(url))
    asyncio.run(ensure_login_users(url))
    asyncio.run(remove_earlier_runs(url))

    logs = ROOT / ".clinichub" / "bench-logs"  # the servers' output, kept out of git
    logs.mkdir(parents=True, exist_ok=True)
    search_file = logs / "search-fragments.txt"
    search_fragments(search_file)
    providers, weeks = asyncio.run(providers_and_weeks(url))
    chosen = {name for name in (arguments.only or "").split(",") if name}
    scenarios = [s for s in SCENARIOS if not chosen or s.name in chosen]
    seconds = arguments.duration
    rss: dict[str, tuple[float, float]] = {}
    loads = [f"before: {uptime()}"]
    stall = None

    audit_key, sealing = secrets.token_urlsafe(48), Sealing()
    seal_everything(url, audit_key, sealing)  # what earlier runs left unsealed
    sealing = Sealing()
    with servers(url, secrets.token_urlsafe(48), audit_key, logs) as (clinichub, raw):
        token = log_in(clinichub)
        common = {
            "BENCH_TOKEN": token,
            "BENCH_PATIENTS": str(PATIENTS),
            "BENCH_SEARCH_FILE": str(search_file),
            "BENCH_PROVIDERS": ",".join(map(str, providers)),
            "BENCH_MONDAYS": ",".join(weeks),
            "BENCH_LOGIN_USERS": str(LOGIN_USERS),
            "BENCH_LOGIN_PASSWORD": LOGIN_PASSWORD,
        }
        # Warm up: connections, caches, prepared statements, and PostgreSQL's shared buffers
        # (empty after a start of the embedded server) with the patients and their indexes.
        for server in (clinichub, raw):
            for script in ("get_patient.lua", "search.lua"):
                wrk(server, script, 3, common, CONNECTIONS)
        for scenario in scenarios:
            for server in (clinichub, raw):
                # Idle first: requests still finishing would take ids among the new rows.
                wait_until_idle(clinichub, raw)
                seal_everything(url, audit_key, sealing)
                rows = int(ROWS_PER_SECOND * seconds)
                extra = (
                    asyncio.run(appointments_for(url, scenario.name, rows))
                    if scenario.kind == "write"
                    else {}
                )
                result = wrk(server, scenario.script, seconds, common | extra, scenario.connections)
                server.results[scenario.name] = result
                print(
                    f"{scenario.name:<22} {server.name:<10}"
                    f" {result.requests_per_second:9,.0f} req/s"
                    f"  p50 {result.p50_ms:7.1f} ms  p99 {result.p99_ms:7.1f} ms"
                    f"  non-2xx {result.non_2xx}  errors {result.socket_errors}",
                    flush=True,
                )
            rss[scenario.name] = (clinichub.peak_rss_mb(), raw.peak_rss_mb())
            loads.append(f"after {scenario.name}: {uptime()}")
        if not arguments.no_stall:
            wait_until_idle(clinichub, raw)
            ours = login_stall(clinichub, common, seconds)
            wait_until_idle(clinichub, raw)
            stall = (*ours, *login_stall(raw, common, seconds))
            loads.append(f"after the login stall check: {uptime()}")
    seal_everything(url, audit_key, sealing)
    print()
    print(report(scenarios, clinichub, raw, rss, stall, loads))
    if sealing.events:
        print(
            f"\nSealing (ClinicHub's audit job, between runs): {sealing.events:,} events,"
            f" {sealing.cpu_seconds / sealing.events * 1e6:.1f} µs of CPU per event."
        )


def login_stall(server: Server, common: dict[str, str], seconds: float) -> tuple[Result, Result]:
    """GET /api/health from 4 clients while 16 log in continuously."""
    with ThreadPoolExecutor(2) as pool:
        logins = pool.submit(wrk, server, "login.lua", seconds + 2, common, 16)
        time.sleep(1)  # the logins are under way
        health = pool.submit(wrk, server, "health.lua", seconds, common, 4)
        return health.result(), logins.result()


if __name__ == "__main__":
    main()
