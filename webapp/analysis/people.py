"""People named in the article, each under one canonical name (the fullest form the article gives).

Mentions come from the parser's PER entities and from capitalised words after a civil title (``M.``,
``Mme``, ``le Dr``) that the entity recogniser misses.  A mention joins a person when each of its name parts
matches one of theirs, ignoring case and accents and allowing one typing slip in a longer part
(``OIga``/``Olga``, ``Dimitri``/``Dmitri``), because an article names one person in several ways.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from .lexicon import table, word_set
from .results import Person
from .sources import known_source
from .text import Article, token_table

_NAME_POS = {"PROPN", "NOUN", "X", "ADJ", "VERB"}  # the tagger often mislabels foreign names
_DETERMINERS = {"le", "la", "l'", "les", "un", "une", "du", "de", "des", "d'"}


@dataclass
class _Cluster:
    parts: list[str]  # display forms of the fullest name
    keys: list[str]  # folded forms, same order
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (norm start, norm end, first token)
    gender_votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})
    roles: set[str] = field(default_factory=set)
    seps: list[str] = field(default_factory=list)  # what follows each part in the fullest mention
    spellings: list[tuple[str, int]] = field(default_factory=list)  # (name word, weight) of every mention

    @property
    def name(self) -> str:
        return "".join(p + s for p, s in zip(self.parts, self.seps)).strip()

    def settle_spelling(self) -> None:
        """Each part as the article spells it most often, so that one typo does not become the name."""
        for n, key in enumerate(self.keys):
            counts: dict[str, int] = {}
            for w, weight in self.spellings:
                if parts_match(fold(w), key):
                    counts[_display(w)] = counts.get(_display(w), 0) + weight + (0 if w.isupper() and len(w) > 1 else 2)
            if counts:
                self.parts[n] = max(counts, key=lambda w: (counts[w], fold(w) == key))


def _in_running_text(text: str, pos: int) -> bool:
    """True when the line holding `pos` ends as prose does (with punctuation), not as a caption or a pull
    quote followed by a name.  Read on the line, not on the parser's sentence, which often runs a caption
    into the paragraph after it."""
    end = text.find("\n", pos)
    line = text[pos:end if end >= 0 else len(text)].rstrip()
    return line[-1:] in (".", "!", "?", "»", '"', "…", ")", ":")


@lru_cache(maxsize=16384)
def fold(word: str) -> str:
    """Case- and accent-insensitive form of a name part."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def parts_match(mention: str, name: str) -> bool:
    """Whether a folded name part denotes the same as another: equal, or one slip apart in a long part."""
    if mention == name:
        return True
    if min(len(mention), len(name)) < 4 or not _within_one_edit(mention, name):
        return False
    # Given names of the two genders (« Julie » and « Julien », « Denis » and « Denise ») are two people;
    # « Dmitri » and « Dimitri » are one spelt two ways.
    loose = _first_names()[1]
    return not (mention in loose and name in loose and loose[mention] != loose[name])


def _titles() -> dict[str, str]:
    return {row[0].casefold(): (row[1] if len(row) > 1 else "-") for row in table("person_titles")}


@lru_cache(maxsize=1)
def _first_names() -> tuple[dict[str, str], dict[str, str]]:
    """Given names and their usual gender (data/first_names.tsv): by case-folded spelling, and by folded
    spelling without accents when that is unambiguous ("Helene" → Hélène, but "Michele" ≠ "Michèle")."""
    exact: dict[str, str] = {}
    loose: dict[str, str | None] = {}
    for row in table("first_names"):
        if len(row) < 2 or row[1] not in {"m", "f"}:
            continue
        exact[row[0].casefold()] = row[1]
        key = fold(row[0])
        loose[key] = row[1] if loose.get(key, row[1]) == row[1] else None
    return exact, {k: g for k, g in loose.items() if g}


