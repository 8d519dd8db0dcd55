"""Reviewing questions in place: accept, reject, edit (validated), delete with undo, write one's own; only
accepted questions reach students."""

from __future__ import annotations

import pytest

from tests.factories import make_question, make_set
from tests.web.teaching import NEWS_TEXT, text
from webapp.extensions import db as _db
from webapp.models import Question, Round

HTMX = {"HX-Request": "true"}


def _edit_form(**overrides):
    start = NEWS_TEXT.index("Ce budget ne règle rien")
    form = {
        "kind": "who_quoted", "prompt": "Qui critique le budget ?",
        "choice_1": "Marie Lefèvre", "choice_2": "Jean Dupuis", "choice_3": "", "choice_4": "", "choice_5": "",
        "answer": "1", "explanation": "La phrase est suivie de « a répondu la conseillère d'opposition ».",
        "evidence_start": str(start), "evidence_end": str(start + 23),
    }
    form.update(overrides)
    return form


@pytest.mark.parametrize("headers", [HTMX, {}])
def test_accepting_and_rejecting_in_place(owner_client, reviewed, headers):
    proposed = reviewed[1][2]

    response = owner_client.post(f"/teach/questions/{proposed.id}/status", data={"status": "accepted"},
                                 headers=headers)

    _db.session.refresh(proposed)
    assert proposed.status == "accepted"
    if headers:
        assert response.status_code == 200 and text(response).startswith(f'<li class="qcard qcard--accepted" id="q{proposed.id}"')
    else:
        assert response.status_code == 303 and response.location.endswith(f"#q{proposed.id}")
    owner_client.post(f"/teach/questions/{proposed.id}/status", data={"status": "rejected"}, headers=headers)
    _db.session.refresh(proposed)
    assert proposed.status == "rejected"
    assert owner_client.post(f"/teach/questions/{proposed.id}/status", data={"status": "publiée"}).status_code == 400


@pytest.mark.parametrize("headers", [HTMX, {}])
def test_editing_a_question(owner_client, reviewed, headers):
    question = reviewed[1][0]
    form_page = owner_client.get(f"/teach/questions/{question.id}/edit", headers=headers)
    assert form_page.status_code == 200 and "Ce budget ne règle rien pour les cantines" in text(form_page)

    response = owner_client.post(f"/teach/questions/{question.id}/edit", data=_edit_form(answer="2"),
                                 headers=headers)

    assert response.status_code == (200 if headers else 303)
    _db.session.refresh(question)
    assert question.prompt == "Qui critique le budget ?"
    assert [(c.text, c.is_correct) for c in question.choices] == [("Marie Lefèvre", False), ("Jean Dupuis", True)]
    assert NEWS_TEXT[question.evidence[0]["start"]:question.evidence[0]["end"]] == "Ce budget ne règle rien"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"answer": ""}, "Indiquez la bonne réponse"),
    ({"answer": "3"}, "Indiquez la bonne réponse"),
    ({"choice_2": ""}, "entre 2 et 5 choix"),
    ({"choice_2": "  marie   LEFÈVRE "}, "Deux choix sont identiques"),
    ({"explanation": "  "}, "L'explication est vide"),
    ({"prompt": ""}, "L'énoncé est vide"),
    ({"evidence_start": "10", "evidence_end": "999999"}, "sort du texte"),
    ({"evidence_start": "", "evidence_end": "", "evidence_text": "une phrase absente"}, "n'a pas été trouvé"),
    ({"evidence_start": "", "evidence_end": ""}, "Choisissez le passage"),
    ({"kind": "horoscope"}, "Type de question"),
])
def test_edits_are_validated(owner_client, reviewed, overrides, message):
    question = reviewed[1][0]
    before = (question.prompt, [c.text for c in question.choices])

    response = owner_client.post(f"/teach/questions/{question.id}/edit", data=_edit_form(**overrides),
                                 headers=HTMX)

    assert response.status_code == 422
    assert message in text(response)
    _db.session.refresh(question)
    assert (question.prompt, [c.text for c in question.choices]) == before


