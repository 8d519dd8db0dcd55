"""Figures and how the article sources them.

Decisions a teacher should know about:

* A figure is a number in digits (``100 000``, ``7.042``, ``1,5``, ``23,5 %``), in words with a numeric
  context (``trois options``, ``un million``, ``une centaine``, ``un Français sur sept``, ``deux tiers``) or
  mixed (``1,5 milliard``).  A bare ``un``/``une`` is an article and a bare ``deux`` is too often idiomatic
  (« les deux sens »): both count only with a multiplier, a fraction or an approximate noun.
* The figure's text is the number with its approximation words (``plus de 1 000``) and ``%``, without the
  counted noun.  A range (``20 à 30 000``, ``de 0,3 % à 0,75 %``) is one figure whose value is its upper
  bound.  A proportion ``un sur sept`` has the value 1/7.
* Dates, years, clock times, ordinals (``20e``), numbers inside names (``G7``, ``Covid-19``, ``France 2``)
  and labels (``jour 302``, ``phase 2``, ``numéro un``) are not figures.  Durations and ages are returned
  with ``kind="duration"``/``"age"`` and source ``none``: they are never sourcing questions.
* Source: the innermost origin of the number.  In order: the quotation the figure sits in (its speaker);
  ``selon``/``d'après``/``pour X`` in the sentence (the nearest); ``cité/publié par X``; the subject of a
  verb of saying or reporting whose clause holds the figure (a pronoun subject is the last source that
  spoke); « X % des sondés » (a poll); the same value given earlier or later in the article; a percentage
  right after a study's figures.  Otherwise ``none``.
* Flags: ``hedged`` for a conditional verb form in the figure's clause (``aurait``, ``pourraient``,
  ``représenterait`` — read from the ending, not from the model's Mood), a hedging adverb, or an
  approximation; ``unverified_stated`` when a sentence says figures were not verified, applied to the figures
  it refers to (those ``publiés par X``, those in the sentence, or those of the sentence before).  A
  sentence stating an independent check makes its figures ``independent``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .lexicon import table, word_set
from .results import Figure, Person, Quote, Span
from .sources import PRONOUNS, acronym_classes, classify_name, classify_tokens, seat_at, source_nouns
from .sources import classify_tokens as _classify
from .text import Article, token_table

_ITEM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*|%|[€$£]")
_NUMBER_WORDS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90, "cent": 100, "cents": 100, "mille": 1000,
}
_MULTIPLIERS = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e12,
                "billions": 1e12, "mille": 1e3}
_APPROX_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                 "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
_FRACTIONS = {"tiers": 1 / 3, "quart": 0.25, "quarts": 0.25, "demi": 0.5, "cinquième": 0.2, "dixième": 0.1}
_MONTHS = {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
           "septembre", "octobre", "novembre", "décembre", "decembre",
           # the abbreviations of publication lines (« Publié le 26 févr. 2025 », Imprimerie nationale's list)
           "janv", "févr", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec"}
_DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
# Nouns that label an item by its number rather than count anything ("jour 302", "phase 2", "numéro un").
_LABELS = {"jour", "numéro", "n", "no", "page", "pages", "article", "chapitre", "phase", "saison", "épisode",
           "tome", "volume", "ligne", "niveau", "version", "acte", "lot", "section", "paragraphe", "alinéa",
           "étape", "match", "vol", "porte", "salle", "bus", "catégorie", "classe", "groupe", "zone", "terminal",
           "stade", "grade", "échelon", "hall", "pavillon", "bâtiment", "quai", "voie", "bloc", "box", "secteur", "années", "an", "printemps", "été", "automne", "hiver", "fin", "début",
           "mi", "depuis", "avant", "après", "dès", "en", "vers", "réf", "art"}
_YEAR_PREPOSITIONS = {"en", "depuis", "dès", "avant", "après", "vers", "de", "fin", "début", "mi", "à"}
_BETWEEN_TIME = {"derniers", "dernières", "premiers", "premières", "prochains", "prochaines", "longs",
                 "longues", "bons", "bonnes", "petits", "petites"}
_OF_WORD = re.compile(r" (?:d'|de |du )([^\W\d_]+)")
_RESPONDENTS = {"sondés", "sondées", "interrogés", "interrogées", "répondants", "répondantes", "questionnés"}
_SELON = {"selon", "d'après"}
_STOP_PHRASE = {",", ".", ";", ":", "(", ")", '"', "!", "?", "-"}
_PHRASE_BREAKERS = {"que", "qu'", "qui", "dans", "sur", "auprès", "lors", "pour", "avant", "après", "depuis"}
# Future/conditional stems that are not the infinitive (Bescherelle, conjugation tables).
_IRREGULAR_CONDITIONAL = ("aur", "ser", "pourr", "devr", "fer", "ir", "viendr", "voudr", "saur", "faudr",
                          "verr", "vaudr", "tiendr", "enverr", "courr", "mourr", "recevr", "apercevr", "pleuvr",
                          "vaudr", "assiér", "acquerr", "obtiendr", "deviendr", "maintiendr", "parviendr")


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("figure_units") if len(row) >= 2}


@lru_cache(maxsize=1)
def _approximations() -> tuple[str, ...]:
    return tuple(sorted(word_set("approximations"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _reporting_forms() -> dict[str, str]:
    """Written present, imperfect and participle forms of the reporting verbs -> lemma."""
    from .quote_verbs import _forms

    out: dict[str, str] = {}
    for lemma in word_set("reporting_verbs"):
        for form in _forms(lemma):
            out.setdefault(form, lemma)
    return out


def _verification_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row[0]), row[1]) for row in table("verification_phrases") if len(row) >= 2)


@lru_cache(maxsize=1)
def _saying_verbs() -> frozenset[str]:
    return word_set("speech_verbs") | word_set("reporting_verbs")


@dataclass
class _Candidate:
    start: int  # normalised offsets of the figure's text (approximation words included)
    end: int
    num_start: int
    value: float | None
    kind: str = "count"
    approx: bool = False
    approx_after: bool = False
    name_key: str = ""


@dataclass
class _Attribution:
    cls: str
    kind: str  # selon, relay, verb
    pos: int  # normalised offset of the cue
    cue: tuple[int, int]
    src: tuple[int, int] | None
    tokens: frozenset[int] = field(default_factory=frozenset)
    name: str | None = None
    gender: str | None = None
    attached: int | None = None  # for "cité par X": the token the participle qualifies
    subject_tree: frozenset[int] = field(default_factory=frozenset)  # a verb's whole subject phrase
    anaphoric: bool = False  # « d'après leurs données »: the source named before


@dataclass
class _Working:
    cand: _Candidate
    sent: int
    para: int
    anchor: object  # spaCy token
    source: str = "none"
    source_text: str | None = None
    source_span: Span | None = None
    cue: Span | None = None
    hedged: bool = False
    unverified: bool = False
    direct: bool = False  # sourced by its own sentence, not inherited


# --- numbers -------------------------------------------------------------------------------------------

def _digit_value(s: str) -> float | None:
    s = s.rstrip(".,")
    try:
        if "," in s:
            return float(s.replace(".", "").replace(",", "."))
        if "." in s:
            groups = s.split(".")
            if all(len(g) == 3 for g in groups[1:]):
                return float("".join(groups))
            return float(s)
        return float(s)
    except ValueError:
        return None


def _word_value(words: list[str]) -> float | None:
    total, current = 0, 0
    for w in words:
        for part in w.split("-"):
            if part == "et":
                continue
            n = _NUMBER_WORDS.get(part)
            if n is None:
                return None
            if n == 100:
                current = max(current, 1) * 100
            elif n == 1000:
                total += max(current, 1) * 1000
                current = 0
            elif part in ("vingt", "vingts") and current == 4:
                current = 80
            elif current >= 60 and current % 20 == 0 and n < 20 and current not in (100,):
                current += n
            else:
                current += n
    return float(total + current)


def _is_number_word(item: str) -> bool:
    return all(p in _NUMBER_WORDS or p == "et" for p in item.split("-")) and item != "et"


def _scan(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _ITEM.finditer(text)]


def _gap(text: str, items, i: int) -> str:
    """The characters between item i and item i+1."""
    return text[items[i][1]:items[i + 1][0]] if i + 1 < len(items) else ""


def _atom(text: str, items, i: int):
    """A number starting at item i: (last item index, value, is_digits) or None."""
    s, e, w = items[i]
    if w[0].isdigit():
        return i, _digit_value(w), True
    low = w.lower()
    if not _is_number_word(low):
        return None
    j = i
    words = [low]
    while j + 1 < len(items) and _gap(text, items, j).strip() == "":
        nxt = items[j + 1][2].lower()
        if _is_number_word(nxt) or (nxt == "et" and j + 2 < len(items)
                                    and items[j + 2][2].lower() in ("un", "une", "onze")):
            words.append(nxt)
            j += 1
            continue
        break
    return j, _word_value(words), False


def _candidates(article: Article, index: _Index) -> list[_Candidate]:
    text = article.norm.text
    low = text.lower()
    items = _scan(text)
    units = _units()
    out: list[_Candidate] = []
    i = 0
    n = len(items)
    while i < n:
        found = _atom(text, items, i)
        if found is None:
            half = _half_of(text, items, i)
            if half is not None:
                _add_approximation(low, half)
                out.append(half)
            i += 1
            continue
        j, value, digits = found
        if not digits and j == i and _nominalised(index, items, i):
            i += 1
            continue
        start, end = items[i][0], items[j][1]
        first_word = items[i][2].lower()
        kind = "count"
        approx = False
        multiplied = False
        special = False  # un/une/deux made into a figure by what follows
        k = j  # last item consumed

        def nxt(idx, allow=" "):
            if idx + 1 < n and text[items[idx][1]:items[idx + 1][0]] in allow:
                return items[idx + 1][2].lower()
            return None

        # Multiplier, "et demi", approximate nouns, fractions.
        w = nxt(k, (" ",))
        if w in _MULTIPLIERS and not (w == "mille" and not digits):
            value = value * _MULTIPLIERS[w] if value is not None else None
            k += 1
            multiplied = special = True
            if nxt(k) == "et" and k + 2 < n and items[k + 2][2].lower() == "demi":
                value = value + 0.5 * _MULTIPLIERS[w] if value is not None else None
                k += 2
        elif w is not None and w.rstrip("s") in _APPROX_NOUNS and value is not None:
            value = value * _APPROX_NOUNS[w.rstrip("s")]
            k += 1
            approx = special = True
        elif w in _FRACTIONS and value is not None and w != "demi":
            value = value * _FRACTIONS[w]
            kind = "proportion"
            k += 1
            special = True
            # A fraction of a time unit is a duration: "un quart d'heure", "trois quarts de siècle".
            m = _OF_WORD.match(low, items[k][1])
            if m and units.get(m.group(1)) == "duration":
                kind = "duration"
        # A proportion: "un Français sur sept", "3 personnes sur 10".
        if not special and value is not None:
            for skip in (1, 2):
                if k + skip + 2 <= n - 1 + 1 and k + skip + 1 < n and items[k + skip][2].lower() == "sur":
                    nxt_atom = _atom(text, items, k + skip + 1)
                    # The whole is larger than the part: « une enquête sur un réseau » is no proportion.
                    if nxt_atom and nxt_atom[1] and nxt_atom[1] > value:
                        if all(not items[k + t][2][0].isdigit() for t in range(1, skip)):
                            value = value / nxt_atom[1]
                            kind = "proportion"
                            k = nxt_atom[0]
                            special = True
                    break
        if not digits and not special and (first_word in ("un", "une", "deux") or value is None):
            # "au moins deux", "plus de deux": an approximator makes a bare "deux" a count.
            if not (first_word == "deux" and value is not None and (_approximated(low, start)
                                                                    or _counting_deux(index, items, i, j, units))):
                i = j + 1
                continue
        end = items[k][1]
        # Percent sign or "pour cent".
        if k + 1 < n and items[k + 1][2] == "%" and text[end:items[k + 1][0]].strip() == "":
            kind = "percent"
            k += 1
            end = items[k][1]
        elif low.startswith(" pour cent", end):
            kind = "percent"
            end += len(" pour cent")
            while k + 1 < n and items[k + 1][0] < end:
                k += 1
        # A range: "20 à 30 000", "15-75", "0,3 % à 0,75 %", "entre 6 et 8".
        if k + 1 < n and value is not None:
            sep = text[end:items[k + 1][0]]
            word = items[k + 1][2].lower()
            rng = None
            if sep == "-" and digits and items[k + 1][2][0].isdigit():
                rng = k + 1
            elif sep == " " and word in ("à", "et") and k + 2 < n and text[items[k + 1][1]:items[k + 2][0]] == " ":
                if word == "à" or low[max(0, start - 6):start].strip().endswith("entre"):
                    rng = k + 2
            if rng is not None and sep == "-" and not _counts_something(article, index, items, rng, units):
                # "3-1", "1-2 face à": two numbers joined by a hyphen that count nothing are a score.
                i = rng + 1
                continue
            if rng is not None:
                second = _atom(text, items, rng)
                if second and second[1] is not None and (second[2] == digits):
                    k2, v2 = second[0], second[1]
                    w2 = nxt(k2, (" ",))
                    if w2 in _MULTIPLIERS and (digits or w2 != "mille"):
                        v2 *= _MULTIPLIERS[w2]
                        k2 += 1
                    if k2 + 1 < n and items[k2 + 1][2] == "%" and text[items[k2][1]:items[k2 + 1][0]].strip() == "":
                        kind = "percent"
                        k2 += 1
                    if v2 > value or kind == "percent":
                        value = max(value, v2)
                        k = k2
                        end = items[k][1]
        # What the number counts: a unit decides the kind (money, measure, duration, ratio).
        if kind == "count":
            u = nxt(k, (" ",))
            if u in ("de", "d") and multiplied:
                u = items[k + 2][2].lower() if k + 2 < n else None
            elif u in _BETWEEN_TIME and k + 2 < n and units.get(items[k + 2][2].lower()) == "duration":
                u = items[k + 2][2].lower()
            elif u in ("et", "ou", "à") and k + 3 < n and _atom(text, items, k + 2) is not None \
                    and items[k + 3][2].lower() in units:
                u = items[k + 3][2].lower()  # "âgés de 22 et 24 ans": both numbers count the same unit
            if u is not None and u in units and units[u] != "percent":
                kind = units[u]
                if kind == "ratio" and multiplied:
                    kind = "count"
            elif u == "point" or u == "points":
                kind = "percent"
            elif re.match(r"[ \u00a0\u202f]?°", text[end:end + 2]):
                kind = "measure"  # a temperature (« 11 °C »), a measure like any other
        cand = _Candidate(start, end, start, value, kind, approx)
        if not _excluded(article, index, items, i, k, cand, digits):
            _add_approximation(low, cand)
            if kind == "duration" and _is_age(index, low, cand):
                cand.kind = "age"
            if low.startswith(" environ", end):
                cand.approx = cand.approx_after = True
            cand.name_key = low[cand.num_start:items[min(k + 3, n - 1)][1]]
            out.append(cand)
        i = k + 1
    return out


def _half_of(text: str, items, i: int) -> _Candidate | None:
    """« la moitié du maïs », « plus de la moitié des salles »: a fraction word quantifying a noun.
    « à moitié isolés » (an adverb of degree) is not a figure."""
    if items[i][2].lower() != "moitié" or not i or items[i - 1][2].lower() != "la" \
            or text[items[i - 1][1]:items[i][0]] != " ":
        return None
    if not re.match(r" (?:de |du |des |d')", text[items[i][1]:items[i][1] + 5].lower()):
        return None
    return _Candidate(items[i - 1][0], items[i][1], items[i - 1][0], 0.5, "proportion",
                      name_key=text[items[i - 1][0]:items[i][1]].lower())


# A number word after a singular definite article that the tagger does not read as a number is a noun or an
# adjective made into a noun: « dans le neuf » (new-build housing), « du neuf ».
_NOMINALISING = {"le", "du", "au"}


def _nominalised(index: _Index, items, i: int) -> bool:
    if not i or items[i - 1][2].lower() not in _NOMINALISING:
        return False
    tok = index.token(items[i][0])
    return tok is not None and tok.idx == items[i][0] and tok.pos_ in ("NOUN", "ADJ") \
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].pos_ not in ("NOUN", "PROPN"))


# Capitalised words that open a phrase before a number without naming anything ("Les 14 victimes").
_NOT_NAME_WORDS = {"les", "des", "ces", "ses", "leurs", "nos", "vos", "aux", "sur", "près", "plus", "moins",
                   "environ", "quelque", "pour", "par", "avec", "sans", "dans", "entre", "vers", "depuis",
                   "contre", "selon", "après", "avant", "chez", "sous", "parmi", "dès", "une", "un", "the",
                   "devant", "derrière", "face", "jusqu'", "jusqu'à", "voici", "voilà", "soit"}


def _excluded(article: Article, index: _Index, items, i: int, k: int, cand: _Candidate, digits: bool) -> bool:
    """Dates, years, times, ordinals, labels, names and slogans are not figures."""
    text = article.norm.text
    start, end = items[i][0], cand.end
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "-/_":
        return True
    # « 12/05/2025 », « 08:47 »: the parts of a numeric date or of a clock time (a publication line)
    if digits and before == ":" and start >= 2 and text[start - 2].isdigit():
        return True
    if digits and (after.isalpha() or (after in ":h/" and end + 1 < len(text) and text[end + 1].isdigit())):
        return True
    if after == "°":
        return True
    # A score: "3-1" (an ascending pair that counts something is a range and was consumed as one).
    if digits and after == "-" and end + 1 < len(text) and text[end + 1].isdigit():
        return True
    nxt_gap = text[end:items[k + 1][0]] if k + 1 < len(items) else ""
    # Clock times: "17 h", "1 h 30", "18 h 45" (and the minutes after "h").
    if digits and nxt_gap == " " and items[k + 1][2] == "h":
        return True
    if digits and i >= 2 and items[i - 1][2] == "h" and text[items[i - 1][1]:start] == " " \
            and items[i - 2][2][0].isdigit():
        return True
    # A number with a dot and one or two digits after it is a section or article number ("49.3", "3.2"):
    # French decimals take a comma and thousands a group of three.
    word = items[i][2]
    if digits and "." in word and 1 <= len(word.rsplit(".", 1)[1]) <= 2 and cand.kind == "count" \
            and (i + 1 >= len(items) or items[i + 1][2].lower() not in _MULTIPLIERS):
        return True
    prev = items[i - 1][2].lower() if i else ""
    prev_gap = text[items[i - 1][1]:start] if i else ""
    nxt = items[k + 1][2].lower() if k + 1 < len(items) else ""
    if nxt in _MONTHS or (prev in _DAYS and prev_gap == " "):
        return True
    # "les 9 et 10 septembre", "du 3 au 5 mai": the first day of a pair of dates
    if digits and nxt in ("et", "au", "ou") and k + 3 < len(items) + 1 and k + 2 < len(items) and \
            items[k + 2][2][:1].isdigit() and k + 3 < len(items) and items[k + 3][2].lower() in _MONTHS:
        return True
    if prev in ("n", "no") and prev_gap in ("°", "° ", ". ", " "):
        return True
    if prev in _LABELS - _YEAR_PREPOSITIONS - {"années", "an"} and prev_gap == " ":
        return True
    # A telephone number: « un appel au 15 », « le numéro national 3018 », « composer le 17 »
    before2 = [items[x][2].lower() for x in range(max(0, i - 3), i)]
    if digits and (("au" in before2[-1:] or "le" in before2[-1:]) and any(w in ("appel", "appeler", "composer",
                                                                                  "composant") for w in before2)
                   or "numéro" in before2 and word.isdigit() and len(word) <= 5):
        return True
    # « sept jours sur sept », « 24 heures sur 24 »: a phrase of constancy, not a count
    if k + 3 < len(items) + 1 and k + 3 <= len(items) - 1 and items[k + 2][2].lower() == "sur" and \
            items[k + 3][2].lower() == word.lower():
        return True
    if i >= 3 and prev == "sur" and items[i - 3][2].lower() == word.lower():
        return True
    # « les Vingt-Sept »: a number word written with a capital inside a sentence is a name
    if not digits and word[:1].isupper() and i and text[items[i - 1][1]:start].strip() == "" and \
            items[i - 1][2][:1].islower() or not digits and word[:1].isupper() and prev in ("les", "des", "aux"):
        return True
    # Years: a bare four-digit integer not followed by what it counts.
    if digits and word.isdigit() and len(word) == 4 and 1000 <= int(word) <= 2100 and cand.kind == "count":
        original = article.text[article.span(start, items[i][1]).start:article.span(start, items[i][1]).end]
        if " " not in original.strip() and "\u00a0" not in original and "\u202f" not in original:
            tok = _token_after(index, cand.end)
            if tok is None or tok.pos_ not in ("NOUN",) or tok.lower_ in _MONTHS or prev in ("années", "an"):
                return True
    if digits and word.isdigit() and len(word) == 2 and prev == "années":
        return True
    if prev in _MONTHS and digits and prev_gap == " ":  # "mai 2024", not "publiée en mai, 28 %"
        return True
    # A name: "France 2", "Airbus A320" — a capitalised word right before, inside the sentence.
    if digits and i and prev_gap == " " and items[i - 1][2][:1].isupper():
        tok = index.token(items[i - 1][0])
        # ("Top 14": the tagger reads the capitalised word as anything, a determiner even)
        named = tok is not None and (tok.pos_ in ("PROPN", "NOUN", "X") or tok.pos_ in ("DET", "ADP", "ADJ")
                                     and tok.lower_ not in _NOT_NAME_WORDS and len(tok.text) > 2)
        if named and not tok.is_sent_start:
            return True
        # At the start of a sentence or title too ("Ligue 1 : …"), unless the word is an approximation.
        if named and tok.is_sent_start and not _is_number_word(tok.lower_) \
                and tok.lower_ not in _approximation_words() and (tok.pos_ in ("PROPN", "NOUN")
                                                                  or nxt_gap.strip()[:1] in (":", "")):
            return True  # ("Top 14 : …" opening a title; "Devant 11 200 spectateurs" counts them)
    # A slogan or label in quote marks: "'100% bio'".
    if before in "'\"" and (start < 2 or not text[start - 2].isalpha()):
        close = text.find(before, end, end + 25)
        if close != -1 and len(text[start:close].split()) <= 3:
            return True
    return False


def _counts_something(article: Article, index: _Index, items, j: int, units) -> bool:
    """Whether the number at item j is followed by a unit or a counted noun ("12-17 ans", "15-20 euros")."""
    second = _atom(article.norm.text, items, j)
    if second is None or second[0] + 1 >= len(items):
        return False
    nxt = items[second[0] + 1]
    if nxt[2].lower() in units or nxt[2].lower() in _MULTIPLIERS:
        return True
    tok = index.token(items[second[0]][0])
    return tok is not None and tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.idx == nxt[0]


@lru_cache(maxsize=1)
def _approximation_words() -> frozenset[str]:
    return frozenset(w for phrase in _approximations() for w in phrase.split())


# Words before "deux" that make it part of a fixed or definite phrase ("les deux sens", "à deux reprises").
_NOT_BEFORE_DEUX = {"les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "tes", "aux", "à", "au", "entre",
                    "en", "par", "tous", "toutes", "ce", "d", "de", "l"}


def _counting_deux(index: _Index, items, i: int, j: int, units) -> bool:
    """"Deux hommes ont été interpellés": a bare "deux" opening a noun phrase counts people or things."""
    if i and items[i - 1][2].lower() in _NOT_BEFORE_DEUX:
        return False
    if j + 1 >= len(items) or units.get(items[j + 1][2].lower()) == "ratio":
        return False
    tok = index.token(items[j + 1][0])
    return tok is not None and tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number") \
        and index.token(items[i][0]).head.i == tok.i


def _approximated(low: str, start: int) -> bool:
    probe = _Candidate(start, start, start, None)
    _add_approximation(low, probe)
    return probe.approx


def _add_approximation(low: str, cand: _Candidate) -> None:
    for phrase in _approximations():
        sep = "" if phrase.endswith("'") else " "
        probe = phrase + sep
        s = cand.start - len(probe)
        if s >= 0 and low.startswith(probe, s) and (s == 0 or not low[s - 1].isalnum()):
            cand.start = s
            cand.approx = True
            return


def _is_age(index: _Index, low: str, cand: _Candidate) -> bool:
    """Ages: "l'homme de 70 ans", "X, 23 ans", "les 65 ans et plus", "des 15-75 ans", "âgé de 4 ans"."""
    unit_pos = low.find(" an", cand.end)
    if not (cand.end <= unit_pos <= cand.end + 12):
        return False
    before = low[max(0, cand.start - 30):cand.start].rstrip()
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last in ("les", "des", "aux") or before.endswith(",") or before.endswith("âge de") or "âgé" in last:
        return True
    if last in ("de", "d'") and len(words) >= 2:
        if "âgé" in words[-2]:
            return True
        tok = index.token(cand.start - len("de ") - 1 - len(words[-2]) + 1)
        if words[-2] in ("près", "plus", "moins", "pendant", "depuis", "durant", "environ", "ans", "mois"):
            return False
        return tok is None or tok.pos_ in ("NOUN", "PROPN")
    return False


# --- parse helpers -------------------------------------------------------------------------------------

def _inside_quote_mark(doc, i: int) -> bool:
    """A cut right after a quote mark that follows a word, not a full stop: « l'émission "Les …" » opens
    a title inside the sentence."""
    return doc[i - 1].text == '"' and i >= 2 and doc[i - 2].text[-1:] not in (".", "!", "?", "…", '"', ":") \
        and not doc[i - 2].is_punct


class _Index:
    """Character → token and sentence lookups over the parse, built once per article."""

    def __init__(self, article: Article):
        doc = article.doc
        self.doc = doc
        self.starts = token_table(doc).idx
        origin = article.norm.origin
        self.para_starts = [p.start for p in article.paragraphs]
        para_norm = [bisect_right(origin, p) - 1 for p in self.para_starts]
        # Sentences never cross a paragraph break: spaCy does not always cut at a single line break.
        # and a cut the parser makes after a word that cannot end a sentence ("NAGE - Plus d'un …") is undone.
        final = {".", "!", "?", "…", ":", '"', ")", ";"}
        # A cut before a lower-case word inside a paragraph is undone too ("« … » selon le magazine").
        cuts = {s.start for s in doc.sents if s.start == 0 or "\n" in doc[s.start - 1].text_with_ws
                or doc[s.start - 1].is_space
                or (doc[s.start - 1].text[-1:] in final and not doc[s.start].text[:1].islower()
                    and not _inside_quote_mark(doc, s.start))}
        cuts = sorted(cuts | {self.token_index(pos) for pos in para_norm if pos >= 0} | {0})
        self.sents = [doc[a:b] for a, b in zip(cuts, cuts[1:] + [len(doc)]) if b > a]
        self.sent_starts = [s.start_char for s in self.sents]
        self.article = article

    def token_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def token(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def para_index(self, norm_pos: int) -> int:
        orig = self.article.span(norm_pos, norm_pos + 1).start
        return max(0, bisect_right(self.para_starts, orig) - 1)


def _token_after(index: _Index, pos: int):
    tok = index.token(pos)
    if tok is None:
        return None
    while tok.idx + len(tok.text) <= pos and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
        if tok.idx >= pos:
            return tok
    return tok if tok.idx >= pos else None


def _phrase_after(doc, i: int, limit: int = 12) -> list:
    """Tokens of the noun phrase starting at token i, up to punctuation or a clause word."""
    out = []
    for tok in doc[i:min(len(doc), i + limit)]:
        # (a hyphen inside a name, « Météo-France », is part of it)
        joined = tok.text == "-" and out and not out[-1].whitespace_ and not tok.whitespace_
        if tok.text in _STOP_PHRASE and not joined or tok.is_sent_start and out:
            break
        if out and (tok.lower_ in _PHRASE_BREAKERS or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "acl")):
            break
        out.append(tok)
    return out


def _subject_phrase(tok) -> list:
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("flat:name", "appos", "nmod", "amod", "case",
                                                                   "det", "fixed", "flat")]
    # Keep the contiguous run that contains the head noun.
    toks.sort(key=lambda t: t.i)
    run = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            if run[-1].i >= tok.i:
                break
            run = []
        run.append(t)
    return [t for t in run if not t.is_punct]


def _is_conditional(tok) -> bool:
    w = tok.lower_
    if tok.pos_ not in ("VERB", "AUX") or not (w.endswith("rait") or w.endswith("raient")):
        return False
    stem = w[:-3] if w.endswith("ait") else w[:-5]
    lemma = tok.lemma_.lower()
    if lemma and stem == lemma[:-2]:  # imparfait of a verb whose stem ends in r: "tirait", "déclarait"
        return False
    return True


def _clause_path(tok) -> list:
    """The figure's token and its governors up to the head of its clause."""
    path = [tok]
    cur = tok
    for _ in range(12):
        if cur.head is cur:
            break
        cur = cur.head
        path.append(cur)
        if cur.pos_ in ("VERB", "AUX") and (cur.dep_.startswith("acl") or "Fin" in cur.morph.get("VerbForm")):
            break
        if cur.pos_ in ("VERB", "ADJ", "AUX") and any(c.dep_ in ("aux", "aux:tense", "aux:pass", "cop")
                                                      and "Fin" in c.morph.get("VerbForm") for c in cur.children):
            break
    return path


