"""Scheduling rules: pure functions of plain values. No I/O, no web framework, no database.

The service loads what a rule needs and passes it in, `now` and the clinic time zone included;
the rules decide or raise a domain error. PostgreSQL's exclusion constraints back up the overlap
rule when two requests race.
"""

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from clinichub.clinic_time import Interval, at, local_day, service_date
from clinichub.scheduling import errors
from clinichub.vocabulary import AppointmentStatus, InitialStatus, VisitType

S = AppointmentStatus

ALLOWED_TRANSITIONS: Mapping[AppointmentStatus, frozenset[AppointmentStatus]] = MappingProxyType(
    {
        S.scheduled: frozenset(
            {S.confirmed, S.checked_in, S.in_progress, S.completed, S.cancelled, S.no_show}
        ),
        S.confirmed: frozenset({S.checked_in, S.in_progress, S.completed, S.cancelled, S.no_show}),
        S.checked_in: frozenset({S.in_progress, S.completed, S.cancelled, S.no_show}),
        S.in_progress: frozenset({S.completed, S.cancelled}),
        S.completed: frozenset(),
        S.cancelled: frozenset(),
        S.no_show: frozenset(),
    }
)
FINAL_STATUSES = frozenset(s for s, targets in ALLOWED_TRANSITIONS.items() if not targets)
INITIAL_STATUSES = frozenset(S(status) for status in InitialStatus)
CANCELLABLE_STATUSES = frozenset(
    s for s, targets in ALLOWED_TRANSITIONS.items() if S.cancelled in targets
)
# A cancelled or missed visit frees its slot; every other status (completed too) occupies it.
BLOCKING_STATUSES = frozenset(set(AppointmentStatus) - {S.cancelled, S.no_show})

MAX_APPOINTMENT = timedelta(hours=12)
MAX_AVAILABILITY_DAYS = 31
# The daily counts cover two months at most (a month view with the weeks around it).
MAX_COUNT_DAYS = 62


# --- Status lifecycle -------------------------------------------------------------------------


def is_transition_allowed(current: AppointmentStatus, new: AppointmentStatus) -> bool:
    """Re-sending the current status is allowed (a no-op); otherwise the table decides."""
    return new == current or new in ALLOWED_TRANSITIONS[current]


def check_transition(current: AppointmentStatus, new: AppointmentStatus) -> bool:
    """True when the status changes; raises 409 for a transition the table forbids."""
    if not is_transition_allowed(current, new):
        raise errors.INVALID_STATUS_TRANSITION.error(current=current, new=new)
    return new != current


def check_initial_status(status: AppointmentStatus) -> None:
    if status not in INITIAL_STATUSES:
        raise errors.INVALID_INITIAL_STATUS.error(
            details=[{"field": "status", "message": "must be 'scheduled' or 'confirmed'"}]
        )


def check_reschedule(status: AppointmentStatus) -> None:
    """Only an appointment that can still take place may move."""
    if status in FINAL_STATUSES:
        raise errors.CANNOT_RESCHEDULE.error(status=status)


def check_cancel(status: AppointmentStatus) -> None:
    if status == S.cancelled:
        raise errors.ALREADY_CANCELLED.error()
    check_transition(status, S.cancelled)


def check_cpt_change(status: AppointmentStatus, current: str | None, new: str | None) -> None:
    """A completed visit's charge already carries its code; billing corrects it there."""
    if status == S.completed and new != current:
        raise errors.APPOINTMENT_COMPLETED.error()


# From check-in on, the visit's CPT code is what it will be billed with.
CLINICAL_STATUSES = frozenset({S.checked_in, S.in_progress, S.completed})
# Who may turn a visit into a charge (complete it, or set its code from check-in on): the
# clinicians, not the front desk or nurses. Who may cancel, or record a no-show.
CLINICIAN_ROLES = frozenset({"admin", "doctor"})
CANCELLER_ROLES = frozenset({"admin", "doctor", "receptionist"})


@dataclass(frozen=True)
class UpdatePlan:
    moved: bool  # the window changes: working hours and the calendar must be checked
    completes: bool  # the transition into completed: the visit's charge is created
    cancels: bool  # the transition into cancelled, which only some roles may make
    blocks: bool  # the appointment still occupies its slot afterwards
    misses: bool = False  # the transition into no_show, which the cancelling roles make
    codes: bool = False  # the CPT code changes at check-in or later: it decides the charge


