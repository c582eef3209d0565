"""Structured logs: one JSON object per line, each with the request id of the request it belongs
to, and one access line per request.

Log collectors parse JSON lines without per-service rules, and the request id ties a client's
report (the `X-Request-ID` header) to every line its request wrote.
"""

import json
import logging
import time
import traceback
from datetime import UTC, datetime
from typing import Any

from starlette.types import Scope

from clinichub.request_id import current_request_id

access_logger = logging.getLogger("clinichub.access")

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged.
_STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# uvicorn adds a copy of its messages with terminal colours.
_IGNORED_EXTRAS = frozenset({"color_message"})


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and key not in _IGNORED_EXTRAS:
                entry.setdefault(key, value)
        if record.exc_info and record.exc_info[1] is not None:
            entry["exception"] = redacted_traceback(record.exc_info[1])
        return json.dumps(entry, default=str, ensure_ascii=False)


def redacted_traceback(exc: BaseException) -> str:
    """The stack of an exception and of its causes, with each exception's type and SQLSTATE but
    not its message: messages quote values (the driver's "invalid input syntax for type date:
    <the value>", a unique key's DETAIL), and a value a client sent can be patient data."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts = []
    for link in reversed(chain):  # the root cause first, as Python prints them
        kind = type(link)
        sqlstate = getattr(link, "sqlstate", None) or getattr(
            getattr(link, "orig", None), "sqlstate", None
        )
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(link.__traceback__))
            + f"{kind.__module__}.{kind.__qualname__}"
            + (f" (SQLSTATE {sqlstate})" if sqlstate else "")
            + " [message withheld: it may quote client data]"
        )
    return "\n\nThe above led to:\n\n".join(parts)


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """The `logging.config.dictConfig` of a server process (uvicorn applies it in each worker):
    everything as JSON lines on standard output, uvicorn's own access log off (the middleware
    service writes one without the query string: `log_access`)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"handlers": ["stdout"], "level": "WARNING"},
        "loggers": {
            "clinichub": {"level": level},
            "uvicorn": {"level": level},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"level": "WARNING", "propagate": False},
            # Python warnings, as log lines rather than free text on standard error.
            "py.warnings": {"level": "WARNING"},
        },
    }


def log_access(scope: Scope, status: int, started: float) -> None:
    """The access line of a request: method, path, status, duration. The query string is left
    out on purpose: it can carry patient data (`?search=` a name, `?dob=`, `?email=`)."""
    if not access_logger.isEnabledFor(logging.INFO):
        return
    method, path = scope["method"], scope["path"]
    access_logger.info(
        "%s %s %d",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        },
    )
