"""Fixtures of the analyser tests: the model once per session, and each sample analysed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analysis.samples import CORPUS_DIR, find_sample


@pytest.fixture(scope="session")
def nlp():
    """The French pipeline, loaded once for the whole session."""
    from webapp.analysis import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analysis_of(nlp):
    """``analysis_of(slug_or_path) -> (text, Analysis)``, each text analysed once per session.

    A corpus text is skipped cleanly when ``../shared/corpus`` is absent.
    """
    from webapp.analysis import analyze

    cache: dict[str, tuple] = {}

    def get(slug_or_path: str | Path):
        sample = find_sample(slug_or_path)
        if sample is None:
            if not CORPUS_DIR.is_dir():
                pytest.skip(f"{CORPUS_DIR} est absent : {slug_or_path} n'est pas disponible")
            raise FileNotFoundError(slug_or_path)
        key = str(sample.path)
        if key not in cache:
            cache[key] = (sample.text, analyze(sample.text))
        return cache[key]

    return get

