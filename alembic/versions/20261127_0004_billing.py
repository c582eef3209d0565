"""billing: CPT catalogue, priced charges, invoices

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 09:13:20.969109
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The original product's catalogue, in our own words. Prices in cents (USD).
CATALOGUE = [
    (
        "99213",
        "Office or outpatient visit, established patient, low complexity",
        "Office Visit",
        15000,
    ),
    (
        "99214",
        "Office or outpatient visit, established patient, moderate complexity",
        "Office Visit",
        20000,
    ),
    (
        "99215",
        "Office or outpatient visit, established patient, high complexity",
        "Office Visit",
        25000,
    ),
    ("80053", "Comprehensive metabolic panel", "Lab Test", 4500),
    ("85025", "Complete blood count with automated differential", "Lab Test", 3500),
    ("36415", "Blood draw by routine venipuncture", "Lab Test", 2500),
    ("90471", "Administration of one vaccine by injection", "Immunization", 3000),
    (
        "90715",
        "Tdap vaccine (tetanus, diphtheria, acellular pertussis), age 7 and up",
        "Immunization",
        5000,
    ),
]

CPT_RECORD_CHECKS = {
    "quantity_positive": "quantity >= 1",
    "unit_price_cents_non_negative": "unit_price_cents >= 0",
    "amount_cents_product": "amount_cents = quantity * unit_price_cents",
    "modifier_format": "modifier ~ '^[0-9A-Z]{2}$'",
}


def upgrade() -> None:
    cpt_codes = op.create_table(
        "cpt_codes",
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="true", nullable=False),
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
        sa.CheckConstraint("btrim(category) <> ''", name=op.f("ck_cpt_codes_category_not_blank")),
        sa.CheckConstraint(
            "btrim(description) <> ''", name=op.f("ck_cpt_codes_description_not_blank")
        ),
        sa.CheckConstraint("code ~ '^[0-9]{4}[0-9A-Z]$'", name=op.f("ck_cpt_codes_code_format")),
        sa.CheckConstraint(
            "price_cents BETWEEN 0 AND 10000000", name=op.f("ck_cpt_codes_price_cents_range")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_cpt_codes")),
    )
    op.create_index(
        op.f("ix_cpt_codes_category_code"), "cpt_codes", ["category", "code"], unique=False
    )
    op.bulk_insert(
        cpt_codes,
        [
            {"code": code, "description": description, "category": category, "price_cents": price}
            for code, description, category, price in CATALOGUE
        ],
    )
    # Codes already used by appointments or charges (the default code is a setting) join the
    # catalogue inactive and unpriced, so that the foreign key below holds; an admin prices them.
    op.execute(
        """
        INSERT INTO cpt_codes (code, description, category, price_cents, is_active)
        SELECT DISTINCT used.code, 'Code in use before the catalogue existed', 'Uncategorized', 0,
               false
        FROM (SELECT cpt_code AS code FROM cpt_records
              UNION SELECT cpt_code FROM appointments WHERE cpt_code IS NOT NULL) AS used
        WHERE used.code NOT IN (SELECT code FROM cpt_codes)
        """
    )

    # Charges made before this revision are priced from the catalogue; all of them were the
    # primary charges of completed visits, so telehealth ones take modifier 95.
    op.add_column("cpt_records", sa.Column("description", sa.String(length=200), nullable=True))
    op.add_column(
        "cpt_records",
        sa.Column("quantity", sa.SmallInteger(), server_default="1", nullable=False),
    )
    op.add_column("cpt_records", sa.Column("unit_price_cents", sa.Integer(), nullable=True))
    op.add_column("cpt_records", sa.Column("amount_cents", sa.BigInteger(), nullable=True))
    op.add_column("cpt_records", sa.Column("modifier", sa.String(length=2), nullable=True))
    op.execute(
        """
        UPDATE cpt_records AS r
        SET description = c.description,
            unit_price_cents = c.price_cents,
            amount_cents = r.quantity * c.price_cents,
            modifier = CASE WHEN a.visit_type = 'telehealth' THEN '95' END
        FROM cpt_codes AS c, appointments AS a
        WHERE c.code = r.cpt_code AND a.appointment_id = r.appointment_id
        """
    )
    for column in ("description", "unit_price_cents", "amount_cents"):
        op.alter_column("cpt_records", column, nullable=False)
    for name, condition in CPT_RECORD_CHECKS.items():
        op.create_check_constraint(op.f(f"ck_cpt_records_{name}"), "cpt_records", condition)
    op.create_foreign_key(
        op.f("fk_cpt_records_cpt_code_cpt_codes"),
        "cpt_records",
        "cpt_codes",
        ["cpt_code"],
        ["code"],
    )

    op.create_table(
        "invoices",
        sa.Column("invoice_id", sa.BigInteger(), nullable=False),
        sa.Column("appointment_id", sa.BigInteger(), nullable=False),
        sa.Column("patient_id", sa.BigInteger(), nullable=False),
        sa.Column("cpt_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "unpaid",
                "paid",
                name="invoice_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="unpaid",
            nullable=False,
        ),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("patient_due_cents", sa.BigInteger(), nullable=False),
        sa.Column("insurance_due_cents", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="USD", nullable=False),
        sa.Column("plan_id", sa.BigInteger(), nullable=True),
        sa.Column("plan_carrier_name", sa.String(length=100), nullable=True),
        sa.Column("plan_member_id", sa.String(length=50), nullable=True),
        sa.Column("plan_type", sa.String(length=20), nullable=True),
        sa.Column("plan_copay_cents", sa.Integer(), nullable=True),
        sa.Column(
            "issued_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(status = 'paid') = (paid_at IS NOT NULL)", name=op.f("ck_invoices_paid_at_iff_paid")
        ),
        sa.CheckConstraint(
            "(plan_id IS NULL) = (plan_carrier_name IS NULL) "
            "AND (plan_id IS NULL) = (plan_member_id IS NULL) "
            "AND (plan_id IS NULL) = (plan_type IS NULL)",
            name=op.f("ck_invoices_plan_copy_complete"),
        ),
        sa.CheckConstraint(
            "insurance_due_cents >= 0", name=op.f("ck_invoices_insurance_due_cents_non_negative")
        ),
        sa.CheckConstraint(
            "patient_due_cents + insurance_due_cents = total_cents",
            name=op.f("ck_invoices_split_adds_up"),
        ),
        sa.CheckConstraint(
            "patient_due_cents >= 0", name=op.f("ck_invoices_patient_due_cents_non_negative")
        ),
        sa.CheckConstraint(
            "plan_copay_cents >= 0", name=op.f("ck_invoices_plan_copay_cents_non_negative")
        ),
        sa.CheckConstraint("total_cents >= 0", name=op.f("ck_invoices_total_cents_non_negative")),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.appointment_id"],
            name=op.f("fk_invoices_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["cpt_id"], ["cpt_records.cpt_record_id"], name=op.f("fk_invoices_cpt_id_cpt_records")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.patient_id"], name=op.f("fk_invoices_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["insurance_plans.plan_id"],
            name=op.f("fk_invoices_plan_id_insurance_plans"),
        ),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoices")),
        # One invoice per appointment: two racing creates cannot both succeed.
        sa.UniqueConstraint("appointment_id", name=op.f("uq_invoices_appointment_id")),
    )
    op.create_index(op.f("ix_invoices_issued_at"), "invoices", ["issued_at"], unique=False)
    op.create_index(op.f("ix_invoices_paid_at"), "invoices", ["paid_at"], unique=False)
    op.create_index(op.f("ix_invoices_patient_id"), "invoices", ["patient_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_invoices_patient_id"), table_name="invoices")
    op.drop_index(op.f("ix_invoices_paid_at"), table_name="invoices")
    op.drop_index(op.f("ix_invoices_issued_at"), table_name="invoices")
    op.drop_table("invoices")
    op.drop_constraint(op.f("fk_cpt_records_cpt_code_cpt_codes"), "cpt_records", type_="foreignkey")
    for name in CPT_RECORD_CHECKS:
        op.drop_constraint(op.f(f"ck_cpt_records_{name}"), "cpt_records", type_="check")
    for column in ("modifier", "amount_cents", "unit_price_cents", "quantity", "description"):
        op.drop_column("cpt_records", column)
    op.drop_index(op.f("ix_cpt_codes_category_code"), table_name="cpt_codes")
    op.drop_table("cpt_codes")
