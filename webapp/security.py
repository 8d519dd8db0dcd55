"""Security headers on every response, and the session cookie's ``Secure`` flag."""

from __future__ import annotations

from flask import Flask

# Only the app's own scripts and styles: htmx is configured by a <meta> tag and static/js, never inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def init_app(app: Flask) -> None:
    if app.config.get("SESSION_COOKIE_SECURE") is None:
        # Served over HTTPS (behind a proxy that says so): the cookies never travel in clear.
        app.config["SESSION_COOKIE_SECURE"] = app.config.get("PREFERRED_URL_SCHEME") == "https"
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config["SESSION_COOKIE_SECURE"])

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
