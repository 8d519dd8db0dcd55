"""Answers arriving at once: the same answer POSTed by several threads is recorded and scored once."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from tests.factories import make_round
from webapp.models import Answer, Round

THREADS = 8


def post_all_at_once(app, url: str, data: dict, threads: int = THREADS) -> list[int]:
    barrier = threading.Barrier(threads)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def worker():
        client = app.test_client()
        barrier.wait()
        try:
            response = client.post(url, data=data, headers={"HX-Request": "true"})
            statuses.append(response.status_code)
        except BaseException as error:  # noqa: BLE001 (reported below, in the test's thread)
            errors.append(error)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=60)
    assert not errors, errors
    return statuses


def test_the_same_answer_posted_at_once_is_recorded_once(app, db):
    round_ = make_round(n_questions=2)
    question = round_.round_questions[0].question
    data = {"question_id": question.id, "choice_id": question.correct_choice.id}

    statuses = post_all_at_once(app, f"/play/{round_.token}/answer", data)

    assert statuses == [200] * THREADS
    answers = db.session.scalars(sa.select(Answer)).all()
    assert len(answers) == 1
    db.session.expire_all()
    assert db.session.scalar(sa.select(Round.score)) == answers[0].points == 100


def test_different_questions_of_one_round_at_once_all_count(app, db):
    round_ = make_round(n_questions=THREADS)
    barrier = threading.Barrier(THREADS)
    url = f"/play/{round_.token}/answer"
    forms = [{"question_id": rq.question.id, "choice_id": rq.question.correct_choice.id}
             for rq in round_.round_questions]
    statuses = []

    def worker(form):
        client = app.test_client()
        barrier.wait()
        statuses.append(client.post(url, data=form).status_code)

    workers = [threading.Thread(target=worker, args=(form,)) for form in forms]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=60)

    assert statuses == [303] * THREADS
    db.session.expire_all()
    total = db.session.scalar(sa.select(sa.func.sum(Answer.points)))
    played = db.session.scalar(sa.select(Round))
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == THREADS
    assert played.score == total
    assert played.finished_at is not None
