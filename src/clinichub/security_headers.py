"""Security headers on every response (OWASP Secure Headers; OWASP API8:2023).

- `X-Content-Type-Options: nosniff`: a browser never second-guesses a JSON response as a page.
- `Referrer-Policy: no-referrer`: URLs, which hold ids, never leak to other sites.
- `Cache-Control: no-store` on everything under /api: responses hold patient data and tokens
  (RFC 6749 5.1), and no browser or proxy cache may keep them.
- A Content-Security-Policy: the API's JSON needs nothing, so `default-src 'none'`; the docs
  pages (Swagger UI, ReDoc) need their scripts, styles and workers, served by the service itself,
  including the inline script that starts each of them. They show only the OpenAPI document, no
  user data.
- A document's bytes (`/api/documents/{id}/content` and `/thumbnail`): the API's policy plus
  `sandbox`, so that a file opened in a browser (an HTML page disguised as an image, a PDF
  viewer's scripts) runs as an origin of its own, with no scripts, forms or access to the
  service's cookies and storage.
- The staff web app's pages (webapp.py): scripts and styles from the service only, no CDN and no
  inline script; the `<style>` tags its component library injects carry the nonce of the page,
  fresh for every response; images and fonts may also be `data:` (and images `blob:`, for
  previews); the app talks to this service only.
"""

import re

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
DOCUMENT_CSP = f"{API_CSP}; sandbox"
_DOCUMENT_BYTES = re.compile(r"/api/documents/[^/]+/(content|thumbnail)")
DOCS_PREFIXES = ("/docs", "/redoc")
# The key of the request's state under which a page puts the nonce its HTML carries.
NONCE_STATE = "csp_nonce"


def app_csp(nonce: str) -> str:
    """The staff web app's policy, for a page whose `<style>` tags carry `nonce`."""
    return (
        "default-src 'self'; "
        "script-src 'self'; "
        f"style-src 'self' 'nonce-{nonce}'; "
        "img-src 'self' data: blob:; "
        "font-src 'self' data:; "
        "connect-src 'self'; "
        "object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )


# What every API response carries, also those answered outside this middleware (the 500s).
API_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": API_CSP,
    "Cache-Control": "no-store",
}


def headers_for(path: str, nonce: str | None = None) -> dict[str, str]:
    """The headers of a response to `path`; `nonce` is that of a web app page."""
    if nonce is not None and not path.startswith("/api"):
        return {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": app_csp(nonce),
        }
    if path.startswith(DOCS_PREFIXES):
        return {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": DOCS_CSP,
        }
    if _DOCUMENT_BYTES.fullmatch(path):
        return API_HEADERS | {"Content-Security-Policy": DOCUMENT_CSP}
    if path.startswith("/api"):
        return API_HEADERS
    return {key: value for key, value in API_HEADERS.items() if key != "Cache-Control"}
