"""Demo billing: a few visits of the past days, completed and invoiced, some of them paid, so that
the invoice list and the daily revenue report have something to show. Skipped once any invoice
exists, so loading twice changes nothing."""

from datetime import UTC, datetime, time, timedelta, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.billing import repository, service
from clinichub.clinic_time import service_date
from clinichub.models import Appointment
from clinichub.patients.repository import list_patients
from clinichub.patients.schemas import PatientSortKey
from clinichub.schemas import PageParams
from clinichub.users.repository import get_user_by_email
from clinichub.vocabulary import AppointmentStatus, InvoiceStatus, VisitType

DEMO_DOCTOR = "doctor@clinichub.com"
# (days ago, local hour, visit type, visit code, further charges, paid): one visit per patient.
DEMO_VISITS = [
    (3, 9, VisitType.in_person, "99214", ("85025", "36415"), True),
    (3, 10, VisitType.telehealth, "99213", (), True),
    (2, 9, VisitType.in_person, "99213", ("90715", "90471"), False),
    (1, 14, VisitType.in_person, "99215", ("80053", "36415"), True),
    (1, 15, VisitType.telehealth, "99213", (), False),
]


async def seed_demo_billing(db: AsyncSession, timezone: tzinfo) -> None:
    doctor = await get_user_by_email(db, DEMO_DOCTOR)
    patients, _ = await list_patients(
        db, PageParams(page=1, per_page=len(DEMO_VISITS)), sort_by=PatientSortKey.patient_id
    )
    if doctor is None or await repository.any_invoice(db):
        return
    today = datetime.now(timezone).date()
    for (days_ago, hour, visit_type, code, extras, paid), patient in zip(
        DEMO_VISITS, patients, strict=False
    ):
        local_start = datetime.combine(today - timedelta(days=days_ago), time(hour), timezone)
        start = local_start.astimezone(UTC)
        appointment = Appointment(
            patient_id=patient.patient_id,
            provider_user_id=doctor.user_id,
            scheduled_start=start,
            scheduled_end=start + timedelta(minutes=30),
            status=AppointmentStatus.completed,
            visit_type=visit_type,
            cpt_code=code,
            reason="Follow-up",
        )
        db.add(appointment)
        await db.flush()
        # Completed as the API completes a visit: its charge, at the catalogue price.
        charges = [await service.charge_completed_visit(db, appointment, code, timezone)]
        day = service_date(start, timezone)
        for extra in extras:
            charges.append(
                await repository.add_charge(db, appointment, extra, quantity=1, service_date=day)
            )
        invoice = await repository.create_invoice(db, appointment, charges)
        # Issued at the end of the visit (it is now stamped with the time of seeding).
        invoice.issued_at = start + timedelta(minutes=30)
        if paid:
            await repository.set_payment(
                db, invoice, InvoiceStatus.paid, start + timedelta(hours=1)
            )
