"""Which kind of source a phrase names: official, media, person, study or anonymous.

A source phrase is the noun phrase after ``selon``/``d'après``/``cité par`` or the subject of a verb of
saying (``les autorités ukrainiennes``, ``le New York Times``, ``une étude publiée dans…``, ``des experts``).
The class comes from the phrase's head noun (``data/source_nouns.tsv``), then from its complements when the
head is neutral (``des estimations des autorités`` → official), then from named entities: a person's name
→ person, an outlet-looking name → media, any other organisation → official.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import table, word_set
from .quote_verbs import surface_forms
from .results import Person, Span
from .text import token_table

PRONOUNS = {"il": "m", "elle": "f", "ils": "m", "elles": "f", "lui": "m", "eux": "m", "-il": "m", "-elle": "f",
            "-ils": "m", "-elles": "f"}
_POSSESSIVE_OWN = {"nos", "notre"}
_OWN_UNNAMED_SOURCES = {"information", "informations", "source", "sources", "renseignement", "renseignements"}
# Outlet titles: capitalised article mid-sentence ("Le Monde", "L'Express", "The Guardian"), or a name ending
# in one of the words periodicals and broadcasters use (Times, Post, News, …; TV, FM, Info).
_TITLE_START = re.compile(r"^(?:Le|La|Les|L'|The|Der|Die|El)\s*[A-ZÉÈÀÂ]")
_CLASS_ORDER = ("official", "media", "study", "anonymous")


@lru_cache(maxsize=1)
def _outlet_word() -> re.Pattern:
    """Masthead words (data/masthead_words.txt) as whole words, plus « week » ending a fused title."""
    words = sorted(word_set("masthead_words"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\b|week\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, str]:
    """Lemma → class from ``data/source_nouns.tsv``."""
    return {row[0].lower(): row[1] for row in table("source_nouns") if len(row) >= 2}


def looks_like_outlet(name: str) -> bool:
    """True for names shaped like a newspaper, magazine or broadcaster title."""
    name = name.strip()
    return bool(_TITLE_START.match(name) or _outlet_word().search(name))


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in table("source_descriptions")
                     if len(row) >= 2 and row[1] in ("organisation", "company"))


def _outlet(name: str, tok) -> bool:
    """An outlet title; « Les X » alone may be a team's nickname, so it needs an outlet word or verb nearby."""
    name = name.strip()
    if _outlet_word().search(name):
        return True
    if not _TITLE_START.match(name):
        return False
    cues = word_set("outlet_cues")
    if any(t.lemma_.lower() in cues or t.lower_ in cues for t in tok.sent):
        return True
    # Cited with "selon"/"d'après" ("d'après Les Échos"): a nickname is not cited as a source of figures.
    doc = tok.doc
    return any(doc[j].lower_ in ("selon", "d'après") or (doc[j].lower_ == "après" and j and doc[j - 1].lower_ == "d'")
               for j in range(max(0, tok.i - 4), tok.i))


def _public_body(tok, name: str | None = None) -> bool:
    """A public body by its name (« Santé publique France ») or an institution noun qualified as public
    (« l'institut national de … », « un office fédéral », « la chambre régionale d'agriculture »,
    « l'établissement public »)."""
    public = word_set("public_body_words")
    if name is not None and len(name.split()) >= 2 and any(w.lower() in public for w in name.split()[1:]):
        return True
    lemma = tok.lemma_.lower()
    if lemma not in _organisation_nouns() and lemma not in word_set("public_body_nouns") \
            and tok.lower_ not in word_set("public_body_nouns"):
        return False
    return any(c.dep_ == "amod" and c.lower_ in public for c in tok.children) or _of_the_state(tok) or \
        lemma == "communauté" and any(c.dep_ == "nmod" and c.lower_ in ("communes", "agglomération")
                                      for c in tok.children)


