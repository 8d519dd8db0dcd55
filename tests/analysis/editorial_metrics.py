"""Scoring the editorializing finder against hand-checked expectations (overlap-based matching).

An expected item names a phrase by its exact text; every occurrence of that text in the article is an
expected span (the hand-checked files only list texts whose every occurrence is editorializing).  A
predicted span is right when it overlaps an expected span; an expected span is found when a predicted
span overlaps it.  Underlining « tentative désespérée » or only « désespérée » are both right.
"""

from __future__ import annotations


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every [start, end) of `phrase` in `text`."""
    spans, pos = [], text.find(phrase)
    while phrase and pos >= 0:
        spans.append((pos, pos + len(phrase)))
        pos = text.find(phrase, pos + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_editorial(predicted: list, expected, text: str) -> dict:
    """precision, recall, tp, fp, fn (+ category_accuracy, wrongly_flagged) of `predicted` Editorial records.

    `expected` is the list under ``editorializing:`` of a hand-checked file, or the whole file as a dict
    (then its ``not_editorializing`` phrases are also counted in ``wrongly_flagged``).
    """
    avoid: list = []
    if isinstance(expected, dict):
        avoid = expected.get("not_editorializing") or []
        expected = expected.get("editorializing") or []
    gold = [(span, item.get("category")) for item in expected for span in occurrences(text, item["text"])]
    pred = [((e.start, e.end), e.category) for e in predicted]

    tp = fp = same_category = 0
    for span, category in pred:
        hits = [c for g, c in gold if _overlaps(span, g)]
        if hits:
            tp += 1
            same_category += category in hits
        else:
            fp += 1
    fn = sum(1 for g, _ in gold if not any(_overlaps(g, p) for p, _ in pred))
    found = len(gold) - fn
    avoid_spans = [s for item in avoid for s in occurrences(text, item["text"])]
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": found / len(gold) if gold else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "category_accuracy": same_category / tp if tp else None,
        "wrongly_flagged": sum(1 for p, _ in pred if any(_overlaps(p, a) for a in avoid_spans)),
    }
