from enum import StrEnum


class AppointmentStatus(StrEnum):
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    NO_SHOW = "no_show"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
