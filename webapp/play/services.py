"""Rounds: choosing the questions, serving them, recording answers and scoring them. Never reads ``request``."""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..extensions import db
from ..models import Answer, Article, Choice, Player, Question, QuestionSet, Round, RoundQuestion

BASE_POINTS = 100
SPEED_BONUS_MAX = 50
SPEED_FULL_SECONDS = 10  # full bonus when answered this fast after the question was served ...
SPEED_NONE_SECONDS = 40  # ... none from here, linear in between
STREAK_STEP = 10  # second right answer in a row: +10, third: +20, ...
STREAK_BONUS_MAX = 50

ALREADY_ANSWERED = "Tu avais déjà répondu à cette question : voici la réponse enregistrée."


class PlayError(Exception):
    """A request the game refuses; ``message`` is French, for the student."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RoundNotFound(PlayError):
    status = 404

    def __init__(self) -> None:
        super().__init__("Cette partie n'existe pas. Vérifie le lien ou commence une nouvelle partie.")


class QuestionNotInRound(PlayError):
    status = 404

    def __init__(self) -> None:
        super().__init__("Cette question ne fait pas partie de ta partie. Rien n'a été enregistré.")


class InvalidChoice(PlayError):
    status = 400

    def __init__(self) -> None:
        super().__init__(
            "Cette réponse ne correspond à aucun choix de la question. Rien n'a été enregistré : "
            "recharge la page et réessaie."
        )


class NoQuestions(PlayError):
    status = 409

    def __init__(self) -> None:
        super().__init__("Les questions de cet article sont encore en préparation.")


@dataclass(frozen=True)
class ArticleEntry:
    article: Article
    question_count: int  # accepted questions, the ones students play


@dataclass(frozen=True)
class AnswerOutcome:
    answer: Answer
    already_answered: bool  # True when this POST found an answer recorded before it (double click, 2nd tab)


@dataclass(frozen=True)
class Score:
    points: int
    speed_bonus: int
    streak_bonus: int


def playable_questions():
    """The questions students may play outside a set: accepted ones of the shipped articles.

    A teacher's own articles reach students only through the sets the teacher publishes.
    """
    return (
        sa.select(Question)
        .join(Article, Article.id == Question.article_id)
        .where(Question.status == "accepted", Question.deleted_at.is_(None), Article.owner_id.is_(None))
    )


def set_questions(question_set: QuestionSet) -> list[Question]:
    """The questions of a set that students play, in the teacher's order: accepted and not deleted."""
    return [
        sq.question for sq in question_set.set_questions
        if sq.question.status == "accepted" and sq.question.deleted_at is None
    ]


def published_sets() -> list[tuple[QuestionSet, int]]:
    """The published sets with their number of playable questions, those with questions only."""
    sets = db.session.scalars(
        sa.select(QuestionSet).where(QuestionSet.status == "published").order_by(QuestionSet.updated_at.desc())
    )
    return [(s, n) for s in sets if (n := len(set_questions(s)))]


def get_published_set(set_id: int) -> QuestionSet | None:
    question_set = db.session.get(QuestionSet, set_id)
    return question_set if question_set is not None and question_set.status == "published" else None


def article_entries() -> list[ArticleEntry]:
    """Every article, newest first, with its number of playable questions."""
    count = (
        sa.select(sa.func.count(Question.id))
        .where(Question.article_id == Article.id, Question.status == "accepted", Question.deleted_at.is_(None))
        .scalar_subquery()
    )
    rows = db.session.execute(
        sa.select(Article, count).where(Article.owner_id.is_(None)).order_by(Article.id.desc())
    )
    return [ArticleEntry(article, n) for article, n in rows]


def count_playable(article: Article | None) -> int:
    """The playable questions of `article`, or of every article when None."""
    query = sa.select(sa.func.count()).select_from(playable_questions().subquery())
    if article is not None:
        return db.session.scalar(
            sa.select(sa.func.count()).select_from(
                playable_questions().where(Question.article_id == article.id).subquery()
            )
        )
        query = query.where(Question.article_id == article.id)
    return db.session.scalar(query)


