"""The QR code of a join URL, as inline SVG drawn on the server (segno: pure Python, no image files)."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=256)
def qr_svg(url: str) -> Markup:
    """`url` as an SVG QR code that scales with its box (a viewBox, no fixed size); safe to put in a page."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=1, border=2, omitsize=True, dark="#000", light="#fff", svgclass="qr")
    return Markup(svg)
