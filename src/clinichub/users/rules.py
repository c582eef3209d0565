"""Rules of staff accounts: pure decisions."""

from collections.abc import Mapping

from clinichub.vocabulary import Role


def loses_admin(*, role: Role, is_active: bool, changes: Mapping[str, object]) -> bool:
    """Whether `changes` take an active admin's rights away (a demotion or a deactivation)."""
    return (
        role == Role.admin
        and is_active
        and (
            changes.get("role", Role.admin) != Role.admin or changes.get("is_active", True) is False
        )
    )


def is_last_admin(user_id: int, active_admins: list[int]) -> bool:
    """The last active admin stays (someone must still manage the accounts): true when
    `user_id` is the only one of `active_admins`."""
    return active_admins == [user_id]
