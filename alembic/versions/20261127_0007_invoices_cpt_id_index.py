"""index invoices.cpt_id: deleting a charge checks the reference without scanning invoices

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 13:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# CONCURRENTLY, outside the migration's transaction: invoicing goes on while a large table's
# index is built.


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_invoices_cpt_id"),
            "invoices",
            ["cpt_id"],
            unique=False,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_invoices_cpt_id"), table_name="invoices", postgresql_concurrently=True
        )
