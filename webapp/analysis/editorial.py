"""The journalist's own loaded language, outside quotations.

Four families of cues, all read from word lists in ``data/`` and matched on the parse (lemmas, parts of
speech, dependencies) so that inflected forms are found:

* name-calling: a mocking nickname (a truncated first name or surname used alone, a capitalised epithet
  glued to a name), an insulting noun used in place of a person's name (« le tyran »), insults;
* loaded words: evaluative adjectives and adverbs (``loaded_words.tsv``);
* a columnist's sarcasm (« Il fallait oser », « Chapeau l'artiste », « une énième volte-face »), and sarcasm
  markers (« comme toujours », « une fois de plus », ``sarcasm_markers.txt``) only in a sentence already judged;
* exaggeration: intensifiers and absolute claims;
* metaphors: emotive images, as lemma patterns (``loaded_phrases.tsv``).

Cues that generalise beyond a word list (each list in ``data/`` names its basis):

* a title given for a habit (« le roi du selfie », « ce champion toutes catégories de la gaffe »,
  ``mock_titles.tsv``) and nouns with the pejorative suffix -âtre (``pejorative_suffixes.tsv``);
* an emotive noun made an image by its context: an intensifier (« un véritable naufrage »), an adjective
  from another field (« naufrage électoral ») or what a side suffers (« subir un camouflet »)
  (``emotive_nouns.tsv``, ``intensifiers.tsv``); the literal sense (« le naufrage du ferry ») is left alone;
* « d'un(e) » + a judging quality or an extreme intensifier (« d'un ridicule achevé »);
* the journalist's exclamations (« Quel gâchis ! ») and sighs (« Il ne s'arrête donc jamais. »);
* familiar or pejorative verbs of speech and manner (« a-t-il pleurniché », « il parade », ``mocking_verbs.tsv``),
  matched on generated conjugations as well as lemmas, since the lemmatizer misses rare familiar verbs;
* animal nouns for dupes used for people (« autant de pigeons », ``dupe_nouns.tsv``), never the animals;
* extended images (« le château de cartes … commence à vaciller »), mocking periphrases and antonomasia
  (« le marchand de rêves », « le Mozart de la finance »), adverbs built on judging adjectives;
* tabloid images of failure: an emotive noun standing alone as a verbless sentence (« Un naufrage. »),
  « naufrage » with a complement that is not a ship (« le naufrage de l'émission ») and « sombrer » used
  of anything but a ship (« un programme qui sombre »), never in a story about ships or the sea
  (``maritime_words.txt``); mocking idioms and epithets of age and fame (« la star vieillissante »,
  « l'éternel second », « un caprice de diva », ``loaded_phrases.tsv``); « ex- » before a listed insult;
  the journalist's own doubt opening a sentence (« Pas sûr que … »).
* gossip-column irony: « la bagatelle de », « avec sa délicatesse habituelle », « qui se prend pour »,
  « l'inoxydable … », a parenthetical « (trop) », cooking images (« tourner au vinaigre », left alone in a
  sentence about food or drink, ``kitchen_words.txt``) in ``loaded_phrases.tsv``; an ironic word standing
  alone as a sentence after a reported statement (« Touchant. », ``ironic_exclamations.txt``).

* tabloid faits divers, people pages and war tabloids: insults for a ruler before what they rule (« le tyran du
  Kremlin »), words that convict a suspect (« le chauffard ») or mock a star (« la diva », left alone in an opera
  story); « c'est un abattoir » and, in a war story (``war_words.txt``), « la boucherie », « la fournaise »;
  « d'une rare élégance » (praise or antiphrasis); stock ironic sentences and feigned surprise (« Du grand art. »,
  « On ne savait pas que … », ``ironic_sentences.txt``); counts or prices that « explode »
  (``quantity_nouns.txt``); idioms of récidive, lassitude and drama (« énième », « pas son coup d'essai »,
  « le cauchemar ne fait que commencer »).

Familiar-register cues stay the journalist's in a sentence attributed to a public body by « selon »: an
institution paraphrased does not speak that way; speech verbs, quotes and « selon lui » still protect them.

Precision matters more than recall (a false positive is a wrong answer in front of a class), so every
cue is dropped when it lies inside quoted speech, in a pull quote, in a sentence attributed by an inverted
speech verb (« …, a-t-il déclaré »), inside a fixed neutral expression, or inside a capitalised name.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import table, word_set
from .results import Editorial, Quote, Span
from .text import CLOSING_MARKS, OPENING_MARKS, Article, token_table

# Inflection endings, masculine singular lemma -> other forms; the spaCy lemmatizer misses some adjectives
# and participles ("dérangées", "désespérés"), so the word lists are also matched on generated forms.
_FEMININE = (("eux", "euse"), ("if", "ive"), ("el", "elle"), ("en", "enne"), ("er", "ère"), ("ou", "olle"),
             ("et", "ette"), ("e", "e"))
_SPEECH_INVERSION = re.compile(r"^-(?:t-)?(?:il|elle|ils|elles|on)$")
_DEFINITE = frozenset({"le", "la", "l'", "ce", "cet", "cette", "du", "au"})
_ADJECTIVE_ROLES = frozenset({"before", "after", "strong", "figurative"})
_DEMONSTRATIVE = frozenset({"ce", "cet", "cette", "ces"})
_PARTICIPLE_COMPLEMENT = frozenset({"obl", "obl:agent", "obl:arg", "obl:mod", "obj", "iobj", "ccomp", "xcomp"})
_FOLLOWING_PREPOSITIONS = frozenset({"à", "par", "pour", "de", "d'"})
_PULL_QUOTE_END = '.!?:;"…)]'
# insults for a ruler: a name after « de » is what they rule, not their name (« le tyran du Kremlin »); « le fou de
# Bassan » (a bird) and « le tsar de Russie » (a real tsar) keep the old reading
_RULER_INSULTS = frozenset({"tyran", "dictateur", "despote", "autocrate", "satrape", "potentat", "bourreau", "tyranneau"})
_TITLE_ADJECTIVES = frozenset({"petit", "petite", "grand", "grande", "nouveau", "nouvelle"})


@dataclass(frozen=True)
class _Entry:
    category: str
    reason: str
    neutral: str | None
    pos: str = "*"
    familiar: bool = False


@dataclass(frozen=True, eq=False)  # (compared by identity: hashing the nested elements cost more than matching)
class _Pattern:
    elements: tuple  # ("words", frozenset) | ("gap", n) | ("name",) | ("not", frozenset): the next word is none of these
    mark: tuple[int, int]  # the elements to underline, [first, last]
    entry: _Entry
    sea: bool = False  # literal in a story about ships or the sea (« l'épave a touché le fond »)
    kitchen: bool = False  # literal in a sentence about food or drink (« le vin a tourné au vinaigre »)
    order: int = 0  # line of the pattern in its file: the tie-break between patterns of one length


@dataclass(frozen=True)
class _Candidate:
    first: int  # token indices, inclusive
    last: int
    category: str
    reason: str
    neutral: str | None
    soft: bool = True  # dropped in attributed sentences; name-calling is the journalist's even there
    familiar: bool = False  # familiar register: dropped only in sentences attributed by a speech verb


# --- word lists, loaded once per process -------------------------------------------------------------


def _pad(row: tuple[str, ...], n: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (n - len(row))


@lru_cache(maxsize=1)
def _defaults() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in map(lambda r: _pad(r, 3), table("editorial_reasons"))}


def _entry(category: str, reason: str, neutral: str, pos: str = "*") -> _Entry:
    default_reason, default_neutral = _defaults()[category]
    return _Entry(category, reason or default_reason, neutral or default_neutral or None, pos)


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "x"}
    for masc, fem in _FEMININE:
        if lemma.endswith(masc):
            stem = lemma[: len(lemma) - len(masc)]
            forms |= {stem + fem, stem + fem + "s"}
            break
    else:
        forms |= {lemma + "e", lemma + "es"}
    if lemma.endswith(("s", "x")):
        forms.add(lemma)
    return forms


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, _Entry], dict[str, str]]:
    """Loaded words by lemma, and every generated inflected form -> its lemma."""
    entries: dict[str, _Entry] = {}
    forms: dict[str, str] = {}
    for row in table("loaded_words"):
        lemma, pos, category, reason, neutral = _pad(row, 5)
        entries[lemma] = _entry(category, reason, neutral, pos)
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    return entries, forms


@lru_cache(maxsize=1)
def _substitutes() -> dict[str, tuple[_Entry, str]]:
    """Insulting nouns used for a person -> (entry, "" or "dem" when only a demonstrative makes it one)."""
    return {lemma: (_entry("name_calling", reason, neutral), det)
            for lemma, reason, neutral, det, _ in map(lambda r: _pad(r, 5), table("name_substitutes"))}


@lru_cache(maxsize=1)
def _substitute_fields() -> dict[str, frozenset[str]]:
    """Substitute nouns with a literal sense in one field -> the field's words (« la diva » at the opera)."""
    return {lemma: frozenset(w.strip() for w in field.split(",") if w.strip())
            for lemma, _, _, _, field in map(lambda r: _pad(r, 5), table("name_substitutes")) if field}


