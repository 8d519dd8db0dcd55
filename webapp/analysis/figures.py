"""Figures and how the article sources them."""

from __future__ import annotations

from .results import Figure, Person, Quote
from .text import Article


def find_figures(article: Article, quotes: list[Quote], people: list[Person]) -> list[Figure]:
    """TODO: figures with source class and flags."""
    return []
