from enum import StrEnum


class ProviderRole(StrEnum):
    DOCTOR = "doctor"
    NURSE = "nurse"

    def __str__(self) -> str:
        return str(self.value)
