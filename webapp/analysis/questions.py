"""Questions built from the analysis: who_quoted, figure_source, editorializing.

Every question must be provable from the text in front of the class: its answer comes from a span an
extractor found, its distractors are checked not to be right as well, and its evidence points into the
original text.  When a question would be doubtful it is skipped rather than emitted.  Nothing here parses:
the article's single parse is reused, so building questions costs next to nothing.

Discernment, not reflexes: players of inoculation games learn to answer "no source" more often rather than
to tell good sourcing from bad.  So the right answers vary within an article: well-sourced figures are
asked about when the article has them, and no source class is the answer to more than half of an
article's figure questions.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from .lexicon import table, word_set
from .results import SOURCE_CLASSES, Choice, Editorial, Figure, Person, Question, Quote, Span
from .text import Article, split_paragraphs

MAX_PER_KIND = 6  # questions of one kind per article
MAX_PER_SPEAKER = 2  # who_quoted questions whose answer is the same person
MIN_QUOTE_WORDS = 5  # shorter quotes are too easy to guess or too ambiguous to ask about
PROMPT_QUOTE_WORDS = 24  # longer quotes are cut with « … » in the prompt
MAX_LENGTH_GAP = 3  # words between the loaded phrase and a neutral distractor, beyond which length betrays it
NEUTRAL_MAX_WORDS = 6
MAX_CUE_WORDS = 10  # longer attribution cues are doubtful
JOURNALIST = "Le journaliste lui-même"
NBSP = "\u00a0"

WHO_QUOTED_PROMPT = "Qui a dit : «{nbsp}{quote}{nbsp}» ?"
WHERE_FROM_PROMPT = "D'où vient ce chiffre : «{nbsp}{figure}{nbsp}» ?"
VERIFIED_PROMPT = "Ce chiffre est-il vérifié de manière indépendante : «{nbsp}{figure}{nbsp}» ?"
EDITORIAL_PROMPT = "Quelle expression relève de l'éditorialisation ?"

# Source classes a student could defend as right for the same figure: a minister speaking is both
# "official" and "a named person"; official statistics are both "official" and "a study".  Offering both
# would make the question arguable, so a correct class never has its confusable neighbour as a distractor.
CONFUSABLE = {
    "official": {"person", "study"},
    "person": {"official"},
    "study": {"official"},
}
BASE_FIGURE_DIFFICULTY = {
    "none": 0.3, "official": 0.35, "person": 0.4, "study": 0.4, "media": 0.45, "independent": 0.5,
    "anonymous": 0.55,
}
EDITORIAL_DIFFICULTY = {"name_calling": 0.2, "exaggeration": 0.35, "loaded": 0.45, "metaphor": 0.55}

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_PRONOUN_CUE = re.compile(r"(?:^|[\s\-])(il|elle|ils|elles)\b")
_TITLES = frozenset(
    "m mme mlle mr mrs ms dr pr me mgr st monsieur madame mademoiselle docteur professeur maitre "
    "general president presidente ministre sir lord".split()
)
_PARTICLES = frozenset("de du des la le les d von van der den da di del ben bin al el".split())
# Grammar, not lexicon: what may follow a bare number to name what is counted ("un million de Russes").
_NUMBER_ENDINGS = frozenset("un une deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante "
                            "cinquante soixante cent cents mille million millions milliard milliards".split())
_COUNTED_LINKS = frozenset("de d des du".split())
_FUNCTION_WORDS = frozenset(
    "par pour sur sous dans en et ou à au aux avec selon depuis contre chez entre vers le la les l un une qui que "
    "qu est sont a ont était ce cette ces son sa ses leur leurs ne n se s y il elle ils elles on plus moins".split()
)
_DETERMINERS = frozenset("le la les l un une des du de d ce ces cette cet plusieurs certains certaines".split())


# --------------------------------------------------------------------------------------------- helpers

@lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """Lower case, no accents, words separated by single spaces: for comparing names and phrases."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[^\W_]+", s))


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _seed(*parts: object) -> int:
    digest = hashlib.blake2b("|".join(map(str, parts)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _guillemets(s: str) -> str:
    return f"«{NBSP}{s}{NBSP}»"


def _shuffle(correct: Choice, distractors: list[Choice], seed: int) -> tuple[tuple[Choice, ...], int]:
    """The choices in an order fixed by `seed`, and the index of the correct one."""
    items = [correct, *distractors]
    random.Random(seed).shuffle(items)
    return tuple(items), items.index(correct)


def _inside(span: Span | None, text: str) -> bool:
    return span is not None and 0 <= span.start < span.end <= len(text)


def _round_robin(groups: dict[str, list], limit: int) -> list:
    """Up to `limit` items taken in turn from each group (groups in insertion order)."""
    queues = [list(items) for items in groups.values()]
    picked: list = []
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def _excerpt(quote: str, max_words: int = PROMPT_QUOTE_WORDS) -> str:
    """The quote on one line, cut at a word boundary with « … » when it is long."""
    quote = _collapse(quote).strip(" \"'«»“”")
    tokens = quote.split(" ")
    if len(tokens) <= max_words:
        return quote
    # Prefer ending at the end of a sentence when one ends late enough.
    cut = " ".join(tokens[:max_words])
    stop = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if stop >= len(cut) * 0.6:
        return cut[: stop + 1] + " …"
    return cut.rstrip(",;:") + " …"


@lru_cache(maxsize=1)
def source_labels() -> dict[str, tuple[str, str, str]]:
    """class → (answer to « D'où vient ce chiffre ? », phrase for explanations, answer to « vérifié ? »)."""
    labels = {row[0]: (row[1], row[2], row[3]) for row in table("source_labels")}
    missing = set(SOURCE_CLASSES) - set(labels)
    if missing:
        raise RuntimeError(f"data/source_labels.tsv lacks {sorted(missing)}")
    return labels


# ------------------------------------------------------------------------------------------ entry point

def build_questions(article: Article, quotes: list[Quote], figures: list[Figure],
                    editorializing: list[Editorial], people: list[Person]) -> list[Question]:
    """Questions about who said what, where figures come from and which words judge instead of report."""
    text = article.text
    questions = [
        *who_quoted_questions(article, quotes, people, editorializing),
        *figure_source_questions(article, figures, quotes, people),
        *editorializing_questions(article, quotes, editorializing),
    ]
    # A safety net: an extractor's odd span must never turn into a broken question in front of a class.
    return [q for q in questions if not validate_question(q, text)]


# ------------------------------------------------------------------------------------------- who_quoted

def _name_tokens(name: str) -> list[str]:
    return [t for t in fold(name).split() if t not in _TITLES and t not in _PARTICLES and len(t) > 1]


def _close(a: str, b: str) -> bool:
    """Two surnames that are spelling variants of each other (Zelensky / Zelenskyy, Kowalska / Kowalskaa)."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.8


def _unnamed_core(phrase: str) -> str:
    return " ".join(t for t in fold(phrase).split() if t not in _DETERMINERS)


@lru_cache(maxsize=8192)
def same_person(a: str, b: str) -> bool:
    """True when two names may designate the same person: equal, one contained in the other, or surnames
    that are spelling variants.  Errs on the side of "same": a lost distractor costs less than a second
    right answer."""
    if fold(a) == fold(b) or (_unnamed_core(a) and _unnamed_core(a) == _unnamed_core(b)):
        return True
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    # A lone first name or its short form ("Vlad", "Alex") may stand for anyone whose name starts so.
    if len(ta) == 1 or len(tb) == 1:
        lone, other = (ta[0], tb) if len(ta) == 1 else (tb[0], ta)
        if len(lone) >= 3 and any(t.startswith(lone) or lone.startswith(t) for t in other if len(t) >= 3):
            return True
    return _close(ta[-1], tb[-1])


def _aliases(name: str, people: list[Person], text: str) -> frozenset[str]:
    """The name and every way the article writes the person it designates."""
    return _alias_table(tuple(people), text).get(fold(name), frozenset({name}))


@lru_cache(maxsize=4)
def _alias_table(people: tuple[Person, ...], text: str) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for person in people:
        aliases = table.setdefault(fold(person.name), {person.name})
        aliases.update(text[m.start:m.end] for m in person.mentions if _inside(m, text))
    return {k: frozenset(a for a in v if a.strip()) for k, v in table.items()}


def _is_same(a: str, b: str, people: list[Person], text: str) -> bool:
    aliases_a, aliases_b = _aliases(a, people, text) | {a}, _aliases(b, people, text) | {b}
    return any(same_person(x, y) for x in aliases_a for y in aliases_b)


def _display(speaker: str) -> str:
    speaker = _collapse(speaker)
    return speaker[:1].upper() + speaker[1:]


def _definite_description(speaker: str) -> bool:
    """« le porte-parole de … », « l'ONG », « la ministre »: one particular person or body, which the
    article may well name elsewhere, so that a named distractor could be the right answer too.  Plural
    and indefinite sources (« des experts », « un diplomate ») are truly unnamed."""
    words = re.findall(r"[^\W\d_]+", speaker)
    # "Le Drian" is a name: after the article, a description goes on in lower case.
    return len(words) >= 2 and fold(words[0]) in ("le", "la", "l") and words[1][:1].islower()


def _askable_quote(quote: Quote, text: str) -> bool:
    return (
        quote.kind in ("direct", "partial")
        and bool(quote.speaker and quote.speaker.strip())
        and 0 <= quote.start < quote.end <= len(text)
        # Without the words that attribute it, the answer could not be shown in the text.
        and _inside(quote.cue, text)
        and not _definite_description(quote.speaker)
        and not any(c.isdigit() for c in quote.speaker)  # "74 % des sondés" is a crowd, not a source
        and len(_words(text[quote.start:quote.end])) >= MIN_QUOTE_WORDS
    )


def who_quoted_questions(article: Article, quotes: list[Quote], people: list[Person],
                         editorializing: list[Editorial] = ()) -> list[Question]:
    """« Qui a dit : … ? » for quotes whose speaker the article names through an attribution cue."""
    text = article.text
    # A mocking nickname may have been taken for a person of its own: it is the same person under
    # another name, so it must never be offered as someone else.
    nicknames = {fold(text[e.start:e.end]) for e in editorializing
                 if e.category == "name_calling" and 0 <= e.start < e.end <= len(text)}
    quotes = sorted(quotes, key=lambda q: (q.start, q.end))
    speakers = [q for q in quotes if q.kind != "scare" and q.speaker and q.speaker.strip()]

    # The same words attributed to two different people (a pull quote misread, say) make a doubtful question.
    said_by: dict[str, list[str]] = {}
    for q in speakers:
        said_by.setdefault(fold(q.text), []).append(q.speaker)
    ambiguous = {
        words for words, names in said_by.items()
        if any(not _is_same(names[0], other, people, text) for other in names[1:])
    }

    distinct_speakers: list[str] = []
    for q in speakers:
        if not any(_is_same(q.speaker, s, people, text) for s in distinct_speakers):
            distinct_speakers.append(q.speaker)

    by_speaker: dict[str, list[Quote]] = {}
    seen: set[str] = set()
    for q in quotes:
        words = fold(text[q.start:q.end]) if _inside(Span(q.start, q.end), text) else ""
        if not _askable_quote(q, text) or words in seen or fold(q.text) in ambiguous:
            continue
        if not strong_attribution(article, q, speakers, people):
            continue
        seen.add(words)
        by_speaker.setdefault(fold(q.speaker), []).append(q)
    chosen = _round_robin({k: v[:MAX_PER_SPEAKER] for k, v in by_speaker.items()}, MAX_PER_KIND)

    questions = []
    for quote in sorted(chosen, key=lambda q: q.start):
        question = _who_quoted(article, quote, speakers, people, len(distinct_speakers), nicknames)
        if question is not None:
            questions.append(question)
    return questions


def _candidate_names(quote: Quote, speakers: list[Quote], people: list[Person]) -> list[tuple[str, bool]]:
    """Other sources and people of the article, most plausible first: (name, named?)."""
    quoted_named = Counter(q.speaker for q in speakers if q.speaker_named)
    first = {}
    for q in speakers:
        first.setdefault(q.speaker, q.start)
    names: list[tuple[str, bool]] = [
        (name, True) for name, _ in sorted(quoted_named.items(), key=lambda kv: (-kv[1], first[kv[0]]))
    ]
    ranked_people = sorted(
        people, key=lambda p: (-len(p.mentions), min((m.start for m in p.mentions), default=0), p.name)
    )
    names += [(p.name, True) for p in ranked_people]
    # "75 % des sondés" is a crowd, not a source a student would name.
    names += [(q.speaker, False) for q in speakers
              if not q.speaker_named and not any(c.isdigit() for c in q.speaker)]
    return names


def _who_quoted(article: Article, quote: Quote, speakers: list[Quote], people: list[Person],
                n_speakers: int, nicknames: set[str]) -> Question | None:
    text = article.text
    speaker = quote.speaker
    assert speaker is not None
    distractors: list[Choice] = []
    taken = [speaker]
    for name, named in _candidate_names(quote, speakers, people):
        if len(distractors) == 3:
            break
        if not name or not name.strip() or any(_is_same(name, t, people, text) for t in taken):
            continue
        if named and not _name_tokens(name):
            continue
        if fold(name) in nicknames or any(fold(a) in nicknames for a in _aliases(name, people, text)):
            continue
        taken.append(name)
        distractors.append(Choice(text=_display(name), key=_collapse(name)))
    if len(distractors) < 2:
        if n_speakers >= 2 and len(distractors) == 1:
            distractors.append(Choice(text=JOURNALIST, key="journaliste"))
        else:
            return None

    correct = Choice(text=_display(speaker), key=_collapse(speaker))
    quote_span = Span(quote.start, quote.end)
    evidence = [quote_span]
    cue = quote.cue if _inside(quote.cue, text) else None
    if cue is not None and cue != quote_span:
        evidence.append(cue)
    choices, answer = _shuffle(correct, distractors, _seed("who", quote.start, quote.end, text[quote.start:quote.end]))

    pronoun = cue is not None and _pronoun_cue(text[cue.start:cue.end], speaker)
    if pronoun and not quote.speaker_named:
        return None  # a pronoun standing for an unnamed source: too easy to get wrong
    if pronoun and _pronoun_gender_clash(text[cue.start:cue.end], _person(people, speaker)):
        return None  # « a-t-elle déclaré » given to a man: the attribution is doubtful
    if pronoun and _rival_between(quote, cue, speaker, speakers, people, text):
        return None  # another man (woman) named since the speaker: the pronoun could be theirs
    explanation = _who_explanation(article, quote, cue, pronoun, people)
    difficulty = 0.25
    if pronoun:
        difficulty += 0.3
    if cue is None:
        difficulty += 0.15
    elif article.paragraph_at(cue.start) != article.paragraph_at(quote.start):
        difficulty += 0.1
    if quote.kind == "partial":
        difficulty += 0.1
    if not quote.speaker_named:
        difficulty += 0.05
    if len(choices) == 4:
        difficulty += 0.05
    return Question(
        kind="who_quoted",
        prompt=WHO_QUOTED_PROMPT.format(nbsp=NBSP, quote=_excerpt(text[quote.start:quote.end])),
        choices=choices,
        answer=answer,
        explanation=explanation,
        evidence=tuple(evidence),
        difficulty=round(min(0.95, max(0.05, difficulty)), 2),
    )


def _rival_between(quote: Quote, cue: Span, speaker: str, speakers: list[Quote], people: list[Person],
                   text: str) -> bool:
    """Whether a person of the pronoun's gender, other than the speaker, is named between the speaker's last
    appearance (a mention or a quotation of theirs) and the pronoun."""
    person = _person(people, speaker)
    if person is None:
        return False
    pronouns = {m.group(1) for m in _PRONOUN_CUE.finditer(" " + text[cue.start:cue.end].lower())}
    gender = "f" if pronouns & {"elle", "elles"} else "m" if pronouns & {"il", "ils"} else None
    here = min(cue.start, quote.start)
    # (their quotations count only where the cue names them: a chain of pronouns proves nothing)
    last = max([m.end for m in person.mentions if m.end <= here] +
               [q.end for q in speakers if q.speaker == speaker and q.end <= here and q is not quote
                and q.cue is not None and any(q.cue.start <= m.start < q.cue.end for m in person.mentions)],
               default=-1)
    if last < 0:
        return True  # never seen before the pronoun: nothing ties it to them
    return any(other.name != person.name and other.gender in (None, gender) and
               any(last < m.start < here for m in other.mentions) for other in people)


def _pronoun_cue(cue_text: str, speaker: str) -> bool:
    """The cue names the speaker only through a pronoun (« a-t-elle déclaré », « dit-il »)."""
    folded = fold(cue_text.replace("-", " - "))
    names = set(_name_tokens(speaker))
    if names & set(folded.split()):
        return False
    return bool(_PRONOUN_CUE.search(" " + cue_text.lower()))


def _pronoun_gender_clash(cue_text: str, person: Person | None) -> bool:
    if person is None or person.gender not in ("f", "m"):
        return False
    pronouns = {m.group(1) for m in _PRONOUN_CUE.finditer(" " + cue_text.lower())}
    feminine = bool(pronouns & {"elle", "elles"})
    masculine = bool(pronouns & {"il", "ils"})
    return (person.gender == "m" and feminine and not masculine) or (person.gender == "f" and masculine
                                                                     and not feminine)


def _person(people: list[Person], name: str) -> Person | None:
    for person in people:
        if fold(person.name) == fold(name):
            return person
    return None


def _apposition(article: Article, person: Person | None, before: int) -> str | None:
    """How the article first presents a person (« Olga X, chercheuse au … ») when it does so plainly."""
    if person is None or not person.mentions:
        return None
    text = article.text
    first = min(person.mentions, key=lambda m: m.start)
    if not _inside(first, text) or first.end >= before:
        return None
    m = re.match(r",\s+([^,.;:!?«»\"\n]{3,90}?)\s*[,.]", text[first.end:first.end + 120])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = _words(phrase)
    if not 2 <= len(words) <= 10 or any(c.isdigit() for c in phrase):
        return None
    # Only a noun phrase will do: a verb would mean the comma opened something else than an apposition.
    doc = getattr(article, "doc", None)
    origin = article.norm.origin
    start = first.end + m.start(1)
    end = start + len(phrase)
    try:
        span = doc.char_span(bisect_left(origin, start), bisect_left(origin, end), alignment_mode="expand")
    except Exception:  # a hand-built or missing parse: say nothing rather than guess
        return None
    if span is None or len(span) == 0:
        return None
    if span[0].pos_ not in ("NOUN", "DET", "ADJ") or any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") for t in span):
        return None
    return phrase


def _who_explanation(article: Article, quote: Quote, cue: Span | None, pronoun: bool,
                     people: list[Person]) -> str:
    text = article.text
    name = _collapse(quote.speaker or "")
    if quote.speaker_named:
        lead = f"C'est {name} qui parle"
    else:
        lead = f"Ces propos sont attribués à une source que l'article ne nomme pas, {_guillemets(name)}"
    if cue is None:
        return lead + " : l'article lui attribue ces propos dans le passage qui les entoure."
    cue_text = _guillemets(_collapse(text[cue.start:cue.end]))
    if cue.start >= quote.end:
        where = f"la citation est suivie de {cue_text}"
    elif cue.end <= quote.start:
        where = f"la citation est introduite par {cue_text}"
    else:
        where = f"l'attribution se lit dans {cue_text}"
    if not pronoun:
        target = name if quote.speaker_named else "cette source"
        return f"{lead} : {where}, qui renvoie à {target}."
    person = _person(people, name) if quote.speaker_named else None
    gender = person.gender if person else None
    who = {"f": "la dernière femme citée", "m": "le dernier homme cité"}.get(gender, "la dernière source citée")
    sentence = f"{lead} : {where} ; le pronom renvoie à {name}, {who} comme source avant ce passage"
    appos = _apposition(article, person, quote.start)
    if appos:
        presented = "présenté" if gender == "m" else "présentée"
        sentence += f" ({presented} plus haut comme {_guillemets(appos)})"
    return sentence + "."


# ---------------------------------------------------------------------------------------- figure_source

def _askable_figure(figure: Figure, text: str) -> bool:
    if figure.kind in ("duration", "age") or figure.source not in SOURCE_CLASSES:
        return False
    if not (0 <= figure.start < figure.end <= len(text)) or not text[figure.start:figure.end].strip():
        return False
    if figure.source in ("none",):
        return True
    # An attributed figure must come with the words that attribute it, or the explanation cannot cite them.
    return bool(
        (figure.source_text and figure.source_text.strip())
        or _inside(figure.source_span, text)
        or _inside(figure.cue, text)
    )


# Below this, a bare count is usually a detail of a story (« quatre mensualités », « à sept reprises »), not a
# statistic whose sourcing a student can weigh.
MIN_SOURCED_COUNT = 10


def _anecdotal_count(figure: Figure, text: str) -> bool:
    """A small bare count, with no percent, money or measure: not material for a sourcing question."""
    if figure.kind != "count" or figure.value is None or figure.value >= MIN_SOURCED_COUNT:
        return False
    words = fold(text[figure.start:figure.end])
    return not any(mark in words for mark in ("%", "pour cent", "euro", "dollar", "€", "$", " sur "))


def _quoted_figure_ok(article: Article, figure: Figure, quotes: list[Quote], people: list[Person]) -> bool:
    """A figure inside a quotation comes from whoever speaks: never « aucune source », and only asked when the
    words next to the quotation prove who that is (the same test as for « Qui a dit ? »)."""
    quote = next((q for q in quotes if q.start <= figure.start and figure.end <= q.end), None)
    if quote is None:
        return True
    if figure.source == "none" or quote.kind == "scare":
        return False
    speakers = [q for q in quotes if q.kind != "scare" and q.speaker and q.speaker.strip()]
    return strong_attribution(article, quote, speakers, list(people))


def _figure_quality(figure: Figure, text: str) -> tuple:
    """Sort key, best first: a figure whose source is stated next to it beats an inherited one."""
    return (not _inside(figure.cue, text), not _inside(figure.source_span, text), figure.start)


def figure_source_questions(article: Article, figures: list[Figure], quotes: list[Quote] = (),
                            people: list[Person] = ()) -> list[Question]:
    """« D'où vient ce chiffre ? » with source classes as choices, balanced across the article."""
    text = article.text
    seen: set = set()
    by_class: dict[str, list[Figure]] = {}
    for figure in sorted(figures, key=lambda f: (f.start, f.end)):
        if not _askable_figure(figure, text) or not strong_figure_source(article, figure):
            continue
        if _anecdotal_count(figure, text) or not _quoted_figure_ok(article, figure, quotes, people):
            continue
        key = ("value", figure.value) if figure.value is not None else ("text", fold(figure.text))
        if key in seen:
            continue
        seen.add(key)
        by_class.setdefault(figure.source, []).append(figure)
    for group in by_class.values():
        group.sort(key=lambda f: _figure_quality(f, text))
    # Taking classes in turn puts well-sourced figures in the round whenever the article has them.
    chosen = _round_robin(by_class, MAX_PER_KIND)
    chosen = balance(chosen, key=lambda f: f.source, rank=lambda f: _figure_quality(f, text))
    questions = [_figure_source(article, f) for f in sorted(chosen, key=lambda f: f.start)]
    return [q for q in questions if q is not None]


def balance(items: list, key, rank) -> list:
    """Drop items of the dominant answer, worst ranked first, until no answer is right for more than half."""
    items = list(items)
    while items:
        counts = Counter(key(i) for i in items)
        top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if 2 * n <= len(items):
            break
        items.remove(max((i for i in items if key(i) == top), key=rank))
    return items


def figure_label(text: str, figure: Figure) -> str:
    """The figure as the prompt shows it: a bare number gets the words that say what it counts.

    « 332 » alone cannot be found in an article; « 332 soldats » can.  Only the display changes: the
    evidence stays the figure's own span.
    """
    label = _collapse(text[figure.start:figure.end])
    last = fold(label).split()[-1:] or [""]
    if not (label[-1:].isdigit() or last[0] in _NUMBER_ENDINGS):
        return label
    tail = re.split(r"[.,;:!?()«»\"“”\n]", text[figure.end:figure.end + 60], maxsplit=1)[0]
    end = None
    pending_link = False
    content = 0
    for m in re.finditer(r"[^\W\d_]+", tail):
        word = fold(m.group())
        if word in _COUNTED_LINKS and content == 0 and not pending_link:
            pending_link = True  # "un million de Russes": the link counts only if a word follows
        elif word in _FUNCTION_WORDS or word in _COUNTED_LINKS:
            break
        else:
            end, pending_link, content = figure.end + m.end(), False, content + 1
            if content == 2:
                break
    if end is None:
        return label
    return _collapse(text[figure.start:end])


def _figure_source(article: Article, figure: Figure) -> Question | None:
    text = article.text
    labels = source_labels()
    correct_class = figure.source
    verify = (figure.hedged or figure.unverified_stated) and correct_class != "independent"
    column = 2 if verify else 0
    seed = _seed("figure", figure.start, figure.end, text[figure.start:figure.end])

    excluded = {correct_class} | CONFUSABLE.get(correct_class, set())
    must = [c for c in (("independent",) if verify else ()) + ("none",) if c not in excluded]
    others = [c for c in SOURCE_CLASSES if c not in excluded and c not in must]
    random.Random(seed).shuffle(others)
    distractor_classes = (must + others)[:3]
    if len(distractor_classes) < 2:
        return None
    correct = Choice(text=labels[correct_class][column], key=correct_class)
    distractors = [Choice(text=labels[c][column], key=c) for c in distractor_classes]
    choices, answer = _shuffle(correct, distractors, seed)

    evidence = [Span(figure.start, figure.end)]
    for span in (figure.source_span, figure.cue):
        if _inside(span, text) and span not in evidence:
            evidence.append(span)

    difficulty = BASE_FIGURE_DIFFICULTY.get(correct_class, 0.4)
    if figure.hedged:
        difficulty += 0.15
    if figure.unverified_stated:
        difficulty += 0.05
    src = figure.source_span if _inside(figure.source_span, text) else figure.cue
    if _inside(src, text) and article.paragraph_at(src.start) != article.paragraph_at(figure.start):
        difficulty += 0.1  # the attribution is inherited from another paragraph
    figure_text = figure_label(text, figure)
    prompt = (VERIFIED_PROMPT if verify else WHERE_FROM_PROMPT).format(nbsp=NBSP, figure=figure_text)
    return Question(
        kind="figure_source",
        prompt=prompt,
        choices=choices,
        answer=answer,
        explanation=_figure_explanation(text, figure, figure_text),
        evidence=tuple(evidence),
        difficulty=round(min(0.95, max(0.05, difficulty)), 2),
    )


def _figure_explanation(text: str, figure: Figure, figure_text: str) -> str:
    phrase = source_labels()[figure.source][1]
    cue = _collapse(text[figure.cue.start:figure.cue.end]) if _inside(figure.cue, text) else None
    source = None
    if figure.source_text and figure.source_text.strip():
        source = _collapse(figure.source_text)
    elif _inside(figure.source_span, text):
        source = _collapse(text[figure.source_span.start:figure.source_span.end])

    if figure.source == "none":
        parts = [f"L'article ne dit pas d'où vient le chiffre {_guillemets(figure_text)} : "
                 "aucune source n'est citée pour lui, ni dans la phrase ni ailleurs dans l'article."]
    elif figure.source == "independent":
        where = f" ({_guillemets(cue)})" if cue else ""
        parts = [f"L'article indique que le chiffre {_guillemets(figure_text)} a été vérifié de manière "
                 f"indépendante{where}."]
    else:
        if source:
            cited = f" ({_guillemets(cue)})" if cue and fold(cue) != fold(source) else ""
            parts = [f"L'article attribue le chiffre {_guillemets(figure_text)} à cette source : "
                     f"{_guillemets(source)}{cited}."]
        else:
            parts = [f"Le chiffre {_guillemets(figure_text)} est rattaché à sa source par {_guillemets(cue)}."]
        parts.append(f"Il s'agit donc {phrase}.")
    if figure.unverified_stated:
        parts.append("L'article précise qu'il n'est pas vérifié de manière indépendante.")
    elif figure.hedged:
        parts.append("La formulation prudente (conditionnel, approximation) signale une information "
                     "qui n'est pas confirmée.")
    return " ".join(parts)


# --------------------------------------------------------------------------------------- editorializing

def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _loaded_words(text: str, editorializing: list[Editorial]) -> set[str]:
    words: set[str] = set()
    for e in editorializing:
        if 0 <= e.start < e.end <= len(text):
            words.update(w for w in fold(text[e.start:e.end]).split() if len(w) >= 4)
    return words


def _neutral_pool(article: Article, quotes: list[Quote], editorializing: list[Editorial]) -> list[Span]:
    """Short phrases of the journalist's own sentences with no flagged word: the distractors."""
    text = article.text
    try:
        from .editorial import neutral_phrases
    except ImportError:
        neutral_phrases = None
    spans: list[Span] = []
    if neutral_phrases is not None:
        spans = list(neutral_phrases(article, quotes, editorializing, max_words=NEUTRAL_MAX_WORDS))
    if not spans:
        spans = _noun_chunk_phrases(article, quotes)
    loaded = _loaded_words(text, editorializing)
    out = []
    for s in spans:
        if not _inside(s, text):
            continue
        phrase = text[s.start:s.end]
        if not phrase.strip() or "\n" in phrase or any(_overlaps(s.start, s.end, e.start, e.end)
                                                      for e in editorializing):
            continue
        if any(_overlaps(s.start, s.end, q.start - 1, q.end + 1) for q in quotes):
            continue
        if set(fold(phrase).split()) & loaded:
            continue
        out.append(s)
    return out


def _noun_chunk_phrases(article: Article, quotes: list[Quote]) -> list[Span]:
    """Fallback distractors: plain noun phrases (no adjective, no adverb, no name, no number) outside quotes.

    Evaluative words are mostly adjectives and adverbs, so leaving them out keeps the distractors neutral
    even when the editorializing detector missed a word.
    """
    doc = getattr(article, "doc", None)
    try:
        chunks = list(doc.noun_chunks)
    except Exception:  # no parser in the pipeline (hand-built docs in tests)
        return []
    text = article.text
    out = []
    for chunk in chunks:
        if not 2 <= len(chunk) <= NEUTRAL_MAX_WORDS:
            continue
        if any(t.pos_ in ("ADJ", "ADV", "PROPN", "NUM", "PRON", "PUNCT", "X") or t.like_num for t in chunk):
            continue
        if chunk.root.pos_ != "NOUN":
            continue
        span = article.token_span(chunk)
        if not _inside(span, text) or any(_overlaps(span.start, span.end, q.start - 1, q.end + 1)
                                          for q in quotes):
            continue
        out.append(span)
    return out


def editorializing_questions(article: Article, quotes: list[Quote],
                             editorializing: list[Editorial]) -> list[Question]:
    """« Quelle expression relève de l'éditorialisation ? »: the loaded phrase among neutral ones."""
    text = article.text
    seen: set[str] = set()
    by_category: dict[str, list[Editorial]] = {}
    for e in sorted(editorializing, key=lambda e: (e.start, e.end)):
        if not (0 <= e.start < e.end <= len(text)) or not (e.reason and e.reason.strip()):
            continue
        words = fold(text[e.start:e.end])
        if not words or words in seen:
            continue
        seen.add(words)
        by_category.setdefault(e.category, []).append(e)
    chosen = _round_robin(by_category, MAX_PER_KIND)
    if not chosen:
        return []
    pool = _neutral_pool(article, quotes, editorializing)
    questions = []
    for e in sorted(chosen, key=lambda e: e.start):
        question = _editorializing(text, e, pool)
        if question is not None:
            questions.append(question)
    return questions


def _editorializing(text: str, e: Editorial, pool: list[Span]) -> Question | None:
    phrase = text[e.start:e.end]
    n_words = len(_words(phrase))
    seed = _seed("editorial", e.start, e.end, phrase)
    candidates = [
        s for s in pool
        if not _overlaps(s.start, s.end, e.start, e.end)
        and abs(len(_words(text[s.start:s.end])) - n_words) <= MAX_LENGTH_GAP
    ]
    candidates.sort(key=lambda s: (abs(len(_words(text[s.start:s.end])) - n_words),
                                   _seed(seed, s.start, s.end)))
    picked: list[Span] = []
    texts = {fold(phrase)}
    for s in candidates:
        folded = fold(text[s.start:s.end])
        if folded in texts or any(_overlaps(s.start, s.end, p.start, p.end) for p in picked):
            continue
        texts.add(folded)
        picked.append(s)
        if len(picked) == 3:
            break
    if len(picked) < 2:
        return None
    correct = Choice(text=phrase, key=e.category, start=e.start, end=e.end)
    distractors = [Choice(text=text[s.start:s.end], key=None, start=s.start, end=s.end) for s in picked]
    choices, answer = _shuffle(correct, distractors, seed)
    reason = _collapse(e.reason)
    if reason[-1] not in ".!?…»":
        reason += "."
    # Reasons often quote the phrase themselves; then quoting it again would stutter.
    explanation = reason if fold(phrase) in fold(reason) else f"{_guillemets(_collapse(phrase))} : {reason}"
    neutral = _collapse(e.neutral or "")
    if neutral.startswith("(") and neutral.endswith(")"):
        explanation += f" Pour rester neutre : {neutral[1:-1]}."
    elif "«" in neutral:
        explanation += f" Formulation neutre : {neutral}."
    elif neutral:
        explanation += f" Formulation neutre : {_guillemets(neutral)}."
    explanation += " Les autres expressions décrivent sans juger."
    return Question(
        kind="editorializing",
        prompt=EDITORIAL_PROMPT,
        choices=choices,
        answer=answer,
        explanation=explanation,
        evidence=(Span(e.start, e.end),),
        difficulty=EDITORIAL_DIFFICULTY.get(e.category, 0.4),
    )


# ------------------------------------------------------------------------------------------- validation

def validate_question(question: Question, text: str) -> list[str]:
    """The problems that make a question unfit for a class (empty list when it is fit), in French.

    Used on every generated question, and by the web app when a teacher edits one.
    """
    problems: list[str] = []
    choices = tuple(question.choices or ())
    if question.kind not in ("who_quoted", "figure_source", "editorializing"):
        problems.append(f"type de question inconnu : {question.kind!r}")
    if not (question.prompt and question.prompt.strip()):
        problems.append("l'énoncé est vide")
    if not 3 <= len(choices) <= 4:
        problems.append(f"il faut 3 ou 4 choix (il y en a {len(choices)})")
    texts = [fold(c.text or "") for c in choices]
    if any(not t for t in texts):
        problems.append("un choix est vide")
    if len(set(texts)) != len(texts):
        problems.append("deux choix sont identiques")
    keys = [c.key for c in choices if c.key is not None]
    if len(set(keys)) != len(keys):
        problems.append("deux choix ont la même clé")
    if not isinstance(question.answer, int) or not 0 <= question.answer < len(choices):
        problems.append("l'indice de la bonne réponse ne désigne aucun choix")
    if not (question.explanation and question.explanation.strip()):
        problems.append("l'explication est vide")
    if not question.evidence:
        problems.append("aucun passage du texte ne justifie la réponse")
    for span in question.evidence or ():
        if not (0 <= span.start < span.end <= len(text)):
            problems.append(f"le passage {span.start}–{span.end} sort du texte")
    if not isinstance(question.difficulty, (int, float)) or not 0 <= question.difficulty <= 1:
        problems.append("la difficulté doit être comprise entre 0 et 1")
    if question.kind == "who_quoted":
        if any(not (c.key and c.key.strip()) for c in choices):
            problems.append("chaque choix doit porter le nom de la personne (clé)")
    elif question.kind == "figure_source":
        if any(c.key not in SOURCE_CLASSES for c in choices):
            problems.append("chaque choix doit être une classe de source connue")
    elif question.kind == "editorializing":
        for i, c in enumerate(choices, 1):
            if c.start is None or c.end is None or not (0 <= c.start < c.end <= len(text)):
                problems.append(f"le choix {i} n'est pas situé dans le texte")
            elif text[c.start:c.end] != c.text:
                problems.append(f"le choix {i} ne correspond pas au texte à cet endroit")
    return problems


# ------------------------------------------------------------------------------------ strong evidence
# An extractor's answer is asked about only when the words next to it prove it: a student shown the
# evidence must be able to check the answer, and an answer resting on a guess becomes a wrong answer in
# front of a class.  These checks read the text only (no parse), so they cost nothing.

_SENTENCE_END = re.compile(r"[.!?…]")
_OPENERS, _CLOSERS = "«“", "»”"
_SENTENCE_MARK = re.compile(r"[«“»”.!?…]")  # the characters _sentence_table acts on
_PERSON_PRONOUNS = {"il": "m", "ils": "m", "elle": "f", "elles": "f"}
_INDEFINITE = frozenset("un une des plusieurs certains certaines deux trois quatre quelques d de".split())
_FIGURE_MARKERS = re.compile(
    r"\b(?:selon|d['’]apr[eè]s|cit[ée]e?s?|rapports?|[ée]tudes?|enqu[êe]tes?|sondages?|statistiques?|"
    r"donn[ée]es|chiffres?\s+(?:publi|communiqu|fourni|diffus)\w*|publi[ée]e?s?|"
    r"(?:a|ont|avait|avaient|aurait|auraient)\s+(?:\w+\s+)?(?:d[ée]clar|indiqu|annonc|relev|recens|estim|"
    r"affirm|pr[ée]cis|communiqu|enregistr|comptabilis|chiffr|confirm|rapport|signal|d[ée]nombr|"
    r"constat|calcul|r[ée]v[ée]l|soulign|expliqu|d[ée]taill|avanc|[ée]valu)\w*|"
    r"indiqu\w*|pr[ée]cis\w*|estim\w*|pr[ée]voi\w*|[ée]valu[ée]\w*)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _sentence_table(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, paragraph index) of each sentence; a quotation is never cut in two, since the words
    that attribute it belong with it."""
    out: list[tuple[int, int, int]] = []
    for index, paragraph in enumerate(split_paragraphs(text)):
        depth, start, i = 0, paragraph.start, paragraph.start
        while True:
            # Only quote marks and sentence ends matter: jump from one to the next.
            m = _SENTENCE_MARK.search(text, i, paragraph.end)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            if ch in _OPENERS:
                depth += 1
            elif ch in _CLOSERS:
                depth = max(0, depth - 1)
            elif depth == 0 and _SENTENCE_END.match(ch):
                j = i + 1
                while j < paragraph.end and text[j] in ".!?…»”)\"":
                    j += 1
                if j < paragraph.end and text[j].isspace():
                    k = j
                    while k < paragraph.end and text[k].isspace():
                        k += 1
                    if k < paragraph.end and (text[k].isupper() or text[k] in "«“—-\"" or text[k].isdigit()):
                        if not _abbreviation(text, i):
                            out.append((start, j, index))
                            start = k
                i = j
                continue
            i += 1
        if start < paragraph.end:
            out.append((start, paragraph.end, index))
    return tuple(out)


@lru_cache(maxsize=4)
def _sentence_starts(text: str) -> list[int]:
    return [s for s, _, _ in _sentence_table(text)]


def _abbreviation(text: str, dot: int) -> bool:
    """« M. Dupont », « Dr. X », « J.-P. »: a dot after a title or an initial ends no sentence."""
    word = re.search(r"([^\W\d_]+)$", text[max(0, dot - 12):dot])
    return bool(word) and (len(word.group(1)) == 1 or fold(word.group(1)) in _TITLES)


def _sentence_at(text: str, pos: int) -> int:
    """Index of the sentence containing original offset `pos` (the nearest one before it otherwise)."""
    i = bisect_left(_sentence_starts(text), pos + 1) - 1
    return max(0, i)


def _paragraph_index(text: str, pos: int) -> int:
    table = _sentence_table(text)
    return table[_sentence_at(text, pos)][2] if table else 0


def _near(text: str, evidence: Span, target: Span) -> bool:
    """`evidence` lies in the target's sentence or in the sentence just before, in the same paragraph."""
    table = _sentence_table(text)
    if not table:
        return False
    first, last = _sentence_at(text, target.start), _sentence_at(text, max(target.start, target.end - 1))
    where = _sentence_at(text, evidence.start)
    where_end = _sentence_at(text, max(evidence.start, evidence.end - 1))
    if table[where][2] != table[first][2]:
        return False
    return first - 1 <= where <= last or first - 1 <= where_end <= last


def _capitalised_name(speaker: str, text: str) -> bool:
    """A person's or an organisation's name: a capitalised word the article never writes in lower case
    (so neither a sentence-initial « Après » nor a common noun), which the parse does not take for a place."""
    lower_words = _lower_words(text)
    for word in _words(speaker):
        word = re.sub(r"^[LlDd][’']", "", word)  # « L’officier » is « officier »
        if word[:1].isupper() and len(word) > 1 and word.lower() not in lower_words \
                and fold(word) not in _TITLES and fold(word) not in _PARTICLES:
            return True
    return False


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if w[:1].islower())


def _unnamed_source(speaker: str) -> bool:
    """« un ancien commis », « des experts », « une source proche du dossier »: an indefinite phrase whose
    head is a person or a source, not any noun (« une ambiance »)."""
    words = [fold(w) for w in _words(speaker.replace("'", " ").replace("’", " "))]
    if len(words) < 2 or words[0] not in _INDEFINITE:
        return False
    heads = _source_heads()
    return any(w in heads or w.rstrip("s") in heads or w.rstrip("x") in heads for w in words[1:4])


@lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    words = {fold(w) for w in word_set("person_roles")}
    words |= {fold(w) for w in word_set("respondents")}
    words |= {fold(row[0]) for row in table("source_nouns")}
    words |= {fold(w) for w in word_set("question_source_heads")}
    return frozenset(words)


def _cue_names_speaker(cue_text: str, speaker: str, people: list[Person], text: str) -> bool:
    tokens = set(fold(cue_text).split())
    names = {t for alias in _aliases(speaker, people, text) | {speaker} for t in _name_tokens(alias)}
    if _capitalised_name(speaker, text):
        return bool(names & tokens)
    # An unnamed source is named by its own words in the cue.
    core = [t for t in fold(speaker).split() if t not in _DETERMINERS]
    return bool(core) and all(t in tokens for t in core[:2])


def _antecedent_ok(article: Article, quote: Quote, gender: str | None, speakers: list[Quote],
                   people: list[Person]) -> bool:
    """The pronoun or role of the cue stands for the latest named source or person of its gender within
    the two paragraphs before the quote, and that one is the answer.  A person of unknown gender in
    between makes the reading doubtful."""
    text = article.text
    here = _paragraph_index(text, quote.start)
    candidates: list[tuple[int, str, str | None]] = []
    for other in speakers:
        if other.start < quote.start and other.speaker_named and other.speaker:
            person = _person(people, other.speaker)
            candidates.append((other.start, other.speaker, person.gender if person else None))
    for person in people:
        for m in person.mentions:
            if m.end <= quote.start:
                candidates.append((m.start, person.name, person.gender))
    for pos, name, their in sorted(candidates, reverse=True):
        if here - _paragraph_index(text, pos) > 2:
            break
        if gender and their in ("f", "m") and their != gender:
            continue
        if gender and their not in ("f", "m"):
            if _is_same(name, quote.speaker, people, text):
                continue  # the answer itself, gender unknown: look further back for a clash
            return False
        return _is_same(name, quote.speaker, people, text)
    return False


def strong_attribution(article: Article, quote: Quote, speakers: list[Quote], people: list[Person]) -> bool:
    """The quote's speaker is proven by the words next to it (see the module docstring)."""
    text = article.text
    speaker = quote.speaker or ""
    if not _inside(quote.cue, text) or not speaker.strip():
        return False
    named = quote.speaker_named and _capitalised_name(speaker, text)
    if not named and not (not quote.speaker_named and _unnamed_source(speaker)):
        return False
    if not _near(text, quote.cue, Span(quote.start, quote.end)) and not (
            quote.cue.start >= quote.end and _sentence_at(text, quote.cue.start)
            == _sentence_at(text, max(quote.start, quote.end - 1)) + 1
            and _paragraph_index(text, quote.cue.start) == _paragraph_index(text, quote.start)
            and _only_attribution_between(text, quote.end, quote.cue.start)):
        return False
    cue_text = text[quote.cue.start:quote.cue.end]
    if len(_words(cue_text)) > MAX_CUE_WORDS:
        return False  # a long cue mixes the attribution with other clauses: which name goes with the verb?
    pronouns = [_PERSON_PRONOUNS[w] for w in fold(cue_text.replace("-", " ")).split() if w in _PERSON_PRONOUNS]
    if _cue_names_speaker(cue_text, speaker, people, text):
        person = _person(people, speaker)
        return not (pronouns and person and person.gender in ("f", "m") and set(pronouns) != {person.gender})
    if not quote.speaker_named:
        return False
    if pronouns:
        return len(set(pronouns)) == 1 and _antecedent_ok(article, quote, pronouns[0], speakers, people)
    role = re.match(r"\s*(le|la|l['’])\s*[^\W\d_]", cue_text, re.IGNORECASE) or re.search(
        r"\b(le|la|l['’])\s*[^\W\d_]+\s*$", cue_text, re.IGNORECASE)
    if role:
        gender = {"le": "m", "la": "f"}.get(fold(role.group(1)))
        return _antecedent_ok(article, quote, gender, speakers, people)
    return False


def _only_attribution_between(text: str, a: int, b: int) -> bool:
    """Between the end of a quote and its cue, only a closing mark and punctuation (« … », dit-il)."""
    return len(text[a:b].strip(" \u00a0\u202f»”\"'.,!?…\n")) == 0


def strong_figure_source(article: Article, figure: Figure) -> bool:
    """The figure's source class is proven by the words next to it."""
    text = article.text
    fig = Span(figure.start, figure.end)
    if figure.source == "none":
        return not _source_marker_near(text, fig)
    spans = [s for s in (figure.source_span, figure.cue) if _inside(s, text)]
    if not any(_near(text, s, fig) for s in spans):
        return False
    if _inside(figure.cue, text) and fold(text[figure.cue.start:figure.cue.end]) in _NOT_ATTRIBUTION:
        return False  # « dans les statistiques »: a mention, not the figure's source
    return _source_fits_class(text, figure)


# Prepositions that locate rather than attribute: a cue reduced to one of them proves nothing.
_NOT_ATTRIBUTION = frozenset("dans en sur pour avec de du des a au aux".split())


def _source_fits_class(text: str, figure: Figure) -> bool:
    """The words naming the source have the form of its class: a named person has a name, an unnamed
    source an indefinite phrase, an official body or an outlet a definite one."""
    source = (figure.source_text or "").strip()
    if not source and _inside(figure.source_span, text):
        source = text[figure.source_span.start:figure.source_span.end]
    words = [fold(w) for w in _words(source.replace("’", " ").replace("'", " "))]
    indefinite = bool(words) and (words[0] in _INDEFINITE or words[0] == "on")
    if figure.source == "person":
        return bool(source) and _capitalised_name(source, text) and not indefinite
    if figure.source == "anonymous":
        # (« selon nos informations »: the outlet's own sources, unnamed all the same)
        return indefinite or bool(words) and words[0] in ("nos", "notre")
    if figure.source in ("official", "media"):
        if not source or indefinite:
            return False
        if figure.source == "media":
            outlets = {fold(w) for w in word_set("outlet_cues")}
            return _capitalised_name(source, text) or any(w in outlets for w in words)
    return True


def _source_marker_near(text: str, fig: Span) -> bool:
    """A word that gives a source somewhere in the figure's paragraph or in the sentences around it."""
    table = _sentence_table(text)
    if not table:
        return True
    i = _sentence_at(text, fig.start)
    para = table[i][2]
    pieces = [text[s:e] for s, e, p in table if p == para]
    if i > 0:
        pieces.append(text[table[i - 1][0]:table[i - 1][1]])
    if i + 1 < len(table):
        pieces.append(text[table[i + 1][0]:table[i + 1][1]])
    bodies = _source_bodies()
    for piece in pieces:
        if _FIGURE_MARKERS.search(piece):
            return True
        if any(w in bodies for w in fold(piece).split()):
            return True
    return False


@lru_cache(maxsize=1)
def _source_bodies() -> frozenset[str]:
    """Nouns of the bodies and documents that give figures (official, media, study classes)."""
    return frozenset(fold(row[0]) for row in table("source_nouns")
                     if len(row) > 1 and row[1] in ("official", "media", "study") and " " not in row[0])
