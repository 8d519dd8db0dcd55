"""Results of a question set from everything played (solo rounds of the set, and class games of it), and the
small SVG bar chart that shows them. Never reads ``request``."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from markupsafe import Markup

from ..extensions import db
from ..models import Answer, Question, QuestionSet, Round
from ..results import Tally, tally
from .sets import live_questions

SKILLS = {
    "who_quoted": "Attribuer une citation",
    "figure_source": "Trouver la source d'un chiffre",
    "editorializing": "Repérer l'éditorialisation",
    "free": "Questions libres",
}


@dataclass(frozen=True)
class QuestionResult(Tally):
    position: int
    question: Question


@dataclass(frozen=True)
class SkillResult:
    kind: str
    label: str
    played: int
    right: int

    @property
    def share_right(self) -> float | None:
        return self.right / self.played if self.played else None


@dataclass(frozen=True)
class SetResults:
    players: int  # rounds and game players who answered at least once
    answers: int
    average_score: float | None  # per player, over the set's questions
    skills: list[SkillResult]
    questions: list[QuestionResult]


def _answer_rows(question_set: QuestionSet) -> list[tuple[str, int, int, bool, int]]:
    """(player key, question id, choice id, correct, points) for every answer given while playing the set."""
    rows = [
        (f"r{round_id}", q, c, correct, points)
        for round_id, q, c, correct, points in db.session.execute(
            sa.select(Answer.round_id, Answer.question_id, Answer.choice_id, Answer.correct, Answer.points)
            .join(Round, Round.id == Answer.round_id)
            .where(Round.set_id == question_set.id)
        )
    ]
    try:  # class games (issue 5) count too, when that part of Loupe is there
        from ..models import Game, GameAnswer
    except ImportError:
        return rows
    rows += [
        (f"g{player_id}", q, c, correct, points)
        for player_id, q, c, correct, points in db.session.execute(
            sa.select(GameAnswer.player_id, GameAnswer.question_id, GameAnswer.choice_id, GameAnswer.correct,
                      GameAnswer.points)
            .join(Game, Game.id == GameAnswer.game_id)
            .where(Game.set_id == question_set.id)
        )
    ]
    return rows


def set_results(question_set: QuestionSet) -> SetResults:
    rows = _answer_rows(question_set)
    by_question: dict[int, list[tuple]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for player, question_id, choice_id, correct, points in rows:
        by_question[question_id].append((choice_id, correct, points))
        totals[player] += points
    questions, skills = [], defaultdict(lambda: [0, 0])
    for entry in live_questions(question_set):
        result = tally(entry.question, by_question.get(entry.question_id, []), QuestionResult,
                       position=entry.position, question=entry.question)
        questions.append(result)
        skills[entry.question.kind][0] += result.played
        skills[entry.question.kind][1] += result.right
    skill_results = [SkillResult(kind, SKILLS[kind], *skills[kind]) for kind in SKILLS if kind in skills]
    return SetResults(
        players=len(totals), answers=len(rows),
        average_score=sum(totals.values()) / len(totals) if totals else None,
        skills=skill_results, questions=questions,
    )


BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 26, 10, 260, 300


def bar_chart(items: list[tuple[str, float | None, str]], title: str) -> Markup:
    """A horizontal bar chart as inline SVG: one bar per (label, share 0..1 or None, detail) row.

    Readable in black and white: each bar is hatched over a grey frame and carries its percentage as text.
    Only presentation attributes, no ``style``: the Content-Security-Policy allows no inline style.
    """
    width = LABEL_WIDTH + BAR_WIDTH + 150
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        Markup('<svg class="chart" role="img" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet" '
               'xmlns="http://www.w3.org/2000/svg" aria-labelledby="%s">') % (width, height, _id(title)),
        Markup('<title id="%s">%s</title>') % (_id(title), title),
        Markup('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
               'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1f3a5f"/>'
               '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'),
    ]
    for index, (label, share, detail) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        text_y = y + BAR_HEIGHT * 0.68
        parts.append(Markup('<text x="0" y="%.1f" font-size="14" fill="#1b2430">%s</text>')
                     % (text_y, _shorten(label, 34)))
        parts.append(Markup('<rect x="%d" y="%d" width="%d" height="%d" fill="#ffffff" stroke="#4a5563"/>')
                     % (LABEL_WIDTH, y, BAR_WIDTH, BAR_HEIGHT))
        if share is not None and share > 0:
            parts.append(Markup('<rect x="%d" y="%d" width="%.1f" height="%d" fill="url(#hatch)" stroke="#1b2430"/>')
                         % (LABEL_WIDTH, y, BAR_WIDTH * share, BAR_HEIGHT))
        value = "pas encore jouée" if share is None else f"{round(share * 100)} % {detail}".strip()
        parts.append(Markup('<text x="%d" y="%.1f" font-size="14" font-weight="bold" fill="#1b2430">%s</text>')
                     % (LABEL_WIDTH + BAR_WIDTH + 8, text_y, value))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _id(title: str) -> str:
    return "chart-" + str(abs(hash(title)) % 10**8)

