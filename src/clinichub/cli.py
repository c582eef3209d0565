"""The `clinichub` command: serve, migrate, create-user, seed-demo, openapi."""

import argparse
import asyncio
import getpass
import json
import logging
import logging.config
import os
import secrets
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from alembic.config import Config
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from alembic import command
from clinichub.config import ConfigurationError, Settings
from clinichub.db.embedded import with_embedded_database
from clinichub.db.session import create_engine, create_sessionmaker
from clinichub.errors import AppError
from clinichub.logs import logging_config

T = TypeVar("T")

logger = logging.getLogger("clinichub")


def alembic_config(database_url: str) -> Config:
    """Alembic's configuration, from the source tree or, in an installed image, the working dir."""
    candidates = [Path(__file__).resolve().parents[2] / "alembic.ini", Path.cwd() / "alembic.ini"]
    ini = next((path for path in candidates if path.exists()), None)
    if ini is None:
        raise ConfigurationError("alembic.ini not found")
    config = Config(str(ini))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logging"] = False
    return config


def migrate(settings: Settings) -> None:
    """Upgrade to head as the migration login (CLINICHUB_MIGRATION_DATABASE_URL), else as the
    service's own."""
    command.upgrade(alembic_config(settings.async_migration_database_url), "head")


def _with_database(
    settings: Settings, work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]
) -> T:
    async def run() -> T:
        engine = create_engine(settings)
        try:
            return await work(create_sessionmaker(engine))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    from clinichub.http_protocol import BoundedHttpToolsProtocol

    log_config = logging_config()
    logging.config.dictConfig(log_config)
    logging.captureWarnings(True)
    migrate(settings)
    if args.demo:
        _seed_demo(settings)
        logger.info("Demo data loaded")
    warn_unbillable_default_code(settings)
    # Worker processes build their app from the environment: hand them the resolved database
    # and key, so that they attach to the same (possibly embedded) database.
    assert settings.database_url is not None
    os.environ["CLINICHUB_DATABASE_URL"] = settings.database_url
    os.environ["CLINICHUB_SECRET_KEY"] = settings.require_secret()
    os.environ["CLINICHUB_AUDIT_KEY"] = settings.require_audit_key().decode()
    logger.info("ClinicHub API docs: http://%s:%d/docs", args.host, args.port)
    uvicorn.run(
        "clinichub.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # httptools, refusing a request head over the limits as it arrives (header_limits).
        http=BoundedHttpToolsProtocol,
        # The app reads X-Forwarded-For from CLINICHUB_TRUSTED_PROXIES only; uvicorn's own
        # default would believe it from 127.0.0.1 (any proxy on the host, passing it on).
        proxy_headers=False,
        log_config=log_config,
        # Our middleware logs each request, without the query string (it can hold patient data).
        access_log=False,
        # On SIGTERM: stop accepting, let requests in flight finish for up to this long.
        timeout_graceful_shutdown=args.graceful_timeout,
    )


def warn_unbillable_default_code(settings: Settings) -> None:
    """Completing a visit without a code of its own bills the default code: when it is missing
    from the catalogue or inactive, those completions are refused (409 cpt_code_inactive)."""
    from clinichub.billing.repository import get_cpt_code

    code = settings.default_cpt_code

    async def is_active(maker: async_sessionmaker[AsyncSession]) -> bool | None:
        async with maker() as db:
            cpt_code = await get_cpt_code(db, code)
            return None if cpt_code is None else cpt_code.is_active

    state = _with_database(settings, is_active)
    if state is None:
        logger.warning(
            "CLINICHUB_DEFAULT_CPT_CODE %s is not in the CPT catalogue: visits completed "
            "without a code of their own will be refused",
            code,
        )
    elif not state:
        logger.warning(
            "CLINICHUB_DEFAULT_CPT_CODE %s is inactive in the CPT catalogue: visits completed "
            "without a code of their own will be refused",
            code,
        )


def _seed_demo(settings: Settings) -> None:
    from clinichub.demo import seed_demo

    _with_database(
        settings,
        lambda maker: seed_demo(maker, settings.timezone, settings.telehealth_base_url),
    )


def _create_user(settings: Settings, args: argparse.Namespace) -> None:
    from clinichub.users.schemas import UserCreate
    from clinichub.users.service import create_user

    password = args.password or os.environ.get("CLINICHUB_NEW_USER_PASSWORD")
    if not password:
        password = getpass.getpass("Password for the new user: ")
    body = UserCreate(
        email=args.email,
        password=password,
        first_name=args.first_name,
        last_name=args.last_name,
        role=args.role,
        phone=args.phone,
    )

    async def create(maker: async_sessionmaker[AsyncSession]) -> int:
        async with maker() as db, db.begin():
            user = await create_user(db, body, password_min_length=settings.password_min_length)
            return user.user_id

    print(_with_database(settings, create))


def _openapi(args: argparse.Namespace) -> None:
    from clinichub.app import create_app

    # The document does not depend on the database; no connection is made.
    app = create_app(
        Settings(
            database_url="postgresql://localhost/openapi",
            secret_key=secrets.token_urlsafe(48),
            audit_key=secrets.token_urlsafe(48),
        )
    )
    text = json.dumps(app.openapi(), indent=2, sort_keys=False) + "\n"
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clinichub", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate to head, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--demo", action="store_true", help="load the demo data first")
    serve.add_argument(
        "--graceful-timeout",
        type=float,
        default=20,
        help="seconds that requests in flight get to finish on SIGTERM (default 20)",
    )

    sub.add_parser("migrate", help="upgrade the database schema to the latest revision")
    sub.add_parser("seed-demo", help="load the demo staff and data (idempotent)")

    user = sub.add_parser("create-user", help="create a staff user; prints its user_id")
    user.add_argument("--email", required=True)
    user.add_argument("--role", required=True)
    user.add_argument("--first-name", required=True)
    user.add_argument("--last-name", required=True)
    user.add_argument("--phone")
    user.add_argument("--password", help="else CLINICHUB_NEW_USER_PASSWORD, else a prompt")

    openapi = sub.add_parser("openapi", help="write the OpenAPI document as JSON")
    openapi.add_argument("--output", help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    try:
        if args.command == "openapi":
            _openapi(args)
            return
        settings = with_embedded_database(Settings())
        if args.command == "serve":
            _serve(settings, args)
        elif args.command == "migrate":
            migrate(settings)
        elif args.command == "seed-demo":
            _seed_demo(settings)
            print("Demo data loaded")
        elif args.command == "create-user":
            _create_user(settings, args)
    except ValidationError as exc:
        messages = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg']}" for e in exc.errors()
        )
        sys.exit(f"error: {messages}")
    except (AppError, ConfigurationError) as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
