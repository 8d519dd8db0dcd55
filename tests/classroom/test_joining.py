"""Joining a game: the code, the nickname (validated, unique, not offensive), removed players, two players."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import log_in_session, make_game, make_players, make_teacher
from webapp.classroom import services
from webapp.classroom.nicknames import is_offensive


def join(client, code, nickname="Zoé", htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post("/join", data={"code": code, "nickname": nickname}, headers=headers)


def test_joining_with_the_code_lands_in_the_lobby(client, db):
    game = make_game()
    response = join(client, game.code)
    assert response.status_code == 303 and response.headers["Location"] == f"/game/{game.id}"
    lobby = client.get(f"/game/{game.id}")
    assert "Tu es dans la partie" in lobby.text and "Zoé" in lobby.text


def test_join_with_htmx_redirects_the_page_and_the_form_is_a_fragment(client, db):
    game = make_game()
    assert "<html" not in client.get("/join", headers={"HX-Request": "true"}).text
    response = join(client, game.code, htmx=True)
    assert response.headers["HX-Redirect"] == f"/game/{game.id}"


def test_the_qr_link_fills_in_the_code(client, db):
    assert 'value="123456"' in client.get("/join?code=123456").text


@pytest.mark.parametrize("code", ["000000", "12345", "abcdef"])
def test_a_wrong_code_is_refused_in_french(client, db, code):
    make_game()
    response = join(client, code)
    assert response.status_code in (404, 422)
    assert "code" in response.text.lower()


def test_a_finished_game_cannot_be_joined(client, db):
    game = make_game()
    code = game.code
    services.end_game(game)
    assert game.code is None
    response = join(client, code)
    assert response.status_code == 404
    assert "Aucune partie en cours n&#39;a ce code" in response.text


def test_homework_past_its_deadline_cannot_be_joined(client, db, clock):
    game = make_game(mode="homework", deadline=clock.now + timedelta(hours=1), now=clock.now)
    clock.advance(2 * 3600)
    response = join(client, game.code)
    assert response.status_code == 410
    assert "date limite" in response.text
    db.session.refresh(game)
    assert game.is_finished and game.code is None  # the code went back to the pool


def test_an_abandoned_live_game_expires(client, db, clock):
    game = make_game(now=clock.now)
    clock.advance((services.LIVE_GAME_HOURS + 1) * 3600)
    assert join(client, game.code).status_code == 410


def test_codes_are_six_digits_and_distinct_among_live_games(db):
    teacher = make_teacher()
    codes = [make_game(teacher).code for _ in range(20)]
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(set(codes)) == len(codes)


def test_a_nickname_is_unique_within_the_game_whatever_the_accents_and_case(app, db):
    game = make_game()
    assert join(app.test_client(), game.code, "Zoé").status_code == 303
    response = join(app.test_client(), game.code, " zoe ")
    assert response.status_code == 409
    assert "déjà pris" in response.text
    # ... but another game may have its own Zoé.
    assert join(app.test_client(), make_game().code, "Zoé").status_code == 303


@pytest.mark.parametrize("nickname", ["C0NNARD", "pu-te", "Sale_Arabe", "enculé42", "s4l0pe"])
def test_offensive_nicknames_are_refused(client, db, nickname):
    response = join(client, make_game().code, nickname)
    assert response.status_code == 422
    assert "pas accepté en classe" in response.text


@pytest.mark.parametrize("nickname", ["Constance", "Député", "Computer", "Salopette", "Nazim", "Monténégro"])
def test_innocent_nicknames_containing_a_listed_word_pass(nickname):
    assert not is_offensive(nickname)


def test_the_solo_nickname_rules_apply(client, db):
    response = join(client, make_game().code, "<b>")
    assert response.status_code == 422
    assert "lettres, des chiffres" in response.text


def test_rejoining_from_the_same_browser_gives_the_same_player(client, db):
    game = make_game()
    join(client, game.code, "Zoé")
    join(client, game.code, "Autre")
    assert [p.nickname for p in services.active_players(game)] == ["Zoé"]


def test_a_removed_player_cannot_rejoin_nor_answer(client, db):
    game = make_game()
    join(client, game.code, "Zoé")
    (player,) = services.active_players(game)
    services.remove_player(player)
    assert join(client, game.code, "Zoé bis").status_code == 403
    assert client.get(f"/game/{game.id}").status_code == 403
    services.open_question(game, 1)
    question = game.game_questions[0].question
    response = client.post(f"/game/{game.id}/answer",
                           data={"question_id": question.id, "choice_id": question.choices[0].id})
    assert response.status_code == 403
    assert services.game_standings(game) == []


def test_two_players_in_one_browser_are_two_sessions(app, db):
    game = make_game()
    first, second = app.test_client(), app.test_client()
    join(first, game.code, "Alice")
    join(second, game.code, "Bob")
    assert "Alice" in first.get(f"/game/{game.id}").text.split("Ton pseudo")[1][:80]
    assert "Bob" in second.get(f"/game/{game.id}").text.split("Ton pseudo")[1][:80]


def test_a_stranger_is_not_in_the_game(client, db):
    game = make_game()
    assert client.get(f"/game/{game.id}").status_code == 403


def test_teacher_notes_rename_and_remove_never_reach_the_projector(client, db):
    teacher = make_teacher()
    game = make_game(teacher)
    (player,) = make_players(game, 1, "Vilain")
    log_in_session(client, teacher)
    client.post(f"/classroom/{game.id}/players/{player.id}/note", data={"note": "Jules Martin"})
    assert "Jules Martin" in client.get(f"/classroom/{game.id}").text
    assert "Jules Martin" not in client.get(f"/board/games/{game.id}").text
    response = client.post(f"/classroom/{game.id}/players/{player.id}/rename", data={"nickname": "Renard"})
    assert response.status_code == 303
    assert "Renard" in client.get(f"/board/games/{game.id}").text


def test_another_teacher_cannot_see_the_game(client, db):
    game = make_game()
    log_in_session(client, make_teacher())
    assert client.get(f"/classroom/{game.id}").status_code == 404
    assert client.get(f"/board/games/{game.id}").status_code == 404


def test_teacher_pages_need_a_login(client, db):
    game = make_game()
    assert client.get(f"/board/games/{game.id}").status_code == 302
    assert client.get("/classroom/").status_code == 302
