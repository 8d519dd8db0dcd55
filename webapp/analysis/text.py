"""Text normalisation with an offset map, and the article's paragraphs.

spaCy's French tokenizer splits ``qu’`` and ``n’`` badly when the apostrophe is typographic, reads
guillemets and curly quotes inconsistently and cuts ``100 000`` in two.  We parse a normalised copy and map
every offset back to the text exactly as it was given, so that the web app can highlight it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .results import Span

APOSTROPHES = "\u2019\u2018\u02bc\u2032\u00b4`"
QUOTE_MARKS = "«»“”„‟\"‹›〝〞＂"
OPENING_MARKS = "«“„‹‟〝"
CLOSING_MARKS = "»”›〞"
SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000"
DASHES = "\u2013\u2014\u2012\u2015\u2212"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
SUPERSCRIPTS = {"ᵉ": "e", "ᵈ": "d", "ʳ": "r", "ᵗ": "t", "ˢ": "s", "ⁿ": "n", "ᵒ": "o", "ᵃ": "a", "ᵐ": "m"}

_SINGLE = {**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in QUOTE_MARKS}, **{c: " " for c in SPACES},
           **{c: "-" for c in DASHES}, **SUPERSCRIPTS, "\r": "\n", "\u2026": "…"}
# A space between digit groups ("100 000", "3 000") joins them so the parser sees one number.
_GROUPED_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of a text and, for each of its characters, where it came from."""

    original: str
    text: str
    origin: tuple[int, ...]  # origin[i] = offset in `original` of text[i]; one extra entry for the end

    def to_original(self, start: int, end: int) -> Span:
        """Map a [start, end) range of the normalised text to the original text."""
        if end <= start:
            pos = self.origin[start]
            return Span(pos, pos)
        return Span(self.origin[start], self.origin[end - 1] + 1)


def normalize(original: str) -> Normalized:
    """Normalise apostrophes, quote marks, spaces, dashes and ordinals; join digit groups."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(original):
        if ch in ZERO_WIDTH:
            continue
        chars.append(_SINGLE.get(ch, ch))
        origin.append(i)
    text = "".join(chars)
    # Second pass: drop the separators inside grouped digits.
    keep = [True] * len(text)
    for m in _GROUPED_DIGITS.finditer(text):
        for j in range(m.start(), m.end()):
            if text[j] == " ":
                keep[j] = False
    if not all(keep):
        text = "".join(c for c, k in zip(text, keep) if k)
        origin = [o for o, k in zip(origin, keep) if k]
    origin.append(len(original))
    return Normalized(original, text, tuple(origin))


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # offsets into the original text
    end: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs separated by blank lines or single line breaks, trimmed of surrounding space."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped)))
        if m:
            pos = m.end()
    return tuple(paragraphs)


@dataclass
class Article:
    """Everything an extractor needs: the original text, its normalised copy, the parse, the paragraphs.

    The `doc` is a parse of ``norm.text``; use :meth:`span` to turn token offsets into original offsets.
    """

    norm: Normalized
    doc: object  # spacy.tokens.Doc; typed loosely so that the rule modules stay importable without spaCy
    # Results that several steps of one analysis need (computed once, dropped with the article).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.original

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return split_paragraphs(self.norm.original)

    def span(self, norm_start: int, norm_end: int) -> Span:
        """Original offsets of a [start, end) range of the normalised text."""
        return self.norm.to_original(norm_start, norm_end)

    def token_span(self, first, last=None) -> Span:
        """Original offsets covering tokens `first` to `last` (inclusive), spaCy tokens or a Span."""
        if last is None and hasattr(first, "start_char"):
            return self.span(first.start_char, first.end_char)
        last = first if last is None else last
        return self.span(first.idx, last.idx + len(last.text))

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph containing original offset `pos`."""
        for p in self.paragraphs:
            if p.start <= pos < p.end:
                return p
        return None

    def slice(self, span: Span) -> str:
        return self.norm.original[span.start:span.end]


class TokenTable:
    """The strings and flags of every token of one parse, as lists indexed by token, read in one pass.

    Each extractor used to walk the whole ``Doc`` for the few attributes it needed; spaCy builds a new
    ``Token`` object and a new ``str`` for every attribute read, and those walks cost more than the rules
    themselves.  One table per parse (kept in ``doc.user_data``) serves them all.
    """

    __slots__ = ("alpha", "dep", "end", "idx", "is_lower", "is_space", "lemma", "low", "lower", "pos", "punct",
                 "space", "text", "tokens")

    def __init__(self, doc):
        self.tokens = tokens = list(doc)
        self.text = text = [t.text for t in tokens]
        self.low = [w.casefold() for w in text]
        self.lower = [w.lower() for w in text]  # (what spaCy's ``lower_`` gives)
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.dep = [t.dep_ for t in tokens]
        self.idx = idx = [t.idx for t in tokens]
        self.end = [i + len(w) for i, w in zip(idx, text)]
        self.space = [t.whitespace_ for t in tokens]
        self.alpha = [w.isalpha() for w in text]  # (spaCy's ``is_alpha`` is ``str.isalpha``)
        self.is_lower = [w.islower() for w in text]
        self.punct = [t.is_punct for t in tokens]
        self.is_space = [w.isspace() for w in text]


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of `doc`, built on first use and kept with the doc."""
    table = doc.user_data.get("loupe.tokens")
    if table is None:
        table = doc.user_data["loupe.tokens"] = TokenTable(doc)
    return table
