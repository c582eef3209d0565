"""Patients at scale: load N synthetic patients, then time search, list and get-by-id through the
real HTTP API and print p50 / p99 latencies.

    .venv/bin/python bench/patients.py                      # 1,000,000 patients
    .venv/bin/python bench/patients.py --patients 100000    # a quick run

The database (default `bench_patients` on the local server) is created and migrated when missing
and reloaded only when it does not hold exactly N patients. Rows go in with binary COPY, with the
patients' secondary indexes dropped during the load and rebuilt after it (the fast way to fill a
table). Unless --base-url names a running server, a uvicorn process serves the API on that
database for the measurement. Requests are sequential over one keep-alive connection, so the
figures are per-request latencies as a client sees them (request sent to response parsed).
"""

import argparse
import asyncio
import http.client
import itertools
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from clinichub.cli import migrate
from clinichub.config import Settings
from clinichub.users.passwords import hash_password

ROOT = Path(__file__).resolve().parents[1]
BENCH_EMAIL = "bench-admin@clinichub.test"
BENCH_PASSWORD = "bench password, not for real use"


def words(*lines: str) -> list[str]:
    return [word for line in lines for word in line.split()]


FIRST_NAMES = words(
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara",
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy",
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew",
    "Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy",
    "Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob",
    "Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela",
    "Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine",
    "Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria",
    "Jerry Heather Tyler Diane José María Jesús Guadalupe Juan Luis Carmen Ana Miguel Sofía",
    "Ángel Lucía Andrés Valentina Tomás Martín Inés Raúl Mónica Iñaki Zoë Chloé Renée Noël",
    "Björn Søren François Hélène Jürgen Dmitri Aisha Mohammed Wei Yuki Priya Arjun Fatima Omar",
)
LAST_NAMES = words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez",
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris",
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill",
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips",
    "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook",
    "Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward",
    "Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez",
    "Castillo Sanders Patel Myers Long Ross Foster Jimenez García Pérez Rodríguez Martínez",
    "Hernández López González Sánchez Ramírez Gómez Díaz Álvarez Jiménez Muñoz Peña Núñez Ibáñez",
    "Fernández Gutiérrez Domínguez Vázquez Suárez Méndez Castaño O'Brien O'Connor Müller",
    "Schäfer Lefèvre Dubois Žukauskas Kowalczyk Nowak Okafor Haddad Tanaka Sato Chen Wang Singh",
)
# Syllables for the long tail of surnames.
ONSETS = words("b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v w z")
VOWELS = words("a e i o u a e o ai ei ou ia")
CODAS = [*words("n r l s t m nd rt ck ll ss"), "", "", ""]
ENDINGS = words("son sen man berg stein ez es ski ska ov ova enko ton ley ford well er ini ard")
STREETS = words("Main Oak Pine Maple Cedar Elm Washington Lake Hill Park Sol Luna Fortaleza Loíza")


