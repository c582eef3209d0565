"""runtime role: the service's privileges, append-only tables it cannot alter; keyed audit seals

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:40:00

The service should not connect as the owner of its tables: an owner can disable the append-only
triggers, then rewrite the audit trail and the record history. `clinichub_runtime` holds exactly
what the code uses, owns nothing, and may only read and append to the append-only tables. A
deployment grants it to the login the service uses (`GRANT clinichub_runtime TO clinic_app`).

Seals made before this revision were plain SHA-256, which anyone who can write to the database
can recompute. They are retired here; the sealing job seals every event again, from the first,
under the HMAC key (CLINICHUB_AUDIT_KEY) that is kept out of the database.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "clinichub_runtime"

MISSING_ROLE = (
    f"ClinicHub needs the role {ROLE}, and this login may not create roles: ask a database "
    f"administrator to run CREATE ROLE {ROLE} NOLOGIN; then migrate again"
)
# Roles belong to the cluster, not to a database: the role may exist already (another database of
# the cluster migrated first, or is migrating now: a concurrent CREATE ROLE fails with a unique
# violation on pg_authid), and the migrating login may not be allowed to create roles, in which
# case the migration stops with the statement a DBA must run.
CREATE_ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
        CREATE ROLE {ROLE} NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN
        NULL;
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION '{MISSING_ROLE}';
END
$$
"""

# What the code does to each table. SELECT ... FOR UPDATE (and FOR KEY SHARE) needs UPDATE.
PRIVILEGES = {
    "SELECT, INSERT": (
        "audit_events",
        "audit_seals",
        "medical_record_versions",
        "vitals",
    ),
    "SELECT, INSERT, UPDATE": (
        "users",
        "patients",
        "insurance_plans",
        "appointments",
        "medical_records",
        "invoices",
        "cpt_codes",
    ),
    "SELECT, INSERT, UPDATE, DELETE": (
        "auth_sessions",
        "provider_working_hours",
        "cpt_records",
        "rate_limit_counters",
        "idempotency_keys",
    ),
    # `serve` checks that the schema is at head (a no-op migration) as whatever login it has.
    "SELECT": ("alembic_version",),
}


def upgrade() -> None:
    op.execute(CREATE_ROLE)
    op.execute(f"GRANT USAGE ON SCHEMA public TO {ROLE}")
    for privileges, tables in PRIVILEGES.items():
        op.execute(f"GRANT {privileges} ON {', '.join(tables)} TO {ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROLE}")
    # Unkeyed seals prove nothing to someone who can write to the database; retire them (the
    # owner may, for this one statement) and let the job seal everything again under the key.
    op.execute("ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_no_update_or_delete")
    op.execute("DELETE FROM audit_seals")
    op.execute("ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_no_update_or_delete")


def downgrade() -> None:
    # The role stays: other databases of the cluster may use it. This database's grants go.
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {ROLE}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {ROLE}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {ROLE}")
