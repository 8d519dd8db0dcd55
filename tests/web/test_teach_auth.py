"""Teachers' accounts: log in and out, sign-up with an invitation code, password change, rate limits, the
command that creates the first account, cookies and security headers."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from werkzeug.security import check_password_hash

from tests.conftest import make_test_app
from tests.factories import TEACHER_PASSWORD, make_teacher
from tests.web.teaching import log_in, text
from webapp.auth.routes import LOGIN_FAILED, TOO_MANY
from webapp.extensions import db as _db
from webapp.models import Teacher
from webapp.security import CONTENT_SECURITY_POLICY


def test_a_teacher_logs_in_and_lands_in_the_workspace(client, teacher):
    page = client.get("/auth/login")
    assert page.status_code == 200 and "Espace enseignant" in text(page)

    response = client.post("/auth/login?next=/teach/sets/new",
                           data={"email": "  OWNER@lycee.fr ", "password": TEACHER_PASSWORD})

    assert response.status_code == 303 and response.location == "/teach/sets/new"
    assert client.get("/teach/").status_code == 200


def test_login_never_redirects_to_another_site(client, teacher):
    response = client.post("/auth/login?next=//evil.example/", data={"email": teacher.email,
                                                                     "password": TEACHER_PASSWORD})
    assert response.location == "/teach/"


@pytest.mark.parametrize("email", ["owner@lycee.fr", "nobody@lycee.fr"])
def test_a_failed_login_does_not_say_whether_the_account_exists(client, teacher, email):
    response = client.post("/auth/login", data={"email": email, "password": "pas le bon mot de passe"})

    assert response.status_code == 401
    assert LOGIN_FAILED in text(response)
    assert client.get("/teach/").status_code == 302


def test_passwords_are_stored_with_scrypt(db, teacher):
    assert teacher.password_hash.startswith("scrypt:")
    assert TEACHER_PASSWORD not in teacher.password_hash


def test_logging_out_is_a_post_and_ends_the_session(owner_client):
    assert owner_client.get("/auth/logout").status_code == 405
    response = owner_client.post("/auth/logout")
    assert response.status_code == 303
    assert owner_client.get("/teach/").status_code == 302


@contextmanager
def another_app(db_url, **overrides):
    """A second app on the test's database, with other settings; its connections closed at the end."""
    app = make_test_app(db_url, **overrides)
    try:
        yield app
    finally:
        with app.app_context():
            _db.session.remove()
            for engine in _db.engines.values():
                engine.dispose()


def test_logging_out_needs_the_csrf_token(db_url, db):
    with another_app(db_url, WTF_CSRF_ENABLED=True) as app:
        response = app.test_client().post("/auth/logout")
    assert response.status_code == 400


def test_changing_the_password(owner_client, db, teacher):
    wrong = owner_client.post("/auth/password", data={"current": "faux", "password": "nouveau mot de passe",
                                                      "confirm": "nouveau mot de passe"})
    assert wrong.status_code == 422 and "actuel n'est pas le bon" in text(wrong)
    short = owner_client.post("/auth/password", data={"current": TEACHER_PASSWORD, "password": "court",
                                                      "confirm": "court"})
    assert short.status_code == 422 and "au moins 10 caractères" in text(short)

    done = owner_client.post("/auth/password", data={"current": TEACHER_PASSWORD,
                                                     "password": "nouveau mot de passe",
                                                     "confirm": "nouveau mot de passe"})

    assert done.status_code == 303
    _db.session.refresh(teacher)
    assert check_password_hash(teacher.password_hash, "nouveau mot de passe")


def test_sign_up_is_closed_without_an_invitation_code(client, db):
    assert client.get("/auth/signup").status_code == 404
    assert client.post("/auth/signup", data={"email": "x@y.fr", "password": "0123456789", "confirm": "0123456789",
                                             "invite_code": ""}).status_code == 404


