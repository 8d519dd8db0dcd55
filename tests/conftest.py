"""Fixtures: a fresh database per test (SQLite, and PostgreSQL when ``TEST_DATABASE_URL`` is set), the app,
its client, and a clock tests can stop and move."""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timedelta
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from webapp import clock as clock_module
from webapp import create_app
from webapp.config import database_url
from webapp.extensions import db as _db

DATABASES = ["sqlite", "postgresql"]


def postgres_url() -> str | None:
    raw = os.environ.get("TEST_DATABASE_URL")
    return database_url(raw, "") if raw else None


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """A URL to an empty database: a SQLite file, or a schema of its own in ``TEST_DATABASE_URL``."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'loupe-test.sqlite3'}"
        return
    base = postgres_url()
    if base is None:
        pytest.skip("PostgreSQL: TEST_DATABASE_URL is not set")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def make_test_app(db_url: str, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": db_url,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(db_url):
    """The application on a fresh, empty schema (built from the models; the migrations have their own test)."""
    app = make_test_app(db_url)
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        for engine in _db.engines.values():
            engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """The database, inside an app context: for factories and for checking what requests wrote."""
    with app.app_context():
        yield _db
        _db.session.remove()


class FrozenClock:
    """The application's clock, stopped at `now`; ``advance(seconds)`` moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = FrozenClock(datetime(2025, 3, 12, 10, 0, 0))  # a Wednesday
    monkeypatch.setattr(clock_module, "utcnow", frozen)
    return frozen