# Verbs whose object is a bound, not a value (Le Petit Robert: « dépasser », « frôler », « avoisiner »): the figure
# is approximate, like « plus de » or « près de ».
_BOUND_VERBS = {"dépasser", "excéder", "frôler", "avoisiner", "approcher"}


# Verbs that put a value on something rather than count it (Le Petit Robert: « estimer » 1, « évaluer » 1,
# « fixer approximativement la valeur de »): « estimé à 15 millions d'euros » is an estimate.
_ESTIMATE_VERBS = {"estimer", "évaluer"}


def _estimated(anchor) -> bool:
    """« La fortune est estimée à 15 millions », « le ministère l'évalue à 180 millions »: the figure is the
    value the verb puts on something (its « à » complement)."""
    head = anchor.head if anchor.dep_ == "nummod" else anchor
    node = head if any(c.lower_ == "à" and c.dep_ == "case" for c in head.children) else None
    return node is not None and node.head.lemma_ in _ESTIMATE_VERBS and node.dep_ in ("obl:arg", "obl:mod", "obj")


def _hedged(anchor) -> bool:
    hedges = word_set("hedges")
    verb = None
    if anchor is not None and anchor.dep_ == "obj":
        verb = anchor.head
    elif anchor is not None and anchor.dep_ == "nummod" and anchor.head.dep_ == "obj":
        verb = anchor.head.head
    if anchor is not None and _estimated(anchor):
        return True
    if verb is not None and verb.lemma_ in _BOUND_VERBS and \
            not any(c.morph.get("Polarity") == ["Neg"] for c in verb.children):
        return True  # « le préjudice dépasse 480 000 euros » (« ne dépassait pas 8 % » states a maximum)
    for node in _clause_path(anchor):
        if _is_conditional(node):
            return True
        for c in node.children:
            if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop") and _is_conditional(c):
                return True
            if c.dep_ == "advmod" and c.lower_ in hedges:
                return True
        if node.head.lemma_ in ("pouvoir", "devoir", "sembler") and node.dep_ == "xcomp" and _is_conditional(node.head):
            return True
    return False