def get_article(article_id: int) -> Article | None:
    """A shipped article (teachers' own articles are played through their sets)."""
    article = db.session.get(Article, article_id)
    return article if article is not None and article.owner_id is None else None


def choose_questions(questions: list[Question], size: int, rng: random.Random) -> list[Question]:
    """At most `size` questions, spread over articles and kinds, in reading order (article, then position)."""
    groups: dict[tuple[int, str], list[Question]] = defaultdict(list)
    for question in sorted(questions, key=lambda q: (q.article_id, q.position, q.id)):
        groups[(question.article_id, question.kind)].append(question)
    for group in groups.values():
        rng.shuffle(group)
    order = sorted(groups)
    rng.shuffle(order)
    chosen: list[Question] = []
    while len(chosen) < size and any(groups.values()):
        for key in order:
            if groups[key] and len(chosen) < size:
                chosen.append(groups[key].pop())
    return sorted(chosen, key=lambda q: (q.article_id, q.position, q.id))


def start_round(
    nickname: str,
    article: Article | None,
    *,
    player_id: int | None = None,
    size: int = 10,
    rng: random.Random | None = None,
    question_set: QuestionSet | None = None,
) -> Round:
    """A new round for `nickname` on `article` (or on every article when None), or on a teacher's
    `question_set`, whose questions come all and in the set's order.

    The player `player_id` is reused when it has the same nickname (the same student playing again).
    """
    if question_set is not None:
        questions = set_questions(question_set)
    else:
        query = playable_questions()
        if article is not None:
            query = query.where(Question.article_id == article.id)
        questions = list(db.session.scalars(query))
    if not questions:
        raise NoQuestions()
    player = db.session.get(Player, player_id) if player_id else None
    if player is None or player.nickname != nickname:
        player = Player(nickname=nickname)
    round_ = Round(player=player, article=article, token=secrets.token_urlsafe(16), score=0,
                   set_id=question_set.id if question_set is not None else None)
    if question_set is None:
        questions = choose_questions(questions, size, rng or random.SystemRandom())
    for position, question in enumerate(questions, 1):
        round_.round_questions.append(RoundQuestion(question=question, position=position))
    db.session.add(round_)
    db.session.commit()
    return round_


def find_round(token: str) -> Round:
    round_ = db.session.scalar(sa.select(Round).where(Round.token == token))
    if round_ is None:
        raise RoundNotFound()
    return round_


def answers_by_question(round_: Round) -> dict[int, Answer]:
    return {a.question_id: a for a in db.session.scalars(sa.select(Answer).where(Answer.round_id == round_.id))}


def current_question(round_: Round) -> RoundQuestion | None:
    """The first question of the round not answered yet; None when the round is over."""
    answered = answers_by_question(round_)
    return next((rq for rq in round_.round_questions if rq.question_id not in answered), None)


def round_question_at(round_: Round, position: int) -> RoundQuestion:
    for rq in round_.round_questions:
        if rq.position == position:
            return rq
    raise QuestionNotInRound()


def serve(round_question: RoundQuestion, now: datetime | None = None) -> None:
    """Start the question's clock the first time it is shown; showing it again does not restart it."""
    if round_question.served_at is None:
        db.session.execute(
            sa.update(RoundQuestion)
            .where(RoundQuestion.id == round_question.id, RoundQuestion.served_at.is_(None))
            .values(served_at=now or clock.utcnow())
        )
        db.session.commit()