def _doc_has(doc, words: frozenset[str]) -> bool:
    """Some token of the document has one of `words` as its lemma or lower-cased form."""
    tab = _table(doc)
    return any(w in words for w in tab.lemma) or any(w in words for w in tab.low)


@lru_cache(maxsize=1)
def _pejorative_suffixes() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((suffix, frozenset(w.strip() for w in exceptions.split(",")))
                 for suffix, exceptions in map(lambda r: _pad(r, 2), table("pejorative_suffixes")))


@lru_cache(maxsize=1)
def _emotive_nouns() -> dict[str, tuple[frozenset[str], _Entry]]:
    """Nouns that are images only in context -> (context rule, entry)."""
    return {lemma: (frozenset(context.split(",")), _entry(category, reason, neutral))
            for lemma, context, category, reason, neutral in map(lambda r: _pad(r, 5), table("emotive_nouns"))}


@lru_cache(maxsize=1)
def _intensifiers() -> dict[str, frozenset[str]]:
    """Role -> words (see intensifiers.tsv); adjectives with their inflected forms (« achevée », « vraie »)."""
    roles: dict[str, set[str]] = {}
    for word, role in map(lambda r: _pad(r, 2), table("intensifiers")):
        roles.setdefault(role, set()).update(_inflections(word) if role in _ADJECTIVE_ROLES else {word})
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def _mock_titles() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(title -> "any" | "domain", literal complements, mocking domains)."""
    titles, literal, domains = {}, set(), set()
    for kind, word, mode in map(lambda r: _pad(r, 3), table("mock_titles")):
        if kind == "title":
            titles[word] = mode or "any"
        elif kind == "famous":  # antonomasia: « le Mozart de la finance »
            titles[word.lower()] = "famous"
        elif kind == "literal":
            literal.add(word)
        elif kind == "domain":
            domains.add(word)
    return titles, frozenset(literal), frozenset(domains)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[_Pattern, ...]]:
    """Phrase patterns indexed by the words their first element accepts."""
    index: dict[str, list[_Pattern]] = {}
    seen: list[_Pattern] = []
    for row in table("loaded_phrases"):
        source, category, reason, neutral, register, context = _pad(row, 6)
        elements, first, last = [], None, None
        for raw in source.split():
            if raw.startswith("["):
                first, raw = len(elements), raw[1:]
            closing = raw.endswith("]")
            raw = raw.rstrip("]")
            if raw.startswith("*"):
                elements.append(("gap", int(raw[1:] or 4)))
            elif raw == "@NAME":
                elements.append(("name",))
            elif raw.startswith("!") and len(raw) > 1:
                elements.append(("not", frozenset(raw[1:].lower().split("|"))))
            else:
                elements.append(("words", frozenset(raw.lower().split("|"))))
            if closing:
                last = len(elements) - 1
        mark = (first or 0, len(elements) - 1 if last is None else last)
        entry = _entry(category, reason, neutral)
        if register == "familier":
            entry = _Entry(entry.category, entry.reason, entry.neutral, entry.pos, familiar=True)
        pattern = _Pattern(tuple(elements), mark, entry, sea=context == "mer", kitchen=context == "cuisine",
                           order=len(seen))
        seen.append(pattern)
        for word in elements[0][1]:
            index.setdefault(word, []).append(pattern)
    return {word: tuple(found) for word, found in index.items()}


_ER_ENDINGS = ("e", "es", "ent", "ons", "ez", "ais", "ait", "aient", "ions", "iez", "é", "ée", "és", "ées", "ant",
               "a", "as", "ai", "èrent", "era", "eront", "erait", "eraient", "er")
_IR_ENDINGS = ("is", "it", "issent", "issait", "issaient", "issant", "i", "ie", "ira", "irait", "ir")
# « autant de pigeons », « pris pour des gogos », « de vrais moutons »: words that make the noun a designation
_DUPE_DESIGNATION = ("autant de", "pour des", "pour un", "pour une", "de vrais", "de véritables", "de parfaits",
                     "ces pauvres", "les pauvres", "de pauvres", "en vrais", "comme des")
_REFLEXIVE = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})
_NOUN_DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "sa", "son",
                               "ses", "leur", "leurs", "cette", "ce", "cet", "ces", "notre", "votre", "nos", "vos"})


def _conjugations(lemma: str) -> set[str]:
    """The forms of a regular -er or -ir verb: rare familiar verbs are often mis-lemmatized, so also match these."""
    if lemma.endswith("er"):
        return {lemma[:-2] + end for end in _ER_ENDINGS}
    if lemma.endswith("ir"):
        return {lemma[:-2] + end for end in _IR_ENDINGS}
    return {lemma}


@lru_cache(maxsize=1)
def _mocking_verbs() -> tuple[dict[str, tuple[_Entry, str, bool]], dict[str, str]]:
    """Mocking verbs by lemma -> (entry, reflexive marker, is a verb of speech), and every generated form -> lemma."""
    verbs: dict[str, tuple[_Entry, str, bool]] = {}
    forms: dict[str, str] = {}
    for lemma, kind, reflexive, reason, neutral, extra in map(lambda r: _pad(r, 6), table("mocking_verbs")):
        verbs[lemma] = (_entry("loaded", reason, neutral), reflexive, kind == "speech")
        for form in _conjugations(lemma) | {w.strip() for w in extra.split(",") if w.strip()}:
            forms.setdefault(form, lemma)
    return verbs, forms


@lru_cache(maxsize=1)
def _dupe_nouns() -> tuple[dict[str, tuple[str, _Entry]], frozenset[str], frozenset[str], frozenset[str]]:
    """(noun -> (always | people, entry), literal companions, animal-context words, nouns for people)."""
    nouns: dict[str, tuple[str, _Entry]] = {}
    kinds: dict[str, set[str]] = {"literal": set(), "animal": set(), "human": set()}
    for kind, word, mode, reason, neutral in map(lambda r: _pad(r, 5), table("dupe_nouns")):
        if kind == "noun":
            nouns[word] = (mode, _entry("name_calling", reason, neutral))
        else:
            kinds[kind].add(word.lower())
    return nouns, frozenset(kinds["literal"]), frozenset(kinds["animal"]), frozenset(kinds["human"])


@lru_cache(maxsize=1)
def _collocations() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in word_set("neutral_collocations"))


# --- where the journalist is not the one speaking ---------------------------------------------------


def _quoted_regions(article: Article) -> list[tuple[int, int]]:
    """Normalised-text ranges between quote marks, paragraph by paragraph.

    An opening mark left open at the end of a paragraph quotes the rest of it (the style where each
    paragraph of a long quote reopens the mark); a closing mark with no opening one closes a quote that
    began in an earlier paragraph.  Straight quotes open or close depending on the current state.
    """
    norm, original = article.norm, article.norm.original
    regions: list[tuple[int, int]] = []
    pos = 0
    for line in norm.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        depth, opened = 0, start
        for m in re.finditer('"', line):
            i = start + m.start()
            mark = original[norm.origin[i]]
            opening = mark in OPENING_MARKS or (mark not in CLOSING_MARKS and depth == 0)
            if opening:
                if depth == 0:
                    opened = i
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    regions.append((opened, i + 1))
            else:
                regions.append((start, i + 1))
        if depth:
            regions.append((opened, end))
    return regions


def _protection(article: Article, quotes: list[Quote]) -> tuple[list[bool], list[bool]]:
    """Per token: `hard` (quoted speech: never the journalist's) and `soft` (attributed sentence).

    Computed once per analysis: both the finder and `neutral_phrases` need it.
    """
    key = ("editorial.protection", tuple((q.start, q.end) for q in quotes))
    if key not in article.memo:
        article.memo[key] = _compute_protection(article, quotes)
    return article.memo[key][:2]


def _spoken(article: Article, quotes: list[Quote]) -> list[bool]:
    """Per token: in quoted speech or in a sentence attributed by a speech verb (not only by « selon »).

    A familiar word (« hors de prix », « il parade ») in « Selon la DGCCRF, … » is the journalist's: a public
    body paraphrased with « selon » does not speak in that register.
    """
    _protection(article, quotes)
    return article.memo[("editorial.protection", tuple((q.start, q.end) for q in quotes))][2]


def _compute_protection(article: Article, quotes: list[Quote]) -> tuple[list[bool], list[bool], list[bool]]:
    doc = article.doc
    n = len(doc)
    hard = [False] * n
    regions = sorted(_quoted_regions(article))
    starts = [s for s, _ in regions]
    tab = _table(doc)
    for i, idx in enumerate(tab.idx):
        k = bisect.bisect_right(starts, idx) - 1
        if k >= 0 and idx < regions[k][1]:
            hard[i] = True
    if quotes:
        spans = sorted((q.start, q.end) for q in quotes)
        quote_starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among spans[:k+1]
        for i, idx in enumerate(tab.idx):
            span = article.span(idx, tab.end[i])  # article.token_span(doc[i])
            k = bisect.bisect_left(quote_starts, span.end) - 1  # spans starting before the token ends
            if k >= 0 and reach[k] > span.start:
                hard[i] = True
    for first, last in _pull_quotes(article):
        for i in range(first, last + 1):
            hard[i] = True
    soft = list(hard)
    spoken = list(hard)
    sentences = _sentences(doc)
    for k, sent in enumerate(sentences):
        # The parser sometimes cuts « La situation est grave, | a déclaré le préfet. » in two.
        cut = k + 1 < len(sentences) and "," in (sent[-1].text, sentences[k + 1][0].text) \
            and _opens_with_attribution(sentences[k + 1])
        attributed, by_speech = (True, True) if cut else _attributed_both(sent)
        if attributed:
            for tok in sent[_attributed_from(sent) if not cut else 0:]:
                soft[tok.i] = True
        if by_speech:
            for tok in sent:
                spoken[tok.i] = True
    return hard, soft, spoken


def _opens_with_attribution(sent) -> bool:
    """A sentence that starts with a speech verb (after its auxiliaries) whose subject follows it."""
    speech = word_set("speech_verbs")
    for tok in sent:
        if tok.pos_ == "AUX" or tok.text == ",":
            continue
        said = tok.lemma_.lower() in speech or tok.lower_ + "r" in speech
        return said and any(c.dep_.startswith("nsubj") and c.i > tok.i for c in tok.children)
    return False


def _pull_quotes(article: Article) -> list[tuple[int, int]]:
    """Token ranges of lines that repeat a quote followed by the speaker's name, without marks."""
    doc = article.doc
    found = []
    persons = {ent.end - 1: ent for ent in doc.ents if ent.label_ == "PER" and len(ent) >= 2}
    for sent_line in _lines(doc):
        first, last = sent_line
        text = doc[last].text
        if last - first < 5 or text[-1] in _PULL_QUOTE_END:
            continue
        ent = persons.get(last)
        if ent is not None and ent.start > first:
            found.append((first, last))
    return found


def _lines(doc) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (paragraphs), without the whitespace tokens."""
    tab = token_table(doc)
    lines, first = [], None
    for i, (text, space, is_space) in enumerate(zip(tab.text, tab.space, tab.is_space)):
        if is_space or "\n" in text:
            if first is not None:
                lines.append((first, i - 1))
                first = None
            continue
        if first is None:
            first = i
        if "\n" in space:
            lines.append((first, i))
            first = None
    if first is not None:
        lines.append((first, len(doc) - 1))
    return lines


_last_sentences: tuple = (lambda: None, [])  # (weak reference to the last doc, its sentences)


def _sentences(doc) -> list:
    """The parser's sentences, cut at paragraph breaks (the parser sometimes runs over them).

    Several steps ask for the same doc's sentences: the last doc's are kept (do not mutate the list).
    """
    global _last_sentences
    ref, known = _last_sentences
    if ref() is doc:
        return known
    out = _split_sentences(doc)
    _last_sentences = (weakref.ref(doc), out)
    return out


def _split_sentences(doc) -> list:
    tab = token_table(doc)
    text, space, is_space = tab.text, tab.space, tab.is_space
    out = []
    for sent in doc.sents:
        first = None
        for i in range(sent.start, sent.end):
            if is_space[i] or "\n" in text[i]:
                if first is not None:
                    out.append(doc[first: i])
                    first = None
                continue
            if first is None:
                first = i
            if "\n" in space[i]:
                out.append(doc[first: i + 1])
                first = None
        if first is not None:
            out.append(doc[first: sent.end])
    return out


def _attributed_from(sent) -> int:
    """Where the attributed part of an attributed sentence starts (an index into `sent`).

    « L'empire vacille : selon un sondage, 71 % … »: a « selon » after a colon or semicolon attributes what
    follows it, not the journalist's claim before it; any other attribution covers the whole sentence.
    """
    for k, tok in enumerate(sent):
        if tok.text in (":", ";"):
            rest = sent[k + 1:]
            if len(rest) and _selon_only(rest) and not _attributed(sent[:k]):
                return k
            return 0
    return 0


def _selon_only(rest) -> bool:
    """The part after a colon is attributed by « selon » / « d'après » (anywhere in it), not by a speech verb.

    « …vient de prendre une claque : son émission a réuni 412 000 téléspectateurs, selon Médiamétrie »: the
    figures are Médiamétrie's, the image before the colon the journalist's.  With a speech verb in that part
    (« …, a déclaré le ministre ») the whole sentence may be the speaker's paraphrase: it stays attributed.
    """
    if rest[0].lower_ == "selon" or (len(rest) > 1 and rest[0].lower_ == "d'" and rest[1].lower_ == "après"):
        return True
    speech = word_set("speech_verbs")
    found = False
    for tok in rest:
        low = tok.lower_
        if low == "selon" or (low == "après" and tok.i > rest.start and tok.doc[tok.i - 1].lower_ == "d'"):
            found = True
        elif _SPEECH_INVERSION.match(low) or tok.lemma_.lower() in speech:
            return False
    return found


def _attributed(sent, speech_only: bool = False) -> bool:
    """A sentence reported by an inverted speech verb (« …, a-t-il déclaré ») or attributed by « selon »."""
    speech = word_set("speech_verbs")
    for tok in sent:
        low = tok.lower_
        if _SPEECH_INVERSION.match(low):
            near = [t for t in sent.doc[max(sent.start, tok.i - 3): min(sent.end, tok.i + 3)]]
            if any(t.lemma_.lower() in speech for t in near):
                return True
        # « selon l'ONU », « d'après lui »: the judgement in the sentence is the source's.
        if low == "selon" or (low == "après" and tok.i > sent.start
                              and sent.doc[tok.i - 1].lower_ == "d'"):
            # with speech_only, only « selon lui », « selon Marie Durand »: a person may speak familiarly
            nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if not speech_only or (nxt is not None and (nxt.pos_ == "PRON" or nxt.ent_type_ == "PER")):
                return True
        # « …, estime l'ONG »: a speech verb after a comma with its subject after it.
        # (the lemmatizer leaves some present tenses alone: « estime » -> « estimer »)
        said = tok.lemma_.lower() in speech or low + "r" in speech
        if not said:
            continue
        before = tok.i - 1  # « …, a indiqué la préfecture »: over the auxiliaries
        while before > sent.start and sent.doc[before].pos_ == "AUX" and sent.doc[before].head.i == tok.i:
            before -= 1
        if said and before >= sent.start and sent.doc[before].text == "," \
                and any(c.dep_.startswith("nsubj") and c.i > tok.i for c in tok.children):
            return True
    return False


def _attributed_both(sent) -> tuple[bool, bool]:
    """``(_attributed(sent), _attributed(sent, speech_only=True))`` in one pass over the sentence."""
    speech = word_set("speech_verbs")
    doc = sent.doc
    tab = _table(doc)
    lows, lemmas = tab.low, tab.lemma
    start, end = sent.start, sent.end
    any_selon = strict_selon = False
    for i in range(start, end):
        low = lows[i]
        if _SPEECH_INVERSION.match(low):
            if any(lemmas[j] in speech for j in range(max(start, i - 3), min(end, i + 3))):
                return True, True
        if low == "selon" or (low == "après" and i > start and lows[i - 1] == "d'"):
            any_selon = True
            if not strict_selon:
                nxt = doc[i + 1] if i + 1 < end else None
                strict_selon = nxt is not None and (nxt.pos_ == "PRON" or nxt.ent_type_ == "PER")
            if strict_selon:
                return True, True
        if not (lemmas[i] in speech or low + "r" in speech):
            continue
        tok = doc[i]
        before = i - 1
        while before > sent.start and doc[before].pos_ == "AUX" and doc[before].head.i == tok.i:
            before -= 1
        if before >= sent.start and doc[before].text == "," \
                and any(c.dep_.startswith("nsubj") and c.i > tok.i for c in tok.children):
            return True, True
    return any_selon, strict_selon


# --- cues -------------------------------------------------------------------------------------------


def _keys(tok) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _is_name(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()


def _match_pattern(tab, elements, e: int, i: int, end: int, out: list[int]) -> bool:
    """Backtracking match of elements[e:] at token i (sentence ends at `end`); out gets each element's last token.

    `tab` holds the article's per-token keys, name flags and punctuation flags (see :func:`_token_table`).
    """
    if e == len(elements):
        return True
    kind = elements[e][0]
    if kind == "gap":
        punct = tab[2]
        for skip in range(elements[e][1] + 1):
            if i + skip > end or (skip and punct[i + skip - 1]):
                break
            out.append(i + skip - 1)
            if _match_pattern(tab, elements, e + 1, i + skip, end, out):
                return True
            out.pop()
        return False
    if kind == "not":  # zero-width: the next word is none of these (« la machine » but not « la machine à café »)
        if i < end and tab[0][i] & elements[e][1]:
            return False
        out.append(i - 1)
        if _match_pattern(tab, elements, e + 1, i, end, out):
            return True
        out.pop()
        return False
    if i >= end:
        return False
    ok = tab[1][i] if kind == "name" else bool(tab[0][i] & elements[e][1])
    if not ok:
        return False
    out.append(i)
    if _match_pattern(tab, elements, e + 1, i + 1, end, out):
        return True
    out.pop()
    return False


class _Table:
    """Token attributes read by every cue finder, as lists indexed by token (read once per doc)."""

    __slots__ = ("keys", "names", "punct", "low", "lemma", "pos", "alpha", "lower", "idx", "end", "__weakref__")

    def __init__(self, doc):
        shared = token_table(doc)
        self.low, self.lemma, self.pos = shared.lower, shared.lemma, shared.pos
        self.alpha, self.lower, self.punct = shared.alpha, shared.is_lower, shared.punct
        self.idx, self.end = shared.idx, shared.end
        self.keys = [{lemma, word} for lemma, word in zip(shared.lemma, shared.lower)]  # _keys(tok)
        self.names = [is_alpha and text[:1].isupper() and not text.isupper()  # _is_name(tok)
                      for is_alpha, text in zip(shared.alpha, shared.text)]


_last_table: tuple = (lambda: None, None)  # (weak reference to the last doc, its table)


def _table(doc) -> _Table:
    global _last_table
    ref, known = _last_table
    if ref() is doc:
        return known
    table = _Table(doc)
    _last_table = (weakref.ref(doc), table)
    return table


def _token_table(doc):
    """Per token, once per article: its keys (:func:`_keys`), whether it is a name, whether it is punctuation."""
    t = _table(doc)
    return t.keys, t.names, t.punct


def _pattern_rank(pattern: _Pattern) -> tuple[int, int]:
    return -len(pattern.elements), pattern.order


def _phrase_candidates(doc) -> list[_Candidate]:
    index = _patterns()
    tab = _token_table(doc)
    keys = tab[0]
    found = []
    get = index.get
    for sent in _sentences(doc):
        for i in range(sent.start, sent.end):
            patterns = [p for key in keys[i] for p in get(key, ())]
            if not patterns:
                continue
            # Longest first; one file order for ties, so that the result never depends on hashing.
            for pattern in sorted({p.order: p for p in patterns}.values(), key=_pattern_rank):
                ends: list[int] = []
                if _match_pattern(tab, pattern.elements, 0, i, sent.end, ends):
                    if pattern.sea and _at_sea(doc, i):
                        break
                    if pattern.kitchen and _in_kitchen(doc, i):
                        break
                    first_el, last_el = pattern.mark
                    first = i if first_el == 0 else ends[first_el - 1] + 1
                    last = ends[last_el]
                    entry = pattern.entry
                    found.append(_Candidate(first, last, entry.category, entry.reason, entry.neutral,
                                            soft=entry.category != "name_calling", familiar=entry.familiar))
                    break
    return found


def _in_kitchen(doc, i: int) -> bool:
    """The sentence of token i speaks of food or drink (kitchen_words.txt): a cooking image may be literal."""
    words = word_set("kitchen_words")
    tab = _table(doc)
    sent = doc[i].sent
    return any(tab.lemma[j] in words or tab.low[j] in words for j in range(sent.start, sent.end))


def _lexicon_entry(tok):
    entries, forms = _lexicon()
    lemma = tok.lemma_.lower()
    if lemma not in entries:
        lemma = forms.get(tok.lower_)
    if lemma is None and tok.pos_ == "ADV":
        return _derived_adverb(tok.lower_)
    return (lemma, entries[lemma]) if lemma else (None, None)


def _entry_at(tab: _Table, i: int):
    """``_lexicon_entry(doc[i])[1]``, read from the doc's token table."""
    entries, forms = _lexicon()
    lemma = tab.lemma[i]
    if lemma not in entries:
        lemma = forms.get(tab.low[i])
    if lemma is None and tab.pos[i] == "ADV":
        return _derived_adverb(tab.low[i])[1]
    return entries[lemma] if lemma else None


# adverbs whose ordinary sense does not judge (« vulgairement appelé » = commonly called)
_PLAIN_ADVERBS = frozenset({"vulgairement", "énormément", "absurdement"})


@lru_cache(maxsize=4096)
def _derived_adverb(word: str):
    """A manner adverb built on a listed judging adjective (« grotesquement », « arrogamment »), as its entry."""
    if not word.endswith("ment") or len(word) < 8 or word in _PLAIN_ADVERBS:
        return None, None
    entries, forms = _lexicon()
    if word.endswith("amment"):
        bases = (word[:-6] + "ant",)
    elif word.endswith("emment"):
        bases = (word[:-6] + "ent",)
    else:
        bases = (word[:-4], word[:-5] if word.endswith("ément") else word[:-4])
    for base in bases:
        lemma = base if base in entries else forms.get(base)
        if lemma and entries[lemma].pos.startswith("ADJ"):
            entry = entries[lemma]
            return lemma, _Entry(entry.category, _defaults()[entry.category][0], "(supprimer l'adverbe)", "ADV")
    return None, None


def _pos_fits(tok, pos: str) -> bool:
    if pos == "*":
        return True
    if pos == "ADV":
        return tok.pos_ == "ADV"
    if pos == "NOUN":
        return tok.pos_ == "NOUN"
    # Adjectives, including past participles used as adjectives ("un régime condamné") but not as
    # verbs ("condamné à cinq ans", "a été condamné").
    if tok.pos_ == "VERB":
        if "Part" not in tok.morph.get("VerbForm") or tok.dep_ not in ("amod", "acl"):
            return False
        if any(c.dep_ in _PARTICIPLE_COMPLEMENT or c.dep_.startswith("aux") for c in tok.children):
            return False
    elif tok.pos_ != "ADJ":
        return False
    if tok.i and tok.doc[tok.i - 1].lower_ in ("s'", "se", "s’"):
        return False  # « s'indigne X »: a reflexive verb of saying the tagger read as the adjective
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _FOLLOWING_PREPOSITIONS and tok.pos_ == "VERB":
        return False
    if pos == "ADJ<":
        return tok.dep_ == "amod" and tok.i < tok.head.i
    return True


def _in_collocation(doc, i: int) -> bool:
    for words in _collocations():
        for k, word in enumerate(words):
            start = i - k
            if start < 0 or start + len(words) > len(doc):
                continue
            if all(w in _keys(doc[start + j]) for j, w in enumerate(words)):
                return True
    return False


def _with_noun(tok) -> tuple[int, int]:
    """The adjective with the noun it qualifies when they stand together ("menaces dérangées")."""
    head = tok.head
    if tok.dep_ == "conj" and head.pos_ == "ADJ":
        head = head.head
    if head.pos_ in ("NOUN", "PROPN") and head.i != tok.i and abs(head.i - tok.i) <= 2:
        between = tok.doc[min(head.i, tok.i) + 1: max(head.i, tok.i)]
        if all(t.pos_ in ("ADJ", "ADV") for t in between):
            return min(head.i, tok.i), max(head.i, tok.i)
    return tok.i, tok.i


def _word_candidates(doc) -> list[_Candidate]:
    found = []
    tab = _table(doc)
    entries, forms = _lexicon()
    for i, is_alpha in enumerate(tab.alpha):
        if not is_alpha and not (tab.low[i].startswith("ex-") and tab.low[i][3:].replace("-", "").isalpha()):
            continue
        # _lexicon_entry(tok), on the table
        lemma = tab.lemma[i]
        if lemma not in entries:
            lemma = forms.get(tab.low[i])
        if lemma is None and tab.pos[i] == "ADV":
            lemma, entry = _derived_adverb(tab.low[i])
        else:
            entry = entries[lemma] if lemma else None
        if entry is None and tab.low[i].startswith("ex-"):
            # « l'ex-chouchoute du PAF »: an insult or mocking nickname taken back is still one
            lemma = forms.get(tab.low[i][3:])
            entry = entries[lemma] if lemma and entries[lemma].category == "name_calling" else None
        if entry is None:
            continue
        tok = doc[i]
        if not _pos_fits(tok, entry.pos):
            continue
        # A capital inside a sentence means a name or a title ("les Trente Glorieuses", M. Vaillant).
        if tok.text[:1].isupper() and not tok.text.isupper() and not tok.is_sent_start \
                and tok.i > 0 and doc[tok.i - 1].is_alpha:
            continue
        if _in_collocation(doc, tok.i):
            continue
        first, last = _with_noun(tok) if entry.pos.startswith("ADJ") else (tok.i, tok.i)
        found.append(_Candidate(first, last, entry.category, entry.reason, entry.neutral,
                                soft=entry.category != "name_calling"))
    return found


def _substitute_candidates(doc) -> list[_Candidate]:
    """An insulting noun with a definite article standing for a person ("le tyran a annoncé")."""
    substitutes = _substitutes()
    found = []
    tab = _table(doc)
    for i, lemma in enumerate(tab.lemma):
        entry, det = substitutes.get(lemma) or substitutes.get(tab.low[i]) or (None, "")
        if entry is None and tab.pos[i] == "NOUN" and tab.lower[i]:
            entry = _suffix_entry(lemma)
        if entry is None:
            continue
        tok = doc[i]
        if entry is None or tok.pos_ not in ("NOUN", "ADJ") or "Plur" in tok.morph.get("Number"):
            continue
        before = [t for t in doc[max(0, tok.i - 2): tok.i]]
        allowed = _DEMONSTRATIVE if det == "dem" else _DEFINITE
        if not before or not (before[-1].lower_ in allowed
                              or (before[-1].pos_ == "ADJ" and len(before) > 1 and before[0].lower_ in allowed)):
            continue
        field = _substitute_fields().get(lemma) or _substitute_fields().get(tab.low[i])
        if field and _doc_has(doc, field):
            continue  # « la diva » in a story about the opera is the singer's title
        after = doc[tok.i + 1: min(len(doc), tok.i + 5)]
        named = False
        for t in after:
            # « le tyran du Kremlin »: a name after « de » is a complement, not the person's name beside the label
            if t.is_punct or t.pos_ in ("VERB", "AUX") or (t.lower_ in ("de", "du", "d'", "d’", "des")
                                                          and lemma in _RULER_INSULTS):
                break
            if t.pos_ == "PROPN" or _is_name(t):
                named = True
                break
        if named:  # "le dictateur chilien Augusto Pinochet": a label beside the name, not instead of it
            continue
        first = before[-1].i + 1 if before[-1].pos_ != "ADJ" else before[-1].i
        last = tok.i
        while last + 1 < len(doc) and doc[last + 1].pos_ == "ADJ" and doc[last + 1].head.i == tok.i:
            last += 1
        found.append(_Candidate(first, last, "name_calling", entry.reason, entry.neutral, soft=False))
    return found


def _suffix_entry(lemma: str) -> _Entry | None:
    """A noun formed with a pejorative suffix (« bellâtre »), unless listed as neutral (« théâtre »)."""
    for suffix, exceptions in _pejorative_suffixes():
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2 and lemma not in exceptions:
            reason, neutral = _defaults()["suffix"]
            return _Entry("name_calling", reason.replace("{suffixe}", suffix), neutral)
    return None


def _mock_title_candidates(doc) -> list[_Candidate]:
    """A title given for a habit: « le roi du selfie », « ce champion toutes catégories de la gaffe »."""
    titles, literal, domains = _mock_titles()
    reason, neutral = _defaults()["mock_title"]
    found = []
    n = len(doc)
    tab = _table(doc)
    for i, word in enumerate(tab.low):
        mode = titles.get(word) or titles.get(tab.lemma[i]) if tab.lower[i] else titles.get(word)
        if mode is None and word.startswith("ex-") and word[3:] in titles:
            mode = "any"  # « l'ex-idole des fourneaux »: a title taken back is a mockery whatever follows
        if mode is None or tab.pos[i] not in ("NOUN", "PROPN", "X", "ADJ") or i == 0:
            continue
        tok = doc[i]
        if mode == "famous":
            if not _is_name(tok):
                continue
        elif not tok.is_lower and not tok.is_sent_start:
            continue  # « la Reine des neiges », « le Roi Soleil »: a title of a work or a name
        first = tok.i
        if doc[first - 1].lower_ in _TITLE_ADJECTIVES and first >= 2:
            first -= 1  # « du petit prince de l'esbroufe », « le grand gourou de la com »
        if doc[first - 1].lower_ not in _DEFINITE | {"un", "une", "l'", ","}:  # or in apposition
            continue
        j, strong = tok.i + 1, False
        if j + 1 < n and doc[j].lower_ in ("toutes", "tous") and doc[j + 1].lemma_.lower() == "catégorie":
            j, strong = j + 2, True
        if j < n and doc[j].is_lower and (doc[j].pos_ == "ADJ" or "Part" in doc[j].morph.get("VerbForm")):
            j += 1  # « incontesté », « autoproclamé » (tagged as a participle)
        if j >= n or doc[j].lower_ not in ("de", "du", "des", "d'"):
            continue
        j += 1
        if j < n and doc[j].lower_ in ("la", "l'", "le", "les"):
            j += 1
        if j < n and doc[j].pos_ == "ADJ" and doc[j].is_lower and j + 1 < n and doc[j + 1].is_alpha:
            j += 1  # « de la petite phrase »
        if j >= n or not doc[j].text.replace("-", "").isalpha() or not doc[j].is_lower:
            continue  # « du bien-être » is one token
        if doc[j].pos_ not in ("NOUN", "ADJ", "X") and not _keys(doc[j]) & domains:
            continue  # the tagger sometimes calls a plural noun after « de » a pronoun (« de rêves »)
        complement = doc[j].lemma_.lower()
        if j + 2 < n and doc[j + 1].text == "-" and not doc[j].whitespace_ and doc[j + 2].is_alpha:
            complement = doc[j].lower_ + "-" + doc[j + 2].lower_  # « volte-face », split by the tokenizer
            j += 2
        if complement in literal or doc[j].lower_ in literal:
            continue
        if mode not in ("any", "famous") and not strong and complement not in domains and doc[j].lower_ not in domains:
            continue
        last = j
        while last + 1 < n and doc[last + 1].pos_ == "ADJ" and doc[last + 1].is_lower \
                and doc[last + 1].head.i == j:
            last += 1
        found.append(_Candidate(first, last, "name_calling", reason, neutral, soft=False))
    return found


_LITERAL_MOAN = frozenset({"de douleur", "sous les", "de plaisir", "de froid", "de faim"})


def _mocking_verb_candidates(doc) -> list[_Candidate]:
    """A familiar or pejorative verb about what someone said or did (« a-t-il pleurniché », « il parade »).

    Matched on the lemma or the surface form (conjugations are generated); a form that is also a noun
    (« la parade ») is skipped after a determiner; « se vanter » needs its reflexive pronoun.
    """
    verbs, forms = _mocking_verbs()
    found = []
    tab = _table(doc)
    for i, lemma in enumerate(tab.lemma):
        if not tab.alpha[i] or not tab.lower[i]:
            continue
        if lemma not in verbs:
            lemma = forms.get(tab.low[i])
        if lemma is None or tab.pos[i] in ("ADP", "DET", "PRON"):
            continue
        tok = doc[i]
        entry, reflexive, speech = verbs[lemma]
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and prev.lower_ in _NOUN_DETERMINERS and tok.pos_ in ("NOUN", "ADJ", "PROPN"):
            continue
        if " ".join(tab.low[tok.i + 1: tok.i + 3]) in _LITERAL_MOAN:
            continue  # « gémir de douleur »: the literal moan
        first = tok.i
        if reflexive:
            # « il se vante », « s'est vanté », « se sont pavanés »: the pronoun within the three words before
            near = [t for t in doc[max(0, tok.i - 3): tok.i] if t.lower_ in _REFLEXIVE]
            if not near:
                continue
            first = near[-1].i
        # the verb of speech is the journalist's choice even in the clause that attributes the quote
        found.append(_Candidate(first, tok.i, entry.category, entry.reason, entry.neutral, soft=not speech,
                                familiar=True))
    return found


def _dupe_candidates(doc) -> list[_Candidate]:
    """An animal noun for dupes used for people (« autant de pigeons », « pris pour des gogos »)."""
    nouns, literal, animal, human = _dupe_nouns()
    found = []
    sentences = None
    tab = _table(doc)
    for i, lemma in enumerate(tab.lemma):
        if not tab.alpha[i] or not tab.lower[i] or tab.pos[i] not in ("NOUN", "ADJ", "PROPN", "X"):
            continue
        key = lemma if lemma in nouns else tab.low[i].rstrip("sx")
        if key not in nouns:
            continue
        tok = doc[i]
        mode, entry = nouns[key]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i else None
        if nxt is not None and nxt.lower_.rstrip("s") in literal or (prev is not None and prev.lower_ == "à"):
            continue  # « pigeon voyageur », « à gogo »
        if mode == "people":
            if sentences is None:
                sentences = _sentences(doc)
            k = next((k for k, s in enumerate(sentences) if s.start <= tok.i < s.end), None)
            if k is None:
                continue
            sent = sentences[k]
            if any(t.lemma_.lower() in animal or t.lower_ in animal for t in sent):
                continue
            before = " ".join(t.lower_ for t in doc[max(sent.start, tok.i - 3): tok.i])
            context = list(sent) + (list(sentences[k - 1]) if k else [])
            people = any(t.lemma_.lower() in human or t.lower_ in human or t.text in human for t in context)
            designated = any(c.dep_ == "cop" for c in tok.children) or before.endswith(_DUPE_DESIGNATION) \
                or (people and before.endswith(("ces", "les", "des", "de", "ce", "le", "un", "une")))
            if not designated:
                continue
        found.append(_Candidate(tok.i, tok.i, entry.category, entry.reason, entry.neutral, soft=False))
    return found


def _intensified_candidates(doc) -> list[_Candidate]:
    """Images and judgements pushed by an intensifier.

    * an emotive noun in a context that makes it an image (« un véritable naufrage », « subir un camouflet »,
      « un naufrage électoral »); the literal sense stays neutral (« le naufrage du ferry »);
    * « d'un(e) » + a judging quality (+ an intensifier): « d'un ridicule achevé », « d'une bêtise rare »;
    * « d'un(e) » + any quality + a strong intensifier: « d'une arrogance sans nom ».
    """
    roles = _intensifiers()
    before, after, strong = roles.get("before", ()), roles.get("after", ()), roles.get("strong", ())
    qualities, figurative, verbs = roles.get("quality", ()), roles.get("figurative", ()), roles.get("verb", ())
    rare, ironic = roles.get("rare", ()), roles.get("ironic", ())
    nouns = _emotive_nouns()
    found = []
    n = len(doc)
    tab = _table(doc)
    for i, pos in enumerate(tab.pos):
        if pos != "NOUN" or not tab.lower[i]:
            continue
        tok = doc[i]
        lemma = tok.lemma_.lower()
        rule = nouns.get(lemma) or nouns.get(tok.lower_) or nouns.get(tok.lower_.rstrip("sx"))
        if rule is not None:
            context, entry = rule
            first = last = tok.i
            prev = doc[tok.i - 1] if tok.i else None
            if prev is not None and _keys(prev) & before and prev.pos_ == "ADJ":
                first = prev.i
            for c in tok.children:
                if c.dep_ == "amod" and c.i > tok.i and (_keys(c) & after
                                                         or ("figurative" in context and _keys(c) & figurative)):
                    last = max(last, c.i)
            if first == last == tok.i and "figurative" in context:
                head = tok.head
                if tok.dep_ in ("obj", "obl:mod", "obl:arg", "obl") and head.pos_ == "VERB" \
                        and head.lemma_.lower() in verbs and head.i < tok.i:
                    first = head.i
            if first == last == tok.i and "complement" in context:
                last = _figurative_complement(doc, tok)
            if first == last == tok.i and "copula" in context:
                first = _copula_start(tab, tok.i)  # « Ce n'est plus une guerre, c'est un abattoir. »
            if (first, last) != (tok.i, tok.i):
                found.append(_Candidate(first, last, entry.category, entry.reason, entry.neutral))
                continue
            if "war" in context and _at_war(doc) and not _in_kitchen(doc, tok.i):  # « la boucherie » in a war story is not a butcher's shop
                found.append(_Candidate(tok.i, tok.i, entry.category, entry.reason, entry.neutral))
                continue
        # « d'une rare élégance », « d'une grande finesse »: a quality praised (often by antiphrasis)
        if tok.i >= 3 and tab.low[i - 1] in rare and tab.low[i - 2] in ("un", "une") \
                and tab.low[i - 3] in ("d'", "de", "d’") and (lemma in qualities or lemma in ironic):
            reason, neutral = _defaults()["rare_quality"]
            found.append(_Candidate(tok.i - 3, tok.i, "loaded", reason, neutral))
            continue
        # « (est) d'un ridicule achevé »
        if tok.i < 2 or doc[tok.i - 1].lower_ not in ("un", "une") or doc[tok.i - 2].lower_ not in ("d'", "de"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < n else None
        qualifier = nxt is not None and nxt.is_lower and (nxt.pos_ in ("ADJ", "VERB")
                                                          or bool(_keys(nxt) & (strong | after)))
        forms = _keys(nxt) if qualifier else set()
        if nxt is not None and nxt.lower_ == "sans" and tok.i + 2 < n and doc[tok.i + 2].lower_ == "nom":
            forms, qualifier, nxt = {"sans nom"}, True, doc[tok.i + 2]
        intense = bool(forms & strong) or "sans nom" in forms
        if lemma in qualities and (not qualifier or intense or forms & after):
            last = nxt.i if qualifier else tok.i
            reason, neutral = _defaults()["quality"]
            found.append(_Candidate(tok.i - 2, last, "loaded", reason, neutral))
        elif qualifier and intense:
            reason, neutral = _defaults()["intensified"]
            found.append(_Candidate(tok.i - 2, nxt.i, "exaggeration", reason, neutral))
    return found


_COPULA_ARTICLES = frozenset({"un", "une", "le", "la", "l'", "l’", "du"})
_COPULA_VERBS = frozenset({"est", "était", "sera", "serait", "fut", "devient", "devenait"})


def _copula_start(tab: _Table, i: int) -> int:
    """Where « c'est (un | le | du) [véritable] » starts before the noun at i, or i when it is not there."""
    j = i - 1
    if j >= 0 and tab.low[j] in ("véritable", "vrai", "vraie", "pur", "pure"):
        j -= 1
    if j >= 1 and tab.low[j] == "la" and tab.low[j - 1] == "de":
        j -= 1
    elif j < 0 or tab.low[j] not in _COPULA_ARTICLES:
        return i
    j -= 1
    if j >= 1 and tab.low[j] in _COPULA_VERBS and tab.low[j - 1] in ("c'", "c’", "ce"):
        return j - 1
    return i


_last_war: tuple = (lambda: None, False)  # (weak reference to the last doc, whether it is a war story)


def _at_war(doc) -> bool:
    """The article tells of a war: at least three different words of war_words.txt (soldiers, front, shells…)."""
    global _last_war
    ref, known = _last_war
    if ref() is doc:
        return known
    words = word_set("war_words")
    tab = _table(doc)
    found = {w for w in tab.lemma if w in words} | {w for w in tab.low if w in words}
    at_war = len(found) >= 3
    _last_war = (weakref.ref(doc), at_war)
    return at_war


def _sentence_index(doc, i: int) -> int:
    sentences = _sentences(doc)
    k = bisect.bisect_right([s.start for s in sentences], i) - 1
    return max(k, 0)


def _at_sea(doc, i: int) -> bool:
    """The sentence of token i, or the one before it, speaks of ships or the sea (a real shipwreck)."""
    sentences = _sentences(doc)
    if not sentences:
        return False
    k = _sentence_index(doc, i)
    sea = word_set("maritime_words")
    tab = _table(doc)
    for sent in sentences[max(0, k - 1): k + 1]:
        for j in range(sent.start, sent.end):
            if tab.lemma[j] in sea or tab.low[j] in sea:
                return True
    return False


def _figurative_complement(doc, tok) -> int:
    """« le naufrage de l'émission »: the last token of a complement that is not a ship, or tok.i (no image)."""
    for c in tok.children:
        if c.dep_ != "nmod" or c.i <= tok.i or c.i - tok.i > 4 or c.pos_ != "NOUN" or not c.is_lower:
            continue
        if not any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'") for g in c.children):
            continue
        if _at_sea(doc, tok.i):
            return tok.i
        return c.i
    return tok.i


_VERDICT_OPENERS = frozenset({"un", "une", "quel", "quelle", "véritable", "vrai", "vraie", "pur", "pure"})


def _verdict_candidates(doc) -> list[_Candidate]:
    """A verbless sentence made of an emotive noun: the journalist's verdict (« Un naufrage. », « Une humiliation. »)."""
    nouns = _emotive_nouns()
    found = []
    tab = _table(doc)
    for sent in _sentences(doc):
        words = [i for i in range(sent.start, sent.end) if tab.alpha[i]]
        if not 2 <= len(words) <= 4 or tab.low[words[0]] not in _VERDICT_OPENERS:
            continue
        if any(tab.pos[i] in ("VERB", "AUX") for i in words):
            continue
        if not tab.punct[sent.end - 1] or sent.end - sent.start - len(words) > 1:
            continue
        if any(tab.pos[i] not in ("DET", "ADJ", "NOUN") for i in words):
            continue  # « Un séisme au Japon. »: a headline, not a verdict
        heads = [i for i in words if tab.pos[i] == "NOUN" and (tab.lemma[i] in nouns or tab.low[i] in nouns)]
        if not heads:
            continue
        context, entry = nouns.get(tab.lemma[heads[0]]) or nouns[tab.low[heads[0]]]
        if "verdict" not in context or _at_sea(doc, heads[0]):
            continue
        found.append(_Candidate(sent.start, sent.end - 2, entry.category, entry.reason, entry.neutral))
    return found


def _exclamation_candidates(doc) -> list[_Candidate]:
    """A sentence of one ironic word after a reported statement (« … », plaide-t-elle. Touchant.): sarcasm."""
    words = word_set("ironic_exclamations")
    tab = _table(doc)
    found = []
    previous = None
    for sent in _sentences(doc):
        alpha = [i for i in range(sent.start, sent.end) if tab.alpha[i]]
        if (len(alpha) == 1 and tab.low[alpha[0]] in words and previous is not None
                and sent.end - sent.start <= 2 and (sent.end - sent.start == 1 or tab.low[sent.end - 1] in (".", "!", "…"))
                and "\n" not in doc.text[tab.end[previous.end - 1]:tab.idx[sent.start]]):
            found.append(_Candidate(alpha[0], alpha[0], "loaded",
                                    f"« {doc[alpha[0]].text} », seul, est ironique (Le Robert, par antiphrase) : "
                                    "le journaliste se moque de ce qui vient d'être rapporté.", "(supprimer)"))
        previous = sent
    return found


@lru_cache(maxsize=1)
def _ironic_sentences() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]:
    """(first word -> whole ironic sentences, first word -> ironic openers), from ironic_sentences.txt."""
    whole: dict[str, list[tuple[str, ...]]] = {}
    openers: dict[str, list[tuple[str, ...]]] = {}
    for line in word_set("ironic_sentences"):
        words = tuple(line.replace("’", "'").replace("'", "' ").split())
        if words[-1] == "…":
            openers.setdefault(words[0], []).append(words[:-1])
        else:
            whole.setdefault(words[0], []).append(words)
    return ({w: tuple(v) for w, v in whole.items()},
            {w: tuple(sorted(v, key=len, reverse=True)) for w, v in openers.items()})


_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})


