"""French first, English on request: a small dictionary of translations keyed by the French text.

Templates write ``{{ _("Jouer") }}``; the language comes from the ``lang`` cookie set by ``/langue/<code>``.
A sentence with values in it stays one key with named placeholders, ``_("Tu es %(rank)s sur %(total)s", ...)``,
so that each language orders its words; ``ngettext`` picks singular or plural by each language's rule.
Services, which never read the request, raise or return a :class:`Message`: French as a string, translated
where it is shown. Texts from the analyser (questions, explanations) stay in French: they are about French articles.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Self
from urllib.parse import urlsplit

from flask import Blueprint, Flask, g, redirect, request, url_for
from markupsafe import Markup

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


class Message(str):
    """A French text (placeholders filled) that keeps its key and values, so it can be translated when shown."""

    key: str
    params: dict

    def __new__(cls, key: str, **params) -> Self:
        message = super().__new__(cls, key % params if params else key)
        message.key, message.params = key, params
        return message

    @classmethod
    def join(cls, separator: str, messages: list[str]) -> Message:
        """`messages` as one, each translated on its own when shown."""
        return cls(separator.join(f"%(m{i})s" for i in range(len(messages))),
                   **{f"m{i}": message for i, message in enumerate(messages)})


def gettext(message: str, **params) -> str:
    """`message` (French) in the current language, with ``%(name)s`` placeholders filled from `params`."""
    if isinstance(message, Message):
        message, params = message.key, {**message.params, **params}
    params = {name: gettext(value) if isinstance(value, Message) else value for name, value in params.items()}
    translated = _catalog(current_language()).get(message, message)
    return translated % params if params else translated


def _is_plural(n: int) -> bool:
    return n > 1 if current_language() == "fr" else n != 1  # French: 0 and 1 are singular; English: only 1


def ngettext(singular: str, plural: str, n: int, **params) -> str:
    """`singular` or `plural` (French keys) by the count `n` in the current language, ``%(n)s`` filled."""
    return gettext(plural if _is_plural(n) else singular, n=n, **params)


def ordinal(n: int) -> str:
    """1er, 2e … in French; 1st, 2nd, 3rd, 4th … in English."""
    if current_language() == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return f"{n}er" if n == 1 else f"{n}e"


def _template_gettext(message: str, **params) -> str:
    """`gettext` for templates: with values, the translation is trusted markup and the values are escaped.

    As Jinja's own i18n does under autoescape, so a sentence may wrap a value in markup: pass it as Markup
    (a ``{% set %}`` block), e.g. ``rank=<strong>…</strong>``.
    """
    if isinstance(message, Message) or not params:
        return gettext(message, **params)
    return Markup(_catalog(current_language()).get(message, message)) % params


def _template_ngettext(singular: str, plural: str, n: int, **params) -> str:
    return _template_gettext(plural if _is_plural(n) else singular, n=n, **params)


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

    app.jinja_env.globals.update(_=_template_gettext, ngettext=_template_ngettext, ordinal=ordinal,
                                  current_language=current_language)
