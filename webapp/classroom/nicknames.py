"""Nicknames in a class: the key that makes them unique within a game, and the filter of offensive words."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# Digits and signs pupils write for letters to slip a word past a filter.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e"})
_SEPARATORS = re.compile(r"[\s\-_.']+")
_DOUBLED = re.compile(r"(.)\1+")


def nickname_key(nickname: str) -> str:
    """What makes two nicknames the same in one game: « Zoé » and « zoe  » are one player."""
    folded = unicodedata.normalize("NFKD", " ".join(nickname.split()).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _plain(text: str) -> str:
    """Lower case, no accents, leet undone, doubled letters made single: « C0NNNARD » → « conard »."""
    return _DOUBLED.sub(r"\1", nickname_key(text).translate(_LEET))


@cache
def _lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, stems refused anywhere), from the reviewed list in data/."""
    path = resources.files("webapp.classroom") / "data" / "offensive_words_fr.txt"
    words, stems = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("*"):
            stems.add(_SEPARATORS.sub("", _plain(entry[1:])))
        else:
            words.add(_SEPARATORS.sub("", _plain(entry)))
    return frozenset(words), tuple(sorted(stems))


def is_offensive(nickname: str) -> bool:
    """True when `nickname` holds a word of the list, however it is spelt (accents, case, leet, spacing)."""
    words, stems = _lexicon()
    plain = _plain(nickname)
    tokens = [t for t in _SEPARATORS.split(plain) if t]
    squashed = _DOUBLED.sub(r"\1", "".join(tokens))  # « p u t e » and « pu-te » are « pute »
    if squashed in words or any(t in words for t in tokens):
        return True
    return any(stem in squashed for stem in stems)
