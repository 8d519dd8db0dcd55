"""The home page and starting a round: articles to play, nickname validation, empty states."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_article, make_question
from webapp.models import Player, Round

HX = {"HX-Request": "true"}


def test_home_lists_the_articles_a_mixed_round_and_the_leaderboard(client, db):
    article = make_article(title="Le chiffre du jour", source="La Gazette")
    make_question(article)
    make_question(article)

    for headers in ({}, HX):
        response = client.get("/", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Le chiffre du jour" in html and "La Gazette" in html and "2 questions" in html
        assert f'href="/play/new/{article.id}"' in html
        assert 'href="/play/new"' in html  # the mixed round
        assert 'href="/board/"' in html
        assert ("<html" in html) == (not headers)
        assert "hx-request" in response.vary.as_set()


def test_home_without_articles_says_so(client, db):
    html = client.get("/").get_data(as_text=True)

    assert "Pas encore d&#39;article" in html
    assert "flask content load" in html


def test_an_article_whose_questions_are_not_ready_cannot_be_played_yet(client, db):
    article = make_article(title="En attente")
    make_question(article, status="proposed")  # not reviewed: students never see it

    home = client.get("/").get_data(as_text=True)
    start = client.get(f"/play/new/{article.id}")
    post = client.post(f"/play/new/{article.id}", data={"nickname": "Zoé"})

    assert "Questions en préparation" in home and f'href="/play/new/{article.id}"' not in home
    assert start.status_code == 200 and "Pas encore de questions" in start.get_data(as_text=True)
    assert post.status_code == 409 and "Pas encore de questions" in post.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Round.id))) == 0


def test_start_page_full_and_fragment(client, db):
    article = make_article(title="Un titre")
    make_question(article)

    for headers in ({}, HX):
        response = client.get(f"/play/new/{article.id}", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Un titre" in html and '<label for="nickname">Ton pseudo</label>' in html
        assert 'method="post"' in html and f'hx-post="/play/new/{article.id}"' in html
        assert ("<html" in html) == (not headers)


def test_starting_a_round_redirects_to_it(client, db):
    article = make_article()
    questions = [make_question(article) for _ in range(3)]

    response = client.post(f"/play/new/{article.id}", data={"nickname": "  Zoé   la  Loupe "})

    round_ = db.session.scalar(sa.select(Round))
    assert response.status_code == 303
    assert response.headers["Location"] == f"/play/{round_.token}"
    assert round_.player.nickname == "Zoé la Loupe"
    assert round_.article_id == article.id
    assert [rq.question_id for rq in round_.round_questions] == [q.id for q in questions]


def test_starting_a_round_with_htmx_navigates_with_hx_redirect(client, db):
    make_question()

    response = client.post("/play/new", data={"nickname": "Sam"}, headers=HX)

    round_ = db.session.scalar(sa.select(Round))
    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == f"/play/{round_.token}"
    assert round_.article_id is None


def test_a_round_has_at_most_round_size_questions_spread_over_articles(client, db):
    first, second = make_article(), make_article()
    for _ in range(8):
        make_question(first, kind="who_quoted")
        make_question(second, kind="figure_source")

    client.post("/play/new", data={"nickname": "Sam"})

    round_ = db.session.scalar(sa.select(Round))
    chosen = [rq.question for rq in round_.round_questions]
    assert len(chosen) == 10
    assert len({q.id for q in chosen}) == 10
    assert {q.article_id for q in chosen} == {first.id, second.id}
    assert abs(sum(q.article_id == first.id for q in chosen) - 5) <= 1
    assert [rq.position for rq in round_.round_questions] == list(range(1, 11))


def test_only_accepted_questions_are_played(client, db):
    article = make_article()
    accepted = make_question(article)
    make_question(article, status="proposed")
    make_question(article, status="rejected")

    client.post(f"/play/new/{article.id}", data={"nickname": "Sam"})

    round_ = db.session.scalar(sa.select(Round))
    assert [rq.question_id for rq in round_.round_questions] == [accepted.id]


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("", "Choisis un pseudo pour jouer."),
        ("   ", "Choisis un pseudo pour jouer."),
        ("Z", "Ton pseudo doit faire entre 2 et 24 caractères."),
        ("Z" * 25, "Ton pseudo doit faire entre 2 et 24 caractères."),
        ("Zoé!", "Ton pseudo ne peut contenir que des lettres, des chiffres, des espaces, « - » et « _ »."),
        ("<script>", "Ton pseudo ne peut contenir que des lettres"),
        ("a@b.fr", "Ton pseudo ne peut contenir que des lettres"),
    ],
)
def test_nickname_validation_explains_in_french(client, db, nickname, message):
    article = make_article()
    make_question(article)

    for headers in ({}, HX):
        response = client.post(f"/play/new/{article.id}", data={"nickname": nickname}, headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert message.replace("«", "&laquo;") in html or message in html
        assert 'aria-invalid="true"' in html
        assert ("<html" in html) == (not headers)
    assert db.session.scalar(sa.select(sa.func.count(Player.id))) == 0


@pytest.mark.parametrize("nickname", ["Zoé", "jean-luc_42", "Ana María", "Lü", "Z" * 24, " Éloïse "])
def test_good_nicknames_are_accepted(client, db, nickname):
    make_question()

    response = client.post("/play/new", data={"nickname": nickname})

    assert response.status_code == 303
    assert db.session.scalar(sa.select(Player.nickname)) == nickname.strip()


def test_the_same_student_playing_again_keeps_their_player(client, db):
    make_question()
    client.post("/play/new", data={"nickname": "Sam"})
    client.post("/play/new", data={"nickname": "Sam"})
    client.post("/play/new", data={"nickname": "Samuel"})

    assert db.session.scalar(sa.select(sa.func.count(Round.id))) == 3
    assert db.session.scalars(sa.select(Player.nickname).order_by(Player.id)).all() == ["Sam", "Samuel"]
    assert 'value="Samuel"' in client.get("/play/new").get_data(as_text=True)  # remembered for next time


def test_an_unknown_article_is_a_french_404(client, db):
    for method in ("get", "post"):
        response = getattr(client, method)("/play/new/12345", data={"nickname": "Sam"})
        assert response.status_code == 404
        assert "Cet article n&#39;existe pas" in response.get_data(as_text=True)
