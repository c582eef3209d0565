"""The `Idempotency-Key` header of creating POSTs: safe retries for clients on shaky networks.

How one request goes (the key is per user):
1. The dependency claims the key in a transaction of its own, committed at once, so that a
   concurrent retry (on any server process) sees it in progress. A retry of a finished request
   is answered from the stored response instead of running again.
2. The request runs. IdempotentRoute notes its response, or the client error it raised.
3. The stored response is written in the request's own transaction, so the resource and the
   answer that names it commit together, or neither does. If the request fails without an answer
   worth keeping (see rules.is_stored), the claim is released and a retry runs it again.

The claim comes after authentication and the role check: a caller whose role changed since the
first request (a doctor made a receptionist) gets a 403, not the stored record. FastAPI solves a
route's dependencies in order, those of `dependencies=[...]` first, so `Idempotent` is the last
parameter of every creating POST, and IdempotentRoute refuses a route where it is not. A replay is
recorded in the audit trail as a read of what it returns.
"""

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import record_after_rollback
from clinichub.db.session import on_failure, on_success
from clinichub.errors import AppError
from clinichub.idempotency import repository, rules
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource
from clinichub.web.dependencies import CurrentUser, DbSession, origin_of, side_sessionmaker

REPLAYED_HEADER = "Idempotent-Replayed"


class IdempotentReplay(Exception):
    """Answers a retry with the stored response instead of running the handler again."""

    def __init__(self, replay: rules.Replay) -> None:
        super().__init__("replay")
        self.replay = replay


def replay_response(replay: rules.Replay) -> Response:
    return Response(
        replay.body,
        status_code=replay.status_code,
        media_type="application/json",
        headers={REPLAYED_HEADER: "true"},
    )


@dataclass
class PendingKey:
    """A claimed key; `answer` is filled in by IdempotentRoute when the request has one."""

    user_id: int
    key: str
    answer: tuple[int, bytes] | None = None

    async def store(self, db: AsyncSession) -> None:
        if self.answer is None or not rules.is_stored(self.answer[0]):
            await repository.release(db, self.user_id, self.key)
        else:
            await repository.answer(db, self.user_id, self.key, *self.answer)


async def _idempotency_key(
    request: Request,
    principal: CurrentUser,
    db: DbSession,
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            pattern=rules.KEY_PATTERN,
            description="Optional. A unique value per operation (a UUID), 1 to 255 printable "
            "ASCII characters. A retry with the same key and body within 24 hours gets the "
            "first response again, with `Idempotent-Replayed: true`, and creates nothing; the "
            "same key with another body is a 409 `idempotency_key_reuse`, a retry while the "
            "first request runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 "
            "and 429 are not kept: a retry runs again.",
            examples=["5f0c9a9e-3b1e-4a8e-9c52-0d0f6f1f2b7a"],
        ),
    ] = None,
) -> None:
    if key is None:
        return
    request_hash = rules.request_fingerprint(request.method, request.url.path, await request.body())
    async with side_sessionmaker(request)() as side, side.begin():
        claimed = await repository.claim(side, principal.user_id, key, request_hash)
        stored = None if claimed else await repository.find(side, principal.user_id, key)
    if not claimed:
        replay = rules.replay_for(stored, request_hash)
        route = request.scope.get("route")
        record_after_rollback(
            db,
            origin_of(request),
            action=AuditAction.read,
            outcome=AuditOutcome.success,
            resource_type=AuditResource.idempotent_replay,
            resource_id=getattr(route, "operation_id", None) or request.url.path,
            patient_id=rules.patient_named_in(replay.body),
            actor_user_id=principal.user_id,
            actor_role=principal.role.value,
        )
        raise IdempotentReplay(replay)
    pending = PendingKey(principal.user_id, key)
    request.state.idempotency = pending
    on_success(db, pending.store)
    on_failure(db, pending.store)


# The last parameter of a creating POST (whose router uses IdempotentRoute): `_key: Idempotent`.
Idempotent = Annotated[None, Depends(_idempotency_key)]

# The response header, for the creating POSTs' OpenAPI declarations.
IDEMPOTENT_RESPONSE: dict[int | str, dict[str, Any]] = {
    201: {
        "headers": {
            REPLAYED_HEADER: {
                "description": "`true` when this is the stored response to an earlier request "
                "with the same Idempotency-Key",
                "schema": {"type": "string", "enum": ["true"]},
            }
        }
    }
}


class IdempotentRoute(APIRoute):
    """Notes each response (or client error) for the idempotency key its request claimed."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        calls = [dependency.call for dependency in self.dependant.dependencies]
        if _idempotency_key in calls and calls[-1] is not _idempotency_key:
            # Claimed before the role check, a key would replay a stored response to a caller
            # the route no longer admits.
            raise TypeError(f"{self.name}: `Idempotent` must be the route's last dependency")

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def noting_the_answer(request: Request) -> Response:
            try:
                response = await handler(request)
            except AppError as error:
                pending: PendingKey | None = getattr(request.state, "idempotency", None)
                if pending is not None:
                    rendered = JSONResponse(error.body(), status_code=error.status_code)
                    pending.answer = (error.status_code, bytes(rendered.body))
                raise
            pending = getattr(request.state, "idempotency", None)
            if pending is not None:
                pending.answer = (response.status_code, bytes(response.body))
            return response

        return noting_the_answer