def _ironic_sentence_candidates(doc) -> list[_Candidate]:
    """A stock ironic sentence after what the journalist reported (« Du grand art. », « On n'arrête pas le progrès. »),
    or a sentence opened by a feigned surprise (« On ne savait pas que … »)."""
    whole, openers = _ironic_sentences()
    tab = _table(doc)
    found = []
    previous = None
    for sent in _sentences(doc):
        first = sent.start
        low = tab.low[first].replace("’", "'")
        if (low in whole or low in openers) and previous is not None:
            # in the same paragraph: no line-break token between, no line break after the last token
            if previous.end != first or "\n" in doc[first - 1].whitespace_:
                previous = sent
                continue
            last = sent.end - 1
            while last > first and tab.low[last] in _SENTENCE_END:
                last -= 1
            words = tuple(w.replace("’", "'") for w in tab.low[first: min(last, first + 8) + 1])
            if last - first < 8 and words in whole.get(low, ()):
                reason, neutral = _defaults()["ironic_sentence"]
                found.append(_Candidate(first, last, "loaded", reason, neutral))
            else:
                for seq in openers.get(low, ()):
                    if len(words) > len(seq) and words[:len(seq)] == seq:
                        reason, neutral = _defaults()["ironic_opener"]
                        found.append(_Candidate(first, last, "loaded", reason, neutral))
                        break
        previous = sent
    return found


