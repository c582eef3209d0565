from enum import StrEnum


class PatientSortKey(StrEnum):
    CREATED_AT = "created_at"
    DOB = "dob"
    EMAIL = "email"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PATIENT_ID = "patient_id"

    def __str__(self) -> str:
        return str(self.value)
