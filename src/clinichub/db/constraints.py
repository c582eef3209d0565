"""Which constraint a failed write violated: repositories map some to 409s, the handler logs it."""

from sqlalchemy.exc import DBAPIError


def violated_constraint(exc: DBAPIError) -> str | None:
    """The constraint or unique index a statement violated, as asyncpg reports it (SQLAlchemy's
    adapted error carries asyncpg's own as its cause)."""
    return getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