def test_six_choices_are_too_many(owner_client, reviewed):
    question = reviewed[1][0]
    form = _edit_form(choice_3="Paul Martin", choice_4="La mairie", choice_5="L'Insee")
    assert owner_client.post(f"/teach/questions/{question.id}/edit", data=form).status_code == 303
    _db.session.refresh(question)
    assert len(question.choices) == 5


def test_the_evidence_can_be_given_as_words_of_the_article(owner_client, reviewed):
    question = reviewed[1][0]
    form = _edit_form(evidence_start="", evidence_end="", evidence_text="ce  budget ne règle rien")

    assert owner_client.post(f"/teach/questions/{question.id}/edit", data=form).status_code == 303

    _db.session.refresh(question)
    span = question.evidence[0]
    assert NEWS_TEXT[span["start"]:span["end"]] == "Ce budget ne règle rien"


def test_deleting_can_be_undone(owner_client, reviewed):
    question = reviewed[1][0]

    deleted = owner_client.post(f"/teach/questions/{question.id}/delete", headers=HTMX)

    assert deleted.status_code == 200 and "Annuler" in text(deleted)
    _db.session.refresh(question)
    assert question.deleted_at is not None
    assert f'id="q{question.id}"' not in text(owner_client.get(f"/teach/articles/{question.article_id}"))

    restored = owner_client.post(f"/teach/questions/{question.id}/restore", headers=HTMX)

    assert restored.status_code == 200 and "Rejeter" in text(restored)
    _db.session.refresh(question)
    assert question.deleted_at is None


def test_deleting_without_javascript_offers_the_undo_on_the_page(owner_client, reviewed):
    question = reviewed[1][0]

    response = owner_client.post(f"/teach/questions/{question.id}/delete")

    assert response.status_code == 303
    page = text(owner_client.get(response.location))
    assert "Question supprimée" in page and f"/teach/questions/{question.id}/restore" in page


def test_a_teacher_writes_a_free_question_with_evidence_from_the_article(owner_client, reviewed, teacher):
    article = reviewed[0]
    start = NEWS_TEXT.index("4 500 enfants")
    page = owner_client.get(f"/teach/articles/{article.id}/questions/new")
    assert page.status_code == 200 and 'data-start="0"' in text(page)

    response = owner_client.post(f"/teach/articles/{article.id}/questions/new", data=_edit_form(
        kind="free", prompt="Combien d'enfants sont scolarisés dans la commune ?", choice_1="4 500",
        choice_2="12", choice_3="40", answer="1", explanation="Le chiffre vient de l'Insee.",
        evidence_start=str(start), evidence_end=str(start + len("4 500 enfants"))))

    assert response.status_code == 303
    question = _db.session.scalar(_db.select(Question).where(Question.kind == "free"))
    assert (question.status, question.author_id, question.correct_choice.text) == ("accepted", teacher.id, "4 500")


def test_a_teacher_writes_a_question_of_one_of_the_three_kinds(owner_client, reviewed):
    article = reviewed[0]
    response = owner_client.post(f"/teach/articles/{article.id}/questions/new",
                                 data=_edit_form(kind="editorializing", prompt="Quel mot juge le projet ?",
                                                 choice_1="fiasco", choice_2="travaux", answer="1",
                                                 evidence_start="", evidence_end="", evidence_text="fiasco"))
    assert response.status_code == 303


def test_only_accepted_questions_reach_students(client, db, reviewed, teacher):
    article, questions = reviewed
    rejected = make_question(article, status="rejected")
    deleted = make_question(article)
    deleted.deleted_at = deleted.article.created_at
    _db.session.commit()
    question_set = make_set(teacher, [*questions, rejected, deleted], status="published")

    client.post(f"/play/set/{question_set.id}", data={"nickname": "Zoé"})

    round_ = _db.session.scalar(_db.select(Round))
    assert [rq.question_id for rq in round_.round_questions] == [questions[0].id, questions[1].id]
    assert round_.set_id == question_set.id


def test_a_teachers_article_is_not_on_the_students_home_page(client, reviewed):
    article = reviewed[0]
    assert article.title not in text(client.get("/"))
    assert client.get(f"/play/new/{article.id}").status_code == 404
