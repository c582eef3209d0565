"""A real `clinichub serve` process on a free port, for tests that talk to it over the network."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import TEST_AUDIT_KEY, TEST_SECRET
from tests.test_cli import CLINICHUB, clean_environment, free_port

STARTUP_TIMEOUT = 90
SHUTDOWN_TIMEOUT = 30


@dataclass
class LiveServer:
    process: asyncio.subprocess.Process
    port: int
    # A file, not a pipe: a pipe is drained only while the test's event loop runs, and a
    # synchronous test (the fuzzer) would leave it full and the server blocked on its logging.
    log_file: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        return self.log_file.read_text(errors="replace")


@asynccontextmanager
async def running_server(
    database_url: str | None, cwd: Path, *, demo: bool = True, workers: int = 1, **settings: str
) -> AsyncIterator[LiveServer]:
    """Serve the test database (with the demo data, by default) until the block ends; then stop
    the process with SIGTERM, as a process manager would. With several workers, the server
    listens before they are all ready: wait for them (e.g. for /api/health) before use. Without
    a database URL, in zero-setup mode: no URL and no keys are given."""
    port = free_port()
    configured = (
        {}
        if database_url is None
        else {
            "CLINICHUB_DATABASE_URL": database_url,
            "CLINICHUB_SECRET_KEY": TEST_SECRET,
            "CLINICHUB_AUDIT_KEY": TEST_AUDIT_KEY,
        }
    )
    log_file = cwd / f"server-{port}.log"
    with log_file.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *CLINICHUB,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            *(["--demo"] if demo else []),
            env=clean_environment(**configured, **settings),
            cwd=cwd,  # away from the repository, so that no .env file is read
            stdin=asyncio.subprocess.DEVNULL,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
    server = LiveServer(process=process, port=port, log_file=log_file)
    try:
        deadline = asyncio.get_running_loop().time() + STARTUP_TIMEOUT
        while "Uvicorn running on" not in server.log:
            assert process.returncode is None, server.log
            assert asyncio.get_running_loop().time() < deadline, server.log
            await asyncio.sleep(0.1)
        yield server
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), SHUTDOWN_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()
