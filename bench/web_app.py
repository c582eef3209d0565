"""The staff web app's figures: how much JavaScript Today needs, and how soon its schedule is drawn.

    .venv/bin/python -m bench.web_app            # run `make web` first
    .venv/bin/python -m bench.web_app --runs 9

Two clinics, each on a fresh database of the local PostgreSQL (127.0.0.1:5432, trust; or
--server-url), each served by `clinichub serve` (one worker) from `web/dist`:

- **demo**: `serve --demo`, the demo clinic's today;
- **busy**: a clinic of 30 providers with 30 visits each on one day (900 visits, 900 patients),
  loaded through the API as its administrator.

In Debian's headless Chromium at a desk's size (1440 x 900), signed in as the administrator, each
run opens a new tab with the HTTP cache off (a cold load: every script, style and API call goes
over the network; the session is the refresh cookie's, as after a reload) and goes to
/today?date=<day>. Figures:

- **Initial JavaScript**: every script the tab requested until the schedule was drawn (the
  entry chunk, its static imports, the Today chunk and its imports), each compressed with gzip
  -9 as a server would send it, summed; and the same raw.
- **Schedule drawn**: `performance.now()` (ms since the navigation started) at the first
  animation frame in which every visit of the day is a button in the grid ("10:30 John Doe
  Confirmed", or "Patient 12" until the name is read), the median of the runs.
- **Names drawn**: the same, once every visit button on screen (inside the 1440 x 900 viewport)
  shows its patient's name: Today reads names only for the columns that are (nearly) on screen,
  so the busy day's other 20-odd columns are still "Patient N" then.
"""

import argparse
import asyncio
import gzip
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
from playwright.async_api import BrowserContext, Page
from sqlalchemy.engine import make_url

from bench.patients import free_port
from tests.browser import chromium

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "web" / "dist"
CLINICHUB = Path(sys.executable).with_name("clinichub")
DEMO_ADMIN = ("admin@clinichub.com", "admin123")
BUSY_ADMIN = ("bench-admin@clinic.example", "web bench password, not for real use")
PROVIDERS = 30
VISITS_EACH = 30
VISIT_MINUTES = 20
FIRST_VISIT = 8 * 60  # 08:00, clinic time (UTC)

# The visit buttons of the grid: their text starts with the time ("10:30 ...").
VISIT_BUTTONS = """
() => [...document.querySelectorAll('[role=region][aria-label^="Schedule for"] button')]
  .filter((button) => /^\\d\\d:\\d\\d /.test(button.textContent))
"""
DRAWN = f"""
(expected) => {{
  const buttons = ({VISIT_BUTTONS})();
  return buttons.length === expected && performance.now();
}}
"""
NAMED = f"""
() => {{
  const onScreen = ({VISIT_BUTTONS})().filter((button) => {{
    const box = button.getBoundingClientRect();
    return box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  }});
  return onScreen.length > 0 &&
    onScreen.every((button) => !/ Patient \\d+ /.test(button.textContent)) && performance.now();
}}
"""


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]


def database_url(server_url: str, name: str) -> str:
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def fresh_database(server_url: str, name: str) -> str:
    connection = await asyncpg.connect(server_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return database_url(server_url, name)


def environment(url: str) -> dict[str, str]:
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith("CLINICHUB_")},
        "CLINICHUB_DATABASE_URL": url,
        "CLINICHUB_SECRET_KEY": secrets.token_urlsafe(48),
        "CLINICHUB_AUDIT_KEY": secrets.token_urlsafe(48),
        "CLINICHUB_CLINIC_TIMEZONE": "UTC",
        "CLINICHUB_WEB_DIST": str(DIST),
        "CLINICHUB_NEW_USER_PASSWORD": BUSY_ADMIN[1],
    }


