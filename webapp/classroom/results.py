"""After the game: each player's answers, how each question went, what to discuss first, the CSV export."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import Game, GameAnswer, GamePlayer, GameQuestion
from ..results import Tally, tally
from .services import Standing, game_standings

DISCUSS_FIRST = 3  # how many of the most missed questions the results put forward


@dataclass(frozen=True)
class QuestionStats(Tally):
    game_question: GameQuestion

    @property
    def answered(self) -> int:
        return self.played


@dataclass(frozen=True)
class GameResults:
    standings: list[Standing]
    questions: list[QuestionStats]
    answers: dict[int, dict[int, GameAnswer]]  # player id → question id → answer
    players: dict[int, GamePlayer]

    @property
    def discuss_first(self) -> list[QuestionStats]:
        """The most missed questions (lowest share of right answers), those nobody missed left out."""
        missed = [q for q in self.questions if q.answered and q.right < q.answered]
        return sorted(missed, key=lambda q: (q.share_right, q.game_question.position))[:DISCUSS_FIRST]


def game_results(game: Game) -> GameResults:
    standings = game_standings(game)
    players = {p.id: p for p in game.players if not p.is_removed}
    answers: dict[int, dict[int, GameAnswer]] = defaultdict(dict)
    for answer in db.session.scalars(
        sa.select(GameAnswer).where(GameAnswer.game_id == game.id, GameAnswer.player_id.in_(players))
    ):
        answers[answer.player_id][answer.question_id] = answer
    stats = []
    for game_question in game.game_questions:
        given = [a[game_question.question_id] for a in answers.values() if game_question.question_id in a]
        stats.append(tally(game_question.question, [(a.choice_id, a.correct, a.points) for a in given],
                           QuestionStats, game_question=game_question))
    return GameResults(standings, stats, dict(answers), players)


CSV_COLUMNS = [
    "partie", "joueur", "note", "rang", "score total", "question", "intitulé",
    "réponse donnée", "bonne réponse", "correcte", "points", "répondu à (UTC)",
]
CSV_CORRECT = {True: "oui", False: "non", None: "sans réponse"}  # the « correcte » column


def results_csv(game: Game, translate: Callable[[str], str] = str) -> str:
    """One row per player and question; with a BOM, so that spreadsheet software reads the accents right.

    The separator is « ; »: French spreadsheet software expects it, since « , » is the decimal mark.
    `translate` gives the headings and the yes/no words in the teacher's language (French by default): the
    file is the teacher's own, read in the language they chose; the players' texts are left as they are.
    """
    results = game_results(game)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([translate(column) for column in CSV_COLUMNS])
    for standing in results.standings:
        player = results.players[standing.player_id]
        answers = results.answers.get(standing.player_id, {})
        for stats in results.questions:
            question = stats.game_question.question
            answer = answers.get(question.id)
            correct_choice = question.correct_choice
            writer.writerow([
                game.title, player.nickname, player.note, standing.rank, standing.score,
                stats.game_question.position, question.prompt,
                answer.choice.text if answer else "",
                correct_choice.text if correct_choice else "",
                translate(CSV_CORRECT[answer.correct if answer else None]),
                answer.points if answer else 0,
                answer.answered_at.strftime("%Y-%m-%d %H:%M:%S") if answer else "",
            ])
    return out.getvalue()
