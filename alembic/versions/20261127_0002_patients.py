"""patients

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:11:33.974748
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # pg_trgm: trigram indexes make substring search fast; unaccent: "jose" finds "José".
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    # unaccent() is only STABLE (its rules file could change), so a generated column or index
    # cannot call it. This wrapper is declared IMMUTABLE; the dictionary is bound when the function
    # is created (SQL-standard body), so the search_path at query time does not matter.
    op.execute(
        "CREATE FUNCTION clinichub_unaccent(text) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
        " RETURN unaccent('unaccent'::regdictionary, $1)"
    )
    op.create_table(
        "patients",
        sa.Column("patient_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("dob", sa.Date(), nullable=False),
        sa.Column(
            "sex",
            sa.Enum(
                "male",
                "female",
                "other",
                "prefer_not_to_say",
                name="patient_sex",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("emergency_contact_name", sa.String(length=200), nullable=True),
        sa.Column("emergency_contact_phone", sa.String(length=20), nullable=True),
        sa.Column(
            "search_text",
            sa.Text(),
            sa.Computed(
                "lower(clinichub_unaccent(first_name || ' ' || last_name || ' ' || "
                "coalesce(email, '') || ' ' || coalesce(phone, '')))",
                persisted=True,
            ),
            nullable=False,
        ),
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
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "btrim(first_name) <> ''", name=op.f("ck_patients_first_name_not_blank")
        ),
        sa.CheckConstraint("btrim(last_name) <> ''", name=op.f("ck_patients_last_name_not_blank")),
        sa.CheckConstraint("dob >= DATE '1900-01-01'", name=op.f("ck_patients_dob_from_1900")),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_patients_email_lowercase")),
        sa.PrimaryKeyConstraint("patient_id", name=op.f("pk_patients")),
    )
    op.create_index(
        "ix_patients_created_at_patient_id",
        "patients",
        ["created_at", "patient_id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_patients_dob_patient_id",
        "patients",
        ["dob", "patient_id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_patients_email_patient_id",
        "patients",
        ["email", "patient_id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_patients_first_name_patient_id",
        "patients",
        ["first_name", "patient_id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_patients_last_name_patient_id",
        "patients",
        ["last_name", "patient_id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_patients_search_text_trgm",
        "patients",
        ["search_text"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "uq_patients_email_active",
        "patients",
        [sa.literal_column("lower(email)")],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "insurance_plans",
        sa.Column("plan_id", sa.BigInteger(), nullable=False),
        sa.Column("patient_id", sa.BigInteger(), nullable=False),
        sa.Column("carrier_name", sa.String(length=100), nullable=False),
        sa.Column("member_id", sa.String(length=50), nullable=False),
        sa.Column("group_id", sa.String(length=50), nullable=True),
        sa.Column(
            "plan_type",
            sa.Enum(
                "HMO",
                "PPO",
                "EPO",
                "POS",
                "Medicare",
                "Medicaid",
                "self_pay",
                name="insurance_plan_type",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("copay_cents", sa.Integer(), nullable=True),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "plan_type = 'self_pay' OR copay_cents IS NOT NULL",
            name=op.f("ck_insurance_plans_copay_cents_required"),
        ),
        sa.CheckConstraint(
            "copay_cents >= 0", name=op.f("ck_insurance_plans_copay_cents_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.patient_id"],
            name=op.f("fk_insurance_plans_patient_id_patients"),
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_insurance_plans")),
    )
    op.create_index(
        op.f("ix_insurance_plans_patient_id_plan_id"),
        "insurance_plans",
        ["patient_id", "plan_id"],
        unique=False,
    )
    op.create_index(
        "uq_insurance_plans_patient_id_active",
        "insurance_plans",
        ["patient_id"],
        unique=True,
        postgresql_where=sa.text("is_active"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_insurance_plans_patient_id_active",
        table_name="insurance_plans",
        postgresql_where=sa.text("is_active"),
    )
    op.drop_index(op.f("ix_insurance_plans_patient_id_plan_id"), table_name="insurance_plans")
    op.drop_table("insurance_plans")
    op.drop_index(
        "uq_patients_email_active",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_search_text_trgm",
        table_name="patients",
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_last_name_patient_id",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_first_name_patient_id",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_email_patient_id",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_dob_patient_id",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ix_patients_created_at_patient_id",
        table_name="patients",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_table("patients")
    # The extensions stay: they may have existed before this revision, or serve other objects.
    op.execute("DROP FUNCTION clinichub_unaccent(text)")
