"""Loupe: a game that teaches students to read the news critically.

``create_app`` builds the application; it never writes to the database.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import Flask, g, request
from sqlalchemy import event

from . import config as config_module
from .extensions import csrf, db, htmx, limiter, login, migrate


def create_app(config: dict | type | None = None) -> Flask:
    """The application, with `config` (a dict or a class) applied over the defaults and the environment."""
    app = Flask(__name__, instance_relative_config=True, static_folder=str(_STATIC_DIR))
    app.config.from_object(config_module.Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = config_module.database_url(
            os.environ.get("DATABASE_URL"), app.instance_path
        )
    else:
        app.config["SQLALCHEMY_DATABASE_URI"] = config_module.database_url(
            app.config["SQLALCHEMY_DATABASE_URI"], app.instance_path
        )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.secret_key(app.instance_path)

    db.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    htmx.init_app(app)
    login.init_app(app)
    login.login_view = "auth.login"
    login.login_message = "Connectez-vous pour accéder à l'espace enseignant."
    limiter.init_app(app)
    with app.app_context():
        event.listen(db.engine, "connect", _configure_connection)

    from . import i18n, security
    from .auth import bp as auth_bp
    from .board import bp as board_bp
    from .classroom import bp as classroom_bp
    from .cli import register_commands
    from .errors import bp as errors_bp
    from .game import bp as game_bp
    from .play import bp as play_bp
    from .teach import bp as teach_bp

    i18n.init_app(app)
    security.init_app(app)
    app.register_blueprint(play_bp)
    app.register_blueprint(board_bp)
    app.register_blueprint(errors_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(teach_bp)
    app.register_blueprint(classroom_bp)
    app.register_blueprint(game_bp)
    register_commands(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _queue_sqlite_writers(app)
    return app


def _queue_sqlite_writers(app: Flask) -> None:
    """On SQLite, let one POST at a time into the database, in arrival order.

    SQLite has a single writer; concurrent writers wait in its busy handler, which sleeps in steps of up to
    100 ms, so a class answering within the same second saw answers stall. A lock queues them instead
    (``make serve`` runs one process on SQLite, so the lock covers every writer but the CLI).
    """
    lock = threading.Lock()

    @app.before_request
    def _take_write_turn():
        if request.method == "POST":
            lock.acquire()
            g._sqlite_write_turn = True

    @app.teardown_request
    def _give_write_turn(exc=None):
        if g.pop("_sqlite_write_turn", False):
            lock.release()


_STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def _configure_connection(dbapi_connection, connection_record) -> None:
    """Per-connection settings that the URL cannot carry."""
    module = type(dbapi_connection).__module__
    cursor = dbapi_connection.cursor()
    if module.startswith("sqlite3"):
        # Answers arrive concurrently: WAL lets readers work while one writer commits, and the busy
        # timeout makes a writer wait for the lock instead of failing at once.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
    elif module.startswith("psycopg"):
        # Timestamps are stored naive in UTC, also those the server fills with now().
        cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()
    cursor.close()
