"""The database: articles and the questions built from them, players, rounds and answers.

Timestamps are naive datetimes in UTC. The server fills ``created_at``-style columns itself; the times the
scoring depends on (``served_at``) are set by the application's clock, ``webapp.clock.utcnow``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from flask_login import UserMixin

from .extensions import db

QUESTION_STATUSES = ("proposed", "accepted", "rejected")
QUESTION_KINDS = ("who_quoted", "figure_source", "editorializing", "free")
ANALYSIS_STATUSES = ("pending", "running", "done", "failed")
SET_STATUSES = ("draft", "published")


class Teacher(UserMixin, db.Model):
    """A teacher's account; students never have one."""

    __tablename__ = "teachers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)  # stored lower-cased
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())

    def __repr__(self) -> str:
        return f"<Teacher {self.id}>"


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    source: Mapped[str] = mapped_column(sa.String(200))  # the outlet that published it
    language: Mapped[str] = mapped_column(sa.String(8), default="fr")
    text: Mapped[str] = mapped_column(sa.Text)  # the analyser's offsets point into this text
    checksum: Mapped[str] = mapped_column(sa.String(64), unique=True)  # sha256 of the text
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())
    # None for the shipped content of content/, which every teacher may use.
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teachers.id", ondelete="SET NULL"), index=True)
    published_on: Mapped[str | None] = mapped_column(sa.String(32))  # the date the outlet gives, as written
    # The analysis of an imported article runs in the background: pending, running, done or failed.
    analysis_status: Mapped[str] = mapped_column(sa.String(16), default="done", server_default="done")
    analysis_error: Mapped[str | None] = mapped_column(sa.Text)

    owner: Mapped[Teacher | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="article", order_by="Question.position", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title!r}>"


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected')", name="status"
        ),
        sa.Index("ix_questions_article_id_status", "article_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(32))  # who_quoted, figure_source, editorializing, free
    prompt: Mapped[str] = mapped_column(sa.Text)
    explanation: Mapped[str] = mapped_column(sa.Text)
    evidence: Mapped[list[dict]] = mapped_column(sa.JSON, default=list)  # [{"start": int, "end": int}]
    difficulty: Mapped[float] = mapped_column(sa.Float, default=0.5)
    status: Mapped[str] = mapped_column(sa.String(16), default="proposed")
    position: Mapped[int] = mapped_column(sa.Integer, default=0)  # order within the article
    # The teacher who wrote it (None: the analyser built it).
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teachers.id", ondelete="SET NULL"))
    # Deleting is soft, so that it can be undone; a deleted question is never played nor listed.
    deleted_at: Mapped[datetime | None] = mapped_column(sa.DateTime)

    article: Mapped[Article] = relationship(back_populates="questions")
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan"
    )

    @property
    def correct_choice(self) -> Choice | None:
        return next((c for c in self.choices if c.is_correct), None)

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.kind}>"


