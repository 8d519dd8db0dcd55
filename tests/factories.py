"""Test-data builders: database rows shaped like what the analyser stores, with sensible defaults.

Each builder commits, so that what it builds is visible to the requests of the test client.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import datetime

from webapp.articles import checksum
from webapp.extensions import db
from webapp.models import Answer, Article, Choice, Player, Question, Round, RoundQuestion

ARTICLE_TEXT = (
    "Le ministère de la Santé a recensé 1 200 cas la semaine dernière, selon son bulletin.\n\n"
    "« Nous restons vigilants », a déclaré la ministre Claire Martin mardi.\n\n"
    "Des experts jugent pourtant cette politique catastrophique."
)

_counter = itertools.count(1)


def make_article(title: str | None = None, source: str = "Le Quotidien", text: str | None = None,
                 language: str = "fr") -> Article:
    n = next(_counter)
    text = text if text is not None else f"{ARTICLE_TEXT}\n\nArticle numéro {n}."
    article = Article(title=title or f"Article {n}", source=source, language=language, text=text,
                      checksum=checksum(text))
    db.session.add(article)
    db.session.commit()
    return article


def make_question(article: Article | None = None, kind: str = "who_quoted", n_choices: int = 3, correct: int = 0,
                  *, status: str = "accepted", prompt: str | None = None, explanation: str | None = None,
                  evidence: list[tuple[int, int]] | None = None, choices: list[str] | None = None,
                  position: int | None = None) -> Question:
    """A question with `n_choices` choices of which the `correct`-th (from 0) is right."""
    article = article or make_article()
    choices = choices or [f"Réponse {chr(65 + i)}" for i in range(n_choices)]
    if evidence is None:
        start = article.text.find("Nous restons vigilants")
        evidence = [(start, start + len("Nous restons vigilants"))] if start >= 0 else [(0, 10)]
    question = Question(
        article=article,
        kind=kind,
        prompt=prompt or "Qui a dit : « Nous restons vigilants » ?",
        explanation=explanation or "La citation est suivie de « a déclaré la ministre Claire Martin ».",
        evidence=[{"start": s, "end": e} for s, e in evidence],
        difficulty=0.5,
        status=status,
        position=position if position is not None else len(article.questions),
        choices=[Choice(text=text, position=i, is_correct=i == correct) for i, text in enumerate(choices)],
    )
    db.session.add(question)
    db.session.commit()
    return question


def make_player(nickname: str = "Zoé") -> Player:
    player = Player(nickname=nickname)
    db.session.add(player)
    db.session.commit()
    return player


def make_round(questions: list[Question] | None = None, *, n_questions: int = 3, player: Player | None = None,
               article: Article | None = None, nickname: str = "Zoé", score: int = 0,
               finished_at: datetime | None = None) -> Round:
    """A round over `questions` (default: `n_questions` new questions of one new article)."""
    if questions is None:
        article = article or make_article()
        questions = [make_question(article) for _ in range(n_questions)]
    round_ = Round(
        token=secrets.token_urlsafe(16),
        player=player or make_player(nickname),
        article=article,
        score=score,
        finished_at=finished_at,
    )
    round_.round_questions = [RoundQuestion(question=q, position=i) for i, q in enumerate(questions, 1)]
    db.session.add(round_)
    db.session.commit()
    return round_


def make_finished_round(nickname: str, score: int, finished_at: datetime, article: Article | None = None) -> Round:
    """A round already played to the end with `score` points (for leaderboards)."""
    question = make_question(article)
    round_ = make_round([question], nickname=nickname, article=article, score=score, finished_at=finished_at)
    answer = Answer(round=round_, question=question, choice=question.correct_choice, correct=True, points=score)
    db.session.add(answer)
    db.session.commit()
    return round_


# Teachers (issue 4): accounts, their articles and question sets.

TEACHER_PASSWORD = "un mot de passe solide"


def make_teacher(email: str | None = None, password: str = TEACHER_PASSWORD):
    from webapp.auth.services import create_teacher

    return create_teacher(email or f"prof{next(_counter)}@lycee.fr", password)


def make_teacher_article(owner, title: str | None = None, text: str | None = None, **kwargs) -> Article:
    """An article imported by `owner`, already analysed (its questions are added with make_question)."""
    article = make_article(title=title, text=text, **kwargs)
    article.owner_id = owner.id
    article.analysis_status = "done"
    db.session.commit()
    return article


def make_set(owner, questions: list[Question] | None = None, *, n_questions: int = 0, title: str | None = None,
             status: str = "draft", default_seconds: int = 30):
    """A set of `questions`, or of `n_questions` new ones (3 choices, the first right) of one new article."""
    from webapp.models import QuestionSet, SetQuestion

    if questions is None and n_questions:
        article = make_article()
        questions = [make_question(article, prompt=f"Question {i} ?") for i in range(1, n_questions + 1)]
    question_set = QuestionSet(owner_id=owner.id if owner else None, title=title or f"Série {next(_counter)}",
                               description="Pour s'entraîner.", status=status, default_seconds=default_seconds)
    for position, question in enumerate(questions or [], 1):
        question_set.set_questions.append(SetQuestion(question=question, position=position))
    db.session.add(question_set)
    db.session.commit()
    return question_set


# Classroom games (issue 5): a game of a published set, its players, and the sessions that bind them.

def make_game(teacher=None, *, n_questions: int = 3, mode: str = "live", deadline: datetime | None = None,
              speed_bonus: bool = True, now: datetime | None = None):
    from webapp.classroom import services

    teacher = teacher or make_teacher()
    question_set = make_set(teacher, n_questions=n_questions, status="published", default_seconds=20)
    return services.start_game(teacher, question_set, mode=mode, deadline=deadline, speed_bonus=speed_bonus,
                               now=now)


def make_players(game, n: int, prefix: str = "Élève") -> list:
    from webapp.classroom import services

    return [services.join_game(game, f"{prefix} {i}") for i in range(1, n + 1)]


def log_in_session(client, teacher) -> None:
    """The teacher's session as Flask-Login keeps it, without the login form (which has its own tests)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(teacher.id)
        session["_fresh"] = True


def join_as(client, game, player) -> None:
    """Bind `client`'s session to `player`, as joining does."""
    with client.session_transaction() as session:
        session["games"] = {**session.get("games", {}), str(game.id): player.token}
