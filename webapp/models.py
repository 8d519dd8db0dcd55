"""The database: articles and the questions built from them, players, rounds and answers.

Timestamps are naive datetimes in UTC. The server fills ``created_at``-style columns itself; the times the
scoring depends on (``served_at``) are set by the application's clock, ``webapp.clock.utcnow``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
    # What the analyser found, for the teacher's review: [{"kind": "quote"|"figure"|"editorial", "start",
    # "end", "note"}]; None when the article was stored before highlights were kept.
    highlights: Mapped[list[dict] | None] = mapped_column(sa.JSON)

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


GAME_MODES = ("live", "homework")
GAME_STATES = ("lobby", "question", "reveal", "finished")


class Game(db.Model):
    """A class playing a published set: live (the teacher paces it) or homework (open until a deadline).

    Every transition is a row update stamped by the server's clock, so that any worker process sees the same
    game; ``code`` is cleared when the game ends, which frees it for another class.
    """

    __tablename__ = "games"
    __table_args__ = (
        sa.CheckConstraint("mode IN ('live', 'homework')", name="mode"),
        sa.CheckConstraint("state IN ('lobby', 'question', 'reveal', 'finished')", name="state"),
        sa.CheckConstraint("seconds_per_question BETWEEN 5 AND 600", name="seconds_per_question"),
        sa.Index("ix_games_teacher_id_created_at", "teacher_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int | None] = mapped_column(sa.ForeignKey("question_sets.id", ondelete="SET NULL"), index=True)
    teacher_id: Mapped[int] = mapped_column(sa.ForeignKey("teachers.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(200))  # the set's title when the game started
    mode: Mapped[str] = mapped_column(sa.String(16), default="live")
    # Six digits while the game can be joined; NULL once it ended (NULLs never collide in a unique column).
    code: Mapped[str | None] = mapped_column(sa.String(6), unique=True)
    deadline: Mapped[datetime | None] = mapped_column(sa.DateTime)  # homework only
    speed_bonus: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    seconds_per_question: Mapped[int] = mapped_column(sa.Integer, default=30)
    state: Mapped[str] = mapped_column(sa.String(16), default="lobby")
    current_position: Mapped[int] = mapped_column(sa.Integer, default=0)  # 0 in the lobby, then 1, 2, ...
    question_opened_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    closes_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(sa.DateTime)  # hidden from the history; can be undone

    question_set: Mapped[QuestionSet | None] = relationship()
    teacher: Mapped[Teacher] = relationship()
    game_questions: Mapped[list[GameQuestion]] = relationship(
        back_populates="game", order_by="GameQuestion.position", cascade="all, delete-orphan"
    )
    players: Mapped[list[GamePlayer]] = relationship(
        back_populates="game", order_by="GamePlayer.joined_at", cascade="all, delete-orphan"
    )

    @property
    def is_live(self) -> bool:
        return self.mode == "live"

    @property
    def is_finished(self) -> bool:
        return self.state == "finished"

    def __repr__(self) -> str:
        return f"<Game {self.id} {self.mode} {self.state}>"


class GameQuestion(db.Model):
    """The game's questions, copied from the set when it starts: editing the set later changes no game."""

    __tablename__ = "game_questions"
    __table_args__ = (
        sa.UniqueConstraint("game_id", "position"),
        sa.UniqueConstraint("game_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(sa.ForeignKey("games.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(sa.Integer)  # 1, 2, ...

    game: Mapped[Game] = relationship(back_populates="game_questions")
    question: Mapped[Question] = relationship()


class GamePlayer(db.Model):
    """A student in a game: a nickname, no personal data; ``token`` ties the player to one browser's session."""

    __tablename__ = "game_players"
    __table_args__ = (sa.UniqueConstraint("game_id", "nickname_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(sa.ForeignKey("games.id", ondelete="CASCADE"))
    nickname: Mapped[str] = mapped_column(sa.String(24))
    # Case and accents folded: « Zoé » and « zoe » cannot both play one game.
    nickname_key: Mapped[str] = mapped_column(sa.String(48))
    token: Mapped[str] = mapped_column(sa.String(43), unique=True)
    note: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")  # the teacher's, private
    joined_at: Mapped[datetime] = mapped_column(sa.DateTime)
    removed_at: Mapped[datetime | None] = mapped_column(sa.DateTime)  # removed players cannot come back

    game: Mapped[Game] = relationship(back_populates="players")

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


class GameAnswer(db.Model):
    __tablename__ = "game_answers"
    __table_args__ = (
        # One answer per player and question: a double click, a second tab or a replay never scores twice.
        sa.UniqueConstraint("player_id", "question_id"),
        # ... and only to a question of that game.
        sa.ForeignKeyConstraint(
            ["game_id", "question_id"],
            ["game_questions.game_id", "game_questions.question_id"],
            name="fk_game_answers_game_question",
            ondelete="CASCADE",
        ),
        sa.Index("ix_game_answers_game_id_question_id", "game_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(sa.ForeignKey("games.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(sa.ForeignKey("game_players.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    choice_id: Mapped[int] = mapped_column(sa.ForeignKey("choices.id", ondelete="CASCADE"))
    correct: Mapped[bool] = mapped_column(sa.Boolean)
    points: Mapped[int] = mapped_column(sa.Integer)  # speed bonus included
    speed_bonus: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")
    answered_at: Mapped[datetime] = mapped_column(sa.DateTime)  # the server's clock

    player: Mapped[GamePlayer] = relationship()
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice] = relationship()
