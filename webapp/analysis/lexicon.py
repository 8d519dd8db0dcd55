"""Word lists kept as data files in ``data/``.

Format: UTF-8 text, one entry per line; ``#`` starts a comment.  The first comment line of every file
says where the list comes from.  Tab-separated columns when a list needs more than the word
(see each file's header).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line.strip() if "\t" not in line else line)
    return out


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """Entries of ``data/<name>.txt``, lower-cased."""
    return frozenset(line.lower() for line in _lines(f"{name}.txt"))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>.tsv`` as tuples of stripped columns."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(f"{name}.tsv"))
