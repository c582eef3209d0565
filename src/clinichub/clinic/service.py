"""The clinic's settings as clients see them: a read of the configuration, no database."""

from datetime import datetime

from clinichub.billing.rules import CURRENCY
from clinichub.clinic.schemas import ClinicRead
from clinichub.config import Settings
from clinichub.users.passwords import MAX_PASSWORD_BYTES


def clinic(settings: Settings) -> ClinicRead:
    return ClinicRead(
        timezone=settings.clinic_timezone,
        currency=CURRENCY,
        today=datetime.now(settings.timezone).date(),
        password_min_length=settings.password_min_length,
        password_max_bytes=MAX_PASSWORD_BYTES,
        document_max_bytes=settings.document_max_bytes,
        default_cpt_code=settings.default_cpt_code,
    )
