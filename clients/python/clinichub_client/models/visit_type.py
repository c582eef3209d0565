from enum import StrEnum


class VisitType(StrEnum):
    IN_PERSON = "in_person"
    TELEHEALTH = "telehealth"

    def __str__(self) -> str:
        return str(self.value)
