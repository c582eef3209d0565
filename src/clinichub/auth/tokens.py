"""JWT access and refresh tokens (HS256, RFC 7519), and how refresh tokens are stored."""

import hashlib
import re
import time
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
    expires_at: int  # `exp`: seconds since the epoch


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
        return Claims(
            user_id=_user_id(payload["sub"]),
            session_id=uuid.UUID(payload["sid"]),
            expires_at=int(payload["exp"]),
        )
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise InvalidToken(str(exc)) from exc


def _user_id(sub: object) -> int:
    if not isinstance(sub, str) or not _USER_ID.fullmatch(sub) or int(sub) > _MAX_USER_ID:
        raise InvalidToken("sub is not a user id")
    return int(sub)


class VerifiedAccessTokens:
    """Access tokens whose signature and claims were checked, kept for their remaining life and
    keyed by the token's digest, so that a client's every request does not check them again
    (the HMAC and PyJWT's key and claim checks cost more than the rest of the authentication's
    work in the process). Only what the token itself proves is kept: whether its session is live
    and what role its user has are read from the database on every request all the same.

    At most `capacity` tokens are kept (a token is 64 bytes of key and a few of claims); when
    full, the expired ones go, then the oldest.
    """

    def __init__(self, secret: str, capacity: int = 10_000) -> None:
        self._secret = secret
        self._capacity = capacity
        self._verified: dict[bytes, Claims] = {}

    def claims(self, token: str) -> Claims:
        """The token's claims; InvalidToken when it is not a valid, unexpired access token."""
        key = hashlib.sha256(token.encode()).digest()
        now = time.time()
        claims = self._verified.get(key)
        if claims is not None and now < claims.expires_at:
            return claims
        claims = decode_token(token, secret=self._secret, expected=TokenType.access)
        if len(self._verified) >= self._capacity:
            self._make_room(now)
        self._verified[key] = claims
        return claims

    def _make_room(self, now: float) -> None:
        self._verified = {k: c for k, c in self._verified.items() if now < c.expires_at}
        while len(self._verified) >= self._capacity:  # all live: the oldest go
            del self._verified[next(iter(self._verified))]


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