def first_name_gender(name: str) -> str | None:
    """The usual gender of the given name opening a full name ("Jean-Marie Dupont" → m, "Marie-Hélène X" → f);
    None for a single word, an epicene or unknown given name."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].split("-")[0].strip(".,")
    if len(first) < 2 or first.isupper() and len(first) <= 3:
        return None  # an initial ("J.", "JM")
    exact, loose = _first_names()
    return exact.get(first.casefold()) or loose.get(fold(first))


def _display(word: str) -> str:
    """``VLADIMIR`` → ``Vladimir``: headline capitals are not part of the name."""
    if len(word) > 1 and word.isupper():
        return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    return word


def _is_name_token(tok) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and tok.pos_ in _NAME_POS and any(c.isalpha() for c in text)


def _mention_candidates(article: Article) -> list[tuple[int, int, str | None]]:
    """(first token, last token + 1, gender given by a title) of every name-like mention, in order."""
    doc = article.doc
    titles = _titles()
    found: dict[int, tuple[int, int, str | None]] = {}
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        start, end = ent.start, ent.end
        gender = None
        # Titles inside the entity ("Dr Benhamou", "M. Désir") tell gender and are not part of the name.
        while start < end and doc[start].text.casefold() in titles:
            g = titles[doc[start].text.casefold()]
            gender = g if g != "-" else gender
            start += 1
        while start < end and not _is_name_token(doc[start]):
            start += 1
        while end > start and not _is_name_token(doc[end - 1]):
            end -= 1
        if start >= end:
            continue
        if end - start == 1 and not _plausible_single_name(doc[start]):
            continue
        if end - start == 1 and start > 0 and doc[start - 1].pos_ in {"DET", "ADP"} and \
                demonym_lemma(doc[start].text):
            continue  # « le Breton », « du Français »: a person of that origin, not one named so

        if known_source(doc[start:end].text) is not None:
            continue  # « Santé publique France », « Le Monde »: a body or an outlet the recogniser took for a person
        # "Anne-Sophie Le Du", "Yann Le Goff", "Charles De Gaulle": a surname with a capitalised particle that
        # the recogniser left out of the entity.
        while end + 1 < len(doc) and doc[end].text in _SURNAME_PARTICLES and _is_name_token(doc[end + 1]) and \
                not doc[end].whitespace_ == "" and doc[end + 1].ent_type_ in ("", "PER", "MISC"):
            end += 2
        if end - start == 1 and 0 < start and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")":
            continue  # « le Bureau de la coordination des affaires humanitaires (Ocha) »: an acronym
        if end - start == 1 and 0 < start and end < len(doc) and doc[start - 1].text in ("le", "la", "l'") and \
                (doc[end].text.casefold() in ("de", "des", "du", "d'") or end + 1 < len(doc) and
                 doc[end].pos_ in ("ADJ", "VERB") and doc[end + 1].text.casefold() in ("de", "des", "du", "d'")):
            continue  # « le Napoléon (autoproclamé) des fourneaux »: a famous name as a nickname
        if _after_place_noun(doc, start):
            continue
        found[start] = (start, end, gender)
    # A known given name that the recogniser filed as MISC or missed, alone or with a surname after it
    # ("peste Léa, 19 ans", "renchérit son amie Manon"): street interviews name people by first name only.
    exact_names = _first_names()[0]
    # (the words read once as strings: only the few that could matter are looked at as Tokens below)
    tab = token_table(doc)
    texts, lowers = tab.text, tab.low
    for i in [i for i, low in enumerate(lowers) if low in exact_names and i not in found]:
        tok = doc[i]
        # (« Chantal, 67 ans, retraitée »: the recogniser may file a first name as a place; an age says not)
        aged = i + 3 < len(doc) and texts[i + 1] == "," and doc[i + 2].like_num and lowers[i + 3] == "ans"
        if tok.i in found or tok.pos_ != "PROPN" or tok.ent_type_ in ("ORG", "PER") or \
                tok.ent_type_ == "LOC" and not aged or \
                not tok.text[:1].isupper() or tok.text.casefold() not in exact_names or \
                any(s <= tok.i < e for s, e, _ in found.values()):
            continue
        if tok.i and doc[tok.i - 1].text.casefold() in {"à", "de", "d'", "en", "au", "aux", "vers", "depuis", "du"}:
            continue  # "à Florence", "de Nancy": a place
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and _is_name_token(doc[end]) and doc[end].ent_type_ != "LOC":
            end += 1
        found[tok.i] = (tok.i, end, exact_names[tok.text.casefold()] if end == tok.i + 1 else None)
    # A stage name after « alias » ("Kévin X, alias KLo"), which the recogniser rarely knows.
    for i in [i for i, low in enumerate(lowers) if low == "alias"]:
        tok = doc[i]
        if tok.lower_ == "alias" and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and \
                tok.i + 1 not in found:
            end = tok.i + 2
            while end < len(doc) and end - tok.i <= 3 and _is_name_token(doc[end]):
                end += 1
            found[tok.i + 1] = (tok.i + 1, end, None)
    # Names after a title that the recogniser missed ("Mme Dupont", "le Dr Martin").
    for i in [i for i, low in enumerate(lowers) if low in titles]:
        tok = doc[i]
        key = lowers[i]
        if key in titles and tok.i + 1 < len(doc) and _is_name_token(doc[tok.i + 1]):
            start = tok.i + 1
            if any(s <= start < e for s, e, _ in found.values()):
                g = titles[key]
                if g != "-" and start in found:
                    s, e, _ = found[start]
                    found[start] = (s, e, g)
                continue
            end = start
            while end < len(doc) and end - start < 4 and _is_name_token(doc[end]):
                end += 1
            g = titles[key]
            found[start] = (start, end, g if g != "-" else None)
    for start, end in chain(_names_given_an_age(doc, lowers), _names_apposed_to_an_office(doc, lowers)):
        if not any(s <= start < e or start <= s < end for s, e, _ in found.values()):
            found[start] = (start, end, None)
    credits = _credit_lines(article.norm.text)  # (Doc.text is rebuilt on every access)
    return [found[k] for k in sorted(found)
            if not any(a <= doc[found[k][0]].idx < b for a, b in credits)]


# A byline (« Par Julie Martin », « Par Thomas X, envoyé spécial ») or a photo credit (« Photo … / AFP »,
# « © Jeanne X ») names who made the article, not someone in the story.
_CREDIT_LINE = re.compile(r"^[ \t]*(?:Par |Propos recueillis par |Photo\b|Crédit|©|Illustration\b)[^\n]*$"
                          r"|^[^\n]*(?:/ ?AFP|/ ?Reuters|/ ?AP|/ ?MAXPPP|/ ?Hans Lucas|/ ?SIPA)[ \t]*$"
                          r"|\b(?:Photos?|Crédit photo|©)\s*:?\s[^\n.!?»]*$",
                          re.MULTILINE | re.IGNORECASE)


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the byline and photo-credit lines (short lines that do not end a sentence)."""
    return [(m.start(), m.end()) for m in _CREDIT_LINE.finditer(text)
            if len(m.group(0).split()) <= 25 and not m.group(0).rstrip().endswith(("»", "?", "!"))]


