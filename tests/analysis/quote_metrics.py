"""Scoring quotations against hand-checked expectations (used by the tests and by ``make eval``)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

EXPECTED_DIR = Path(__file__).parent / "expected" / "quotes"


def _norm(text: str | None) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.casefold().split())


def load_expected(stem: str) -> list[dict]:
    """The hand-checked quotations of one sample article (``expected/quotes/<stem>.yaml``)."""
    data = yaml.safe_load((EXPECTED_DIR / f"{stem}.yaml").read_text(encoding="utf-8")) or {}
    return data.get("quotes") or []


def _matches(predicted_text: str, expected_text: str) -> bool:
    p, e = _norm(predicted_text), _norm(expected_text)
    return bool(p) and bool(e) and (p.startswith(e) or e.startswith(p))


def score_quotes(predicted, expected: list[dict], text: str | None = None) -> dict:
    """Precision and recall of the quotations found, and the share of found ones with the right speaker.

    A prediction matches an expectation when one text is a prefix of the other (the expectations give a
    prefix of at least four words); each expectation matches at most one prediction.  Speakers are compared
    ignoring case; a scare quote's speaker is None on both sides.
    """
    used: set[int] = set()
    tp = 0
    right_speaker = 0
    right_kind = 0
    for q in predicted:
        q_text = q.text if hasattr(q, "text") else q["text"]
        q_speaker = q.speaker if hasattr(q, "speaker") else q.get("speaker")
        q_kind = q.kind if hasattr(q, "kind") else q.get("kind")
        for n, e in enumerate(expected):
            if n in used or not _matches(q_text, str(e["text"])):
                continue
            if text is not None and str(e["text"]) not in text.replace("\u2019", "'") and \
                    str(e["text"]) not in text:
                continue
            used.add(n)
            tp += 1
            right_speaker += _norm(q_speaker) == _norm(e.get("speaker"))
            right_kind += q_kind == e.get("kind")
            break
    fp = len(predicted) - tp
    fn = len(expected) - tp
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "speaker_accuracy": right_speaker / tp if tp else 1.0,
        "kind_accuracy": right_kind / tp if tp else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }
