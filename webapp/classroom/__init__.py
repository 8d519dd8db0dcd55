"""The teacher's side of a class game: start it from a published set, pace it, see and export its results."""

from flask import Blueprint

bp = Blueprint("classroom", __name__, url_prefix="/classroom")

from . import routes  # noqa: F401  (the routes register themselves on bp)
