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


class Config:
    SQLALCHEMY_DATABASE_URI: str | None = None  # filled by create_app from DATABASE_URL
    SECRET_KEY: str | None = None  # filled by create_app
    WTF_CSRF_TIME_LIMIT = None  # a token lives as long as the session: a lesson can outlast an hour
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    ROUND_SIZE = 10  # questions per round, at most
    CONTENT_DIR: str | None = None  # default: content/ of the repository


class TestConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SECRET_KEY = "test"