def ascii_fold(text: str) -> str:
    """For synthetic email local parts only."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def cumulative_zipf(count: int, offset: int) -> list[float]:
    """Cumulative weights 1/(rank + offset): a few very common names and a long tail."""
    return list(itertools.accumulate(1 / (rank + offset) for rank in range(count)))


def generated_surname(rng: random.Random) -> str:
    onset = rng.choice(ONSETS)
    middle = rng.choice(VOWELS) + rng.choice(CODAS) + rng.choice(ONSETS) + rng.choice(VOWELS)
    return (onset + middle + rng.choice(ENDINGS)).capitalize()


class Population:
    """Who the synthetic patients are. As in real registries, surnames are many and mostly
    rare: 30% come from the common list (Smith ends up near 0.8% of all patients, as in the US
    census), 70% from a long tail of tens of thousands of generated surnames."""

    COMMON_SHARE = 0.3

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.rare = sorted({generated_surname(rng) for _ in range(60_000)})
        rng.shuffle(self.rare)
        self.common_weights = cumulative_zipf(len(LAST_NAMES), 20)
        self.rare_weights = cumulative_zipf(len(self.rare), 50)
        self.first_weights = cumulative_zipf(len(FIRST_NAMES), 10)

    def last_name(self, rng: random.Random) -> str:
        if rng.random() < self.COMMON_SHARE:
            return rng.choices(LAST_NAMES, cum_weights=self.common_weights)[0]
        return rng.choices(self.rare, cum_weights=self.rare_weights)[0]

    def first_name(self, rng: random.Random) -> str:
        return rng.choices(FIRST_NAMES, cum_weights=self.first_weights)[0]


def phone(rng: random.Random) -> str:
    return f"{rng.choice(('787', '939', '212', '305', '617'))}{rng.randrange(10**7):07d}"


def synthetic_patients(
    population: Population, count: int, seed: int, chunk: int
) -> Iterator[list[tuple[object, ...]]]:
    """Rows in COPY column order, `chunk` at a time; the same seed gives the same patients."""
    rng = random.Random(seed)
    sexes = ("male", "female", "other", "prefer_not_to_say", None)
    start = datetime(2015, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 11, 1, tzinfo=UTC) - start).total_seconds()
    rows: list[tuple[object, ...]] = []
    for n in range(count):
        first, last = population.first_name(rng), population.last_name(rng)
        # Unique by construction (the n suffix); about one patient in eight has no email.
        email = (
            f"{ascii_fold(first)}.{ascii_fold(last)}{n}@example.com"
            if rng.random() > 0.12
            else None
        )
        created = start + timedelta(seconds=span * n / count)
        rows.append(
            (
                first,
                last,
                date(1930, 1, 1) + timedelta(days=rng.randrange(34_000)),
                rng.choices(sexes, (48, 48, 1, 2, 1))[0],
                email,
                phone(rng),
                f"{rng.randrange(1, 9999)} {rng.choice(STREETS)} St",
                f"{population.first_name(rng)} {last}",
                phone(rng),
                created,
                created,
            )
        )
        if len(rows) == chunk:
            yield rows
            rows = []
    if rows:
        yield rows


COPY_COLUMNS = (
    "first_name",
    "last_name",
    "dob",
    "sex",
    "email",
    "phone",
    "address",
    "emergency_contact_name",
    "emergency_contact_phone",
    "created_at",
    "updated_at",
)


async def ensure_database(url: str) -> None:
    parsed = make_url(url)
    maintenance = parsed.set(database="postgres").render_as_string(hide_password=False)
    connection = await asyncpg.connect(maintenance)
    try:
        exists = await connection.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", parsed.database
        )
        if not exists:
            await connection.execute(f'CREATE DATABASE "{parsed.database}"')
            print(f"created database {parsed.database}")
    finally:
        await connection.close()


async def load_patients(
    url: str, population: Population, count: int, seed: int, reload: bool
) -> None:
    connection = await asyncpg.connect(url)
    try:
        current = await connection.fetchval("SELECT count(*) FROM patients")
        if current == count and not reload:
            print(f"{count:,} patients already loaded")
            return
        started = time.perf_counter()
        await connection.execute("SET maintenance_work_mem = '512MB'")
        # The cascade reaches the append-only clinical and audit tables, whose triggers refuse
        # TRUNCATE; replica mode skips them, in this benchmark database only.
        await connection.execute("SET session_replication_role = replica")
        await connection.execute("TRUNCATE patients RESTART IDENTITY CASCADE")
        await connection.execute("RESET session_replication_role")
        # Rebuilding an index once is far cheaper than maintaining it row by row.
        indexes = await connection.fetch(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'patients'"
            " AND indexname <> 'pk_patients'"
        )
        for index in indexes:
            await connection.execute(f'DROP INDEX "{index["indexname"]}"')
        loaded = 0
        for rows in synthetic_patients(population, count, seed, chunk=50_000):
            await connection.copy_records_to_table("patients", records=rows, columns=COPY_COLUMNS)
            loaded += len(rows)
            print(f"\r  copied {loaded:,} / {count:,}", end="", flush=True)
        copied = time.perf_counter()
        print(f"\n  COPY took {copied - started:.1f} s; rebuilding {len(indexes)} indexes")
        for index in indexes:
            await connection.execute(index["indexdef"])
        await connection.execute("VACUUM (ANALYZE) patients")
        print(f"loaded {count:,} patients in {time.perf_counter() - started:.1f} s")
    finally:
        await connection.close()


async def ensure_bench_user(url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(
            "INSERT INTO users (email, password_hash, first_name, last_name, role)"
            " VALUES ($1, $2, 'Bench', 'Admin', 'admin') ON CONFLICT (email) DO NOTHING",
            BENCH_EMAIL,
            await hash_password(BENCH_PASSWORD),
        )
    finally:
        await connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CLINICHUB_DATABASE_URL": url,
        "CLINICHUB_SECRET_KEY": secrets.token_urlsafe(48),
        "CLINICHUB_AUDIT_KEY": secrets.token_urlsafe(48),
    }
    command = [sys.executable, "-m", "uvicorn", "clinichub.app:create_app", "--factory"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the API server did not become healthy within 30 s")


Request = tuple[str, dict[str, str | int]]


@dataclass
class Scenario:
    name: str
    request: Callable[[random.Random], Request]
    target_ms: float | None = None


def name_fragment(population: Population, rng: random.Random) -> str:
    """Four to six letters from inside the last name of a patient drawn like the registry's,
    the way staff type a half-remembered name."""
    name = ""
    while len(name) < 5:
        name = ascii_fold(population.last_name(rng))
    size = rng.randint(4, min(6, len(name)))
    start = rng.randrange(len(name) - size + 1)
    return name[start : start + size]


def scenarios(population: Population, count: int) -> list[Scenario]:
    def search(terms: Callable[[random.Random], str]) -> Callable[[random.Random], Request]:
        return lambda rng: ("/api/patients", {"search": terms(rng)})

    def first_and_last(rng: random.Random) -> str:
        first, last = population.first_name(rng), population.last_name(rng)
        return f"{first.lower()} {last[:4].lower()}"

    return [
        Scenario("search: name fragment", search(lambda r: name_fragment(population, r)), 30),
        Scenario("search: first name + last-name prefix", search(first_and_last)),
        Scenario(
            "search: unaccented (jose garcia)",
            search(lambda r: r.choice(("jose garcia", "maria lopez"))),
        ),
        Scenario(
            "search: a common last name",
            search(lambda r: r.choice(("smith", "johnson", "garcia"))),
        ),
        Scenario("list: first page, default sort", lambda rng: ("/api/patients", {}), 20),
        Scenario(
            "list: page 1..50, sorted by dob desc",
            lambda rng: (
                "/api/patients",
                {"sort_by": "dob", "order": "desc", "page": rng.randint(1, 50)},
            ),
        ),
        Scenario("get by id", lambda rng: (f"/api/patients/{rng.randint(1, count)}", {}), 5),
    ]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Client:
    """A thin keep-alive HTTP/1.1 client (the standard library's), so that the figures are the
    server's time rather than a heavier client's."""

    def __init__(self, base_url: str) -> None:
        parsed = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.headers = {"Content-Type": "application/json"}

    def request(self, method: str, path: str, body: object = None) -> tuple[int, Any]:
        payload = json.dumps(body) if body is not None else None
        self.connection.request(method, path, body=payload, headers=self.headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read())

    def close(self) -> None:
        self.connection.close()


def measure(
    base_url: str, population: Population, count: int, requests: int, warmup: int, seed: int
) -> bool:
    """Print one line per scenario; True when every target is met."""
    rng = random.Random(seed)
    all_met = True
    client = Client(base_url)
    status, body = client.request(
        "POST", "/api/login", {"email": BENCH_EMAIL, "password": BENCH_PASSWORD}
    )
    if status != 200:
        raise SystemExit(f"login failed: {status} {body}")
    client.headers["Authorization"] = f"Bearer {body['access_token']}"
    print(f"\n{'scenario':<40} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}  target")
    for scenario in scenarios(population, count):
        samples: list[float] = []
        totals: list[int] = []
        for n in range(warmup + requests):
            path, params = scenario.request(rng)
            url = f"{path}?{urlencode(params)}" if params else path
            started = time.perf_counter()
            status, body = client.request("GET", url)
            elapsed = (time.perf_counter() - started) * 1000
            if status != 200:
                raise SystemExit(f"GET {url}: {status} {body}")
            if n >= warmup:
                samples.append(elapsed)
                if "pagination" in body:
                    totals.append(body["pagination"]["total"])
        p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
        verdict = ""
        if scenario.target_ms is not None:
            met = p50 <= scenario.target_ms
            all_met &= met
            verdict = f"p50 <= {scenario.target_ms:g} ms: {'met' if met else 'MISSED'}"
        print(
            f"{scenario.name:<40} {p50:8.2f} {p99:8.2f} {statistics.fmean(samples):8.2f}  {verdict}"
        )
        if totals:
            print(f"{'':<4}total per response: median {statistics.median(totals):,.0f}")
    client.close()
    return all_met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=1_000_000, help="N (default 1,000,000)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "CLINICHUB_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench_patients"
        ),
        help="created and migrated if missing; its patients are replaced",
    )
    parser.add_argument("--requests", type=int, default=300, help="timed requests per scenario")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests per scenario")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--reload", action="store_true", help="reload even if N patients are loaded (new seed)"
    )
    parser.add_argument("--base-url", help="a running server on the same database")
    args = parser.parse_args()

    url: str = args.database_url
    asyncio.run(ensure_database(url))
    migrate(Settings(database_url=url, secret_key=secrets.token_urlsafe(48), _env_file=None))
    population = Population(args.seed)
    asyncio.run(load_patients(url, population, args.patients, args.seed, args.reload))
    asyncio.run(ensure_bench_user(url))

    server = None
    base_url = args.base_url
    if base_url is None:
        port = free_port()
        server = start_server(url, port)
        base_url = f"http://127.0.0.1:{port}"
    try:
        print(f"\n{args.patients:,} patients; {args.requests} sequential requests per scenario")
        met = measure(base_url, population, args.patients, args.requests, args.warmup, args.seed)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print("\nall targets met" if met else "\nsome targets MISSED")


if __name__ == "__main__":
    main()
