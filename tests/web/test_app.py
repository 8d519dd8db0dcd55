"""The application factory, its configuration, error pages, CSRF and the language toggle."""

from __future__ import annotations

import os
import stat

import pytest
import sqlalchemy as sa
from flask import abort

from tests.conftest import make_test_app
from tests.factories import make_question, make_round
from webapp import create_app
from webapp.config import database_url, secret_key
from webapp.extensions import db as _db
from webapp.models import Answer, Player

HX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("postgres://u:p@h:5432/d", "postgresql+psycopg://u:p@h:5432/d"),
        ("postgresql://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:////tmp/x.sqlite3", "sqlite:////tmp/x.sqlite3"),
    ],
)
def test_database_url_uses_psycopg_for_postgresql(raw, expected):
    assert database_url(raw, "/instance") == expected


def test_database_url_defaults_to_sqlite_under_instance():
    assert database_url(None, "/srv/loupe/instance") == "sqlite:////srv/loupe/instance/loupe.sqlite3"
    assert database_url("", "/i") == "sqlite:////i/loupe.sqlite3"


def test_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(str(tmp_path))
    second = secret_key(str(tmp_path))

    assert first == second and len(first) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")

    assert secret_key(str(tmp_path)) == "from-env"
    assert not (tmp_path / "secret_key").exists()


def test_create_app_reads_database_url_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://someone@db.example/loupe")
    monkeypatch.setenv("SECRET_KEY", "k")

    app = create_app({"TESTING": True})

    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://someone@db.example/loupe"
    assert app.config["SECRET_KEY"] == "k"


def test_create_app_writes_nothing_to_the_database(tmp_path):
    path = tmp_path / "untouched.sqlite3"
    create_app({"TESTING": True, "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})

    assert not path.exists()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(app, db, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite settings")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_postgresql_sessions_are_in_utc(app, db, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL settings")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW TIME ZONE").scalar() == "UTC"


def test_server_timestamps_are_utc(app, db):
    from datetime import timedelta

    from webapp.clock import utcnow

    player = Player(nickname="Zoé")
    db.session.add(player)
    db.session.commit()

    assert abs(player.created_at - utcnow()) < timedelta(minutes=1)


def test_404_page_is_french_and_styled(client, db):
    for headers in ({}, HX):
        response = client.get("/nulle-part", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 404
        assert "Page introuvable" in html
        assert ("<html" in html) == (not headers)
    assert 'href="/static/css/loupe.css"' in client.get("/nulle-part").get_data(as_text=True)


def test_405_page_is_french(client, db):
    response = client.post("/")

    assert response.status_code == 405
    assert "Méthode non autorisée" in response.get_data(as_text=True)


def test_500_page_is_french_and_rolls_back_the_session(db_url, tmp_path):
    app = make_test_app(db_url)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the error page, not the traceback

    @app.get("/casse")
    def broken():
        _db.session.add(Player(nickname="Fantôme"))
        _db.session.flush()
        raise RuntimeError("boom")

    @app.get("/ecrit")
    def writes():
        _db.session.add(Player(nickname="Vivant"))
        _db.session.commit()
        return "ok"

    with app.app_context():
        _db.create_all()
    client = app.test_client()

    response = client.get("/casse")

    assert response.status_code == 500
    assert "Erreur du serveur" in response.get_data(as_text=True)
    with app.app_context():
        assert _db.session.scalars(sa.select(Player.nickname)).all() == []
        _db.session.remove()
        for engine in _db.engines.values():
            engine.dispose()


def test_a_french_message_given_to_abort_is_shown(db_url):
    app = make_test_app(db_url)

    @app.get("/interdit")
    def forbidden():
        abort(403, "Réservé aux enseignants.")

    response = app.test_client().get("/interdit")

    assert response.status_code == 403
    assert "Accès refusé" in response.get_data(as_text=True)
    assert "Réservé aux enseignants." in response.get_data(as_text=True)


@pytest.fixture
def csrf_client(db_url):
    app = make_test_app(db_url, WTF_CSRF_ENABLED=True)
    with app.app_context():
        _db.create_all()
    yield app.test_client()
    with app.app_context():
        _db.session.remove()
        for engine in _db.engines.values():
            engine.dispose()


def test_a_post_without_csrf_token_gets_a_clear_400(csrf_client):
    app = csrf_client.application
    with app.app_context():
        round_ = make_round(n_questions=1)
        question = round_.round_questions[0].question
        data = {"question_id": question.id, "choice_id": question.correct_choice.id}
        token = round_.token

    for url, form in ((f"/play/{token}/answer", data), ("/play/new", {"nickname": "Sam"})):
        for headers in ({}, HX):
            response = csrf_client.post(url, data=form, headers=headers)
            html = response.get_data(as_text=True)
            assert response.status_code == 400
            assert "jeton de sécurité manquant ou invalide" in html
    with app.app_context():
        assert _db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
        assert _db.session.scalar(sa.select(sa.func.count(Player.id))) == 1  # the factory's only


def test_csrf_token_from_the_form_or_from_body_hx_headers_is_accepted(csrf_client):
    import re

    app = csrf_client.application
    with app.app_context():
        round_ = make_round(n_questions=2)
        questions = [rq.question for rq in round_.round_questions]
        ids = [(q.id, q.correct_choice.id) for q in questions]
        token = round_.token

    page = csrf_client.get(f"/play/{token}").get_data(as_text=True)
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    header_token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", page).group(1)

    by_form = csrf_client.post(f"/play/{token}/answer",
                               data={"csrf_token": form_token, "question_id": ids[0][0], "choice_id": ids[0][1]})
    by_header = csrf_client.post(f"/play/{token}/answer", data={"question_id": ids[1][0], "choice_id": ids[1][1]},
                                 headers={**HX, "X-CSRFToken": header_token})

    assert by_form.status_code == 303
    assert by_header.status_code == 200 and "Bonne réponse !" in by_header.get_data(as_text=True)


def test_english_toggle(client, db):
    make_question()

    response = client.get("/langue/en?next=/board/")
    html = client.get("/").get_data(as_text=True)

    assert response.status_code == 303 and response.headers["Location"] == "/board/"
    assert '<html lang="en">' in html and "Play" in html and "Leaderboard" in html
    client.get("/langue/fr")
    assert "Classement" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_language_toggle_never_leaves_the_site(client, db, target):
    response = client.get("/langue/en", query_string={"next": target})

    assert response.headers["Location"] == "/"


def test_static_files_are_served_and_htmx_is_vendored(client, db):
    for path in ("/static/vendor/htmx-2.0.4.min.js", "/static/css/loupe.css", "/static/js/loupe.js"):
        with client.get(path) as response:
            assert response.status_code == 200
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "https://" not in html  # no inline script, no CDN
