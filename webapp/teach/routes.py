from __future__ import annotations

from flask import current_app, flash, make_response, redirect, request, url_for
from flask_login import current_user

from ..auth import teacher_required
from ..auth.forms import EmptyForm
from ..classroom import services as classroom
from ..errors import render_error
from ..extensions import htmx
from ..i18n import Message, gettext
from ..rendering import redirect_after_post, render
from . import bp, results, services, sets
from .forms import AddQuestionForm, ArticleForm, ImportSetForm, MoveForm, QuestionForm, SetForm, StatusForm

KIND_LABELS = {
    "who_quoted": "Qui parle ?",
    "figure_source": "D'où vient ce chiffre ?",
    "editorializing": "Fait ou opinion ?",
    "free": "Question libre",
}
STATUS_LABELS = {"proposed": "À relire", "accepted": "Acceptée", "rejected": "Rejetée"}
DASHBOARD_GAMES = 5  # the latest games; the whole history is one click away, under « Mes parties »


@bp.app_context_processor
def _labels() -> dict:
    return {"teach_kind_labels": KIND_LABELS, "question_status_labels": STATUS_LABELS,
            "can_retry": services.can_retry}


@bp.app_errorhandler(413)
def too_large(error):
    return render_error(413, "Ce fichier est trop gros : 2 Mo au plus. Envoyez le texte seul, ou un extrait.")


@bp.errorhandler(services.TeachError)
def teach_error(error: services.TeachError):
    return render_error(error.status, error.message)


@bp.get("/")
@teacher_required
def dashboard():
    """The teacher's articles, sets and games, colleagues' published sets, the shipped articles."""
    return render(
        "teach/dashboard.html", "teach/_dashboard.html",
        articles=services.articles_of(current_user), shipped=services.shipped_articles(),
        my_sets=sets.sets_of(current_user), others_sets=sets.published_by_others(current_user),
        games=classroom.teacher_games(current_user)[:DASHBOARD_GAMES],
    )


# Articles

@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article():
    """Paste a text or upload a file; the analysis starts at once and the article page shows its progress."""
    form = ArticleForm()
    error, duplicate, status = None, None, 200
    if form.validate_on_submit():
        try:
            article = services.import_article(current_user, **_article_fields(form))
        except services.DuplicateArticle as exc:
            error, duplicate, status = exc.message, exc.article, exc.status
        except services.TeachError as exc:
            error, status = exc.message, exc.status
        else:
            services.start_analysis(current_app._get_current_object(), article.id)
            return redirect_after_post(url_for("teach.article", article_id=article.id))
    elif form.errors:
        status = 422
    return render("teach/article_new.html", "teach/_article_new.html", status, form=form, error=error,
                  duplicate=duplicate)


def _article_fields(form: ArticleForm) -> dict:
    """The article's text and description from the form: the uploaded file wins over the pasted text."""
    upload = form.file.data
    if upload and getattr(upload, "filename", ""):
        extracted = services.extract_text(upload.filename, services.decode_upload(upload.filename, upload.read()))
    else:
        extracted = services.Extracted(form.text.data or "")
    return {
        "text": extracted.text,
        "title": form.title.data or extracted.title,
        "source": form.source.data or extracted.source,
        "published_on": form.published_on.data or extracted.published_on,
    }


@bp.get("/articles/<int:article_id>")
@teacher_required
def article(article_id: int):
    """The review page: the text with what the analyser found, and the questions beside it."""
    article = services.article_for(current_user, article_id)
    deleted = services.deleted_question(article, request.args.get("deleted", type=int))
    return render(
        "teach/article.html", "teach/_article.html", article=article, deleted=deleted,
        paragraphs=services.annotated_paragraphs(article.text, article.highlights),
        questions=services.review_questions(article), editable=article.owner_id == current_user.id,
        counts=services.status_counts(services.review_questions(article)),
    )


def form_action(article) -> str:
    return url_for("teach.new_question", article_id=article.id)


@bp.get("/articles/<int:article_id>/status")
@teacher_required
def article_status(article_id: int):
    """The analysis progress; when it is done, htmx reloads the page (HX-Refresh) to show the questions."""
    article = services.article_for(current_user, article_id)
    response = render("teach/article_status.html", "teach/_article_status.html", article=article)
    if htmx and article.analysis_status in ("done", "failed"):
        response.headers["HX-Refresh"] = "true"
    return response


