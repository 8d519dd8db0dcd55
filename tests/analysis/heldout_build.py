#!/usr/bin/env python3
"""Build and validate a blind held-out set of French news articles (yaml + stdlib only).

Layout (same as the earlier held-out sets):
    <slug>.txt
    expected/quotes/<slug>.yaml     quotes: [{text, speaker, kind, speaker_also?, note?}]
    expected/figures/<slug>.yaml    figures: [{text, source, hedged, unverified_stated, note?}],
                                    not_figures: [{text, why}]
    expected/editorial/<slug>.yaml  editorializing: [{text, category, reason}],
                                    not_editorializing: [{text}]

The articles and annotations were typed in src/ with straight apostrophes and plain spaces; the
build applies each article's typography (src/styles.yaml) identically to the article and to every
string of its three YAML files, so that annotation texts stay byte-identical to the article:
    apostrophe: typo (’) | straight (')
    guillemets: nbsp («\u00a0…\u00a0») | nnbsp («\u202f…\u202f») | plain (« … ») | none («…»)
    thousands:  nbsp | nnbsp | plain    (space between digit groups)
    percent:    nbsp | nnbsp | plain    (space before %)
    punct:      nbsp | nnbsp | plain    (space before : ; ! ?)
(nnbsp = narrow no-break space U+202F; added for held-out set 14, the other values are unchanged.)

Checks: every YAML loads and follows the schema; every quotation (« … » or “ … ”) is annotated, in
order, and each quote text begins its quotation (a quotation left open at the end of a paragraph and
reopened with « at the start of the next one counts once); a quote text shorter than four words is
the whole quotation; each figure / not-figure text occurs, as whole words, exactly as many times as
it is listed (so the n-th listing is the n-th occurrence) and no text is in both lists; figures are
listed in order of occurrence; every number in the article (digits, number words, ordinals) lies
inside some figure or not-figure occurrence; editorial spans are found and lie outside quotation
marks; not_editorializing spans are found; articles are 380–650 words.

Shared by the held-out sets 9 to 11; run it through a set's own build_and_validate.py (or with --set DIR).
Usage: python3 build_and_validate.py            (build from src/, then validate)
       python3 build_and_validate.py --no-build (validate the top-level files only)
"""
import os
import re
import sys

import yaml

# The set's folder: « --set DIR » (each set's build_and_validate.py passes its own), or the current folder.
HERE = os.path.abspath(sys.argv[sys.argv.index("--set") + 1]) if "--set" in sys.argv else os.getcwd()
SRC = os.path.join(HERE, "src")
NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = " " + NBSP + NNBSP
KINDS = ("quotes", "figures", "editorial")
SOURCE_CLASSES = {"official", "media", "person", "study", "anonymous", "none", "independent"}
QUOTE_KINDS = {"direct", "partial", "scare"}
EDIT_CATEGORIES = {"name_calling", "loaded", "exaggeration", "metaphor"}
MIN_WORDS, MAX_WORDS = 380, 650

HEADERS = {
    "quotes": [
        "# One entry per quotation (speaker: canonical name, or the source as the article words it; null for",
        "# scare quotes); speaker_also lists other acceptable wordings of an organisation's name.",
    ],
    "figures": [
        "# Each figure is located by its text (the n-th listing of a text is its n-th occurrence, whole words);",
        "# source is a class or a list of classes a teacher would accept; hedged / unverified_stated: null = not scored.",
        "# not_figures: numbers that must not be reported as figures (durations and ages may be reported",
        "# only with kind duration/age).",
    ],
    "editorial": [
        "# The journalist's own loaded language, outside quotations.",
    ],
}

