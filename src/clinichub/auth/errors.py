"""The errors of logging in and of tokens (the catalogue: see clinichub.errors.Catalogued)."""

from clinichub.errors import BadRequest, Catalogued, ErrorCode, TooManyRequests, Unauthorized

INVALID_CREDENTIALS = Catalogued(
    Unauthorized, ErrorCode.invalid_credentials, "Invalid email or password"
)
TOKEN_MISSING = Catalogued(Unauthorized, ErrorCode.token_missing, "Authorization token is missing")
# The web app's refresh without its cookie (web/session_cookie.py).
SESSION_COOKIE_MISSING = Catalogued(
    Unauthorized, ErrorCode.token_missing, "Session cookie is missing"
)
INVALID_TOKEN = Catalogued(Unauthorized, ErrorCode.invalid_token, "Invalid or expired token")
# A refresh token sent a second time: the session is ended (RFC 9700 section 4.14.2).
TOKEN_REUSED = Catalogued(Unauthorized, ErrorCode.token_reused, "Invalid or expired token")
# Each is raised with `retry_after`, the seconds until the counter's window ends.
TOO_MANY_ATTEMPTS = Catalogued(TooManyRequests, ErrorCode.rate_limited, "Too many login attempts")
TOO_MANY_PASSWORD_ATTEMPTS = Catalogued(
    TooManyRequests, ErrorCode.rate_limited, "Too many password attempts"
)
TOO_MANY_REFRESHES = Catalogued(TooManyRequests, ErrorCode.rate_limited, "Too many token refreshes")
INVALID_CURRENT_PASSWORD = Catalogued(
    BadRequest, ErrorCode.invalid_current_password, "Current password is incorrect"
)