def _soaring_candidates(doc) -> list[_Candidate]:
    """« les délits de fuite explosent »: a count or a price said to explode (quantity_nouns.txt), not a bomb."""
    nouns = word_set("quantity_nouns")
    tab = _table(doc)
    found = []
    for i in [i for i, low in enumerate(tab.low) if low.startswith("explos")]:
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subjects and tok.dep_ == "acl:relcl":
            subjects = [tok.head]  # « des loyers qui explosent »
        if not subjects or subjects[0].pos_ == "PRON":
            continue
        subject = subjects[0]
        if subject.lemma_.lower() not in nouns and subject.lower_ not in nouns:
            continue
        first = subject.i if 0 < i - subject.i <= 5 else i
        reason, neutral = _defaults()["soaring"]
        found.append(_Candidate(first, i, "exaggeration", reason, neutral))
    return found


_SOMBRER_AMBIGUOUS = frozenset({"sombre", "sombres"})  # also the adjective (« un avenir sombre »)
_SOMBRER_PRONOUNS = frozenset({"qui", "il", "elle", "ils", "elles", "on"})
# « sombrer dans le ridicule » is an image; « sombrer dans le coma / la guerre civile » is how the news reports it
_SOMBRER_IMAGES = frozenset({"ridicule", "oubli", "médiocrité", "indifférence", "déchéance", "disgrâce", "grotesque",
                             "caricature", "outrance", "démagogie", "insignifiance", "naufrage"})