def plan_update(
    *,
    status: AppointmentStatus,
    window: Interval,
    cpt_code: str | None,
    new_status: AppointmentStatus,
    new_window: Interval,
    new_cpt_code: str | None,
) -> UpdatePlan:
    """Check a partial update against the current state (the values not sent are the current
    ones); re-sending the current status or window is allowed. Whether a new CPT code is in the
    catalogue is for the caller to check."""
    status_changes = check_transition(status, new_status)
    moved = new_window != window
    if moved:
        check_reschedule(status)
        check_window(new_window)
    check_cpt_change(status, cpt_code, new_cpt_code)
    return UpdatePlan(
        moved=moved,
        completes=status_changes and new_status == S.completed,
        cancels=status_changes and new_status == S.cancelled,
        blocks=new_status in BLOCKING_STATUSES,
        misses=status_changes and new_status == S.no_show,
        codes=new_cpt_code != cpt_code
        and (status in CLINICAL_STATUSES or new_status in CLINICAL_STATUSES),
    )


def may_apply(plan: UpdatePlan, role: str) -> bool:
    """Whether `role` may make the update: completing a visit or setting its code from check-in
    on takes a clinician (the charge follows from them); cancelling or recording a no-show
    takes the roles that may cancel. Booking a planned code, and every other step, is open to
    all staff."""
    if (plan.completes or plan.codes) and role not in CLINICIAN_ROLES:
        return False
    return not ((plan.cancels or plan.misses) and role not in CANCELLER_ROLES)


def check_visit_started(plan: UpdatePlan, start: datetime, now: datetime, tz: tzinfo) -> None:
    """409 `visit_not_started`: a visit is completed on or after the clinic-local day of its
    start (a patient seen early is fine; billing next month's visit is not), and marked a
    no-show only once its start has passed."""
    if plan.completes and now.astimezone(tz).date() < service_date(start, tz):
        raise errors.VISIT_NOT_STARTED.error()
    if plan.misses and now < start:
        raise errors.NO_SHOW_NOT_STARTED.error()


# --- Time windows -----------------------------------------------------------------------------

# Appointments lie between these bounds: history is entered from 2000 on, and nothing is booked
# more than five years ahead (a typo such as 2206, or a probe, never a plan).
EARLIEST_APPOINTMENT = datetime(2000, 1, 1, tzinfo=UTC)
BOOKING_HORIZON_YEARS = 5


def latest_appointment(now: datetime) -> datetime:
    """Five calendar years after `now` (from a 29 February, the 28th)."""
    year = now.year + BOOKING_HORIZON_YEARS
    try:
        return now.replace(year=year)
    except ValueError:
        return now.replace(year=year, day=28)


def check_booking_bounds(times: Mapping[str, datetime], now: datetime) -> None:
    """400 naming each field (`scheduled_start`, `scheduled_end`) whose time is before
    2000-01-01 or more than five years after `now`."""
    latest = latest_appointment(now)
    details = []
    for field, moment in times.items():
        if moment < EARLIEST_APPOINTMENT:
            details.append({"field": field, "message": "must not be before 2000-01-01"})
        elif moment > latest:
            details.append({"field": field, "message": "must be at most 5 years from now"})
    if details:
        first = details[0]
        raise errors.INVALID_TIME.error(
            field=first["field"], problem=first["message"], details=details
        )


def check_window(window: Interval) -> None:
    if window.end <= window.start:
        raise errors.END_BEFORE_START.error(
            details=[{"field": "scheduled_end", "message": "must be after scheduled_start"}]
        )
    if window.end - window.start > MAX_APPOINTMENT:
        raise errors.TOO_LONG.error(
            details=[{"field": "scheduled_end", "message": "at most 12 hours after the start"}]
        )


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, with overlapping and touching intervals joined."""
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


def telehealth_link(
    visit_type: VisitType, current: str | None, *, base_url: str, room: str
) -> str | None:
    """The meeting link a visit should have: its own for telehealth, kept once made (`room` is
    a fresh random token for a new one), none for a visit in person."""
    if visit_type != VisitType.telehealth:
        return None
    return current or f"{base_url.rstrip('/')}/clinichub-{room}"


# --- Working hours ----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class WorkingRange:
    """One range of a provider's week, in clinic-local wall time; weekday 0 is Monday."""

    weekday: int
    start_time: time
    end_time: time


