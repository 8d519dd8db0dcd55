"""Storing articles and the questions the analyser builds for them (content load now, teachers' imports later)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import sqlalchemy as sa

from .extensions import db
from .models import Article, Choice, Question

if TYPE_CHECKING:
    from .analysis import Analysis
    from .analysis import Question as AnalysedQuestion
    from .content import ArticleFile


def checksum(text: str) -> str:
    """What recognises an article imported twice: the sha256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_checksum(text: str) -> Article | None:
    return db.session.scalar(sa.select(Article).where(Article.checksum == checksum(text)))


def question_rows(questions: Iterable[AnalysedQuestion], status: str) -> list[Question]:
    """Database rows for the analyser's questions, in its order."""
    return [
        Question(
            kind=q.kind,
            prompt=q.prompt,
            explanation=q.explanation,
            evidence=[{"start": span.start, "end": span.end} for span in q.evidence],
            difficulty=q.difficulty,
            status=status,
            position=position,
            choices=[
                Choice(
                    text=c.text, key=c.key, start=c.start, end=c.end, is_correct=index == q.answer, position=index
                )
                for index, c in enumerate(q.choices)
            ],
        )
        for position, q in enumerate(questions)
    ]


def highlight_rows(analysis: Analysis) -> list[dict]:
    """What a teacher's review highlights: quotes, figures and editorializing spans, each with a short note."""
    rows = [
        {"kind": "quote", "start": q.start, "end": q.end,
         "note": f"Citation de {q.speaker}" if q.speaker else "Citation"}
        for q in analysis.quotes
    ]
    rows += [
        {"kind": "figure", "start": f.start, "end": f.end,
         "note": f"Chiffre — source : {f.source_text}" if f.source_text else "Chiffre — source non précisée"}
        for f in analysis.figures
    ]
    rows += [{"kind": "editorial", "start": e.start, "end": e.end, "note": e.reason} for e in analysis.editorializing]
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


@dataclass(frozen=True)
class LoadResult:
    article: Article
    outcome: Literal["added", "questions_added", "unchanged"]
    questions: int  # questions stored by this load


def load_article_file(file: ArticleFile, status: str = "accepted") -> LoadResult:
    """Import one article file with the analyser's questions; an article already there is left as it is.

    An article stored without questions (the analyser found none then) gets them when there are some now.
    Raises :class:`webapp.analysis.AnalysisError` for a text the analyser refuses; nothing is written then.
    """
    from .analysis import analyze  # spaCy is heavy: load it only for commands that analyse

    article = find_by_checksum(file.body)
    if article is not None and article.questions:
        return LoadResult(article, "unchanged", 0)
    analysis = analyze(file.body)
    outcome = "questions_added"
    if article is None:
        outcome = "added"
        article = Article(
            title=str(file.meta.get("title") or file.slug),
            source=str(file.meta.get("source") or "Source inconnue"),
            language=str(file.meta.get("language") or "fr"),
            text=file.body,
            checksum=checksum(file.body),
        )
        db.session.add(article)
    elif not analysis.questions:
        return LoadResult(article, "unchanged", 0)
    article.questions.extend(question_rows(analysis.questions, status))
    article.highlights = highlight_rows(analysis)
    db.session.commit()
    return LoadResult(article, outcome, len(analysis.questions))
