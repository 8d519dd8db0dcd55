"""Named sources behind a description: ``l'ONG`` is the organisation the article introduced as
``l'organisation OVD-Info``, ``le magazine`` and ``l'étude`` the publisher of ``l'étude dévoilée par X``.

A description resolves, in this order, to the name the article attached to the same noun (``l'organisation
X``, ``X, une association``, ``l'étude … publiée par X``, or an earlier description already resolved), then
to a noun of the same group (``l'ONG`` after ``l'organisation X``), then to the only organisation named so
far.  When several could be meant the description stays as written: a wrong name is worse than none.
Everything is one pass over the tokens; resolutions are scans over a handful of links.
"""

from __future__ import annotations

import re

from .lexicon import table
from .people import first_name_gender, fold, parts_match
from .sources import known_source
from .text import token_table

_DEFINITE = {"le", "la", "l'"}
_INDEFINITE = {"un", "une"}
_OF = {"de", "d'", "du", "des"}


def _nouns() -> dict[str, str]:
    return {row[0].casefold(): row[1] for row in table("source_descriptions") if len(row) > 1}


def _key(name: str) -> tuple[str, ...]:
    words = name.replace("'", "' ").split()
    return tuple(fold(w) for w in words if fold(w) not in {"le", "la", "l'", "les"})


