"""Demo billing: the charges of the demo's completed visits, and their invoices and payments as a
front desk leaves them, so that the billing queue, the invoice list and the revenue reports have
something to show.

Every completed visit is charged as completing it through the API charges it, with the further
procedures of its kind. Visits of the last two clinic days (and a few older ones) wait in the
billing queue, not yet invoiced; the others were invoiced within a day or so of the visit, and
most of those issued more than a week ago have been paid, some days later. The rest are open:
the clinic's receivables.
"""

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.billing import repository, service
from clinichub.clinic_time import service_date
from clinichub.models import Appointment
from clinichub.vocabulary import AppointmentStatus, InvoiceStatus

# Clinic days a completed visit waits before it is invoiced; the share of older ones still
# waiting; the age an invoice reaches before it is usually paid, and the share then paid.
QUEUE_DAYS = 2
STILL_QUEUED = 0.1
PAYMENT_AGE = timedelta(days=7)
PAID_SHARE = 0.8


async def seed_demo_billing(
    db: AsyncSession,
    visits: Sequence[tuple[Appointment, Sequence[str]]],
    timezone: ZoneInfo,
    now: datetime,
) -> None:
    """Charge each completed visit of `visits` (its code, then the further codes given with it),
    and invoice and pay them as the module says. The visits are new: none has a charge yet."""
    today = now.astimezone(timezone).date()
    for appointment, further_codes in visits:
        if appointment.status != AppointmentStatus.completed or appointment.cpt_code is None:
            continue
        rng = random.Random(appointment.scheduled_start.timestamp())
        day = service_date(appointment.scheduled_start, timezone)
        billed = await repository.require_active_cpt_code(db, appointment.cpt_code)
        charges = [await service.charge_completed_visit(db, appointment, billed, timezone)]
        for code in further_codes:
            entry = await repository.require_active_cpt_code(db, code)
            charges.append(
                await repository.add_charge(db, appointment, entry, quantity=1, service_date=day)
            )
        if (today - day).days <= QUEUE_DAYS or rng.random() < STILL_QUEUED:
            continue
        invoice = await repository.create_invoice(db, appointment, charges)
        invoice.issued_at = min(
            appointment.scheduled_end + timedelta(hours=rng.randint(1, 30)),
            now - timedelta(hours=1),
        )
        if now - invoice.issued_at >= PAYMENT_AGE and rng.random() < PAID_SHARE:
            # As the payment rule stamps it (billing.rules.change_payment_status), days later.
            invoice.status = InvoiceStatus.paid
            invoice.paid_at = invoice.issued_at + timedelta(
                days=rng.randint(1, 6), hours=rng.randint(0, 8)
            )
    # The invoices' dates and payments, in one flush.
    await db.flush()
