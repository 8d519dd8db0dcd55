"""Playing: the home page, starting a round, answering its questions, the end screen."""

from flask import Blueprint

bp = Blueprint("play", __name__)

from . import routes  # noqa: F401  (the routes register themselves on bp)
