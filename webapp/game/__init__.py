"""The students' side of a class game: join with a code at /join, then play at /game/<id>."""

from flask import Blueprint

bp = Blueprint("game", __name__)

from . import routes  # noqa: F401  (the routes register themselves on bp)
