"""Question sets: building and ordering, publishing and playing, export and import (round trip), the sets of
content/, and the results per skill and per question."""

from __future__ import annotations

import io
import json

import pytest
import yaml

from tests.conftest import make_test_app
from tests.factories import make_question, make_set, make_teacher
from tests.web.teaching import log_in, text
from webapp.extensions import db as _db
from webapp.models import Article, Question, QuestionSet, Round

HTMX = {"HX-Request": "true"}


def _order(question_set) -> list[int]:
    _db.session.expire_all()
    return [sq.question_id for sq in _db.session.get(QuestionSet, question_set.id).set_questions]


def test_creating_a_set_and_adding_questions(owner_client, reviewed):
    questions = reviewed[1]
    bad = owner_client.post("/teach/sets/new", data={"title": "", "default_seconds": "2"})
    assert bad.status_code == 422 and "Donnez un titre" in text(bad) and "Entre 5 et 600" in text(bad)

    response = owner_client.post("/teach/sets/new", data={"title": "Sources et citations", "description": "4e B",
                                                          "default_seconds": "45"})
    question_set = _db.session.scalar(_db.select(QuestionSet))
    assert response.location == f"/teach/sets/{question_set.id}"

    added = owner_client.post(f"/teach/sets/{question_set.id}/questions", data={"question_id": questions[0].id},
                              headers=HTMX)
    assert added.status_code == 200 and 'id="set-panel"' in text(added)
    owner_client.post(f"/teach/sets/{question_set.id}/questions", data={"question_id": questions[1].id})
    assert _order(question_set) == [questions[0].id, questions[1].id]
    proposed = owner_client.post(f"/teach/sets/{question_set.id}/questions", data={"question_id": questions[2].id})
    assert proposed.status_code == 422 and "acceptées" in text(proposed)
    twice = owner_client.post(f"/teach/sets/{question_set.id}/questions", data={"question_id": questions[0].id})
    assert twice.status_code == 409


@pytest.mark.parametrize("headers", [HTMX, {}])
def test_moving_and_removing_questions(owner_client, reviewed, teacher, headers):
    article, questions = reviewed
    third = make_question(article)
    question_set = make_set(teacher, [questions[0], questions[1], third])

    owner_client.post(f"/teach/sets/{question_set.id}/questions/{third.id}/move", data={"direction": "up"},
                      headers=headers)
    assert _order(question_set) == [questions[0].id, third.id, questions[1].id]
    owner_client.post(f"/teach/sets/{question_set.id}/questions/{questions[0].id}/move",
                      data={"direction": "down"}, headers=headers)
    assert _order(question_set) == [third.id, questions[0].id, questions[1].id]
    owner_client.post(f"/teach/sets/{question_set.id}/questions/{third.id}/move", data={"direction": "up"},
                      headers=headers)  # already first: nothing moves
    assert _order(question_set) == [third.id, questions[0].id, questions[1].id]

    response = owner_client.post(f"/teach/sets/{question_set.id}/questions/{questions[0].id}/remove",
                                 headers=headers)

    assert response.status_code == (200 if headers else 303)
    assert _order(question_set) == [third.id, questions[1].id]
    positions = [sq.position for sq in _db.session.get(QuestionSet, question_set.id).set_questions]
    assert positions == [1, 2]


def test_publishing_puts_the_set_on_the_home_page_and_students_play_it_in_order(owner_client, client, reviewed,
                                                                                teacher):
    questions = reviewed[1]
    empty = make_set(teacher, [])
    refused = owner_client.post(f"/teach/sets/{empty.id}/publish", data={"status": "published"})
    assert refused.status_code == 422 and "au moins une question" in text(refused)

    question_set = make_set(teacher, [questions[1], questions[0]], title="Qui parle ?")
    assert "Qui parle ?" not in text(client.get("/"))
    assert owner_client.post(f"/teach/sets/{question_set.id}/publish",
                             data={"status": "published"}).status_code == 303

    home = text(client.get("/"))
    assert "Séries publiées" in home and f"/play/set/{question_set.id}" in home
    started = client.post(f"/play/set/{question_set.id}", data={"nickname": "Zoé"})
    assert started.status_code == 303
    round_ = _db.session.scalar(_db.select(Round))
    assert [rq.question_id for rq in round_.round_questions] == [questions[1].id, questions[0].id]

    owner_client.post(f"/teach/sets/{question_set.id}/publish", data={"status": "draft"})
    assert client.get(f"/play/set/{question_set.id}").status_code == 404


