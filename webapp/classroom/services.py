"""Classroom games: starting them, joining with a code, pacing the questions, recording and scoring answers.

Never reads ``request``. Every transition is one conditional ``UPDATE`` stamped with the server's clock, so
that several worker processes (and a teacher's double click) agree on the game's state; nothing lives only in
one process's memory.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..extensions import db
from ..models import (
    Choice,
    Game,
    GameAnswer,
    GamePlayer,
    GameQuestion,
    Question,
    QuestionSet,
    SetQuestion,
    Teacher,
)
from .nicknames import nickname_key

BASE_POINTS = 100  # the scale of a solo round (webapp.play.services), so that scores read alike
SPEED_BONUS_MAX = 50
LIVE_GAME_HOURS = 12  # a live game nobody ended is over after this: its code goes back to the pool
CODE_ATTEMPTS = 20


class GameError(Exception):
    """A request the game refuses; ``message`` is French, for the student or the teacher."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _error(name: str, status: int, message: str) -> type[GameError]:
    return type(name, (GameError,), {"status": status, "__init__": lambda self: GameError.__init__(self, message)})


CodeNotFound = _error(
    "CodeNotFound", 404,
    "Aucune partie en cours n'a ce code. Vérifie les 6 chiffres donnés par ton professeur "
    "(la partie est peut-être terminée).",
)
GameOver = _error("GameOver", 410, "Cette partie est terminée : son code ne sert plus.")
HomeworkExpired = _error("HomeworkExpired", 410, "La date limite de ce devoir est passée : il est fermé.")
NicknameTaken = _error("NicknameTaken", 409, "Ce pseudo est déjà pris dans cette partie. Choisis-en un autre.")
PlayerRemoved = _error(
    "PlayerRemoved", 403, "Ton professeur t'a retiré de cette partie : tu ne peux plus y jouer."
)
NotInGame = _error(
    "NotInGame", 403, "Tu ne participes pas à cette partie. Rejoins-la avec son code sur la page « Rejoindre »."
)
GameNotFound = _error("GameNotFound", 404, "Cette partie n'existe pas (ou plus).")
AnswersClosed = _error(
    "AnswersClosed", 409, "Trop tard : les réponses à cette question sont closes. Ta réponse n'a pas été enregistrée."
)
InvalidChoice = _error(
    "InvalidChoice", 400,
    "Cette réponse ne correspond à aucun choix de la question. Rien n'a été enregistré : recharge la page.",
)
SetNotPlayable = _error(
    "SetNotPlayable", 409, "Seule une série publiée et qui contient des questions peut être jouée en classe."
)


@dataclass(frozen=True)
class AnswerOutcome:
    answer: GameAnswer
    already_answered: bool  # this POST found an answer recorded before it (double click, second tab)


# --- Starting and ending -----------------------------------------------------------------------------------


def playable_sets(teacher: Teacher) -> list[QuestionSet]:
    """The published sets a teacher may start a game with: their own first, then the others'."""
    return list(db.session.scalars(
        sa.select(QuestionSet)
        .where(QuestionSet.status == "published")
        .order_by((QuestionSet.owner_id == teacher.id).desc(), QuestionSet.title)
    ))


def new_code() -> str:
    """Six digits from the operating system's random source: guessing a live one is a one-in-a-million shot."""
    return f"{secrets.randbelow(10**6):06d}"


def expire_stale_games(now: datetime) -> None:
    """End homework past its deadline and live games left running, which frees their codes."""
    stale = sa.or_(
        sa.and_(Game.mode == "homework", Game.deadline <= now),
        sa.and_(Game.mode == "live", Game.created_at <= now - timedelta(hours=LIVE_GAME_HOURS)),
    )
    db.session.execute(
        sa.update(Game)
        .where(Game.state != "finished", stale)
        .values(state="finished", code=None, ended_at=now, closes_at=None)
    )
    db.session.commit()


