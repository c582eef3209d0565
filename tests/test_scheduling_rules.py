"""The scheduling rules, without a database: examples, then properties (hypothesis)."""

from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinichub.clinic_time import Interval, local_day, service_date
from clinichub.errors import BadRequest, Conflict
from clinichub.scheduling.rules import (
    ALLOWED_TRANSITIONS,
    BLOCKING_STATUSES,
    MAX_COUNT_DAYS,
    UpdatePlan,
    WorkingRange,
    available_slots,
    check_availability_range,
    check_booking_bounds,
    check_cancel,
    check_cpt_change,
    check_initial_status,
    check_reschedule,
    check_transition,
    check_visit_started,
    check_week,
    check_window,
    count_days,
    is_transition_allowed,
    latest_appointment,
    may_apply,
    merge,
    plan_update,
    tally_days,
    within_working_hours,
    working_intervals,
)
from clinichub.vocabulary import AppointmentStatus

S = AppointmentStatus
UTC_ZONE = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
NINE_TO_FIVE = [WorkingRange(day, time(9), time(17)) for day in range(7)]
# 2027-03-14 is the Sunday on which New York moves from EST (-5) to EDT (-4); 2027-11-07 back.
SPRING_FORWARD = date(2027, 3, 14)
FALL_BACK = date(2027, 11, 7)
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def window(start: datetime, minutes: int) -> Interval:
    return Interval(start, start + timedelta(minutes=minutes))


# --- Overlap ----------------------------------------------------------------------------------


def test_intervals_are_half_open() -> None:
    ten = window(utc(2027, 4, 15, 10), 30)
    assert not ten.overlaps(window(utc(2027, 4, 15, 10, 30), 30))  # back to back
    assert not window(utc(2027, 4, 15, 9, 30), 30).overlaps(ten)
    assert ten.overlaps(ten)
    assert ten.overlaps(window(utc(2027, 4, 15, 10, 29), 30))
    assert ten.overlaps(window(utc(2027, 4, 15, 10, 10), 5))  # inside
    assert ten.overlaps(window(utc(2027, 4, 15, 9), 180))  # around


def test_merge_joins_overlapping_and_touching_intervals() -> None:
    a, b, c = window(utc(2027, 1, 1, 9), 60), window(utc(2027, 1, 1, 10), 30), utc(2027, 1, 1, 12)
    assert merge([b, a, window(c, 10)]) == [Interval(a.start, b.end), window(c, 10)]
    assert merge([a, window(utc(2027, 1, 1, 9, 10), 5)]) == [a]


# --- Status lifecycle -------------------------------------------------------------------------


def test_transition_table_matches_the_issue() -> None:
    expected = {
        S.scheduled: {
            S.confirmed,
            S.checked_in,
            S.in_progress,
            S.completed,
            S.cancelled,
            S.no_show,
        },
        S.confirmed: {S.checked_in, S.in_progress, S.completed, S.cancelled, S.no_show},
        S.checked_in: {S.in_progress, S.completed, S.cancelled, S.no_show},
        S.in_progress: {S.completed, S.cancelled},
        S.completed: set(),
        S.cancelled: set(),
        S.no_show: set(),
    }
    assert dict(ALLOWED_TRANSITIONS) == expected
    assert set(BLOCKING_STATUSES) == set(S) - {S.cancelled, S.no_show}


def test_forbidden_transition_message() -> None:
    with pytest.raises(Conflict) as raised:
        check_transition(S.completed, S.scheduled)
    assert raised.value.message == "Cannot change status from 'completed' to 'scheduled'"
    assert raised.value.code == "invalid_status_transition"


def test_resending_the_status_is_a_no_op() -> None:
    for status in S:
        assert check_transition(status, status) is False


def test_new_appointments_start_scheduled_or_confirmed() -> None:
    check_initial_status(S.scheduled)
    check_initial_status(S.confirmed)
    for status in set(S) - {S.scheduled, S.confirmed}:
        with pytest.raises(BadRequest):
            check_initial_status(status)


def test_reschedule_permission() -> None:
    for status in (S.scheduled, S.confirmed, S.checked_in, S.in_progress):
        check_reschedule(status)
    for status in (S.completed, S.cancelled, S.no_show):
        with pytest.raises(Conflict, match=f"with status '{status}'"):
            check_reschedule(status)


def test_cancel_rules() -> None:
    check_cancel(S.scheduled)
    with pytest.raises(Conflict, match="already cancelled"):
        check_cancel(S.cancelled)
    for status in (S.completed, S.no_show):
        with pytest.raises(Conflict, match="Cannot change status"):
            check_cancel(status)


