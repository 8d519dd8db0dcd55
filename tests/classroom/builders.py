"""Builders for classroom games: a teacher, a published set, a game, players and their answers (each commits)."""

from __future__ import annotations

import itertools
from datetime import datetime

from tests.factories import make_article, make_question
from webapp.classroom import services
from webapp.extensions import db
from webapp.models import Game, GamePlayer, QuestionSet, SetQuestion, Teacher

_counter = itertools.count(1)


def make_teacher(email: str | None = None) -> Teacher:
    teacher = Teacher(email=email or f"prof{next(_counter)}@example.org", password_hash="x")
    db.session.add(teacher)
    db.session.commit()
    return teacher


def make_set(owner: Teacher, n_questions: int = 3, *, status: str = "published", seconds: int = 20) -> QuestionSet:
    """A set of `n_questions` questions (3 choices, the first right) of one article."""
    article = make_article()
    question_set = QuestionSet(owner_id=owner.id, title=f"Série {next(_counter)}", status=status,
                               default_seconds=seconds)
    question_set.set_questions = [
        SetQuestion(question=make_question(article, prompt=f"Question {i} ?"), position=i)
        for i in range(1, n_questions + 1)
    ]
    db.session.add(question_set)
    db.session.commit()
    return question_set


def make_game(teacher: Teacher | None = None, *, n_questions: int = 3, mode: str = "live",
              deadline: datetime | None = None, speed_bonus: bool = True, now: datetime | None = None) -> Game:
    teacher = teacher or make_teacher()
    return services.start_game(teacher, make_set(teacher, n_questions), mode=mode, deadline=deadline,
                               speed_bonus=speed_bonus, now=now)


def make_players(game: Game, n: int, prefix: str = "Élève") -> list[GamePlayer]:
    return [services.join_game(game, f"{prefix} {i}") for i in range(1, n + 1)]


def log_in(client, teacher: Teacher) -> None:
    """The teacher's session as Flask-Login keeps it (the login form has its own tests)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(teacher.id)
        session["_fresh"] = True


def join_as(client, game: Game, player: GamePlayer) -> None:
    """Bind `client`'s session to `player`, as joining does."""
    with client.session_transaction() as session:
        session["games"] = {**session.get("games", {}), str(game.id): player.token}
