"""JWT access and refresh tokens (HS256, RFC 7519), and how refresh tokens are stored."""

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import jwt

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "jti", "type", "sid"]
# A user id is a PostgreSQL bigint written in plain decimal: a validly signed token whose `sub` is
# anything else (beyond 64 bits, signed, with underscores or spaces) is invalid, never a 500.
_USER_ID = re.compile(r"[1-9][0-9]{0,18}")
_MAX_USER_ID = 2**63 - 1


class TokenType(StrEnum):
    access = "access"
    refresh = "refresh"


class InvalidToken(Exception):
    """Malformed, tampered, expired, or of the wrong type."""


@dataclass(frozen=True)
class Claims:
    user_id: int
    session_id: uuid.UUID


def encode_token(
    *,
    token_type: TokenType,
    user_id: int,
    session_id: uuid.UUID,
    secret: str,
    now: datetime,
    lifetime: timedelta,
    role: str | None = None,
) -> str:
    payload: dict[str, object] = {
        "sub": str(user_id),
        "type": token_type.value,
        "sid": str(session_id),
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }
    if role is not None:
        payload["role"] = role
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def decode_token(token: str, *, secret: str, expected: TokenType) -> Claims:
    try:
        payload = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": REQUIRED_CLAIMS}
        )
        if payload["type"] != expected.value:
            raise InvalidToken("wrong token type")
        return Claims(user_id=_user_id(payload["sub"]), session_id=uuid.UUID(payload["sid"]))
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise InvalidToken(str(exc)) from exc


def _user_id(sub: object) -> int:
    if not isinstance(sub, str) or not _USER_ID.fullmatch(sub) or int(sub) > _MAX_USER_ID:
        raise InvalidToken("sub is not a user id")
    return int(sub)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