# --- attributions --------------------------------------------------------------------------------------

def _attributions(article: Article, index: _Index, people: list[Person],
                  acronyms: dict[str, str]) -> list[_Attribution]:
    """Every attribution cue of the article, in text order."""
    doc = article.doc
    text = article.norm.text  # (the parsed text, read once: Doc.text is rebuilt on every access)

    def classify_tokens(phrase, people):
        return _classify(phrase, people, acronyms)

    verbs = _saying_verbs()
    out: list[_Attribution] = []

    def add(cls_tok, kind, cue_tokens, phrase):
        if cls_tok is None:
            return
        cls, tok = cls_tok
        if cls == "own":
            cls = "none"
        first, last = cue_tokens[0], cue_tokens[-1]
        src = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)) if phrase else None
        name = None
        gender = None
        if cls == "person":
            from .sources import _person_name
            name = _person_name(phrase, people)
            for p in people:
                if p.name == name:
                    gender = p.gender
            if _holds_public_office(name, people):
                cls = "official"
        if cls == "pronoun":
            gender = PRONOUNS.get(tok.lower_)
        elif gender is None and cls in ("official", "media", "study", "anonymous") and tok.pos_ == "NOUN":
            # « la magistrate », « la police »: the grammatical gender a later « il »/« elle » must agree with
            g = tok.morph.get("Gender")
            gender = {"Fem": "f", "Masc": "m"}.get(g[0]) if g else None
        if cls == "study" and _refers_back(tok, phrase):
            # "d'après les calculs de l'institut": the institute named before, not any institute.
            named = next((a for a in reversed(out) if a.cls in ("official", "study") and a.src
                          and any(ch.isupper() for ch in text[a.src[0]:a.src[1]])), None)
            if named is not None:
                cls = named.cls
        out.append(_Attribution(cls, kind, first.idx, (first.idx, last.idx + len(last.text)), src,
                                frozenset(t.i for t in phrase), name, gender))

    # Most words start no cue: read the strings once and build a Token only for those that might.
    triggers = _SELON | {"après", "source", "sources", "dans", "lors", "pour", "par"}
    reporting_words = word_set("reporting_verbs")
    forms = _reporting_forms()
    for i, (low, pos, lemma) in enumerate(_token_strings(doc)):
        if low not in triggers and (pos not in ("VERB", "NOUN", "ADJ") or pos != "VERB" and low not in forms and
                                    not (_lemmas_of(low, lemma) & reporting_words)):
            continue
        tok = doc[i]
        # selon X, d'après X, pour X (at the start of a clause)
        if low in _SELON or (low == "après" and tok.i and doc[tok.i - 1].lower_ == "d'"):
            phrase = _phrase_after(doc, tok.i + 1)
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("lequel", "laquelle", "lesquels", "lesquelles",
                                                                  "qui"):
                # « ceux du Baromètre de Santé publique France, selon lequel 30 % … »: the antecedent
                phrase = _relative_antecedent(doc, doc[tok.i - 1] if low == "après" else tok)
                while phrase and phrase[0].pos_ == "ADP":
                    phrase = phrase[1:]
            cue = [doc[tok.i - 1], tok] if low == "après" else [tok]
            found = classify_tokens(phrase, people)
            if found is None or (found[0] == "person" and not any(p.name in text[phrase[0].idx:phrase[-1].idx + 1
                                                                                              + len(phrase[-1].text)]
                                                                  for p in people)):
                # An unknown name (or one the NER took for a person) described by an organisation apposition.
                app = _apposition_class(doc, phrase, people, acronyms)
                if app is not None and (found is None or app[0] in ("official", "media")):
                    found = app
            if found is None and _anaphoric(phrase) and phrase[0].lower_ in ("son", "sa", "ses", "leur", "leurs"):
                # « X revendique …, selon ses comptes publiés »: the owner is the subject of the sentence
                owner = _sentence_subject(doc, tok)
                # (« Selon ses estimations, environ 60 % des électeurs … »: a figure owns no estimates)
                if owner is not None and not any(t.like_num for t in _subject_phrase(owner)):
                    owned = _classify(_subject_phrase(owner), people, acronyms)
                    if owned is not None and owned[0] in ("official", "media", "study", "person"):
                        add(owned, "selon", cue, _subject_phrase(owner))
                        continue
            if found is None and _anaphoric(phrase):
                named = next((a for a in reversed(out) if a.cls not in ("none", "pronoun") and a.src), None)
                if named is not None:
                    out.append(replace(named, kind="selon", pos=cue[0].idx,
                                       cue=(cue[0].idx, phrase[-1].idx + len(phrase[-1].text)),
                                       tokens=frozenset(t.i for t in phrase), subject_tree=frozenset(),
                                       anaphoric=True))
                continue
            add(found, "selon", cue, phrase)
            continue
        # « De source syndicale, … », « de sources policières »: an unnamed source of a kind
        if low in ("source", "sources") and tok.i and doc[tok.i - 1].lower_ == "de" and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].pos_ == "ADJ" and not doc[tok.i + 1].lower_.startswith("indépendant"):
            # (« vérifié de source indépendante » is a verification, read elsewhere)
            cls = "official" if doc[tok.i + 1].lower_.startswith("officiel") else "anonymous"
            add((cls, tok), "selon", [doc[tok.i - 1], tok], [tok, doc[tok.i + 1]])
            continue
        if low in ("dans", "lors") and tok.i + 2 < len(doc):
            j = tok.i + 1 if low == "dans" else tok.i + 2
            phrase = _phrase_after(doc, j, 8)
            found = classify_tokens(phrase, people)
            # A judicial « enquête » (classified official by its context) frames its figures too.
            if found and found[1].pos_ == "NOUN" and (found[0] == "study" or (
                    found[0] == "official" and found[1].lemma_.lower() == "enquête")):
                add(found, "dans", [tok], phrase)
            continue
        if low == "pour" and (tok.i == 0 or doc[tok.i - 1].text in (",", '"') or doc[tok.i - 1].is_sent_start
                              or tok.is_sent_start or doc[tok.i - 1].is_space):
            phrase = _phrase_after(doc, tok.i + 1, 8)
            after = phrase[-1].i + 1 if phrase else len(doc)
            if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
                after += 3  # « Pour l'Observatoire français des conjonctures économiques (OFCE), … »
            if phrase and after < len(doc) and doc[after].text == ",":
                if not any(t.like_num for t in phrase):
                    found = classify_tokens(phrase, people)
                    if found and found[0] in ("official", "media", "study", "anonymous", "person", "pronoun"):
                        add(found, "pour", [tok], phrase)
            continue
        # l'annonce par X de …: the noun of a reporting verb with its agent
        if low == "par" and tok.i and doc[tok.i - 1].pos_ == "NOUN" and doc[tok.i - 1].lemma_.lower() + "r" in verbs:
            phrase = _phrase_after(doc, tok.i + 1)
            add(classify_tokens(phrase, people), "relay", [doc[tok.i - 1], tok], phrase)
            if out and out[-1].kind == "relay":
                out[-1].attached = doc[tok.i - 1].i
            continue
        # cité par X, publiés par X
        if low == "par" and tok.i and doc[tok.i - 1].pos_ in ("VERB", "ADJ") and \
                doc[tok.i - 1].lemma_ in verbs | {"citer", "publier", "reprendre", "relayer", "fournir",
                                                  "diffuser", "avancer", "communiquer", "dévoiler"} and \
                "Part" in doc[tok.i - 1].morph.get("VerbForm"):
            phrase = _phrase_after(doc, tok.i + 1)
            add(classify_tokens(phrase, people), "relay", [doc[tok.i - 1], tok], phrase)
            if out and out[-1].kind == "relay":
                out[-1].attached = doc[tok.i - 1].head.i
            continue
        # « évalué à 12 milliards d'euros par la Commission »: the agent of a passive reporting verb, written
        # after the figure, is its source (the parse hangs the agent on the participle, not on « par »)
        # (or a « par » phrase the parse left as a modifier of a passive: « ont été évalués à … par les assureurs »)
        agent_of = tok.head.head if tok.head.dep_ == "obl:agent" or tok.head.dep_ == "obl:mod" and any(
            c.dep_ == "aux:pass" for c in tok.head.head.children) else None
        if low == "par" and agent_of is not None and agent_of.pos_ in ("VERB", "ADJ") and \
                agent_of.lemma_ in verbs and "Part" in agent_of.morph.get("VerbForm") and agent_of.i < tok.i:
            phrase = _phrase_after(doc, tok.i + 1)
            add(classify_tokens(phrase, people), "relay", [agent_of, tok], phrase)
            if out and out[-1].kind == "relay":
                out[-1].attached = agent_of.i
            continue
        reporting = _verb_lemmas(tok) & word_set("reporting_verbs")
        # "X, la plus touchée, chiffre ses pertes à …": a present form the tagger took for a noun.
        # A "noun" with a subject of its own is a verb too (« Le syndicat X avance pour sa part le chiffre de 40 »).
        as_noun = tok.pos_ == "NOUN" and reporting and tok.i and doc[tok.i - 1].pos_ not in ("DET", "ADP") and (
            (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "DET")
            or any(c.dep_ == "nsubj" for c in tok.children))
        # ("l'entreprise revendique 1 200 communes": a present form the tagger read as an adjective)
        # (« Le SNUipp-FSU, premier syndicat du primaire, revendique de son côté 45 % »: or with an object)
        as_form = tok.pos_ in ("ADJ", "NOUN") and tok.text.islower() and _reporting_forms().get(tok.lower_) \
            and any(c.dep_ == "nsubj" or c.dep_ == "obj" and tok.pos_ == "ADJ" for c in tok.children)
        # (« Le syndicat chiffre à 4 000 le nombre de … »: the form the tagger read as a noun, between its
        # subject noun and « à »)
        as_form = as_form or tok.pos_ in ("ADJ", "NOUN") and tok.text.islower() and \
            _reporting_forms().get(tok.lower_) in ("chiffrer", "évaluer", "estimer") and tok.i + 1 < len(doc) and \
            doc[tok.i + 1].lower_ in ("à", "au", "aux") and tok.i and doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
        if as_form:
            reporting = {_reporting_forms()[tok.lower_]}
            as_noun = True
        if not as_noun and (tok.pos_ != "VERB" or not (_verb_lemmas(tok) & verbs)):
            continue
        if tok.lemma_ == "faire" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "état"):
            continue
        separated_aux = _separated_auxiliary(doc, tok)
        if "Part" in tok.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in tok.children) \
                and separated_aux is None:
            continue
        found, phrase = _verb_subject(doc, tok, people, acronyms)
        if found is None:
            found, phrase = _entity_before(doc, tok, people, acronyms)
        if found is None and (as_noun or separated_aux is not None):
            found, phrase = _surface_subject(doc, index, separated_aux or tok, people, acronyms)
        if found is None:
            continue
        after = doc[tok.i + 1:tok.i + 5]
        introduces = any(t.lower_ in ("que", "qu'") for t in after) or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":")
        incise = bool(phrase) and phrase[0].i > tok.i or found[0] == "pronoun" and phrase and phrase[0].i > tok.i
        before_comma = tok.i > 0 and (doc[tok.i - 1].text in (",", '"') or
                                      (doc[tok.i - 1].pos_ == "AUX" and tok.i > 1 and doc[tok.i - 2].text in (",", '"')))
        if not (introduces or incise or before_comma or reporting):
            continue
        cue = [t for t in tok.children if t.dep_.startswith("aux") and t.i < tok.i] + [tok]
        cue.sort(key=lambda t: t.i)
        add(found, "verb", cue, phrase)
        if out and out[-1].kind == "verb" and phrase:
            # "L'entreprise, quatrième opérateur avec 6,1 millions d'abonnés, a confirmé …": a figure that
            # describes the speaker is not what the speaker says.
            top = next((t for t in phrase if t.head.i not in {p.i for p in phrase} or t.head is t), phrase[0])
            clauses = {t.i for c in top.subtree if c.dep_.startswith("acl") for t in c.subtree}
            tree = frozenset(t.i for t in top.subtree) - clauses
            # A study's subject describes its own data (« les chercheurs, avec 28 enfants, ont présenté »).
            if tok.i not in tree and out[-1].cls != "study":
                out[-1].subject_tree = tree
    out.extend(_impersonal(article, index))
    out.sort(key=lambda a: a.pos)
    return out


