"""The leaderboard: best finished rounds of the week and of all time."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from tests.factories import make_article, make_finished_round, make_question, make_round
from webapp.board.services import best_rounds, leaderboards, week_start
from webapp.models import Round

HX = {"HX-Request": "true"}


def test_week_starts_on_monday_midnight():
    assert week_start(datetime(2025, 3, 12, 10, 30)) == datetime(2025, 3, 10)
    assert week_start(datetime(2025, 3, 10, 0, 0)) == datetime(2025, 3, 10)
    assert week_start(datetime(2025, 3, 16, 23, 59)) == datetime(2025, 3, 10)


def test_best_rounds_rank_by_score_and_share_ranks(db, clock):
    make_finished_round("Alex", 300, clock.now)
    make_finished_round("Sam", 500, clock.now)
    make_finished_round("Lou", 300, clock.now)
    make_round(n_questions=1, nickname="Pas fini", score=900)  # unfinished rounds are not ranked

    standings = best_rounds()

    assert [(s.rank, s.round.player.nickname, s.round.score) for s in standings] == [
        (1, "Sam", 500), (2, "Alex", 300), (2, "Lou", 300),
    ]


def test_this_week_and_all_time(db, clock):
    make_finished_round("Ancien", 900, clock.now - timedelta(days=10))
    make_finished_round("Lundi", 200, week_start(clock.now))
    make_finished_round("Dimanche", 700, week_start(clock.now) - timedelta(seconds=1))

    boards = leaderboards(clock.now)

    assert [s.round.player.nickname for s in boards["week"]] == ["Lundi"]
    assert [s.round.player.nickname for s in boards["all"]] == ["Ancien", "Dimanche", "Lundi"]


def test_leaderboard_page_full_and_fragment(client, db, clock):
    article = make_article(title="Le titre de l'article")
    make_finished_round("Alex", 420, clock.now, article=article)
    make_finished_round("Sam", 120, clock.now - timedelta(days=30))

    for headers in ({}, HX):
        response = client.get("/board/", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Cette semaine" in html and "Depuis toujours" in html
        assert "Alex" in html and "420" in html and "Le titre de l&#39;article" in html
        assert "Partie mélangée" in html  # Sam's round has no single article
        assert clock.now.strftime("%d/%m/%Y") in html
        assert ("<html" in html) == (not headers)
        assert "hx-request" in response.vary.as_set()
    week = html.split("Depuis toujours")[0]
    assert "Alex" in week and "Sam" not in week


def test_leaderboard_empty_state(client, db):
    html = client.get("/board/").get_data(as_text=True)

    assert html.count("Aucune partie terminée pour l&#39;instant") == 2


def test_students_find_their_own_rounds(client, db, clock):
    question = make_question()
    client.post("/play/new", data={"nickname": "Moi"})
    with client.session_transaction() as session:
        player_id = session["player_id"]
    round_ = db.session.scalar(sa.select(Round).where(Round.player_id == player_id))
    client.post(f"/play/{round_.token}/answer",
                data={"question_id": question.id, "choice_id": question.correct_choice.id})
    make_finished_round("Autre", 50, clock.now)

    html = client.get("/board/").get_data(as_text=True)

    assert '<tr class="me">' in html and "Moi <span class=\"tag\">toi</span>" in html
    assert html.count('<tr class="me">') == 2  # this week and all time


def test_nicknames_are_escaped_on_the_leaderboard(client, db, clock):
    make_finished_round("<b>x</b>", 10, clock.now)  # not possible through the form, but never trusted

    html = client.get("/board/").get_data(as_text=True)

    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