def start_game(
    teacher: Teacher,
    question_set: QuestionSet,
    *,
    mode: str = "live",
    seconds: int | None = None,
    speed_bonus: bool = True,
    deadline: datetime | None = None,
    now: datetime | None = None,
) -> Game:
    """A new game of `question_set` with a fresh join code: a live lobby, or homework open until `deadline`."""
    now = now or clock.utcnow()
    questions = list(db.session.scalars(
        sa.select(Question)
        .join(SetQuestion, SetQuestion.question_id == Question.id)
        .where(SetQuestion.set_id == question_set.id, Question.status == "accepted", Question.deleted_at.is_(None))
        .order_by(SetQuestion.position)
    ))
    if not question_set.is_published or not questions:
        raise SetNotPlayable()
    expire_stale_games(now)
    homework = mode == "homework"
    for _ in range(CODE_ATTEMPTS):
        game = Game(
            set_id=question_set.id,
            teacher_id=teacher.id,
            title=question_set.title,
            mode=mode,
            code=new_code(),
            deadline=deadline if homework else None,
            # Self-paced homework has no shared clock to be fast against.
            speed_bonus=speed_bonus and not homework,
            seconds_per_question=seconds or question_set.default_seconds,
            state="question" if homework else "lobby",
            current_position=0,
            created_at=now,
            game_questions=[GameQuestion(question_id=q.id, position=i) for i, q in enumerate(questions, 1)],
        )
        db.session.add(game)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # the code belongs to another live game: draw again
            continue
        return game
    raise RuntimeError("no free join code after several draws")


def end_game(game: Game, now: datetime | None = None) -> None:
    """Finish the game; its code expires at once."""
    now = now or clock.utcnow()
    db.session.execute(
        sa.update(Game).where(Game.id == game.id, Game.state != "finished")
        .values(state="finished", code=None, ended_at=now, closes_at=None)
    )
    db.session.commit()
    db.session.refresh(game)


def delete_game(game: Game, now: datetime | None = None) -> None:
    """Hide the game from the history (ending it first); :func:`restore_game` undoes it."""
    end_game(game, now)
    game.deleted_at = now or clock.utcnow()
    db.session.commit()


def restore_game(game: Game) -> None:
    game.deleted_at = None
    db.session.commit()


def teacher_games(teacher: Teacher) -> list[Game]:
    """The teacher's history, newest first, without the deleted games."""
    return list(db.session.scalars(
        sa.select(Game)
        .where(Game.teacher_id == teacher.id, Game.deleted_at.is_(None))
        .order_by(Game.created_at.desc(), Game.id.desc())
    ))


def teacher_game(teacher: Teacher, game_id: int) -> Game:
    """The teacher's own game (deleted ones too, for undo); another teacher's is a 404."""
    game = db.session.get(Game, game_id)
    if game is None or game.teacher_id != teacher.id:
        raise GameNotFound()
    return game


# --- Pacing a live game ------------------------------------------------------------------------------------


def _transition(game: Game, expected_state: str, expected_position: int, **values) -> bool:
    """Apply `values` only if the game is still where the caller saw it; True when this call moved it."""
    result = db.session.execute(
        sa.update(Game)
        .where(Game.id == game.id, Game.state == expected_state, Game.current_position == expected_position)
        .values(**values)
    )
    db.session.commit()
    db.session.refresh(game)
    return result.rowcount == 1


def sync(game: Game, now: datetime | None = None) -> Game:
    """Store what the clock decided: a question past ``closes_at`` is revealed, homework past its deadline ends."""
    now = now or clock.utcnow()
    if game.state == "question" and game.is_live and game.closes_at is not None and game.closes_at <= now:
        _transition(game, "question", game.current_position, state="reveal")
    elif game.state != "finished" and not game.is_live and game.deadline is not None and game.deadline <= now:
        end_game(game, now)
    return game


def open_question(game: Game, position: int, now: datetime | None = None) -> bool:
    """Show question `position` to everyone, answers open for the game's number of seconds."""
    now = now or clock.utcnow()
    return _transition(
        game, game.state, game.current_position,
        state="question", current_position=position, question_opened_at=now,
        closes_at=now + timedelta(seconds=game.seconds_per_question),
    )


def close_question(game: Game, now: datetime | None = None) -> bool:
    """Close the answers now (the countdown ended, or everyone answered, or the teacher decided)."""
    now = now or clock.utcnow()
    closes_at = min(game.closes_at, now) if game.closes_at else now
    return _transition(game, "question", game.current_position, state="reveal", closes_at=closes_at)


def advance(game: Game, seen_state: str, seen_position: int, now: datetime | None = None) -> None:
    """The teacher's « next » from where their page showed the game: lobby → question 1, question → its
    answers, answers → next question or the podium. A second click on the same page moves nothing more."""
    now = now or clock.utcnow()
    sync(game, now)
    if (game.state, game.current_position) != (seen_state, seen_position) or not game.is_live:
        return
    if game.state == "lobby":
        open_question(game, 1, now)
    elif game.state == "question":
        close_question(game, now)
    elif game.state == "reveal":
        if game.current_position < len(game.game_questions):
            open_question(game, game.current_position + 1, now)
        else:
            end_game(game, now)


def current_game_question(game: Game) -> GameQuestion | None:
    for game_question in game.game_questions:
        if game_question.position == game.current_position:
            return game_question
    return None


