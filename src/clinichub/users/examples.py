"""The OpenAPI examples of staff accounts: requests, answers and errors (from the catalogue of
users.errors)."""

from clinichub.errors import ErrorCode
from clinichub.openapi_examples import (
    CREATED_AT,
    EMAIL_EXISTS_EXAMPLES,
    ERROR_EXAMPLES,
    PAGE_1,
    Examples,
    _error,
    _named,
    _one,
)
from clinichub.users.errors import LAST_ADMIN

USER = {
    "user_id": 2,
    "email": "doctor@clinichub.com",
    "first_name": "Gregory",
    "last_name": "Santos",
    "phone": "7871234567",
    "role": "doctor",
    "is_active": True,
    "version": 1,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}

REQUEST_EXAMPLES: dict[str, Examples] = {
    "users_create": _one(
        "A doctor",
        {
            "email": "dr.rivera@clinichub.com",
            "password": "a long passphrase",
            "first_name": "Ana",
            "last_name": "Rivera",
            "role": "doctor",
            "phone": "7871234567",
        },
    ),
    "users_update": {
        **_named("deactivate", "Deactivate a user (ends their sessions)", {"is_active": False}),
        **_named("role", "Change a role", {"role": "nurse"}),
    },
}

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "users_create": {
        "201": _one("Created", {"message": "User created successfully", "user": USER})
    },
    "users_list": {"200": _one("One user", {"users": [USER], "pagination": PAGE_1})},
    "users_get": {"200": _one("A doctor", USER)},
    "users_update": {
        "200": _one(
            "Updated",
            {
                "message": "User updated successfully",
                "user": {**USER, "is_active": False, "version": 2},
            },
        )
    },
}

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "users_create": {
        "400": {
            **ERROR_EXAMPLES["400"],
            **_named(
                "duplicate_key",
                "A JSON object names a key twice (refused in every body)",
                _error(
                    "A JSON object names the same key twice",
                    ErrorCode.duplicate_key,
                    details=[{"field": "role", "message": "duplicate key"}],
                ),
            ),
            **_named(
                "hidden_character",
                "A name or free text with a bidirectional override (refused in every text field)",
                _error(
                    "Invalid value for first_name: must not contain invisible or bidirectional "
                    "control characters (U+202E)",
                    ErrorCode.invalid_request,
                    details=[
                        {
                            "field": "first_name",
                            "message": "must not contain invisible or bidirectional control "
                            "characters (U+202E)",
                        }
                    ],
                ),
            ),
        },
        "409": EMAIL_EXISTS_EXAMPLES,
    },
    "users_update": {
        "409": _named(
            "last_admin",
            "The last active admin",
            LAST_ADMIN.example(),
        )
    },
}
