"""Every request dependency, as an `Annotated` alias a route declares: the database session, the
settings, the caller and their role, the audit trail, paging, ids and `If-Match`.

The caller is loaded from the database on every request: the role comes from the `users` row,
not from the token, so a deactivation or a role change acts at once, and the session row makes
logout and refresh-token theft detection final.
"""

import ipaddress
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.audit.context import Audit, record_after_rollback
from clinichub.audit.repository import Origin
from clinichub.auth import repository
from clinichub.auth.errors import INVALID_TOKEN, TOKEN_MISSING
from clinichub.auth.tokens import InvalidToken
from clinichub.config import Settings
from clinichub.db.session import run_in_transaction
from clinichub.documents.storage import DocumentStores
from clinichub.errors import BadRequest, Forbidden
from clinichub.scheduling.rules import CANCELLER_ROLES
from clinichub.schemas import MAX_ID, MAX_PAGE, MAX_PER_PAGE, PageParams
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource, Role

# --- The database and the settings ------------------------------------------------------------


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's session. Commits after the handler returns and before the response is sent,
    so a failed commit can never have produced a 2xx; any error rolls everything back."""
    async with run_in_transaction(request.app.state.sessionmaker) as session:
        yield session


DbSession = Annotated[AsyncSession, Depends(get_db, scope="function")]


def side_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """Sessions for short transactions independent of the request's (see SIDE_POOL_SIZE)."""
    maker: async_sessionmaker[AsyncSession] = request.app.state.side_sessionmaker
    return maker


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(_settings)]


async def _document_stores(request: Request) -> DocumentStores:
    stores: DocumentStores = request.app.state.document_stores
    return stores


# Where documents' bytes are kept (CLINICHUB_DOCUMENT_STORE).
Stores = Annotated[DocumentStores, Depends(_document_stores)]


def form_fields(*names: str) -> Callable[..., Awaitable[None]]:
    """A dependency that refuses a form naming a field the operation does not take (400), as
    JSON bodies are refused: a client never believes it set something that was ignored."""

    async def check(request: Request) -> None:
        form = await request.form()  # parsed once already, for the operation's parameters
        unknown = sorted({key for key in form if key not in names})
        if unknown:
            raise BadRequest(
                f"Unknown field: {unknown[0][:100]}",
                details=[{"field": key[:100], "message": "Unknown field"} for key in unknown],
            )

    return check


# --- Where a request comes from ---------------------------------------------------------------


def _client_ip(request: Request) -> str | None:
    """The caller's IP address, or None: behind a proxy the client may be `unknown` (RFC 7239)
    or anything else a forwarding header says, and the columns are INET."""
    host = request.client.host if request.client else None
    try:
        return str(ipaddress.ip_address(host)) if host else None
    except ValueError:
        return None


def origin_of(request: Request) -> Origin:
    return Origin(
        request_id=request.scope.get("state", {}).get("request_id"),
        ip=_client_ip(request),
        user_agent=(request.headers.get("user-agent") or "")[:512] or None,
    )


# --- The caller -------------------------------------------------------------------------------

_bearer = HTTPBearer(
    auto_error=False, description="An access token from `POST /api/login`", scheme_name="bearer"
)
_oauth2 = OAuth2PasswordBearer(
    tokenUrl="/api/token",
    auto_error=False,
    scheme_name="oauth2_password",
    description="Log in with email (as username) and password; used by Swagger UI's Authorize",
)


@dataclass(frozen=True)
class Principal:
    user_id: int
    role: Role
    session_id: uuid.UUID


async def current_principal(
    request: Request,
    db: DbSession,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    _oauth2_token: Annotated[str | None, Security(_oauth2)],
) -> Principal:
    if credentials is None:
        raise TOKEN_MISSING.error()
    try:
        claims = request.app.state.access_tokens.claims(credentials.credentials)
    except InvalidToken:
        raise INVALID_TOKEN.error() from None
    user = await repository.user_for_session(
        db, user_id=claims.user_id, session_id=claims.session_id, now=datetime.now(UTC)
    )
    if user is None:
        raise INVALID_TOKEN.error()
    return Principal(user_id=user.user_id, role=user.role, session_id=claims.session_id)


CurrentUser = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that admits only the given roles (403 for the others, audited)."""

    async def check(principal: CurrentUser, request: Request, db: DbSession) -> Principal:
        if principal.role not in roles:
            # The area of the API that refused: the operation's one tag (`patients`).
            tags = getattr(request.scope.get("route"), "tags", [])
            record_after_rollback(
                db,
                origin_of(request),
                action=AuditAction.access_denied,
                outcome=AuditOutcome.denied,
                resource_type=AuditResource(tags[0]),
                resource_id=request.url.path,
                actor_user_id=principal.user_id,
                actor_role=principal.role.value,
            )
            raise Forbidden("Forbidden: insufficient permissions")
        return principal

    return check


AdminUser = Annotated[Principal, Depends(require_roles(Role.admin))]

# Who may do what, where it is more than all staff (CurrentUser) or admins only (AdminUser).
# Clinicians say what was done in a visit: they write medical records and make charges.
Clinician = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor))]
# Clinical staff see clinical data and change a patient's details; receptionists do not.
ClinicalStaff = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor, Role.nurse))]
# The front desk saves insurance plans and takes payments.
FrontDesk = Annotated[Principal, Depends(require_roles(Role.admin, Role.receptionist))]
# Who may see money: the front desk and clinicians, not nurses.
BillingStaff = Annotated[
    Principal, Depends(require_roles(Role.admin, Role.doctor, Role.receptionist))
]
# Who may cancel an appointment, by DELETE or by setting the status (or record a no-show).
Canceller = Annotated[
    Principal, Depends(require_roles(*(Role(role) for role in sorted(CANCELLER_ROLES))))
]


async def _audit(principal: CurrentUser, request: Request, db: DbSession) -> Audit:
    return Audit(db, origin_of(request), principal.user_id, principal.role.value)


# Records who read or changed patient data, in the request's transaction.
Audited = Annotated[Audit, Depends(_audit)]


# --- Ids, paging, preconditions ---------------------------------------------------------------

# Ids are PostgreSQL bigints: a path or query id outside 1..2**63 - 1 is a 400, never a 500.
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


async def _page_params(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1")] = 1,
    per_page: Annotated[
        int, Query(ge=1, description=f"Items per page; values above {MAX_PER_PAGE} are capped")
    ] = 10,
) -> PageParams:
    return PageParams(page=page, per_page=min(per_page, MAX_PER_PAGE))


Paging = Annotated[PageParams, Depends(_page_params)]

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=1024,
        description='The ETag of the version read (`"3"`), or `*`: the update is refused '
        "with 412 `precondition_failed` if the resource has changed since. Optional.",
        examples=['"3"'],
    ),
]