def _after_place_noun(doc, start: int) -> bool:
    """``l'espace X``, ``la rue X``, ``le quartier d'X``: a name after a noun of place is a place."""
    k = start - 1
    if k >= 0 and doc[k].text.casefold() in {"de", "d'", "du"}:
        k -= 1
    skipped = 0
    while k > 0 and skipped < 2 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        k, skipped = k - 1, skipped + 1  # « l'hôpital européen Georges-Pompidou »
    return k >= 0 and doc[k].pos_ == "NOUN" and doc[k].text.islower() and (
        doc[k].text in word_set("place_nouns") or doc[k].lemma_ in word_set("place_nouns"))


def _after_organisation_noun(doc, start: int) -> bool:
    """``le groupe X``, ``la société X``, ``du groupe gestionnaire, X``: a name right after a definite noun of
    an organisation (data/organisation_nouns.txt), or after it and its adjective and a comma, is its name."""
    k = start - 1
    if k >= 0 and doc[k].text == ",":
        # (« le président du club, X »: after a comma, a given name or an office before the noun makes X
        # the office holder, not the club)
        if _first_names()[0].get(doc[start].text.casefold()) or first_name_gender(doc[start:start + 2].text):
            return False
        k -= 1
        if k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
            k -= 1
        if k >= 2 and _is_role(doc[k - 2]):
            return False
    return k >= 1 and doc[k].text.islower() and doc[k].lemma_.casefold() in word_set("organisation_nouns") and \
        doc[k - 1].text.casefold() in {"le", "la", "l'", "du", "au"}


_SURNAME_PARTICLES = {"Le", "La", "Du", "De", "Des", "Van", "Von", "Da", "Di", "Del", "Della", "Dos", "El", "Ben",
                      "Ould", "Abou", "Mac", "Mc", "Ter"}


def _plausible_single_name(tok) -> bool:
    """A lone capitalised word is a name unless it is an ordinary word (sentence-initial verbs, "Dieux")."""
    if tok.pos_ == "VERB":
        return False
    lower = tok.text.lower()
    vocab = tok.doc.vocab
    if tok.is_sent_start and tok.pos_ != "PROPN":
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "," and (tok.i == 0 or tok.nbor(-1).is_space or tok.nbor(-1).text in ".!?") \
            and lower.endswith(("é", "ée", "és", "ées")) and vocab.has_vector(lower):
        return False  # "Contacté, le groupe …", "Interrogée, la ministre …": a participle opening the sentence
    # A word the model knows in lower case is a common noun or adjective written with a capital.
    return not (tok.pos_ != "PROPN" and vocab.has_vector(lower) and lower != tok.text)


