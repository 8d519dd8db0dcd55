"""Leaderboards: the best rounds of all time and of the week (and, later, a classroom's projector pages)."""

from flask import Blueprint

bp = Blueprint("board", __name__, url_prefix="/board")

from . import routes  # noqa: E402,F401  (the routes register themselves on bp)