def test_export_and_import_round_trip_identically(owner_client, reviewed, teacher):
    questions = reviewed[1]
    question_set = make_set(teacher, [questions[1], questions[0]], title="Aller-retour", default_seconds=40)

    for fmt, load in (("yaml", yaml.safe_load), ("json", json.loads)):
        exported = owner_client.get(f"/teach/sets/{question_set.id}/export.{fmt}")
        assert exported.status_code == 200 and "attachment" in exported.headers["Content-Disposition"]
        document = load(exported.data)
        assert document["title"] == "Aller-retour" and document["default_seconds"] == 40
        assert document["questions"][0]["prompt"] == questions[1].prompt

        imported = owner_client.post("/teach/sets/import", data={"file": (io.BytesIO(exported.data), f"s.{fmt}")},
                                     content_type="multipart/form-data")
        assert imported.status_code == 303
        copy_id = int(imported.location.rsplit("/", 1)[1])
        again = owner_client.get(f"/teach/sets/{copy_id}/export.{fmt}")
        assert again.data == exported.data
    assert _db.session.scalar(_db.select(_db.func.count(Question.id))) == 3  # identical questions reused


def test_import_into_another_loupe_creates_the_articles(owner_client, reviewed, teacher, tmp_path):
    question_set = make_set(teacher, reviewed[1][:2], title="Voyage")
    exported = owner_client.get(f"/teach/sets/{question_set.id}/export.yaml").data

    other = make_test_app(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with other.app_context():
        _db.create_all()
        newcomer = make_teacher("ailleurs@lycee.fr")
        client = log_in(other.test_client(), newcomer)
        imported = client.post("/teach/sets/import", data={"file": (io.BytesIO(exported), "voyage.yaml")},
                               content_type="multipart/form-data")
        assert imported.status_code == 303
        article = _db.session.scalar(_db.select(Article))
        assert article.owner_id == newcomer.id and article.title == "Budget des écoles"
        assert client.get(imported.location + "/export.yaml").data == exported
        _db.session.remove()
        for engine in _db.engines.values():
            engine.dispose()


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("title"), "le titre de la série manque"),
    (lambda d: d.update(default_seconds=3), "entre 5 et 600"),
    (lambda d: d.update(questions=[]), "au moins une question"),
    (lambda d: d["questions"][0].update(kind="devinette"), "Question 1 : « kind »"),
    (lambda d: d["questions"][1].update(answer=7), "Question 2 : « answer »"),
    (lambda d: d["questions"][0].update(choices=["Oui"]), "entre 2 et 5 choix"),
    (lambda d: d["questions"][0].update(choices=["Oui", "oui", "Non"]), "deux choix sont identiques"),
    (lambda d: d["questions"][0].update(explanation=""), "l'explication est vide"),
    (lambda d: d["questions"][0]["evidence"][0].update(end=10**6), "sort du texte"),
    (lambda d: d["questions"][0]["evidence"][0].update(text="autre chose"), "ne correspond pas au texte"),
    (lambda d: d["questions"][0]["article"].update(text="Un autre texte."), "somme de contrôle"),
])
def test_an_invalid_set_file_is_refused_with_clear_french_errors(owner_client, reviewed, teacher, mutate, message):
    question_set = make_set(teacher, reviewed[1][:2])
    document = yaml.safe_load(owner_client.get(f"/teach/sets/{question_set.id}/export.yaml").data)
    mutate(document)
    count = _db.session.scalar(_db.select(_db.func.count(QuestionSet.id)))

    response = owner_client.post("/teach/sets/import",
                                 data={"file": (io.BytesIO(yaml.safe_dump(document).encode()), "serie.yaml")},
                                 content_type="multipart/form-data")

    assert response.status_code == 422
    assert message in text(response)
    assert _db.session.scalar(_db.select(_db.func.count(QuestionSet.id))) == count


