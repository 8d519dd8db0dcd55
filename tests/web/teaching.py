"""Shared pieces of the teachers' tests: logging in, and a realistic French article the analyser reads."""

from __future__ import annotations

import html

import pytest

from tests.factories import TEACHER_PASSWORD, make_question, make_teacher, make_teacher_article

# Not from content/: a short local news story with quotes, sourced and unsourced figures, a loaded word.
NEWS_TEXT = (
    "Le conseil municipal de Villeneuve-sur-Lot a voté mardi soir une hausse de 12 % du budget consacré aux "
    "écoles, selon le compte rendu publié mercredi par la mairie.\n\n"
    "« Nous voulons que chaque élève ait un ordinateur d'ici 2027 », a déclaré le maire, Jean Dupuis, à l'issue "
    "de la séance.\n\n"
    "« Ce budget ne règle rien pour les cantines », a répondu la conseillère d'opposition Marie Lefèvre, qui a "
    "voté contre.\n\n"
    "Pour le directeur de l'école Jules-Ferry, Paul Martin, « les familles attendent ces travaux depuis dix ans ».\n\n"
    "L'opposition dénonce un projet pharaonique. Ce gouffre financier, véritable fiasco annoncé, inquiète les "
    "habitants. D'après l'Insee, la commune compte 4 500 enfants scolarisés.\n\n"
    "Les travaux coûteront 2,3 millions d'euros, a précisé la préfecture. Quelque 40 classes restent mal "
    "chauffées, affirme le syndicat des enseignants."
)


def text(response) -> str:
    """The page as a reader sees it: entities such as ``&#39;`` decoded."""
    return html.unescape(response.get_data(as_text=True))


def log_in(client, teacher, password: str = TEACHER_PASSWORD):
    response = client.post("/auth/login", data={"email": teacher.email, "password": password})
    assert response.status_code == 303, response.get_data(as_text=True)
    return client


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
