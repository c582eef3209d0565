"""`clinichub serve` warns at startup when the default CPT code cannot be billed: completions of
visits without a code of their own would be refused (409 cpt_code_inactive)."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clinichub.cli import warn_unbillable_default_code
from clinichub.config import Settings
from clinichub.vocabulary import Role
from tests.kit import Login, running_server


@pytest.fixture
def warnings() -> Iterator[list[str]]:
    """The warnings the `clinichub` logger emits during the test."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("clinichub")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("99213", []),
        (
            "99999",
            [
                "CLINICHUB_DEFAULT_CPT_CODE 99999 is not in the CPT catalogue: visits completed "
                "without a code of their own will be refused"
            ],
        ),
    ],
)
def test_a_default_code_missing_from_the_catalogue_is_a_warning(
    settings: Settings, warnings: list[str], code: str, expected: list[str]
) -> None:
    warn_unbillable_default_code(settings.model_copy(update={"default_cpt_code": code}))
    assert warnings == expected


async def test_serve_warns_when_the_default_code_is_inactive(
    client: httpx.AsyncClient, bearer: Login, database_url: str, tmp_path: Path
) -> None:
    retired = await client.put(
        "/api/cpt_codes/99215", json={"is_active": False}, headers=await bearer(Role.admin)
    )
    assert retired.status_code == 200, retired.text
    async with running_server(
        database_url, tmp_path, demo=False, CLINICHUB_DEFAULT_CPT_CODE="99215"
    ) as server:
        pass
    entries = [json.loads(line) for line in server.log.splitlines() if line.startswith("{")]
    warned = [entry for entry in entries if entry["level"] == "WARNING"]
    assert [entry["message"] for entry in warned if "99215" in entry["message"]] == [
        "CLINICHUB_DEFAULT_CPT_CODE 99215 is inactive in the CPT catalogue: visits completed "
        "without a code of their own will be refused"
    ], server.log
