"""The sample texts the analyser is tried on: content/articles and, when present, ../shared/corpus.

Shared by the tests, ``python -m tests.analysis.evaluate`` and ``python -m tests.perf.bench_analysis``.
The corpus folder sits next to the checkout and may be absent on other machines: everything copes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from webapp.content import read_article

ROOT = Path(__file__).parents[2]
CONTENT_DIR = ROOT / "content" / "articles"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
EXPECTED_DIR = Path(__file__).parent / "expected"
_NOT_ARTICLES = ("licence", "license", "readme")


@dataclass(frozen=True)
class Sample:
    stem: str
    path: Path
    text: str
    origin: str  # "content" or "corpus"


def _read(path: Path, origin: str) -> Sample:
    text = read_article(path).body if path.suffix == ".md" else path.read_text(encoding="utf-8")
    return Sample(path.stem, path, text, origin)


def content_samples() -> list[Sample]:
    return [_read(p, "content") for p in sorted(CONTENT_DIR.glob("*.md"))]


def corpus_available() -> bool:
    return CORPUS_DIR.is_dir() and bool(_corpus_paths())


def _corpus_paths() -> list[Path]:
    if not CORPUS_DIR.is_dir():
        return []
    return [p for p in sorted(CORPUS_DIR.glob("*.txt")) if not p.stem.lower().startswith(_NOT_ARTICLES)]


def corpus_samples() -> list[Sample]:
    return [_read(p, "corpus") for p in _corpus_paths()]


def all_samples() -> list[Sample]:
    return content_samples() + corpus_samples()


def find_sample(slug_or_path: str | Path) -> Sample | None:
    """A sample by file stem ("poutine-exode-militaire", "fresada-000007201") or by path."""
    path = Path(slug_or_path)
    if path.suffix and path.exists():
        return _read(path, "corpus" if CORPUS_DIR in path.parents else "content")
    stem = path.stem if path.suffix else str(slug_or_path)
    for candidate, origin in ((CONTENT_DIR / f"{stem}.md", "content"), (CORPUS_DIR / f"{stem}.txt", "corpus")):
        if candidate.exists():
            return _read(candidate, origin)
    return None


def sample_params() -> list:
    """pytest parameters for every sample text; one skipped parameter stands for an absent corpus."""
    import pytest

    params = [pytest.param(s.stem, id=s.stem) for s in content_samples()]
    if corpus_available():
        params += [pytest.param(s.stem, id=s.stem) for s in corpus_samples()]
    else:
        params.append(pytest.param("corpus", id="corpus", marks=pytest.mark.skip(reason=f"{CORPUS_DIR} absent")))
    return params
