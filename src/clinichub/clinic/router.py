"""The clinic: the settings a client needs to show times and money."""

from fastapi import APIRouter

from clinichub.clinic import service
from clinichub.clinic.schemas import ClinicRead
from clinichub.schemas import error_responses
from clinichub.web.dependencies import AppSettings, CurrentUser

router = APIRouter(prefix="/api/clinic", tags=["clinic"])


@router.get(
    "",
    operation_id="clinic_get",
    summary="The clinic's settings",
    response_model=ClinicRead,
    responses=error_responses(401),
)
async def get_clinic(_: CurrentUser, settings: AppSettings) -> ClinicRead:
    """All staff. The clinic's time zone, with today's date in it, and its currency, so that a
    client shows clinic days and amounts as the server counts them; and the bounds of a new
    password, so that a form can check one before sending it. `today` turns at the clinic's
    midnight."""
    return service.clinic(settings)
