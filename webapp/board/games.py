"""The projector: a live game as the room sees it — code and QR code, the question, the answers, the podium.

It never shows the teacher's private notes. Only the game's teacher opens it (it shows the right answers).
"""

from __future__ import annotations

from flask import request, url_for
from flask_login import current_user

from ..auth import teacher_required
from ..classroom import services
from ..classroom.qr import qr_svg
from ..highlighting import excerpt
from ..rendering import render
from . import bp

LEADERBOARD_SIZE = 10


@bp.get("/games/<int:game_id>")
@teacher_required
def game(game_id: int):
    """The projector's page; polls send the version they show and get a 204 when nothing changed."""
    game = services.sync(services.teacher_game(current_user, game_id))
    version = services.game_version(game)
    if request.headers.get("HX-Request") and request.args.get("v") == version:
        return "", 204
    context: dict = {"game": game, "version": version, "total": len(game.game_questions)}
    if game.state == "lobby":
        join_url = url_for("game.join", code=game.code, _external=True)
        context.update(join_url=join_url, join_page=url_for("game.join", _external=True),
                       qr=qr_svg(join_url), players=services.active_players(game))
    elif game.state in ("question", "reveal"):
        game_question = services.current_game_question(game)
        question = game_question.question
        counts = services.answer_counts(game, question.id)
        context.update(game_question=game_question, question=question, counts=counts,
                       answered=sum(counts.values()), players=services.active_players(game))
        if game.state == "reveal":
            spans = [(e["start"], e["end"]) for e in question.evidence or []]
            context.update(evidence=excerpt(question.article.text, spans),
                           standings=services.game_standings(game)[:LEADERBOARD_SIZE])
    else:
        context["standings"] = services.game_standings(game)
    return render("board/game.html", "board/_game.html", **context)