def test_sign_up_with_the_invitation_code(app, client, db):
    app.config["TEACHER_INVITE_CODE"] = "salle-des-profs"
    form = {"email": "nouvelle@lycee.fr", "password": "une phrase de passe", "confirm": "une phrase de passe"}

    wrong = client.post("/auth/signup", data={**form, "invite_code": "au hasard"})
    assert wrong.status_code == 422 and "code d'invitation n'est pas valide" in text(wrong)
    assert _db.session.scalar(_db.select(Teacher).where(Teacher.email == "nouvelle@lycee.fr")) is None

    right = client.post("/auth/signup", data={**form, "invite_code": "salle-des-profs"})
    assert right.status_code == 303 and right.location == "/teach/"
    assert client.get("/teach/").status_code == 200

    again = app.test_client().post("/auth/signup", data={**form, "invite_code": "salle-des-profs"})
    assert again.status_code == 422 and "existe déjà" in text(again)


def test_login_is_rate_limited_per_account(app, teacher):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per 15 minutes"
    for n in range(3):
        client = app.test_client()  # a new address would not help: the account is what is counted
        response = client.post("/auth/login", data={"email": teacher.email, "password": f"essai {n}"},
                               environ_base={"REMOTE_ADDR": f"10.0.0.{n}"})
        assert response.status_code == 401

    blocked = app.test_client().post("/auth/login", data={"email": teacher.email, "password": TEACHER_PASSWORD},
                                     environ_base={"REMOTE_ADDR": "10.0.0.99"})

    assert blocked.status_code == 429
    assert TOO_MANY in text(blocked)
    other = make_teacher("autre@lycee.fr")
    assert log_in(app.test_client(), other)


def test_login_is_rate_limited_per_address(app, db):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "4 per 15 minutes"
    client = app.test_client()
    for n in range(4):
        assert client.post("/auth/login", data={"email": f"inconnu{n}@x.fr", "password": "x"}).status_code == 401

    assert client.post("/auth/login", data={"email": "encore@x.fr", "password": "x"}).status_code == 429


def test_successful_logins_do_not_count_against_the_limit(app, teacher):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per 15 minutes"
    for _ in range(4):
        client = app.test_client()
        log_in(client, teacher)


def test_the_first_account_from_the_command_line(app, db):
    runner = app.test_cli_runner()

    result = runner.invoke(args=["teacher", "create", "Premiere@Lycee.fr"],
                           input="une phrase de passe\nune phrase de passe\n")

    assert result.exit_code == 0, result.output
    assert "premiere@lycee.fr" in result.output
    teacher = _db.session.scalar(_db.select(Teacher).where(Teacher.email == "premiere@lycee.fr"))
    assert check_password_hash(teacher.password_hash, "une phrase de passe")
    again = runner.invoke(args=["teacher", "create", "premiere@lycee.fr"],
                          input="une phrase de passe\nune phrase de passe\n")
    assert again.exit_code != 0 and "existe déjà" in again.output


def test_security_headers_on_every_response(client, db):
    for url in ("/", "/auth/login", "/nulle-part"):
        response = client.get(url)
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_no_inline_script_or_style_in_the_pages(owner_client):
    for url in ("/", "/teach/", "/teach/articles/new", "/auth/password"):
        html = text(owner_client.get(url))
        assert "<script>" not in html and " style=" not in html and "<style" not in html
        assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in html


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(db_url, db):
    make_teacher("https@lycee.fr")
    with another_app(db_url, PREFERRED_URL_SCHEME="https", SESSION_COOKIE_SECURE=None) as app:
        assert app.config["SESSION_COOKIE_SECURE"] is True
        assert app.config["SESSION_COOKIE_HTTPONLY"] is True and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
        response = app.test_client().post("/auth/login", data={"email": "https@lycee.fr",
                                                                "password": TEACHER_PASSWORD},
                                          base_url="https://localhost")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