def _names_given_an_age(doc, lowers: list[str]):
    """``Fatima, 52 ans, a quitté …``: a capitalised name followed by an age in apposition is a person, whatever
    the recogniser made of it (it often misses first names it has not seen, or files them as places)."""
    for i in [i for i, low in enumerate(lowers) if low == "ans"]:
        if i < 3 or not doc[i - 1].like_num or lowers[i - 2] != ",":
            continue
        end = i - 2
        start = end
        while start - 1 >= 0 and end - start < 3 and _is_name_token(doc[start - 1]) and \
                doc[start - 1].ent_type_ != "ORG" and not doc[start - 1].text.isupper():
            start -= 1
        if start < end and not (start > 0 and lowers[start - 1] in {"à", "de", "d'", "en", "au", "du"}):
            yield start, end


def _names_apposed_to_an_office(doc, lowers: list[str]):
    """``la ministre de l'environnement des Fidji, Litia Naivalu, …``, ``le négociateur en chef du groupe, le
    Malawite Evans Chirwa.``: two or three capitalised words set after an office and a comma, and closed by
    punctuation, are the office holder's name.  The recogniser, trained on French names, often misses
    foreign ones in exactly this AFP pattern."""
    for i in [i for i, low in enumerate(lowers) if low == ","]:
        start = i + 1
        if start + 3 < len(doc) and lowers[start] in {"le", "la"} and all(
                _is_name_token(doc[k]) for k in range(start + 1, start + 4)):
            start += 2  # « le Malawite Evans Chirwa »: a name takes no article; the origin is not part of it
        end = start
        # (the recogniser files many such names as places: the office before the comma decides)
        while end < len(doc) and end - start < 3 and _is_name_token(doc[end]) and doc[end].ent_type_ != "ORG" \
                and not doc[end].text.isupper():
            end += 1
        if end - start < 2 or end >= len(doc) or doc[end].text not in {",", ".", ")", ";"}:
            continue
        if _office_before(doc, i) is None:
            continue
        yield start, end


def _office_before(doc, comma: int) -> int | None:
    """The role noun of the description ending at `comma`: ``le négociateur en chef du groupe des pays les
    moins avancés (PMA)`` (a long complement, a parenthesis and adverbs allowed)."""
    k = comma - 1
    while k > 0 and comma - k < 20:
        tok = doc[k]
        if tok.text in {"(", ")"} or tok.pos_ in {"ADJ", "NOUN", "PROPN", "ADP", "DET", "ADV"}:
            if tok.pos_ == "DET" and _is_role(doc[k + 1]):
                return k + 1
            k -= 1
            continue
        return None
    return None


def _role_before_comma(doc, start: int) -> int | None:
    """The role noun of a noun phrase set before a name by a comma: ``la secrétaire générale de Y, X``,
    ``l'entraîneur lensois, X`` (the determiner opening that phrase is just before the role noun)."""
    if start < 3 or doc[start - 1].text != ",":
        return None
    k = start - 2
    if doc[k].text == ")":  # "le maire (divers droite), X": a parenthesis after the role
        while k > 0 and start - k < 10 and doc[k].text != "(":
            k -= 1
        k -= 1
    role = None
    while k >= 0 and start - 2 - k < 10 and doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "ADP", "DET"}:
        if doc[k].pos_ == "DET" and k + 1 < start - 1 and _is_role(doc[k + 1]):
            role = k + 1
        k -= 1
    return role


def _gender_from_context(doc, start: int, end: int) -> str | None:
    """Gender told by the words around a mention: ``la ministre X``, ``X, experte``."""
    titles = _titles()
    role = _role_before_comma(doc, start)
    if role is not None:
        g = _noun_gender(doc[role]) or doc[role - 1].morph.get("Gender")
        if isinstance(g, str):
            return g
        if g and doc[role - 1].morph.get("Number") != ["Plur"]:
            return "f" if g[0] == "Fem" else "m"
    i = start - 1
    while i >= 0 and doc[i].text.casefold() in titles:
        i -= 1
    # A role noun or a determiner just before the name: "sa porte-parole X", "le Dr X", "la présidente X".
    if i >= 0:
        tok = doc[i]
        if tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and not tok.text[0].isupper()):
            g = _noun_gender(tok)
            if g:
                return g
            if i > 0 and doc[i - 1].pos_ == "DET" and _is_role(tok):
                g = doc[i - 1].morph.get("Gender")
                if g and doc[i - 1].morph.get("Number") != ["Plur"]:
                    return "f" if g[0] == "Fem" else "m"
        elif tok.pos_ == "DET" and i < start - 1:  # "le Dr X": the determiner agrees with the person
            g = tok.morph.get("Gender")
            if g and tok.morph.get("Number") != ["Plur"]:
                return "f" if g[0] == "Fem" else "m"
    # An apposition right after: "X, experte russe", "X, ouvrier de 26 ans".
    if end + 1 < len(doc) and doc[end].text == ",":
        tok = doc[end + 1]
        if tok.like_num and end + 4 < len(doc) and doc[end + 2].lower_ == "ans" and doc[end + 3].text == ",":
            tok = doc[end + 4]  # « Inès, 22 ans, candidate de l'émission »: past the age
        if tok.pos_ == "DET" and tok.i + 1 < len(doc):
            tok = doc[tok.i + 1]
        if tok.pos_ in {"NOUN", "ADJ"} and not tok.text[0].isupper():
            return _noun_gender(tok)
    return None


