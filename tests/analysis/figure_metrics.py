"""Scoring found figures against hand-checked expectations (used by the tests and ``make eval``).

An expected figure is located in the text by its `text` (the n-th expected entry with a given text is the
n-th occurrence of that text); a predicted figure matches it when their spans overlap.  Durations and ages
(``kind: duration|age``) are left out on both sides: they never become sourcing questions.
"""

from __future__ import annotations

import re

_UNSCORED = {"duration", "age"}
_FOLD = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2019": "'", "’": "'"})


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_FOLD))


def _locate(expected: list[dict], text: str) -> list[tuple[int, int] | None]:
    """The span of each expected figure in `text` (None when its text is not there)."""
    folded = _fold(text)
    # Folding keeps every character in place except runs of spaces; map folded offsets back.
    origin = []
    for m in re.finditer(r"\s+|\S", text.translate(_FOLD)):
        origin.append(m.start())
    seen: dict[str, int] = {}
    spans = []
    for e in expected:
        needle = _fold(str(e["text"]))
        start = seen.get(needle, 0)
        pos = folded.find(needle, start)
        if pos == -1:
            spans.append(None)
            continue
        seen[needle] = pos + 1
        end = pos + len(needle)
        spans.append((origin[pos], origin[end - 1] + 1))
    return spans


def score_figures(predicted, expected: list[dict], text: str) -> dict:
    """precision, recall, source_accuracy (over matched figures), tp, fp, fn, and the mismatches."""
    expected = [e for e in (expected or []) if e.get("kind", "count") not in _UNSCORED]
    predicted = [f for f in predicted if getattr(f, "kind", "count") not in _UNSCORED]
    spans = _locate(expected, text)
    used: set[int] = set()
    tp = right_source = 0
    wrong, missed = [], []
    for e, span in zip(expected, spans):
        match = None
        if span is not None:
            for i, f in enumerate(predicted):
                if i not in used and f.start < span[1] and span[0] < f.end:
                    match = i
                    break
        if match is None:
            missed.append(e["text"])
            continue
        used.add(match)
        tp += 1
        if predicted[match].source == e.get("source", "none"):
            right_source += 1
        else:
            wrong.append((e["text"], e.get("source"), predicted[match].source))
    fp = len(predicted) - len(used)
    fn = len(expected) - tp
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "source_accuracy": right_source / tp if tp else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "missed": missed,
        "wrong_source": wrong,
        "spurious": [predicted[i].text for i in range(len(predicted)) if i not in used],
    }