_ANAPHORIC_DETS = {"leur", "leurs", "son", "sa", "ses", "ce", "cet", "cette", "ces"}


def _sentence_subject(doc, tok):
    """The nominal subject of the main verb of tok's sentence (a name or a noun), if the parse gives one."""
    root = tok.sent.root
    heads = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for h in heads:
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


def _anaphoric(phrase) -> bool:
    """« d'après leurs données », « selon ces chiffres », « selon ses prévisions »: figures of a source that
    the sentence does not name again (a neutral noun, a possessive or demonstrative, nothing else)."""
    words = [t for t in phrase if not t.is_punct]
    if len(words) < 2 or words[0].lower_ not in _ANAPHORIC_DETS:
        return False
    from .sources import _noun_class
    return _noun_class(words[1]) == "neutral" and not any(
        t.pos_ == "PROPN" or t.ent_type_ or _noun_class(t) not in (None, "neutral") for t in words[2:])


def _refers_back(tok, phrase) -> bool:
    """« l'institut », « l'organisme »: a definite organisation noun with no name or complement of its own."""
    from .sources import _organisation_nouns
    return (tok.lemma_.lower() in _organisation_nouns() and any(d.lower_ in ("le", "la", "l'", "l’") for d in tok.children
                                                                 if d.dep_ == "det")
            and not any(t.i > tok.i and (t.pos_ in ("PROPN", "ADJ", "NOUN") or t.text[:1].isupper()) for t in phrase))


_AUXILIARY_FORMS = {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "est", "sont", "était",
                    "étaient"}


def _separated_auxiliary(doc, verb):
    """The auxiliary of a participle the parser left without one: "X a de son côté demandé …"."""
    if "Part" not in verb.morph.get("VerbForm"):
        return None
    for j in range(verb.i - 1, max(-1, verb.i - 6), -1):
        t = doc[j]
        if t.lower_ in _AUXILIARY_FORMS:
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "!", "?", '"') or t.is_sent_start:
            return None
    return None


def _dateline(doc, tok) -> bool:
    """« TOULOUSE — Après … »: the place a dispatch was filed from, not a subject."""
    return tok.text.isupper() and len(tok.text) > 1 and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("—", "–", "-")


def _entity_before(doc, verb, people, acronyms):
    """A named organisation right before the verb, opening its clause, that the parser did not make the
    subject (« …, Météo-France prévoit un été chaud »: the hyphenated name split into an oblique)."""
    if verb.i == 0:
        return None, []
    end = verb.i - 1
    # A subject the parser found before the comma, or inside a prepositional phrase (« Après un printemps
    # marqué par …, X prévoit »), leaves the name right before the verb as the real subject.
    if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and not _dateline(doc, c)
           and not (c.i < end and any(g.dep_ == "case" for g in c.children)) for c in verb.children):
        return None, []
    if doc[end].ent_type_ not in ("ORG", "MISC"):
        return None, []
    start = end
    while start > 0 and doc[start - 1].ent_type_ == doc[end].ent_type_ and doc[start].ent_iob_ != "B":
        start -= 1
    if start > 0 and not (doc[start - 1].text in (",", ";", ":") or doc[start - 1].is_sent_start
                          and doc[start - 1].is_punct):
        if doc[start].is_sent_start:
            pass
        else:
            return None, []
    phrase = list(doc[start:end + 1])
    found = _classify(phrase, people, acronyms)
    if found is None or found[0] not in ("official", "media", "study"):
        return None, []
    return found, phrase


