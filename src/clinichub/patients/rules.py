"""Rules of patients: pure decisions, no I/O."""

from datetime import date

from clinichub.vocabulary import AppointmentStatus

# The cancellation reason of the appointments that archiving a patient cancels.
ARCHIVED_REASON = "patient archived"

# Archiving cancels the patient's visits that have not started yet and can still be cancelled:
# every status but the final ones (the scheduling rules' CANCELLABLE_STATUSES; a test keeps the
# two equal, as patients do not import scheduling).
CANCELLED_ON_ARCHIVE = frozenset(
    set(AppointmentStatus)
    - {AppointmentStatus.completed, AppointmentStatus.cancelled, AppointmentStatus.no_show}
)


def born_later(dob: date | None, today: date) -> bool:
    """Whether a birth date lies after today, in the clinic's time zone: a typo."""
    return dob is not None and dob > today