def _of_the_state(tok) -> bool:
    """« la caisse de l'État », « les services de l'État »."""
    return any(c.dep_ == "nmod" and c.text in ("État", "Etat") for c in tok.children)


def _state_qualified(tok) -> bool:
    """A publication or website qualified as the government's: « le site gouvernemental X »."""
    return any(c.dep_ == "amod" and c.lower_ in word_set("state_adjectives") for c in tok.children)


# Determiners and quantifiers of an indefinite group of people: « plusieurs salariés », « des habitants ».
_INDEFINITE = {"des", "plusieurs", "certains", "certaines", "quelques", "nombreux", "nombreuses", "d'autres",
               "divers", "diverses", "un", "une", "de"}


def _unnamed_people(tok, tokens) -> bool:
    """An unnamed group the article does not identify: a head noun the lexicon does not know, described as
    consulted (« des hydrologues consultés par l'AFP », « les agents immobiliers interrogés ») or taken,
    without a name, from an organisation (« plusieurs salariés de l'entreprise »).  The organisation or the
    outlet that consulted them is not the source of what they say."""
    if tok.pos_ != "NOUN" or _noun_class(tok) is not None or tok.ent_type_:
        return False
    if any(t.ent_type_ == "PER" for t in tokens):
        return False
    consulted = word_set("consulted_verbs")
    if any(c.dep_ in ("acl", "amod") and "Part" in c.morph.get("VerbForm") and c.lemma_.lower() in consulted
           for c in tok.children):
        return True
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "nummod")}
    return "Plur" in tok.morph.get("Number") and bool(dets & _INDEFINITE) and any(
        c.dep_ == "nmod" and _noun_class(c) in ("official", "media", "study") for c in tok.children)


def _one_unnamed_member(tok, tokens) -> bool:
    """« un enquêteur », « une policière »: one member of an official body, with no name (official_members)."""
    return tok.lemma_.lower() in word_set("official_members") and "Plur" not in tok.morph.get("Number") and \
        any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in tok.children) and \
        not any(t.ent_type_ == "PER" for t in tokens)


def _noun_class(tok) -> str | None:
    nouns = source_nouns()
    # The form first: a plural can differ from its singular (« l'accusation » / « les accusations de X »).
    for key in (tok.text.lower(), tok.lemma_.lower()):
        if key in nouns:
            return nouns[key]
    return None


def _noun_class_of_word(word: str) -> str | None:
    """Class of a single word given as text (its lower-case form or its singular)."""
    low = word.lower()
    nouns = source_nouns()
    return nouns.get(low) or nouns.get(low[:-1] if low.endswith("s") else low)


def _is_definite_singular(tok) -> bool:
    dets = [c for c in tok.children if c.dep_ in ("det", "det:poss")]
    plural = "Plur" in tok.morph.get("Number")
    if plural:
        return False
    return any(d.lower_ in ("le", "la", "l'", "sa", "son", "leur", "ce", "cette") for d in dets)


def _person_name(tokens, people: list[Person]) -> str | None:
    """The name of a person in the phrase: a PER entity, or a known person's name or surname."""
    for tok in tokens:
        if tok.ent_type_ == "PER":
            start = tok.i
            while start > 0 and tok.doc[start - 1].ent_type_ == "PER" and tok.doc[start].ent_iob_ != "B":
                start -= 1
            end = tok.i
            while end + 1 < len(tok.doc) and tok.doc[end + 1].ent_iob_ == "I" and tok.doc[end + 1].ent_type_ == "PER":
                end += 1
            text = tok.doc[start:end + 1].text
            return canonical(text, people)
    if people:
        words = {t.text for t in tokens if t.text[:1].isupper()}
        for p in people:
            parts = p.name.split()
            if parts and (parts[-1] in words or p.name in " ".join(t.text for t in tokens)):
                return p.name
    return None


def canonical(name: str, people: list[Person]) -> str:
    """The canonical name of a person mentioned as `name`, or `name` itself."""
    for p in people:
        if name == p.name or name in p.name.split() or name.split()[-1:] == p.name.split()[-1:]:
            return p.name
    return name


