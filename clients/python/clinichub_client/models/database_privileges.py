from enum import StrEnum


class DatabasePrivileges(StrEnum):
    OWNER = "owner"
    RUNTIME = "runtime"

    def __str__(self) -> str:
        return str(self.value)