@contextmanager
def serving(url: str, *, demo: bool, workdir: Path) -> Iterator[Server]:
    """`clinichub serve` (one worker, its access log to a file) until the block ends."""
    env = environment(url)
    port = free_port()
    command = [str(CLINICHUB), "serve", "--port", str(port), *(["--demo"] if demo else [])]
    with (workdir / f"server-{port}.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, cwd=workdir, stdout=log, stderr=log)
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{server.base_url}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None:
                raise SystemExit(f"clinichub serve stopped: see {log.name}")
            time.sleep(0.2)
        else:
            raise SystemExit("clinichub serve did not become healthy within 120 s")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def run_cli(url: str, workdir: Path, *args: str) -> None:
    command = [str(CLINICHUB), *args]
    subprocess.run(
        command, env=environment(url), cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )


class Api:
    """The API as the administrator, a few requests at a time."""

    def __init__(self, client: httpx.AsyncClient, token: str) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}
        self.gate = asyncio.Semaphore(8)

    @classmethod
    @asynccontextmanager
    async def signed_in(cls, base_url: str, admin: tuple[str, str]) -> AsyncIterator["Api"]:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
            response = await client.post(
                "/api/login", json={"email": admin[0], "password": admin[1]}
            )
            response.raise_for_status()
            yield cls(client, response.json()["access_token"])

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        async with self.gate:
            response = await self.client.request(method, path, headers=self.headers, **kwargs)
        if response.status_code >= 400:
            raise SystemExit(f"{method} {path}: {response.status_code} {response.text}")
        return response.json()

    async def visits_on(self, day: date) -> int:
        query = {"date_from": day.isoformat(), "date_to": day.isoformat(), "per_page": 1}
        found = await self.call("GET", "/api/appointments", params=query)
        total: int = found["pagination"]["total"]
        return total


async def load_busy_day(api: Api, day: date) -> None:
    """30 providers working 07:00 to 19:00 every day, each with 30 visits of 20 minutes from
    08:00 on `day`, each visit with a patient of its own."""

    async def provider(number: int) -> int:
        created = await api.call(
            "POST",
            "/api/users",
            json={
                "email": f"provider{number:02}@clinic.example",
                "password": secrets.token_urlsafe(16),
                "first_name": f"Provider{number:02}",
                "last_name": "Busy",
                "role": "doctor" if number % 3 else "nurse",
            },
        )
        user_id: int = created["user"]["user_id"]
        week = [{"weekday": day, "start_time": "07:00", "end_time": "19:00"} for day in range(7)]
        await api.call("PUT", f"/api/providers/{user_id}/working-hours", json={"hours": week})
        return user_id

    async def patient(number: int) -> int:
        created = await api.call(
            "POST",
            "/api/patients",
            json={
                "first_name": f"Pat{number:03}",
                "last_name": "Busyday",
                "dob": (date(1950, 1, 1) + timedelta(days=number * 17)).isoformat(),
            },
        )
        patient_id: int = created["patient"]["patient_id"]
        return patient_id

    providers = await asyncio.gather(*(provider(number) for number in range(PROVIDERS)))
    patients = await asyncio.gather(*(patient(number) for number in range(PROVIDERS * VISITS_EACH)))
    midnight = datetime.combine(day, datetime.min.time(), UTC)

    async def visit(column: int, row: int) -> None:
        start = midnight + timedelta(minutes=FIRST_VISIT + row * VISIT_MINUTES)
        await api.call(
            "POST",
            "/api/appointments",
            json={
                "patient_id": patients[column * VISITS_EACH + row],
                "provider_user_id": providers[column],
                "scheduled_start": start.isoformat(),
                "scheduled_end": (start + timedelta(minutes=VISIT_MINUTES)).isoformat(),
                "status": "confirmed",
                "reason": "Follow-up",
            },
        )

    await asyncio.gather(
        *(visit(column, row) for column in range(PROVIDERS) for row in range(VISITS_EACH))
    )


async def sign_in(browser: BrowserContext, base_url: str, admin: tuple[str, str]) -> None:
    page = await browser.new_page()
    await page.goto(f"{base_url}/signin")
    await page.get_by_label("Email").fill(admin[0])
    await page.get_by_label("Password").fill(admin[1])
    await page.get_by_role("button", name="Sign in").click()
    await page.get_by_test_id("signed-in-as").wait_for()
    await page.close()


@dataclass
class Load:
    drawn_ms: float
    named_ms: float
    scripts: list[str]  # the paths of the scripts the tab requested until the grid was drawn


