"""One way to render: the full page for a browser, the fragment it includes for htmx."""

from __future__ import annotations

from flask import make_response, redirect, render_template
from flask.typing import ResponseReturnValue

from .extensions import htmx


def render(page: str, fragment: str, status: int = 200, **context) -> ResponseReturnValue:
    """Render `fragment` for an htmx request and `page` (which includes it) otherwise.

    The same URL answers both, so caches must key on ``HX-Request``.
    """
    response = make_response(render_template(fragment if htmx else page, **context), status)
    response.vary.add("HX-Request")
    return response


def redirect_after_post(target: str) -> ResponseReturnValue:
    """After a POST: htmx follows HX-Redirect (a full page), a plain form a 303."""
    if htmx:
        response = make_response("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, 303)