def test_cpt_code_of_a_completed_visit_is_fixed() -> None:
    check_cpt_change(S.scheduled, "99213", "99214")
    check_cpt_change(S.completed, "99213", "99213")
    with pytest.raises(Conflict):
        check_cpt_change(S.completed, "99213", "99214")


def test_plan_update() -> None:
    ten = window(utc(2027, 4, 15, 10), 30)
    half_past = window(utc(2027, 4, 15, 10, 30), 30)

    def plan(status: S, new_status: S, new_window: Interval = ten) -> UpdatePlan:
        return plan_update(
            status=status,
            window=ten,
            cpt_code="99213",
            new_status=new_status,
            new_window=new_window,
            new_cpt_code="99213",
        )

    assert plan(S.scheduled, S.completed) == UpdatePlan(
        moved=False, completes=True, cancels=False, blocks=True
    )
    assert plan(S.confirmed, S.cancelled, half_past) == UpdatePlan(
        moved=True, completes=False, cancels=True, blocks=False
    )
    # Re-sending the status and the window of a completed visit changes nothing.
    assert plan(S.completed, S.completed) == UpdatePlan(
        moved=False, completes=False, cancels=False, blocks=True
    )
    with pytest.raises(Conflict, match="Cannot reschedule"):
        plan(S.completed, S.completed, half_past)
    with pytest.raises(BadRequest, match="after scheduled_start"):
        plan(S.scheduled, S.scheduled, Interval(ten.end, ten.start))


def _plan(status: S, new_status: S, cpt_code: str | None = "99213") -> UpdatePlan:
    ten = window(utc(2027, 4, 15, 10), 30)
    return plan_update(
        status=status,
        window=ten,
        cpt_code="99213",
        new_status=new_status,
        new_window=ten,
        new_cpt_code=cpt_code,
    )


def test_only_clinicians_turn_a_visit_into_a_charge() -> None:
    clinicians, cancellers = {"admin", "doctor"}, {"admin", "doctor", "receptionist"}
    everyone = {"admin", "doctor", "nurse", "receptionist"}
    cases = [
        (_plan(S.scheduled, S.completed), clinicians),
        (_plan(S.in_progress, S.completed), clinicians),
        (_plan(S.scheduled, S.scheduled, "99215"), everyone),  # planned before check-in
        (_plan(S.confirmed, S.checked_in, "99215"), clinicians),  # set at check-in
        (_plan(S.checked_in, S.checked_in, "99215"), clinicians),
        (_plan(S.in_progress, S.in_progress, None), clinicians),  # cleared: the default
        (_plan(S.checked_in, S.checked_in, "99213"), everyone),  # unchanged
        (_plan(S.checked_in, S.in_progress), everyone),
        (_plan(S.scheduled, S.no_show), cancellers),
        (_plan(S.checked_in, S.cancelled), cancellers),
        (_plan(S.scheduled, S.confirmed), everyone),
    ]
    for plan, allowed in cases:
        assert {role for role in everyone if may_apply(plan, role)} == allowed, plan


def test_a_visit_is_completed_from_its_clinic_day_and_missed_after_its_start() -> None:
    # 22:00 in New York on 14 April is 02:00 UTC on the 15th.
    start = utc(2027, 4, 15, 2)
    completes, misses = _plan(S.scheduled, S.completed), _plan(S.scheduled, S.no_show)
    early_that_evening = utc(2027, 4, 14, 23)  # 19:00 in New York, the 14th
    check_visit_started(completes, start, early_that_evening, NEW_YORK)
    with pytest.raises(Conflict, match="before the day") as error:
        check_visit_started(completes, start, early_that_evening, UTC_ZONE)
    assert error.value.code == "visit_not_started"
    with pytest.raises(Conflict, match="no-show"):
        check_visit_started(misses, start, early_that_evening, NEW_YORK)
    check_visit_started(misses, start, start, NEW_YORK)
    with pytest.raises(Conflict, match="before the day"):
        check_visit_started(completes, start, utc(2027, 4, 14, 3, 59), NEW_YORK)  # 23:59 the 13th
    # Other steps never wait.
    check_visit_started(_plan(S.scheduled, S.checked_in), start, utc(2027, 1, 1), NEW_YORK)


