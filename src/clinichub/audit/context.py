"""Recording audit events from a request, in the request's own transaction.

A handler records events as it goes; they are written when the request ends: with its work,
just before its commit, or, if it fails, with outcome `failure` after its work is rolled back.
An attempt is recorded whether or not it succeeded.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.repository import Origin, event_values, insert_events
from clinichub.db.session import Action, on_failure, on_success
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource

# Filters whose values are identifiers of staff or records, never patient data: a list event
# keeps their values. (`patient_id` has a column of its own.) Every other filter is named only:
# the name, email or birth date searched for is patient data.
IDENTIFIER_FILTERS = frozenset({"provider_user_id", "appointment_id"})
_RESOURCE_ID_LENGTH = 64


def list_filters(**filters: object) -> str | None:
    """The filters a list request used, as the resource id of its event: their names in order,
    `name=value` for identifiers (`patient_id,status,provider_user_id=7`); names only if that
    does not fit the column; None for an unfiltered list."""
    used = [(name, value) for name, value in filters.items() if value is not None]
    if not used:
        return None
    names = ",".join(name for name, _ in used)
    detailed = ",".join(
        f"{name}={value}" if name in IDENTIFIER_FILTERS and type(value) is int else name
        for name, value in used
    )
    return detailed if len(detailed) <= _RESOURCE_ID_LENGTH else names[:_RESOURCE_ID_LENGTH]


@dataclass
class PendingEvent:
    """An event of this request, written when the request ends; the handler may still fill in
    what it learns (the patient an appointment belongs to, the id of what it created)."""

    action: AuditAction
    resource_type: AuditResource
    resource_id: object = None
    patient_id: int | None = None


@dataclass
class Audit:
    db: AsyncSession
    origin: Origin
    actor_user_id: int | None
    actor_role: str | None
    _events: list[PendingEvent] = field(default_factory=list)
    _denied: bool = False

    def record(
        self,
        action: AuditAction,
        resource_type: AuditResource,
        resource_id: object = None,
        *,
        patient_id: int | None = None,
    ) -> PendingEvent:
        if not self._events:
            on_success(self.db, self._write(AuditOutcome.success))
            on_failure(self.db, self._write(AuditOutcome.failure))
        event = PendingEvent(action, resource_type, resource_id, patient_id)
        self._events.append(event)
        return event

    def record_many(
        self,
        action: AuditAction,
        resource_type: AuditResource,
        items: Iterable[tuple[object, int | None]],
    ) -> None:
        """One event per (resource_id, patient_id): a list read is findable for each patient."""
        for resource_id, patient_id in items:
            self.record(action, resource_type, resource_id, patient_id=patient_id)

    def record_list(
        self, resource_type: AuditResource, *, patient_id: int | None = None, **filters: object
    ) -> PendingEvent:
        """One event for a list or search request itself (`patient_list`), besides the read of
        each row it returns: recorded before the query runs, so a search that finds nothing, or a
        page past the end, still leaves a trace. See `list_filters` for what it says about the
        filters."""
        return self.record(
            AuditAction.read,
            resource_type,
            list_filters(patient_id=patient_id, **filters),
            patient_id=patient_id,
        )

    def record_changes(self, event: PendingEvent, fields: Iterable[str]) -> None:
        """Names the fields a change of `event`'s resource touches: one event per field, of
        resource type `<type>.<field>` (`user.role`, `cpt_code.price_cents`), so that the trail
        answers "who changed roles?" with one filter. Field names only, never their values.
        Without fields, `event` stays as it is. Each `<type>.<field>` is an AuditResource."""
        base = event.resource_type
        for index, name in enumerate(fields):
            resource_type = AuditResource(f"{base}.{name}")
            if index == 0:
                event.resource_type = resource_type
            else:
                self.record(
                    event.action, resource_type, event.resource_id, patient_id=event.patient_id
                )

    def deny(self) -> None:
        """The caller may not do what was recorded (a check that needs the record itself, such
        as authorship): the events are written as `access_denied` instead of failures."""
        self._denied = True

    def _write(self, outcome: AuditOutcome) -> Action:
        async def write(db: AsyncSession) -> None:
            denied = self._denied and outcome == AuditOutcome.failure
            await insert_events(
                db,
                [
                    event_values(
                        self.origin,
                        outcome=AuditOutcome.denied if denied else outcome,
                        action=AuditAction.access_denied if denied else event.action,
                        resource_type=event.resource_type,
                        resource_id=event.resource_id,
                        patient_id=event.patient_id,
                        actor_user_id=self.actor_user_id,
                        actor_role=self.actor_role,
                    )
                    for event in self._events
                ],
            )

        return write


def record_after_rollback(
    db: AsyncSession,
    origin: Origin,
    *,
    action: AuditAction,
    outcome: AuditOutcome,
    resource_type: AuditResource,
    resource_id: object,
    actor_user_id: int,
    actor_role: str,
    patient_id: int | None = None,
) -> None:
    """Record one event on its own, written after the request's work is rolled back: a request
    refused for the caller's role, or a retry answered with a stored response."""
    values = event_values(
        origin,
        action=action,
        outcome=outcome,
        resource_type=resource_type,
        resource_id=None if resource_id is None else str(resource_id)[:_RESOURCE_ID_LENGTH],
        patient_id=patient_id,
        actor_user_id=actor_user_id,
        actor_role=actor_role,
    )

    async def write(db: AsyncSession) -> None:
        await insert_events(db, [values])

    on_failure(db, write)
