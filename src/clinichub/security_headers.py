"""Security headers on every response (OWASP Secure Headers; OWASP API8:2023).

- `X-Content-Type-Options: nosniff`: a browser never second-guesses a JSON response as a page.
- `Referrer-Policy: no-referrer`: URLs, which hold ids, never leak to other sites.
- `Cache-Control: no-store` on everything under /api: responses hold patient data and tokens
  (RFC 6749 5.1), and no browser or proxy cache may keep them.
- A Content-Security-Policy: the API's JSON needs nothing, so `default-src 'none'`; the docs
  pages (Swagger UI, ReDoc) need their scripts, styles and workers, served by the service itself,
  including the inline script that starts each of them. They show only the OpenAPI document, no
  user data.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from clinichub.asgi import HttpMiddleware

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_CSP = (
    "default-src 'self'; "
    "script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; "
    "font-src 'self' data: https://fonts.gstatic.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "worker-src 'self' blob:; "
    "connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
DOCS_PREFIXES = ("/docs", "/redoc")

# What every API response carries, also those answered outside this middleware (the 500s).
API_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": API_CSP,
    "Cache-Control": "no-store",
}


def headers_for(path: str) -> dict[str, str]:
    if path.startswith(DOCS_PREFIXES):
        return {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": DOCS_CSP,
        }
    if path.startswith("/api"):
        return API_HEADERS
    return {key: value for key, value in API_HEADERS.items() if key != "Cache-Control"}


class SecurityHeadersMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        extra = headers_for(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