def _figurative_verb_candidates(doc) -> list[_Candidate]:
    """« un programme qui sombre », « sa carrière a sombré »: a failure told as a ship going down.

    Not in a story about ships or the sea (the sentence or the one before), and not with a « dans »
    complement that reports a state (« sombrer dans le coma »), only one that mocks (« dans le ridicule »).
    """
    found = []
    tab = _table(doc)
    forms = _conjugations("sombrer")
    reason = ("« {mot} » compare un échec à un navire qui coule : une image qui dramatise au lieu de décrire "
              "les faits.")
    neutral = "perd des spectateurs / recule (donner les chiffres)"
    n = len(doc)
    for i, low in enumerate(tab.low):
        if tab.lemma[i] != "sombrer" and low not in forms:
            continue
        if not tab.lower[i] or tab.pos[i] in ("NOUN", "DET", "ADP"):
            continue
        if low in _SOMBRER_AMBIGUOUS and not (tab.pos[i] == "VERB" and tab.lemma[i] == "sombrer") \
                and not (i and tab.low[i - 1] in _SOMBRER_PRONOUNS):
            continue
        j = i + 1
        while j < n and j <= i + 2 and tab.pos[j] == "ADV":
            j += 1
        if j < n and tab.low[j] in ("dans", "au", "aux"):
            k = j + 1
            while k < n and k <= j + 3 and tab.pos[k] in ("DET", "ADJ"):
                k += 1
            if k >= n or tab.lemma[k] not in _SOMBRER_IMAGES:
                continue
        if _at_sea(doc, i):
            continue
        found.append(_Candidate(i, i, "metaphor", reason, neutral))
    return found


