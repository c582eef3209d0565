from enum import StrEnum


class InvoiceSort(StrEnum):
    INVOICE_ID = "invoice_id"
    ISSUED_AT = "issued_at"
    TOTAL_CENTS = "total_cents"

    def __str__(self) -> str:
        return str(self.value)
