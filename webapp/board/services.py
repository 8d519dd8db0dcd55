"""Standings, from one place: the leaderboard and a round's rank are the same ordering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from .. import clock
from ..extensions import db
from ..models import Round


@dataclass(frozen=True)
class Standing:
    rank: int
    round: Round


def week_start(now: datetime) -> datetime:
    """Monday 00:00 (UTC) of the week of `now`: « cette semaine » as a class understands it."""
    return (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)


def _finished(since: datetime | None):
    query = sa.select(Round).where(Round.finished_at.is_not(None))
    if since is not None:
        query = query.where(Round.finished_at >= since)
    return query


def best_rounds(since: datetime | None = None, limit: int = 20) -> list[Standing]:
    """The best finished rounds (since `since`), ranked by score; equal scores share a rank."""
    rank = sa.func.rank().over(order_by=Round.score.desc()).label("rank")
    ranked = _finished(since).add_columns(rank).order_by(Round.score.desc(), Round.finished_at, Round.id)
    return [Standing(r, round_) for round_, r in db.session.execute(ranked.limit(limit))]


def rank_of(round_: Round, since: datetime | None = None) -> tuple[int, int]:
    """(rank, number of finished rounds): 1 + the rounds that scored strictly more."""
    better = db.session.scalar(
        sa.select(sa.func.count()).select_from(_finished(since).where(Round.score > round_.score).subquery())
    )
    total = db.session.scalar(sa.select(sa.func.count()).select_from(_finished(since).subquery()))
    return better + 1, total


def leaderboards(now: datetime | None = None, limit: int = 20) -> dict[str, list[Standing]]:
    now = now or clock.utcnow()
    return {"week": best_rounds(week_start(now), limit), "all": best_rounds(None, limit)}