class Descriptions:
    def __init__(self, doc, text_of, in_quote, person_tokens=frozenset()):
        """``text_of(first, last)``: the original text of a token range; ``person_tokens``: the tokens that
        name people (never an organisation)."""
        self.doc = doc
        self.text_of = text_of
        self.nouns = _nouns()
        self.links: list[tuple[int, str, str]] = []  # (token, noun, name)
        self.orgs: list[tuple[int, str]] = []  # (token, name) of organisations named in the text
        for ent in doc.ents:
            if ent.label_ == "ORG" and not in_quote[ent.start] and not (ent.text.isupper() and len(ent.text) > 4):
                end = ent.end
                # (« l'UFC-Que Choisir »: the recogniser stops at the hyphen)
                while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text[:1].isupper():
                    end += 2
                    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ in {"PROPN", "NOUN", "X"}:
                        end += 1
                self.orgs.append((ent.start, text_of(ent.start, end - 1)))
        self.names = self._repeated_names(in_quote, person_tokens)
        nouns = self.nouns
        tab = token_table(doc)
        for i, (text, pos, lemma) in enumerate(zip(tab.text, tab.pos, tab.lemma)):
            # (a cheap look at the strings first: only the nouns of the list are read as Tokens)
            if in_quote[i] or pos not in {"NOUN", "PROPN"} or text.casefold() not in nouns and \
                    lemma.casefold() not in nouns:
                continue
            tok = doc[i]
            noun = self.noun_of(tok)
            if noun is None:
                continue
            name = self._introduced(tok)
            if name:
                self.links.append((tok.i, noun, name))
                self.orgs.append((tok.i, name))
            elif tok.i and doc[tok.i - 1].text.casefold() in _DEFINITE and \
                    (tok.i + 1 >= len(doc) or doc[tok.i + 1].text.casefold() not in _OF):
                # Every plain reprise ("Le magazine tire la sonnette d'alarme") is resolved where it is
                # written, so that the chain holds later when more organisations have been named.
                self.resolve(tok.i - 1, tok.i)

    def noun_of(self, tok) -> str | None:
        if tok.pos_ not in {"NOUN", "PROPN"} or not tok.text[:1].islower() and tok.text != "ONG":
            return None
        low = tok.text.casefold()
        if low in self.nouns:
            return low
        lemma = tok.lemma_.casefold()
        return lemma if lemma in self.nouns and tok.morph.get("Number") != ["Plur"] else None

    # --- how an article attaches a name to a noun --------------------------------------------------
    def _name_run(self, i: int) -> tuple[int, int] | None:
        """A proper name starting at token i ("OVD-Info", "Human Rights Watch")."""
        doc = self.doc
        j = i
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-" and j > i) and \
                (doc[j].text[:1].isupper() or doc[j].text == "-" or doc[j].text[:1].isdigit()):
            j += 1
        while j > i and doc[j - 1].text == "-":
            j -= 1
        return (i, j - 1) if j > i else None

    def _named_np(self, i: int, end: int) -> tuple[int, int] | None:
        """A name written as a noun phrase: ``60 millions de consommateurs``, ``l'Inserm``."""
        doc = self.doc
        j = i
        if j < end and doc[j].pos_ == "DET":
            j += 1
        start_head = j
        while j < end and (doc[j].pos_ in {"NUM", "ADJ"} and doc[j].text != "%"):
            j += 1
        while j < end and doc[j].pos_ in {"NOUN", "PROPN"}:
            j += 1
        if j == start_head:
            return None
        if j + 1 < end and doc[j].text.casefold() in _OF and doc[j + 1].pos_ in {"NOUN", "PROPN"}:
            j += 2
            while j < end and doc[j].pos_ == "PROPN":
                j += 1
        tokens = doc[i:j]
        named = any(t.pos_ == "PROPN" for t in tokens) or doc[start_head].pos_ == "NUM"
        if not named or any(t.text == "%" for t in tokens):
            return None
        return i, j - 1

    def _introduced(self, tok) -> str | None:
        doc = self.doc
        i = tok.i
        # "l'organisation OVD-Info", "le magazine Que Choisir"
        if i > 0 and doc[i - 1].text.casefold() in _DEFINITE and i + 1 < len(doc):
            run = self._name_run(i + 1)
            if run:
                return self.text_of(*run)
        # "l'Afise, une association qui ..."
        if i > 2 and doc[i - 1].text.casefold() in _INDEFINITE and doc[i - 2].text == ",":
            k = i - 3
            run_end = k
            while k >= 0 and doc[k].pos_ == "PROPN":
                k -= 1
            if k < run_end:
                first = k if k >= 0 and doc[k].text.casefold() in _DEFINITE else k + 1
                return self.text_of(first, run_end)
        # "l'étude dévoilée jeudi par 60 millions de consommateurs"
        if self.nouns.get(tok.text.casefold(), self.nouns.get(tok.lemma_.casefold())) in {"document", "media"}:
            for child in tok.children:
                if child.dep_ != "acl":
                    continue
                for t in range(child.i + 1, min(child.i + 12, len(doc))):
                    if doc[t].text in {".", ";", ":"}:
                        break
                    if doc[t].text.casefold() == "par":
                        np = self._named_np(t + 1, min(t + 10, len(doc)))
                        if np:
                            return self.text_of(*np)
                        break
        return None

    # --- resolving ---------------------------------------------------------------------------------
    def note_source(self, token: int, name: str) -> None:
        """A named source the attribution found ("précise 60 millions de consommateurs")."""
        self.orgs.append((token, name))

    def resolve(self, a: int, b: int) -> str | None:
        """The named organisation meant by the definite description in tokens [a, b], if clear."""
        doc = self.doc
        if doc[a].text.casefold() not in _DEFINITE:
            return None
        for t, _, name in self.links:
            if t == a:
                return name  # resolved where it is written, before later sources were noted
        head = next((t for t in range(a + 1, b + 1) if doc[t].pos_ in {"NOUN", "PROPN"}), None)
        if head is None:
            return None
        noun = self.noun_of(doc[head])
        if noun is None:
            # (only a bare noun: « le ministère russe de la Défense » is not « le ministère britannique … »)
            return self._named_with_the_word(a, doc[head]) if head == a + 1 == b else None
        group = self.nouns[noun]
        # "l'article du BEH": a publication or document speaks for whoever it belongs to.
        if group in {"document", "media"} and head + 1 <= b and doc[head + 1].text.casefold() in _OF:
            complement = self._key_of(head + 2, b)
            for _, name in reversed(self.orgs):
                if complement and _same(_key(name), complement):
                    return self._remember(a, noun, name)
            return None
        if head + 1 <= b and doc[head + 1].text.casefold() in _OF and group != "organisation":
            return None  # "le groupe de travail", "la société de transport": not a reprise
        same = [(t, name) for t, n, name in self.links if t < a and n == noun]
        if same:
            return self._remember(a, noun, max(same)[1])
        if group != "document":
            kin = [(t, name) for t, n, name in self.links if t < a and self.nouns[n] == group]
            if kin:
                return self._remember(a, noun, max(kin)[1])
        # « Amnesty International a dénoncé … , selon l'ONG »: the one body of that kind named earlier in the
        # same sentence, however many the article named before
        sentence = {_key(name): name for t, name in self.orgs if doc[a].sent.start <= t < a and _fits(group, name)}
        if len(_merge(list(sentence))) == 1:
            return self._remember(a, noun, next(iter(sentence.values())))
        before = {_key(name): name for t, name in self.orgs if t < a}
        distinct = _merge(list(before))
        if len(distinct) == 1 and _fits(group, before[distinct[0]]):
            return self._remember(a, noun, before[distinct[0]])
        if group == "company":
            # (« l'agence », « l'institut » may be any of the bodies an article cites; « l'entreprise » is
            # nearly always the one the story is about)
            name = self._dominant_name(a, group)
            if name:
                return self._remember(a, noun, name)
        return None

    def _named_with_the_word(self, a: int, head) -> str | None:
        """« l'interprofession » after « le Bureau interprofessionnel des vins de X », « la chambre » after « la
        Chambre d'agriculture »: a lower-case noun that is a word of one organisation named before (or the stem
        of one) takes it up."""
        low = fold(head.text)
        if not head.text[:1].islower() or head.pos_ != "NOUN" or len(low) < 5:
            return None
        matches = [(t, name) for t, name in self.orgs if t < a and any(
            w == low or len(low) >= 7 and w.startswith(low) for w in _key(name))]
        if len(_merge([_key(name) for _, name in matches])) != 1:
            return None
        return self._remember(a, low, max(matches)[1])

    def _repeated_names(self, in_quote, person_tokens) -> list[tuple[int, str]]:
        """(token, name) of every mention, outside quotations, of a proper name that is no person's and that
        the article writes at least twice: the companies, clubs and bodies it is about, whatever entity type
        the tagger gave them (« Vélocity » comes out as a person as often as a place)."""
        doc = self.doc
        runs: list[tuple[int, str, bool]] = []
        propn = [pos == "PROPN" for pos in token_table(doc).pos]
        i = 0
        while i < len(doc):
            run = self._name_run(i) if propn[i] and not in_quote[i] else None
            # (a given name and a surname is a person, even one kept out of the people: a byline, a credit)
            if run is None or any(t in person_tokens for t in range(run[0], run[1] + 1)) or \
                    first_name_gender(self.text_of(*run)) is not None or \
                    run[0] and first_name_gender(self.text_of(run[0] - 1, run[1])) is not None:
                i += 1
                continue
            place = doc[run[0]].ent_type_ in {"LOC", "GPE"}
            runs.append((run[0], self.text_of(*run), place))
            i = run[1] + 1
        counts: dict[tuple[str, ...], list[int]] = {}
        for _, name, place in runs:
            tally = counts.setdefault(_key(name), [0, 0])
            tally[0] += 1
            tally[1] += place
        # (a place the tagger reads as a place most of the time is where things happen, not who speaks)
        return [(t, name) for t, name, _ in runs if counts[_key(name)][0] >= 2
                and 2 * counts[_key(name)][1] < counts[_key(name)][0]]

    def _dominant_name(self, a: int, group: str) -> str | None:
        """``l'entreprise`` when several bodies are named: the organisation or name the article has written
        before it at least twice as often as any other that fits the noun — the one the article is about."""
        tally: dict[tuple[str, ...], list] = {}
        for t, name in dict([*self.orgs, *self.names]).items():  # (one count per token)
            if t >= a or not _fits(group, name):
                continue
            key = next((k for k in tally if _same(k, _key(name))), _key(name))
            entry = tally.setdefault(key, [0, name])
            entry[0] += 1
        ranked = sorted(tally.values(), key=lambda e: -e[0])
        if not ranked or ranked[0][0] < 2 or len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
            return None
        return ranked[0][1]

    def _key_of(self, first: int, last: int) -> tuple[str, ...]:
        return _key(self.text_of(first, last)) if first <= last else ()

    def _remember(self, token: int, noun: str, name: str) -> str:
        self.links.append((token, noun, name))
        return name


def _fits(group: str, name: str) -> bool:
    """Whether a named body may be meant by a noun of that group: « l'entreprise » is no public body or
    outlet the article also names (la CNIL, Numerama), « l'association » no outlet."""
    cls = known_source(name)
    if group == "company":
        return cls not in {"official", "media"}
    if group == "organisation":
        return cls != "media"
    return True


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(parts_match(x, y) for x, y in zip(a, b))


def _merge(keys: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for k in keys:
        if not any(_same(k, o) for o in out):
            out.append(k)
    return out


def canonical_sources(names: list[str], text: str) -> dict[str, str]:
    """Spelling variants of one named source ("60 millions de consommateur(s)") mapped to the form the
    article uses most often."""
    groups: list[list[str]] = []
    for name in dict.fromkeys(names):
        for g in groups:
            if _same(_key(name), _key(g[0])):
                g.append(name)
                break
        else:
            groups.append([name])
    out = {}
    for g in groups:
        best = max(g, key=lambda n: (len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", text)), len(n)))
        for n in g:
            out[n] = best
    return out