def score_answer(correct: bool, elapsed_seconds: float | None, streak_before: int) -> Score:
    """Points for one answer: base, speed bonus (None: the question was never served, no bonus), streak bonus.

    `streak_before` counts the right answers in a row just before this one.
    """
    if not correct:
        return Score(0, 0, 0)
    speed = 0
    if elapsed_seconds is not None and elapsed_seconds >= 0:
        late = max(0.0, elapsed_seconds - SPEED_FULL_SECONDS) / (SPEED_NONE_SECONDS - SPEED_FULL_SECONDS)
        speed = round(SPEED_BONUS_MAX * max(0.0, 1.0 - late))
    streak = min(STREAK_STEP * streak_before, STREAK_BONUS_MAX)
    return Score(BASE_POINTS + speed + streak, speed, streak)


def _streak_before(round_: Round, position: int) -> int:
    rows = db.session.execute(
        sa.select(Answer.correct)
        .join(RoundQuestion, sa.and_(
            RoundQuestion.round_id == Answer.round_id, RoundQuestion.question_id == Answer.question_id
        ))
        .where(Answer.round_id == round_.id, RoundQuestion.position < position)
        .order_by(RoundQuestion.position.desc())
    )
    streak = 0
    for (correct,) in rows:
        if not correct:
            break
        streak += 1
    return streak


def _recorded(round_id: int, question_id: int) -> Answer | None:
    return db.session.scalar(
        sa.select(Answer).where(Answer.round_id == round_id, Answer.question_id == question_id)
    )


def record_answer(round_: Round, question_id: int, choice_id: int, now: datetime | None = None) -> AnswerOutcome:
    """Record the player's choice once, score it, and finish the round after its last question.

    An answer already recorded for this question wins: the outcome returns it and nothing changes.
    Raises :class:`QuestionNotInRound` or :class:`InvalidChoice` (nothing written).
    """
    now = now or clock.utcnow()
    round_question = db.session.scalar(
        sa.select(RoundQuestion).where(
            RoundQuestion.round_id == round_.id, RoundQuestion.question_id == question_id
        )
    )
    if round_question is None:
        raise QuestionNotInRound()
    choice = db.session.scalar(sa.select(Choice).where(Choice.id == choice_id, Choice.question_id == question_id))
    if choice is None:
        raise InvalidChoice()

    # Answers of one round are serialised: this no-op update takes the round's row lock (PostgreSQL) or the
    # database's write lock (SQLite) before we read what is already answered and the streak.
    db.session.execute(sa.update(Round).where(Round.id == round_.id).values(score=Round.score))
    if (existing := _recorded(round_.id, question_id)) is not None:
        db.session.rollback()
        return AnswerOutcome(existing, already_answered=True)

    served_at = round_question.served_at
    elapsed = (now - served_at).total_seconds() if served_at is not None else None
    score = score_answer(choice.is_correct, elapsed, _streak_before(round_, round_question.position))
    answer = Answer(
        round_id=round_.id,
        question_id=question_id,
        choice_id=choice.id,
        correct=choice.is_correct,
        points=score.points,
        speed_bonus=score.speed_bonus,
        streak_bonus=score.streak_bonus,
    )
    db.session.add(answer)
    db.session.flush()
    answered = db.session.scalar(sa.select(sa.func.count(Answer.id)).where(Answer.round_id == round_.id))
    finished = answered >= len(round_.round_questions)
    db.session.execute(
        sa.update(Round)
        .where(Round.id == round_.id)
        .values(score=Round.score + score.points, finished_at=now if finished else Round.finished_at)
    )
    try:
        db.session.commit()
    except IntegrityError:
        # The lock above makes this rare; the unique constraint still has the last word.
        db.session.rollback()
        if (existing := _recorded(round_.id, question_id)) is not None:
            return AnswerOutcome(existing, already_answered=True)
        raise
    return AnswerOutcome(answer, already_answered=False)


@dataclass(frozen=True)
class RoundSummary:
    score: int
    correct: int
    total: int


def summarize(round_: Round) -> RoundSummary:
    answers = answers_by_question(round_)
    return RoundSummary(
        score=round_.score,
        correct=sum(a.correct for a in answers.values()),
        total=len(round_.round_questions),
    )