_ARTICLES = ("le ", "la ", "les ", "l'", "l’", "the ")


@lru_cache(maxsize=1)
def _known_sources() -> dict[str, tuple[tuple[str, str], ...]]:
    """First word -> (name, class) of the well-known outlets and bodies (data/known_sources.tsv), longest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table("known_sources"):
        if len(row) < 2:
            continue
        name = row[0]
        for form in {name, *(name[len(a):] for a in _ARTICLES if name.casefold().startswith(a))}:
            out.setdefault(form.split()[0], []).append((form, row[1]))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in out.items()}


def known_source(text: str) -> str | None:
    """Class of a well-known outlet or body naming the start of `text` (« Météo-France », « le New York
    Times », « l'Insee publié jeudi »), with or without its article; None otherwise."""
    text = text.strip().replace("’", "'")
    low = text.casefold()
    for article in _ARTICLES:
        if low.startswith(article):
            rest = text[len(article):].lstrip()
            found = known_source(rest)
            if found:
                return found
            break
    if not text:
        return None
    for name, cls in _known_sources().get(text.split()[0], ()):
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return cls
    return None


def classify_tokens(tokens, people: list[Person] = (), acronyms: dict[str, str] | None = None
                    ) -> tuple[str, object] | None:
    """Class of a source phrase given as spaCy tokens, and the token that decided it.

    Returns ``("pronoun", tok)`` for a personal pronoun (the caller resolves it), ``("own", tok)`` for the
    outlet's own reporting (``nos informations``), None when nothing in the phrase names a source.
    """
    tokens = [t for t in tokens if not t.is_punct]
    while len(tokens) > 1 and _incise_verb(tokens[0]):
        tokens = tokens[1:]  # « …, juge X, analyste » : the verb of the incise, not a magistrate
    if not tokens:
        return None
    first = tokens[0]
    if first.lower_ == "on":
        return "anonymous", first
    if first.pos_ == "PRON" or first.lower_ in PRONOUNS:
        if first.lower_ in PRONOUNS:
            return "pronoun", first
        return None
    text = " ".join(t.text for t in tokens)
    if first.ent_type_ != "PER":
        known = known_source(first.doc[first.i:tokens[-1].i + 1].text)
        if known is not None:
            return known, next((t for t in tokens if t.pos_ in ("PROPN", "NOUN")), first)
    obtained = _obtained_by_outlet(tokens, people)
    if obtained is not None:
        return "media", obtained
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") or _noun_class(t)]
    # The head noun decides; a neutral head ("des estimations de …") hands over to its complements.
    for n, tok in enumerate(nouns):
        cls = _noun_class(tok)
        if n == 0 and any(d.lower_ in _POSSESSIVE_OWN for d in tok.children if d.dep_ in ("det", "det:poss")):
            # « selon nos informations », « de nos sources »: the outlet's own unnamed sources; « nos
            # calculs », « notre décompte »: the newsroom's own work, a figure no one outside vouches for
            if tok.lemma_.casefold() in _OWN_UNNAMED_SOURCES:
                return "anonymous", tok
            return "own", tok
        if cls == "neutral":
            continue
        if acronyms and tok.text in acronyms:
            return acronyms[tok.text], tok
        if n == 0 and _unnamed_people(tok, tokens):
            return "anonymous", tok
        if n == 0 and cls == "official" and _one_unnamed_member(tok, tokens):
            return "anonymous", tok  # « un enquêteur », « un responsable du ministère »: nobody a reader can check
        if tok.text in ("État", "Etat") and tok.i != tok.sent.start:
            return "official", tok
        if cls is None and tok.pos_ == "NOUN" and _public_body(tok):
            return "official", tok
        if cls in ("media", "study") and _state_qualified(tok):
            return "official", tok
        if cls is None and n == 0 and tok.pos_ == "NOUN" and tok.lemma_.lower() in _organisation_nouns() and \
                _named_after_description(tok, tokens):
            if tok.lemma_.lower() == "cabinet":
                return "study", tok  # « le cabinet Occurrence »: a firm that counts or surveys for others
            return "official", tok  # « le groupe X », « l'entreprise Y »: a party to the events, about itself
        if cls is None and n == 0 and tok.ent_type_ == "LOC" and tok.text[:1].isupper() and \
                tok.i - tokens[0].i <= 1 and not _known_place_of_people(tok, tokens):
            return "official", tok  # « selon Moscou », « d'après la France »: the government of the place
        if cls is None:
            if (tok.ent_type_ or tok.pos_ == "PROPN") and tok.text[:1].isupper() \
                    and _public_body(tok, _entity_text(tok)):
                return "official", tok
            if tok.ent_type_ == "PER" and people and not any(
                    _folded(tok.text) in _folded(p.name) for p in people) \
                    and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PER"):
                return "official", tok  # a one-word "person" the article never treats as one: a company
            if tok.ent_type_ == "PER" or (tok.pos_ == "PROPN" and _person_name([tok], people)):
                return "person", tok
            if tok.ent_type_ in ("ORG", "MISC") or tok.pos_ == "PROPN":
                name = _entity_text(tok)
                if _outlet(name, tok):
                    return "media", tok
                if tok.ent_type_ == "ORG" or name.isupper():
                    return "official", tok
                if tok.pos_ == "PROPN" and tok.dep_.startswith("nsubj") and tok.text[:1].isupper() \
                        and len(tokens) <= 3:
                    if _organisation_described_before(tok):
                        return "official", tok  # « Le groupe charentais de spiritueux X a annoncé »
                    return "person", tok  # a bare proper name as the speaker: a person the model missed
                continue
            continue
        if tok.lemma_.lower() == "agence" and _press_agency(tok, text):
            return "media", tok
        if cls == "study" and tok.lemma_.lower() == "enquête" and _judicial(tok):
            return "official", tok
        if cls == "role":
            body = _body_of_role(tok, acronyms)
            if body is not None:
                return body, tok
            if _person_name(tokens, people):
                return "person", tok
            return ("person", tok) if _is_definite_singular(tok) else ("anonymous", tok)
        if cls == "anonymous" and _person_name(tokens, people):
            return "person", tok
        if cls == "study" and (_public_body(tok) or tok.lemma_.lower() in _RECORDS and _by_official_body(tok, acronyms)):
            return "official", tok  # « un recensement de la communauté de communes », « un rapport de l'Insee »
        return cls, tok
    if _outlet(text, first):
        return "media", first
    return None


def _incise_verb(tok) -> bool:
    """A verb of saying opening an incise after a comma (« », juge X »), whatever the tagger made of it."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "," and tok.text.islower() and tok.lower_ in surface_forms() \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()


def _named_after_description(tok, tokens) -> bool:
    """« le groupe X », « le groupe charentais de spiritueux X »: an organisation noun whose own name follows,
    right after it or after a short lower-case description of what it does."""
    doc = tok.doc
    last = tokens[-1].i
    for j in range(tok.i + 1, min(last + 1, tok.i + 6)):
        t = doc[j]
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X"):
            return True
        if not (t.text.islower() and t.pos_ in ("ADJ", "NOUN", "ADP", "DET")):
            return False
    return False


def _organisation_described_before(tok) -> bool:
    """A name the parser cut from the description before it (« Le groupe charentais de spiritueux X »): a
    determiner, an organisation noun and lower-case words run right up to the name."""
    doc = tok.doc
    j = tok.i - 1
    while j > tok.i - 7 and j >= 0 and doc[j].text.islower() and doc[j].pos_ in ("ADJ", "NOUN", "ADP", "DET"):
        if doc[j].lemma_.lower() in _organisation_nouns() and j > 0 and doc[j - 1].pos_ == "DET":
            return True
        j -= 1
    return False


# An administration's own records and counts (not a publication or a piece of research, which stay studies).
_RECORDS = {"recensement", "rapport", "statistique", "comptage", "relevé", "inventaire", "décompte", "registre"}


def _known_place_of_people(tok, tokens) -> bool:
    """« les habitants de Lyon » is not Lyon: a place after a noun of people is where they live; « Les
    Canaris » (a plural name, not « les États-Unis ») is a team's nickname more often than a country."""
    if tokens[0].lower_ == "les" and not any(t.text in ("États", "Etats", "Pays", "Émirats", "Emirats")
                                             for t in tokens[1:3]):
        return True
    return any(t.i < tok.i and t.pos_ == "NOUN" for t in tokens)


def _by_official_body(tok, acronyms) -> bool:
    """A study whose complement names an official body: « un rapport de la Cour des comptes »."""
    for c in tok.children:
        if c.dep_ != "nmod" or c.i < tok.i or not any(g.dep_ == "case" for g in c.children):
            continue
        if acronyms and acronyms.get(c.text) == "official":
            return True
        start = next((g.i + 1 for g in c.children if g.dep_ == "case"), c.left_edge.i)
        if known_source(tok.doc[start:c.right_edge.i + 1].text) == "official":
            return True
        if _noun_class(c) == "official" or c.pos_ == "NOUN" and _public_body(c):
            return True
    return False


def _body_of_role(tok, acronyms) -> str | None:
    """« la présidente de la commission électorale », « le directeur de l'ARS », « le patron de la police »: the
    holder of an office in a body speaks for it, named or not; the body's class is the source's."""
    for c in tok.children:
        if c.dep_ != "nmod" or c.i < tok.i or not any(g.dep_ == "case" for g in c.children):
            continue
        if acronyms and c.text in acronyms:
            return acronyms[c.text]
        cls = _noun_class(c)
        if cls in ("official", "media", "study"):
            return cls
        if cls is None and c.pos_ == "NOUN" and _public_body(c):
            return "official"
    return None


def _folded(text: str) -> str:
    return text.casefold().replace("’", "'")


def _press_agency(tok, text: str) -> bool:
    """« l'agence de presse », « l'Agence France-Presse »: the hyphenated name is cut from the phrase, so the
    words right after « agence » in the document count too."""
    after = " ".join(t.text for t in tok.doc[tok.i:tok.i + 5]).lower()
    return "presse" in text.lower() or "presse" in after


def _judicial(tok) -> bool:
    """An « enquête » of the police or the courts, not a survey: judicial words among its own complements
    (« une enquête préliminaire ouverte par le parquet ») or on the verb it depends on (« mis en examen dans
    une enquête », « le parquet a ouvert une enquête »).  Its figures come from the authorities."""
    words = word_set("judicial_words")
    near = list(tok.subtree)
    head = tok.head
    if head is not tok and tok.dep_ != "obl:mod" and not any(
            c.lower_ in ("selon", "d'après") for c in tok.children):
        near += [head] + [c for c in head.children if c.i < tok.left_edge.i or c.i > tok.right_edge.i]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near if t is not tok)


