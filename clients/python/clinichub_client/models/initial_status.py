from enum import StrEnum


class InitialStatus(StrEnum):
    CONFIRMED = "confirmed"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
