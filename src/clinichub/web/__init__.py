"""The web layer: what FastAPI injects into routes, and the idempotency machinery of routes.
Nothing below the routers imports FastAPI or Starlette; this package is where they meet."""
