from enum import StrEnum


class AppointmentSort(StrEnum):
    APPOINTMENT_ID = "appointment_id"
    CREATED_AT = "created_at"
    SCHEDULED_END = "scheduled_end"
    SCHEDULED_START = "scheduled_start"
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
