"""uvicorn's httptools protocol, with the request head bounded as it arrives (the limits are in
`clinichub.header_limits`); `clinichub serve` runs it.

Unbounded, uvicorn holds a head whole before the app sees it: httptools grows a header's value
chunk after chunk until the value ends, and uvicorn keeps every header it is handed, so one
32 MiB header or 100,000 small ones are read, copied and stored before anything can refuse them.
Here the target and each field are counted as the parser reports them, and the bytes of a head
still arriving as they come in; once a limit is passed, the connection gets a 414 or 431 in the
`Error` body and is closed.

(uvicorn's h11 protocol is bounded already: h11 refuses a head over 16 KiB with a 400.)
"""

import asyncio
from typing import Any

import httptools
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from clinichub.errors import AppError
from clinichub.header_limits import HeadBudget, log_refusal, refusal

# After the refusal, what the client still sends is read and dropped for this long before the
# connection closes: closing with unread data would reset it, and the client could lose the
# answer (the "lingering close" of HTTP servers).
LINGER_SECONDS = 3.0


class _HeadRefused(Exception):
    """Raised in a parser callback to stop the parser; the refusal is already answered."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._budget = HeadBudget()
        # Whether the next byte belongs to a request head (true between requests too).
        self._in_head = True
        self._heads_completed = 0
        self._refused = False
        self._linger: asyncio.TimerHandle | None = None

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # lingering: dropped
        self._unset_keepalive_if_required()
        starts_in_head, heads_completed = self._in_head, self._heads_completed
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            if self._refused:  # a callback refused the head and stopped the parser
                return
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        if starts_in_head and self._in_head and self._heads_completed == heads_completed:
            # The head is still arriving, and all of this chunk belongs to it: count it now,
            # whether or not the parser has reported any of it yet.
            self._refuse_if(self._budget.add_raw(len(data)))

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._budget = HeadBudget()

    def on_url(self, url: bytes) -> None:
        self._stop_if(self._budget.add_target(len(url)))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._stop_if(self._budget.add_field(len(name), len(value)))
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._heads_completed += 1
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head = True

    def connection_lost(self, exc: Exception | None) -> None:
        if self._linger is not None:
            self._linger.cancel()
        super().connection_lost(exc)

    def _stop_if(self, error: AppError | None) -> None:
        if error is not None:
            self._refuse_if(error)
            raise _HeadRefused

    def _refuse_if(self, error: AppError | None) -> None:
        if error is None:
            return
        self._refused = True
        log_refusal(error)
        if self.cycle is not None and not self.cycle.response_complete:
            # An earlier request of this connection (pipelined) is still being answered: it is
            # the last, and the connection closes after it, with no room for our answer.
            self.cycle.keep_alive = False
            return
        self.transport.write(refusal(error, self.server_state.default_headers))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._linger = self.loop.call_later(LINGER_SECONDS, self.transport.close)
