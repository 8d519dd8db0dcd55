"""Leaderboards: the best rounds of all time and of the week and a classroom game on the projector."""

from flask import Blueprint

bp = Blueprint("board", __name__, url_prefix="/board")

from . import games, routes  # noqa: F401  (the routes register themselves on bp)
