"""A teacher's articles and their questions: import, background analysis, review. Never reads ``request``."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePath

import sqlalchemy as sa
from flask import Flask, current_app
from markupsafe import Markup, escape

from .. import clock
from ..articles import checksum, find_by_checksum, highlight_rows, question_rows
from ..extensions import db
from ..highlighting import paragraph_bounds
from ..i18n import Message
from ..models import (
    QUESTION_KINDS,
    Article,
    Choice,
    GameQuestion,
    Question,
    QuestionSet,
    RoundQuestion,
    SetQuestion,
    Teacher,
)

MAX_CHARS = 200_000
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
CHOICES_MIN, CHOICES_MAX = 2, 5


class TeachError(Exception):
    """A refused request; ``message`` is French (a :class:`Message`, translated where it is shown), for the
    teacher, with ``%(name)s`` placeholders filled from `params`; ``status`` the HTTP status to answer with."""

    status = 422

    def __init__(self, message: str, status: int | None = None, **params) -> None:
        self.message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(self.message)
        if status is not None:
            self.status = status


class NotFound(TeachError):
    status = 404

    def __init__(self, message: str = "Cette page n'existe pas, ou elle appartient à un·e autre enseignant·e.") -> None:
        super().__init__(message)


class ReadOnly(TeachError):
    status = 403

    def __init__(self, message: str = "Vous pouvez consulter ceci, mais pas le modifier : ce n'est pas à vous.") -> None:
        super().__init__(message)


class DuplicateArticle(TeachError):
    status = 409

    def __init__(self, article: Article, visible: bool) -> None:
        super().__init__(
            "Cet article est déjà dans Loupe (même texte) : il n'a pas été importé une seconde fois."
            if visible else
            "Un·e collègue a déjà importé cet article (même texte) : il n'a pas été importé une seconde fois."
        )
        self.article = article if visible else None


# Reading what the teacher brings

def decode_upload(filename: str, data: bytes) -> str:
    """The text of an uploaded file: UTF-8, else Windows-1252 (older French exports), else a clear refusal."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise TeachError("Ce type de fichier n'est pas accepté : envoyez un fichier .txt, .md ou .html.", 415)
    if b"\x00" in data:
        raise TeachError("Ce fichier n'est pas un texte (il contient des données binaires).", 415)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # cp1252 is latin-1 plus the typographic quotes and « œ » that French texts use; it refuses the
            # five bytes it leaves undefined, which is how a file that is neither shows itself.
            raw = data.decode("cp1252")
        except UnicodeDecodeError:
            raise TeachError(
                "L'encodage de ce fichier n'est pas reconnu. Enregistrez-le en UTF-8 et réessayez.", 422
            ) from None
    if _looks_binary(raw):
        raise TeachError("Ce fichier n'est pas un texte (il contient des données binaires).", 415)
    return raw


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:10000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(3, len(text[:10000]) // 100)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    source: str | None = None
    published_on: str | None = None


def extract_text(filename: str, raw: str) -> Extracted:
    """The article in a file: front matter of a .md as metadata, the main text of an HTML page (trafilatura)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".html", ".htm"):
        import trafilatura  # heavy: only for HTML uploads

        document = trafilatura.bare_extraction(raw, include_comments=False, include_tables=False, with_metadata=True)
        text = getattr(document, "text", None) if document is not None else None
        if not text or not text.strip():
            raise TeachError("Impossible de trouver le texte de l'article dans cette page HTML.")
        return Extracted(
            _normalize_newlines(text), getattr(document, "title", None), getattr(document, "sitename", None),
            getattr(document, "date", None),
        )
    text, meta = _normalize_newlines(raw), {}
    if suffix == ".md" and text.startswith("---\n"):
        import yaml

        header, sep, rest = text[4:].partition("\n---\n")
        if sep:
            try:
                meta = yaml.safe_load(header) or {}
            except yaml.YAMLError:
                meta = {}
            text = rest if isinstance(meta, dict) else text
            meta = meta if isinstance(meta, dict) else {}
    return Extracted(text, _str(meta.get("title")), _str(meta.get("source")), _str(meta.get("date")))


def _str(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_article_text(text: str) -> str:
    """The text to store (trimmed), or a :class:`TeachError` with the analyser's French reason."""
    from ..analysis import AnalysisError
    from ..analysis.pipeline import check_text  # cheap checks only: the model is not loaded here

    text = text.strip()
    if len(text) > MAX_CHARS:
        raise TeachError(
            "Ce texte est trop long (%(length)s caractères) : %(max)s au plus.", 413,
            length=f"{len(text):,}".replace(",", " "), max=f"{MAX_CHARS:,}".replace(",", " "),
        )
    try:
        check_text(text)
    except AnalysisError as error:
        raise TeachError(str(error)) from None
    return text


# Importing and analysing

def import_article(owner: Teacher, *, text: str, title: str | None, source: str | None,
                   published_on: str | None = None) -> Article:
    """Store a new article for `owner`, waiting for its analysis; refuses bad text and duplicates.

    Nothing is written when it refuses.
    """
    text = check_article_text(text)
    if not (title and title.strip()):
        raise TeachError("Donnez un titre à l'article.")
    existing = find_by_checksum(text)
    if existing is not None:
        raise DuplicateArticle(existing, visible=existing.owner_id in (None, owner.id))
    article = Article(
        title=title.strip()[:300], source=(source or "").strip()[:200] or "Source non précisée", language="fr",
        text=text, checksum=checksum(text), owner_id=owner.id, published_on=(published_on or "").strip() or None,
        analysis_status="pending",
    )
    db.session.add(article)
    db.session.commit()
    return article


STALE_AFTER = timedelta(minutes=5)  # an analysis still "running" by then died with its process


def can_retry(article: Article, now: datetime | None = None) -> bool:
    """A failed analysis, or one whose process stopped (a restart), can be run again."""
    if article.analysis_status == "failed":
        return True
    started = article.created_at or (now or clock.utcnow())
    return article.analysis_status in ("pending", "running") and (now or clock.utcnow()) - started > STALE_AFTER


def retry_analysis(app: Flask, article: Article) -> None:
    if not can_retry(article):
        raise TeachError("L'analyse de cet article est déjà en cours.", 409)
    article.analysis_status, article.analysis_error = "pending", None
    db.session.commit()
    start_analysis(app, article.id)


def start_analysis(app: Flask, article_id: int) -> None:
    """Analyse the article now (``ANALYSIS_SYNC``) or in a background thread with its own app context."""
    if app.config.get("ANALYSIS_SYNC"):
        analyse_article(article_id)
        return
    thread = threading.Thread(target=_analyse_in_context, args=(app, article_id), daemon=True,
                              name=f"analysis-{article_id}")
    thread.start()


def _analyse_in_context(app: Flask, article_id: int) -> None:
    with app.app_context():
        try:
            analyse_article(article_id)
        finally:
            db.session.remove()


def analyse_article(article_id: int) -> None:
    """Run the analyser on a stored article: its questions (proposed, for review) and its highlights."""
    from ..analysis import AnalysisError, analyze

    article = db.session.get(Article, article_id)
    if article is None:
        return
    article.analysis_status = "running"
    db.session.commit()
    try:
        analysis = analyze(article.text)
    except AnalysisError as error:
        article.analysis_status, article.analysis_error = "failed", str(error)
    except Exception:  # the teacher must see an end, not a page polling forever
        current_app.logger.exception("analysis of article %s failed", article_id)
        db.session.rollback()
        article.analysis_status = "failed"
        article.analysis_error = "L'analyse a échoué de notre côté. Réessayez plus tard."
    else:
        article.questions.extend(question_rows(analysis.questions, "proposed"))
        article.highlights = highlight_rows(analysis)
        article.analysis_status, article.analysis_error = "done", None
    db.session.commit()


# Finding what a teacher may see

def articles_of(teacher: Teacher) -> list[Article]:
    return list(db.session.scalars(
        sa.select(Article).where(Article.owner_id == teacher.id).order_by(Article.id.desc())
    ))


def shipped_articles() -> list[Article]:
    """The articles of content/: every teacher may read them and put their questions in a set."""
    return list(db.session.scalars(sa.select(Article).where(Article.owner_id.is_(None)).order_by(Article.title)))


def article_for(teacher: Teacher, article_id: int, *, write: bool = False) -> Article:
    """The article if `teacher` may see it (theirs, or shipped); shipped ones are read-only."""
    article = db.session.get(Article, article_id)
    if article is None or article.owner_id not in (None, teacher.id):
        raise NotFound()
    if write and article.owner_id != teacher.id:
        raise ReadOnly("Les articles livrés avec Loupe se consultent mais ne se modifient pas.")
    return article


def question_for(teacher: Teacher, question_id: int, *, write: bool = False) -> Question:
    question = db.session.get(Question, question_id)
    if question is None:
        raise NotFound()
    article_for(teacher, question.article_id, write=write)
    return question


def review_questions(article: Article) -> list[Question]:
    """The questions a review lists: the analyser's and the article owner's own, deleted ones left out."""
    return [
        q for q in article.questions
        if q.deleted_at is None and (q.author_id is None or q.author_id == article.owner_id)
    ]


def deleted_question(article: Article, question_id: int | None) -> Question | None:
    """A question of `article` deleted a moment ago, to offer « Annuler » (the page without JavaScript)."""
    question = db.session.get(Question, question_id) if question_id else None
    if question is None or question.article_id != article.id or question.deleted_at is None:
        return None
    return question


def status_counts(questions: list[Question]) -> dict[str, int]:
    counts = {"proposed": 0, "accepted": 0, "rejected": 0}
    for q in questions:
        counts[q.status] = counts.get(q.status, 0) + 1
    return counts


# Reviewing

def set_status(question: Question, status: str) -> Question:
    if status not in ("proposed", "accepted", "rejected"):
        raise TeachError("Statut inconnu.", 400)
    question.status = status
    db.session.commit()
    return question


def delete_question(question: Question) -> Question:
    """Soft delete: the question leaves the review, sets and rounds to come, and ``restore_question`` undoes it."""
    question.deleted_at = clock.utcnow()
    db.session.commit()
    return question


def restore_question(question: Question) -> Question:
    question.deleted_at = None
    db.session.commit()
    return question


@dataclass
class ArticleUses:
    """What keeps an article: published sets and played games or rounds refuse its deletion; drafts do not."""

    published_sets: list[str]
    draft_sets: list[str]
    games: int
    rounds: int
    analysing: bool

    @property
    def blocking(self) -> list[str]:
        """Why the article cannot be deleted (French messages); empty when it can."""
        reasons = []
        if self.analysing:
            reasons.append(Message("son analyse est en cours : attendez qu'elle se termine"))
        if self.published_sets:
            reasons.append(Message("ses questions sont dans des séries publiées (« %(sets)s ») : repassez-les en "
                                   "brouillon ou retirez-en ces questions", sets=" », « ".join(self.published_sets)))
        if self.games:
            reasons.append(Message("ses questions ont été jouées en classe (%(n)s partie(s)), dont les résultats "
                                   "doivent rester lisibles", n=self.games))
        if self.rounds:
            reasons.append(Message("ses questions ont été jouées par des élèves (%(n)s partie(s) en solo), "
                                   "dont les scores restent au classement", n=self.rounds))
        return reasons


def article_uses(article: Article) -> ArticleUses:
    question_ids = sa.select(Question.id).where(Question.article_id == article.id)
    sets = db.session.scalars(
        sa.select(QuestionSet).join(SetQuestion).where(SetQuestion.question_id.in_(question_ids))
        .distinct().order_by(QuestionSet.title)
    ).all()
    return ArticleUses(
        published_sets=[s.title for s in sets if s.is_published],
        draft_sets=[s.title for s in sets if not s.is_published],
        games=db.session.scalar(sa.select(sa.func.count(sa.distinct(GameQuestion.game_id)))
                                .where(GameQuestion.question_id.in_(question_ids))) or 0,
        rounds=db.session.scalar(sa.select(sa.func.count(sa.distinct(RoundQuestion.round_id)))
                                 .where(RoundQuestion.question_id.in_(question_ids))) or 0,
        analysing=article.analysis_status in ("pending", "running"),
    )


def delete_article(article: Article) -> None:
    """Delete an article with its questions (they leave draft sets); refused while anything played keeps it.

    Refusing rather than hiding keeps every result readable: games and rounds point at these questions.
    """
    reasons = article_uses(article).blocking
    if reasons:
        raise TeachError("Cet article ne peut pas être supprimé : %(reasons)s.", 409, reasons=Message.join(" ; ", reasons))
    db.session.delete(article)
    db.session.commit()


@dataclass
class QuestionDraft:
    """What a teacher typed for a question, before it is checked against the article."""

    kind: str
    prompt: str
    choices: list[str]
    answer: int | None  # index into the non-empty choices, as typed (0-based)
    explanation: str
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence_text: str | None = None


def locate(text: str, snippet: str) -> tuple[int, int] | None:
    """Where `snippet` is in `text`: exactly, else ignoring case, runs of spaces and typographic apostrophes."""
    snippet = snippet.strip()
    if not snippet:
        return None
    if (start := text.find(snippet)) >= 0:
        return start, start + len(snippet)
    pattern = r"\s+".join(
        "".join("['’]" if ch in "'’" else re.escape(ch) for ch in word) for word in snippet.split()
    )
    match = re.search(pattern, text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def check_draft(draft: QuestionDraft, text: str) -> tuple[list[str], tuple[int, int] | None]:
    """The problems of a draft (French, empty when fit for a class) and its evidence span."""
    problems: list[str] = []
    if draft.kind not in QUESTION_KINDS:
        problems.append(Message("Choisissez le type de question."))
    if not draft.prompt.strip():
        problems.append(Message("L'énoncé est vide."))
    filled = [c.strip() for c in draft.choices if c and c.strip()]
    if not CHOICES_MIN <= len(filled) <= CHOICES_MAX:
        problems.append(Message("Il faut entre %(min)s et %(max)s choix (il y en a %(n)s).",
                                min=CHOICES_MIN, max=CHOICES_MAX, n=len(filled)))
    folded = [" ".join(c.casefold().split()) for c in filled]
    if len(set(folded)) != len(folded):
        problems.append(Message("Deux choix sont identiques : chaque choix doit être différent."))
    if draft.answer is None or not 0 <= draft.answer < len(draft.choices) or not (draft.choices[draft.answer] or "").strip():
        problems.append(Message("Indiquez la bonne réponse : exactement un choix, et pas un choix vide."))
    if not draft.explanation.strip():
        problems.append(Message("L'explication est vide : dites aux élèves pourquoi c'est la bonne réponse."))
    span = None
    if draft.evidence_start is not None or draft.evidence_end is not None:
        s, e = draft.evidence_start, draft.evidence_end
        if s is None or e is None or not 0 <= s < e <= len(text):
            problems.append(Message("Le passage choisi sort du texte de l'article."))
        else:
            span = (s, e)
    if span is None and draft.evidence_text and draft.evidence_text.strip():
        span = locate(text, draft.evidence_text)
        if span is None:
            problems.append(Message("Ce passage n'a pas été trouvé dans l'article : copiez-le tel quel."))
    if span is None and not any("passage" in p for p in problems):
        problems.append(Message("Choisissez le passage de l'article qui justifie la réponse (sélectionnez-le dans le texte)."))
    return problems, span


def _answered_choice_ids(question: Question) -> set[int]:
    from ..models import Answer

    return set(db.session.scalars(sa.select(Answer.choice_id).where(Answer.question_id == question.id)))


def save_question(question: Question, draft: QuestionDraft, span: tuple[int, int]) -> Question:
    """Apply a checked draft; choices already chosen by students keep their row (their answers stay valid)."""
    filled = [(i, c.strip()) for i, c in enumerate(draft.choices) if c and c.strip()]
    answered = _answered_choice_ids(question) if question.id else set()
    kept = question.choices[: len(filled)]
    dropped = question.choices[len(filled):]
    if any(c.id in answered for c in dropped):
        raise TeachError("Des élèves ont déjà choisi un des choix retirés : gardez au moins autant de choix.")
    question.kind = draft.kind
    question.prompt = draft.prompt.strip()
    question.explanation = draft.explanation.strip()
    question.evidence = [{"start": span[0], "end": span[1]}]
    for position, (index, text) in enumerate(filled):
        choice = kept[position] if position < len(kept) else None
        if choice is None:
            choice = Choice(position=position)
            question.choices.append(choice)
        if choice.text != text:
            choice.text, choice.key, choice.start, choice.end = text, None, None, None
        choice.is_correct = index == draft.answer
    for choice in dropped:
        question.choices.remove(choice)
    db.session.add(question)
    db.session.commit()
    return question


def new_question(article: Article, author: Teacher, draft: QuestionDraft, span: tuple[int, int]) -> Question:
    """A teacher's own question: accepted at once (they wrote it), after the article's other questions."""
    position = max((q.position for q in article.questions), default=-1) + 1
    question = Question(article=article, kind=draft.kind, prompt="", explanation="", evidence=[], difficulty=0.5,
                        status="accepted", position=position, author_id=author.id)
    return save_question(question, draft, span)


def draft_of(question: Question) -> QuestionDraft:
    """A stored question as the edit form shows it."""
    span = (question.evidence or [{}])[0]
    return QuestionDraft(
        kind=question.kind, prompt=question.prompt, choices=[c.text for c in question.choices],
        answer=next((i for i, c in enumerate(question.choices) if c.is_correct), None),
        explanation=question.explanation, evidence_start=span.get("start"), evidence_end=span.get("end"),
    )


# Showing the article with what the analyser found

HIGHLIGHT_LABELS = {"quote": "Citation", "figure": "Chiffre", "editorial": "Éditorialisation"}


@dataclass(frozen=True)
class AnnotatedParagraph:
    start: int
    html: Markup


def annotated_paragraphs(text: str, highlights: list[dict] | None) -> list[AnnotatedParagraph]:
    """The article's paragraphs, escaped, with each highlight in a ``<mark>`` named for screen readers.

    Overlapping highlights keep the first one (in text order); the labels are visually hidden and skipped by
    the selection script, so that offsets computed in the browser still point into the text.
    """
    spans: list[dict] = []
    for row in sorted(highlights or [], key=lambda r: (r["start"], -r["end"])):
        if spans and row["start"] < spans[-1]["end"]:
            continue
        if 0 <= row["start"] < row["end"] <= len(text):
            spans.append(row)
    result = []
    for p_start, p_end in paragraph_bounds(text):
        html, cursor = [], p_start
        for row in spans:
            s, e = max(row["start"], p_start), min(row["end"], p_end)
            if e <= s:
                continue
            html.append(escape(text[cursor:s]))
            label = HIGHLIGHT_LABELS.get(row["kind"], "Passage")
            html.append(
                Markup('<mark class="hl hl--%s" title="%s"><span class="visually-hidden" data-skip>%s : </span>'
                       '%s<span class="visually-hidden" data-skip> (fin)</span></mark>')
                % (row["kind"], row.get("note") or label, label, text[s:e])
            )
            cursor = e
        html.append(escape(text[cursor:p_end]))
        result.append(AnnotatedParagraph(p_start, Markup("").join(html)))
    return result


def evidence_text(question: Question) -> str:
    return " … ".join(question.article.text[e["start"]:e["end"]] for e in question.evidence or [])