def _rhetorical_candidates(doc) -> list[_Candidate]:
    """The journalist's exclamations and sighs: a short sentence ending in « ! », « Il ne s'arrête donc jamais »."""
    found = []
    sentences = _sentences(doc)
    alpha = token_table(doc).alpha
    for k, sent in enumerate(sentences):
        words = [i for i in range(sent.start, sent.end) if alpha[i]]
        if not words or len(words) > 12:
            continue
        last = sent[-1]
        # the parser sometimes leaves the « ! » alone in a sentence of its own
        bang = last.text == "!" or (k + 1 < len(sentences) and sentences[k + 1].start == last.i + 1
                                    and sentences[k + 1].text == "!")
        if bang and len(words) >= 2:
            reason, neutral = _defaults()["exclamation"]
            found.append(_Candidate(sent.start, last.i - 1 if last.text == "!" else last.i, "exaggeration",
                                    reason, neutral))
            continue
        # « Pas sûr que les électeurs suivent. »: the journalist's own doubt opening the sentence
        if len(sent) >= 4 and sent[0].lower_ == "pas" and sent[1].lower_ in ("sûr", "certain", "sûrs") \
                and sent[2].lower_ in ("que", "qu'"):
            reason, neutral = _defaults()["doubt"]
            found.append(_Candidate(sent.start, last.i - 1 if last.is_punct else last.i, "loaded", reason, neutral))
            continue
        # « Il ne s'arrête donc jamais. »: « donc » + « jamais / plus » closing a short negative sentence
        if len(words) <= 8 and last.is_punct and len(sent) >= 3 and sent[-2].lower_ in ("jamais", "plus") \
                and any(t.lower_ == "donc" for t in sent) and any(t.lower_ in ("ne", "n'") for t in sent):
            reason, neutral = _defaults()["rhetorical"]
            found.append(_Candidate(sent.start, last.i - 1, "exaggeration", reason, neutral))
    return found


