from enum import StrEnum


class BmiCategory(StrEnum):
    NORMAL = "normal"
    OBESE = "obese"
    OVERWEIGHT = "overweight"
    UNDERWEIGHT = "underweight"

    def __str__(self) -> str:
        return str(self.value)