@bp.post("/articles/<int:article_id>/analyse")
@teacher_required
def reanalyse(article_id: int):
    """Run a failed (or interrupted) analysis again."""
    article = services.article_for(current_user, article_id, write=True)
    services.retry_analysis(current_app._get_current_object(), article)
    return redirect_after_post(url_for("teach.article", article_id=article.id))


@bp.route("/articles/<int:article_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete_article(article_id: int):
    """Confirm, then delete; an article that published sets or played games rely on is refused with the reason."""
    article = services.article_for(current_user, article_id, write=True)
    uses = services.article_uses(article)
    if request.method == "POST":
        title = article.title
        services.delete_article(article)
        flash(gettext("L'article « %(title)s » est supprimé.", title=title))
        return redirect_after_post(url_for("teach.dashboard"))
    return render("teach/article_delete.html", "teach/_article_delete.html", article=article, uses=uses,
                  form=EmptyForm())


# Reviewing questions

@bp.get("/questions/<int:question_id>")
@teacher_required
def question(question_id: int):
    question = services.question_for(current_user, question_id)
    return _question_card(question)


def _question_card(question, status: int = 200, **extra):
    article = question.article
    return render("teach/question.html", "teach/_question.html", status, question=question, article=article,
                  editable=article.owner_id == current_user.id, **extra)


@bp.post("/questions/<int:question_id>/status")
@teacher_required
def question_status(question_id: int):
    """Accept, reject, or put back to review."""
    question = services.question_for(current_user, question_id, write=True)
    form = StatusForm()
    if not form.validate_on_submit():
        raise services.TeachError("Statut manquant.", 400)
    services.set_status(question, form.status.data)
    if not htmx:
        return redirect(url_for("teach.article", article_id=question.article_id, _anchor=f"q{question.id}"), 303)
    return _question_card(question, oob_counts=_counts(question))


def _counts(question) -> dict[str, int]:
    return services.status_counts(services.review_questions(question.article))


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(question_id: int):
    question = services.question_for(current_user, question_id, write=True)
    form = QuestionForm(data=_form_data(services.draft_of(question)) if not _posted() else None)
    problems: list[str] = []
    if form.validate_on_submit():
        draft = _draft(form)
        problems, span = services.check_draft(draft, question.article.text)
        if not problems:
            try:
                services.save_question(question, draft, span)
            except services.TeachError as exc:
                problems = [exc.message]
            else:
                if not htmx:
                    flash("Question enregistrée.")
                    return redirect(url_for("teach.article", article_id=question.article_id,
                                            _anchor=f"q{question.id}"), 303)
                return _question_card(question, saved=True)
    status = 422 if problems or form.errors else 200
    return render("teach/question_edit.html", "teach/_question_edit.html", status, form=form, question=question,
                  article=question.article, problems=problems,
                  action=url_for("teach.edit_question", question_id=question.id),
                  paragraphs=services.annotated_paragraphs(question.article.text, question.article.highlights))


@bp.route("/articles/<int:article_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question(article_id: int):
    """A question of the teacher's own, its evidence chosen by selecting text in the article."""
    article = services.article_for(current_user, article_id, write=True)
    form = QuestionForm(kind="free") if not _posted() else QuestionForm()
    problems: list[str] = []
    if form.validate_on_submit():
        draft = _draft(form)
        problems, span = services.check_draft(draft, article.text)
        if not problems:
            question = services.new_question(article, current_user, draft, span)
            flash("Votre question est ajoutée et acceptée.")
            return redirect_after_post(url_for("teach.article", article_id=article.id, _anchor=f"q{question.id}"))
    status = 422 if problems or form.errors else 200
    return render("teach/question_new.html", "teach/_question_new.html", status, form=form, article=article,
                  problems=problems, action=form_action(article),
                  paragraphs=services.annotated_paragraphs(article.text, article.highlights))


def _posted() -> bool:
    return request.method == "POST"


def _draft(form: QuestionForm) -> services.QuestionDraft:
    answer = form.answer.data
    return services.QuestionDraft(
        kind=form.kind.data, prompt=form.prompt.data or "", choices=[f.data or "" for f in form.choice_fields],
        answer=int(answer) - 1 if answer and str(answer).isdigit() else None,
        explanation=form.explanation.data or "", evidence_start=form.evidence_start.data,
        evidence_end=form.evidence_end.data, evidence_text=form.evidence_text.data,
    )


def _form_data(draft: services.QuestionDraft) -> dict:
    data = {"kind": draft.kind, "prompt": draft.prompt, "explanation": draft.explanation,
            "evidence_start": draft.evidence_start, "evidence_end": draft.evidence_end,
            "answer": str(draft.answer + 1) if draft.answer is not None else None}
    for i, text in enumerate(draft.choices[:5], 1):
        data[f"choice_{i}"] = text
    return data


@bp.post("/questions/<int:question_id>/delete")
@teacher_required
def delete_question(question_id: int):
    """Soft delete, with « Annuler » right where the question was."""
    question = services.question_for(current_user, question_id, write=True)
    services.delete_question(question)
    if not htmx:
        flash("Question supprimée.")
        return redirect(url_for("teach.article", article_id=question.article_id, deleted=question.id), 303)
    return render("teach/question.html", "teach/_question_deleted.html", question=question,
                  oob_counts=_counts(question))


@bp.post("/questions/<int:question_id>/restore")
@teacher_required
def restore_question(question_id: int):
    question = services.question_for(current_user, question_id, write=True)
    services.restore_question(question)
    if not htmx:
        flash("Question rétablie.")
        return redirect(url_for("teach.article", article_id=question.article_id, _anchor=f"q{question.id}"), 303)
    return _question_card(question, oob_counts=_counts(question))


# Question sets

@bp.route("/sets/new", methods=["GET", "POST"])
@teacher_required
def new_set():
    form = SetForm()
    if form.validate_on_submit():
        question_set = sets.create_set(current_user, form.title.data, form.description.data,
                                       form.default_seconds.data)
        return redirect_after_post(url_for("teach.set_detail", set_id=question_set.id))
    return render("teach/set_new.html", "teach/_set_new.html", 422 if form.errors else 200, form=form)


@bp.get("/sets/<int:set_id>")
@teacher_required
def set_detail(set_id: int):
    """The set: its questions in order (owner: move, remove, add, publish); a colleague's: read-only, copy."""
    question_set = sets.set_for(current_user, set_id)
    return _set_page(question_set)


def _set_page(question_set, status: int = 200, form: SetForm | None = None):
    owner = question_set.owner_id == current_user.id
    return render(
        "teach/set.html", "teach/_set.html", status, question_set=question_set, owner=owner,
        entries=sets.live_questions(question_set),
        candidates=sets.candidate_questions(current_user, question_set) if owner else [],
        form=form or SetForm(obj=question_set),
    )


@bp.post("/sets/<int:set_id>")
@teacher_required
def update_set(set_id: int):
    question_set = sets.set_for(current_user, set_id, write=True)
    form = SetForm()
    if not form.validate_on_submit():
        return _set_page(question_set, 422, form)
    sets.update_set(question_set, form.title.data, form.description.data, form.default_seconds.data)
    flash("Série enregistrée.")
    return redirect_after_post(url_for("teach.set_detail", set_id=set_id))


@bp.post("/sets/<int:set_id>/questions")
@teacher_required
def add_to_set(set_id: int):
    question_set = sets.set_for(current_user, set_id, write=True)
    form = AddQuestionForm()
    if not form.validate_on_submit():
        raise services.TeachError("Choisissez une question.", 400)
    sets.add_question(current_user, question_set, form.question_id.data)
    return _after_set_change(question_set)


@bp.post("/sets/<int:set_id>/questions/<int:question_id>/remove")
@teacher_required
def remove_from_set(set_id: int, question_id: int):
    question_set = sets.set_for(current_user, set_id, write=True)
    sets.remove_question(question_set, question_id)
    return _after_set_change(question_set)


@bp.post("/sets/<int:set_id>/questions/<int:question_id>/move")
@teacher_required
def move_in_set(set_id: int, question_id: int):
    question_set = sets.set_for(current_user, set_id, write=True)
    form = MoveForm()
    if not form.validate_on_submit():
        raise services.TeachError("Direction manquante.", 400)
    sets.move_question(question_set, question_id, form.direction.data)
    return _after_set_change(question_set)


def _after_set_change(question_set):
    """htmx swaps the whole set panel (a larger target, STYLE.md); a plain form goes back to the page."""
    if htmx:
        return _set_page(question_set)
    return redirect(url_for("teach.set_detail", set_id=question_set.id), 303)


@bp.post("/sets/<int:set_id>/publish")
@teacher_required
def publish_set(set_id: int):
    question_set = sets.set_for(current_user, set_id, write=True)
    form = StatusForm()
    if not form.validate_on_submit() or form.status.data not in ("draft", "published"):
        raise services.TeachError("Statut inconnu.", 400)
    sets.set_published(question_set, form.status.data == "published")
    flash("La série est publiée : vos élèves la trouvent sur la page d'accueil."
          if question_set.is_published else "La série est repassée en brouillon.")
    return redirect_after_post(url_for("teach.set_detail", set_id=set_id))


@bp.route("/sets/<int:set_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete_set(set_id: int):
    """Confirm, then delete; the games and rounds already played keep their results."""
    question_set = sets.set_for(current_user, set_id, write=True)
    if request.method == "POST":
        title = question_set.title
        sets.delete_set(question_set)
        flash(gettext("La série « %(title)s » est supprimée.", title=title))
        return redirect_after_post(url_for("teach.dashboard"))
    games, rounds = sets.played_count(question_set)
    return render("teach/set_delete.html", "teach/_set_delete.html", question_set=question_set, games=games,
                  rounds=rounds, form=EmptyForm())


@bp.post("/sets/<int:set_id>/copy")
@teacher_required
def copy_set(set_id: int):
    question_set = sets.set_for(current_user, set_id)
    copy = sets.copy_set(question_set, current_user)
    flash("Copie créée : c'est votre brouillon, modifiez-le à votre guise.")
    return redirect_after_post(url_for("teach.set_detail", set_id=copy.id))


@bp.get("/sets/<int:set_id>/export.<any(yaml, json):fmt>")
@teacher_required
def export_set(set_id: int, fmt: str):
    question_set = sets.set_for(current_user, set_id)
    body = sets.dump(sets.export_document(question_set), fmt)
    response = make_response(body)
    response.mimetype = "application/json" if fmt == "json" else "application/yaml"
    response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="serie-{question_set.id}.{fmt}"'
    return response


@bp.route("/sets/import", methods=["GET", "POST"])
@teacher_required
def import_set():
    form = ImportSetForm()
    error, status = None, 200
    if form.validate_on_submit():
        upload = form.file.data
        if not upload or not getattr(upload, "filename", ""):
            error, status = Message("Choisissez un fichier de série (.yaml ou .json)."), 422
        else:
            try:
                question_set = sets.import_document(sets.parse(upload.read(), upload.filename), current_user)
            except services.TeachError as exc:
                error, status = exc.message, exc.status
            else:
                flash("Série importée (en brouillon).")
                return redirect_after_post(url_for("teach.set_detail", set_id=question_set.id))
    return render("teach/set_import.html", "teach/_set_import.html", status, form=form, error=error)


@bp.get("/sets/<int:set_id>/results")
@teacher_required
def set_results(set_id: int):
    """Per skill and per question: how many played, share of right answers, most chosen wrong answer."""
    question_set = sets.set_for(current_user, set_id, write=True)
    outcome = results.set_results(question_set)
    return render(
        "teach/set_results.html", "teach/_set_results.html", question_set=question_set, results=outcome,
        skills_chart=results.bar_chart(
            [(s.label, s.share_right, f"({s.right}/{s.played})") for s in outcome.skills],
            "Part de bonnes réponses par compétence"),
        questions_chart=results.bar_chart(
            [(f"{q.position}. {q.question.prompt}", q.share_right, f"({q.right}/{q.played})")
             for q in outcome.questions], "Part de bonnes réponses par question"),
    )