class Choice(db.Model):
    __tablename__ = "choices"
    __table_args__ = (sa.UniqueConstraint("question_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(sa.Text)
    key: Mapped[str | None] = mapped_column(sa.String(200))  # canonical speaker, source class, ...
    start: Mapped[int | None] = mapped_column(sa.Integer)  # where the choice's phrase is in the article
    end: Mapped[int | None] = mapped_column(sa.Integer)
    is_correct: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    position: Mapped[int] = mapped_column(sa.Integer)

    question: Mapped[Question] = relationship(back_populates="choices")


class Player(db.Model):
    __tablename__ = "players"

    id: Mapped[int] = mapped_column(primary_key=True)
    nickname: Mapped[str] = mapped_column(sa.String(24))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())

    rounds: Mapped[list[Round]] = relationship(back_populates="player")


class Round(db.Model):
    __tablename__ = "rounds"
    __table_args__ = (sa.Index("ix_rounds_finished_at_score", "finished_at", "score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The round's URL carries this token, not the id: a player cannot reach another player's round.
    token: Mapped[str] = mapped_column(sa.String(32), unique=True)
    player_id: Mapped[int] = mapped_column(sa.ForeignKey("players.id", ondelete="CASCADE"))
    article_id: Mapped[int | None] = mapped_column(  # None for a round mixing the articles
        sa.ForeignKey("articles.id", ondelete="SET NULL")
    )
    # The teacher's question set this round plays, if any: what the set's results count.
    set_id: Mapped[int | None] = mapped_column(sa.ForeignKey("question_sets.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    score: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")

    player: Mapped[Player] = relationship(back_populates="rounds")
    article: Mapped[Article | None] = relationship()
    question_set: Mapped[QuestionSet | None] = relationship()
    round_questions: Mapped[list[RoundQuestion]] = relationship(
        back_populates="round", order_by="RoundQuestion.position", cascade="all, delete-orphan"
    )
    answers: Mapped[list[Answer]] = relationship(back_populates="round", cascade="all, delete-orphan")

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class RoundQuestion(db.Model):
    """A question of a round, in its place; ``served_at`` starts the clock of the speed bonus."""

    __tablename__ = "round_questions"
    __table_args__ = (
        sa.UniqueConstraint("round_id", "position"),
        sa.UniqueConstraint("round_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(sa.ForeignKey("rounds.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(sa.Integer)  # 1, 2, ...
    served_at: Mapped[datetime | None] = mapped_column(sa.DateTime)

    round: Mapped[Round] = relationship(back_populates="round_questions")
    question: Mapped[Question] = relationship()


class Answer(db.Model):
    __tablename__ = "answers"
    __table_args__ = (
        # One answer per question of a round: a double click or a second tab cannot score twice.
        sa.UniqueConstraint("round_id", "question_id"),
        # ... and only to a question of that round.
        sa.ForeignKeyConstraint(
            ["round_id", "question_id"],
            ["round_questions.round_id", "round_questions.question_id"],
            name="fk_answers_round_question",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(sa.ForeignKey("rounds.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    choice_id: Mapped[int] = mapped_column(sa.ForeignKey("choices.id", ondelete="CASCADE"))
    correct: Mapped[bool] = mapped_column(sa.Boolean)
    points: Mapped[int] = mapped_column(sa.Integer)  # everything this answer earned, bonuses included
    speed_bonus: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")
    streak_bonus: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")
    answered_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())

    round: Mapped[Round] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice] = relationship()


class QuestionSet(db.Model):
    """Questions from one or more articles, in the teacher's order; students play it once published."""

    __tablename__ = "question_sets"
    __table_args__ = (
        sa.CheckConstraint("status IN ('draft', 'published')", name="status"),
        sa.CheckConstraint("default_seconds BETWEEN 5 AND 600", name="default_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teachers.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    status: Mapped[str] = mapped_column(sa.String(16), default="draft", server_default="draft")
    default_seconds: Mapped[int] = mapped_column(sa.Integer, default=30, server_default="30")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime, server_default=sa.func.now(), onupdate=sa.func.now()
    )

    owner: Mapped[Teacher | None] = relationship()
    set_questions: Mapped[list[SetQuestion]] = relationship(
        back_populates="question_set", order_by="SetQuestion.position", cascade="all, delete-orphan"
    )

    @property
    def is_published(self) -> bool:
        return self.status == "published"

    def __repr__(self) -> str:
        return f"<QuestionSet {self.id} {self.title!r}>"


class SetQuestion(db.Model):
    """A question of a set, in its place (1, 2, ...)."""

    __tablename__ = "set_questions"
    __table_args__ = (
        sa.UniqueConstraint("set_id", "question_id"),
        sa.UniqueConstraint("set_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(sa.ForeignKey("question_sets.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)

    question_set: Mapped[QuestionSet] = relationship(back_populates="set_questions")
    question: Mapped[Question] = relationship()
