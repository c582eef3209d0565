"""Rate-limit rules: pure functions of the counts that the repository returns.

A counter counts hits in a fixed window that starts with its first hit. Hits beyond the limit
are refused with 429 and `Retry-After` until the window ends (OWASP API4:2023).
"""

import hashlib
import hmac
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from clinichub.errors import Catalogued


@dataclass(frozen=True)
class Count:
    hits: int
    window_started_at: datetime
    # The database's clock when the hit was counted, so that no two clocks are compared.
    counted_at: datetime


def counter_key(scope: str, subject: str, secret: str) -> str:
    """The counter of `subject` (an email, an IP, a session id) in `scope`, keyed by an HMAC so
    that what people typed into the email field (sometimes their password) is never stored."""
    digest = hmac.new(secret.encode(), f"{scope}\0{subject}".encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()}"


# An IPv6 client typically holds a whole /64 (RFC 4291 2.5.4; SLAAC hands one to each link):
# counting its addresses one by one would give it 2**64 fresh counters.
IPV6_CLIENT_PREFIX = 64


def client_subject(ip: str | None) -> str:
    """What a per-client counter counts: an IPv4 address, an IPv6 client's /64, or `unknown`
    (no address, or one that is not an IP)."""
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, IPV6_CLIENT_PREFIX), strict=False))
    return str(address)


def seconds_until_reset(count: Count, window: timedelta) -> int:
    """Whole seconds until the window ends, at least 1 (the value of `Retry-After`)."""
    remaining = count.window_started_at + window - count.counted_at
    return max(1, math.ceil(remaining.total_seconds()))


def check_limit(count: Count, *, max_hits: int, window: timedelta, error: Catalogued) -> None:
    """`error` (a 429) with Retry-After when `count` is past `max_hits` in its window."""
    if count.hits > max_hits:
        raise error.error(retry_after=seconds_until_reset(count, window))