def _obtained_by_outlet(tokens, people) -> object | None:
    """« des courriels consultés par X », « une note obtenue par X », « des chiffres révélés par X » where X is
    an outlet: the outlet's information (the token that names the outlet), whatever the document is."""
    verbs = word_set("document_access_verbs")
    head = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), None)
    # People are consulted too (« des hydrologues consultés par X » are unnamed experts): with « consulter »
    # the head must be a noun the lexicon knows as a document or a record.
    document = head is not None and _noun_class(head) in ("official", "study", "neutral", "media")
    for k, t in enumerate(tokens[:-2]):
        if t.lemma_.lower() in verbs and "Part" in t.morph.get("VerbForm") and tokens[k + 1].lower_ == "par" \
                and (document or t.lemma_.lower() != "consulter"):
            agent = tokens[k + 2:]
            found = classify_tokens(agent, people)
            if found is not None and found[0] == "media":
                return found[1]
            # A document is consulted or obtained by a newsroom: an agent named by a capitalised title that
            # the lexicon does not know and that names no person (« consultés par X », « obtenue par La Y »)
            # is an outlet, recognised from this context rather than from a list of titles.
            bare_name = found is not None and found[0] == "official" and found[1].pos_ == "PROPN" \
                and _noun_class(found[1]) is None and not _public_body(found[1], _entity_text(found[1]))
            if (found is None or bare_name) and document and _unknown_title(agent, people):
                return next(t for t in agent if t.text[:1].isupper())
    return None


