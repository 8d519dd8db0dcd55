"""Quotations and who said them."""

from __future__ import annotations

from .results import Person, Quote
from .text import Article


def find_quotations(article: Article, people: list[Person]) -> list[Quote]:
    """TODO: direct, partial and scare quotes with their speakers."""
    return []
