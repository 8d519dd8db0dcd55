"""Finding quoted stretches from the quote marks of the original text.

The normalised text turns every mark into ``"``, which loses the difference between « and »; so the marks
are read on the original text, paragraph by paragraph.  A mark left open runs to the end of its paragraph;
when the next paragraph opens again, the quotation continues there (the press convention for a quotation
over several paragraphs: the opening mark repeated on each, the closing one only at the end).
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import CLOSING_MARKS, OPENING_MARKS, Paragraph

_AMBIGUOUS = "\"＂"
_PAIRS = {"«": "»", "“": "”", "„": "“”", "‹": "›", "‟": "”", "〝": "〞"}
_TRAILING = " \t\n\u00a0\u202f\u2009"


@dataclass
class Stretch:
    """The words between a pair of marks (original offsets, marks excluded)."""

    start: int
    end: int
    open_mark: int | None  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when the paragraph ended first
    first_para: int
    last_para: int


def _opens(text: str, i: int, para: Paragraph) -> bool:
    """A straight mark opens when it starts the paragraph or follows a space or bracket, and a word follows."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    if before.isspace() or before in "([{'’-–—/":
        return not after.isspace() or i == para.start
    return False


def _paragraph_stretches(text: str, para: Paragraph) -> list[Stretch]:
    out: list[Stretch] = []
    open_at: int | None = None
    expected_close = ""
    nested = 0
    for i in range(para.start, para.end):
        ch = text[i]
        if ch not in OPENING_MARKS and ch not in CLOSING_MARKS and ch not in _AMBIGUOUS:
            continue
        if open_at is None:
            if ch in OPENING_MARKS or (ch in _AMBIGUOUS and _opens(text, i, para)):
                open_at, nested = i, 0
                expected_close = _PAIRS.get(ch, ch)
            continue
        if ch in _AMBIGUOUS:
            if expected_close == ch:  # straight marks do not nest: the next one closes
                out.append(Stretch(open_at + 1, i, open_at, i, para.index, para.index))
                open_at = None
            elif nested and not _opens(text, i, para):
                nested -= 1
            else:
                nested += 1
            continue
        if ch in expected_close and not nested:
            out.append(Stretch(open_at + 1, i, open_at, i, para.index, para.index))
            open_at = None
        elif ch in expected_close or (ch in CLOSING_MARKS and nested):
            nested = max(0, nested - 1)
        elif ch in OPENING_MARKS:
            nested += 1  # a quotation inside the quotation («… “…” …»)
    if open_at is not None:
        out.append(Stretch(open_at + 1, para.end, open_at, None, para.index, para.index))
    return out


def find_stretches(text: str, paragraphs: tuple[Paragraph, ...]) -> list[Stretch]:
    """Quoted stretches in text order, those running over several paragraphs merged into one."""
    stretches: list[Stretch] = []
    for para in paragraphs:
        for s in _paragraph_stretches(text, para):
            prev = stretches[-1] if stretches else None
            continues = (
                prev is not None
                and prev.close_mark is None
                and prev.last_para == para.index - 1
                and s.open_mark == para.start
            )
            if continues:
                prev.end, prev.close_mark, prev.last_para = s.end, s.close_mark, para.index
            else:
                stretches.append(s)
    for s in stretches:
        s.start, s.end = _trim(text, s.start, s.end)
    return [s for s in stretches if s.end > s.start]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end