def _unknown_title(tokens, people) -> bool:
    """A capitalised name with no person in it: « Mediapart », « La Voix du Nord »."""
    words = [t for t in tokens if t.pos_ != "DET" or t.text[:1].isupper()]
    if not words or not words[0].text[:1].isupper() or words[0].text.isupper():
        return False
    return not any(t.ent_type_ == "PER" for t in words) and _person_name(words, people) is None


def _entity_text(tok) -> str:
    if not tok.ent_type_:
        # A proper noun run, with a capitalised article before it ("Le Canard enchaîné").
        start = tok.i
        doc = tok.doc
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "DET", "NOUN"):
            start -= 1
        return doc[start:tok.i + 1].text
    start, end = tok.i, tok.i
    doc = tok.doc
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    text = doc[start:end + 1].text
    if start > 0 and doc[start - 1].text in ("Le", "La", "Les", "L'", "The"):
        text = doc[start - 1].text + " " + text
    return text


def _acronym_start(doc, paren: int) -> int:
    """The determiner that opens the phrase an acronym in parentheses abbreviates (at most 12 words back)."""
    for j in range(paren - 1, max(-1, paren - 13), -1):
        if doc[j].text in (",", ".", ";", ":", "(", ")") or doc[j].is_sent_start and doc[j].pos_ != "DET":
            return paren
        if doc[j].pos_ == "DET":
            return j
    return paren


