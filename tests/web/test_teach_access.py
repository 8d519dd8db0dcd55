"""Who may open what under /teach: anonymous, a student in a round, another teacher, the owner."""

from __future__ import annotations

import pytest

from tests.factories import make_question, make_round, make_set

# Every /teach route, with the objects it needs: {article}, {question} and {set} belong to the owner.
ROUTES = [
    ("GET", "/teach/"),
    ("GET", "/teach/articles/new"),
    ("POST", "/teach/articles/new"),
    ("GET", "/teach/articles/{article}"),
    ("GET", "/teach/articles/{article}/status"),
    ("POST", "/teach/articles/{article}/analyse"),
    ("GET", "/teach/articles/{article}/delete"),
    ("POST", "/teach/articles/{article}/delete"),
    ("GET", "/teach/articles/{article}/questions/new"),
    ("POST", "/teach/articles/{article}/questions/new"),
    ("GET", "/teach/questions/{question}"),
    ("POST", "/teach/questions/{question}/status"),
    ("GET", "/teach/questions/{question}/edit"),
    ("POST", "/teach/questions/{question}/edit"),
    ("POST", "/teach/questions/{question}/delete"),
    ("POST", "/teach/questions/{question}/restore"),
    ("GET", "/teach/sets/new"),
    ("POST", "/teach/sets/new"),
    ("GET", "/teach/sets/import"),
    ("POST", "/teach/sets/import"),
    ("GET", "/teach/sets/{set}"),
    ("POST", "/teach/sets/{set}"),
    ("POST", "/teach/sets/{set}/questions"),
    ("POST", "/teach/sets/{set}/questions/{question}/remove"),
    ("POST", "/teach/sets/{set}/questions/{question}/move"),
    ("POST", "/teach/sets/{set}/publish"),
    ("POST", "/teach/sets/{set}/copy"),
    ("GET", "/teach/sets/{set}/delete"),
    ("POST", "/teach/sets/{set}/delete"),
    ("GET", "/teach/sets/{set}/export.yaml"),
    ("GET", "/teach/sets/{set}/export.json"),
    ("GET", "/teach/sets/{set}/results"),
]
PRIVATE = [r for r in ROUTES if "{" in r[1]]


@pytest.fixture
def things(db, reviewed, teacher):
    article, questions = reviewed
    question_set = make_set(teacher, questions[:2], title="Brouillon privé")
    return {"article": article.id, "question": questions[0].id, "set": question_set.id}


def _call(client, method, url, **kwargs):
    return client.get(url, **kwargs) if method == "GET" else client.post(url, data={}, **kwargs)


def test_the_list_covers_every_teach_route(app):
    rules = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/teach")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    listed = {(m, u.replace("{article}", "<int:article_id>").replace("{question}", "<int:question_id>")
               .replace("{set}", "<int:set_id>").replace("export.yaml", "export.<any(yaml, json):fmt>")
               .replace("export.json", "export.<any(yaml, json):fmt>")) for m, u in ROUTES}
    assert rules == listed


@pytest.mark.parametrize(("method", "url"), ROUTES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, things, method, url):
    response = _call(client, method, url.format(**things))

    assert response.status_code == 302
    assert response.location.startswith("/auth/login?next=")


@pytest.mark.parametrize(("method", "url"), ROUTES)
def test_a_student_with_a_round_in_progress_is_no_teacher(app, db, things, method, url):
    student = app.test_client()
    round_ = make_round([make_question()])
    with student.session_transaction() as session:
        session["player_id"], session["nickname"] = round_.player_id, "Zoé"
    assert student.get(f"/play/{round_.token}").status_code == 200

    response = _call(student, method, url.format(**things))

    assert response.status_code == 302
    assert "/auth/login" in response.location


@pytest.mark.parametrize(("method", "url"), PRIVATE)
def test_another_teacher_finds_nothing_of_the_owners_private_work(colleague_client, things, method, url):
    response = _call(colleague_client, method, url.format(**things))

    assert response.status_code == 404
    assert "Budget des écoles" not in response.get_data(as_text=True)


@pytest.mark.parametrize("url", [u for m, u in ROUTES if m == "GET"])
def test_the_owner_opens_every_page(owner_client, things, url):
    response = owner_client.get(url.format(**things))

    assert response.status_code == 200


@pytest.mark.parametrize("url", [u for m, u in ROUTES if m == "GET" and "export" not in u])
def test_every_page_is_a_fragment_for_htmx(owner_client, things, url):
    response = owner_client.get(url.format(**things), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.get_data(as_text=True)
    assert "HX-Request" in response.headers["Vary"]


def test_a_published_set_of_a_colleague_is_read_only_but_copyable(colleague_client, db, things):
    from webapp.extensions import db as _db
    from webapp.models import QuestionSet

    question_set = _db.session.get(QuestionSet, things["set"])
    question_set.status = "published"
    _db.session.commit()

    page = colleague_client.get(f"/teach/sets/{things['set']}")
    assert page.status_code == 200
    assert "Copier dans mes séries" in page.get_data(as_text=True)
    assert colleague_client.get(f"/teach/sets/{things['set']}/export.yaml").status_code == 200
    for url in ("", "/publish", "/questions", f"/questions/{things['question']}/move"):
        assert colleague_client.post(f"/teach/sets/{things['set']}{url}", data={"status": "draft"}).status_code == 403
    assert colleague_client.get(f"/teach/sets/{things['set']}/results").status_code == 403

    copied = colleague_client.post(f"/teach/sets/{things['set']}/copy")
    assert copied.status_code == 303
    copy = _db.session.scalar(_db.select(QuestionSet).where(QuestionSet.title == "Copie de Brouillon privé"))
    assert copy.status == "draft" and [sq.question_id for sq in copy.set_questions] == \
        [sq.question_id for sq in question_set.set_questions]


def test_shipped_articles_are_readable_by_every_teacher_but_not_editable(colleague_client, db):
    shipped = make_question()  # an article of content/: no owner
    assert colleague_client.get(f"/teach/articles/{shipped.article_id}").status_code == 200
    assert colleague_client.post(f"/teach/questions/{shipped.id}/status", data={"status": "rejected"}).status_code == 403
    assert colleague_client.post(f"/teach/questions/{shipped.id}/delete").status_code == 403
