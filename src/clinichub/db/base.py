"""Declarative base with a constraint naming convention, so migrations name things predictably."""

from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy import ColumnElement, DateTime, MetaData, Row, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# A row of a Core select of any columns (see columns_for).
AnyRow = Row[*tuple[Any, ...]]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def checked_enum(enum: type[Enum], name: str, *, length: int = 20) -> sa.Enum:
    """An enum's values as VARCHAR(length) with a CHECK constraint `name`, not a native PostgreSQL
    enum type."""
    return sa.Enum(enum, name=name, native_enum=False, create_constraint=True, length=length)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


def updated_at_column() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


def versioned(version: Mapped[int]) -> dict[str, Any]:
    """`__mapper_args__` that make `version` the row's version: SQLAlchemy increments it with every
    UPDATE it issues and adds the old value to the UPDATE's WHERE clause. The values the server
    sets (`updated_at`) come back in the UPDATE's RETURNING, not in another SELECT."""
    return {"version_id_col": version, "eager_defaults": True}


def table_of(entity: type[Base]) -> Table:
    """The entity's table, for Core statements on hot paths: they skip the ORM's compile and
    execution layers (and hydration), which cost more CPU per request than PostgreSQL spends
    answering a lookup by key."""
    return entity.metadata.tables[entity.__tablename__]


def columns_for(
    entity: type[Base], schema: type[BaseModel], **computed: ColumnElement[Any]
) -> list[ColumnElement[Any]]:
    """The columns a response schema shows: its fields from the entity's table, or from
    `computed` (a field the ORM maps to an expression). Rows of them validate into the schema
    (`from_attributes`) as ORM objects would."""
    table = table_of(entity)
    return [
        computed[name].label(name) if name in computed else table.c[name]
        for name in schema.model_fields
    ]
