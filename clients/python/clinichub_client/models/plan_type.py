from enum import StrEnum


class PlanType(StrEnum):
    EPO = "EPO"
    HMO = "HMO"
    MEDICAID = "Medicaid"
    MEDICARE = "Medicare"
    POS = "POS"
    PPO = "PPO"
    SELF_PAY = "self_pay"

    def __str__(self) -> str:
        return str(self.value)
