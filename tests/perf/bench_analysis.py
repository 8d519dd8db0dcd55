"""What the analyser costs beyond the spaCy parse it cannot avoid (``make bench``).

    python -m tests.perf.bench_analysis [--rounds N]

In one process: loads the model once, warms up, then over the articles of content/ (and ../shared/corpus
when it is there) times the bare ``nlp(text)`` parse and the full ``analyze(text)`` on the same texts,
alternating the two over several rounds, and reports medians.  Target: analyze/parse ≤ 1.25.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time

from tests.analysis.samples import CORPUS_DIR, all_samples, corpus_available
from webapp.analysis import analyze, load_nlp

TARGET_RATIO = 1.25


def thousands(n: float) -> str:
    return f"{n:,.0f}".replace(",", "\u202f")


def timed(fn, texts: list[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - start


def stage_breakdown(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each step of the pipeline after the parse, over all texts (one pass)."""
    from webapp.analysis import pipeline

    steps: dict[str, float] = {}
    nlp = load_nlp()

    def clock(name, fn, *args):
        start = time.perf_counter()
        result = fn(*args)
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - start
        return result

    for text in texts:
        norm = clock("normalize", pipeline.normalize, text)
        doc = nlp(norm.text)
        article = pipeline.Article(norm=norm, doc=doc)
        people = clock("find_people", pipeline.find_people, article)
        quotes = clock("find_quotations", pipeline.find_quotations, article, people)
        figures = clock("find_figures", pipeline.find_figures, article, quotes, people)
        editorial = clock("find_editorializing", pipeline.find_editorializing, article, quotes)
        clock("build_questions", pipeline.build_questions, article, quotes, figures, editorial, people)
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    samples = all_samples()
    if not corpus_available():
        print(f"(corpus absent : {CORPUS_DIR} ; seuls les articles de content/ sont mesurés)")
    texts = [s.text for s in samples]
    words = sum(len(t.split()) for t in texts)

    started = time.perf_counter()
    nlp = load_nlp()
    print(f"chargement du modèle : {time.perf_counter() - started:.2f} s")
    for text in texts:  # warm-up: lazy caches, word lists, first allocations
        nlp(text)
        analyze(text)

    parse_times, analyze_times = [], []
    for round_ in range(args.rounds):
        # Alternate which goes first so that neither always profits from a warm cache.
        if round_ % 2 == 0:
            parse_times.append(timed(nlp, texts))
            analyze_times.append(timed(analyze, texts))
        else:
            analyze_times.append(timed(analyze, texts))
            parse_times.append(timed(nlp, texts))
    parse, full = statistics.median(parse_times), statistics.median(analyze_times)
    # Each round's two timings ran back to back: their ratio is free of the machine's slow drifts (a shared
    # virtual machine's speed wanders by ±10 % from minute to minute), so the figure is the median of those.
    ratio = statistics.median(a / p for a, p in zip(analyze_times, parse_times))

    print(f"articles: {len(texts)}, words: {thousands(words)}   (médianes sur {args.rounds} tours)")
    print(f"parse only (nlp):   {parse:5.2f} s   ({thousands(words / parse)} mots/s)")
    print(f"analyze:            {full:5.2f} s   ({thousands(words / full)} mots/s)")
    verdict = "ok" if ratio <= TARGET_RATIO else "AU-DESSUS DE LA CIBLE"
    print(f"ratio analyze/parse: {ratio:.2f}   (cible ≤ {TARGET_RATIO}) {verdict}")

    steps = stage_breakdown(texts)
    print("détail hors analyse syntaxique (un passage) :")
    for name, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"  {name:20} {1000 * seconds:8.1f} ms   ({100 * seconds / parse:4.1f} % du temps de parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
