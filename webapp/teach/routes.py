from __future__ import annotations

from ..auth import teacher_required
from ..rendering import render
from . import bp


@bp.get("/")
@teacher_required
def dashboard():
    return render("teach/dashboard.html", "teach/_dashboard.html")
