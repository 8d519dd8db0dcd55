"""Reading the article files of ``content/``: YAML front matter between ``---`` lines, then the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    meta: dict
    body: str  # the text the analyser reads; offsets are relative to it

    @property
    def slug(self) -> str:
        return self.path.stem


def read_article(path: Path | str) -> ArticleFile:
    """Parse one article file; a file without front matter is all body."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    meta: dict = {}
    if raw.startswith("---\n"):
        header, sep, rest = raw[4:].partition("\n---\n")
        if sep:
            meta = yaml.safe_load(header) or {}
            raw = rest
    return ArticleFile(path=path, meta=meta, body=raw)


def article_files(directory: Path | str = CONTENT_DIR / "articles") -> list[ArticleFile]:
    """Every article file of a directory, in name order."""
    return [read_article(p) for p in sorted(Path(directory).glob("*.md")) + sorted(Path(directory).glob("*.txt"))]
