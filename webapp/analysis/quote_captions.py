"""Pull quotes and captions: a line without final punctuation that repeats a quotation and ends with
the speaker's name ("Les dirigeants se fichent de tout Jeanne Martin").

They are reported as direct quotations of that person with ``caption=True`` (so that the journalist is not
blamed for their words and the question builder can skip the repeat); the name in them is matched to the
article's people with the same tolerance as other mentions, so a typo does not create a new person.
"""

from __future__ import annotations

import re

from .people import fold, parts_match
from .results import Person, Quote

_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_SHARED = 0.5  # share of the caption's words found in one quotation of the same speaker


def _words(text: str) -> set[str]:
    return {fold(w) for w in _WORD.findall(text) if len(w) > 2}


def find_captions(article, people: list[Person], quotes: list[Quote]) -> list[Quote]:
    """Caption lines that repeat a quotation of the person named at their end."""
    by_speaker: dict[str, list[set[str]]] = {}
    for q in quotes:
        if q.speaker and q.kind == "direct":
            by_speaker.setdefault(q.speaker, []).append(_words(q.text))
    if not by_speaker:
        return []
    quoted = [(q.start, q.end) for q in quotes]
    out = []
    for para in article.paragraphs:
        text = article.text[para.start:para.end]
        if text[-1:] in ".!?:;…»”\"" or any(a < para.end and b > para.start for a, b in quoted):
            continue
        words = text.split()
        if len(words) < 4 or len(words) > 40:
            continue
        for person in people:
            if person.name not in by_speaker:
                continue
            keys = [fold(w) for w in person.name.split()]
            for n in range(min(len(keys), 3), 0, -1):
                tail = [fold(w) for w in words[-n:]]
                if all(any(parts_match(t, k) for k in keys) for t in tail) and \
                        all(w[:1].isupper() for w in words[-n:]):
                    body = " ".join(words[:-n])
                    shared = _words(body)
                    if shared and any(len(shared & q) >= _MIN_SHARED * len(shared)
                                      for q in by_speaker[person.name]):
                        end = para.start + len(text) - len(" ".join(words[-n:]))
                        end = len(article.text[:end].rstrip())
                        out.append(Quote(start=para.start, end=end, text=article.text[para.start:end],
                                         speaker=person.name, kind="direct", caption=True))
                    break
    return out
