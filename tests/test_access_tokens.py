"""Verified access tokens are kept for their remaining life, keyed by their digest: the
signature and claims are checked once per token, and what the cache answers is exactly what a
fresh check would."""

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from clinichub.auth import tokens
from clinichub.auth.tokens import InvalidToken, TokenType, VerifiedAccessTokens, encode_token

SECRET = "a test secret of more than thirty-two bytes, 0123456789"


def token(
    *, lifetime: timedelta = timedelta(minutes=15), kind: TokenType = TokenType.access
) -> str:
    return encode_token(
        token_type=kind,
        user_id=7,
        session_id=uuid.uuid4(),
        secret=SECRET,
        now=datetime.now(UTC),
        lifetime=lifetime,
    )


def count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    decoded: list[str] = []
    decode = tokens.decode_token

    def counting(token: str, **kwargs: object) -> tokens.Claims:
        decoded.append(token)
        return decode(token, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tokens, "decode_token", counting)
    return decoded


def test_a_token_is_checked_once_and_answered_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded = count_decodes(monkeypatch)
    verified = VerifiedAccessTokens(SECRET)
    access = token()
    first, second = verified.claims(access), verified.claims(access)
    assert first == second and first.user_id == 7
    assert decoded == [access]


def test_an_expired_token_is_refused_though_it_was_verified() -> None:
    verified = VerifiedAccessTokens(SECRET)
    access = token(lifetime=timedelta(seconds=1))
    claims = verified.claims(access)
    time.sleep(max(0.0, claims.expires_at - time.time()) + 0.05)
    with pytest.raises(InvalidToken):
        verified.claims(access)


@pytest.mark.parametrize(
    "forge",
    [
        lambda good: good[:-2] + ("AA" if not good.endswith("AA") else "BB"),  # signature
        lambda good: token(kind=TokenType.refresh),  # a refresh token
        lambda good: "not a token",
    ],
    ids=["tampered", "refresh", "garbage"],
)
def test_invalid_tokens_are_never_kept(forge: object) -> None:
    verified = VerifiedAccessTokens(SECRET)
    good = token()
    verified.claims(good)
    bad = forge(good)  # type: ignore[operator]
    for _ in range(2):  # refused again, not answered from the cache
        with pytest.raises(InvalidToken):
            verified.claims(bad)


def test_a_full_cache_drops_expired_tokens_then_the_oldest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decoded = count_decodes(monkeypatch)
    verified = VerifiedAccessTokens(SECRET, capacity=3)
    short, older, old = token(lifetime=timedelta(seconds=5)), token(), token()
    for access in (short, older, old):
        verified.claims(access)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 10)  # `short` has expired
    newer, newest = token(), token()
    verified.claims(newer)  # room made by dropping `short` only
    verified.claims(older)
    assert decoded.count(older) == 1
    verified.claims(newest)  # full of live tokens: `older`, the first kept, goes
    verified.claims(old)
    verified.claims(older)
    assert decoded.count(old) == 1 and decoded.count(older) == 2