def check_week(week: Sequence[WorkingRange]) -> list[WorkingRange]:
    """The week sorted; 400 when a range is empty or two ranges of a day overlap (touching is
    fine: 09:00-12:00 and 12:00-17:00)."""
    ordered = sorted(week)
    for index, current in enumerate(ordered):
        if current.end_time <= current.start_time:
            raise errors.EMPTY_WORKING_HOURS.error(weekday=current.weekday)
        previous = ordered[index - 1] if index else None
        if (
            previous is not None
            and previous.weekday == current.weekday
            and current.start_time < previous.end_time
        ):
            raise errors.OVERLAPPING_WORKING_HOURS.error(
                weekday=current.weekday,
                first=f"{previous.start_time:%H:%M}-{previous.end_time:%H:%M}",
                second=f"{current.start_time:%H:%M}-{current.end_time:%H:%M}",
            )
    return ordered


def working_intervals(day: date, week: Sequence[WorkingRange], tz: tzinfo) -> list[Interval]:
    """The provider's working time on one clinic-local day, in UTC. A provider without working
    hours works all day."""
    if not week:
        return [local_day(day, tz)]
    weekday = day.weekday()
    return merge(
        Interval(at(day, r.start_time, tz), at(day, r.end_time, tz))
        for r in week
        if r.weekday == weekday
    )


def _working_time(
    first: date, last: date, week: Sequence[WorkingRange], tz: tzinfo
) -> list[Interval]:
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return merge(interval for day in days for interval in working_intervals(day, week, tz))


def within_working_hours(window: Interval, week: Sequence[WorkingRange], tz: tzinfo) -> bool:
    """True when the whole window lies in the provider's working time (adjacent ranges join)."""
    # One day of margin each side: a UTC window maps to local days that may differ from its own.
    first = window.start.astimezone(tz).date() - timedelta(days=1)
    last = window.end.astimezone(tz).date() + timedelta(days=1)
    return any(span.contains(window) for span in _working_time(first, last, week, tz))


def check_working_hours(window: Interval, week: Sequence[WorkingRange], tz: tzinfo) -> None:
    if not within_working_hours(window, week, tz):
        raise errors.OUTSIDE_WORKING_HOURS.error()


# --- Availability -----------------------------------------------------------------------------


def check_availability_range(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise errors.AVAILABILITY_REVERSED.error()
    if (date_to - date_from).days + 1 > MAX_AVAILABILITY_DAYS:
        raise errors.AVAILABILITY_TOO_LONG.error(days=MAX_AVAILABILITY_DAYS)


def available_slots(
    *,
    date_from: date,
    date_to: date,
    duration: timedelta,
    step: timedelta,
    week: Sequence[WorkingRange],
    tz: tzinfo,
    busy: Iterable[Interval],
    now: datetime,
) -> list[Interval]:
    """Bookable slots of `duration` between two clinic-local dates (inclusive), in UTC.

    A slot lies inside working time, overlaps no busy interval and does not start before `now`.
    Slot starts follow a grid of `step` from the start of each working period, so a busy
    appointment at an odd time does not shift later slots off the grid. With `step` shorter than
    `duration` the slots are alternative start times and overlap each other.
    """
    blocked = merge(busy)
    blocked_ends = [interval.end for interval in blocked]
    slots: list[Interval] = []
    for period in _working_time(date_from, date_to, week, tz):
        start = period.start
        while start + duration <= period.end:
            slot = Interval(start, start + duration)
            # The first busy interval ending after the slot starts is the only one that can
            # overlap it, since merged busy intervals are sorted and disjoint.
            index = bisect_right(blocked_ends, slot.start)
            free = index == len(blocked) or not blocked[index].overlaps(slot)
            if free and slot.start >= now:
                slots.append(slot)
            start += step
    return slots


# --- Daily counts -----------------------------------------------------------------------------


def count_days(date_from: date, date_to: date) -> list[date]:
    """The clinic days from `date_from` to `date_to`, both included: at least one, at most
    MAX_COUNT_DAYS, else a 400 naming `date_to`."""
    if date_to < date_from:
        raise errors.COUNTS_REVERSED.error(
            details=[{"field": "date_to", "message": "must not be before date_from"}]
        )
    days = (date_to - date_from).days + 1
    if days > MAX_COUNT_DAYS:
        raise errors.COUNTS_TOO_LONG.error(
            days=MAX_COUNT_DAYS,
            details=[
                {"field": "date_to", "message": f"at most {MAX_COUNT_DAYS} days from date_from"}
            ],
        )
    return [date_from + timedelta(days=n) for n in range(days)]


def tally_days(
    days: Sequence[date], counts: Iterable[tuple[int, AppointmentStatus, int]]
) -> list[dict[AppointmentStatus, int]]:
    """Per day of `days`, the count of each status (every status, zeros included), from
    (index of the day, status, count) triples in any order."""
    tallies = [dict.fromkeys(AppointmentStatus, 0) for _ in days]
    for index, status, count in counts:
        tallies[index][status] += count
    return tallies