def _spelled_acronym(doc, tok) -> bool:
    """A capitalised word in parentheses closing right after it whose first letter is the first letter of the
    noun it abbreviates (« service … (Sdis) »): an acronym written in lower case after its capital."""
    if not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")" and tok.text.isalpha()
            and tok.text[:1].isupper() and tok.text[1:].islower() and 3 <= len(tok.text) <= 6):
        return False
    start = _acronym_start(doc, tok.i - 1)
    head = next((t for t in doc[start:tok.i - 1] if t.pos_ == "NOUN"), None)
    return start < tok.i - 2 and head is not None and head.text[:1].lower() == tok.text[:1].lower()


def acronym_classes(doc, people: list[Person] = ()) -> dict[str, str]:
    """Classes of the acronyms an article defines: "le Bulletin épidémiologique hebdomadaire (BEH)"."""
    out: dict[str, str] = {}
    # Only the words just after an opening parenthesis (read from the token strings: a Token object per word
    # of the article cost more than everything else here).
    after_paren = [i + 1 for i, text in enumerate(token_table(doc).text) if text == "(" and i + 1 < len(doc)]
    for i in after_paren:
        tok = doc[i]
        if tok.head.i == tok.i:
            continue
        if tok.text.isupper() and len(tok.text) >= 2:
            head = tok.head
            phrase = [t for t in head.subtree if t.i < doc[tok.i - 1].i and t.i >= head.left_edge.i]
        elif _spelled_acronym(doc, tok):
            # « le service départemental d'incendie et de secours (Sdis) »: an acronym written as a word; the
            # parser hangs it on the last noun, so the phrase runs back from its determiner.
            phrase = list(doc[_acronym_start(doc, tok.i - 1):tok.i - 1])
        else:
            continue
        if phrase:
            found = classify_tokens(phrase, people)
            if found and found[0] in ("official", "media", "study"):
                out[tok.text] = found[0]
    return out


