"""The teachers' workspace: their articles, the review of generated questions, question sets and results."""

from flask import Blueprint

bp = Blueprint("teach", __name__, url_prefix="/teach")

from . import routes  # noqa: F401  (the routes register themselves on bp)
