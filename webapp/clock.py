"""The application's clock: naive UTC datetimes, as stored. Tests replace ``utcnow`` to freeze time."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
