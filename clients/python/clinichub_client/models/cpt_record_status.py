from enum import StrEnum


class CptRecordStatus(StrEnum):
    INVOICED = "invoiced"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
