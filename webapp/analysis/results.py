"""The analyser's results: frozen records whose offsets point into the *original* text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "partial", "scare"]
SourceClass = Literal["official", "media", "person", "study", "anonymous", "none", "independent"]
EditorialCategory = Literal["name_calling", "loaded", "exaggeration", "metaphor"]
QuestionKind = Literal["who_quoted", "figure_source", "editorializing"]

SOURCE_CLASSES: tuple[str, ...] = ("official", "media", "person", "study", "anonymous", "none", "independent")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    """One person of the article under the fullest name it gives them."""

    name: str
    gender: Literal["f", "m"] | None
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()  # role nouns the article puts next to the name ("expert", "opposant")


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    speaker: str | None  # canonical name, or an unnamed source as written ("des experts"), None for scare quotes
    kind: QuoteKind
    speaker_named: bool = True  # False for unnamed sources ("une source proche du dossier")
    cue: Span | None = None  # the attribution (speech verb, "selon X", "X :") that names the speaker
    caption: bool = False  # a pull quote or caption repeating a quote with the speaker's name


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | None
    source: SourceClass
    source_text: str | None  # the words that name the source ("l'armée ukrainienne")
    hedged: bool
    unverified_stated: bool
    kind: str = "count"  # count, percent, money, measure; durations and ages are never questioned
    source_span: Span | None = None
    cue: Span | None = None  # the words that justify the source class or the flags


@dataclass(frozen=True)
class Editorial:
    start: int
    end: int
    text: str
    category: EditorialCategory
    reason: str  # French, for a student
    neutral: str | None = None  # a neutral rewording where one exists


@dataclass(frozen=True)
class Choice:
    text: str
    key: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Question:
    kind: QuestionKind
    prompt: str
    choices: tuple[Choice, ...]
    answer: int
    explanation: str
    evidence: tuple[Span, ...]
    difficulty: float  # 0 (easy) to 1 (hard)


@dataclass(frozen=True)
class Analysis:
    text: str
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    editorializing: tuple[Editorial, ...] = ()
    questions: tuple[Question, ...] = ()
    people: tuple[Person, ...] = field(default=())

    def to_dict(self) -> dict:
        """The JSON shape other tools rely on (see the CLI ``flask analyze --json``)."""
        return {
            "quotes": [
                {k: q[k] for k in ("start", "end", "text", "speaker", "kind")}
                for q in map(asdict, self.quotes)
            ],
            "figures": [
                {
                    k: f[k]
                    # `kind` marks durations and ages, which are never sourcing material.
                    for k in ("start", "end", "text", "value", "source", "source_text", "hedged",
                              "unverified_stated", "kind")
                }
                for f in map(asdict, self.figures)
            ],
            "editorializing": [
                {k: e[k] for k in ("start", "end", "text", "category", "reason")}
                for e in map(asdict, self.editorializing)
            ],
            "questions": [_question_dict(q) for q in self.questions],
        }


def _question_dict(question: Question) -> dict:
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "choices": [asdict(c) for c in question.choices],
        "answer": question.answer,
        "explanation": question.explanation,
        "evidence": [asdict(s) for s in question.evidence],
        "difficulty": question.difficulty,
    }