def _surface_subject(doc, index, first, people, acronyms):
    """The sentence's opening noun phrase as the subject of its main verb when the parse lost it:
    "La compagnie X, la plus touchée, chiffre …", "L'aéroport de Y a de son côté demandé …"."""
    sent = index.sents[index.sent_index(first.idx)]
    if sent.start >= first.i or doc[sent.start].pos_ not in ("DET", "PROPN", "NOUN"):
        return None, []
    # (the verb the tagger read as a noun ends the phrase: « Le syndicat chiffre à … »)
    phrase = [t for t in _phrase_after(doc, sent.start) if t.i < first.i]
    if not phrase:
        return None, []
    between = doc[phrase[-1].i + 1:first.i]
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between) \
            or any(t.lower_ in ("que", "qu'", "qui", "si", "quand", "lorsque") for t in between):
        return None, []
    found = _classify(phrase, people, acronyms)
    if found is None or found[0] in ("pronoun", "own"):
        return None, []
    return found, phrase


def _apposition_class(doc, phrase, people, acronyms):
    """"Selon X, l'organisme européen chargé de …, …": a name the lexicon does not know takes the class of
    the apposition that describes it (closed by a comma before any finite verb)."""
    if not phrase or phrase[-1].i + 2 >= len(doc) or doc[phrase[-1].i + 1].text != ",":
        return None
    start = phrase[-1].i + 2
    for j in range(start, min(len(doc), start + 25)):
        t = doc[j]
        if t.text == ",":
            found = _classify(_phrase_after(doc, start), people, acronyms)
            if found and found[0] in ("official", "media", "study"):
                return found[0], phrase[0]
            return None
        if (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")) or t.text in (".", ";", ":") \
                or t.is_sent_start:
            return None
    return None


_IMPERSONAL = re.compile(
    r"\b(?:on|l'on)\s+(?:\w+\s+){0,2}?(?:estime|pense|dit|croit|évalue|parle|compte|recense|avance|affirme|sait|"
    r"chiffre|prête|attribue)\b"
    r"|\bil\s+(?:est|a été|serait|aurait été)\s+(?:\w+\s+)?(?:estimé|admis|dit|avancé|calculé|établi|question)\b"
    r"|\bselon\s+(?:certaines|plusieurs|diverses|de\s+premières|des)\s+(?:informations|sources|estimations)\b")


def _impersonal(article: Article, index: _Index) -> list[_Attribution]:
    """Unnamed sources said impersonally: "on estime", "il est estimé que"."""
    out = []
    low = article.norm.text.lower()
    for m in _IMPERSONAL.finditer(low):
        out.append(_Attribution("anonymous", "verb", m.start(), (m.start(), m.end()), (m.start(), m.end())))
    return out


def _token_strings(doc) -> list[tuple[str, str, str]]:
    """(lower form, POS, lower lemma) of every token, in one pass."""
    tab = token_table(doc)
    return list(zip(tab.lower, tab.pos, tab.lemma))


def _verb_lemmas(tok) -> set[str]:
    """The lemma and the infinitives the form could come from (the lemmatizer misses some: "montre")."""
    return _lemmas_of(tok.lower_, tok.lemma_.lower())


def _lemmas_of(low: str, lemma: str) -> set[str]:
    out = {lemma, low + "r"}
    if low.endswith("nt"):
        out.add(low[:-2] + "r")
    if low.endswith(("é", "ée", "és", "ées")):
        out.add(low.rstrip("s").rstrip("e").rstrip("é") + "er")
    return out


def _verb_subject(doc, verb, people, acronyms=None):
    """The subject of a verb of saying: before it, inverted after it, or shared with a conjoined verb."""
    for c in verb.children:
        if c.lower_ in ("-il", "-elle", "-ils", "-elles", "-on"):
            if c.lower_ == "-on":
                seat = _seat_after(doc, c.i + 1)
                return (("official", seat[0]), seat) if seat else (("anonymous", c), [c])
            return ("pronoun", c), [c]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is not None and _dateline(doc, subj):
        subj = None
    if subj is not None and subj.i < verb.i and "\n" in doc[subj.i:verb.i].text and _on_heading_line(doc, subj):
        # « Par X ¶ Les syndicats réclament … »: the parser ran a byline or a headline into the sentence and
        # took a name there for the subject; the subject is the first noun of the verb's own line
        line = max(t.i for t in doc[subj.i:verb.i] if "\n" in t.text_with_ws) + 1
        subj = next((t for t in doc[line:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if subj is not None and subj.lower_ == "côté" and subj.i + 2 < len(doc) and "," in doc[subj.i:subj.i + 4].text:
        # « Côté finance, l'OCDE estime … »: a topic set before the comma, which the parse takes for the
        # subject and the real subject for its conjunct
        subj = next((c for c in subj.children if c.dep_ == "conj"), None)
    if subj is None and any(c.dep_ == "expl:subj" and c.lower_ == "il" for c in verb.children):
        return None, []
    if subj is None:
        # ", a précisé la présidente de la commission, X": an incise closing the clause has its subject after
        # it, whatever the parser hung the verb on (often a conjunct of the main verb, whose subject it is not).
        inverted = _inverted_subject(doc, verb, people, acronyms)
        if inverted[0] is not None:
            return inverted
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i and \
            verb.head.pos_ in ("NOUN", "PROPN") and "Fin" in verb.morph.get("VerbForm"):
        subj = verb.head  # « Le festival revendique … »: the parser made the verb a modifier of its subject
    if subj is None:
        # "X ont suivi … – et ont affirmé que": the subject of the verb coordinated before.
        k = verb.i - 1
        while k > 0 and doc[k].dep_.startswith("aux"):
            k -= 1
        if doc[k].lower_ == "et" or (k > 0 and doc[k - 1].lower_ == "et" and doc[k].is_punct):
            for prev in reversed(list(doc[max(0, k - 40):k])):
                if prev.text in (".", "!", "?") or "\n" in prev.text_with_ws:
                    break
                if prev.pos_ == "VERB":
                    subj = next((c for c in prev.children if c.dep_ == "nsubj"), None)
                    break
    has_subject = subj is not None
    if subj is None:
        first = min([verb] + [c for c in verb.children if c.dep_.startswith("aux")], key=lambda t: t.i)
        named = _apposed_name(doc, [first])
        if named:
            return ("person", named[0]), named
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    if subj is not None:
        if subj.lower_ == "qui":
            # « l'association UFC-Que Choisir, qui dit avoir reçu … »: the noun phrase the relative follows,
            # as written (the parse often hangs the clause on the last word of a hyphenated name)
            antecedent = _relative_antecedent(doc, subj)
            found = classify_tokens(antecedent, people, acronyms) if antecedent else None
            if found is not None and found[0] not in ("pronoun", "own"):
                return found, antecedent
        if subj.lower_ in ("qui",) and verb.dep_.startswith("acl"):
            subj = verb.head
        if subj.lower_ == "il" and passive:
            return ("anonymous", subj), [subj]
        if subj.lower_ in ("on",):
            seat = _seat_opening(doc, subj)
            return (("official", seat[0]), seat) if seat else (("anonymous", subj), [subj])
        phrase = _subject_phrase(subj)
        named = _apposed_name(doc, phrase)
        if named:
            return ("person", named[0]), named
        found = classify_tokens(phrase, people, acronyms)
        if found is not None:
            return found, phrase
    if passive and subj is None:
        return None, []
    if has_subject:
        return None, []
    # Inverted subject: ", a constaté une journaliste de l'AFP", "notent les auteurs".
    j = verb.i + 1
    while j < len(doc) and doc[j].pos_ == "ADV" and j < verb.i + 4:
        j += 1
    if j < len(doc) and doc[j].pos_ in ("DET", "PROPN", "NOUN"):
        phrase = _phrase_after(doc, j)
        found = classify_tokens(phrase, people, acronyms)
        if found is not None:
            return found, phrase
    return None, []


def _on_heading_line(doc, tok) -> bool:
    """Whether a token stands on a line that is no sentence of running text: a byline, a dateline, a headline
    (no end punctuation closes it)."""
    b = tok.i
    while b + 1 < len(doc) and "\n" not in doc[b].text_with_ws:
        b += 1
    while b > tok.i and doc[b].is_space:
        b -= 1
    return doc[b].text not in (".", "!", "?", "…", '"', "»")


def _seat_after(doc, i: int) -> list:
    """« souligne-t-on rue de Grenelle », « indique-t-on à Bercy »: the ministry named by its seat."""
    if i < len(doc) and doc[i].lower_ in ("à", "au"):
        i += 1
    n = seat_at(doc[i:i + 4])
    return list(doc[i:i + n]) if n else []


def _seat_opening(doc, on) -> list:
    """« A Bercy, on indique … »: the seat that opens the clause of an impersonal « on »."""
    if on.i < 3 or doc[on.i - 1].text != ",":
        return []
    # (the clause's start: the parse may run a paragraph into the sentence before)
    start = on.i - 2
    while start > on.sent.start and not (doc[start - 1].is_space or doc[start - 1].text in (".", "!", "?", ";")):
        start -= 1
    if doc[start].lower_ not in ("à", "a", "au", "chez"):
        return []
    n = seat_at(doc[start + 1:on.i - 1])
    return list(doc[start + 1:start + 1 + n]) if n and start + 1 + n == on.i - 1 else []


def _holds_public_office(name: str | None, people: list[Person]) -> bool:
    """A named prosecutor, prefect, minister or spokesperson (an office that source_nouns.tsv classes as
    official): the figures they give are their institution's, not a private person's."""
    person = next((p for p in people if p.name == name), None) if name else None
    # (a union's secretary speaks for the union, not for the public body it faces)
    return person is not None and "syndicaliste" not in person.roles and \
        any(source_nouns().get(role) == "official" for role in person.roles)


def _relative_antecedent(doc, qui) -> list:
    """The noun phrase written just before a relative « qui » (past the comma of a non-restrictive one)."""
    k = qui.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    j = k
    while j >= 0 and k - j < 12 and (doc[j].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM") or
                                     doc[j].lower_ in ("de", "d'", "du", "des") or
                                     doc[j].text == "-" and not doc[j].whitespace_ or
                                     doc[j].text[:1].isupper() and not doc[j].is_punct):
        j -= 1
    if j >= 1 and doc[j].pos_ == "ADP" and doc[j - 1].pos_ in ("NOUN", "PROPN"):
        return []  # « X, analyste chez Valmy Securities, qui estime »: the complement of a noun is not meant
    return [t for t in doc[j + 1:k + 1] if not t.is_punct] if j < k else []


def _inverted_subject(doc, verb, people, acronyms):
    """The subject after a verb of saying set off by a comma before it (``…, a précisé X``, ``…, indique le
    ministère``)."""
    first = min([verb] + [c for c in verb.children if c.dep_.startswith("aux")], key=lambda t: t.i)
    if first.i == 0 or doc[first.i - 1].text != ",":
        return None, []
    j = verb.i + 1
    while j < len(doc) and (doc[j].pos_ == "ADV" or doc[j].lower_ in word_set("time_words")) and j < verb.i + 4:
        j += 1  # ", a annoncé lundi la junte"
    if j >= len(doc) or doc[j].pos_ not in ("DET", "PROPN", "NOUN"):
        return None, []
    phrase = _phrase_after(doc, j)
    named = [t for t in _apposed_after(doc, phrase) if t.ent_type_ == "PER"]
    found = _classify(phrase + named, people, acronyms) if named else _classify(phrase, people, acronyms)
    return (found, phrase + named) if found is not None else (None, [])


def _apposed_after(doc, phrase: list) -> list:
    """``la présidente de la commission, X,``: the name in apposition right after a role."""
    if not phrase or phrase[-1].i + 2 >= len(doc) or doc[phrase[-1].i + 1].text != ",":
        return []
    out = []
    for t in doc[phrase[-1].i + 2:phrase[-1].i + 8]:
        if t.ent_type_ != "PER" and t.text != "-":
            break
        out.append(t)
    return out


def _apposed_name(doc, phrase: list) -> list:
    """A person named before an apposition that the parser took for the subject:
    "X, président du Y, un institut …, a expliqué" → X."""
    if not phrase or phrase[0].i == 0 or doc[phrase[0].i - 1].text != ",":
        return []
    if any(t.ent_type_ == "PER" for t in phrase):
        return []
    end = phrase[0].i - 1
    for _ in range(3):
        start = end
        # (never across a line: the parse may run a headline into the first sentence)
        while start > 0 and doc[start - 1].text != "," and not doc[start - 1].is_sent_start and \
                "\n" not in doc[start - 1].text_with_ws:
            start -= 1
        if start > 0 and doc[start - 1].is_sent_start and doc[start - 1].text != "," and \
                "\n" not in doc[start - 1].text_with_ws:
            start -= 1
        segment = doc[start:end]
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in segment):
            return []
        pers = [t for t in segment if t.ent_type_ == "PER"]
        if pers:
            return pers
        if start == 0 or doc[start - 1].text != ",":
            return []
        end = start - 1
    return []


def _resolve(att: _Attribution, previous: list[_Attribution], index: _Index) -> _Attribution | None:
    """The last speaker a pronoun can refer to: an organisation that spoke in the sentences just before,
    else the last person who spoke (of the same gender when known), else the last source."""
    here = index.sent_index(att.pos)
    for a in reversed(previous):
        if a.kind == "relay" or a.cls in ("pronoun", "none"):
            continue
        if a.cls in ("official", "media", "study") and here - index.sent_index(a.pos) <= 2 and \
                not (att.gender and a.gender and a.gender != att.gender):
            return a
        break
    for a in reversed(previous):
        if a.cls == "person" and not (att.gender and a.gender and a.gender != att.gender):
            return a
    for a in reversed(previous):
        if a.kind == "relay" or a.cls in ("pronoun", "none"):
            continue
        if att.gender and a.gender and a.gender != att.gender:
            continue
        if att.gender and a.cls != "person" and a.gender is None and a.cls == "anonymous":
            continue
        return a
    return None


# --- main ----------------------------------------------------------------------------------------------

def find_figures(article: Article, quotes: list[Quote], people: list[Person]) -> list[Figure]:
    """Figures of the article with their source class, hedging and verification flags."""
    index = _Index(article)
    cands = _candidates(article, index)
    if not cands:
        return []
    cands = _drop_names(article, index, cands)
    cands = [c for c in cands if not _in_link_line(article, c)]
    cands = [c for c in cands if not _inside_a_term(article, c, quotes)]
    acronyms = acronym_classes(article.doc, people)
    attributions = _attributions(article, index, people, acronyms)
    work = [_place(article, index, c) for c in cands]
    _source_from_sentences(article, index, work, attributions, quotes, people, acronyms)
    _carry_across_sentences(article, index, work, attributions, people, acronyms)
    _paragraph_scope(article, index, work, attributions, quotes)
    _headline_from_lead(article, work)
    _interview_answers(article, work, people)
    _apply_verification(article, index, work, attributions)
    _inherit(work, attributions, index)
    return [_to_figure(article, w) for w in work]


_DASHES = ("—", "–", "-")


def _interview_answers(article: Article, work: list[_Working], people: list[Person]) -> None:
    """An interview printed as questions and answers (« — Que leur répondez-vous ? » then the answer, with no
    quotation marks): the figures of the answers nobody else is credited with are the interviewee's own —
    the person the article is about.  Several such exchanges are needed to read the article as one."""
    text = article.text
    paras = article.paragraphs
    answers = [para for prev, para in zip(paras, paras[1:])
               if text[prev.start:prev.end].strip().startswith(_DASHES)
               and text[prev.start:prev.end].rstrip().endswith("?")
               and not text[para.start:para.end].lstrip().startswith(_DASHES + ("«", '"'))]
    if len(answers) < 2 or not people:
        return
    counts = sorted(((len(p.mentions), p) for p in people), key=lambda x: -x[0])
    if len(counts) > 1 and counts[1][0] >= counts[0][0]:
        return  # nobody stands out as the one interviewed
    interviewee = counts[0][1]
    for w in work:
        if w.source != "none" or w.cand.kind in ("duration", "age"):
            continue
        start = article.span(w.cand.num_start, w.cand.end).start
        if any(a.start <= start < a.end for a in answers):
            w.source, w.source_text, w.direct = "person", interviewee.name, True


# Lines that link to another article (« Lire aussi : … », « À lire aussi | … », « Voir aussi »): a headline of
# another story, whose numbers this article neither gives nor sources.
_LINK_LINE = re.compile(r"\W*(?:à\s+)?(?:lire|voir|relire|écouter|regarder)\s+(?:aussi|également|encore)\b",
                        re.IGNORECASE)


def _in_link_line(article: Article, c: _Candidate) -> bool:
    norm = article.norm.text
    line_start = norm.rfind("\n", 0, c.start) + 1
    return bool(_LINK_LINE.match(norm, line_start))


def _inside_a_term(article: Article, c: _Candidate, quotes: list[Quote]) -> bool:
    """« la zone dite des « trois frontières » »: a number inside a short quoted term names, it does not count."""
    span = article.span(c.num_start, c.end)
    return any(q.kind == "scare" and q.start <= span.start < q.end and len(q.text.split()) <= 3 for q in quotes)


def _drop_names(article: Article, index: _Index, cands: list[_Candidate]) -> list[_Candidate]:
    """Outlet or group names made of a number ("20 Minutes"): a plural number phrase with a singular verb."""
    names = set()
    for c in cands:
        if c.value is None or c.value <= 1 or c.kind != "count":
            continue
        tok = index.token(c.num_start)
        head = tok.head if tok.dep_ == "nummod" else tok
        if head.dep_ == "nsubj" and "Plur" in head.morph.get("Number"):
            verb = head.head
            # In a copular clause the head is the predicate ("sont au chômage"): the copula carries the number.
            numbers = set(verb.morph.get("Number")) if verb.pos_ in ("VERB", "AUX") else set()
            for aux in verb.children:
                if aux.dep_.startswith("aux") or aux.dep_ == "cop":
                    numbers |= set(aux.morph.get("Number"))
            if numbers == {"Sing"}:
                names.add(c.name_key)
    return [c for c in cands if c.name_key not in names] if names else cands


def _place(article: Article, index: _Index, c: _Candidate) -> _Working:
    anchor = index.token(c.num_start)
    w = _Working(c, index.sent_index(c.num_start), index.para_index(c.num_start), anchor)
    w.hedged = c.approx or (anchor is not None and _hedged(anchor))
    return w


def _definite_individual(speaker: str | None) -> bool:
    """A definite singular description of one person (« le maire », « la réalisatrice de 34 ans »), not an
    indefinite one (« un cadre de la coopérative », « une source proche du dossier »)."""
    if not speaker:
        return False
    words = speaker.replace("’", "'").split()
    if not words or not (words[0].lower() in ("le", "la") or words[0].lower().startswith("l'")):
        return False
    head = words[1] if words[0].lower() in ("le", "la") and len(words) > 1 else words[0][2:]
    from .sources import _noun_class_of_word
    return not head.endswith(("s", "x")) and _noun_class_of_word(head) in (None, "role")


def _in_quote(article: Article, c: _Candidate, quotes: list[Quote]) -> Quote | None:
    span = article.span(c.num_start, c.end)
    for q in quotes:
        if q.start <= span.start < q.end and q.speaker and q.kind != "scare":
            return q
    return None


def _source_from_sentences(article, index, work, attributions, quotes, people, acronyms):
    by_sent: dict[int, list[_Attribution]] = {}
    for a in attributions:
        by_sent.setdefault(index.sent_index(a.pos), []).append(a)
    positions = [a.pos for a in attributions]
    by_sent_fig: dict[int, list[int]] = {}
    for w in work:
        if w.cand.kind not in ("duration", "age"):
            by_sent_fig.setdefault(w.sent, []).append(w.cand.num_start)
    for w in work:
        c = w.cand
        if c.kind in ("duration", "age"):
            continue
        q = _in_quote(article, c, quotes)
        if q is not None:
            cls = "person" if q.speaker_named and classify_name(q.speaker, people) == "person" else \
                classify_name(q.speaker, people)
            if not q.speaker_named and cls in ("person", "anonymous") and _definite_individual(q.speaker):
                cls = "person"  # « la réalisatrice de 34 ans »: an individual the article identifies
            elif not q.speaker_named and cls == "person":
                cls = "anonymous"
            if cls == "person" and _holds_public_office(q.speaker, people):
                cls = "official"  # « a déclaré le procureur, X »: the office speaks through its holder
            w.source, w.source_text, w.cue, w.direct = cls, q.speaker, q.cue, True
            continue
        fig_tokens = set()
        if w.anchor is not None:
            fig_tokens = {w.anchor.i}
        path = {t.i for t in w.anchor.ancestors} | fig_tokens if w.anchor is not None else set()
        candidates = [a for a in by_sent.get(w.sent, ()) if not (a.tokens & fig_tokens)
                      and not (a.src and a.src[0] <= c.num_start < a.src[1])
                      and not (a.subject_tree & fig_tokens)
                      and (a.kind != "relay" or a.attached in path)]
        if _in_detached_description(article.doc, w.anchor) or _in_apposed_description(w.anchor):
            candidates = []
        sentence = _sentence_passed(w.anchor, people, acronyms)
        if sentence is not None:
            # The penalty is the decision of the body that passed it, whoever the sentence's verb of saying
            # seems to have as subject.
            w.source, w.direct = "official", True
            w.source_span = article.token_span(sentence[0], sentence[-1])
            w.source_text = article.slice(w.source_span)
            w.cue = w.source_span
            continue
        chosen = _choose(candidates, c.num_start, by_sent_fig.get(w.sent, ()))
        if chosen is not None and chosen.cls == "pronoun":
            quote = _quote_in_sentence(article, index, w.sent, quotes)
            cls = None
            if quote is not None:
                cls = classify_name(quote.speaker, people) if quote.speaker_named else "anonymous"
                if cls == "person" and _holds_public_office(quote.speaker, people):
                    cls = "official"
            # (a body the quotations name, « UFC-Que Choisir », is no person: its figures come from what it
            # published, which the sentences around tell)
            if quote is not None and not (cls == "person" and quote.speaker not in {p.name for p in people}):
                w.source, w.source_text, w.cue, w.direct = cls, quote.speaker, article.span(*chosen.cue), True
                continue
            body = _body_subject_before(article, index, chosen, people, acronyms)
            if body is not None:
                # « L'enquête a été réalisée auprès de 1 003 personnes. Elle montre que 58 % … »
                cls, phrase = body
                w.source, w.direct = cls, True
                w.source_span = article.token_span(phrase[0], phrase[-1])
                w.source_text = article.slice(w.source_span)
                w.cue = article.span(*chosen.cue)
                continue
            speaker = _speaker_just_quoted(article, index, chosen, quotes, people)
            if speaker is not None:
                # « « … », confie-t-il. Il affirme avoir dépensé 40 000 euros »: the one who has just spoken
                # (a prosecutor or a prefect who has just spoken gives the figures of the office)
                w.source = "official" if _holds_public_office(speaker, people) else "person"
                w.source_text, w.direct = speaker, True
                w.cue = article.span(*chosen.cue)
                continue
            prev = attributions[:bisect_right(positions, chosen.pos - 1)]
            target = _resolve(chosen, prev, index)
            if target is None:
                chosen = None
            else:
                w.cue = article.span(*chosen.cue)
                chosen = replace(target, cue=chosen.cue, pos=chosen.pos)
        if chosen is not None and chosen.cls not in ("none", "pronoun"):
            _set_source(article, w, chosen)
            continue
        if _respondents(article, c):
            w.source = "study"
            w.cue = article.span(c.end, min(len(article.norm.text), c.end + 30))
            study = next((a for a in reversed(attributions) if a.pos < c.num_start and a.cls == "study"), None)
            if study is not None and study.src:
                w.source_text = article.norm.text[study.src[0]:study.src[1]]
                w.source_span = article.span(*study.src)
            w.direct = True
            continue
        actor = _clause_subject(w.anchor, people, acronyms)
        if actor is not None:
            cls, phrase = actor
            w.source, w.direct = cls, True
            w.source_span = article.token_span(phrase[0], phrase[-1])
            w.source_text = article.slice(w.source_span)
            w.cue = w.source_span


def _body_subject_before(article, index, att: _Attribution, people, acronyms):
    """The study, outlet or body that is the subject of the sentence just before, when the pronoun agrees
    with its gender: the topic carried on (« L'étude … Elle montre … »)."""
    si = index.sent_index(att.pos)
    if si == 0 or att.gender is None:
        return None
    sent = index.sents[si - 1]
    if index.para_index(sent.start_char) != index.para_index(att.pos):
        return None
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    g = subj.morph.get("Gender")
    if not g or {"Fem": "f", "Masc": "m"}.get(g[0]) != att.gender:
        return None
    phrase = _subject_phrase(subj)
    found = _classify(phrase, people, acronyms)
    if found is None or found[0] not in ("media", "study"):
        return None  # (a body's « elle » is left to the sources it cited, below)
    return found[0], phrase


def _speaker_just_quoted(article, index, att: _Attribution, quotes, people) -> str | None:
    """The named person of the pronoun's gender quoted last before it in the same paragraph, when no other
    source came in between."""
    here = article.span(att.pos, att.pos + 1).start
    para = article.paragraph_at(here)
    genders = {p.name: p.gender for p in people}
    for q in sorted(quotes, key=lambda q: q.start, reverse=True):
        if q.start >= here:
            continue
        if para is None or not para.start <= q.start < para.end:
            return None
        if not q.speaker or not q.speaker_named or q.speaker not in genders:
            return None
        if att.gender and genders[q.speaker] not in (None, att.gender):
            return None
        return q.speaker
    return None


def _in_detached_description(doc, anchor) -> bool:
    """« International à sept reprises, le joueur touchera …, d'après le quotidien »: a phrase opening the
    sentence with a bare noun, adjective or participle (no determiner, no preposition, no finite verb), closed by
    a comma before the subject, describes the subject.  Its figure is background, not what the sentence's source says."""
    if anchor is None:
        return False
    sent = anchor.sent
    first = sent[0]
    participle = first.pos_ == "VERB" and "Part" in first.morph.get("VerbForm")
    if not (first.pos_ in ("NOUN", "ADJ") or participle) or not first.text[:1].isupper():
        return False
    comma = next((t for t in sent if t.text == ","), None)
    if comma is None or not (first.i < anchor.i < comma.i) or comma.i + 1 >= sent.end:
        return False
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[first.i:comma.i]):
        return False
    subject = doc[comma.i + 1]
    return subject.pos_ in ("DET", "PRON") and any(
        t.dep_.startswith("nsubj") for t in doc[comma.i + 1:min(sent.end, comma.i + 4)])


def _in_apposed_description(anchor) -> bool:
    """``l'attaquant de 23 ans, auteur de 9 buts en 12 matches, …``: a bare noun or adjective set after a
    noun and a comma (no determiner, no verb) describes that noun; its figures are background the journalist
    supplies, not what the sentence's source reports."""
    if anchor is None:
        return False
    doc = anchor.doc
    k = anchor.i - 1
    # (back to the comma; punctuation, a verb or a line break on the way means no apposition)
    while k > 0 and doc[k].text != ",":
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "SPACE") or tok.is_punct:
            return False
        k -= 1
    if k <= 0 or k + 1 >= anchor.i:
        return False
    head, before = doc[k + 1], doc[k - 1]
    # (an adjective only with its complement, « fort de 1 200 salariés »: « Selon X, seuls 28 % … » is the
    # figure itself)
    described = head.pos_ == "NOUN" and head.dep_ == "appos" or \
        head.pos_ == "ADJ" and doc[k + 2].lower_ in ("de", "d'")
    return described and head.text.islower() and before.pos_ in ("NOUN", "PROPN") \
        and head.lemma_ not in _DESCRIBING_FIGURES \
        and _reporting_forms().get(head.lower_) in (None, "compter")  # (« revendique » is a verb; « compte » is « has »)


# Nouns that, set after a comma, comment on the figure just given rather than on a person or a thing
# (« …, hausse de 3 % », « …, niveau le plus bas depuis 2009 »): they share the figure's source.
_DESCRIBING_FIGURES = {"hausse", "baisse", "soit", "niveau", "record", "progression", "recul", "augmentation",
                       "diminution", "chiffre", "total", "montant", "plus", "moins"}


# Demonstratives open a sentence about what was just reported ("Ce bilan …", "Ces chiffres …"); a personal
# pronoun more often names the subject of the news than its source.
_ANAPHORIC_OPENERS = {"ce", "cet", "cette", "ces"}
# "Au total, …", "En tout, …" sum up the figures just reported: same source.
_SUMMING_OPENERS = ("au total", "en tout", "soit ")
_PRESENTATIVES = ("c'est", "ce sont", "telle est", "tel est", "tels sont", "telles sont", "voilà")


def _figures_by_sentence(work: list[_Working]) -> dict[int, list[_Working]]:
    """Sentence index -> its figures that can have a source (durations and ages never do)."""
    by_sent: dict[int, list[_Working]] = {}
    for w in work:
        if w.cand.kind not in ("duration", "age"):
            by_sent.setdefault(w.sent, []).append(w)
    return by_sent


def _carry_across_sentences(article, index, work, attributions, people, acronyms) -> None:
    """A source given in one sentence covers the unsourced figures of the next when that sentence goes on
    in the journalist's conditional or opens on an anaphoric subject ("D'après le parquet, … aurait éclaté.
    La victime aurait reçu 3 coups"); a sentence such as "C'est la conclusion d'une étude …" sources the
    figures of the sentence just before it."""
    doc = article.doc
    by_sent = _figures_by_sentence(work)
    atts_by_sent: dict[int, list[_Attribution]] = {}
    for a in attributions:
        if a.cls not in ("none", "pronoun"):
            atts_by_sent.setdefault(index.sent_index(a.pos), []).append(a)
    for si in sorted(by_sent):
        open_ = [w for w in by_sent[si] if w.source == "none" and not w.direct]
        if not open_:
            continue
        sent = index.sents[si]
        # Backwards: the next sentence names the source of these figures.
        if si + 1 < len(index.sents) and index.sents[si + 1].text.lower().replace("’", "'").startswith(_PRESENTATIVES):
            found = _presented_source(doc, index.sents[si + 1], atts_by_sent.get(si + 1, ()), people, acronyms)
            if found is not None:
                cls, phrase = found
                for w in open_:
                    w.source, w.direct = cls, True
                    w.source_span = article.token_span(phrase[0], phrase[-1])
                    w.source_text = article.slice(w.source_span)
                    w.cue = article.span(index.sents[si + 1].start_char, index.sents[si + 1].end_char)
                continue
        # Forwards: the previous sentence of the paragraph gave a source.
        if si == 0 or index.para_index(sent.start_char) != index.para_index(index.sents[si - 1].start_char):
            continue
        opening = sent.text[:12].lower()
        continues = sent[0].lower_ in _ANAPHORIC_OPENERS or opening.startswith(_SUMMING_OPENERS)
        # The conditional carries the attribution only when the attributed sentence was in it too.
        prev_conditional = any(_is_conditional(t) for t in index.sents[si - 1])
        prev_sourced = [w for w in by_sent.get(si - 1, ()) if w.direct and w.source not in ("none", "independent")]
        prev_atts = [a for a in atts_by_sent.get(si - 1, ()) if a.kind in ("selon", "pour", "relay", "verb", "dans")]
        if not (prev_sourced or prev_atts):
            continue
        for w in open_:
            if not (continues or (prev_conditional and w.anchor is not None and _conditional(w.anchor))):
                continue
            if prev_sourced:
                src = prev_sourced[-1]
                w.source, w.source_text, w.source_span, w.cue = src.source, src.source_text, src.source_span, src.cue
            else:
                _set_source(article, w, prev_atts[-1])
            w.direct = True


def _paragraph_scope(article, index, work, attributions, quotes) -> None:
    """A source named in a paragraph covers the paragraph's later unsourced figures while the sentences go on
    with the same statement: « Selon les chiffres publiés jeudi par X, le prix … . Dans le département,
    9 340 ventes ont été enregistrées » — until another source is introduced (a new attribution, a quotation,
    a person speaking for themselves, the outlet's own reporting), which takes over or closes the scope.
    Figures just before « D'après leurs données / ces chiffres » take the source that phrase refers to."""
    by_sent = _figures_by_sentence(work)
    atts_by_sent: dict[int, list[_Attribution]] = {}
    for a in attributions:
        atts_by_sent.setdefault(index.sent_index(a.pos), []).append(a)
    current = None  # (cls, source_text, source_span, cue) of the nearest source of the paragraph
    para = -1
    for si, sent in enumerate(index.sents):
        here = index.para_index(sent.start_char)
        if here != para:
            para, current = here, None
        atts = [a for a in atts_by_sent.get(si, ()) if a.kind in ("selon", "pour", "relay", "verb", "dans")]
        quoted = _quote_in_sentence(article, index, si, quotes) is not None
        figs = by_sent.get(si, [])
        if current is not None and not atts and not quoted:
            for w in figs:
                # The journalist's own conditional (« représenterait ») distances the figure from a source
                # stated in the indicative.
                # and a source's conditional account does not cover the journalist's facts in the indicative.
                if w.source == "none" and not w.direct and w.anchor is not None \
                        and current[4] == _conditional(w.anchor):
                    w.source, w.source_text, w.source_span, w.cue = current[:4]
                    w.direct = True
        # What this sentence leaves in scope for the next ones (whether it is in the conditional is read
        # only when a source stays in scope: most sentences leave none).
        def conditional(sent=sent) -> bool:
            return any(_is_conditional(t) for t in sent)
        if quoted:
            current = None  # someone speaks in their own words: the journalist's scope is closed
        elif atts:
            last = atts[-1]
            # An outlet cited for a claim with no number is not a source of figures; an institution or a
            # study speaks from its records.
            gave_figures = any(w.direct and w.source == last.cls for w in figs)
            if last.cls in ("person", "pronoun", "none") or (last.cls == "media" and not gave_figures):
                current = None
            else:
                span = article.span(*last.src) if last.src else None
                current = (last.cls, article.slice(span) if span else None, span, article.span(*last.cue),
                           conditional())
        else:
            sourced = [w for w in figs if w.direct and w.source not in ("none", "independent")]
            if sourced:
                last = sourced[-1]
                current = None if last.source == "person" else (last.source, last.source_text, last.source_span,
                                                                 last.cue, conditional())
    # Backwards: « D'après leurs données, … » opening the sentence right after the figures.
    for si, figs in by_sent.items():
        nxt = [a for a in atts_by_sent.get(si + 1, ()) if a.anaphoric]
        if not nxt or nxt[0].pos - index.sents[si + 1].start_char > 12:
            continue
        for w in figs:
            if w.source == "none" and not w.direct:
                _set_source(article, w, nxt[0])


def _headline_from_lead(article, work) -> None:
    """A headline compresses the lead paragraph and leaves its source out or shortens it (« selon X »); its
    figures take the source the lead gives: the first sourced figure of the first body paragraph, when the
    headline names no source or names the same body (a capitalised word of the headline's source in the
    lead's).  The headline is a first paragraph of one line that does not end a sentence."""
    paras = article.paragraphs
    if len(paras) < 2:
        return
    title = article.text[paras[0].start:paras[0].end].strip()
    if not title or "\n" in title or title[-1] in ".!?…»\"":
        return
    head = [w for w in work if w.para == 0 and w.cand.kind not in ("duration", "age")]
    lead = next((w for w in work if w.para == 1 and w.direct and w.source not in ("none", "independent")
                 and w.cand.kind not in ("duration", "age")), None)
    if not head or lead is None:
        return
    for w in head:
        if w.source != "none":
            names = {x for x in re.findall(r"[\w-]+", w.source_text or "") if x[:1].isupper()}
            if not names or not any(n in (lead.source_text or "") for n in names):
                continue
        w.source, w.source_text, w.source_span, w.cue = lead.source, lead.source_text, lead.source_span, lead.cue
        w.direct = True


def _presented_source(doc, sent, atts, people, acronyms):
    """The source a presentative sentence names: "C'est la conclusion d'une étude publiée …"."""
    for a in atts:
        if a.src:
            toks = [t for t in sent if a.src[0] <= t.idx < a.src[1]]
            if toks:
                return a.cls, toks
    for t in sent[:8]:
        if t.lower_ in ("de", "d'", "d’", "du", "des") and t.i > sent.start + 2 and doc[t.i - 1].pos_ == "NOUN":
            phrase = _phrase_after(doc, t.i + 1 if t.lower_ in ("de", "d'", "d’") else t.i)
            found = _classify(phrase, people, acronyms)
            if found and found[0] in ("official", "media", "study", "person", "anonymous"):
                return found[0], phrase
            return None
    return None


def _conditional(anchor) -> bool:
    """The figure's clause is in the conditional ("aurait reçu", "réduirait")."""
    for node in _clause_path(anchor):
        if _is_conditional(node) or any(c.dep_ in ("aux", "aux:tense", "aux:pass", "cop") and _is_conditional(c)
                                        for c in node.children):
            return True
    return False


def _clause_subject(anchor, people, acronyms):
    """The subject of the figure's clause when it is an outlet, a study or a public body, whatever the verb:
    "le magazine dresse la liste de 10 …", "les préfectures ont placé 41 départements en alerte", "le
    procureur a requis 100 000 euros d'amende".  A public body acts on its own records; a company or a
    person as subject is the news, not its source.  A sentence passed on someone ("a été condamné à … 100 000
    euros d'amende") is the court's decision."""
    if anchor is None:
        return None
    for node in _clause_path(anchor)[1:]:
        if node.dep_.startswith("acl"):
            # « Un sondage …, réalisé auprès de 604 personnes, … »: how the study was made is its own data
            if node.head.pos_ == "NOUN" and node.lemma_ in ("réaliser", "mener", "conduire", "effectuer"):
                phrase = _subject_phrase(node.head)
                found = _classify(phrase, people, acronyms)
                if found and found[0] == "study" and found[1].i == node.head.i:
                    return "study", phrase
            return None
        if node.lemma_ in _SENTENCING and any(c.dep_ == "aux:pass" for c in node.children) \
                and not any(c.dep_ == "obl:agent" for c in node.children):
            return "official", [node]
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            phrase = _subject_phrase(subj)
            if any(t.like_num and t.pos_ != "DET" for t in phrase):  # (« Un sondage … »: an article, not a number)
                return None
            found = _classify(phrase, people, acronyms)
            if found and found[0] in ("media", "study") and found[1].pos_ == "NOUN":
                return found[0], phrase  # (« L'enquête a été réalisée auprès de 1 003 personnes »: its data)
            if subj.dep_ == "nsubj:pass":
                return None
            if found and found[0] == "official" and _state_body(found[1]):
                return "official", phrase
            return None
    return None


_SENTENCING = {"condamner"}


def _sentence_passed(anchor, people, acronyms):
    """« a été condamné par l'administration X à une amende de N euros »: a figure in the penalty of a passive
    sentencing verb whose agent is a public body (the phrase of that agent), or that has no agent at all (the
    verb itself: a court)."""
    if anchor is None:
        return None
    for node in _clause_path(anchor)[1:]:
        if node.lemma_ in _SENTENCING and any(c.dep_ == "aux:pass" for c in node.children):
            agent = next((c for c in node.children if c.dep_ == "obl:agent"), None)
            if agent is None:
                return [node]
            phrase = [t for t in agent.subtree if not (t.dep_ == "case" and t.head is agent)]
            found = _classify(phrase, people, acronyms)
            return phrase if found and found[0] == "official" else None
    return None


def _state_body(tok) -> bool:
    """The State, one of its administrations, courts or forces (data/state_body_nouns.txt), or a body
    qualified as public (« la direction départementale de … »)."""
    from .sources import _public_body
    return tok.lemma_.lower() in word_set("state_body_nouns") or tok.lower_ in word_set("state_body_nouns") \
        or tok.text in ("État", "Etat") or _public_body(tok)


def _choose(cands: list[_Attribution], pos: int, figure_positions=()) -> _Attribution | None:
    if not cands:
        return None
    # « dans une étude » may sit in a subordinate clause (« sans que ces remises apparaissent dans les
    # statistiques »): the subject of the figure's own verb of saying comes first.
    for kind in ("selon", "pour", "relay", "verb", "dans"):
        of_kind = [a for a in cands if a.kind == kind]
        if not of_kind:
            continue
        before = [a for a in of_kind if a.pos < pos]
        after = [a for a in of_kind if a.pos > pos]
        # "68 % …, selon A, 31 % selon B": A closes the figure before it; B, after ours, is ours.
        if before and after and kind == "selon" and any(
                p < before[-1].pos for p in figure_positions if p > max([0] + [a.pos for a in before[:-1]])):
            return after[0]
        if before:
            return before[-1]
        return of_kind[0]
    return None


def _quote_in_sentence(article, index, sent: int, quotes):
    s = index.sents[sent]
    span = article.span(s.start_char, s.end_char)
    for q in quotes:
        if span.start <= q.start < span.end and q.speaker and q.kind != "scare":
            return q
    return None


def _set_source(article, w: _Working, a: _Attribution) -> None:
    w.source = a.cls
    w.direct = True
    if a.src:
        w.source_span = article.span(*a.src)
        w.source_text = a.name if a.cls == "person" and a.name else article.slice(w.source_span)
    if w.cue is None:
        w.cue = article.span(*a.cue)


def _respondents(article, c: _Candidate) -> bool:
    after = article.norm.text[c.end:c.end + 40].lower().split()
    return any(word.strip(",.") in _RESPONDENTS for word in after[:4])


def _apply_verification(article, index, work, attributions) -> None:
    patterns = _verification_patterns()
    whole = article.norm.text.lower()
    if not any(rx.search(whole) for rx, _ in patterns):
        return  # (most articles say nothing of verification: one look at the whole text settles it)
    by_sent: dict[int, list[_Working]] = {}
    for w in work:
        by_sent.setdefault(w.sent, []).append(w)
    for si, sent in enumerate(index.sents):
        low = sent.text.lower()
        verdict = None
        for rx, kind in patterns:
            if rx.search(low):
                verdict = kind
                break
        if verdict is None:
            continue
        if verdict == "verified" and re.search(r"\b(?:pas|non|ni|jamais|aucun|aucune|nul|nulle|rien)\b|\bn'", low):
            continue
        sources = [a for a in attributions if index.sent_index(a.pos) == si and a.kind in ("relay", "selon", "pour", "dans")]
        if verdict == "unverified" and by_sent.get(si):
            # « … évoque « une soixantaine de morts », un bilan qui n'a pas pu être vérifié »: the figures of
            # the sentence itself come first
            targets = by_sent[si]
        elif sources:
            targets = [w for w in work if w.source == sources[0].cls and w.sent <= si]
        elif by_sent.get(si):
            targets = by_sent[si]
        else:
            targets = _figures_referred_back(index, by_sent, si, low)
        cue = article.span(sent.start_char, sent.end_char)
        for w in targets:
            if w.cand.kind in ("duration", "age"):
                continue
            if verdict == "unverified":
                w.unverified = True
            else:
                w.source = "independent"
            w.cue = w.cue or cue


_PLURAL_BACK_REFERENCE = re.compile(r"\b(?:ces|tous\s+ces|aucun\s+de\s+ces|aucune\s+de\s+ces|ni\s+l'un\s+ni\s+l'autre"
                                    r"|les\s+deux)\b")


def _figures_referred_back(index: _Index, by_sent, si: int, low: str) -> list[_Working]:
    """The figures a verification sentence with no figure of its own speaks of: those of the sentence just
    before, or, when it speaks of several (« Aucun de ces chiffres n'a pu être vérifié »), all those of the
    paragraph's previous sentences."""
    para = index.para_index(index.sents[si].start_char)
    plural = _PLURAL_BACK_REFERENCE.search(low) is not None
    targets: list[_Working] = []
    for prev in range(si - 1, max(-1, si - 4), -1):
        if not by_sent.get(prev):
            continue
        if targets and (not plural or index.para_index(index.sents[prev].start_char) != para):
            break
        targets = by_sent[prev] + targets
    return targets


def _inherit(work: list[_Working], attributions, index) -> None:
    """Repeated values take the attribution given elsewhere; percentages after a study's take the study's."""
    sourced = [w for w in work if w.direct and w.cand.kind not in ("duration", "age")]
    for w in work:
        if w.direct or w.cand.kind in ("duration", "age") or w.cand.value is None:
            continue
        match = _same_value(w, sourced)
        if match is not None:
            w.source, w.source_text, w.source_span = match.source, match.source_text, match.source_span
            w.cue = match.cue
            w.unverified = w.unverified or match.unverified
            continue
    # A percentage with no source, right after a study was cited (same or previous paragraph).
    last_study = None
    events = sorted([(a.pos, 0, a) for a in attributions] + [(w.cand.num_start, 1, w) for w in work],
                    key=lambda e: (e[0], e[1]))
    for _, is_fig, item in events:
        if not is_fig:
            if item.cls in ("study", "official", "media", "person", "anonymous"):
                last_study = (item, index.para_index(item.pos)) if item.cls == "study" else None
            continue
        w = item
        if w.source != "none" or w.direct:
            if w.source == "study":
                last_study = (w, w.para)
            elif w.source != "none":
                last_study = None
            continue
        if w.cand.kind == "percent" and last_study is not None and w.para - last_study[1] <= 1:
            src = last_study[0]
            w.source = "study"
            if isinstance(src, _Working):
                w.source_text, w.source_span, w.cue = src.source_text, src.source_span, src.cue
            last_study = (last_study[0], w.para)


def _same_value(w: _Working, sourced: list[_Working]) -> _Working | None:
    v = w.cand.value
    percent = w.cand.kind == "percent"
    if not percent and v < 20:
        return None
    best = None
    for s in sourced:
        if s is w or s.source == "none" or (s.cand.kind == "percent") != percent or s.cand.value is None:
            continue
        sv = s.cand.value
        ok = sv == v if percent else abs(sv - v) <= 0.01 * max(sv, v)
        if ok:
            if s.cand.num_start < w.cand.num_start:
                best = s  # the latest earlier one
            elif best is None:
                return s
    return best


def _to_figure(article: Article, w: _Working) -> Figure:
    c = w.cand
    span = article.span(c.start, c.end)
    return Figure(
        start=span.start,
        end=span.end,
        text=article.slice(span),
        value=c.value,
        source=w.source if c.kind not in ("duration", "age") else "none",
        source_text=w.source_text,
        hedged=w.hedged,
        unverified_stated=w.unverified,
        kind=c.kind,
        source_span=w.source_span,
        cue=w.cue,
    )
