"""scheduling

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 09:12:14.152313
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # btree_gist lets one GiST exclusion constraint combine `provider_user_id WITH =` and
    # `tstzrange(...) WITH &&`: no two blocking appointments of a provider (or of a patient)
    # overlap, whatever the application does and however requests race.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_table(
        "appointments",
        sa.Column("appointment_id", sa.BigInteger(), nullable=False),
        sa.Column("patient_id", sa.BigInteger(), nullable=False),
        sa.Column("provider_user_id", sa.BigInteger(), nullable=False),
        sa.Column("scheduled_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scheduled_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "confirmed",
                "checked_in",
                "in_progress",
                "completed",
                "cancelled",
                "no_show",
                name="appointment_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "visit_type",
            sa.Enum(
                "in_person",
                "telehealth",
                name="visit_type",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="in_person",
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("cpt_code", sa.String(length=5), nullable=True),
        sa.Column("cancellation_reason", sa.String(length=500), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        postgresql.ExcludeConstraint(
            (sa.literal_column("patient_id"), "="),
            (sa.text("tstzrange(scheduled_start, scheduled_end, '[)')"), "&&"),
            where=sa.text(
                "status IN ('checked_in', 'completed', 'confirmed', 'in_progress', 'scheduled')"
            ),
            using="gist",
            name="ex_appointments_patient_overlap",
        ),
        postgresql.ExcludeConstraint(
            (sa.literal_column("provider_user_id"), "="),
            (sa.text("tstzrange(scheduled_start, scheduled_end, '[)')"), "&&"),
            where=sa.text(
                "status IN ('checked_in', 'completed', 'confirmed', 'in_progress', 'scheduled')"
            ),
            using="gist",
            name="ex_appointments_provider_overlap",
        ),
        sa.CheckConstraint(
            "scheduled_end - scheduled_start <= interval '12 hours'",
            name=op.f("ck_appointments_max_12h"),
        ),
        sa.CheckConstraint(
            "scheduled_end > scheduled_start", name=op.f("ck_appointments_end_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.patient_id"],
            name=op.f("fk_appointments_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_user_id"],
            ["users.user_id"],
            name=op.f("fk_appointments_provider_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_appointments")),
    )
    op.create_index(
        op.f("ix_appointments_patient_id_scheduled_start"),
        "appointments",
        ["patient_id", "scheduled_start"],
        unique=False,
    )
    op.create_index(
        op.f("ix_appointments_provider_user_id_scheduled_start"),
        "appointments",
        ["provider_user_id", "scheduled_start"],
        unique=False,
    )
    op.create_index(
        op.f("ix_appointments_scheduled_start"), "appointments", ["scheduled_start"], unique=False
    )
    op.create_table(
        "provider_working_hours",
        sa.Column("provider_user_id", sa.BigInteger(), nullable=False),
        sa.Column("weekday", sa.SmallInteger(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.CheckConstraint(
            "end_time > start_time", name=op.f("ck_provider_working_hours_end_after_start")
        ),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_provider_working_hours_weekday_range")
        ),
        sa.ForeignKeyConstraint(
            ["provider_user_id"],
            ["users.user_id"],
            name=op.f("fk_provider_working_hours_provider_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "provider_user_id", "weekday", "start_time", name=op.f("pk_provider_working_hours")
        ),
    )
    op.create_table(
        "cpt_records",
        sa.Column("cpt_record_id", sa.BigInteger(), nullable=False),
        sa.Column("appointment_id", sa.BigInteger(), nullable=False),
        sa.Column("patient_id", sa.BigInteger(), nullable=False),
        sa.Column("cpt_code", sa.String(length=5), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "invoiced",
                name="cpt_record_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="pending",
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.appointment_id"],
            name=op.f("fk_cpt_records_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.patient_id"], name=op.f("fk_cpt_records_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("cpt_record_id", name=op.f("pk_cpt_records")),
    )
    op.create_index(
        op.f("ix_cpt_records_appointment_id"), "cpt_records", ["appointment_id"], unique=False
    )
    op.create_index(op.f("ix_cpt_records_patient_id"), "cpt_records", ["patient_id"], unique=False)


def downgrade() -> None:
    # btree_gist stays: other objects may use it, and it holds no data.
    op.drop_index(op.f("ix_cpt_records_patient_id"), table_name="cpt_records")
    op.drop_index(op.f("ix_cpt_records_appointment_id"), table_name="cpt_records")
    op.drop_table("cpt_records")
    op.drop_table("provider_working_hours")
    op.drop_index(op.f("ix_appointments_scheduled_start"), table_name="appointments")
    op.drop_index(
        op.f("ix_appointments_provider_user_id_scheduled_start"), table_name="appointments"
    )
    op.drop_index(op.f("ix_appointments_patient_id_scheduled_start"), table_name="appointments")
    op.drop_table("appointments")
