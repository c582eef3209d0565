"""Password hashing with bcrypt (via pwdlib), off the event loop.

bcrypt reads at most 72 bytes of a password, so longer ones are refused when set rather than
silently truncated (NIST SP 800-63B asks that the whole secret be verified).
"""

from functools import cache

import anyio.to_thread
from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_BYTES = 72

_hasher = PasswordHash((BcryptHasher(),))


def password_problem(password: str) -> str | None:
    """Why a new password is unacceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Password must be at least {MIN_PASSWORD_LENGTH} characters long"
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        return f"Password must be at most {MAX_PASSWORD_BYTES} bytes long (UTF-8)"
    return None


async def hash_password(password: str) -> str:
    return await anyio.to_thread.run_sync(_hasher.hash, password)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("a password nobody has")


def _verify(password: str, password_hash: str | None) -> bool:
    # Unknown users and over-long passwords still cost one bcrypt verification, so the response
    # time does not tell whether an account exists.
    if password_hash is None or len(password.encode()) > MAX_PASSWORD_BYTES:
        _hasher.verify("not the password", _dummy_hash())
        return False
    return _hasher.verify(password, password_hash)


async def verify_password(password: str, password_hash: str | None) -> bool:
    return await anyio.to_thread.run_sync(_verify, password, password_hash)