async def open_today(browser: BrowserContext, base_url: str, day: date, visits: int) -> Load:
    """One cold load of Today: a new tab, no HTTP cache."""
    page: Page = await browser.new_page()
    cdp = await browser.new_cdp_session(page)
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    scripts: list[str] = []
    page.on(
        "request",
        lambda request: (
            scripts.append(urlsplit(request.url).path)
            if request.resource_type == "script"
            else None
        ),
    )
    await page.goto(f"{base_url}/today?date={day.isoformat()}", wait_until="commit")
    drawn = await page.wait_for_function(DRAWN, arg=visits, polling="raf", timeout=120_000)
    requested = list(scripts)
    named = await page.wait_for_function(NAMED, polling="raf", timeout=120_000)
    load = Load(float(await drawn.json_value()), float(await named.json_value()), requested)
    await page.close()
    return load


def javascript_size(paths: list[str]) -> tuple[int, int]:
    """The scripts' bytes, gzip -9 and raw."""
    compressed = raw = 0
    for path in dict.fromkeys(paths):
        content = (DIST / path.lstrip("/")).read_bytes()
        raw += len(content)
        compressed += len(gzip.compress(content, compresslevel=9))
    return compressed, raw


async def measure(
    name: str, base_url: str, admin: tuple[str, str], day: date, runs: int, workdir: Path
) -> None:
    async with Api.signed_in(base_url, admin) as api:
        visits = await api.visits_on(day)
    async with chromium(workdir / f"chromium-{name}") as browser:
        await sign_in(browser, base_url, admin)
        await open_today(browser, base_url, day, visits)  # a first load: the server warms up
        loads = [await open_today(browser, base_url, day, visits) for _ in range(runs)]
    compressed, raw = javascript_size(loads[0].scripts)
    drawn = [load.drawn_ms for load in loads]
    named = [load.named_ms for load in loads]
    print(f"\n{name}: Today on {day.isoformat()}, {visits} visits")
    print(
        f"  initial JavaScript: {compressed / 1024:.1f} KiB gzip -9 "
        f"({raw / 1024:.1f} KiB raw) in {len(set(loads[0].scripts))} files"
    )
    for path in dict.fromkeys(loads[0].scripts):
        size = len(gzip.compress((DIST / path.lstrip("/")).read_bytes(), compresslevel=9))
        print(f"    {path}  {size / 1024:.1f} KiB")
    print(
        f"  schedule drawn: median {statistics.median(drawn):.0f} ms "
        f"(runs: {', '.join(f'{value:.0f}' for value in drawn)})"
    )
    print(
        f"  names on screen: median {statistics.median(named):.0f} ms "
        f"(runs: {', '.join(f'{value:.0f}' for value in named)})"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (DIST / "index.html").exists():
        raise SystemExit("web/dist/index.html is missing: run make web")

    with tempfile.TemporaryDirectory(prefix="clinichub-web-bench-") as temporary:
        workdir = Path(temporary)
        demo_url = await fresh_database(args.server_url, "bench_web_demo")
        with serving(demo_url, demo=True, workdir=workdir) as server:
            today = datetime.now(UTC).date()
            await measure("demo", server.base_url, DEMO_ADMIN, today, args.runs, workdir)

        busy_url = await fresh_database(args.server_url, "bench_web_busy")
        run_cli(busy_url, workdir, "migrate")
        run_cli(
            busy_url, workdir, "create-user", "--email", BUSY_ADMIN[0], "--role", "admin",
            "--first-name", "Ada", "--last-name", "Admin",
        )  # fmt: skip
        day = datetime.now(UTC).date() + timedelta(days=7)
        with serving(busy_url, demo=False, workdir=workdir) as server:
            started = time.monotonic()
            async with Api.signed_in(server.base_url, BUSY_ADMIN) as api:
                await load_busy_day(api, day)
            print(f"\n(busy day loaded through the API in {time.monotonic() - started:.0f} s)")
            await measure("busy", server.base_url, BUSY_ADMIN, day, args.runs, workdir)


if __name__ == "__main__":
    asyncio.run(main())
