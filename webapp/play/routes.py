from __future__ import annotations

from flask import abort, current_app, flash, redirect, session, url_for

from ..board.services import rank_of
from ..errors import render_error
from ..extensions import htmx
from ..highlighting import evidence_excerpt, paragraphs
from ..models import Round, RoundQuestion
from ..rendering import redirect_after_post, render
from . import bp, services
from .forms import AnswerForm, NicknameForm

KIND_LABELS = {
    "who_quoted": "Qui parle ?",
    "figure_source": "D'où vient ce chiffre ?",
    "editorializing": "Fait ou opinion ?",
}


@bp.app_template_filter("kind_label")
def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, "Question")


@bp.errorhandler(services.PlayError)
def play_error(error: services.PlayError):
    return render_error(error.status, error.message)


@bp.get("/")
def home():
    """The articles to play, one round mixing them all, and the way to the leaderboard."""
    entries = services.article_entries()
    return render(
        "play/home.html",
        "play/_home.html",
        entries=entries,
        mixed_count=sum(e.question_count for e in entries),
        published_sets=services.published_sets(),
    )


@bp.route("/play/new", methods=["GET", "POST"], defaults={"article_id": None})
@bp.route("/play/new/<int:article_id>", methods=["GET", "POST"])
@bp.route("/play/set/<int:set_id>", methods=["GET", "POST"], defaults={"article_id": None}, endpoint="start_set")
def start(article_id: int | None, set_id: int | None = None):
    """Choose a nickname and start a round on one article, on all of them, or on a teacher's published set."""
    article = question_set = None
    if article_id is not None:
        article = services.get_article(article_id) or abort(404, "Cet article n'existe pas (ou plus).")
    if set_id is not None:
        question_set = services.get_published_set(set_id) or abort(404, "Cette série n'existe pas (ou plus).")
    form = NicknameForm(nickname=session.get("nickname"))
    if form.validate_on_submit():
        try:
            round_ = services.start_round(
                form.nickname.data,
                article,
                player_id=session.get("player_id"),
                size=current_app.config["ROUND_SIZE"],
                question_set=question_set,
            )
        except services.NoQuestions:
            pass  # the page below says so
        else:
            session["nickname"], session["player_id"] = round_.player.nickname, round_.player_id
            return redirect_after_post(url_for("play.round", token=round_.token))
    if question_set is not None:
        question_count = len(services.set_questions(question_set))
    else:
        question_count = services.count_playable(article)
    status = 422 if form.errors else (409 if form.is_submitted() and not question_count else 200)
    return render(
        "play/start.html", "play/_start.html", status, form=form, article=article, question_count=question_count,
        question_set=question_set,
    )


@bp.get("/play/<token>", endpoint="round")
def show_round(token: str):
    """The round where the student is: the next question, or the end screen."""
    round_ = services.find_round(token)
    round_question = services.current_question(round_)
    if round_question is not None:
        services.serve(round_question)
    return _stage(round_, round_question)


@bp.get("/play/<token>/questions/<int:position>")
def question(token: str, position: int):
    """One question of the round: its feedback once answered (what a redirect after answering shows)."""
    round_ = services.find_round(token)
    round_question = services.round_question_at(round_, position)
    if round_question.question_id not in services.answers_by_question(round_):
        current = services.current_question(round_)
        if current is None or current.id != round_question.id:
            return redirect(url_for("play.round", token=token), 303)  # questions come in order
        services.serve(round_question)
    return _stage(round_, round_question)


@bp.post("/play/<token>/answer")
def answer(token: str):
    """Record the pressed choice; htmx gets the feedback in place, a plain form post a redirect to it."""
    round_ = services.find_round(token)
    form = AnswerForm()
    if not form.validate_on_submit():
        raise services.InvalidChoice()
    outcome = services.record_answer(round_, form.question_id.data, form.choice_id.data)
    round_question = next(rq for rq in round_.round_questions if rq.question_id == outcome.answer.question_id)
    target = url_for("play.question", token=token, position=round_question.position)
    if htmx:
        response = _stage(round_, round_question, already_answered=outcome.already_answered)
        response.headers["HX-Push-Url"] = target
        return response
    if outcome.already_answered:
        flash(services.ALREADY_ANSWERED)
    return redirect(target, 303)


def _stage(round_: Round, round_question: RoundQuestion | None, already_answered: bool = False):
    """The round's stage: a question, its feedback, or (round_question None) the end screen."""
    answers = services.answers_by_question(round_)
    context: dict = {
        "round": round_,
        "answers": answers,
        "total": len(round_.round_questions),
        "round_question": round_question,
        "already_answered": already_answered,
    }
    if round_question is None:
        rank, ranked = rank_of(round_)
        context.update(summary=services.summarize(round_), rank=rank, ranked=ranked)
    else:
        question = round_question.question
        answer = answers.get(question.id)
        context.update(
            question=question,
            answer=answer,
            article=question.article,
            article_paragraphs=paragraphs(question.article.text),
            evidence=evidence_excerpt(question) if answer else [],
            is_last=round_question.position == len(round_.round_questions),
        )
    return render("play/round.html", "play/_stage.html", **context)
