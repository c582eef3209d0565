"""A real `clinichub serve` process on a free port, for tests that talk to it over the network."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import TEST_SECRET
from tests.test_cli import CLINICHUB, clean_environment, free_port

STARTUP_TIMEOUT = 90
SHUTDOWN_TIMEOUT = 30


@dataclass
class LiveServer:
    process: asyncio.subprocess.Process
    port: int
    output: list[str] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        return "".join(self.output)


@asynccontextmanager
async def running_server(
    database_url: str, cwd: Path, *, demo: bool = True, workers: int = 1, **settings: str
) -> AsyncIterator[LiveServer]:
    """Serve the test database (with the demo data, by default) until the block ends; then stop
    the process with SIGTERM, as a process manager would. With several workers, the server
    listens before they are all ready: wait for them (e.g. for /api/health) before use."""
    port = free_port()
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
        env=clean_environment(
            CLINICHUB_DATABASE_URL=database_url, CLINICHUB_SECRET_KEY=TEST_SECRET, **settings
        ),
        cwd=cwd,  # away from the repository, so that no .env file is read
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    server = LiveServer(process=process, port=port)
    listening = asyncio.Event()

    async def follow_output() -> None:
        assert process.stdout is not None
        async for raw in process.stdout:
            line = raw.decode(errors="replace")
            server.output.append(line)
            if "Uvicorn running on" in line:
                listening.set()
        listening.set()  # the process ended before it listened

    reader = asyncio.create_task(follow_output())
    try:
        await asyncio.wait_for(listening.wait(), STARTUP_TIMEOUT)
        assert process.returncode is None, server.log
        yield server
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), SHUTDOWN_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()
        await asyncio.wait_for(reader, SHUTDOWN_TIMEOUT)