def game_version(game: Game) -> str:
    """Changes whenever what the screens show changes: polls get « nothing new » (204) otherwise."""
    players = sa.select(sa.func.count(GamePlayer.id)).where(
        GamePlayer.game_id == game.id, GamePlayer.removed_at.is_(None)
    ).scalar_subquery()
    renamed = sa.select(sa.func.coalesce(sa.func.sum(sa.func.length(GamePlayer.nickname)), 0)).where(
        GamePlayer.game_id == game.id, GamePlayer.removed_at.is_(None)
    ).scalar_subquery()
    answers = sa.select(sa.func.count(GameAnswer.id)).where(GameAnswer.game_id == game.id).scalar_subquery()
    n_players, letters, n_answers = db.session.execute(sa.select(players, renamed, answers)).one()
    return f"{game.state}.{game.current_position}.{n_players}.{letters}.{n_answers}"


# --- Players -----------------------------------------------------------------------------------------------


def find_joinable(code: str, now: datetime | None = None) -> Game:
    """The game a student joins with `code`; raises a :class:`GameError` saying why not."""
    now = now or clock.utcnow()
    game = db.session.scalar(sa.select(Game).where(Game.code == code.strip(), Game.deleted_at.is_(None)))
    if game is None:
        raise CodeNotFound()
    if not game.is_live and game.deadline is not None and game.deadline <= now:
        end_game(game, now)
        raise HomeworkExpired()
    if game.is_live and game.created_at <= now - timedelta(hours=LIVE_GAME_HOURS):
        end_game(game, now)
        raise GameOver()
    return game


def join_game(game: Game, nickname: str, known_token: str | None = None, now: datetime | None = None) -> GamePlayer:
    """The player `nickname` in `game`; a browser that already joined (`known_token`) gets its player back."""
    now = now or clock.utcnow()
    if known_token and (player := player_by_token(game, known_token)) is not None:
        if player.is_removed:
            raise PlayerRemoved()
        return player
    player = GamePlayer(
        game_id=game.id, nickname=nickname, nickname_key=nickname_key(nickname),
        token=secrets.token_urlsafe(32), joined_at=now,
    )
    db.session.add(player)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise NicknameTaken() from None
    return player


def player_by_token(game: Game, token: str | None) -> GamePlayer | None:
    if not token:
        return None
    return db.session.scalar(sa.select(GamePlayer).where(GamePlayer.game_id == game.id, GamePlayer.token == token))


def session_player(game: Game, token: str | None) -> GamePlayer:
    """The player this browser's signed session holds for `game`; nobody can act for another."""
    player = player_by_token(game, token)
    if player is None:
        raise NotInGame()
    if player.is_removed:
        raise PlayerRemoved()
    return player


def game_player(game: Game, player_id: int) -> GamePlayer:
    player = db.session.get(GamePlayer, player_id)
    if player is None or player.game_id != game.id:
        raise GameNotFound()
    return player


def rename_player(player: GamePlayer, nickname: str) -> None:
    player.nickname, player.nickname_key = nickname, nickname_key(nickname)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise NicknameTaken() from None


def set_note(player: GamePlayer, note: str) -> None:
    player.note = note.strip()[:200]
    db.session.commit()


def remove_player(player: GamePlayer, now: datetime | None = None) -> None:
    """Out of the game and the standings; the nickname stays taken and the browser cannot come back."""
    player.removed_at = now or clock.utcnow()
    db.session.commit()


def active_players(game: Game) -> list[GamePlayer]:
    return list(db.session.scalars(
        sa.select(GamePlayer)
        .where(GamePlayer.game_id == game.id, GamePlayer.removed_at.is_(None))
        .order_by(GamePlayer.joined_at, GamePlayer.id)
    ))


# --- Answers -----------------------------------------------------------------------------------------------


def speed_bonus(elapsed_seconds: float, seconds_per_question: int) -> int:
    """From the full bonus at once to none when the countdown ends, linearly; server timestamps only."""
    if elapsed_seconds < 0:
        return 0
    return round(SPEED_BONUS_MAX * max(0.0, 1.0 - elapsed_seconds / seconds_per_question))


def recorded_answer(player: GamePlayer, question_id: int) -> GameAnswer | None:
    return db.session.scalar(
        sa.select(GameAnswer).where(GameAnswer.player_id == player.id, GameAnswer.question_id == question_id)
    )


def player_answers(player: GamePlayer) -> dict[int, GameAnswer]:
    return {a.question_id: a for a in db.session.scalars(sa.select(GameAnswer).where(GameAnswer.player_id == player.id))}


