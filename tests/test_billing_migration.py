"""Migration 0004 on a database that already has charges: they are priced from the catalogue
it seeds, and codes in use that the catalogue lacks join it inactive.

Plain `def` tests: alembic's env.py runs its own event loop. Drift and down/up cycles of every
revision are tested in test_migrations.py.
"""

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest

from alembic import command
from clinichub.cli import alembic_config
from tests.conftest import _plain, _with_database

BEFORE_BILLING = """
INSERT INTO users (email, password_hash, first_name, last_name, role)
VALUES ('dr@clinic.test', '!', 'Ana', 'Rivera', 'doctor');
INSERT INTO patients (first_name, last_name, dob) VALUES ('Pat', 'Payer', '1980-02-03');
INSERT INTO appointments
    (patient_id, provider_user_id, scheduled_start, scheduled_end, status, visit_type, cpt_code)
VALUES (1, 1, '2026-01-05 14:00Z', '2026-01-05 14:30Z', 'completed', 'telehealth', '99214'),
       (1, 1, '2026-01-06 14:00Z', '2026-01-06 14:30Z', 'completed', 'in_person', '99212');
INSERT INTO cpt_records (appointment_id, patient_id, cpt_code, service_date)
VALUES (1, 1, '99214', '2026-01-05'), (2, 1, '99212', '2026-01-06');
"""


def _sql(url: str, sql: str, *, script: bool = False) -> list[dict[str, Any]]:
    """The rows of one query, or nothing for a script of several statements."""

    async def run() -> list[dict[str, Any]]:
        connection = await asyncpg.connect(_plain(url))
        try:
            if script:
                await connection.execute(sql)
                return []
            return [dict(row) for row in await connection.fetch(sql)]
        finally:
            await connection.close()

    return asyncio.run(run())


@pytest.fixture
def scratch_url(server_url: str) -> Iterator[str]:
    name = f"clinichub_billing_{uuid.uuid4().hex[:12]}"
    _sql(server_url, f'CREATE DATABASE "{name}"')
    yield _with_database(server_url, name)
    _sql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_existing_charges_are_priced(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, "0003")
    _sql(scratch_url, BEFORE_BILLING, script=True)
    command.upgrade(config, "0004")

    catalogue = _sql(
        scratch_url, "SELECT code, price_cents, is_active FROM cpt_codes ORDER BY code"
    )
    assert len(catalogue) == 9
    assert {"code": "99212", "price_cents": 0, "is_active": False} in catalogue
    assert sum(row["is_active"] for row in catalogue) == 8

    charges = _sql(
        scratch_url,
        "SELECT cpt_code, quantity, unit_price_cents, amount_cents, modifier FROM cpt_records "
        "ORDER BY cpt_record_id",
    )
    assert charges == [
        {
            "cpt_code": "99214",
            "quantity": 1,
            "unit_price_cents": 20000,
            "amount_cents": 20000,
            "modifier": "95",
        },
        {
            "cpt_code": "99212",
            "quantity": 1,
            "unit_price_cents": 0,
            "amount_cents": 0,
            "modifier": None,
        },
    ]

    command.downgrade(config, "0003")
    assert _sql(scratch_url, "SELECT count(*) AS n FROM cpt_records") == [{"n": 2}]
