"""How a question went, the same way for a set's results and a class game's: share right, most chosen wrong."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from .models import Choice, Question


@dataclass(frozen=True)
class Tally:
    """The answers to one question: how many, how many right, their points, the wrong answer chosen most."""

    played: int
    right: int
    points: int
    top_wrong: Choice | None
    top_wrong_count: int

    @property
    def share_right(self) -> float | None:
        return self.right / self.played if self.played else None

    @property
    def average_points(self) -> float:
        return self.points / self.played if self.played else 0.0


T = TypeVar("T", bound=Tally)


def tally(question: Question, answers: Iterable[tuple[int, bool, int]], kind: type[T] = Tally, /,
          **extra: Any) -> T:
    """Count `answers` to `question`, given as (choice id, correct, points); `kind` adds its own `extra` fields."""
    answers = list(answers)
    wrong = Counter(choice_id for choice_id, correct, _ in answers if not correct)
    top_id, top_count = wrong.most_common(1)[0] if wrong else (None, 0)
    return kind(
        played=len(answers), right=sum(1 for _, correct, _ in answers if correct),
        points=sum(points for *_, points in answers),
        top_wrong=next((c for c in question.choices if c.id == top_id), None), top_wrong_count=top_count,
        **extra,
    )
