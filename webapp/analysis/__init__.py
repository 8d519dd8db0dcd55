"""The article analyser: quotations and speakers, figures and their sources, editorializing, questions.

Pure Python over spaCy: nothing here imports Flask, SQLAlchemy or the rest of ``webapp`` (a test checks).

    >>> from webapp.analysis import analyze
    >>> analysis = analyze(text)      # raises AnalysisError on empty, too long or non-French text
    >>> analysis.to_dict()
"""

from .errors import AnalysisError, EmptyTextError, TextTooLongError, UnsupportedLanguageError
from .nlp import load_nlp
from .pipeline import MAX_CHARS, analyze
from .results import Analysis, Choice, Editorial, Figure, Person, Question, Quote, Span

__all__ = [
    "MAX_CHARS", "Analysis", "AnalysisError", "Choice", "Editorial", "EmptyTextError", "Figure", "Person",
    "Question", "Quote", "Span", "TextTooLongError", "UnsupportedLanguageError", "analyze", "load_nlp",
]
