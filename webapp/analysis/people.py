"""People named in the article, each under one canonical name (the fullest form the article gives)."""

from __future__ import annotations

from .results import Person
from .text import Article


def find_people(article: Article) -> list[Person]:
    """TODO(quotes agent): cluster PER entities into people with canonical names and gender."""
    return []


def canonical_name(people: list[Person], mention: str) -> str | None:
    """The canonical name of the person a mention ("Dr Alexander", "Olga") refers to, if any."""
    return None
