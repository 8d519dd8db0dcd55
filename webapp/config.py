"""Configuration from the environment: ``DATABASE_URL``, ``SECRET_KEY``; ``PORT`` is read by ``make run``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def database_url(raw: str | None, instance_path: str) -> str:
    """The SQLAlchemy URL for `raw` (``DATABASE_URL``): SQLite under the instance folder when unset.

    Hosting services hand out ``postgres://`` URLs; SQLAlchemy wants a driver name, and ours is psycopg 3.
    """
    if not raw:
        return f"sqlite:///{Path(instance_path) / 'loupe.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def secret_key(instance_path: str) -> str:
    """``SECRET_KEY`` from the environment, else one generated once and kept in ``instance/secret_key``."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created readable by the owner only: whoever holds it can forge sessions.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def rate_limit_storage() -> str:
    """Where login attempts are counted: ``RATELIMIT_STORAGE_URI``, else ``REDIS_URL``, else this process."""
    return os.environ.get("RATELIMIT_STORAGE_URI") or os.environ.get("REDIS_URL") or "memory://"


def env_flag(name: str) -> bool | None:
    """A yes/no setting from the environment; None when unset."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    return raw.strip().lower() in ("1", "true", "yes", "on")


class Config:
    SQLALCHEMY_DATABASE_URI: str | None = None  # filled by create_app from DATABASE_URL
    SECRET_KEY: str | None = None  # filled by create_app
    WTF_CSRF_TIME_LIMIT = None  # a token lives as long as the session: a lesson can outlast an hour
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    ROUND_SIZE = 10  # questions per round, at most
    CONTENT_DIR: str | None = None  # default: content/ of the repository
    # Teachers: no open sign-up; the operator hands out this code (unset: sign-up is closed).
    TEACHER_INVITE_CODE: str | None = os.environ.get("TEACHER_INVITE_CODE") or None
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    SESSION_COOKIE_SECURE: bool | None = env_flag("SESSION_COOKIE_SECURE")  # None: from the URL scheme
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    RATELIMIT_STORAGE_URI = rate_limit_storage()
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_LIMIT_PER_ACCOUNT = "5 per 15 minutes"  # failed attempts on one email
    LOGIN_LIMIT_PER_ADDRESS = "20 per 15 minutes"  # failed attempts from one address, all emails together
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  # an uploaded article: 2 MB at most (a 413 page otherwise)
    ANALYSIS_SYNC = False  # True: analyse an imported article within the request (tests)


class TestConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SECRET_KEY = "test"
