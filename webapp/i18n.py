"""French first, English on request: a small dictionary of translations keyed by the French text.

Templates write ``{{ _("Jouer") }}``; the language comes from the ``lang`` cookie set by ``/langue/<code>``.
Texts from the analyser (questions, explanations) stay in French: they are about French articles.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from flask import Blueprint, Flask, g, redirect, request, url_for

LANGUAGES = ("fr", "en")

bp = Blueprint("i18n", __name__)


@cache
def _catalog(language: str) -> dict[str, str]:
    if language == "fr":
        return {}
    path = resources.files("webapp") / "translations" / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def current_language() -> str:
    return getattr(g, "language", None) or "fr"


def gettext(message: str, **params) -> str:
    """`message` (French) in the current language, with ``%(name)s`` placeholders filled from `params`."""
    translated = _catalog(current_language()).get(message, message)
    return translated % params if params else translated


@bp.get("/langue/<code>")
def switch(code: str):
    """Remember the chosen language and go back where the reader was."""
    target = request.args.get("next", "")
    # Only a path of this site: an open redirect would let a link send students anywhere.
    if not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        target = url_for("play.home")
    response = redirect(target, 303)
    if code in LANGUAGES:
        response.set_cookie("lang", code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.before_request
    def _choose_language() -> None:
        lang = request.cookies.get("lang")
        g.language = lang if lang in LANGUAGES else "fr"

    app.jinja_env.globals.update(_=gettext, current_language=current_language)
