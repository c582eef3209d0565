from enum import StrEnum


class DocumentKind(StrEnum):
    CONSENT = "consent"
    INSURANCE_CARD_BACK = "insurance_card_back"
    INSURANCE_CARD_FRONT = "insurance_card_front"
    LAB_REPORT = "lab_report"
    OTHER = "other"
    PHOTO_ID = "photo_id"
    REFERRAL = "referral"

    def __str__(self) -> str:
        return str(self.value)
