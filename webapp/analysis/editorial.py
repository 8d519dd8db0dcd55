"""The journalist's own loaded language, outside quotations."""

from __future__ import annotations

from .results import Editorial, Quote
from .text import Article


def find_editorializing(article: Article, quotes: list[Quote]) -> list[Editorial]:
    """TODO: loaded language spans with category, reason and neutral rewording."""
    return []