def test_appointments_lie_from_2000_to_five_years_ahead() -> None:
    now = utc(2026, 12, 5, 10)
    assert latest_appointment(now) == utc(2031, 12, 5, 10)
    assert latest_appointment(utc(2028, 2, 29, 8)) == utc(2033, 2, 28, 8)
    check_booking_bounds(
        {"scheduled_start": utc(2000, 1, 1), "scheduled_end": utc(2031, 12, 5, 10)}, now
    )
    with pytest.raises(BadRequest) as error:
        check_booking_bounds(
            {"scheduled_start": utc(1999, 12, 31, 23, 59), "scheduled_end": utc(2031, 12, 5, 11)},
            now,
        )
    assert error.value.message == "Invalid value for scheduled_start: must not be before 2000-01-01"
    assert error.value.details == [
        {"field": "scheduled_start", "message": "must not be before 2000-01-01"},
        {"field": "scheduled_end", "message": "must be at most 5 years from now"},
    ]
    check_booking_bounds({}, now)


@given(st.sampled_from(list(S)), st.sampled_from(list(S)))
def test_every_status_pair_follows_the_table(current: S, new: S) -> None:
    expected = new == current or new in ALLOWED_TRANSITIONS[current]
    assert is_transition_allowed(current, new) is expected
    if expected:
        assert check_transition(current, new) is (new != current)
    else:
        with pytest.raises(Conflict):
            check_transition(current, new)


# --- Windows ----------------------------------------------------------------------------------


def test_window_rules() -> None:
    check_window(window(utc(2027, 1, 1, 9), 12 * 60))
    with pytest.raises(BadRequest, match="scheduled_end must be after scheduled_start"):
        check_window(window(utc(2027, 1, 1, 9), 0))
    with pytest.raises(BadRequest, match="scheduled_end must be after scheduled_start"):
        check_window(window(utc(2027, 1, 1, 9), -30))
    with pytest.raises(BadRequest, match="12 hours"):
        check_window(window(utc(2027, 1, 1, 9), 12 * 60 + 1))


def test_service_date_is_the_clinic_day() -> None:
    late_evening = utc(2027, 4, 16, 2)  # 22:00 on the 15th in New York
    assert service_date(late_evening, NEW_YORK) == date(2027, 4, 15)
    assert service_date(late_evening, UTC_ZONE) == date(2027, 4, 16)


# --- Working hours ----------------------------------------------------------------------------


def test_week_validation() -> None:
    week = [
        WorkingRange(0, time(13), time(17)),
        WorkingRange(0, time(9), time(13)),  # touching is fine
        WorkingRange(1, time(9), time(12)),
    ]
    assert check_week(week)[0] == WorkingRange(0, time(9), time(13))
    with pytest.raises(BadRequest, match="overlap on weekday 0: 09:00-13:00 and 12:00-14:00"):
        check_week([*week, WorkingRange(0, time(12), time(14))])
    with pytest.raises(BadRequest, match="end_time must be after start_time"):
        check_week([WorkingRange(2, time(10), time(10))])


def test_containment_in_working_hours() -> None:
    week = [WorkingRange(0, time(9), time(12)), WorkingRange(0, time(12), time(17))]
    monday = utc(2027, 4, 12, 9)
    assert within_working_hours(window(monday, 30), week, UTC_ZONE)
    assert within_working_hours(window(utc(2027, 4, 12, 11, 30), 60), week, UTC_ZONE)  # joined
    assert within_working_hours(window(utc(2027, 4, 12, 16, 30), 30), week, UTC_ZONE)
    assert not within_working_hours(window(utc(2027, 4, 12, 16, 30), 31), week, UTC_ZONE)
    assert not within_working_hours(window(utc(2027, 4, 12, 8, 59), 30), week, UTC_ZONE)
    assert not within_working_hours(window(utc(2027, 4, 13, 9), 30), week, UTC_ZONE)  # Tuesday
    # No working hours: any time, even across midnight.
    assert within_working_hours(window(utc(2027, 4, 12, 23), 120), [], UTC_ZONE)


def test_working_hours_follow_daylight_saving() -> None:
    saturday, sunday = SPRING_FORWARD - timedelta(days=1), SPRING_FORWARD
    assert working_intervals(saturday, NINE_TO_FIVE, NEW_YORK) == [
        Interval(utc(2027, 3, 13, 14), utc(2027, 3, 13, 22))
    ]
    assert working_intervals(sunday, NINE_TO_FIVE, NEW_YORK) == [
        Interval(utc(2027, 3, 14, 13), utc(2027, 3, 14, 21))
    ]
    eight_utc = window(utc(2027, 3, 13, 13), 30)  # 08:00 EST on Saturday
    assert not within_working_hours(eight_utc, NINE_TO_FIVE, NEW_YORK)
    nine_local = window(utc(2027, 3, 14, 13), 30)  # 09:00 EDT on Sunday
    assert within_working_hours(nine_local, NINE_TO_FIVE, NEW_YORK)
    # A whole local day is 23 hours at spring-forward and 25 at fall-back.
    assert working_intervals(SPRING_FORWARD, [], NEW_YORK)[0].end - working_intervals(
        SPRING_FORWARD, [], NEW_YORK
    )[0].start == timedelta(hours=23)
    (fall_back_day,) = working_intervals(FALL_BACK, [], NEW_YORK)
    assert fall_back_day.end - fall_back_day.start == timedelta(hours=25)


