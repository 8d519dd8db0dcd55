"""Deleting a teacher's articles and sets: confirmed first; what published sets and played games need stays."""

from __future__ import annotations

import pytest

from tests.factories import make_question, make_round, make_set, make_teacher_article
from tests.web.teaching import text
from webapp.classroom import services as classroom
from webapp.extensions import db as _db
from webapp.models import Article, Game, Question, QuestionSet, Round


@pytest.fixture
def spare(db, teacher):
    """An article of the owner's that nothing uses yet, with one question."""
    article = make_teacher_article(teacher, title="Article de trop")
    make_question(article)
    return article


def test_deleting_an_article_asks_for_confirmation_first(owner_client, spare):
    page = owner_client.get(f"/teach/articles/{spare.id}")
    confirm = owner_client.get(f"/teach/articles/{spare.id}/delete")

    assert f'href="/teach/articles/{spare.id}/delete"' in text(page)
    assert confirm.status_code == 200
    assert "Supprimer « Article de trop » ?" in text(confirm)
    assert _db.session.get(Article, spare.id) is not None


def test_a_confirmed_deletion_removes_the_article_and_its_questions(owner_client, spare, teacher):
    question_id = spare.questions[0].id
    draft = make_set(teacher, [spare.questions[0]], title="Brouillon")

    confirm = text(owner_client.get(f"/teach/articles/{spare.id}/delete"))
    response = owner_client.post(f"/teach/articles/{spare.id}/delete")

    assert "« Brouillon »" in confirm  # its questions leave the draft: the teacher is told
    assert response.status_code == 303 and response.location == "/teach/"
    _db.session.expire_all()
    assert _db.session.get(Article, spare.id) is None
    assert _db.session.get(Question, question_id) is None
    assert _db.session.get(QuestionSet, draft.id).set_questions == []
    assert "L'article « Article de trop » est supprimé." in text(owner_client.get("/teach/"))


def test_with_htmx_the_deletion_redirects_the_whole_page(owner_client, spare):
    response = owner_client.post(f"/teach/articles/{spare.id}/delete", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == "/teach/"


def test_an_article_in_a_published_set_is_explained_and_kept(owner_client, spare, teacher):
    make_set(teacher, list(spare.questions), title="Série du lundi", status="published")

    confirm = owner_client.get(f"/teach/articles/{spare.id}/delete")
    refused = owner_client.post(f"/teach/articles/{spare.id}/delete")

    assert "ne peut pas être supprimé" in text(confirm) and "« Série du lundi »" in text(confirm)
    assert "Supprimer l'article</button>" not in text(confirm)
    assert refused.status_code == 409
    assert "séries publiées" in text(refused)
    assert _db.session.get(Article, spare.id) is not None


def test_an_article_played_in_a_class_game_is_kept_with_its_results(owner_client, spare, teacher):
    question_set = make_set(teacher, list(spare.questions), status="published")
    classroom.start_game(teacher, question_set, mode="live")
    question_set.status = "draft"  # no longer published: the game alone keeps the article
    _db.session.commit()

    refused = owner_client.post(f"/teach/articles/{spare.id}/delete")

    assert refused.status_code == 409
    assert "jouées en classe" in text(refused)
    assert _db.session.get(Article, spare.id) is not None


def test_an_article_played_in_solo_rounds_is_kept_for_the_leaderboard(owner_client, spare):
    make_round(list(spare.questions))

    refused = owner_client.post(f"/teach/articles/{spare.id}/delete")

    assert refused.status_code == 409
    assert "en solo" in text(refused)


def test_a_shipped_article_cannot_be_deleted(owner_client, db):
    shipped = make_question().article

    assert owner_client.post(f"/teach/articles/{shipped.id}/delete").status_code == 403


def test_deleting_without_a_csrf_token_is_refused(app, owner_client, spare):
    app.config["WTF_CSRF_ENABLED"] = True

    assert owner_client.post(f"/teach/articles/{spare.id}/delete").status_code == 400
    assert _db.session.get(Article, spare.id) is not None


def test_deleting_a_set_asks_for_confirmation_then_deletes_it(owner_client, reviewed, teacher):
    _, questions = reviewed
    question_set = make_set(teacher, questions[:2], title="À jeter")

    page = text(owner_client.get(f"/teach/sets/{question_set.id}"))
    confirm = owner_client.get(f"/teach/sets/{question_set.id}/delete")
    response = owner_client.post(f"/teach/sets/{question_set.id}/delete")

    assert f'href="/teach/sets/{question_set.id}/delete"' in page
    assert confirm.status_code == 200 and "Supprimer « À jeter » ?" in text(confirm)
    assert response.status_code == 303 and response.location == "/teach/"
    _db.session.expire_all()
    assert _db.session.get(QuestionSet, question_set.id) is None
    assert all(_db.session.get(Question, q.id) is not None for q in questions[:2])


def test_a_deleted_set_leaves_the_games_and_rounds_played_with_it_intact(owner_client, reviewed, teacher):
    _, questions = reviewed
    question_set = make_set(teacher, questions[:2], title="Jouée", status="published")
    game = classroom.start_game(teacher, question_set, mode="live")
    round_ = make_round(questions[:2])
    round_.set_id = question_set.id
    _db.session.commit()

    confirm = text(owner_client.get(f"/teach/sets/{question_set.id}/delete"))
    owner_client.post(f"/teach/sets/{question_set.id}/delete")

    assert "1 en classe, 1 en solo" in confirm
    _db.session.expire_all()
    kept = _db.session.get(Game, game.id)
    assert kept.set_id is None and kept.title == "Jouée" and len(kept.game_questions) == 2
    assert _db.session.get(Round, round_.id).set_id is None
    assert owner_client.get(f"/classroom/{game.id}/results").status_code == 200
    assert "Jouée" in text(owner_client.get("/teach/"))  # still in the teacher's games


def test_a_colleague_cannot_delete_a_published_set(colleague_client, reviewed, teacher):
    _, questions = reviewed
    question_set = make_set(teacher, questions[:2], status="published")

    assert colleague_client.get(f"/teach/sets/{question_set.id}/delete").status_code == 403
    assert colleague_client.post(f"/teach/sets/{question_set.id}/delete").status_code == 403
    assert _db.session.get(QuestionSet, question_set.id) is not None


def test_a_refused_deletion_gives_its_reasons_in_english(owner_client, spare, teacher):
    make_set(teacher, list(spare.questions), title="Série du lundi", status="published")
    owner_client.get("/langue/en")

    refused = text(owner_client.post(f"/teach/articles/{spare.id}/delete"))

    assert "This article cannot be deleted: its questions are in published sets (« Série du lundi »)" in refused
