"""What every repository repeats: a page of rows with the count of all of them, a row or its 404,
and a LIKE pattern built from a user's words."""

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, FromClause, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.errors import Catalogued
from clinichub.schemas import PageParams

T = TypeVar("T")


def found(value: T | None, missing: Catalogued) -> T:
    """`value`, or the `missing` error (a 404) when the lookup found nothing."""
    if value is None:
        raise missing.error()
    return value


async def count_where(
    db: AsyncSession, source: FromClause | type[Any], conditions: Sequence[ColumnElement[bool]]
) -> int:
    return await db.scalar(select(func.count()).select_from(source).where(*conditions)) or 0


def total_if_last(page: PageParams, shown: int, *, more: bool) -> int | None:
    """The whole list's length when this page tells it: a page after which nothing follows ends
    the list, unless it is past the end (empty, and not the first), where nothing says how far
    back the list ended. None when only a count can tell."""
    if more or (shown == 0 and page.offset > 0):
        return None
    return page.offset + shown


async def page_of_rows(
    db: AsyncSession,
    query: Select[Any],
    page: PageParams,
    *,
    count_from: FromClause | type[Any],
    conditions: Sequence[ColumnElement[bool]],
) -> tuple[Sequence[Any], int]:
    """One page of `query`'s rows under `conditions`, and how many rows all pages hold: counted
    only when the page does not tell (total_if_last; a full page may have more after it), so a
    day's or a week's list is one statement, not two."""
    rows = (
        await db.execute(query.where(*conditions).offset(page.offset).limit(page.per_page))
    ).all()
    total = total_if_last(page, len(rows), more=len(rows) == page.per_page)
    return rows, total if total is not None else await count_where(db, count_from, conditions)


async def page_of_entities(
    db: AsyncSession, query: Select[Any], page: PageParams, **where: Any
) -> tuple[Sequence[Any], int]:
    """As page_of_rows, for a query of one ORM entity: the entities themselves."""
    rows, total = await page_of_rows(db, query, page, **where)
    return [row[0] for row in rows], total


def like_pattern(term: str) -> str:
    """A case-insensitive substring pattern in which % and _ are literal."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