_FEMININE_ENDINGS = (("trice", "teur"), ("euse", "eur"), ("ère", "er"), ("enne", "en"), ("e", ""))


def _bare_office(word: str) -> str:
    """The office without the prefix that only ranks it: "ex-ministre", "vice-présidente", "co-fondateur"."""
    low = word.casefold()
    for prefix in ("ex-", "vice-", "co-"):
        low = low.removeprefix(prefix)
    return low


def role_lemma(word: str) -> str | None:
    """The masculine lemma of a role noun in the list, from any of its forms: "réalisatrice" → "réalisateur",
    "élue" → "élu", "ex-ministre" → "ministre", "vice-présidente" → "président", "avocates" → "avocat";
    None for other words."""
    roles = word_set("person_roles")
    low = _bare_office(word)
    forms = [low] + ([low[:-1]] if low.endswith(("s", "x")) and len(low) > 3 else [])
    for form in forms:
        found = _masculine_in(form, roles, _FEMININE_ENDINGS)
        if found:
            return found
    return None


def _masculine_in(form: str, words: frozenset[str], endings) -> str | None:
    """`form` if the list has it, else the masculine the list has for it by one of the feminine `endings`."""
    if form in words:
        return form
    for fem, masc in endings:
        if form.endswith(fem) and form[: len(form) - len(fem)] + masc in words:
            return form[: len(form) - len(fem)] + masc
    return None


_DEMONYM_FEMININE = (("enne", "en"), ("onne", "on"), ("aise", "ais"), ("oise", "ois"), ("ise", "is"), ("ole", "ol"),
                     ("ande", "and"), ("aine", "ain"), ("ine", "in"), ("que", "c"), ("e", ""))


def demonym_lemma(word: str) -> str | None:
    """``Danois``, ``Bretonne``, ``Française``: the masculine gentilé (data/demonyms.txt) of a capitalised
    word, which the press uses as a noun for a person of that origin; None for anything else (« breton »
    written in lower case is an adjective)."""
    if not word[:1].isupper() or len(word) < 4:
        return None
    names = word_set("demonyms")
    low = word.casefold()
    if low.endswith("s") and low[:-1] in names and not low.endswith(("ais", "ois")):
        low = low[:-1]
    return _masculine_in(low, names, _DEMONYM_FEMININE)


def feminine_role(word: str) -> bool:
    """A feminine singular form of a masculine role lemma: "réalisatrice", "élue", "l'ex-ministre" is not."""
    low = _bare_office(word)
    lemma = role_lemma(low)
    return lemma is not None and lemma != low and not low.endswith(("s", "x")) and lemma + "s" != low


def _is_role(tok) -> bool:
    roles = word_set("person_roles")
    return role_lemma(tok.text) is not None or tok.lemma_.casefold() in roles


def _noun_gender(tok) -> str | None:
    """Gender of a role noun: the feminine "-e" of "experte", "présidente"; None for "ministre"."""
    if tok.morph.get("Number") == ["Plur"] or not _is_role(tok):
        return None
    roles = word_set("person_roles")
    lower = tok.text.casefold()
    if lower in roles and not lower.endswith("e"):
        return "m"
    if lower.endswith("e") and lower[:-1] in roles:
        return "f"
    if feminine_role(lower):
        return "f"  # "réalisatrice", "élue", "infirmière": a feminine form of a masculine lemma
    return None


def _role_of(tok) -> str | None:
    return role_lemma(tok.text) or (tok.lemma_.casefold() if tok.lemma_.casefold() in word_set("person_roles")
                                    else None)


