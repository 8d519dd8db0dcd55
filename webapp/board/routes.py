from flask import session

from ..rendering import render
from . import bp, services


@bp.get("/")
def leaderboard():
    """The best rounds of the week and of all time; the student's own rounds stand out."""
    return render(
        "board/leaderboard.html",
        "board/_leaderboard.html",
        boards=services.leaderboards(),
        player_id=session.get("player_id"),
    )
