"""Quality report: the analyser against the hand-checked expectations (``make eval``).

    python -m tests.analysis.evaluate

Over content/articles and, when present, ../shared/corpus: analyses each text once, compares it with
tests/analysis/expected/{quotes,figures,editorial}/<stem>.yaml through the metrics module of each family,
and prints precision and recall per family and article, then overall (micro-averaged), with the speaker
accuracy, the source accuracy and the share of generated questions a class could be given.
Always exits 0: it reports, the tests decide.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

import yaml

from tests.analysis.samples import CORPUS_DIR, EXPECTED_DIR, Sample, all_samples, corpus_available
from webapp.analysis import Analysis, AnalysisError, analyze, load_nlp
from webapp.analysis.questions import fold, validate_question


@dataclass(frozen=True)
class Family:
    name: str  # folder under expected/ and column title
    module: str
    function: str
    attribute: str  # field of Analysis holding the predictions
    accuracy: str | None  # the extra accuracy the metrics return, if any
    unwrap: bool  # the scorer takes the list under `name` in the YAML file, not the whole file


FAMILIES = (
    Family("quotes", "tests.analysis.quote_metrics", "score_quotes", "quotes", "speaker_accuracy", True),
    Family("figures", "tests.analysis.figure_metrics", "score_figures", "figures", "source_accuracy", True),
    Family("editorial", "tests.analysis.editorial_metrics", "score_editorial", "editorializing", None, False),
)
NO_EXPECTATIONS = "pas encore d'attendus"


@dataclass
class Totals:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    accuracy_weighted: float = 0.0  # sum of accuracy × matched items
    accuracy_weight: int = 0
    articles: int = 0

    def add(self, scores: dict, accuracy_key: str | None) -> None:
        self.tp += int(scores.get("tp", 0))
        self.fp += int(scores.get("fp", 0))
        self.fn += int(scores.get("fn", 0))
        self.articles += 1
        acc = scores.get(accuracy_key) if accuracy_key else None
        if acc is not None:
            weight = int(scores.get("tp", 0)) or 1
            self.accuracy_weighted += float(acc) * weight
            self.accuracy_weight += weight

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def accuracy(self) -> float | None:
        return self.accuracy_weighted / self.accuracy_weight if self.accuracy_weight else None


@dataclass
class QuestionTally:
    total: int = 0
    valid: int = 0
    checked: int = 0  # questions whose answer a hand-checked expectation covers
    right: int = 0
    kinds: Counter = field(default_factory=Counter)
    problems: Counter = field(default_factory=Counter)


def load_scorer(family: Family):
    """The family's score function, or None while its metrics module is not written yet."""
    try:
        module = importlib.import_module(family.module)
    except ModuleNotFoundError as err:
        if err.name == family.module:
            return None
        raise
    return getattr(module, family.function, None)


def load_expected(family: Family, sample: Sample):
    path = EXPECTED_DIR / family.name / f"{sample.stem}.yaml"
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(family: Family, scorer, predicted: list, expected, sample: Sample) -> dict | None:
    """The scorer's figures, trying the file's list and then the whole file; None (and a note) on failure."""
    attempts = [expected]
    if isinstance(expected, dict):
        for key in (family.name, family.attribute):
            if isinstance(expected.get(key), list):
                attempts.insert(0 if family.unwrap else 1, expected[key])
                break
    error = None
    for attempt in attempts:
        try:
            return scorer(predicted, attempt, sample.text)
        except Exception as err:  # a metrics module in progress must not stop the report
            error = err
    print(f"  ! {family.module}.{family.function} a échoué sur {sample.stem} : {error!r}")
    return None


def consistency_problems(question, analysis: Analysis) -> list[str]:
    """Beyond form: the right answer must be what the extractors found at the question's evidence."""
    ev = question.evidence[0] if question.evidence else None
    right = question.choices[question.answer] if 0 <= question.answer < len(question.choices) else None
    if ev is None or right is None:
        return []
    if question.kind == "who_quoted":
        speakers = {(q.start, q.end): q.speaker for q in analysis.quotes}
        if speakers.get((ev.start, ev.end)) != right.key:
            return ["la bonne réponse n'est pas le locuteur trouvé"]
    elif question.kind == "figure_source":
        sources = {(f.start, f.end): f.source for f in analysis.figures}
        if sources.get((ev.start, ev.end)) != right.key:
            return ["la bonne réponse n'est pas la source trouvée"]
    elif question.kind == "editorializing":
        if (right.start, right.end) not in {(e.start, e.end) for e in analysis.editorializing}:
            return ["la bonne réponse n'est pas une expression repérée"]
    return []


