from __future__ import annotations

from flask import flash, redirect, request, session, url_for

from .. import clock
from ..classroom import services
from ..classroom.services import GameError
from ..extensions import db, htmx
from ..highlighting import evidence_excerpt
from ..models import Game
from ..play.forms import AnswerForm
from ..play.services import ALREADY_ANSWERED
from ..rendering import redirect_after_post, render
from . import bp
from .forms import JoinForm


@bp.app_context_processor
def server_clock() -> dict:
    """Countdowns are computed from the server's clock, which the page hands to the script."""
    return {"now_utc": clock.utcnow}


def _tokens() -> dict[str, str]:
    """The players this browser is, game by game, in the signed session cookie."""
    return session.get("games", {})


def _remember(game: Game, token: str) -> None:
    session["games"] = {**_tokens(), str(game.id): token}


def _game(game_id: int) -> Game:
    game = db.session.get(Game, game_id)
    if game is None or game.deleted_at is not None:
        raise services.GameNotFound()
    return game


@bp.route("/join", methods=["GET", "POST"])
def join():
    """Type the code shown on the projector and a nickname; the QR code brings here with the code filled in."""
    form = JoinForm(code=request.args.get("code", ""), nickname=session.get("nickname"))
    status = 200
    if form.validate_on_submit():
        try:
            game = services.find_joinable(form.code.data)
            player = services.join_game(game, form.nickname.data, _tokens().get(str(game.id)))
        except GameError as error:
            field = form.nickname if isinstance(error, services.NicknameTaken) else form.code
            field.errors = [*field.errors, error.message]
            status = error.status
        else:
            _remember(game, player.token)
            session["nickname"] = player.nickname
            return redirect_after_post(url_for("game.play", game_id=game.id))
    elif form.errors:
        status = 422
    return render("game/join.html", "game/_join.html", status, form=form)


@bp.get("/game/<int:game_id>")
def play(game_id: int):
    """Where the game is for this student: the lobby, the open question, its answer, or the podium.

    Polls send the version they show (``v``): when nothing changed the answer is an empty 204.
    """
    game = services.sync(_game(game_id))
    player = services.session_player(game, _tokens().get(str(game.id)))
    version = _version(game)
    if htmx and request.args.get("v") == version:
        return "", 204
    return _stage(game, player, version)


@bp.get("/game/<int:game_id>/questions/<int:position>")
def homework_feedback(game_id: int, position: int):
    """A homework question once answered: its feedback (where a plain form post lands)."""
    game = _game(game_id)
    player = services.session_player(game, _tokens().get(str(game.id)))
    game_question = next((gq for gq in game.game_questions if gq.position == position), None)
    if game.is_live or game_question is None or services.recorded_answer(player, game_question.question_id) is None:
        return redirect(url_for("game.play", game_id=game.id), 303)
    return _stage(game, player, _version(game), shown=game_question)


@bp.post("/game/<int:game_id>/answer")
def answer(game_id: int):
    """Record the pressed choice for the player of this session (never another); late answers are refused."""
    game = _game(game_id)
    player = services.session_player(game, _tokens().get(str(game.id)))
    form = AnswerForm()
    if not form.validate_on_submit():
        raise services.InvalidChoice()
    outcome = services.record_answer(game, player, form.question_id.data, form.choice_id.data)
    game_question = next(gq for gq in game.game_questions if gq.question_id == outcome.answer.question_id)
    if game.is_live:
        target = url_for("game.play", game_id=game.id)
        shown = None
    else:
        target = url_for("game.homework_feedback", game_id=game.id, position=game_question.position)
        shown = game_question
    if htmx:
        response = _stage(services.sync(game), player, _version(game), shown=shown,
                          already_answered=outcome.already_answered)
        if not game.is_live:
            response.headers["HX-Push-Url"] = target
        return response
    if outcome.already_answered:
        flash(ALREADY_ANSWERED)
    return redirect(target, 303)


def _version(game: Game) -> str:
    # Students' screens change with the game's state and, in the lobby, with who joined; not with each answer.
    return services.game_version(game) if game.state == "lobby" else f"{game.state}.{game.current_position}"


def _stage(game: Game, player, version: str, shown=None, already_answered: bool = False):
    """The student's stage; `shown` is a homework question to show the feedback of."""
    context: dict = {"game": game, "player": player, "version": version, "already_answered": already_answered,
                     "total": len(game.game_questions)}
    if game.is_finished:
        context["standings"] = services.game_standings(game)
    elif game.is_live:
        if game.state == "lobby":
            context["players"] = services.active_players(game)
        else:
            shown = services.current_game_question(game)
    else:
        shown = shown or services.next_homework_question(game, player)
        if shown is None:
            context["standings"] = services.game_standings(game)
    if shown is not None:
        question = shown.question
        answer = services.recorded_answer(player, question.id)
        context.update(game_question=shown, question=question, answer=answer)
        if answer is not None and (game.state == "reveal" or not game.is_live):
            context["evidence"] = evidence_excerpt(question)
            context["standings"] = services.game_standings(game)
    if "standings" in context:
        context["me"] = next((s for s in context["standings"] if s.player_id == player.id), None)
    return render("game/play.html", "game/_stage.html", **context)
