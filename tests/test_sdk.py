"""A clinic day through the generated Python client (clients/python), against a real server.

What a frontend developer who knows nothing of our code would write: every call, answer and
error below is a type generated from openapi.json.
"""

import hashlib
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from clinichub_client import AuthenticatedClient, Client
from clinichub_client.api.appointments import appointments_create, appointments_update
from clinichub_client.api.auth import auth_login, auth_logout, auth_profile, auth_refresh
from clinichub_client.api.documents import documents_content, documents_upload
from clinichub_client.api.invoices import invoices_create, invoices_update
from clinichub_client.api.patients import patients_create
from clinichub_client.api.providers import providers_availability, providers_set_working_hours
from clinichub_client.api.reports import reports_daily_revenue
from clinichub_client.api.users import users_create
from clinichub_client.models import (
    AppointmentCreate,
    AppointmentCreated,
    AppointmentStatus,
    AppointmentUpdate,
    AppointmentUpdated,
    Availability,
    BodyDocumentsUpload,
    DailyRevenue,
    DocumentCreated,
    DocumentKind,
    Error,
    InvoiceCreate,
    InvoiceCreated,
    InvoiceStatus,
    InvoiceUpdate,
    InvoiceUpdated,
    LoginRequest,
    LoginResponse,
    Message,
    PatientCreate,
    PatientCreated,
    ProfileResponse,
    RefreshRequest,
    Role,
    Sex,
    TokenResponse,
    UserCreate,
    UserCreated,
    WorkingHoursRange,
    WorkingHoursUpdate,
    WorkingHoursUpdated,
)
from clinichub_client.types import File
from pypdf import PdfWriter

from tests.kit import running_server

T = TypeVar("T")


def expect(answer: object, kind: type[T]) -> T:
    """The generated functions answer `<Success> | Error | None`: narrow to the expected type."""
    assert isinstance(answer, kind), answer
    return answer


async def test_a_clinic_day_through_the_generated_client(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    async with running_server(database_url, tmp_path) as server:
        public = Client(base_url=server.base_url, raise_on_unexpected_status=True)
        login = expect(
            await auth_login.asyncio(
                client=public,
                body=LoginRequest(email="admin@clinichub.com", password="admin123"),
            ),
            LoginResponse,
        )
        assert login.user.role is Role.ADMIN
        admin = AuthenticatedClient(
            base_url=server.base_url, token=login.access_token, raise_on_unexpected_status=True
        )

        patient = expect(
            await patients_create.asyncio(
                client=admin,
                body=PatientCreate(
                    first_name="John",
                    last_name="Doe",
                    dob=datetime(1990, 5, 10).date(),
                    sex=Sex.MALE,
                    email="john.doe.sdk@email.com",
                ),
            ),
            PatientCreated,
        ).patient
        doctor = expect(
            await users_create.asyncio(
                client=admin,
                body=UserCreate(
                    email="dr.sdk@clinichub.com",
                    password="a long passphrase",
                    first_name="Ana",
                    last_name="Rivera",
                    role=Role.DOCTOR,
                ),
            ),
            UserCreated,
        ).user

        week = [
            WorkingHoursRange(weekday=day, start_time="08:00", end_time="17:00") for day in range(7)
        ]
        hours = expect(
            await providers_set_working_hours.asyncio(
                doctor.user_id, client=admin, body=WorkingHoursUpdate(hours=week)
            ),
            WorkingHoursUpdated,
        )
        assert len(hours.working_hours.hours) == 7

        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
        availability = expect(
            await providers_availability.asyncio(
                doctor.user_id, client=admin, date_from=tomorrow, date_to=tomorrow
            ),
            Availability,
        )
        slot = availability.slots[0]
        assert slot.end - slot.start == timedelta(minutes=30)

        booking = AppointmentCreate(
            patient_id=patient.patient_id,
            provider_user_id=doctor.user_id,
            scheduled_start=slot.start,
            scheduled_end=slot.end,
            reason="General checkup",
        )
        appointment = expect(
            await appointments_create.asyncio(client=admin, body=booking),
            AppointmentCreated,
        ).appointment
        assert appointment.status is AppointmentStatus.SCHEDULED

        conflict = await appointments_create.asyncio_detailed(client=admin, body=booking)
        assert conflict.status_code == 409
        error = expect(conflict.parsed, Error)
        assert error.code == "appointment_conflict"
        assert error.conflict_appointment_id == appointment.appointment_id

        # A visit is completed on or after its day: the patient came two days earlier.
        completed = expect(
            await appointments_update.asyncio(
                appointment.appointment_id,
                client=admin,
                body=AppointmentUpdate(
                    status=AppointmentStatus.COMPLETED,
                    scheduled_start=slot.start - timedelta(days=2),
                    scheduled_end=slot.end - timedelta(days=2),
                ),
            ),
            AppointmentUpdated,
        ).appointment
        assert isinstance(completed.cpt_id, int)

        invoice = expect(
            await invoices_create.asyncio(
                client=admin, body=InvoiceCreate(appointment_id=appointment.appointment_id)
            ),
            InvoiceCreated,
        ).invoice
        assert invoice.cpt_id == completed.cpt_id
        assert invoice.status is InvoiceStatus.UNPAID
        paid = expect(
            await invoices_update.asyncio(
                invoice.invoice_id, client=admin, body=InvoiceUpdate(status=InvoiceStatus.PAID)
            ),
            InvoiceUpdated,
        ).invoice
        assert isinstance(paid.paid_at, datetime)

        revenue = expect(
            await reports_daily_revenue.asyncio(client=admin, date=paid.paid_at.date()),
            DailyRevenue,
        )
        assert revenue.invoices_paid >= 1
        assert revenue.billed_cents >= invoice.total_cents

        # The patient's referral letter: uploaded, then downloaded byte for byte.
        writer = PdfWriter()
        writer.add_blank_page(width=612, height=792)
        letter = io.BytesIO()
        writer.write(letter)
        uploaded = expect(
            await documents_upload.asyncio(
                patient.patient_id,
                client=admin,
                body=BodyDocumentsUpload(
                    file=File(
                        payload=io.BytesIO(letter.getvalue()),
                        file_name="referral.pdf",
                        mime_type="application/pdf",
                    ),
                    kind=DocumentKind.REFERRAL,
                    title="Cardiology referral",
                ),
            ),
            DocumentCreated,
        ).document
        assert uploaded.sha256 == hashlib.sha256(letter.getvalue()).hexdigest()
        downloaded = expect(
            await documents_content.asyncio(uploaded.document_id, client=admin), File
        )
        assert downloaded.payload.read() == letter.getvalue()

        tokens = expect(
            await auth_refresh.asyncio(
                client=public, body=RefreshRequest(refresh_token=login.refresh_token)
            ),
            TokenResponse,
        )
        refreshed = AuthenticatedClient(
            base_url=server.base_url, token=tokens.access_token, raise_on_unexpected_status=True
        )
        profile = expect(await auth_profile.asyncio(client=refreshed), ProfileResponse)
        assert profile.email == "admin@clinichub.com"

        expect(await auth_logout.asyncio(client=refreshed), Message)
        after = await auth_profile.asyncio_detailed(client=refreshed)
        assert after.status_code == 401
        assert expect(after.parsed, Error).code == "invalid_token"
