"""A live game: pacing, answers (late, twice, for another), speed bonus, standings, results and CSV."""

from __future__ import annotations

import csv
import io
import threading

import sqlalchemy as sa

from tests.factories import join_as, log_in_session, make_game, make_players, make_teacher
from webapp.classroom import services
from webapp.classroom.results import game_results
from webapp.models import GameAnswer


def answer(client, game, question, choice_index=0, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(f"/game/{game.id}/answer", headers=headers,
                       data={"question_id": question.id, "choice_id": question.choices[choice_index].id})


def test_the_teacher_paces_the_game_and_a_double_click_moves_it_once(client, db, clock):
    teacher = make_teacher()
    game = make_game(teacher, n_questions=2, now=clock.now)
    log_in_session(client, teacher)
    for _ in range(2):  # the same page clicked twice
        client.post(f"/classroom/{game.id}/advance", data={"state": "lobby", "position": 0})
    db.session.refresh(game)
    assert (game.state, game.current_position) == ("question", 1)
    assert game.question_opened_at == clock.now
    assert game.closes_at == clock.now + services.timedelta(seconds=game.seconds_per_question)


def test_advance_with_htmx_triggers_the_screens(client, db):
    teacher = make_teacher()
    game = make_game(teacher)
    log_in_session(client, teacher)
    response = client.post(f"/classroom/{game.id}/advance", data={"state": "lobby", "position": 0},
                           headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.headers["HX-Trigger"] == "game-changed"


def test_a_right_answer_scores_with_a_speed_bonus_from_the_server_clock(app, db, clock):
    game = make_game(now=clock.now)
    alice, bob = make_players(game, 2)
    services.open_question(game, 1, clock.now)
    question = game.game_questions[0].question
    clock.advance(game.seconds_per_question / 2)
    outcome = services.record_answer(game, alice, question.id, question.correct_choice.id, clock.now)
    assert outcome.answer.points == 100 + 25 and outcome.answer.speed_bonus == 25
    wrong = next(c for c in question.choices if not c.is_correct)
    assert services.record_answer(game, bob, question.id, wrong.id, clock.now).answer.points == 0


def test_without_speed_bonus_a_right_answer_is_worth_the_same_at_any_time(db, clock):
    game = make_game(speed_bonus=False, now=clock.now)
    (alice,) = make_players(game, 1)
    services.open_question(game, 1, clock.now)
    question = game.game_questions[0].question
    assert services.record_answer(game, alice, question.id, question.correct_choice.id, clock.now).answer.points == 100


def test_answers_close_when_everyone_answered(app, db):
    game = make_game()
    players = make_players(game, 2)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    services.record_answer(game, players[0], question.id, question.choices[0].id)
    assert game.state == "question"
    services.record_answer(game, players[1], question.id, question.choices[1].id)
    db.session.refresh(game)
    assert game.state == "reveal"


def test_an_answer_after_the_countdown_is_refused_with_a_clear_message(app, db, clock):
    game = make_game(now=clock.now)
    player, _other = make_players(game, 2)
    services.open_question(game, 1, clock.now)
    clock.advance(game.seconds_per_question + 1)
    client = app.test_client()
    join_as(client, game, player)
    response = answer(client, game, game.game_questions[0].question, htmx=True)
    assert response.status_code == 409
    assert "Trop tard" in response.text
    assert response.headers["HX-Retarget"] == "#alerts"
    assert db.session.scalar(sa.select(sa.func.count(GameAnswer.id))) == 0
    db.session.refresh(game)
    assert game.state == "reveal"  # the clock's decision is stored


def test_an_answer_to_a_question_not_open_yet_is_refused(app, db):
    game = make_game()
    (player,) = make_players(game, 1)
    services.open_question(game, 1)
    client = app.test_client()
    join_as(client, game, player)
    assert answer(client, game, game.game_questions[1].question).status_code == 409


def test_answering_twice_keeps_the_first_answer(app, db):
    game = make_game()
    player, _other = make_players(game, 2)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    client = app.test_client()
    join_as(client, game, player)
    assert answer(client, game, question, 0).status_code == 303
    response = answer(client, game, question, 1, htmx=True)
    assert response.status_code == 200
    assert "déjà répondu" in response.text and question.choices[0].text in response.text
    (recorded,) = db.session.scalars(sa.select(GameAnswer)).all()
    assert recorded.choice_id == question.choices[0].id


def test_a_player_cannot_answer_for_another(app, db):
    """The player comes from the signed session only: no form field names a player."""
    game = make_game()
    alice, bob = make_players(game, 2)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    client = app.test_client()
    join_as(client, game, alice)
    client.post(f"/game/{game.id}/answer", data={
        "question_id": question.id, "choice_id": question.choices[1].id, "player_id": bob.id, "token": bob.token,
    })
    assert [a.player_id for a in db.session.scalars(sa.select(GameAnswer))] == [alice.id]
    forged = app.test_client()
    forged.set_cookie("session", "forged")
    assert answer(forged, game, question).status_code == 403


def test_a_forged_choice_is_refused(app, db):
    game = make_game()
    (player,) = make_players(game, 1)
    services.open_question(game, 1)
    client = app.test_client()
    join_as(client, game, player)
    other = game.game_questions[1].question
    response = client.post(f"/game/{game.id}/answer", data={
        "question_id": game.game_questions[0].question_id, "choice_id": other.choices[0].id})
    assert response.status_code == 400


def test_the_student_stage_is_a_fragment_for_htmx_and_204_when_nothing_changed(app, db):
    game = make_game()
    (player,) = make_players(game, 1)
    client = app.test_client()
    join_as(client, game, player)
    page = client.get(f"/game/{game.id}")
    assert "<html" in page.text and "HX-Request" in page.headers["Vary"]
    fragment = client.get(f"/game/{game.id}", headers={"HX-Request": "true"})
    assert "<html" not in fragment.text and 'id="game-stage"' in fragment.text
    version = services.game_version(game)
    assert client.get(f"/game/{game.id}?v={version}", headers={"HX-Request": "true"}).status_code == 204
    services.open_question(game, 1)
    assert "Temps restant" in client.get(f"/game/{game.id}?v={version}", headers={"HX-Request": "true"}).text


def test_a_reloading_student_gets_the_current_state(app, db):
    game = make_game()
    player, _ = make_players(game, 2)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    client = app.test_client()
    join_as(client, game, player)
    answer(client, game, question)
    assert "Réponse enregistrée" in client.get(f"/game/{game.id}").text
    services.close_question(game)
    assert "Bonne réponse" in client.get(f"/game/{game.id}").text


def test_standings_feed_the_projector_and_the_podium(client, db):
    teacher = make_teacher()
    game = make_game(teacher, n_questions=1, speed_bonus=False)
    players = make_players(game, 4)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    for player, index in zip(players, [0, 1, 0, 2]):
        services.record_answer(game, player, question.id, question.choices[index].id)
    standings = services.game_standings(game)
    assert [(s.rank, s.score) for s in standings] == [(1, 100), (1, 100), (3, 0), (3, 0)]
    log_in_session(client, teacher)
    board = client.get(f"/board/games/{game.id}").text
    assert "Classement" in board and "<mark>" in board  # the evidence, highlighted
    services.end_game(game)
    podium = client.get(f"/board/games/{game.id}").text
    assert podium.index(standings[0].nickname) < podium.index(standings[2].nickname)


def test_results_and_csv(client, db):
    teacher = make_teacher()
    game = make_game(teacher, n_questions=2, speed_bonus=False)
    players = make_players(game, 3)
    for position, picks in [(1, [0, 0, 1]), (2, [1, 1, 2])]:
        services.open_question(game, position)
        question = game.game_questions[position - 1].question
        for player, index in zip(players, picks):
            services.record_answer(game, player, question.id, question.choices[index].id)
    services.set_note(players[0], "Léa Dupré")
    results = game_results(game)
    first, second = results.questions
    assert (first.answered, first.right) == (3, 2)
    assert second.right == 0 and second.top_wrong.text == "Réponse B" and second.top_wrong_count == 2
    assert [q.game_question.position for q in results.discuss_first] == [2, 1]

    log_in_session(client, teacher)
    page = client.get(f"/classroom/{game.id}/results").text
    assert "Questions à discuter d'abord" in page
    assert "Réponse B" in page
    response = client.get(f"/classroom/{game.id}/results.csv")
    assert response.mimetype == "text/csv" and response.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 3 * 2
    assert any(r[1] == "Élève 1" and r[2] == "Léa Dupré" for r in rows[1:])


def test_homework_one_question_at_a_time_until_the_deadline(app, db, clock):
    game = make_game(mode="homework", deadline=clock.now + services.timedelta(days=2), now=clock.now)
    (player,) = make_players(game, 1)
    client = app.test_client()
    join_as(client, game, player)
    first = game.game_questions[0].question
    assert "Question 1 ?" in client.get(f"/game/{game.id}").text
    response = answer(client, game, first)
    assert response.headers["Location"] == f"/game/{game.id}/questions/1"
    assert "Bonne réponse" in client.get(response.headers["Location"]).text
    assert "Question 2 ?" in client.get(f"/game/{game.id}").text
    clock.advance(3 * 24 * 3600)
    assert answer(client, game, game.game_questions[1].question).status_code == 409


def test_end_delete_and_undo(client, db):
    teacher = make_teacher()
    game = make_game(teacher)
    log_in_session(client, teacher)
    client.post(f"/classroom/{game.id}/end")
    db.session.refresh(game)
    assert game.is_finished and game.code is None
    page = client.post(f"/classroom/{game.id}/delete").text
    assert "Annuler la suppression" in page
    assert services.teacher_games(teacher) == []
    client.post(f"/classroom/{game.id}/restore")
    assert services.teacher_games(teacher) == [game]


THREADS = 12


def test_many_players_answering_at_once_lose_nothing_and_double_nothing(app, db):
    """Each player's answer posted twice at the same instant: one answer each, totals equal the answers."""
    game = make_game(n_questions=1)
    players = make_players(game, THREADS)
    services.open_question(game, 1)
    question = game.game_questions[0].question
    url = f"/game/{game.id}/answer"
    forms = [{"question_id": question.id, "choice_id": question.choices[i % 3].id} for i in range(THREADS)]
    sessions = [{str(game.id): p.token} for p in players]
    barrier = threading.Barrier(THREADS * 2)
    statuses, errors = [], []

    def worker(index):
        client = app.test_client()
        with client.session_transaction() as session:
            session["games"] = sessions[index]
        barrier.wait()
        try:
            statuses.append(client.post(url, data=forms[index], headers={"HX-Request": "true"}).status_code)
        except BaseException as error:  # noqa: BLE001 (reported in the test's thread)
            errors.append(error)

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS) for _ in range(2)]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=60)
    assert not errors, errors
    assert statuses == [200] * (THREADS * 2)
    db.session.expire_all()
    answers = db.session.scalars(sa.select(GameAnswer)).all()
    assert sorted(a.player_id for a in answers) == sorted(p.id for p in players)
    assert sum(s.score for s in services.game_standings(game)) == sum(a.points for a in answers)
    db.session.refresh(game)
    assert game.state == "reveal"  # everyone answered