def _same_words(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def expected_answer(question, text: str, expectations: dict) -> str | None:
    """The answer the hand-checked files give for a question's evidence, when they cover it."""
    ev = question.evidence[0]
    words = text[ev.start:ev.end]
    if question.kind == "who_quoted":
        entries, field_ = expectations.get("quotes") or [], "speaker"
    elif question.kind == "figure_source":
        entries, field_ = expectations.get("figures") or [], "source"
    else:
        return None
    for entry in entries:
        if isinstance(entry, dict) and entry.get("text") and _same_words(words, str(entry["text"])):
            answer = entry.get(field_)
            return None if answer is None else str(answer)
    return None


def pct(x: float | None) -> str:
    return "  —  " if x is None else f"{100 * x:5.1f}"


def pr(scores: dict | None) -> str:
    if scores is None:
        return f"{'—':^13}"
    p, r = scores.get("precision"), scores.get("recall")
    return f"{pct(p)} / {pct(r)}"


def main() -> int:
    samples = all_samples()
    if not corpus_available():
        print(f"(corpus absent : {CORPUS_DIR} ; seuls les articles de content/ sont évalués)")
    scorers = {f.name: load_scorer(f) for f in FAMILIES}
    totals = {f.name: Totals() for f in FAMILIES}
    tally = QuestionTally()
    figure_answer_share: list[float] = []

    load_nlp()
    started = time.perf_counter()
    header = (f"{'article':32} {'citations P / R':>15} {'locut.':>6}  {'chiffres P / R':>15} {'source':>6}  "
              f"{'éditorial P / R':>15}  {'questions':>9}")
    print(header)
    print("-" * len(header))
    for sample in samples:
        try:
            analysis = analyze(sample.text)
        except AnalysisError as err:
            print(f"{sample.stem[:32]:32} refusé : {err}")
            continue
        cells = []
        for family in FAMILIES:
            scorer, expected = scorers[family.name], load_expected(family, sample)
            scores = None
            if scorer is not None and expected is not None:
                scores = score(family, scorer, list(getattr(analysis, family.attribute)), expected, sample)
                if scores is not None:
                    totals[family.name].add(scores, family.accuracy)
            cells.append(pr(scores))
            if family.accuracy:
                cells.append(pct(scores.get(family.accuracy)) if scores else "  —  ")
        expectations = {}
        for family in FAMILIES[:2]:
            data = load_expected(family, sample)
            if isinstance(data, dict):
                data = data.get(family.name)
            if isinstance(data, list):
                expectations[family.name] = data
        n_valid = 0
        for q in analysis.questions:
            truth = expected_answer(q, sample.text, expectations)
            if truth is not None:
                tally.checked += 1
                tally.right += fold(truth) == fold(q.choices[q.answer].key or "")
            problems = validate_question(q, sample.text) + consistency_problems(q, analysis)
            tally.problems.update(problems)
            n_valid += not problems
            tally.kinds[q.kind] += 1
        tally.total += len(analysis.questions)
        tally.valid += n_valid
        answers = Counter(q.choices[q.answer].key for q in analysis.questions if q.kind == "figure_source")
        if answers:
            figure_answer_share.append(max(answers.values()) / sum(answers.values()))
        print(f"{sample.stem[:32]:32} {cells[0]:>15} {cells[1]:>6}  {cells[2]:>15} {cells[3]:>6}  "
              f"{cells[4]:>15}  {n_valid:>3}/{len(analysis.questions):<3}")
    elapsed = time.perf_counter() - started

    print("-" * len(header))
    print(f"Ensemble ({len(samples)} textes, {elapsed:.1f} s) — moyennes sur tous les éléments (micro) :")
    for family in FAMILIES:
        t = totals[family.name]
        if scorers[family.name] is None or t.articles == 0:
            print(f"  {family.name:10} {NO_EXPECTATIONS}")
            continue
        line = (f"  {family.name:10} précision {pct(t.precision)} %   rappel {pct(t.recall)} %   "
                f"(vp {t.tp}, fp {t.fp}, fn {t.fn} ; {t.articles} articles annotés)")
        if family.accuracy:
            label = "bon locuteur" if family.name == "quotes" else "bonne source"
            line += f"   {label} {pct(t.accuracy)} %"
        print(line)
    share = tally.valid / tally.total if tally.total else None
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(tally.kinds.items())) or "aucune"
    print(f"  questions  valides {pct(share)} %   ({tally.valid}/{tally.total} ; {kinds})")
    right = tally.right / tally.checked if tally.checked else None
    print(f"  questions  bonne réponse selon les attendus {pct(right)} %   "
          f"({tally.right}/{tally.checked} questions couvertes par les fichiers annotés)")
    if figure_answer_share:
        print(f"  chiffres   part maximale d'une même réponse par article : {pct(max(figure_answer_share))} %"
              " (cible ≤ 50 %)")
    for problem, n in tally.problems.most_common():
        print(f"    {n} × {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