def next_homework_question(game: Game, player: GamePlayer) -> GameQuestion | None:
    """The first question of the game the player has not answered; None when they are done."""
    answered = player_answers(player)
    return next((gq for gq in game.game_questions if gq.question_id not in answered), None)


def record_answer(
    game: Game, player: GamePlayer, question_id: int, choice_id: int, now: datetime | None = None
) -> AnswerOutcome:
    """Record `player`'s choice once and score it; an answer already recorded wins and is returned.

    Refused (nothing written): a choice of another question, a question not open (live) or a game past its
    deadline (homework).
    """
    now = now or clock.utcnow()
    if (existing := recorded_answer(player, question_id)) is not None:
        return AnswerOutcome(existing, already_answered=True)
    choice = db.session.scalar(sa.select(Choice).where(Choice.id == choice_id, Choice.question_id == question_id))
    game_question = next((gq for gq in game.game_questions if gq.question_id == question_id), None)
    if choice is None or game_question is None:
        raise InvalidChoice()
    sync(game, now)
    if game.is_live:
        is_open = (
            game.state == "question" and game.current_position == game_question.position
            and game.closes_at is not None and now < game.closes_at
        )
    else:
        is_open = game.state != "finished" and (game.deadline is None or now < game.deadline)
    if not is_open:
        raise AnswersClosed()

    bonus = 0
    if choice.is_correct and game.speed_bonus and game.question_opened_at is not None:
        bonus = speed_bonus((now - game.question_opened_at).total_seconds(), game.seconds_per_question)
    answer = GameAnswer(
        game_id=game.id, player_id=player.id, question_id=question_id, choice_id=choice.id,
        correct=choice.is_correct, points=(BASE_POINTS + bonus) if choice.is_correct else 0,
        speed_bonus=bonus, answered_at=now,
    )
    db.session.add(answer)
    try:
        db.session.commit()
    except IntegrityError:
        # Two requests of one player at once: the database kept the first, which is the answer.
        db.session.rollback()
        if (existing := recorded_answer(player, question_id)) is not None:
            return AnswerOutcome(existing, already_answered=True)
        raise
    if game.is_live:
        _close_when_everyone_answered(game, game_question, now)
    return AnswerOutcome(answer, already_answered=False)


def _close_when_everyone_answered(game: Game, game_question: GameQuestion, now: datetime) -> None:
    # Counted after our own commit: of answers committed at once, at least the last one sees them all.
    missing = db.session.scalar(
        sa.select(sa.func.count(GamePlayer.id)).where(
            GamePlayer.game_id == game.id,
            GamePlayer.removed_at.is_(None),
            ~sa.exists().where(GameAnswer.player_id == GamePlayer.id, GameAnswer.question_id == game_question.question_id),
        )
    )
    if missing == 0:
        _transition(game, "question", game_question.position, state="reveal", closes_at=now)


# --- Standings ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    rank: int
    player_id: int
    nickname: str
    score: int
    correct: int
    answered: int


def game_standings(game: Game) -> list[Standing]:
    """Every active player ranked by score, in ONE query: the projector's leaderboard and the podium agree.

    Equal scores share a rank; the order among them is alphabetical, which everyone can check.
    """
    score = sa.func.coalesce(sa.func.sum(GameAnswer.points), 0)
    correct = sa.func.coalesce(sa.func.sum(sa.case((GameAnswer.correct, 1), else_=0)), 0)
    query = (
        sa.select(
            sa.func.rank().over(order_by=score.desc()),
            GamePlayer.id, GamePlayer.nickname, score, correct, sa.func.count(GameAnswer.id),
        )
        .select_from(GamePlayer)
        .outerjoin(GameAnswer, GameAnswer.player_id == GamePlayer.id)
        .where(GamePlayer.game_id == game.id, GamePlayer.removed_at.is_(None))
        .group_by(GamePlayer.id, GamePlayer.nickname)
        .order_by(score.desc(), GamePlayer.nickname_key, GamePlayer.id)
    )
    return [Standing(*row) for row in db.session.execute(query)]


def answer_counts(game: Game, question_id: int) -> dict[int, int]:
    """How many active players chose each choice of `question_id` (choice id → count)."""
    rows = db.session.execute(
        sa.select(GameAnswer.choice_id, sa.func.count(GameAnswer.id))
        .join(GamePlayer, GamePlayer.id == GameAnswer.player_id)
        .where(GameAnswer.game_id == game.id, GameAnswer.question_id == question_id, GamePlayer.removed_at.is_(None))
        .group_by(GameAnswer.choice_id)
    )
    return dict(rows.all())
