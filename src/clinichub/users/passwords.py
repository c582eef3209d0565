"""Password hashing with bcrypt (via pwdlib), off the event loop, and the policy for new ones.

bcrypt reads at most 72 bytes of a password, so longer ones are refused when set rather than
silently truncated (NIST SP 800-63B asks that the whole secret be verified).
"""

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib.resources import files
from typing import TypeVar

from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher

from clinichub.errors import BadRequest

MAX_PASSWORD_BYTES = 72

T = TypeVar("T")

_hasher = PasswordHash((BcryptHasher(),))


@cache
def common_passwords() -> frozenset[str]:
    """The 10,000 most common passwords, lower-cased, read once.

    The first 10,000 lines of Django's `common-passwords.txt.gz` (BSD licence): Royce Williams'
    list of the 20,000 most common passwords in breach corpora, most common first.
    """
    text = files("clinichub.users").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line)


def password_problem(password: str, *, email: str, min_length: int) -> str | None:
    """Why a new password is unacceptable, or None.

    NIST SP 800-63B 5.1.1.2: a minimum length, no composition rules, and a check against
    passwords known to be common and against context-specific words (here the account's email
    and its local part). Compared without case: `Password1` is as common as `password1`.
    """
    if len(password) < min_length:
        return f"Password must be at least {min_length} characters long"
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        return f"Password must be at most {MAX_PASSWORD_BYTES} bytes long (UTF-8)"
    folded = password.lower()
    if folded in common_passwords():
        return "Password is too common: it is on a list of the most used passwords"
    if folded in {email.lower(), email.lower().partition("@")[0]}:
        return "Password must not be the email address"
    return None


def check_new_password(password: str, *, email: str, min_length: int, field: str) -> None:
    """A 400 naming `field` when `password` breaks the policy of password_problem."""
    problem = password_problem(password, email=email, min_length=min_length)
    if problem:
        raise BadRequest(problem, details=[{"field": field, "message": problem}])


# bcrypt is slow by design. It runs in threads of its own, fewer than the cores, so that a burst
# of logins queues here and always leaves the event loop a core: logins never stall other
# requests (with one core, hashes run one at a time beside the loop).
_bcrypt_threads = ThreadPoolExecutor(
    max_workers=max(1, (os.cpu_count() or 1) - 1), thread_name_prefix="bcrypt"
)


async def _in_bcrypt_thread(work: Callable[..., T], *args: object) -> T:
    return await asyncio.get_running_loop().run_in_executor(_bcrypt_threads, work, *args)


async def hash_password(password: str) -> str:
    return await _in_bcrypt_thread(_hasher.hash, password)


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
    return await _in_bcrypt_thread(_verify, password, password_hash)
