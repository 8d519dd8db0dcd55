"""Teachers' accounts: log in, log out, change the password, sign up with the operator's invitation code."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from . import routes  # noqa: F401  (the routes register themselves on bp)
from .services import teacher_required  # noqa: F401
