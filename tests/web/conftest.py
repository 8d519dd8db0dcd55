"""Fixtures of the teachers' tests: two teachers and their logged-in clients, a reviewed article."""

from __future__ import annotations

import pytest

from tests.factories import make_question, make_teacher, make_teacher_article
from tests.web.teaching import NEWS_TEXT, log_in


@pytest.fixture
def teacher(db):
    return make_teacher("owner@lycee.fr")


@pytest.fixture
def colleague(db):
    return make_teacher("colleague@college.fr")


@pytest.fixture
def owner_client(app, teacher):
    return log_in(app.test_client(), teacher)


@pytest.fixture
def colleague_client(app, colleague):
    return log_in(app.test_client(), colleague)


@pytest.fixture
def sync_analysis(app):
    """The analysis runs within the import request, so that a test sees its outcome at once."""
    app.config["ANALYSIS_SYNC"] = True


@pytest.fixture
def reviewed(db, teacher):
    """The owner's article with two accepted questions and one proposed."""
    article = make_teacher_article(teacher, title="Budget des écoles", text=NEWS_TEXT)
    start = NEWS_TEXT.index("Ce budget ne règle rien")
    evidence = [(start, start + len("Ce budget ne règle rien pour les cantines"))]
    questions = [
        make_question(article, "who_quoted", choices=["Marie Lefèvre", "Jean Dupuis", "Paul Martin"],
                      prompt="Qui a dit : « Ce budget ne règle rien pour les cantines » ?", evidence=evidence),
        make_question(article, "figure_source", correct=1, prompt="D'où vient le chiffre « 12 % » ?",
                      choices=["Aucune source", "La mairie", "Un sondage"], evidence=[(0, 40)]),
        make_question(article, "editorializing", correct=2, status="proposed",
                      prompt="Quelle expression relève de l'éditorialisation ?",
                      choices=["la préfecture", "les travaux", "fiasco"], evidence=[(0, 40)]),
    ]
    return article, questions
