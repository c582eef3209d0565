"""The OpenAPI examples of logging in and of tokens: requests, answers and errors (from the
catalogue of auth.errors)."""

from clinichub.auth.errors import (
    INVALID_CREDENTIALS,
    INVALID_CURRENT_PASSWORD,
    INVALID_TOKEN,
    SESSION_COOKIE_MISSING,
    TOKEN_REUSED,
    TOO_MANY_ATTEMPTS,
    TOO_MANY_PASSWORD_ATTEMPTS,
    TOO_MANY_REFRESHES,
)
from clinichub.openapi_examples import ERROR_EXAMPLES, Examples, _named, _one

TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."

USER_SUMMARY = {
    "user_id": 1,
    "email": "admin@clinichub.com",
    "first_name": "Ada",
    "last_name": "Admin",
    "role": "admin",
}
_LOGIN = {
    "message": "Login successful",
    "access_token": TOKEN,
    "refresh_token": TOKEN,
    "token_type": "bearer",
    "expires_in": 900,
    "user": USER_SUMMARY,
}
_PROFILE = {"message": "Access granted", **USER_SUMMARY}
# The web app's sign-in: the refresh token is in the cookie, not here.
_SESSION = {key: value for key, value in _LOGIN.items() if key != "refresh_token"}

REQUEST_EXAMPLES: dict[str, Examples] = {
    "auth_login": _one("The demo admin", {"email": "admin@clinichub.com", "password": "admin123"}),
    "auth_token": _one(
        "The demo admin, as a form",
        {"grant_type": "password", "username": "admin@clinichub.com", "password": "admin123"},
    ),
    "auth_refresh": _one("The refresh token from logging in", {"refresh_token": TOKEN}),
    "auth_session_login": _one(
        "The demo admin", {"email": "admin@clinichub.com", "password": "admin123"}
    ),
    "auth_change_password": _one(
        "A new passphrase",
        {"current_password": "admin123", "new_password": "a much longer passphrase"},
    ),
}

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "auth_login": {"200": _one("Logged in", _LOGIN)},
    "auth_token": {"200": _one("Logged in", _LOGIN)},
    "auth_refresh": {
        "200": _one(
            "New tokens",
            {
                "message": "Token refreshed",
                "access_token": TOKEN,
                "refresh_token": TOKEN,
                "token_type": "bearer",
                "expires_in": 900,
            },
        )
    },
    "auth_logout": {"200": _one("Logged out", {"message": "Logged out successfully"})},
    "auth_session_login": {"200": _one("Signed in", _SESSION)},
    "auth_session_refresh": {
        "200": _one("Renewed", {**_SESSION, "message": "Session refreshed"}),
    },
    "auth_session_logout": {"200": _one("Signed out", {"message": "Logged out successfully"})},
    "auth_profile": {"200": _one("The demo admin", _PROFILE)},
    "auth_change_password": {"200": _one("Changed", {"message": "Password changed successfully"})},
    "auth_protected": {
        "200": _one("A valid token", {"message": "Access granted", "user_id": 1, "role": "admin"})
    },
}

_BAD_LOGIN = _named(
    "invalid_credentials",
    "Wrong email or password",
    INVALID_CREDENTIALS.example(),
)
_LOGIN_LIMIT = _named(
    "rate_limited",
    "Too many failed logins for the account or the address",
    TOO_MANY_ATTEMPTS.example(),
)

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "auth_login": {"401": _BAD_LOGIN, "429": _LOGIN_LIMIT},
    "auth_token": {"401": _BAD_LOGIN, "429": _LOGIN_LIMIT},
    "auth_refresh": {
        "429": _named(
            "rate_limited",
            "Too many refreshes of one session",
            TOO_MANY_REFRESHES.example(),
        ),
        "401": {
            **ERROR_EXAMPLES["401"],
            **_named(
                "token_reused",
                "A refresh token sent twice: the session is ended",
                TOKEN_REUSED.example(),
            ),
        },
    },
    "auth_session_login": {"401": _BAD_LOGIN, "429": _LOGIN_LIMIT},
    "auth_session_refresh": {
        "401": {
            **_named("token_missing", "No cookie", SESSION_COOKIE_MISSING.example()),
            **_named("invalid_token", "An invalid or expired cookie", INVALID_TOKEN.example()),
            **_named(
                "token_reused",
                "An old copy of the cookie: the session is ended",
                TOKEN_REUSED.example(),
            ),
        },
        "429": _named(
            "rate_limited",
            "Too many refreshes of one session",
            TOO_MANY_REFRESHES.example(),
        ),
    },
    "auth_change_password": {
        "400": _named(
            "invalid_current_password",
            "Wrong current password",
            INVALID_CURRENT_PASSWORD.example(),
        ),
        "429": _named(
            "rate_limited",
            "Too many wrong current passwords or failed logins: the session is ended",
            TOO_MANY_PASSWORD_ATTEMPTS.example(),
        ),
    },
}
