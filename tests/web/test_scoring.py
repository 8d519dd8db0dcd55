"""Scoring on the server: base points, a speed bonus from the server's own clock, a streak bonus."""

from __future__ import annotations

import pytest

from tests.factories import make_round
from webapp.play.services import (
    BASE_POINTS,
    SPEED_BONUS_MAX,
    SPEED_FULL_SECONDS,
    SPEED_NONE_SECONDS,
    STREAK_BONUS_MAX,
    STREAK_STEP,
    Score,
    record_answer,
    score_answer,
)

HX = {"HX-Request": "true"}


def test_a_wrong_answer_earns_nothing():
    assert score_answer(False, 1.0, 5) == Score(0, 0, 0)


@pytest.mark.parametrize(
    ("elapsed", "speed"),
    [
        (0.0, SPEED_BONUS_MAX),
        (SPEED_FULL_SECONDS, SPEED_BONUS_MAX),
        ((SPEED_FULL_SECONDS + SPEED_NONE_SECONDS) / 2, SPEED_BONUS_MAX / 2),
        (SPEED_NONE_SECONDS, 0),
        (SPEED_NONE_SECONDS * 10, 0),
        (None, 0),  # never served: no clock, no bonus
        (-5.0, 0),  # a clock gone backwards gives nothing
    ],
)
def test_speed_bonus_decreases_with_time(elapsed, speed):
    assert score_answer(True, elapsed, 0) == Score(BASE_POINTS + speed, speed, 0)


@pytest.mark.parametrize(("before", "bonus"), [(0, 0), (1, STREAK_STEP), (2, 2 * STREAK_STEP), (50, STREAK_BONUS_MAX)])
def test_streak_bonus_grows_then_caps(before, bonus):
    assert score_answer(True, None, before).streak_bonus == bonus


def test_speed_bonus_is_measured_from_when_the_question_was_served(client, db, clock):
    round_ = make_round(n_questions=2)
    first, second = (rq.question for rq in round_.round_questions)

    client.get(f"/play/{round_.token}")  # serves the first question
    clock.advance(SPEED_FULL_SECONDS - 1)
    fast = client.post(f"/play/{round_.token}/answer",
                       data={"question_id": first.id, "choice_id": first.correct_choice.id}, headers=HX)
    client.get(f"/play/{round_.token}")  # serves the second
    clock.advance(SPEED_NONE_SECONDS + 1)
    slow = client.post(f"/play/{round_.token}/answer",
                       data={"question_id": second.id, "choice_id": second.correct_choice.id}, headers=HX)

    assert f"+{BASE_POINTS + SPEED_BONUS_MAX} points" in fast.get_data(as_text=True)
    assert f"rapidité +{SPEED_BONUS_MAX}" in fast.get_data(as_text=True)
    slow_html = slow.get_data(as_text=True)
    assert f"+{BASE_POINTS + STREAK_STEP} points" in slow_html and "rapidité" not in slow_html
    assert f"série +{STREAK_STEP}" in slow_html


def test_reloading_the_question_does_not_restart_its_clock(client, db, clock):
    round_ = make_round(n_questions=1)
    question = round_.round_questions[0].question

    client.get(f"/play/{round_.token}")
    clock.advance(SPEED_NONE_SECONDS)
    client.get(f"/play/{round_.token}")  # the student reloads, hoping for a fresh clock
    client.get(f"/play/{round_.token}/questions/1")
    outcome = record_answer(round_, question.id, question.correct_choice.id)

    assert outcome.answer.speed_bonus == 0


def test_a_wrong_answer_breaks_the_streak(db, clock):
    round_ = make_round(n_questions=4)
    questions = [rq.question for rq in round_.round_questions]
    picks = [q.correct_choice for q in questions[:2]] + [questions[2].choices[1], questions[3].correct_choice]

    outcomes = [record_answer(round_, q.id, c.id) for q, c in zip(questions, picks, strict=True)]

    assert [o.answer.streak_bonus for o in outcomes] == [0, STREAK_STEP, 0, 0]
    assert [o.answer.points for o in outcomes] == [BASE_POINTS, BASE_POINTS + STREAK_STEP, 0, BASE_POINTS]
    db.session.refresh(round_)
    assert round_.score == 3 * BASE_POINTS + STREAK_STEP
    assert round_.finished_at == clock.now


def test_the_round_is_finished_only_after_its_last_answer(db, clock):
    round_ = make_round(n_questions=2)
    first, second = (rq.question for rq in round_.round_questions)

    record_answer(round_, second.id, second.correct_choice.id)
    db.session.refresh(round_)
    assert round_.finished_at is None
    record_answer(round_, first.id, first.correct_choice.id)
    db.session.refresh(round_)
    assert round_.finished_at == clock.now