def test_wall_times_skipped_by_spring_forward_start_after_the_change() -> None:
    night_shift = [WorkingRange(6, time(2, 30), time(5))]
    (period,) = working_intervals(SPRING_FORWARD, night_shift, NEW_YORK)
    assert period == Interval(utc(2027, 3, 14, 7, 30), utc(2027, 3, 14, 9))  # 03:30-05:00 EDT


# --- Availability -----------------------------------------------------------------------------


def test_slots_on_a_grid_around_busy_time() -> None:
    monday = date(2027, 4, 12)
    week = [WorkingRange(0, time(9), time(11))]
    busy = [window(utc(2027, 4, 12, 9, 10), 30)]  # off the grid: blocks 09:00 and 09:30
    slots = available_slots(
        date_from=monday,
        date_to=monday,
        duration=timedelta(minutes=30),
        step=timedelta(minutes=30),
        week=week,
        tz=UTC_ZONE,
        busy=busy,
        now=LONG_AGO,
    )
    assert [s.start.time() for s in slots] == [time(10), time(10, 30)]


def test_slots_are_never_in_the_past() -> None:
    monday = date(2027, 4, 12)
    slots = available_slots(
        date_from=monday,
        date_to=monday,
        duration=timedelta(hours=1),
        step=timedelta(hours=1),
        week=[WorkingRange(0, time(9), time(12))],
        tz=UTC_ZONE,
        busy=[],
        now=utc(2027, 4, 12, 9, 1),
    )
    assert [s.start for s in slots] == [utc(2027, 4, 12, 10), utc(2027, 4, 12, 11)]


def test_slots_across_spring_forward_stay_at_local_nine() -> None:
    slots = available_slots(
        date_from=SPRING_FORWARD - timedelta(days=1),
        date_to=SPRING_FORWARD,
        duration=timedelta(hours=8),
        step=timedelta(hours=8),
        week=NINE_TO_FIVE,
        tz=NEW_YORK,
        busy=[],
        now=LONG_AGO,
    )
    assert [s.start for s in slots] == [utc(2027, 3, 13, 14), utc(2027, 3, 14, 13)]


def test_availability_range_limits() -> None:
    check_availability_range(date(2027, 1, 1), date(2027, 1, 31))
    with pytest.raises(BadRequest, match="at most 31 days"):
        check_availability_range(date(2027, 1, 1), date(2027, 2, 1))
    with pytest.raises(BadRequest, match="before date_from"):
        check_availability_range(date(2027, 1, 2), date(2027, 1, 1))


def test_count_range_limits() -> None:
    assert count_days(date(2027, 1, 1), date(2027, 1, 1)) == [date(2027, 1, 1)]
    assert len(count_days(date(2027, 1, 1), date(2027, 3, 3))) == MAX_COUNT_DAYS
    with pytest.raises(BadRequest, match="at most 62 days") as too_long:
        count_days(date(2027, 1, 1), date(2027, 3, 4))
    assert too_long.value.details == [
        {"field": "date_to", "message": "at most 62 days from date_from"}
    ]
    with pytest.raises(BadRequest, match="before date_from") as reversed_range:
        count_days(date(2027, 1, 2), date(2027, 1, 1))
    assert reversed_range.value.details == [
        {"field": "date_to", "message": "must not be before date_from"}
    ]


def test_tally_has_every_status_of_every_day() -> None:
    days = count_days(date(2027, 1, 1), date(2027, 1, 3))
    tallies = tally_days(days, [(0, S.completed, 4), (2, S.scheduled, 1), (0, S.no_show, 1)])
    assert [sum(t.values()) for t in tallies] == [5, 0, 1]
    assert all(set(t) == set(AppointmentStatus) for t in tallies)
    assert tallies[0][S.completed] == 4 and tallies[1] == dict.fromkeys(AppointmentStatus, 0)


# --- Properties -------------------------------------------------------------------------------

