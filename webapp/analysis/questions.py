"""Questions built from the analysis: who_quoted, figure_source, editorializing."""

from __future__ import annotations

from .results import Editorial, Figure, Person, Question, Quote
from .text import Article


def build_questions(article: Article, quotes: list[Quote], figures: list[Figure],
                    editorializing: list[Editorial], people: list[Person]) -> list[Question]:
    """TODO: build questions."""
    return []