NUMBER_WORDS = (
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt "
    "trente quarante cinquante soixante cent cents mille million millions milliard milliards "
    "dizaine dizaines douzaine douzaines quinzaine vingtaine trentaine quarantaine cinquantaine "
    "centaine centaines millier milliers moitié tiers quart "
    "premier première premiers premières deuxième troisième quatrième cinquième sixième septième "
    "huitième neuvième dixième"
).split()
NUMBER_RE = re.compile(
    r"(?<!\w)\d+(?:[" + SPACES + r"]\d{3}(?!\d))*(?:[.,h]\d+)*(?:e|er|ème|h)?(?!\w)|\b(?:" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- build

def typeset(s, style):
    if style.get("apostrophe", "typo") == "typo":
        s = s.replace("'", "’")
    space = {"nbsp": NBSP, "nnbsp": NNBSP}
    g = style.get("guillemets", "nbsp")
    if g in space:
        s = s.replace("« ", "«" + space[g]).replace(" »", space[g] + "»")
    elif g == "none":
        s = s.replace("« ", "«").replace(" »", "»")
    t = style.get("thousands", "nbsp")
    if t in space:
        s = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", space[t], s)
    p = style.get("percent", "nbsp")
    if p in space:
        s = s.replace(" %", space[p] + "%")
    p = style.get("punct", "plain")
    if p in space:
        s = re.sub(r" ([:;!?])", space[p] + r"\1", s)
    return s


def typeset_tree(x, style):
    if isinstance(x, str):
        return typeset(x, style)
    if isinstance(x, list):
        return [typeset_tree(v, style) for v in x]
    if isinstance(x, dict):
        return {k: typeset_tree(v, style) for k, v in x.items()}
    return x


def build(styles, setname):
    for slug, style in styles["articles"].items():
        if not os.path.exists(os.path.join(SRC, slug + ".txt")):
            print(f"src/{slug}.txt missing, not built")
            continue
        with open(os.path.join(SRC, slug + ".txt"), encoding="utf-8") as f:
            text = f.read()
        if "’" in text or NBSP in text:
            sys.exit(f"src/{slug}.txt: type straight apostrophes and plain spaces in src/")
        out = typeset(text, style).rstrip("\n") + "\n"
        with open(os.path.join(HERE, slug + ".txt"), "w", encoding="utf-8") as f:
            f.write(out)
        for kind in KINDS:
            src = os.path.join(SRC, "expected", kind, slug + ".yaml")
            with open(src, encoding="utf-8") as f:
                data = yaml.safe_load(f)
            data = typeset_tree(data, style)
            header = [
                f"# Hand-annotated blind, before any analyser run — {setname} (/work/{os.path.basename(HERE)}).",
                "# " + style["desc"],
            ] + HEADERS[kind]
            body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
            os.makedirs(os.path.join(HERE, "expected", kind), exist_ok=True)
            with open(os.path.join(HERE, "expected", kind, slug + ".yaml"), "w", encoding="utf-8") as f:
                f.write("\n".join(header) + "\n" + body)


# --------------------------------------------------------------------------- validate

def quotations(text, errors, slug):
    """Return [(start, end, content)] for « … » and “ … ” spans; a quotation left open at the end of
    a paragraph and reopened with the same mark at the start of the next paragraph counts once."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "»”":
            errors.append(f"{slug}: stray closing {c!r} at {i}: …{text[max(0, i - 40):i + 5]!r}")
        if c not in "«“":
            i += 1
            continue
        close = "»" if c == "«" else "”"
        j = i + 1
        seg = j
        parts = []
        while True:
            if j >= n:
                errors.append(f"{slug}: unclosed quotation at {i}: {text[i:i + 50]!r}")
                return out
            ch = text[j]
            if ch == close:
                parts.append(text[seg:j])
                break
            if ch in "«“":
                errors.append(f"{slug}: nested quotation at {j}: {text[j - 30:j + 30]!r}")
            if ch == "\n":
                k = j
                while k < n and text[k] == "\n":
                    k += 1
                if k < n and text[k] == c:
                    parts.append(text[seg:j])
                    parts.append(" ")
                    seg = j = k + 1
                    continue
                errors.append(f"{slug}: quotation open at end of paragraph: {text[i:i + 60]!r}")
                break
            j += 1
        out.append((i, j + 1, "".join(parts)))
        i = j + 1
    return out


def whole_word_finder(needle):
    lead = r"(?<!\w)"
    if needle[:1].isdigit():
        lead += r"(?<!\d[.,])(?<!\d[" + SPACES + r"])"
    trail = r"(?!\w)"
    if needle[-1:].isdigit():
        trail += r"(?![.,]\d)(?![" + SPACES + r"]\d{3}(?!\d))"
    return re.compile(lead + re.escape(needle) + trail)


def occurrences(text, needle):
    return [m.span() for m in whole_word_finder(needle).finditer(text)]


def n_words(text):
    return sum(1 for tok in text.split() if re.search(r"\w", tok))


def as_list(x):
    return x if isinstance(x, list) else [x]


def validate(styles):
    errors, warnings, summary = [], [], []
    totals = dict(quotes=0, scare=0, figures=0, not_figures=0, editorial=0, not_editorial=0)
    for slug in styles["articles"]:
        path = os.path.join(HERE, slug + ".txt")
        if not os.path.exists(path):
            errors.append(f"{slug}: article missing")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        data = {}
        for kind in KINDS:
            p = os.path.join(HERE, "expected", kind, slug + ".yaml")
            try:
                with open(p, encoding="utf-8") as f:
                    data[kind] = yaml.safe_load(f)
            except Exception as e:  # noqa: BLE001
                errors.append(f"{p}: does not load: {e}")
                data[kind] = {}
        words = n_words(text)
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append(f"{slug}: {words} words, outside {MIN_WORDS}–{MAX_WORDS}")

        # ---- quotes
        quots = quotations(text, errors, slug)
        entries = (data["quotes"] or {}).get("quotes") or []
        if len(entries) != len(quots):
            errors.append(f"{slug}: {len(quots)} quotations in the text, {len(entries)} annotated")
        for idx, (q, e) in enumerate(zip(quots, entries)):
            content = q[2].strip(SPACES)
            t = e.get("text")
            if not isinstance(t, str) or not t:
                errors.append(f"{slug}: quote #{idx + 1} has no text")
                continue
            if not content.startswith(t):
                errors.append(f"{slug}: quote #{idx + 1} {t!r} does not begin quotation {content[:50]!r}")
            if len(t.split()) < 4 and t != content and t != content.rstrip(SPACES + ".,;!?…"):
                errors.append(f"{slug}: quote #{idx + 1} {t!r} is shorter than 4 words but not the whole quotation")
            if e.get("kind") not in QUOTE_KINDS:
                errors.append(f"{slug}: quote {t!r} bad kind {e.get('kind')!r}")
            if e.get("kind") == "scare":
                if e.get("speaker") is not None:
                    errors.append(f"{slug}: scare quote {t!r} must have speaker null")
            elif not isinstance(e.get("speaker"), str):
                errors.append(f"{slug}: quote {t!r} has no speaker")
            extra = set(e) - {"text", "speaker", "kind", "speaker_also", "note"}
            if extra:
                errors.append(f"{slug}: quote {t!r} unknown keys {extra}")
            if "speaker_also" in e and not (isinstance(e["speaker_also"], list) and all(isinstance(s, str) for s in e["speaker_also"])):
                errors.append(f"{slug}: quote {t!r} speaker_also must be a list of strings")
            sp = e.get("speaker")
            if isinstance(sp, str):
                names = [sp] + list(e.get("speaker_also") or [])
                if not any(nm in text for nm in names):
                    warnings.append(f"{slug}: speaker {sp!r} (quote {t!r}) not found verbatim (ok if composed, e.g. first name + family name)")
        n_scare = sum(1 for e in entries if e.get("kind") == "scare")

        # ---- figures
        fig = data["figures"] or {}
        figs = fig.get("figures") or []
        nots = fig.get("not_figures") or []
        for key in set(fig) - {"figures", "not_figures"}:
            errors.append(f"{slug}: figures yaml unknown key {key}")
        covered = []
        for label, lst in (("figure", figs), ("not-figure", nots)):
            counts = {}
            for e in lst:
                t = e.get("text")
                if not isinstance(t, str):
                    errors.append(f"{slug}: {label} text {t!r} is not a string")
                    continue
                counts[t] = counts.get(t, 0) + 1
            for t, c in counts.items():
                occ = occurrences(text, t)
                if len(occ) != c:
                    errors.append(f"{slug}: {label} {t!r} listed {c}× but occurs {len(occ)}× (whole words)")
                covered.extend(occ)
        both = {e.get("text") for e in figs} & {e.get("text") for e in nots}
        if both:
            errors.append(f"{slug}: texts in both figures and not_figures: {both}")
        seen, last = {}, -1
        for e in figs:
            t = e.get("text")
            if not isinstance(t, str):
                continue
            k = seen.get(t, 0)
            seen[t] = k + 1
            occ = occurrences(text, t)
            if k < len(occ):
                if occ[k][0] < last:
                    errors.append(f"{slug}: figure {t!r} (occurrence {k + 1}) listed out of order")
                last = occ[k][0]
            src = e.get("source")
            if not src or not all(s in SOURCE_CLASSES for s in as_list(src)):
                errors.append(f"{slug}: figure {t!r} bad source {src!r}")
            for key in ("hedged", "unverified_stated"):
                if key not in e or e[key] not in (True, False, None):
                    errors.append(f"{slug}: figure {t!r} bad {key} {e.get(key)!r}")
            extra = set(e) - {"text", "source", "hedged", "unverified_stated", "note"}
            if extra:
                errors.append(f"{slug}: figure {t!r} unknown keys {extra}")
        for e in nots:
            if not e.get("why"):
                errors.append(f"{slug}: not-figure {e.get('text')!r} has no why")
        for m in NUMBER_RE.finditer(text):
            a, b = m.span()
            if not any(s <= a and b <= e for s, e in covered):
                ctx = text[max(0, a - 30):b + 30].replace("\n", " ")
                errors.append(f"{slug}: number {m.group()!r} not covered by any figure / not-figure: …{ctx}…")

        # ---- editorial
        ed = data["editorial"] or {}
        eds = ed.get("editorializing") or []
        neds = ed.get("not_editorializing") or []
        for key in set(ed) - {"editorializing", "not_editorializing"}:
            errors.append(f"{slug}: editorial yaml unknown key {key}")
        for e in eds:
            t = e.get("text")
            pos = [m.start() for m in re.finditer(re.escape(t), text)] if isinstance(t, str) else []
            if not pos:
                errors.append(f"{slug}: editorial span {t!r} not found")
                continue
            if len(pos) > 1:
                warnings.append(f"{slug}: editorial span {t!r} occurs {len(pos)}×")
            for p in pos[:1]:
                if any(qs <= p < qe or qs < p + len(t) <= qe for qs, qe, _ in quots):
                    errors.append(f"{slug}: editorial span {t!r} lies inside a quotation")
            if e.get("category") not in EDIT_CATEGORIES:
                errors.append(f"{slug}: editorial span {t!r} bad category {e.get('category')!r}")
            if not e.get("reason"):
                errors.append(f"{slug}: editorial span {t!r} has no reason")
        for e in neds:
            t = e.get("text")
            if not isinstance(t, str) or t not in text:
                errors.append(f"{slug}: not_editorializing span {t!r} not found")

        summary.append((slug, words, len(entries), n_scare, len(figs), len(nots), len(eds), len(neds)))
        totals["quotes"] += len(entries)
        totals["scare"] += n_scare
        totals["figures"] += len(figs)
        totals["not_figures"] += len(nots)
        totals["editorial"] += len(eds)
        totals["not_editorial"] += len(neds)
    return errors, warnings, summary, totals


def main():
    with open(os.path.join(SRC, "styles.yaml"), encoding="utf-8") as f:
        styles = yaml.safe_load(f)
    if "--no-build" not in sys.argv:
        build(styles, styles["set_name"])
    errors, warnings, summary, totals = validate(styles)
    print(f"{'slug':42} words quotes scare figures not_fig edit not_edit")
    for row in summary:
        print(f"{row[0]:42} {row[1]:5} {row[2]:6} {row[3]:5} {row[4]:7} {row[5]:7} {row[6]:4} {row[7]:8}")
    print("totals:", totals)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