def classify_source(tokens, people: list[Person] = (), article=None) -> tuple[str, Span | None]:
    """Source class of a phrase (spaCy tokens or Span) and the span of the phrase.

    The span is in original offsets when `article` is given, in the parsed text's offsets otherwise.
    Classes: official, media, person, study, anonymous; "none" when the phrase names no source.
    """
    toks = list(tokens)
    if not toks:
        return "none", None
    found = classify_tokens(toks, people)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    span = article.span(start, end) if article is not None else Span(start, end)
    if found is None or found[0] in ("own", "pronoun"):
        return "none", span
    return found[0], span


def classify_name(name: str, people: list[Person] = ()) -> str:
    """Class of a source given as a plain string (a quote's speaker): person, media, official, …"""
    if not name:
        return "none"
    low = name.lower()
    if any(name == p.name for p in people):
        return "person"
    known = known_source(name)  # (« Médecins sans frontières » is no unnamed group of doctors)
    if known:
        return known
    bare = re.sub(r"^(le |la |les |l')", "", low)
    if bare in word_set("union_names"):
        return "official"  # « Snes-FSU », « SNUipp-FSU »: a union speaks for its members, as with an article
    words = re.findall(r"[\w'-]+", low)
    nouns = source_nouns()
    # The head noun decides, not a complement: « une infirmière du service » is a person of the service.
    content = [w.split("'")[-1] for w in re.findall(r"[\w'-]+", name)
               if w.lower() not in ("le", "la", "les", "un", "une", "des")]
    if content and content[0].isalpha() and content[0].islower() and not _noun_class_of_word(content[0]) \
            and len(content[0]) > 2:
        return "person" if low.startswith(("le ", "la ", "l'")) else "anonymous"
    for w in words:
        w = w.split("'")[-1]
        for key in (w, w[:-1] if w.endswith("s") else w):
            cls = nouns.get(key)
            if cls == "official" and low.startswith(("un ", "une ")) and key in word_set("official_members") \
                    and w == words[1]:
                return "anonymous"  # (as in classify_tokens: « un enquêteur » is nobody a reader can check)
            if cls and cls != "neutral":
                if cls == "role":
                    return "person" if low.startswith(("le ", "la ", "l'")) else "anonymous"
                return cls
    if looks_like_outlet(name):
        return "media"
    # « la DGCCRF », « l'OFB »: an acronym names an institution, as in classify_tokens.
    head = [w for w in re.findall(r"[\w-]+", name.split("'")[-1]) if w.lower() not in ("le", "la", "les")][:1]
    if head and len(head[0]) >= 2 and head[0].isupper() and head[0].isalpha():
        return "official"
    if name[:1].isupper():
        return "person"
    bare = re.sub(r"^(?:l'|l’|le |la |les )", "", name)
    if bare != name and bare[:1].isupper():
        return "official"  # « l'Elysée », « la Commission »: a body or a place behind an article, never a person
    return "anonymous"


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    return {row[0]: row[1] for row in table("institution_seats") if len(row) > 1}


def institution_of_seat(text: str) -> str | None:
    """« rue de Grenelle », « à Bercy », « place Beauvau »: the institution the press names by its seat
    (data/institution_seats.tsv), or None."""
    key = " ".join(text.replace("’", "'").lower().split())
    key = re.sub(r"^(?:à|a|au|chez|du côté de)\s+", "", key)
    return _seats().get(key) or _seats().get(re.sub(r"^(?:la|le|l')\s*", "", key))


def seat_at(tokens) -> int:
    """How many of the first tokens (at most four) name an institution's seat; 0 when none do."""
    words = [t.text for t in tokens[:4]]
    for n in range(len(words), 0, -1):
        if institution_of_seat(" ".join(words[:n]).replace(" '", "'").replace("' ", "'")):
            return n
    return 0

