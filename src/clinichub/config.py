"""Settings: one object, from `CLINICHUB_*` environment variables and an optional `.env` file."""

import ipaddress
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from clinichub.vocabulary import DocumentStoreKind

# The least that CLINICHUB_PASSWORD_MIN_LENGTH may be: no deployment takes a shorter password.
SHORTEST_PASSWORD_MIN_LENGTH = 8

# Secrets that appear in documentation and examples; a server must never run with one of them.
PLACEHOLDER_SECRETS = frozenset(
    {
        "change-me",
        "changeme",
        "secret",
        "your-secret-key",
        "change-me-to-a-long-random-string-of-at-least-32-bytes",
    }
)
MIN_SECRET_BYTES = 32
# A key of 32 bytes with only a few distinct characters ("a" * 32) has almost no entropy.
MIN_SECRET_DISTINCT_CHARACTERS = 10
# The staff web app's build in a checkout of the repository (`make web` writes it).
DEFAULT_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


class ConfigurationError(Exception):
    """The configuration is unsafe or unusable; the service refuses to start."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CLINICHUB_", env_file=".env", extra="ignore", frozen=True
    )

    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("CLINICHUB_DATABASE_URL", "DATABASE_URL")
    )
    # The login that owns the schema, for `clinichub migrate` (and `serve`'s migration); the
    # service itself should connect as a login holding only the `clinichub_runtime` role.
    migration_database_url: str | None = None
    secret_key: SecretStr | None = None
    # The HMAC key of the audit trail's seals; kept out of the database, so that someone who can
    # write to it cannot re-seal what they changed.
    audit_key: SecretStr | None = None
    access_token_minutes: int = Field(default=15, ge=1)
    refresh_token_days: int = Field(default=7, ge=1)
    clinic_timezone: str = "UTC"
    # The procedure billed when a completed appointment names none (office visit, established).
    default_cpt_code: str = Field(default="99213", pattern=r"^[0-9]{4}[0-9A-Z]$")
    data_dir: Path = Path(".clinichub")
    cors_origins: Annotated[list[str], NoDecode] = []
    db_pool_size: int = Field(default=10, ge=1)
    # Prepared statements kept per database connection (asyncpg's cache and SQLAlchemy's).
    # 0 behind PgBouncer in transaction mode, where a connection's next transaction may run on
    # another server connection: statements are then neither cached nor shared by name.
    db_statement_cache_size: int = Field(default=100, ge=0)
    # Every statement of a request is cancelled after this long (PostgreSQL statement_timeout).
    db_statement_timeout_ms: int = Field(default=30_000, ge=100)
    # Seconds between audit sealing rounds (0 turns the job off), and the age an event must reach
    # before it is sealed; the age must exceed any request transaction's duration.
    # Where telehealth visits meet: each visit gets an unguessable room under this address.
    telehealth_base_url: str = "https://meet.jit.si"
    audit_seal_interval_seconds: float = Field(default=10, ge=0)
    audit_seal_grace_seconds: int = Field(default=60, ge=0)
    # Brute force (NIST SP 800-63B 5.2.2, OWASP API4:2023): failed logins per account and per
    # client IP in a window, and refreshes per session.
    login_max_failures: int = Field(default=10, ge=1)
    login_ip_max_failures: int = Field(default=100, ge=1)
    # Failed logins for one account over every client address (NIST SP 800-63B 5.2.2: 100).
    login_account_max_failures: int = Field(default=100, ge=1)
    login_window_seconds: int = Field(default=900, ge=1)
    refresh_max_per_minute: int = Field(default=30, ge=1)
    # NIST SP 800-63B 5.1.1.2: at least 8; 15 where the password is the only factor.
    password_min_length: int = Field(
        default=SHORTEST_PASSWORD_MIN_LENGTH, ge=SHORTEST_PASSWORD_MIN_LENGTH, le=64
    )
    # Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default.
    trusted_proxies: Annotated[list[str], NoDecode] = []
    # The staff web app's build (index.html and assets/), served at `/`.
    web_dist: Path = DEFAULT_WEB_DIST
    # Patients' documents: the largest file taken (10 MiB), and where their bytes are kept:
    # PostgreSQL (a table of its own, backed up with the database) or an S3-compatible store.
    document_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024, le=100 * 1024 * 1024)
    document_store: DocumentStoreKind = DocumentStoreKind.postgres
    s3_bucket: str | None = None
    s3_prefix: str = "documents/"
    s3_endpoint_url: str | None = None  # None: AWS; else MinIO, Ceph, R2, ...
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = None  # None: the default AWS credential chain
    s3_secret_access_key: SecretStr | None = None

    @field_validator("clinic_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone: {value!r}") from exc
        return value

    @field_validator("cors_origins", "trusted_proxies", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(f"not an IP address or CIDR range: {item!r}") from exc
        return value

    @model_validator(mode="after")
    def _s3_needs_a_bucket(self) -> "Settings":
        if self.document_store is DocumentStoreKind.s3 and not self.s3_bucket:
            raise ValueError("CLINICHUB_DOCUMENT_STORE=s3 needs CLINICHUB_S3_BUCKET")
        return self

    @property
    def trusted_networks(self) -> list[str]:
        """The trusted proxies as networks in canonical form (`10.0.0.1/8` is `10.0.0.0/8`):
        uvicorn takes only strict ranges, and would match any other as a literal host name."""
        return [str(ipaddress.ip_network(item, strict=False)) for item in self.trusted_proxies]

    @property
    def timezone(self) -> ZoneInfo:
        # Not a cached_property: model_copy(update=...) would carry a stale zone over.
        # ZoneInfo keeps its own cache, so this costs a dictionary lookup.
        return ZoneInfo(self.clinic_timezone)

    @property
    def async_database_url(self) -> str:
        """The database URL with the asyncpg driver, whichever PostgreSQL form was configured."""
        if self.database_url is None:
            raise ConfigurationError("No database URL configured")
        return to_asyncpg_url(self.database_url)

    @property
    def async_migration_database_url(self) -> str:
        """Where migrations run: the migration URL when set, else the service's own."""
        return to_asyncpg_url(self.migration_database_url or self.async_database_url)

    def require_secret(self) -> str:
        """The signing key, refusing a missing, short or well-known one."""
        return _strong_key("CLINICHUB_SECRET_KEY", self.secret_key)

    def require_audit_key(self) -> bytes:
        """The audit trail's HMAC key, refusing a missing, short or well-known one."""
        return _strong_key("CLINICHUB_AUDIT_KEY", self.audit_key).encode()


def _strong_key(name: str, value: SecretStr | None) -> str:
    if value is None:
        raise ConfigurationError(f"{name} must be set when CLINICHUB_DATABASE_URL is set")
    secret = value.get_secret_value()
    if secret.strip().lower() in PLACEHOLDER_SECRETS:
        raise ConfigurationError(f"{name} is a placeholder; generate a real one")
    if len(secret.encode()) < MIN_SECRET_BYTES:
        raise ConfigurationError(f"{name} must be at least {MIN_SECRET_BYTES} bytes long")
    if len(set(secret)) < MIN_SECRET_DISTINCT_CHARACTERS:
        raise ConfigurationError(
            f"{name} must have at least {MIN_SECRET_DISTINCT_CHARACTERS} distinct characters"
        )
    return secret


def to_asyncpg_url(url: str) -> str:
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    raise ConfigurationError("The database URL must be a postgresql:// URL")
