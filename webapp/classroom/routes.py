from __future__ import annotations

from datetime import UTC
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import Response, current_app, flash, make_response, redirect, request, url_for
from flask_login import current_user

from .. import clock
from ..auth import teacher_required
from ..auth.forms import EmptyForm
from ..errors import render_error
from ..extensions import db, htmx
from ..i18n import gettext
from ..models import QuestionSet
from ..rendering import render
from . import bp, results, services
from .forms import NewGameForm, NoteForm, PaceForm, RenameForm
from .services import GameError

STATE_LABELS = {
    "lobby": "Salle d'attente",
    "question": "Question en cours",
    "reveal": "Correction",
    "finished": "Terminée",
}


@bp.app_errorhandler(GameError)
def game_error(error: GameError):
    """A refusal of the game (students', teacher's or projector's pages): its French message and status."""
    return render_error(error.status, error.message)


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("CLASSROOM_TIMEZONE", "Europe/Paris"))


@bp.app_template_filter("local_time")
def local_time(value, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """A stored UTC time as the class reads it on the wall clock."""
    return value.replace(tzinfo=UTC).astimezone(_zone()).strftime(fmt) if value else ""


@bp.app_template_filter("state_label")
def state_label(state: str) -> str:
    return gettext(STATE_LABELS.get(state, state))


def _back(game_id: int) -> str:
    """Where a pacing button came from (the projector or the control page): a path of this site only."""
    target = request.form.get("next", "")
    if target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("classroom.game", game_id=game_id)


@bp.get("/")
@teacher_required
def index():
    """The teacher's games, newest first, and the way to start one."""
    return render("classroom/index.html", "classroom/_index.html", games=services.teacher_games(current_user),
                  form=EmptyForm())


@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def new():
    """Start a game from a published set: live with a countdown, or homework until a deadline."""
    sets = services.playable_sets(current_user)
    form = NewGameForm(set_id=request.args.get("set_id", type=int))
    form.set_id.choices = [(s.id, s.title) for s in sets]
    if form.validate_on_submit():
        question_set = db.session.get(QuestionSet, form.set_id.data)
        deadline = None
        if form.deadline.data is not None:
            deadline = form.deadline.data.replace(tzinfo=_zone()).astimezone(UTC).replace(tzinfo=None)
            if deadline <= clock.utcnow():
                form.deadline.errors = ["La date limite doit être dans le futur."]
        if not form.deadline.errors:
            game = services.start_game(
                current_user, question_set, mode=form.mode.data, seconds=form.seconds.data,
                speed_bonus=form.speed_bonus.data, deadline=deadline,
            )
            target = url_for("board.game", game_id=game.id) if game.is_live else url_for(
                "classroom.game", game_id=game.id)
            return redirect(target, 303)
    status = 422 if form.errors else 200
    return render("classroom/new.html", "classroom/_new.html", status, form=form, sets=sets)


@bp.get("/<int:game_id>")
@teacher_required
def game(game_id: int):
    """The teacher's control page: pacing, the players with their private notes, removal and renaming."""
    game = services.sync(services.teacher_game(current_user, game_id))
    version = services.game_version(game)
    if htmx and request.args.get("v") == version:
        return "", 204
    return render(
        "classroom/game.html", "classroom/_control.html", game=game, version=version,
        players=services.active_players(game), standings=services.game_standings(game),
        form=EmptyForm(),
    )


@bp.post("/<int:game_id>/advance")
@teacher_required
def advance(game_id: int):
    """Next step of a live game; the screens that poll are told at once through an htmx event."""
    game = services.teacher_game(current_user, game_id)
    form = PaceForm()
    if form.validate_on_submit():
        services.advance(game, form.state.data, form.position.data)
    if htmx:
        response = make_response("", 204)
        response.headers["HX-Trigger"] = "game-changed"
        return response
    return redirect(_back(game.id), 303)


@bp.post("/<int:game_id>/end")
@teacher_required
def end(game_id: int):
    game = services.teacher_game(current_user, game_id)
    if EmptyForm().validate_on_submit():
        services.end_game(game)
        flash("La partie est terminée : son code ne permet plus de la rejoindre.")
    return redirect(_back(game.id), 303)


@bp.post("/<int:game_id>/delete")
@teacher_required
def delete(game_id: int):
    """Delete from the history, with an undo button on the next page."""
    game = services.teacher_game(current_user, game_id)
    if EmptyForm().validate_on_submit():
        services.delete_game(game)
    return render("classroom/index.html", "classroom/_index.html", games=services.teacher_games(current_user),
                  form=EmptyForm(), deleted=game)


@bp.post("/<int:game_id>/restore")
@teacher_required
def restore(game_id: int):
    game = services.teacher_game(current_user, game_id)
    if EmptyForm().validate_on_submit():
        services.restore_game(game)
        flash("La partie est de retour dans votre historique.")
    return redirect(url_for("classroom.index"), 303)


@bp.get("/<int:game_id>/players/<int:player_id>")
@teacher_required
def player(game_id: int, player_id: int):
    """One player: the private note and the nickname, each in its own form."""
    game = services.teacher_game(current_user, game_id)
    player = services.game_player(game, player_id)
    return _player_page(game, player, NoteForm(note=player.note), RenameForm(nickname=player.nickname))


def _player_page(game, player, note_form, rename_form, status: int = 200):
    return render("classroom/player.html", "classroom/_player.html", status, game=game, player=player,
                  note_form=note_form, rename_form=rename_form, form=EmptyForm())


@bp.post("/<int:game_id>/players/<int:player_id>/note")
@teacher_required
def note(game_id: int, player_id: int):
    game = services.teacher_game(current_user, game_id)
    player = services.game_player(game, player_id)
    form = NoteForm()
    if not form.validate_on_submit():
        return _player_page(game, player, form, RenameForm(nickname=player.nickname), 422)
    services.set_note(player, form.note.data or "")
    flash("Note enregistrée.")
    return redirect(url_for("classroom.game", game_id=game.id), 303)


@bp.post("/<int:game_id>/players/<int:player_id>/rename")
@teacher_required
def rename(game_id: int, player_id: int):
    game = services.teacher_game(current_user, game_id)
    player = services.game_player(game, player_id)
    form = RenameForm()
    if form.validate_on_submit():
        try:
            services.rename_player(player, form.nickname.data)
        except services.NicknameTaken as error:
            form.nickname.errors = [error.message]
        else:
            flash("Pseudo changé.")
            return redirect(url_for("classroom.game", game_id=game.id), 303)
    return _player_page(game, player, NoteForm(note=player.note), form, 422)


@bp.post("/<int:game_id>/players/<int:player_id>/remove")
@teacher_required
def remove(game_id: int, player_id: int):
    """Out of the game; that browser cannot rejoin it."""
    game = services.teacher_game(current_user, game_id)
    player = services.game_player(game, player_id)
    if EmptyForm().validate_on_submit():
        services.remove_player(player)
        flash(gettext("%(nickname)s a été retiré de la partie.", nickname=player.nickname))
    return redirect(url_for("classroom.game", game_id=game.id), 303)


@bp.get("/<int:game_id>/results")
@teacher_required
def results_page(game_id: int):
    """Each player's score and answers, how each question went, and what to discuss first."""
    game = services.teacher_game(current_user, game_id)
    return render("classroom/results.html", "classroom/_results.html", game=game,
                  results=results.game_results(game))


@bp.get("/<int:game_id>/results.csv")
@teacher_required
def results_csv(game_id: int):
    game = services.teacher_game(current_user, game_id)
    filename = f"loupe-partie-{game.id}-{game.created_at:%Y-%m-%d}.csv"
    return Response(
        results.results_csv(game, gettext).encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
