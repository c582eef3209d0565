"""The OpenAPI examples of billing's operations (`cpt_codes_*`, `charges_*`, `invoices_*`,
`reports_*`): requests, answers and errors, the errors built from billing's catalogue."""

from clinichub.billing import errors
from clinichub.openapi_examples import CREATED_AT, PAGE_1, Example, Examples, _named, _one

CPT_CODE = {
    "code": "99213",
    "description": "Office visit, established patient, low complexity",
    "category": "Office Visit",
    "price_cents": 15000,
    "currency": "USD",
    "is_active": True,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}
CHARGE = {
    "cpt_record_id": 5,
    "appointment_id": 1,
    "patient_id": 1,
    "cpt_code": "99213",
    "description": "Office visit, established patient, low complexity",
    "quantity": 1,
    "unit_price_cents": 15000,
    "amount_cents": 15000,
    "currency": "USD",
    "modifier": None,
    "service_date": "2026-04-15",
    "status": "pending",
    "created_at": "2026-04-15T10:35:00Z",
}
INVOICE = {
    "invoice_id": 1,
    "appointment_id": 1,
    "patient_id": 1,
    "cpt_id": 5,
    "status": "unpaid",
    "lines": [
        {
            "cpt_record_id": 5,
            "code": "99213",
            "description": "Office visit, established patient, low complexity",
            "quantity": 1,
            "unit_price_cents": 15000,
            "amount_cents": 15000,
            "modifier": None,
        }
    ],
    "total_cents": 15000,
    "patient_due_cents": 2500,
    "insurance_due_cents": 12500,
    "currency": "USD",
    "plan": {
        "plan_id": 1,
        "carrier_name": "Blue Cross Blue Shield",
        "member_id": "XJH123456789",
        "plan_type": "PPO",
        "copay_cents": 2500,
    },
    "issued_at": "2026-04-15T11:00:00Z",
    "paid_at": None,
    "version": 1,
}
INVOICE_PAID = {**INVOICE, "status": "paid", "paid_at": "2026-04-15T22:30:00Z", "version": 2}

_ALREADY_INVOICED = _named(
    "already_invoiced", "The visit is invoiced", errors.ALREADY_INVOICED.example()
)

REQUEST_EXAMPLES: dict[str, Examples] = {
    "cpt_codes_create": _one(
        "A lab test",
        {
            "code": "87880",
            "description": "Rapid strep test",
            "category": "Lab Test",
            "price_cents": 2000,
        },
    ),
    "cpt_codes_update": {
        **_named("price", "Re-price", {"price_cents": 16000}),
        **_named("retire", "Deactivate", {"is_active": False}),
    },
    "charges_create": _one("A blood count", {"cpt_code": "85025", "quantity": 1}),
    "invoices_create": _one("Invoice appointment 1", {"appointment_id": 1}),
    "invoices_update": {
        **_named("paid", "Pay an invoice", {"status": "paid"}),
        **_named("unpaid", "Mark unpaid", {"status": "unpaid"}),
    },
}


RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "cpt_codes_list": {"200": _one("One code", {"cpt_codes": [CPT_CODE], "pagination": PAGE_1})},
    "cpt_codes_create": {
        "201": _one(
            "Added",
            {
                "message": "CPT code created successfully",
                "cpt_code": {
                    **CPT_CODE,
                    "code": "87880",
                    "description": "Rapid strep test",
                    "category": "Lab Test",
                    "price_cents": 2000,
                },
            },
        )
    },
    "cpt_codes_update": {
        "200": _one(
            "Re-priced",
            {
                "message": "CPT code updated successfully",
                "cpt_code": {**CPT_CODE, "price_cents": 16000},
            },
        )
    },
    "charges_create": {
        "201": _one(
            "Added",
            {
                "message": "Charge created successfully",
                "charge": {
                    **CHARGE,
                    "cpt_record_id": 6,
                    "cpt_code": "85025",
                    "description": "Complete blood count with differential",
                    "unit_price_cents": 3500,
                    "amount_cents": 3500,
                },
            },
        )
    },
    "charges_list_for_appointment": {"200": _one("The visit's charge", {"charges": [CHARGE]})},
    "charges_list": {"200": _one("One charge", {"cpt_records": [CHARGE], "pagination": PAGE_1})},
    "charges_delete": {
        "200": _one("Deleted", {"message": "Charge deleted successfully", "cpt_record_id": 5})
    },
    "invoices_create": {
        "201": _one("Invoiced", {"message": "Invoice created successfully", "invoice": INVOICE})
    },
    "invoices_list": {
        "200": _one("One invoice", {"invoices": [INVOICE_PAID], "pagination": PAGE_1})
    },
    "invoices_get": {"200": _one("An invoice", INVOICE)},
    "invoices_update": {
        "200": {
            **_named("paid", "Paid", {"message": "Invoice updated", "invoice": INVOICE_PAID}),
            **_named("unpaid", "Unpaid", {"message": "Invoice updated", "invoice": INVOICE}),
        }
    },
    "reports_revenue": {
        "200": _one(
            "Three days",
            {
                "from": "2026-04-13",
                "to": "2026-04-15",
                "currency": "USD",
                "days": [
                    {
                        "date": "2026-04-13",
                        "billed_cents": 33500,
                        "collected_cents": 15000,
                        "receivable_cents": 48500,
                    },
                    {
                        "date": "2026-04-14",
                        "billed_cents": 0,
                        "collected_cents": 0,
                        "receivable_cents": 48500,
                    },
                    {
                        "date": "2026-04-15",
                        "billed_cents": 15000,
                        "collected_cents": 33500,
                        "receivable_cents": 30000,
                    },
                ],
                "totals": {
                    "billed_cents": 48500,
                    "collected_cents": 48500,
                    "receivable_cents": 30000,
                },
            },
        )
    },
    "reports_daily_revenue": {
        "200": _one(
            "One paid invoice",
            {
                "date": "2026-04-15",
                "currency": "USD",
                "invoices_paid": 1,
                "billed_cents": 15000,
                "patient_collected_cents": 2500,
                "insurance_receivable_cents": 12500,
            },
        )
    },
}


OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "cpt_codes_create": {
        "409": _named("cpt_code_exists", "An existing code", errors.CPT_CODE_EXISTS.example())
    },
    "charges_create": {"409": _ALREADY_INVOICED},
    "charges_delete": {"409": _ALREADY_INVOICED},
    "invoices_create": {
        "404": _named(
            "appointment_not_found",
            "No such appointment",
            errors.APPOINTMENT_NOT_FOUND.example(),
        ),
        "409": {
            **_named(
                "appointment_not_completed",
                "Not completed",
                errors.APPOINTMENT_NOT_COMPLETED.example(),
            ),
            **_named("invoice_exists", "Already invoiced", errors.INVOICE_EXISTS.example()),
        },
    },
    "invoices_update": {
        "400": _named("invalid_status", "Neither paid nor unpaid", errors.INVALID_STATUS.example())
    },
    "reports_revenue": {
        "400": {
            **_named(
                "reversed",
                "to before from",
                errors.REPORT_RANGE_REVERSED.example(
                    details=[{"field": "to", "message": "must not be before from"}]
                ),
            ),
            **_named(
                "too_long",
                "More than 366 days",
                errors.REPORT_RANGE_TOO_LONG.example(
                    max_days=366,
                    details=[{"field": "to", "message": "at most 366 days from from"}],
                ),
            ),
        }
    },
}


# The 404 of each operation of a tag, when the operation has none of its own.
NOT_FOUND_BY_TAG: dict[str, Example] = {
    "cpt_codes": errors.CPT_CODE_NOT_FOUND.example(),
    "charges": errors.APPOINTMENT_NOT_FOUND.example(),
    "invoices": errors.INVOICE_NOT_FOUND.example(),
}