def _full_names(doc) -> dict[str, str]:
    """Each part (lower-cased) of the people's multi-word names -> the full name, properly capitalised."""
    names: dict[str, str] = {}
    epithets = word_set("nickname_epithets")

    def add(tokens):
        parts = [t.text for t in tokens if t.is_alpha and t.lower_ not in epithets]
        if len(parts) < 2:
            return
        full = " ".join(p.capitalize() if p.isupper() else p for p in parts)
        for part in parts:
            names.setdefault(part.lower(), full)

    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) >= 2:
            add(ent)
    tab = _table(doc)
    alpha, is_name, pos = tab.alpha, tab.names, tab.pos
    for i in range(len(doc) - 1):
        # the table's part of the test below first: alpha, a name next, tagged PROPN
        if not (alpha[i] and is_name[i + 1] and pos[i + 1] == "PROPN"):
            continue
        tok = doc[i]
        nxt = tok.nbor(1)
        if tok.is_alpha and len(tok) >= 3 and (tok.text[:1].isupper()) and tok.whitespace_ \
                and _is_name(nxt) and nxt.pos_ == "PROPN" and (tok.pos_ == "PROPN" or tok.text.isupper()):
            add([tok, nxt])
    return names


def _nickname_candidates(doc) -> list[_Candidate]:
    """Mocking nicknames: a capitalised epithet glued to a name, a truncated name used alone."""
    names = _full_names(doc)
    if not names:
        return []
    function_words = word_set("french_function_words")
    epithets = word_set("nickname_epithets")
    defaults = _defaults()
    found = []

    def shortened(tok) -> str | None:
        """The full name `tok` shortens ("Vlad" -> "Vladimir …"), if it is a truncated name part."""
        word = tok.lower_
        if not _is_name(tok) or len(word) < 3 or word in names or word in function_words \
                or tok.pos_ not in ("PROPN", "NOUN", "X", "PRON"):
            return None
        for part, full in sorted(names.items()):
            if part.startswith(word) and len(part) - len(word) >= 2 and part[len(word)].isalpha():
                return full
        return None

    for i, is_name in enumerate(_table(doc).names):
        if not is_name:
            continue
        tok = doc[i]
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        prev = tok.nbor(-1) if tok.i > 0 else None
        if tok.lower_.rstrip("'") in epithets and nxt is not None and _is_name(nxt):
            full = names.get(nxt.lower_) or shortened(nxt)
            if full:
                reason, neutral = defaults["epithet"]
                found.append(_Candidate(tok.i, nxt.i, "name_calling", reason.replace("{nom}", full),
                                        neutral.replace("{nom}", full), soft=False))
                continue
        full = shortened(tok)
        # Followed or preceded by another capitalised name, it is part of a full name, not a nickname.
        if full and not (nxt is not None and _is_name(nxt) and nxt.pos_ == "PROPN") \
                and not (prev is not None and _is_name(prev) and prev.lower_ not in epithets):
            reason, neutral = defaults["nickname"]
            found.append(_Candidate(tok.i, tok.i, "name_calling", reason.replace("{nom}", full),
                                    neutral.replace("{nom}", full), soft=False))
    return found