def _roles_around(doc, start: int, end: int) -> set[str]:
    """Role nouns the article puts next to a name: before it ("l'opposant X", "la réalisatrice de 34 ans X",
    "le maire (divers droite), X") or after it ("X, porte-parole de ...", "X, une retraitée")."""
    out: set[str] = set()
    i = start - 1
    while i >= 0 and doc[i].pos_ in {"ADJ", "PROPN"} and not _is_name_token(doc[i]) and not _is_role(doc[i]):
        i -= 1
    if start >= 2 and demonym_lemma(doc[start - 1].text) and doc[start - 2].pos_ == "DET":
        out.add(demonym_lemma(doc[start - 1].text))  # « le Danois Rasmus X »: later « le Danois »
    # (« », juge X, analyste »: the verb of an incise after a quotation, not a magistrate)
    incise = i >= 2 and doc[i - 1].text == "," and doc[i - 2].text in {'"', "»", "”"}
    if i >= 0 and _role_of(doc[i]) and not incise:
        out.add(_role_of(doc[i]))
    elif not incise:
        # "la réalisatrice de 34 ans X", "l'élue d'opposition X": a role with a short complement, then the name.
        # (« la députée LFI de Seine-Saint-Denis X », « le maire de la Haute-Saône X »: a place or party too)
        k = i
        while k >= 0 and start - k <= 6 and doc[k].pos_ in {"ADP", "NUM", "NOUN", "ADJ", "PROPN", "DET"} and \
                not _role_of(doc[k]) and doc[k].text not in {",", "(", ")"}:
            k -= 1
        # ("le porte-parole de X" makes X the one with a spokesperson, not the spokesperson)
        if 0 < k < i - 1 and _role_of(doc[k]) and doc[k - 1].pos_ == "DET" and \
                doc[k + 1].pos_ in {"ADP", "PROPN", "ADJ"} and doc[start - 1].pos_ != "ADP":
            out.add(_role_of(doc[k]))
    role = _role_before_comma(doc, start)
    if role is not None and _role_of(doc[role]):
        out.add(_role_of(doc[role]))
    if end + 1 < len(doc) and doc[end].text == ",":
        j = end + 1
        if doc[j].pos_ == "DET" and j + 1 < len(doc):
            j += 1
        if doc[j].pos_ == "ADJ" and doc[j].text.islower() and j + 1 < len(doc) and _role_of(doc[j + 1]):
            j += 1  # « X, ancienne directrice de … », « X, nouveau président »
        if _role_of(doc[j]):
            out.add(_role_of(doc[j]))
            if _names_a_union(doc, j + 1, min(len(doc), j + 12)):
                out.add("syndicaliste")  # « X, secrétaire générale du SNES-FSU »: later « la syndicaliste »
    if role is not None and _names_a_union(doc, role + 1, start):
        out.add("syndicaliste")
    return out


def _names_a_union(doc, first: int, end: int) -> bool:
    """Whether tokens [first, end), up to the end of the phrase, name a trade union (data/union_names.txt)."""
    unions = word_set("union_names")
    for t in range(first, end):
        if doc[t].text in {".", ";", ":", "»", "«"} or doc[t].text == "," and t > first + 1:
            return False
        low = doc[t].text.casefold()
        if low in unions or t + 1 < end and f"{low} {doc[t + 1].text.casefold()}" in unions:
            return True
    return False


def _cluster_for(clusters: list[_Cluster], keys: list[str]) -> _Cluster | None:
    """The person whose name parts contain every part of the mention, in order; the latest one on a tie."""
    best = None
    for cluster in clusters:
        pos = 0
        ok = True
        for key in keys:
            while pos < len(cluster.keys) and not parts_match(key, cluster.keys[pos]):
                pos += 1
            if pos == len(cluster.keys):
                ok = False
                break
            pos += 1
        if ok:
            exact = all(any(k == ck for ck in cluster.keys) for k in keys)
            if best is None or (exact and not best[1]):
                best = (cluster, exact)
    return best[0] if best else None


