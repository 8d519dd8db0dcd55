"""Quoting an article with spans marked: escaped text pieces, ``<mark>`` around the spans, built from offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    html: Markup
    follows_previous: bool = True  # False when paragraphs were skipped before this one


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line with something on it (blank lines separate, or single ones)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _merged(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to the text, empty ones dropped, overlapping ones merged, in order."""
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s))
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> Markup:
    """``text[start:end]`` as HTML, escaped, with the parts inside `spans` wrapped in ``<mark>``."""
    html, cursor = [], start
    for s, e in _merged(spans, len(text)):
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        html.append(escape(text[cursor:s]))
        html.append(Markup("<mark>%s</mark>") % text[s:e])
        cursor = e
    html.append(escape(text[cursor:end]))
    return Markup("").join(html)


def excerpt(text: str, spans: Iterable[tuple[int, int]]) -> list[Paragraph]:
    """The paragraphs of `text` that contain one of `spans`, with the spans marked."""
    spans = _merged(spans, len(text))
    chosen: list[Paragraph] = []
    previous_index = None
    for index, (p_start, p_end) in enumerate(paragraph_bounds(text)):
        if any(s < p_end and e > p_start for s, e in spans):
            chosen.append(
                Paragraph(
                    p_start,
                    p_end,
                    mark(text, p_start, p_end, spans),
                    follows_previous=previous_index is None or previous_index == index - 1,
                )
            )
            previous_index = index
    return chosen


def paragraphs(text: str) -> list[Markup]:
    """The whole text as escaped paragraphs."""
    return [escape(text[s:e]) for s, e in paragraph_bounds(text)]


def evidence_excerpt(question) -> list[Paragraph]:
    """The paragraphs of `question`'s article that hold its evidence, the evidence marked."""
    return excerpt(question.article.text, [(e["start"], e["end"]) for e in question.evidence or []])
