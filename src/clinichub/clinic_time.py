"""Clinic time: half-open intervals of UTC moments, a clinic-local day in UTC, the day a visit
took place. Pure (standard library only), so rules of every domain may use it."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True, order=True)
class Interval:
    """A half-open time interval [start, end): back-to-back intervals do not overlap."""

    start: datetime
    end: datetime

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end


def at(day: date, clock: time, tz: tzinfo) -> datetime:
    """A clinic-local wall time of a day, in UTC."""
    # fold=0: a wall time skipped by a spring-forward change falls after it (02:30 -> 03:30),
    # and an ambiguous one at fall-back is the first occurrence.
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def local_day(day: date, tz: tzinfo) -> Interval:
    """A whole clinic-local day in UTC: 23 or 25 hours long on a daylight-saving change."""
    return Interval(at(day, time(0), tz), at(day + timedelta(days=1), time(0), tz))


def service_date(start: datetime, tz: tzinfo) -> date:
    """The clinic-local day on which a visit took place."""
    return start.astimezone(tz).date()