BASE_DAY = date(2027, 3, 8)  # a Monday; the week after it crosses New York's spring-forward
ZONES = st.sampled_from([UTC_ZONE, NEW_YORK, ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Kolkata")])


@st.composite
def weeks(draw: st.DrawFn) -> list[WorkingRange]:
    """A valid week: per weekday, sorted non-overlapping ranges on a 15-minute grid."""
    week: list[WorkingRange] = []
    for weekday in range(7):
        marks = sorted(
            set(draw(st.lists(st.integers(0, 95), max_size=6)))
        )  # quarter hours of the day
        for start, end in zip(marks[::2], marks[1::2], strict=False):
            week.append(
                WorkingRange(
                    weekday, time(start // 4, start % 4 * 15), time(end // 4, end % 4 * 15)
                )
            )
    return week


@st.composite
def busy_intervals(draw: st.DrawFn) -> list[Interval]:
    origin = datetime.combine(BASE_DAY, time(0), tzinfo=UTC) - timedelta(days=1)
    starts = draw(st.lists(st.integers(0, 9 * 24 * 60), max_size=15))
    return [
        window(origin + timedelta(minutes=start), draw(st.integers(1, 240))) for start in starts
    ]


@given(
    week=weeks(),
    busy=busy_intervals(),
    tz=ZONES,
    days=st.integers(0, 8),
    duration=st.integers(5, 180),
    extra_step=st.integers(0, 60),
    now_offset=st.integers(-2 * 24 * 60, 10 * 24 * 60),
)
def test_generated_slots_are_bookable_and_disjoint(
    week: list[WorkingRange],
    busy: list[Interval],
    tz: ZoneInfo,
    days: int,
    duration: int,
    extra_step: int,
    now_offset: int,
) -> None:
    now = datetime.combine(BASE_DAY, time(0), tzinfo=UTC) + timedelta(minutes=now_offset)
    slots = available_slots(
        date_from=BASE_DAY,
        date_to=BASE_DAY + timedelta(days=days),
        duration=timedelta(minutes=duration),
        step=timedelta(minutes=duration + extra_step),
        week=check_week(week),
        tz=tz,
        busy=busy,
        now=now,
    )
    for slot in slots:
        assert slot.end - slot.start == timedelta(minutes=duration)
        assert slot.start >= now
        assert not any(slot.overlaps(b) for b in busy)
        assert within_working_hours(slot, week, tz)
    for earlier, later in pairwise(slots):
        assert earlier.end <= later.start


@given(week=weeks(), tz=ZONES, duration=st.integers(5, 120), step=st.integers(5, 120))
def test_slots_on_any_grid_lie_in_working_hours_in_order(
    week: list[WorkingRange], tz: ZoneInfo, duration: int, step: int
) -> None:
    slots = available_slots(
        date_from=BASE_DAY,
        date_to=BASE_DAY + timedelta(days=6),
        duration=timedelta(minutes=duration),
        step=timedelta(minutes=step),
        week=week,
        tz=tz,
        busy=[],
        now=LONG_AGO,
    )
    assert all(within_working_hours(slot, week, tz) for slot in slots)
    assert [s.start for s in slots] == sorted({s.start for s in slots})


@given(
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
    ),
    st.integers(-60, 13 * 60),
    st.integers(-60, 13 * 60),
)
def test_overlap_is_symmetric_and_matches_the_definition(
    start: datetime, offset: int, length: int
) -> None:
    a = window(start, 60)
    b = window(start + timedelta(minutes=offset), max(length, 1))
    assert a.overlaps(b) == b.overlaps(a) == (a.start < b.end and b.start < a.end)


PARTS = 1_000_000


@given(
    first=st.dates(date(2000, 1, 1), date(2040, 12, 31)),
    span=st.integers(1, MAX_COUNT_DAYS),
    tz=ZONES,
    offset=st.integers(0, PARTS - 1),
)
def test_a_moment_falls_in_the_count_of_its_clinic_day(
    first: date, span: int, tz: ZoneInfo, offset: int
) -> None:
    """The days counted are consecutive, and the day a moment is counted on (the last day
    start at or before it, as PostgreSQL's width_bucket finds it) is its clinic-local date."""
    days = count_days(first, first + timedelta(days=span - 1))
    assert len(days) == span and all(b - a == timedelta(days=1) for a, b in pairwise(days))
    starts = [local_day(day, tz).start for day in days]
    end = local_day(days[-1], tz).end
    moment = starts[0] + (end - starts[0]) * offset // PARTS  # whole numbers: never `end`
    assert days[bisect_right(starts, moment) - 1] == service_date(moment, tz)