def find_people(article: Article) -> list[Person]:
    """People named in the article, each with the fullest name given, a gender when the text tells it (or,
    failing any clue in the text, the usual gender of a listed given name), and the original-offset span of
    every mention."""
    doc = article.doc
    candidates = _mention_candidates(article)
    shared = _shared_surnames(doc, candidates)
    # Longest names first, so that "Anne" joins "Anne Durand" rather than founding a person.
    order = sorted(range(len(candidates)), key=lambda k: (-(candidates[k][1] - candidates[k][0]
                                                            + len(shared.get(candidates[k][0], ()))), k))
    clusters: list[_Cluster] = []
    text = article.norm.text  # (the parsed text; Doc.text would be rebuilt on every access)
    for k in order:
        start, end, title_gender = candidates[k]
        toks = [t for t in doc[start:end] if any(c.isalpha() for c in t.text)]
        words = [t.text for t in toks] + list(shared.get(start, ()))
        keys = [fold(w) for w in words]
        cluster = _cluster_for(clusters, keys)
        if cluster is None:
            seps = [doc[start:end].text[t.idx + len(t) - doc[start].idx:
                                        (toks[n + 1].idx if n + 1 < len(toks) else t.idx + len(t)) - doc[start].idx]
                    for n, t in enumerate(toks)]
            if len(words) > len(toks):
                seps = seps[:-1] + [" "] * (len(words) - len(toks)) + [""]
            cluster = _Cluster(parts=[_display(w) for w in words], keys=keys, seps=seps)
            clusters.append(cluster)
        # A name in a full sentence counts more than one in a caption line, where typos abound.
        weight = 2 if _in_running_text(text, doc[end - 1].idx) else 1
        cluster.spellings.extend((w, weight) for w in words)
        span = doc[start:end]
        cluster.mentions.append((span.start_char, span.end_char, start))
        gender = title_gender or _gender_from_context(doc, start, end)
        if gender:
            cluster.gender_votes[gender] += 1 + (title_gender is not None)
        cluster.roles |= _roles_around(doc, start, end)
    _add_bare_mentions(doc, clusters)
    clusters = _merge_aliases(text, clusters)
    affiliations = _affiliations(doc)
    clusters = [c for c in clusters if not _names_a_thing(doc, c) and not _names_a_place(doc, c) and not any(
        _after_organisation_noun(doc, t0) for _, _, t0 in c.mentions) and " ".join(c.keys) not in affiliations]
    people = []
    for cluster in sorted(clusters, key=lambda c: min(m[0] for m in c.mentions)):
        cluster.settle_spelling()
        votes = cluster.gender_votes
        gender = "f" if votes["f"] > votes["m"] else "m" if votes["m"] > votes["f"] else None
        if gender is None and votes["m"] == votes["f"] == 0:
            # The weakest evidence, only when the text says nothing: the usual gender of the given name.
            gender = first_name_gender(cluster.name)
        mentions = tuple(sorted({article.span(s, e) for s, e, _ in cluster.mentions},
                                key=lambda sp: sp.start))
        people.append(Person(name=cluster.name, gender=gender, mentions=mentions,
                             roles=tuple(sorted(cluster.roles))))
    return people


def _shared_surnames(doc, candidates: list[tuple[int, int, str | None]]) -> dict[int, tuple[str, ...]]:
    """« Stéphane et Sandrine Lecomte », « Camille et Julien Ferrand »: a couple named with one surname.  The
    given name written alone before « et » carries the surname of the full name after it (token -> words)."""
    starts = {c[0]: c for c in candidates}
    exact = _first_names()[0]
    out: dict[int, tuple[str, ...]] = {}
    # (an epicene given name such as « Camille » is not in the list: a lone name that is nobody's surname)
    surnames = {fold(doc[e - 1].text) for s, e, _ in candidates if e - s >= 2}
    for start, end, _ in candidates:
        if end - start != 1 or fold(doc[start].text) in surnames or end + 1 >= len(doc) or \
                doc[end].text.casefold() != "et" or end + 1 not in starts:
            continue
        _, end2, _ = starts[end + 1]
        if end2 - (end + 1) < 2 or doc[end + 1].text.casefold() not in exact:
            continue
        out[start] = tuple(t.text for t in doc[end + 2:end2] if any(c.isalpha() for c in t.text))
    return out


_ALIAS = re.compile(r"\s*,?\s*(?:alias|dit|dite|surnommée?|de son nom de scène|connue? sous le nom de)\s*$"
                    r"|\s*,?\s*(?:de son vrai nom|né|née)\s*$", re.IGNORECASE)


