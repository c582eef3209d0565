# Multi-stage build: the staff web app is built with Node.js and the Python dependencies are
# installed in builders; the runtime image holds only the virtual environment, the app's static
# files, the migrations and an unprivileged user.
FROM node:22-slim AS web
WORKDIR /build
COPY clients/typescript/schema.d.ts /build/clients/typescript/schema.d.ts
COPY web/package.json web/package-lock.json /build/web/
RUN cd web && npm ci --no-audit --no-fund
COPY web /build/web
RUN cd web && npm run build

FROM python:3.12-slim AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY pyproject.toml README.md /src/
COPY src /src/src
RUN /opt/venv/bin/pip install /src

FROM python:3.12-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
RUN useradd --system --uid 10001 --home-dir /app clinichub
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY alembic.ini /app/alembic.ini
COPY alembic /app/alembic
COPY --from=web /build/web/dist /app/web
ENV CLINICHUB_WEB_DIST=/app/web
USER clinichub
# The load balancer's addresses or subnet (comma-separated, CIDR ranges allowed): only on its
# connections is X-Forwarded-For believed as the client's address, for the audit trail and the
# login limits. Empty: the connection's own address. Behind a load balancer, for example:
#   docker run -e CLINICHUB_TRUSTED_PROXIES=10.0.1.0/24 ...
ENV CLINICHUB_TRUSTED_PROXIES=""
EXPOSE 8000
# CLINICHUB_DATABASE_URL, CLINICHUB_SECRET_KEY and CLINICHUB_AUDIT_KEY come from the environment,
# with CLINICHUB_MIGRATION_DATABASE_URL (the owner) where the service's login holds only the
# clinichub_runtime role. `serve` migrates to head first, then serves.
CMD ["clinichub", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
