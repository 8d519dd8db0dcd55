"""A real server (werkzeug, in a thread) on a temporary SQLite file, and Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_test_app
from tests.factories import make_article, make_question
from webapp.extensions import db

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

ARTICLE = (
    "Le ministère de la Santé a recensé 1 200 cas la semaine dernière, selon son bulletin hebdomadaire.\n\n"
    "« Nous restons vigilants », a déclaré mardi la ministre Claire Martin.\n\n"
    "Pour l'épidémiologiste Paul Durand, ces chiffres sont « sous-estimés ».\n\n"
    "Le gouvernement a pourtant choisi cette politique catastrophique."
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def serve(tmp_path):
    """``serve(seed)``: the app over HTTP with CSRF on, on a fresh SQLite file where ``seed()`` wrote its rows.

    Returns the server's URL; every server started is stopped, and its connections closed, after the test.
    """
    started = []

    def start(seed: Callable[[], object]) -> str:
        app = make_test_app(f"sqlite:///{tmp_path / f'browser{len(started)}.sqlite3'}", WTF_CSRF_ENABLED=True,
                            TESTING=False)
        with app.app_context():
            db.create_all()
            seed()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        started.append((app, server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for app, server, thread in started:
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            db.session.remove()
            for engine in db.engines.values():
                engine.dispose()


def _article_with_three_questions() -> None:
    article = make_article(title="La ministre et les chiffres", source="Le Quotidien", text=ARTICLE)
    make_question(article, "who_quoted", choices=["Claire Martin", "Paul Durand", "Le ministère"],
                  evidence=[_span(ARTICLE, "Nous restons vigilants")])
    make_question(article, "figure_source", correct=1,
                  prompt="D'où vient le chiffre « 1 200 cas » ?",
                  choices=["D'aucune source", "Du ministère de la Santé", "D'une étude"],
                  explanation="Le chiffre est attribué au bulletin du ministère : « selon son bulletin ».",
                  evidence=[_span(ARTICLE, "1 200 cas"), _span(ARTICLE, "selon son bulletin")])
    make_question(article, "editorializing", correct=2,
                  prompt="Quelle expression relève de l'éditorialisation ?",
                  choices=["a déclaré mardi", "la semaine dernière", "politique catastrophique"],
                  explanation="« catastrophique » juge la politique au lieu de la décrire.",
                  evidence=[_span(ARTICLE, "catastrophique")])


@pytest.fixture
def live_server(serve):
    """The app served over HTTP, with CSRF on, and one article with three accepted questions."""
    return serve(_article_with_three_questions)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("LOUPE_REQUIRE_BROWSER"):  # set by .ci/run: CI must not pass by skipping
            pytest.fail(reason)
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshots():
    """Save a screenshot when ``LOUPE_SCREENSHOTS`` names a folder (to look at the pages); else do nothing."""
    folder = os.environ.get("LOUPE_SCREENSHOTS")

    def take(page, name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)

    return take
