"""``analyze(text)``: one parse, then each extractor in turn over the same parse."""

from __future__ import annotations

from .editorial import find_editorializing
from .errors import EmptyTextError, TextTooLongError, UnsupportedLanguageError
from .figures import find_figures
from .nlp import load_nlp, looks_french
from .people import find_people
from .questions import build_questions
from .quotes import find_quotations
from .results import Analysis
from .text import Article, normalize

MAX_CHARS = 200_000


def check_text(text: str) -> None:
    """Refuse what cannot be analysed, with a French message (an :class:`AnalysisError`)."""
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError()
    if len(text) > MAX_CHARS:
        raise TextTooLongError(len(text), MAX_CHARS)
    if not looks_french(text):
        raise UnsupportedLanguageError()


def analyze(text: str) -> Analysis:
    """Analyse a French news article given as plain text; offsets in the result point into `text`."""
    check_text(text)
    norm = normalize(text)
    article = Article(norm=norm, doc=load_nlp()(norm.text))
    people = find_people(article)
    quotes = find_quotations(article, people)
    figures = find_figures(article, quotes, people)
    editorializing = find_editorializing(article, quotes)
    questions = build_questions(article, quotes, figures, editorializing, people)
    return Analysis(
        text=text,
        quotes=tuple(quotes),
        figures=tuple(figures),
        editorializing=tuple(editorializing),
        questions=tuple(questions),
        people=tuple(people),
    )
