"""The audit trail: what is recorded, that it cannot be edited, and that tampering is detected."""

import hashlib
import logging
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from clinichub.audit.repository import seal_pending
from clinichub.audit.rules import GENESIS_HASH, EventRecord, canonical, seal_hash
from clinichub.audit.sealing import seal_round
from clinichub.vocabulary import Role
from tests.kit import PASSWORD, RECORD, TEST_AUDIT_KEY, Login, MakeUser, events, new_patient

KEY = TEST_AUDIT_KEY.encode()


async def seal(app: FastAPI, grace: timedelta = timedelta(0)) -> int:
    """Seal as the service does; returns the number of events sealed."""
    async with app.state.sessionmaker() as db, db.begin():
        sealed = await seal_pending(db, KEY, grace=grace)
        return sealed.event_count if sealed else 0


async def as_owner(owner_engine: AsyncEngine, *statements: str) -> None:
    """What someone holding the owner's credentials can do: bypass the append-only triggers."""
    async with owner_engine.begin() as connection:
        await connection.execute(text("SET LOCAL session_replication_role = replica"))
        for statement in statements:
            await connection.execute(text(statement))


async def test_reading_a_patient_writes_exactly_one_event(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    headers = await login(Role.receptionist)
    patient_id = await new_patient(client, headers)
    profile = (await client.get("/api/profile", headers=headers)).json()
    response = await client.get(
        f"/api/patients/{patient_id}", headers={**headers, "X-Request-ID": "read-check-1"}
    )
    assert response.status_code == 200
    recorded = await events(app, "request_id = :rid", rid="read-check-1")
    assert len(recorded) == 1
    event = recorded[0]
    assert event["action"] == "read"
    assert event["resource_type"] == "patient"
    assert event["resource_id"] == str(patient_id)
    assert event["patient_id"] == patient_id
    assert event["actor_user_id"] == profile["user_id"]
    assert event["actor_role"] == "receptionist"
    assert event["outcome"] == "success"
    assert str(event["ip"]) == "203.0.113.7"


async def test_a_list_read_is_recorded_for_each_patient_returned(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    headers = await login(Role.admin)
    ids = [await new_patient(client, headers, first_name=f"P{n}") for n in range(3)]
    response = await client.get(
        "/api/patients?per_page=2&sort_by=patient_id", headers={**headers, "X-Request-ID": "list-1"}
    )
    assert response.status_code == 200
    recorded = await events(app, "request_id = 'list-1' AND resource_type = 'patient'")
    assert sorted(e["patient_id"] for e in recorded) == ids[:2]
    assert {e["action"] for e in recorded} == {"read"}


async def test_a_denied_request_is_recorded(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    headers = await login(Role.receptionist)
    response = await client.get(
        "/api/medical-records", headers={**headers, "X-Request-ID": "denied-1"}
    )
    assert response.status_code == 403
    recorded = await events(app, "request_id = 'denied-1'")
    assert len(recorded) == 1
    assert recorded[0]["action"] == "access_denied"
    assert recorded[0]["outcome"] == "denied"
    assert recorded[0]["actor_role"] == "receptionist"


async def test_a_failed_read_is_recorded_as_a_failure(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    headers = await login(Role.doctor)
    response = await client.get(
        "/api/medical-records/424242", headers={**headers, "X-Request-ID": "missing-1"}
    )
    assert response.status_code == 404
    recorded = await events(app, "request_id = 'missing-1'")
    assert [(e["action"], e["outcome"], e["resource_id"]) for e in recorded] == [
        ("read", "failure", "424242")
    ]


async def test_logins_and_logouts_are_recorded_without_secrets(
    client: httpx.AsyncClient, app: FastAPI, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    wrong = "a wrong password 1"
    failed = await client.post(
        "/api/login",
        json={"email": user.email, "password": wrong},
        headers={"X-Request-ID": "login-fail-1"},
    )
    assert failed.status_code == 401
    recorded = await events(app, "request_id = 'login-fail-1'")
    assert [(e["action"], e["outcome"], e["actor_user_id"]) for e in recorded] == [
        ("login_failed", "failure", user.user_id)
    ]
    values = " ".join(str(value) for value in recorded[0].values())
    assert wrong not in values and PASSWORD not in values and user.email not in values

    ok = await client.post("/api/login", json={"email": user.email, "password": PASSWORD})
    token = ok.json()["access_token"]
    await client.post("/api/logout", headers={"Authorization": f"Bearer {token}"})
    actions = [e["action"] for e in await events(app, "actor_user_id = :u", u=user.user_id)]
    assert actions == ["login_failed", "login", "logout"]


async def test_refresh_token_reuse_is_recorded(
    client: httpx.AsyncClient, app: FastAPI, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    tokens = (
        await client.post("/api/login", json={"email": user.email, "password": PASSWORD})
    ).json()
    first = tokens["refresh_token"]
    assert (await client.post("/api/refresh", json={"refresh_token": first})).status_code == 200
    assert (await client.post("/api/refresh", json={"refresh_token": first})).status_code == 401
    actions = [e["action"] for e in await events(app, "actor_user_id = :u", u=user.user_id)]
    assert actions == ["login", "token_reuse"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'read'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ],
)
async def test_audit_events_cannot_be_changed_even_by_their_owner(
    client: httpx.AsyncClient, app: FastAPI, owner_engine: AsyncEngine, login: Login, statement: str
) -> None:
    await login(Role.admin)  # writes a login event
    assert await events(app)
    with pytest.raises(DBAPIError, match="append-only"):
        async with owner_engine.begin() as connection:
            await connection.execute(text(statement))
    assert await events(app)


async def test_verify_detects_a_tampered_event(
    client: httpx.AsyncClient, app: FastAPI, owner_engine: AsyncEngine, login: Login
) -> None:
    admin = await login(Role.admin)
    patient_id = await new_patient(client, admin)
    await client.get(f"/api/patients/{patient_id}", headers=admin)
    assert await seal(app) >= 3
    await client.get(f"/api/patients/{patient_id}", headers=admin)
    assert await seal(app) >= 1

    verified = await client.get("/api/audit/verify", headers=admin)
    assert verified.status_code == 200
    body = verified.json()
    assert body["valid"] is True
    assert body["seals_checked"] == 2
    assert body["events_checked"] == len(
        await events(app, "event_id <= (SELECT max(last_event_id) FROM audit_seals)")
    )

    # An attacker with database access bypasses the trigger and rewrites who read the patient.
    await as_owner(
        owner_engine,
        "UPDATE audit_events SET actor_user_id = 999 WHERE action = 'read' AND event_id = "
        "(SELECT min(event_id) FROM audit_events WHERE action = 'read')",
    )
    tampered = (await client.get("/api/audit/verify", headers=admin)).json()
    assert tampered["valid"] is False
    assert tampered["broken_seal_id"] is not None
    assert "altered" in tampered["reason"]


async def test_verify_detects_a_deleted_event(
    client: httpx.AsyncClient, app: FastAPI, owner_engine: AsyncEngine, login: Login
) -> None:
    admin = await login(Role.admin)
    await new_patient(client, admin)
    await seal(app)
    await as_owner(
        owner_engine,
        "DELETE FROM audit_events WHERE event_id = (SELECT min(event_id) FROM audit_events)",
    )
    result = (await client.get("/api/audit/verify", headers=admin)).json()
    assert result["valid"] is False


async def test_sealing_is_one_process_at_a_time(
    app: FastAPI, client: httpx.AsyncClient, login: Login
) -> None:
    await login(Role.admin)
    async with app.state.sessionmaker() as holder, holder.begin():
        await holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x0C11_41C4_A0D1})
        assert await seal(app) == 0  # the other "process" skips instead of waiting
    assert await seal(app) >= 1


async def test_access_log_lists_the_reads_of_one_patient(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    doctor = await login(Role.doctor)
    doctor_id = (await client.get("/api/profile", headers=doctor)).json()["user_id"]
    watched = await new_patient(client, admin)
    other = await new_patient(client, admin, first_name="Other")
    await client.get(f"/api/patients/{watched}", headers=doctor)
    await client.get(f"/api/patients/{other}", headers=doctor)
    await client.post(
        "/api/medical-records", json={**RECORD, "patient_id": watched}, headers=doctor
    )

    log = await client.get(f"/api/patients/{watched}/access-log", headers=admin)
    assert log.status_code == 200
    entries = log.json()["events"]
    assert {e["patient_id"] for e in entries} == {watched}
    by_doctor = [
        (e["action"], e["resource_type"]) for e in entries if e["actor_user_id"] == doctor_id
    ]
    assert ("read", "patient") in by_doctor
    assert ("create", "medical_record") in by_doctor
    assert [e["event_id"] for e in entries] == sorted(
        (e["event_id"] for e in entries), reverse=True
    )

    assert (
        await client.get(f"/api/patients/{watched}/access-log", headers=doctor)
    ).status_code == 403

    filtered = await client.get(f"/api/audit/events?patient_id={other}&action=read", headers=admin)
    assert filtered.status_code == 200
    assert {e["patient_id"] for e in filtered.json()["events"]} == {other}
    assert (await client.get("/api/audit/events?action=bogus", headers=admin)).status_code == 400


async def test_a_seal_covers_every_event_up_to_its_end(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    """Ids and times are not ordered across sessions: a newer event may sit between two old
    ones. The seal must cover it too, or verification would later report a gap."""
    admin = await login(Role.admin)
    async with app.state.engine.begin() as connection:
        for age in ("2 hours", "0 seconds", "2 hours"):
            await connection.execute(
                text(
                    "INSERT INTO audit_events (occurred_at, action, resource_type, outcome) "
                    f"VALUES (clock_timestamp() - interval '{age}', 'read', 'patient', 'success')"
                )
            )
    assert await seal(app, grace=timedelta(hours=1)) == 4  # with the login event
    result = (await client.get("/api/audit/verify", headers=admin)).json()
    assert result == {
        "valid": True,
        "events_checked": 4,
        "seals_checked": 1,
        "broken_seal_id": None,
        "reason": None,
    }


async def test_seals_are_append_only(
    client: httpx.AsyncClient, owner_engine: AsyncEngine, app: FastAPI, login: Login
) -> None:
    await login(Role.admin)
    await seal(app)
    with pytest.raises(DBAPIError, match="append-only"):
        async with owner_engine.begin() as connection:
            await connection.execute(text("UPDATE audit_seals SET hash = repeat('0', 64)"))


async def test_amending_another_doctors_record_is_recorded_as_denied(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    author = await login(Role.doctor)
    patient_id = await new_patient(client, author)
    created = await client.post(
        "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=author
    )
    record_id = created.json()["record"]["medical_record_id"]
    creation = await events(app, "action = 'create' AND resource_type = 'medical_record'")
    assert [e["resource_id"] for e in creation] == [str(record_id)]

    other = await login(Role.doctor)
    denied = await client.put(
        f"/api/medical-records/{record_id}",
        json={"notes": "not mine"},
        headers={**other, "X-Request-ID": "amend-denied"},
    )
    assert denied.status_code == 403
    recorded = await events(app, "request_id = 'amend-denied'")
    assert [(e["action"], e["outcome"], e["patient_id"]) for e in recorded] == [
        ("access_denied", "denied", patient_id)
    ]


async def test_a_list_for_an_unknown_patient_is_a_recorded_failure(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    nurse = await login(Role.nurse)
    response = await client.get(
        "/api/vitals?patient_id=424242", headers={**nurse, "X-Request-ID": "vitals-unknown"}
    )
    assert response.status_code == 404
    recorded = await events(app, "request_id = 'vitals-unknown'")
    assert [(e["action"], e["outcome"], e["patient_id"]) for e in recorded] == [
        ("read", "failure", 424242)
    ]
    assert recorded[0]["resource_type"] == "vitals_list"


async def forge_seals(owner_engine: AsyncEngine, key: bytes | None) -> None:
    """Re-seal the whole chain as someone with the owner's credentials would: with a key of
    their choosing, or (None) the plain SHA-256 of the unkeyed design."""
    async with owner_engine.begin() as connection:
        await connection.execute(text("SET LOCAL session_replication_role = replica"))
        seals = (await connection.execute(text("SELECT * FROM audit_seals ORDER BY seal_id"))).all()
        previous = GENESIS_HASH
        for seal_row in seals:
            rows = await connection.execute(
                text("SELECT * FROM audit_events WHERE event_id BETWEEN :a AND :b ORDER BY 1"),
                {"a": seal_row.first_event_id, "b": seal_row.last_event_id},
            )
            records = [
                EventRecord(**{**row._mapping, "ip": row.ip and str(row.ip)}) for row in rows
            ]
            if key is None:
                digest = hashlib.sha256(previous.encode())
                for record in records:
                    digest.update(b"\n" + canonical(record))
                forged = digest.hexdigest()
            else:
                forged = seal_hash(key, previous, records)
            await connection.execute(
                text("UPDATE audit_seals SET previous_hash = :p, hash = :h WHERE seal_id = :id"),
                {"p": previous, "h": forged, "id": seal_row.seal_id},
            )
            previous = forged


@pytest.mark.parametrize("attacker_key", [None, b"a key the attacker chose for the seals"])
async def test_resealing_an_edited_range_without_the_key_is_detected(
    client: httpx.AsyncClient,
    app: FastAPI,
    owner_engine: AsyncEngine,
    login: Login,
    attacker_key: bytes | None,
) -> None:
    admin = await login(Role.admin)
    patient_id = await new_patient(client, admin)
    await client.get(f"/api/patients/{patient_id}", headers=admin)
    assert await seal(app) >= 3
    await as_owner(
        owner_engine, "UPDATE audit_events SET actor_user_id = 999 WHERE action = 'read'"
    )
    await forge_seals(owner_engine, attacker_key)
    forged = (await client.get("/api/audit/verify", headers=admin)).json()
    assert forged["valid"] is False
    assert "key" in forged["reason"]
    # The same forgery with the service's key would pass: the key is what the attacker lacks.
    await forge_seals(owner_engine, KEY)
    assert (await client.get("/api/audit/verify", headers=admin)).json()["valid"] is True


async def test_removing_the_newest_seals_is_detected_against_an_anchored_head(
    client: httpx.AsyncClient, app: FastAPI, owner_engine: AsyncEngine, login: Login
) -> None:
    admin = await login(Role.admin)
    assert (await client.get("/api/audit/head", headers=admin)).status_code == 404
    await new_patient(client, admin)
    assert await seal(app) >= 2
    first_head = (await client.get("/api/audit/head", headers=admin)).json()
    await new_patient(client, admin)
    assert await seal(app) >= 1
    head = await client.get("/api/audit/head", headers=admin)
    assert head.status_code == 200
    newest = head.json()
    assert newest["seal_id"] > first_head["seal_id"]
    anchor = f"{newest['seal_id']}:{newest['hash']}"
    intact = await client.get("/api/audit/verify", params={"head": anchor}, headers=admin)
    assert intact.json()["valid"] is True

    # The newest seal goes, with the events it covered: the rest of the chain is intact.
    await as_owner(
        owner_engine,
        "DELETE FROM audit_events WHERE event_id >= "
        "(SELECT first_event_id FROM audit_seals ORDER BY seal_id DESC LIMIT 1)",
        "DELETE FROM audit_seals WHERE seal_id = (SELECT max(seal_id) FROM audit_seals)",
    )
    unanchored = (await client.get("/api/audit/verify", headers=admin)).json()
    assert unanchored["valid"] is True  # what the database alone cannot tell
    anchored = await client.get("/api/audit/verify", params={"head": anchor}, headers=admin)
    assert anchored.json()["valid"] is False
    assert anchored.json()["broken_seal_id"] == newest["seal_id"]
    assert "head" in anchored.json()["reason"]

    older = f"{first_head['seal_id']}:{first_head['hash']}"
    still = await client.get("/api/audit/verify", params={"head": older}, headers=admin)
    assert still.json()["valid"] is True


@pytest.mark.parametrize("head", ["1", "1:abc", "x:" + "0" * 64, "0:" + "0" * 64, "1:" + "G" * 64])
async def test_a_malformed_head_is_a_400(
    client: httpx.AsyncClient, login: Login, head: str
) -> None:
    admin = await login(Role.admin)
    response = await client.get("/api/audit/verify", params={"head": head}, headers=admin)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"


async def test_the_head_is_for_admins(client: httpx.AsyncClient, login: Login) -> None:
    for role in (Role.doctor, Role.nurse, Role.receptionist):
        headers = await login(role)
        assert (await client.get("/api/audit/head", headers=headers)).status_code == 403


async def test_each_new_seal_is_logged_with_its_id_and_hash(
    client: httpx.AsyncClient, app: FastAPI, login: Login, caplog: pytest.LogCaptureFixture
) -> None:
    admin = await login(Role.admin)
    await new_patient(client, admin)
    caplog.set_level(logging.INFO, logger="clinichub.audit")
    assert await seal_round(app.state.sessionmaker, KEY, grace=timedelta(0)) >= 2
    head = (await client.get("/api/audit/head", headers=admin)).json()
    logged = [r for r in caplog.records if getattr(r, "seal_id", None) == head["seal_id"]]
    assert [getattr(r, "seal_hash", None) for r in logged] == [head["hash"]]