# --- putting it together -------------------------------------------------------------------------------


def _candidates(article: Article, quotes: list[Quote]) -> list[_Candidate]:
    doc = article.doc
    hard, soft = _protection(article, quotes)
    spoken = _spoken(article, quotes)
    raw = (_nickname_candidates(doc) + _substitute_candidates(doc) + _mock_title_candidates(doc)
           + _phrase_candidates(doc) + _intensified_candidates(doc) + _rhetorical_candidates(doc)
           + _word_candidates(doc) + _mocking_verb_candidates(doc) + _dupe_candidates(doc)
           + _verdict_candidates(doc) + _figurative_verb_candidates(doc) + _exclamation_candidates(doc)
           + _ironic_sentence_candidates(doc) + _soaring_candidates(doc))
    kept = []
    for cand in raw:
        blocked = (spoken if cand.familiar else soft) if cand.soft else hard
        if any(blocked[i] for i in range(cand.first, cand.last + 1)):
            continue
        kept.append(cand)
    # Longest first at each place; name-calling wins over the words it contains.
    kept.sort(key=lambda c: (c.first, -(c.last - c.first), c.category != "name_calling"))
    chosen: list[_Candidate] = []
    taken: set[int] = set()
    for cand in sorted(kept, key=lambda c: (-(c.last - c.first), c.first)):
        span = set(range(cand.first, cand.last + 1))
        if span & taken:
            continue
        taken |= span
        chosen.append(cand)
    chosen.extend(_sarcasm_candidates(doc, chosen, taken, soft))
    return sorted(chosen, key=lambda c: c.first)


@lru_cache(maxsize=1)
def _sarcasm_markers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> marker sequences (sarcasm_markers.txt), longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in word_set("sarcasm_markers"):
        words = tuple(line.replace("'", "' ").split())
        index.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(seqs, key=len, reverse=True)) for w, seqs in index.items()}


def _sarcasm_candidates(doc, chosen: list[_Candidate], taken: set[int], blocked: list[bool]) -> list[_Candidate]:
    """« comme toujours », « une fois de plus » in a sentence where the journalist already judges: irony, not a fact."""
    if not chosen:
        return []
    markers = _sarcasm_markers()
    sentences = _sentences(doc)
    judged = {_sentence_index(doc, c.first) for c in chosen}
    reason, neutral = _defaults()["exaggeration"]
    reason = ("« {mot} » souligne avec ironie que la personne recommence : une généralisation du journaliste, "
              "pas un fait.")
    found = []
    for k in sorted(judged):
        sent = sentences[k]
        words = [t.lower_.replace("’", "'") for t in sent]
        for j, word in enumerate(words):
            for seq in markers.get(word, ()):
                end = j + len(seq)
                if tuple(words[j:end]) != seq:
                    continue
                first, last = sent.start + j, sent.start + end - 1
                if any(i in taken or blocked[i] for i in range(first, last + 1)):
                    break
                found.append(_Candidate(first, last, "exaggeration", reason, "(supprimer)"))
                taken.update(range(first, last + 1))
                break
    return found


def find_editorializing(article: Article, quotes: list[Quote]) -> list[Editorial]:
    """The journalist's loaded language outside quotations, with a category, a French reason and a rewording."""
    doc = article.doc
    out = []
    for cand in _candidates(article, quotes):
        span = article.token_span(doc[cand.first], doc[cand.last])
        text = article.text[span.start:span.end]
        out.append(Editorial(span.start, span.end, text, cand.category,
                             cand.reason.replace("{mot}", text), cand.neutral))
    return out


def neutral_phrases(article: Article, quotes: list[Quote], editorializing: list[Editorial],
                    max_words: int = 6) -> list[Span]:
    """Short phrases of the journalist's own, plainly neutral sentences: distractors for the questions.

    A sentence qualifies when it has no quoted or attributed words, no flagged span and no word-list hit
    (even one a context rule let through); from it come noun phrases and verb phrases of 2 to `max_words`
    words, without manner adverbs or graded adjectives.  Ordered by position.
    """
    doc = article.doc
    _, soft = _protection(article, quotes)
    flagged = sorted((e.start, e.end) for e in editorializing)
    found: dict[str, Span] = {}
    sentences = list(_sentences(doc))
    chunks = _noun_chunks_by_sentence(doc, sentences)
    tab = _table(doc)
    alpha = tab.alpha
    for sent in sentences:
        tokens = range(sent.start, sent.end)
        if any(soft[i] for i in tokens) or any(_entry_at(tab, i) for i in tokens if alpha[i]):
            continue
        span = article.token_span(sent)
        if any(s < span.end and span.start < e for s, e in flagged):
            continue
        for first, last in _phrases_of(sent, chunks.get(sent.start, ()), max_words):
            words = doc[first: last + 1]
            if not _plain(words):
                continue
            span = article.token_span(doc[first], doc[last])
            found.setdefault(article.text[span.start:span.end].lower(), span)
    return sorted(found.values(), key=lambda s: (s.start, s.end))


_DETERMINER_ADJECTIVES = frozenset({"premier", "dernier", "autre", "certain", "tel", "seul", "même", "prochain",
                                    "deuxième", "troisième", "nouveau", "ancien", "plusieurs", "quelque"})
_PHRASE_EDGE = ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "ADV", "PART", "PUNCT", "SPACE")


def _noun_chunks_by_sentence(doc, sentences) -> dict[int, list]:
    """Noun chunks grouped by the start of their sentence.

    One pass over the document: ``Span.noun_chunks`` walks the whole document again for each sentence.
    """
    starts = [s.start for s in sentences]
    grouped: dict[int, list] = {}
    for chunk in doc.noun_chunks:
        i = bisect.bisect_right(starts, chunk.start) - 1
        if i >= 0:
            grouped.setdefault(starts[i], []).append(chunk)
    return grouped


def _phrases_of(sent, noun_chunks, max_words: int) -> list[tuple[int, int]]:
    doc = sent.doc
    ranges = []
    for chunk in noun_chunks:
        first, last = chunk.start, chunk.end - 1
        while first < last and doc[first].pos_ not in ("DET", "NOUN", "PROPN", "NUM", "ADJ"):
            first += 1
        if doc[first].pos_ == "PRON" or doc[last].pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        ranges.append((first, last))
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "conj", "ccomp", "acl:relcl"):
            continue
        first = tok.i
        while first - 1 >= sent.start and doc[first - 1].dep_.startswith(("aux", "expl")) \
                and doc[first - 1].head.i == tok.i:
            first -= 1
        last = tok.i
        while last + 1 < sent.end and last - first + 1 < max_words:
            nxt = doc[last + 1]
            if nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ") or nxt.lower_ in ("qui", "que", "qu'", "dont"):
                break
            last += 1
        while last > tok.i and (doc[last].pos_ in _PHRASE_EDGE or doc[last].lemma_ in _DETERMINER_ADJECTIVES):
            last -= 1
        ranges.append((first, last))
    return [(f, l) for f, l in ranges
            if 2 <= l - f + 1 <= max_words and sum(t.is_alpha for t in doc[f: l + 1]) >= 2]


def _plain(words) -> bool:
    """Nothing a student could read as a judgement: no quote mark, negation, manner adverb or evaluative adjective.

    Adjectives pass only after their noun inside the phrase (relational: « armes nucléaires »,
    « mobilisation partielle ») or when they work like determiners (« premier », « autre »).
    """
    inside = range(words.start, words.end)
    for t in words:
        if '"' in t.text or t.lower_ in ("ne", "n'", "pas") or (t.pos_ == "ADV" and t.lower_.endswith("ment")):
            return False
        if t.pos_ == "ADJ" and t.lemma_.lower() not in _DETERMINER_ADJECTIVES:
            if not (t.dep_ == "amod" and t.head.i in inside and t.head.i < t.i):
                return False
            if any(c.lower_ in ("très", "si", "trop", "plus", "tellement") for c in t.children):
                return False
        if t.pos_ in ("PUNCT", "SPACE") and t.text not in ("-", "'"):
            return False
    return True