def _merge_aliases(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """« Kévin X, alias KLo », « KLo, de son vrai nom Kévin X »: one person under two names; the stage name's
    mentions join the civil name's (the fuller one), so that either designates the same speaker."""
    starts = sorted(((m[0], m[1], c) for c in clusters for m in c.mentions), key=lambda x: x[0])
    merged: dict[int, _Cluster] = {}
    for (s1, e1, c1), (s2, _, c2) in zip(starts, starts[1:]):
        if c1 is c2 or s2 - e1 > 40 or not _ALIAS.fullmatch(text[e1:s2]):
            continue
        keep, drop = (c1, c2) if len(c1.parts) >= len(c2.parts) else (c2, c1)
        keep, drop = merged.get(id(keep), keep), merged.get(id(drop), drop)
        if keep is drop:
            continue
        keep.mentions.extend(drop.mentions)
        keep.roles |= drop.roles
        for g, n in drop.gender_votes.items():
            keep.gender_votes[g] += n
        merged[id(drop)] = keep
    return [c for c in clusters if id(c) not in merged]


def _names_a_thing(doc, cluster: _Cluster) -> bool:
    """A one-word name with no given name, title or role that the article also writes after a noun of a thing
    or after « chez » (« une station Vélocity », « chez Vélocity »): a brand or a company, not a person."""
    if len(cluster.parts) != 1 or sum(cluster.gender_votes.values()) or cluster.roles:
        return False
    if _first_names()[1].get(fold(cluster.parts[0])):
        return False
    people_nouns = word_set("person_roles") | word_set("speaker_heads") | word_set("person_descriptors")
    for _, _, t0 in cluster.mentions:
        if t0 == 0:
            continue
        prev = doc[t0 - 1]
        if prev.lower_ == "chez" or prev.pos_ == "NOUN" and prev.text.islower() and \
                prev.lemma_.lower() not in people_nouns and prev.lower_ not in people_nouns:
            return True
    return False


def _affiliations(doc) -> set[str]:
    """« Mathis X (Breizh Cycling) », « Anne Y (LR) »: the team, party or company written in parentheses right
    after a person's name is theirs, not another person (folded names)."""
    out = set()
    texts = token_table(doc).text
    for i in [i for i in range(1, len(doc) - 2) if texts[i] == "("]:
        if not _is_name_token(doc[i - 1]):
            continue
        j = i + 1
        while j < len(doc) and j - i <= 4 and _is_name_token(doc[j]):
            j += 1
        if j > i + 1 and j < len(doc) and doc[j].text == ")":
            out.add(" ".join(fold(t.text) for t in doc[i + 1:j]))
    return out


def _names_a_place(doc, cluster: _Cluster) -> bool:
    """A one-word name with no given name, title or role that the article only ever writes after a preposition
    of place (« dans l'enfer de Pokrovsk », « à quelques kilomètres de Pokrovsk », « à Pokrovsk »): a town."""
    if len(cluster.parts) != 1 or sum(cluster.gender_votes.values()) or cluster.roles or len(cluster.mentions) < 2:
        return False
    if _first_names()[1].get(fold(cluster.parts[0])):
        return False
    return all(t0 > 0 and doc[t0 - 1].lower_ in {"de", "d'", "à", "vers", "depuis", "en", "près"}
               for _, _, t0 in cluster.mentions)


def _add_bare_mentions(doc, clusters: list[_Cluster]) -> None:
    """Capitalised words the recogniser left out ("Mais Olga a déclaré") that match a known name part."""
    index: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        for key in cluster.keys:
            index.setdefault(key, []).append(cluster)
    covered = {t for c in clusters for s, e, t0 in c.mentions for t in range(t0, t0 + 8)
               if t < len(doc) and doc[t].idx < e}
    tab = token_table(doc)
    for i, (text, pos) in enumerate(zip(tab.text, tab.pos)):
        # (the strings first: a capitalised name-like word is rare, and only those are read as Tokens)
        if i in covered or not text[:1].isupper() or pos not in _NAME_POS or pos == "VERB":
            continue
        tok = tab.tokens[i]
        if not _is_name_token(tok):
            continue
        owners = index.get(fold(tok.text))
        # (« France » in « France Alzheimer » is a place, not a part of someone's name; but the surname of a
        # full name the article gave, not after a preposition, an article or a noun (« le groupe X »), is that
        # person's whatever the recogniser says: « Zubiaurre, retardé par une chute, nourrit des regrets »)
        if tok.ent_type_ == "LOC" and not (owners and len(owners) == 1 and len(owners[0].keys) >= 2
                                           and owners[0].keys[-1] == fold(tok.text)
                                           and (i == 0 or tab.pos[i - 1] not in {"ADP", "DET", "NOUN"})):
            continue
        if owners and len(owners) == 1:
            owners[0].mentions.append((tok.idx, tok.idx + len(tok.text), tok.i))
            owners[0].spellings.append((tok.text, 1))


def canonical_name(people: list[Person], mention: str) -> str | None:
    """The canonical name of the person a mention ("Dr Martin", "Olga") refers to, if any."""
    titles = _titles()
    words = [w for w in mention.replace(",", " ").split() if w.casefold() not in titles
             and w.casefold() not in _DETERMINERS]
    keys = [fold(w) for w in words]
    if not keys:
        return None
    for person in people:
        if [fold(w) for w in person.name.split()] == keys:
            return person.name
    clusters = [_Cluster(parts=p.name.split(), keys=[fold(w) for w in p.name.split()],
                         seps=[" "] * len(p.name.split())) for p in people]
    match = _cluster_for(clusters, keys)
    return people[clusters.index(match)].name if match else None


def person_at(people: list[Person], start: int, end: int) -> Person | None:
    """The person with a mention inside the original range [start, end)."""
    for person in people:
        for m in person.mentions:
            if m.start >= start and m.end <= end:
                return person
    return None