@pytest.mark.parametrize(("filename", "data", "message"), [
    ("serie.yaml", b"title: [unclosed", "illisible"),
    ("serie.json", b"{\"title\": ", "illisible"),
    ("serie.txt", b"title: x", ".yaml, .yml ou .json"),
    ("serie.yaml", b"- juste\n- une liste\n", "ne décrit pas une série"),
    ("serie.yaml", b"\x00\x01\x02", "binaires"),
])
def test_unreadable_set_files(owner_client, db, filename, data, message):
    response = owner_client.post("/teach/sets/import", data={"file": (io.BytesIO(data), filename)},
                                 content_type="multipart/form-data")
    assert response.status_code in (415, 422)
    assert message in text(response)


def test_content_load_reads_the_sets_of_content(app, owner_client, reviewed, teacher, tmp_path, monkeypatch):
    question_set = make_set(teacher, reviewed[1][:2], title="Série livrée")
    (tmp_path / "articles").mkdir()
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "livree.yaml").write_bytes(owner_client.get(f"/teach/sets/{question_set.id}/export.yaml").data)
    (tmp_path / "sets" / "cassee.json").write_text("{}")
    runner = app.test_cli_runner()

    first = runner.invoke(args=["content", "load", str(tmp_path)])
    second = runner.invoke(args=["content", "load", str(tmp_path)])

    assert "livree.yaml : série ajoutée" in first.output and "cassee.json : ignorée" in first.output
    assert "livree.yaml : série inchangée" in second.output
    shipped = _db.session.scalar(_db.select(QuestionSet).where(QuestionSet.owner_id.is_(None)))
    assert shipped.status == "published" and shipped.title == "Série livrée"


def _play(client, question_set, picks: list[int], nickname: str) -> None:
    """A student plays the whole set, choosing the `picks`-th choice (from 0) of each question."""
    client.post(f"/play/set/{question_set.id}", data={"nickname": nickname})
    round_ = _db.session.scalar(_db.select(Round).order_by(Round.id.desc()))
    for rq, pick in zip(round_.round_questions, picks, strict=True):
        client.post(f"/play/{round_.token}/answer",
                    data={"question_id": rq.question_id, "choice_id": rq.question.choices[pick].id})


def test_results_per_skill_and_per_question(app, owner_client, reviewed, teacher):
    questions = reviewed[1][:2]  # who_quoted (right: 0), figure_source (right: 1)
    question_set = make_set(teacher, questions, status="published")
    _play(app.test_client(), question_set, [0, 1], "Zoé")   # both right
    _play(app.test_client(), question_set, [1, 0], "Lina")   # both wrong
    _play(app.test_client(), question_set, [1, 1], "Noé")    # wrong, right

    response = owner_client.get(f"/teach/sets/{question_set.id}/results")

    page = text(response)
    assert response.status_code == 200
    assert "Attribuer une citation" in page and "Trouver la source d'un chiffre" in page
    assert "33 % (1/3)" in page and "67 % (2/3)" in page  # labels on the bars: readable without colour
    assert '<svg class="chart" role="img"' in page and 'fill="url(#hatch)"' in page
    assert "Jean Dupuis <span class=\"muted\">(2)</span>" in page  # the most chosen wrong answer, twice
    from webapp.teach.results import set_results
    results = set_results(_db.session.get(QuestionSet, question_set.id))
    assert results.players == 3 and results.answers == 6
    assert [(s.kind, s.played, s.right) for s in results.skills] == [("who_quoted", 3, 1), ("figure_source", 3, 2)]


def test_results_before_anyone_played(owner_client, reviewed, teacher):
    question_set = make_set(teacher, reviewed[1][:1])
    page = text(owner_client.get(f"/teach/sets/{question_set.id}/results"))
    assert "Personne n'a encore joué" in page
