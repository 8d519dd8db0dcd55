"""Quotations and who said them.

Quoted stretches come from the marks of the original text (:mod:`quote_marks`); the speaker from the words
around them in the parse: a speech verb after the quote (``», a-t-elle déclaré``, ``» précise un expert``),
before it (``Elle a poursuivi : «``), ``selon X``, ``X : «``, or, for a paragraph that is only a quotation,
the speaker of the quotation just before.  ``il``/``elle`` resolve to the latest *source* of that gender —
someone the article has made speak — not to the latest person named, who is often the article's subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import table, word_set
from .people import demonym_lemma, feminine_role, fold, role_lemma
from .quote_marks import Stretch, find_stretches
from .quote_sources import Descriptions, canonical_sources
from .quote_verbs import first_word_lemma, lemmas, multiword, surface_forms
from .results import Person, Quote, Span
from .sources import seat_at, source_nouns
from .text import Article, token_table

_SUBJECT_PRONOUNS = {"il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p")}
_SUBJECT_CLITICS = {"il", "elle", "ils", "elles", "on"}
# The age nouns of the press and the decade each names (Le Petit Robert, « -génaire », « trentenaire »).
_DECADES = {"trentenaire": 3, "quadragénaire": 4, "quinquagénaire": 5, "sexagénaire": 6, "septuagénaire": 7,
            "octogénaire": 8, "nonagénaire": 9, "quadra": 4, "quinqua": 5, "sexa": 6, "septua": 7}
# The one a trial or an inquiry is about, whom the press names by that status alone.
_DEFENDANT_ROLES = {"prévenu", "accusé", "suspect", "inculpé", "mis en examen", "mis en cause"}
_SENTENCE_END = {".", "!", "?", "…"}
_STATEMENT_NOUNS = {"texte", "communiqué", "message", "déclaration", "lettre", "courrier", "note"}
_PREVERBAL = {"ne", "n'", "se", "s'"}  # between a subject and its verb (« X ne dit rien », « X s'agace »)
_OBJECT_CLITICS = {"l'", "le", "la", "les", "lui", "leur"}
_MAX_LABEL_WORDS = 3
_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "SYM"}
_OF = {"de", "d'", "du", "des"}
_SELON = {"selon", "d'après"}
# A possessive before a noun of speech: "sa réponse", "leur message" (the owner's number, not gender).
_POSSESSIVE = {"son": "sien", "sa": "sien", "ses": "sien", "leur": "leur", "leurs": "leur"}
_MAX_SCARE_WORDS = 4  # an unattributed fragment this short inside a sentence is a term, not a quotation
# Fixed adverbial phrases that may stand between a speech verb and its inverted subject (Grevisse, Le Bon
# Usage, § 377–378 on the subject after the verb in incises).
_ADVERBIAL_LOCUTIONS = tuple(tuple(p.split()) for p in (
    "de son côté", "de leur côté", "pour sa part", "pour leur part", "à son tour", "à leur tour",
    "de nouveau", "à nouveau", "pour l'instant", "pour le moment", "sans détour", "sans ambages",
    "en substance", "en privé", "en off", "à demi-mot", "à mots couverts", "sous couvert d'anonymat"))
_DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne", "éen", "éenne", "in", "ine", "on", "onne")
# Verbs that carry on a speech already begun (Le Petit Robert: « poursuivre » 4, « ajouter » 2, « enchaîner »).
_CONTINUING = {"poursuivre", "ajouter", "continuer", "enchaîner", "renchérir", "compléter", "reprendre", "conclure",
               "insister", "répéter", "réitérer", "préciser"}
# Of those, the verbs that only stress what is said: the person a sentence has just brought in may say it too.
_INSISTING = {"insister", "répéter", "réitérer", "préciser"}
# Verbs conjugated with « être » that the tagger takes for passives (« est venue », « est partie »).
_MOTION_VERBS = {"venir", "aller", "partir", "arriver", "rester", "entrer", "sortir", "monter", "descendre",
                 "revenir", "devenir", "tomber", "retourner", "passer", "repartir", "rentrer"}
# Set between the auxiliary and the participle (« X a de son côté assuré … »), they hide the subject.
_ASIDES_AFTER_AUXILIARY = {"de son côté", "de leur côté", "pour sa part", "pour leur part", "quant à lui",
                           "quant à elle", "quant à eux"}
_NEAR_VERB = 8  # tokens between a speech verb and a short fragment it introduces
_POSSESSOR_LOOKBACK = 120  # tokens back to the source a possessive ("sa réponse :") refers to
_ROLE_LOOKBACK = 80  # words of the journalist searched back for the person a bare role noun stands for
_DEFINITE_OR_DEMONSTRATIVE = {"le", "la", "l'", "ce", "cet", "cette"}
# Nouns of speaking heads that stand for several people (Le Petit Robert, « nom collectif »).
_COLLECTIVES = {"équipe", "groupe", "famille", "foule", "public", "entourage", "camp", "clan", "bande", "majorité",
                "opposition", "direction", "rédaction", "communauté", "population", "jeunesse", "assemblée"}
# Linking words that continue an argument from one quotation to the next with nothing else between.
_CONNECTIVES = {"or", "car", "et", "puis", "donc", "ainsi", "d'ailleurs", "enfin"}


@dataclass
class _Speaker:
    name: str
    gender: str | None
    number: str  # "s" or "p"
    named: bool
    person: Person | None = None


@dataclass
class _Cue:
    first: int  # token range of the attribution words
    last: int
    verb: int | None  # the speech verb, when there is one
    subject: tuple[int, int] | None = None  # token range of an explicit subject
    pronoun: str | None = None  # "il", "elle", ... when the subject is a pronoun
    fused: bool = False  # the subject starts with "du"/"des" read as "le"/"les" ("la réponse du ministre")


class _Reader:
    """Everything needed to read one article's quotations; built once, linear in the tokens."""

    def __init__(self, article: Article, people: list[Person]):
        self.article = article
        self.doc = article.doc
        self.people = people
        self.verbs = lemmas()
        self.forms = surface_forms()
        self.time_words = word_set("time_words")
        origin = article.norm.origin
        self._origin = origin
        n = len(article.norm.text)
        # tok_at[c]: the token that starts at or before normalised offset c.
        self.tok_at = [0] * (n + 1)
        tab = token_table(self.doc)
        self.idx = starts = tab.idx
        for k in range(1, len(starts)):
            a = starts[k]
            b = starts[k + 1] if k + 1 < len(starts) else n + 1
            self.tok_at[a:b] = [k] * (b - a)
        self.mention_owner: dict[int, Person] = {}  # norm offset of a mention start -> person
        for person in people:
            for m in person.mentions:
                self.mention_owner[self.to_norm(m.start)] = person
        # Each token's person: the first person (in order) with a mention covering the token's start.
        orig_starts = [origin[c] for c in starts]
        owner: dict[int, Person] = {}
        for person in people:
            for m in person.mentions:
                for t in range(bisect_left(orig_starts, m.start), bisect_left(orig_starts, m.end)):
                    if t not in owner:
                        owner[t] = person
        self.tok_person: dict[int, Person] = {t: owner[t] for t in sorted(owner)}
        self.genders: dict[str, str | None] = {p.name: p.gender for p in people}
        # Per-article memos: the same tokens are asked about many times by the cue searches.
        self._speech: dict[tuple[int, bool], bool] = {}
        self._multiword: dict[int, int | None] = {}
        self.low, self.pos, self.dep, self.space, self.text = tab.low, tab.pos, tab.dep, tab.space, tab.text

    def name_end(self, t: int, limit: int) -> int:
        """The last token, before `limit`, of the person's name that token t begins or continues."""
        person = self.tok_person[t]
        while t + 1 < limit and self.tok_person.get(t + 1) is person:
            t += 1
        return t

    # --- offsets -------------------------------------------------------------------------------------
    def to_norm(self, pos: int) -> int:
        return bisect_left(self._origin, pos)

    def token_at(self, orig_pos: int) -> int:
        return self.tok_at[min(self.to_norm(orig_pos), len(self.tok_at) - 1)]

    def orig_span(self, first: int, last: int) -> Span:
        return self.article.span(self.idx[first], self.idx[last] + len(self.text[last]))

    def _person_of_token(self, tok) -> Person | None:
        start = self._origin[tok.idx]  # where the token starts in the original text
        for person in self.people:
            for m in person.mentions:
                if m.start <= start < m.end:
                    return person
        return None

    # --- speech verbs --------------------------------------------------------------------------------
    def is_speech_verb(self, tok, loose: bool = False) -> bool:
        """Whether a token is a speech verb; ``loose`` where only a verb can stand (``», estime X``)."""
        key = (tok.i, loose)
        known = self._speech.get(key)
        if known is None:
            known = self._speech[key] = self._is_speech_verb(tok, loose)
        return known

    def _is_speech_verb(self, tok, loose: bool) -> bool:
        text = tok.text.casefold()
        if tok.pos_ not in {"VERB", "AUX", "NOUN", "ADJ"} or not tok.text.isalpha() and "-" not in tok.text:
            return False
        if self.multiword_end(tok.i) is not None:
            return True
        if tok.pos_ in {"NOUN", "ADJ"} and not tok.text[0].islower():
            return False
        lemma = tok.lemma_.casefold()
        if tok.pos_ in {"NOUN", "ADJ"} and text in self.forms and tok.i + 1 < len(self.doc) and \
                self.doc[tok.i + 1].text.casefold() in {"que", "qu'"} and tok.i and self.doc[tok.i - 1].text == ",":
            return True  # "X, juge que …": only a verb takes « que » there
        if lemma not in self.verbs and text in self.forms and tok.text[0].islower():
            # The tagger kept the written form as lemma ("estime", "glisse"): trust the form where only a
            # verb can stand, or after a bare subject noun ("L'économiste juge …"), never after a
            # determiner or preposition ("le juge").
            prev = self.doc[tok.i - 1] if tok.i else None
            # (« qu'elle juge « … » »: after a subject pronoun, too, only a verb can stand)
            if loose or tok.pos_ in {"VERB", "AUX"} or prev is not None and prev.pos_ in {"NOUN", "PROPN"} \
                    and tok.i >= 2 and self.doc[tok.i - 2].pos_ == "DET" or \
                    prev is not None and prev.text.casefold() in _SUBJECT_CLITICS:
                lemma = self.forms[text]
        if tok.pos_ in {"NOUN", "ADJ"} and lemma not in self.verbs:
            return False
        if lemma in self.verbs:
            return True
        prev = self.doc[tok.i - 1].text.casefold() if tok.i else ""
        return prev in {"se", "s'"} and (f"se {lemma}" in self.verbs or f"s'{lemma}" in self.verbs)

    def multiword_end(self, i: int) -> int | None:
        """Last token of a multi-word speech verb starting at token i (``fait valoir``, ``met en garde``)."""
        if i in self._multiword:
            return self._multiword[i]
        end = self._multiword[i] = self._multiword_end(i)
        return end

    def _multiword_end(self, i: int) -> int | None:
        pos, low = self.pos, self.low
        if pos[i] not in {"VERB", "AUX"}:
            return None
        first = first_word_lemma(low[i], self.doc[i].lemma_.casefold())
        if first is None:
            return None
        n = len(low)
        for tail in multiword()[first]:
            j = i + 1
            while j < n and pos[j] == "ADV" and low[j] not in tail:
                j += 1  # "met toutefois en garde"
            if j + len(tail) <= n and all(low[j + k] == w for k, w in enumerate(tail)):
                return j + len(tail) - 1
        return None

    def clitic_after(self, i: int, limit: int) -> tuple[str | None, int]:
        """A subject clitic written after the verb or auxiliary ("a-t-il", "dit-elle"): (pronoun, last token)."""
        j = i + 1
        while j <= min(limit, len(self.doc) - 1):
            text = self.doc[j].text.casefold()
            if text == "-t":
                j += 1
                continue
            if text.startswith("-") and text.lstrip("-").replace("t-", "") in _SUBJECT_PRONOUNS:
                return text.lstrip("-").replace("t-", ""), j
            if text == "-" and j + 1 < len(self.doc) and self.doc[j + 1].text.casefold() in _SUBJECT_PRONOUNS \
                    and not self.doc[j].whitespace_:
                return self.doc[j + 1].text.casefold(), j + 1  # "disent-elles" split in three
            break
        return None, i

    def verb_group_at(self, i: int, end: int, loose: bool = False) -> tuple[int, int, str | None, int] | None:
        """A speech-verb group starting at token i: (first, verb, clitic, last) or None.

        Accepts ``a déclaré``, ``a-t-elle déclaré``, ``dit-il``, ``précise même``, ``s'agace``,
        ``a également ajouté``, ``avait alors expliqué``.
        """
        doc = self.doc
        j = i
        if j < end and doc[j].text.casefold() in {"se", "s'"}:
            j += 1
        elif j + 1 < end and self.low[j] in _OBJECT_CLITICS | {"nous", "vous"} and doc[j + 1].pos_ in {"AUX", "VERB"}:
            j += 1  # « …, l'a interrompu la présidente », « …, lui a répondu X », « nous confie une amie »
        clitic = None
        last = None
        if j < end and doc[j].pos_ == "AUX" and not self.is_speech_verb(doc[j]):
            clitic, last = self.clitic_after(j, j + 3)
            j = (last if clitic else j) + 1
            while j < end and doc[j].pos_ == "ADV":
                j += 1
        if j >= end or not self.is_speech_verb(doc[j], loose=loose):
            return None
        verb = j
        if clitic is None:
            clitic, last = self.clitic_after(verb, verb + 3)
            if clitic is None:
                last = verb
        if clitic is not None and self.low[i] in {"nous", "vous"}:
            return None  # (« nous confie-t-il »: the inverted pronoun is read from the verb on)
        return i, verb, clitic, max(last, verb, self.multiword_end(verb) or verb)

    def np_after(self, i: int, end: int) -> tuple[int, int] | None:
        """The inverted subject after a verb: skips adverbs and prepositional phrases ("à l'AFP")."""
        doc = self.doc
        j = i
        while j < end:
            tok = doc[j]
            skip = self._adverbial_locution(j, end)
            if skip:
                j += skip  # "affirme de son côté un observateur", "estime pour sa part le maire"
                continue
            if tok.pos_ == "ADV" or tok.text.casefold() in {"même", "encore", "également", "aussi"} \
                    or tok.text.casefold() in self.time_words:  # "a déclaré lundi X"
                j += 1
                continue
            if tok.pos_ == "ADP" and (tok.text.casefold() not in _OF or j > i and doc[j - 1].pos_ == "ADV"):
                j = self._skip_pp(j + 1, end)  # "à l'AFP", "auprès de l'AFP"
                continue
            break
        if j >= end or doc[j].pos_ not in _NP_POS | {"PRON"} or doc[j].is_punct:
            return None
        if doc[j].pos_ == "DET" and j + 1 < end and doc[j + 1].pos_ == "VERB" and doc[j + 1].text.isalpha():
            return j, self._np_end(j, end)  # "l'opposant" read as a participle
        if doc[j].pos_ == "PRON" and doc[j].text.casefold() not in {"lui", "celui-ci", "celle-ci"}:
            return None
        return j, self._np_end(j, end)

    def _adverbial_locution(self, j: int, end: int) -> int:
        """Length of a fixed adverbial phrase starting at token j (``de son côté``, ``pour sa part``), else 0."""
        low = self.low
        for phrase in _ADVERBIAL_LOCUTIONS:
            n = len(phrase)
            if j + n <= end and all(low[j + x] == w for x, w in enumerate(phrase)):
                return n
        return 0

    def _skip_pp(self, j: int, end: int) -> int:
        doc = self.doc
        seen_head = False
        while j < end:
            tok = doc[j]
            if j in self.tok_person and seen_head and (j == 0 or doc[j - 1].i not in self.tok_person):
                return j  # "à l'AFP Nikolaï X": the name after the outlet is the subject
            if tok.pos_ == "DET" and seen_head:
                return j
            if tok.pos_ in {"NOUN", "PROPN"} or tok.text[:1].isupper() and tok.pos_ != "DET":
                seen_head = True  # "sur France Inter": a name the tagger read as a verb
            elif tok.pos_ == "ADP" and tok.text.casefold() in _OF | {"avec"}:
                seen_head = False
            elif tok.pos_ not in {"DET", "ADJ", "NUM"}:
                return j
            j += 1
        return j

    def _np_end(self, j: int, end: int) -> int:
        doc = self.doc
        k = j
        while k + 1 < end:
            nxt = doc[k + 1]
            if nxt.pos_ in _NP_POS and not nxt.is_punct or nxt.text == "%" or (
                    doc[k].pos_ == "DET" and not nxt.is_punct):
                k += 1
            elif nxt.text.casefold() in _OF and k + 2 < end and doc[k + 2].pos_ in _NP_POS:
                k += 1
            elif nxt.text == "-" and k + 2 < end and doc[k + 2].pos_ in _NP_POS:
                k += 1
            elif nxt.text in {"unies", "unis", "Unies", "Unis"} and doc[k].text[:1].isupper():
                k += 1  # "les Nations unies", "les États-Unis": whatever the tagger made of the adjective
            elif self.low[j] in {"un", "une"} and (where := self._posting(k + 1, end)) is not None:
                k = where  # « un diplomate européen en poste à Beyrouth », « une source chez X »: who they are
            else:
                break
        return k

    def _posting(self, i: int, end: int) -> int | None:
        """The end of « en poste à X », « chez X » or « au sein de X » starting at token i, if it does."""
        low = self.low
        if i + 2 < end and low[i] == "en" and low[i + 1] == "poste" and low[i + 2] in {"à", "au", "aux", "en"}:
            start = i + 3
        elif i + 1 < end and low[i] == "chez":
            start = i + 1
        elif i + 2 < end and low[i] == "au" and low[i + 1] == "sein" and low[i + 2] in _OF:
            start = i + 3
        else:
            return None
        k = start
        while k + 1 < end and (self.doc[k + 1].text[:1].isupper() or self.doc[k + 1].text == "-"
                               or self.doc[k].pos_ == "DET") and not self.doc[k + 1].is_punct:
            k += 1
        return k if start < end and (self.doc[start].text[:1].isupper() or self.doc[start].pos_ == "DET") else None

    def _name_run_start(self, i: int, floor: int) -> int:
        """Start of the noun phrase a proper noun closes when the parser cut it off (« la société de
        production Nuits Blanches Live »): back over the capitalised words, then over the lower-case noun
        phrase before them when it opens with a determiner after a comma or the clause start."""
        doc = self.doc
        k = i
        while k - 1 >= floor and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in {"PROPN", "NOUN", "ADJ", "X"}:
            k -= 1
        j = k
        while j - 1 >= floor and not doc[j - 1].is_punct and doc[j - 1].text[:1].islower() and \
                doc[j - 1].pos_ in {"NOUN", "ADJ", "ADP", "DET"} and k - j < 6:
            j -= 1
        if j < k and doc[j].pos_ == "DET" and (j == floor or doc[j - 1].text == ","):
            return j
        return k

    def np_before(self, verb: int, floor: int) -> tuple[int, int] | None:
        """The subject written before a verb: the parser's nsubj, or the nearest name or pronoun."""
        doc = self.doc
        tok = doc[verb]
        # A subject pronoun just before the verb group is its subject, whatever the parse made of the names
        # the clause opened with ("Interrogé par la présidente, X, sur …, il a reconnu").
        k = verb - 1
        while k > floor and (doc[k].pos_ in {"AUX", "ADV"} or doc[k].text.casefold() in _PREVERBAL):
            k -= 1
        if k >= floor and k < verb and doc[k].text.casefold() in _SUBJECT_PRONOUNS:
            return k, k
        # ("L'ONG X, présente à Y, estime": the parser may make the apposed adjective the root and hang the
        # verb on it; its subject is the verb's)
        heads = [tok] + ([tok.head] if tok.dep_ in {"conj", "xcomp"} or tok.head.dep_ == "ROOT"
                         and tok.head.pos_ in {"ADJ", "NOUN"} and tok.head.i < verb else [])
        tail = self.multiword_end(verb)
        if tail is not None and tail != verb:
            heads.append(doc[tail])  # « X a fait savoir »: the parser hangs the subject on « savoir »
        for h in heads:
            for child in h.children:
                if child.pos_ == "VERB" and child.i + 1 < verb and doc[child.i + 1].text == ",":
                    continue  # ("Contactée, l'Agence … rappelle": an opening participle is no subject)
                if child.dep_ in {"nsubj", "nsubj:pass"} and floor <= child.i < verb:
                    if child.pos_ == "PRON" and child.text.casefold() == "qui" and h.dep_ == "acl:relcl" \
                            and floor <= h.head.left_edge.i < child.i and h.head.pos_ in _NP_POS:
                        left = h.head.left_edge.i  # "l'article du BEH qui rappelle que"
                        while left - 1 >= floor and (doc[left - 1].text == "%" or doc[left - 1].pos_ == "NUM"):
                            left -= 1  # "27 % des Français qui ont répondu"
                        return left, child.i - 1
                    if child.pos_ == "PRON":
                        return child.i, child.i
                    left = max(child.left_edge.i, floor)
                    # A name in the subject wins over the nouns of its apposition
                    # ("X, président de Y, un institut ..., a déclaré").
                    for t in range(left, verb):
                        if t in self.tok_person and self.tok_person.get(t - 1) is not self.tok_person[t] and \
                                not (t > left and doc[t - 1].text.casefold() in _OF):
                            return t, self.name_end(t, verb)
                    # "S'adressant à Y, X, experte de Z, a déclaré": the parser may take an apposition
                    # for the subject; the name set off by commas before it is the speaker.
                    for t in range(floor, left):
                        if t in self.tok_person and (t == floor or doc[t - 1].text == ","):
                            end = self.name_end(t, left)
                            if end + 1 < verb and doc[end + 1].text == ",":
                                return t, end
                    right = self._np_end(child.i, verb) if child.i >= left else child.i
                    if child.pos_ in {"PROPN", "X", "NOUN"} and child.text[:1].isupper() and left == child.i:
                        left = self._name_run_start(child.i, floor)
                    if any(x.text == "%" for x in doc[left:child.i + 1]):
                        right = max(right, min(child.right_edge.i, verb - 1))
                    # (« L'agence juge la situation … et appelle »: a verb of saying read as a noun ends it)
                    right = next((t - 1 for t in range(child.i + 1, right + 1) if self.low[t] in self.forms
                                  and doc[t - 1].pos_ not in {"DET", "ADP"}), right)
                    return left, right
        # No subject in the parse: a name opening the clause or set off by commas ("S'adressant à Y, X, ...").
        for t in range(floor, verb):
            # ("Me X, avocat de …, avait répliqué": a title opening the clause belongs to the name)
            if t in self.tok_person and (t == floor or doc[t - 1].text == "," or t - 1 == floor and
                                         doc[floor].text.casefold() in _person_titles()):
                end = self.name_end(t, verb)
                if end + 1 < verb and doc[end + 1].text == "," or end + 1 == verb or \
                        end + 2 <= verb and doc[end + 1].pos_ == "AUX":
                    return t, end
        for k in range(verb - 1, max(floor, verb - 6) - 1, -1):
            t = doc[k]
            if t.text.casefold() in _SUBJECT_PRONOUNS or k in self.tok_person:
                start = k
                while start - 1 >= floor and start - 1 in self.tok_person and \
                        self.tok_person[start - 1] is self.tok_person[k]:
                    start -= 1
                return start, k
            if t.is_punct and t.text != "," or t.pos_ == "VERB" and k != verb:
                break
        # A bare name is the whole clause before the verb (« Altair Connect assure », tagged as foreign words).
        if verb - floor <= 4 and all(doc[t].text[:1].isupper() and doc[t].pos_ in {"PROPN", "X", "NOUN"}
                                     for t in range(floor, verb)) and verb > floor:
            return floor, verb - 1
        # The parse took the verb for a modifier ("L'économiste juge …"): a noun phrase opening the clause.
        k = verb - 1
        while k > floor and doc[k].pos_ in {"NOUN", "ADJ", "PROPN"}:
            k -= 1
        if k == floor and k < verb - 1 and doc[k].pos_ == "DET" and doc[verb - 1].pos_ in {"NOUN", "ADJ", "PROPN"}:
            return k, verb - 1
        # "Une source proche de l'enquête évoque …": the parser made the verb a modifier of the last noun; the
        # noun phrase opening the clause, with nothing but its complements before the verb, is the subject.
        # (« L'agence juge la situation … et appelle »: a verb of saying the tagger read as a noun ends it)
        if doc[floor].pos_ == "DET" and verb - floor >= 2 and all(
                doc[t].pos_ in {"NOUN", "ADJ", "PROPN", "DET", "ADP"} and not doc[t].is_punct
                for t in range(floor, verb)) and doc[verb - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and \
                not any(self.low[t] in self.forms and doc[t - 1].pos_ != "DET" for t in range(floor + 2, verb)):
            return floor, verb - 1
        # "Rencontrée …, la réalisatrice, 38 ans, dit …": an apposition between commas before the verb (« Le
        # ministre, attendu mardi sur place, a promis … »: a participle's phrase too, before the whole verb group)
        end = verb - 1
        while end > floor and (doc[end].pos_ == "AUX" or self.low[end] in _PREVERBAL):
            end -= 1
        if end > floor and doc[end].text == ",":
            j = next((x for x in range(end - 1, max(floor, end - 7) - 1, -1) if doc[x].text == ","), None)
            if j is not None and not any(doc[x].pos_ in {"VERB", "AUX"} and doc[x].morph.get("VerbForm") != ["Part"]
                                         for x in range(j + 1, end)) and j - 1 > floor:
                a = j - 1
                while a - 1 >= floor and (doc[a - 1].pos_ in {"NOUN", "ADJ", "PROPN", "DET"}
                                          or doc[a - 1].text.casefold() in _OF) and not doc[a - 1].is_punct:
                    a -= 1
                if doc[a].pos_ == "DET" and (a == floor or doc[a - 1].text == ",") and \
                        doc[j - 1].pos_ in {"NOUN", "PROPN", "ADJ"}:
                    return a, j - 1
        # "Contactée, la direction de X indique …": a noun phrase with its complements right after the comma
        # of an opening participle or adverbial, which the parser hung on that participle.
        k = verb - 1
        if k - 2 > floor and doc[k].text == ")" and doc[k - 2].text == "(":
            k -= 3  # "l'Agence nationale de sécurité du médicament (ANSM) rappelle"
        end = k
        while k > floor and (doc[k].pos_ in {"NOUN", "ADJ", "PROPN", "DET"} or doc[k].text.casefold() in _OF) \
                and not doc[k].is_punct:
            k -= 1
        if doc[k].text == "," and k + 1 < end and doc[k + 1].pos_ == "DET" and \
                doc[end].pos_ in {"NOUN", "ADJ", "PROPN"} and \
                not any(doc[t].dep_ in {"nsubj", "nsubj:pass"} and doc[t].head.i == verb and doc[t].pos_ != "VERB"
                        for t in range(floor, k)):
            return k + 1, end
        return None


@lru_cache(maxsize=1)
def _spouse_nouns() -> dict[str, str]:
    """« épouse » -> "f": the partner a possessive noun points to (data/spouse_nouns.tsv)."""
    return {row[0].casefold(): row[1] for row in table("spouse_nouns") if len(row) > 1}


@lru_cache(maxsize=None)
def _person_titles() -> frozenset[str]:
    """Civil and professional titles written before a name (``M.``, ``Me``), casefolded."""
    return frozenset(row[0].casefold() for row in table("person_titles"))


def _speaking_heads() -> frozenset[str]:
    """Head nouns of a noun phrase that can speak: people, offices, groups, organisations, publications."""
    sources = {row[0].casefold() for row in table("source_nouns") if len(row) > 1 and row[1] != "neutral"}
    return frozenset(sources | {row[0].casefold() for row in table("source_descriptions")}
                     | word_set("speaker_heads") | word_set("respondents") | word_set("person_roles"))


def _role_groups() -> list[set[str]]:
    return [set(row) for row in table("role_synonyms")]


def _is_gerundive(tok) -> bool:
    """``soulignant``, ``affirmant``: a present participle, which has no subject of its own."""
    return tok.pos_ in {"VERB", "AUX"} and tok.text.casefold().endswith("ant") and \
        tok.morph.get("Mood") != ["Ind"] and tok.morph.get("VerbForm") in ([], ["Part"], ["Ger"])


def _phrase_head(doc, first: int, last: int):
    """The token of [first, last] whose head lies outside it (the quoted phrase's own head)."""
    for t in range(first, last + 1):
        if not first <= doc[t].head.i <= last:
            return doc[t]
    return doc[first]


def _reported_by(tok, verb: int) -> bool:
    """Whether a token lies in the reported clause (``que …``, infinitive) of the verb at index ``verb``."""
    for _ in range(2):  # deeper, a quoted term is the journalist's (a scare-quoted term in a long clause)
        head = tok.head
        if head.i == verb:
            return tok.dep_ in {"ccomp", "xcomp", "obj"} and tok.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} and \
                any(c.dep_ in {"mark", "nsubj", "cop", "aux:tense", "aux:pass"} or c.pos_ == "SCONJ"
                    for c in tok.children) or tok.dep_ == "xcomp"
        if head.i == tok.i:
            return False
        tok = head
    return False


def _sentence_bounds(doc, first: int, last: int, para_first: int, para_last: int) -> tuple[int, int]:
    """Token range of the sentence around [first, last], found by end punctuation outside quotes."""
    a = first
    while a - 1 >= para_first and doc[a - 1].text not in _SENTENCE_END:
        a -= 1
    b = last
    while b + 1 <= para_last and doc[b].text not in _SENTENCE_END:
        b += 1
    return a, b



@dataclass
class _Found:
    stretch: Stretch
    first: int  # tokens of the quoted words
    last: int
    open_tok: int | None
    close_tok: int | None
    para_first: int  # tokens of the paragraphs it lies in
    para_last: int
    cue: _Cue | None = None
    embedded: bool = False
    speaker: _Speaker | None = None
    kind: str = "direct"


class _Attributor:
    def __init__(self, reader: _Reader, stretches: list[Stretch]):
        self.r = reader
        self.doc = reader.doc
        self.paragraphs = reader.article.paragraphs
        self.para_tokens = [(reader.token_at(p.start), reader.token_at(max(p.start, p.end - 1)))
                            for p in self.paragraphs]
        self._para_starts = [a for a, _ in self.para_tokens]
        self.in_quote = [False] * len(self.doc)
        self.found: list[_Found] = []
        for s in stretches:
            first, last = reader.token_at(s.start), reader.token_at(max(s.start, s.end - 1))
            open_tok = reader.token_at(s.open_mark) if s.open_mark is not None else None
            close_tok = reader.token_at(s.close_mark) if s.close_mark is not None else None
            pf, pl = self.para_tokens[s.first_para][0], self.para_tokens[s.last_para][1]
            for t in range(open_tok if open_tok is not None else first, (close_tok or last) + 1):
                self.in_quote[t] = True
            self.found.append(_Found(s, first, last, open_tok, close_tok, pf, pl))
        self.registry: list[tuple[int, _Speaker]] = []  # (token, source) in text order
        self.learned_roles: dict[str, set[str]] = {}  # person -> role nouns the article has used for them
        self.statements: dict[int, _Speaker] = {}  # last token of a statement sentence -> its source
        self.respondents = word_set("respondents")
        self.speech_nouns = word_set("speech_nouns")
        self.work_nouns = word_set("work_nouns")
        self.verbs_infinitive = frozenset(v for v in reader.verbs if " " not in v)
        self.desc = Descriptions(self.doc, lambda a, b: reader.article.text[reader.orig_span(a, b).start:
                                                                            reader.orig_span(a, b).end],
                                 self.in_quote, frozenset(reader.tok_person))

    # --- cues ----------------------------------------------------------------------------------------
    def cue_after(self, f: _Found) -> _Cue | None:
        """``», a-t-elle déclaré``, ``» précise un expert``, ``», a expliqué à l'AFP X``."""
        if f.close_tok is None:
            return None
        doc = self.doc
        j = f.close_tok + 1
        end = f.para_last + 1
        # A list of quotations shares the attribution after the last one: « A », « B », scandaient-ils.
        while j + 1 < end and doc[j].text == "," and self.in_quote[j + 1]:
            j += 1
            while j < end and self.in_quote[j]:
                j += 1
        if j < end and doc[j].text == ",":
            j += 1
        j = self._past_restriction(j, end)
        group = self.r.verb_group_at(j, end, loose=True) if j < end else None
        if not group:
            group = self._inverted_incise(j, end)
        if not group and j + 1 < end and doc[j].text.isalpha() and doc[j].text.islower() and \
                (doc[j + 1].text.casefold() == "-on" or doc[j + 1].text.casefold() == "-t" and j + 2 < end
                 and doc[j + 2].text.casefold() == "-on"):
            group = (j, j, None, j)  # « », entend-on », « », murmure-t-on à Matignon »
        if not group:
            return None
        first, verb, clitic, last = group
        if first == f.close_tok + 1 and f.open_tok and doc[f.open_tok - 1].pos_ == "AUX" and clitic is None:
            return None  # « qui dit avoir « immédiatement » prévenu ses clients »: the participle of « avoir »
        sent_end = self._clause_end(last + 1, end)
        k = last + 1
        if clitic is None and k < end and doc[k].text.casefold() == "-t":
            k += 1
        if clitic is None and k < end and doc[k].text.casefold() == "-on":
            # « », assure-t-on à Matignon »: the institution speaks without a name; a bare « on » is nobody
            place = self._where_on_speaks(k + 1, self._clause_end(k + 1, end))
            return _Cue(first, place[1], verb, subject=place) if place else _Cue(first, k, verb, pronoun="on")
        if clitic:
            return _Cue(first, last, verb, pronoun=clitic)
        np = self.r.np_after(last + 1, sent_end)
        if np is None:
            return None
        person = self._through_person(np, sent_end) or self._apposed_after(np, sent_end)
        return _Cue(first, (person or np)[1], verb, subject=person or np)

    def _apposed_after(self, np: tuple[int, int], end: int) -> tuple[int, int] | None:
        """``a lancé la rapporteure du texte, la députée LFI de Seine-Saint-Denis X``: an office, then after a
        comma another description ending on the name of the person who holds it."""
        doc = self.doc
        if any(t in self.r.tok_person for t in range(np[0], np[1] + 1)):
            return None
        j = np[1] + 1
        # (« le négociateur en chef du groupe des pays les moins avancés (PMA), X »: the office's complements)
        while j < end and j - np[1] < 20 and not self.in_quote[j] and (
                doc[j].text in {"(", ")"} or doc[j].pos_ in {"ADP", "DET", "NOUN", "ADJ", "ADV", "PROPN"}) \
                and j not in self.r.tok_person:
            j += 1
        # (« sa responsable du plaidoyer, X »: a singular head that names one person of a body counts too)
        if j >= end or doc[j].text != "," or not any(
                self._is_role(doc[t]) or doc[t].lemma_.casefold() in word_set("speaker_heads")
                and doc[t].morph.get("Number") != ["Plur"] for t in range(np[0], np[1] + 1)):
            return None
        for t in range(j + 1, min(end, j + 12)):
            if self.in_quote[t] or doc[t].is_punct and doc[t].text != "-":
                return None
            if t not in self.r.tok_person and doc[t].pos_ not in {"DET", "NOUN", "ADJ", "PROPN", "ADP", "X"}:
                return None  # (« l'avocat, qui a reçu le soutien de X »: a relative clause names someone else)
            if t in self.r.tok_person:
                b = self.r.name_end(t, end)
                return t, b
        return None

    def cue_inner_incise(self, f: _Found) -> _Cue | None:
        """``« Ce sont eux qui ont voté la loi, tacle son porte-parole, X. Aujourd'hui … »``: French typography
        may leave the attribution inside the marks, between commas; the speaker is the incise's subject."""
        doc = self.doc
        for j in range(f.first + 2, f.last - 1):
            if doc[j - 1].text != ",":
                continue
            group = self.r.verb_group_at(j, f.last + 1, loose=True)
            if not group:
                continue
            first, verb, clitic, last = group
            if clitic:
                if last + 1 <= f.last and doc[last + 1].text in {",", "."}:
                    return _Cue(first, last, verb, pronoun=clitic)
                continue
            end = last + 1
            while end <= f.last and doc[end].text not in {".", "!", "?", ";"} and end - last < 14:
                end += 1
            np = self.r.np_after(last + 1, end)
            if np is None or np[1] + 1 > f.last or doc[np[1] + 1].text not in {",", "."}:
                continue
            for t in range(np[0], end):  # (« son porte-parole départemental, X, venu en observateur »)
                if t in self.r.tok_person:
                    b = self.r.name_end(t, end)
                    return _Cue(first, b, verb, subject=(t, b))
            return _Cue(first, np[1], verb, subject=np)
        return None

    def _where_on_speaks(self, j: int, end: int) -> tuple[int, int] | None:
        """``à Matignon``, ``au ministère de l'Intérieur``, ``dans l'entourage du ministre``, ``chez X`` after
        an impersonal « on »: the body or circle that speaks."""
        doc = self.doc
        while j < end and (doc[j].pos_ == "ADV" or doc[j].text.casefold() in self.r.time_words):
            j += 1
        if j >= end:
            return None
        low = doc[j].text.casefold()
        seat = seat_at(doc[j:end])
        if seat:
            return j, j + seat - 1  # « souligne-t-on rue de Grenelle »: a ministry by its seat
        if low in {"dans", "de"} and j + 2 < end and doc[j + 2].text.casefold() in {"entourage", "côté"}:
            start = j + 1  # "dans l'entourage du ministre", "du côté de l'Élysée"
        elif low in {"à", "au", "aux", "chez"}:
            start = j + 1
        else:
            return None
        if start >= end or doc[start].pos_ not in _NP_POS:
            return None
        return start, self.r._np_end(start, end)

    def _past_restriction(self, j: int, end: int) -> int:
        """``s'est contenté de répondre X``, ``se borne à rappeler X``: the verb of saying after a verb of
        restriction (the inverted subject follows it)."""
        doc = self.doc
        k = j
        if k < end and doc[k].text.casefold() in {"s'", "se"}:
            k += 1
        while k < end and doc[k].pos_ == "AUX":
            k += 1
        if k + 2 < end and doc[k].lemma_ in {"contenter", "borner", "limiter"} and \
                doc[k + 1].text.casefold() in {"de", "d'", "à"}:
            return k + 2
        return j

    def _inverted_incise(self, j: int, end: int) -> tuple[int, int, str | None, int] | None:
        """``», sourit-elle``, ``», a-t-il soupiré``: right after a quotation, any verb with its subject clitic
        inverted is an incise of saying, whatever the verb (Grevisse, Le Bon Usage, § 380: the incise
        « dit-il » admits every verb that can describe the manner of speaking)."""
        doc = self.doc
        # (only a verb takes a hyphenated subject clitic, so the form decides where the tagger hesitates:
        # « sourit-elle » is often read as an adjective, « a-t-elle gémi » as an infinitive)
        if j + 1 < end and self.r.low[j] in {"s'", "se"}:
            found = self._inverted_incise(j + 1, end)  # « s'enthousiasme-t-il », « s'est-elle agacée »
            return (j, found[1], found[2], found[3]) if found else None
        if j >= end or not doc[j].text.isalpha() or not doc[j].text.islower():
            return None
        clitic, last = self.r.clitic_after(j, min(end - 1, j + 3))
        if clitic is None:
            return None
        if doc[j].lemma_ not in {"avoir", "être"}:
            return j, j, clitic, last
        k = last + 1
        while k < end and doc[k].pos_ == "ADV":
            k += 1
        if k < end and doc[k].text.isalpha() and doc[k].text.islower() and doc[k].pos_ not in \
                {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT"}:
            return j, k, clitic, k
        return None

    def _through_person(self, np: tuple[int, int], end: int) -> tuple[int, int] | None:
        """``l'association X, …, à travers sa déléguée générale Y`` / ``par la voix de Y``: an organisation
        speaking through a named person; the person is the speaker."""
        doc = self.doc
        for j in range(np[1] + 1, end - 1):
            low = doc[j].text.casefold()
            through = low == "à" and doc[j + 1].text.casefold() == "travers" or low == "par" and \
                doc[j + 1].text.casefold() in {"la", "l'"} and j + 2 < end and \
                doc[j + 2].text.casefold() in {"voix", "intermédiaire", "bouche"}
            if not through:
                continue
            for t in range(j + 2, min(end, j + 9)):
                if t in self.r.tok_person:
                    b = self.r.name_end(t, end)
                    return t, b
                if self.in_quote[t] or doc[t].is_punct:
                    break
            return None
        return None

    def _clause_end(self, j: int, end: int) -> int:
        doc = self.doc
        while j < end and doc[j].text not in _SENTENCE_END and not self.in_quote[j]:
            j += 1
        return j

    def cue_before(self, f: _Found) -> _Cue | None:
        """``Elle a poursuivi : «``, ``Selon elle, «``, ``Cependant, a-t-elle averti, «``, ``X : «``."""
        if f.open_tok is None or f.open_tok == f.para_first:
            return None
        doc = self.doc
        k = f.open_tok - 1
        if doc[k].text not in {":", ","}:
            return None
        start = k
        while start - 1 >= f.para_first and doc[start - 1].text not in _SENTENCE_END \
                and not self.in_quote[start - 1]:
            start -= 1
        narrative = self._narrative_infinitive(start, k)
        if narrative is True:
            return _Cue(start, k - 1, None, pronoun="last")  # « Avant d'ajouter, prudent : « … » »
        if narrative:
            return _Cue(start, k - 1, None, subject=narrative)  # « Et l'expert de prévenir : « … » »
        cue = self.cue_speech_noun(start, k) or self.cue_in(start, k, near=k)
        if cue:
            return cue
        if doc[k].text == ":" and 0 < k - start <= 6:
            np = (start, k - 1)
            if any(t in self.r.tok_person for t in range(start, k)) or doc[start].pos_ in {"DET", "PROPN"}:
                return _Cue(start, k, None, subject=np)
        if doc[k].text == ":":
            return self._subject_before_colon(start, k)
        return None

    def _narrative_infinitive(self, start: int, k: int) -> bool | tuple[int, int]:
        """``Avant d'ajouter, prudent :``, ``Et de conclure :``: an infinitive of saying with no subject of its
        own goes on with whoever spoke last (True); ``Et l'expert de prévenir :``, the narrative infinitive
        of French prose, names its speaker before « de » (that noun phrase)."""
        low = self.r.low
        t = start
        while t < k and self.doc[t].is_space:
            t += 1
        subject = None
        if t < k and low[t] == "et" and t + 2 < k and low[t + 1] not in {"de", "d'"}:
            de = next((x for x in range(t + 2, min(k, t + 7)) if low[x] in {"de", "d'"}), None)
            if de is not None and not any(self.doc[x].is_punct or self.doc[x].pos_ in {"VERB", "AUX"}
                                          for x in range(t + 1, de)):
                subject, t = (t + 1, de - 1), de
        if subject is None and t < k and low[t] in {"avant", "et", "puis"}:
            t += 1
        if t + 1 >= k or low[t] not in {"de", "d'"}:
            return False
        verb = self.doc[t + 1]
        said = verb.morph.get("VerbForm") == ["Inf"] and (self.r.is_speech_verb(verb, loose=True) or
                                                         low[t + 1] in self.verbs_infinitive)
        return (subject or True) if said else False

    def _subject_before_colon(self, start: int, k: int) -> _Cue | None:
        """``X s'est tourné vers le public : « … »``, ``un éleveur, X, ne décolère pas : « … »``: a sentence
        about someone that opens the quotation with a colon gives the floor to its subject."""
        doc = self.doc
        for t in range(start, k):
            tok = doc[t]
            if tok.dep_ not in {"nsubj", "nsubj:pass"} or self.in_quote[t] or not start <= tok.head.i < k or \
                    tok.head.dep_ in {"advcl", "acl", "acl:relcl", "ccomp", "csubj", "xcomp"}:
                continue  # the subject of a subordinate clause ("Quand Y est arrivé, X a dit :") is not it
            if tok.pos_ == "PRON":
                if t >= 2 and doc[t - 1].text == "," and (t - 2) in self.r.tok_person:
                    b = t - 2  # "Léa, elle, a sa stratégie :": the pronoun takes up the name before it
                    a = b
                    while a - 1 >= start and self.r.tok_person.get(a - 1) is self.r.tok_person[b]:
                        a -= 1
                    return _Cue(a, k, None, subject=(a, b))
                pron = self._pronoun_of(tok)
                return _Cue(t, k, None, pronoun=pron) if pron in {"il", "elle"} else None
            person = self.r.tok_person.get(t)
            if person is not None:
                a = b = t
                while a - 1 >= start and self.r.tok_person.get(a - 1) is person:
                    a -= 1
                return _Cue(a, k, None, subject=(a, b))
            a = max(start, tok.left_edge.i)
            b = t
            while b + 1 < k and doc[b + 1].head.i == t and doc[b + 1].dep_ == "amod" and doc[b + 1].text.islower():
                b += 1  # « Un dirigeant castrais », « un ancien cadre dirigeant »: the adjectives after the noun
            named = self._name_in_subject(tok, start, k)
            if named:  # "L'astrophysicienne X, de l'Observatoire de Paris, se veut prudente :"
                return _Cue(named[0], k, None, subject=named)
            # (« la reine des tubes de l'été a publié un message : », « la quadragénaire raconte : »: a definite
            # description standing for someone named before)
            described = doc[a].text.casefold() in {"le", "la", "l'"} and \
                tok.lemma_.casefold() in word_set("person_descriptors") and \
                not any(x.i in self.r.tok_person for x in tok.subtree)  # (« la fille de X » is X's daughter)
            if doc[a].pos_ == "DET" and (self._is_role(tok) or tok.text.casefold() in _spouse_nouns() or described or
                                         tok.lemma_.casefold() in _speaking_heads() - word_set("person_descriptors")):
                # (« Son mari, technicien …, nuance : », « Son voisin, retraité d'EDF, se veut rassurant : »)
                end = b
                if end + 1 < k and doc[end + 1].text == ",":
                    close = next((x for x in range(end + 2, min(k, end + 10)) if doc[x].text == ","), None)
                    if close is not None and tok.lemma_.casefold() not in word_set("person_roles") and \
                            not any(x in self.r.tok_person for x in range(end + 2, close)):
                        end = close - 1  # the unnamed source as the article words it, with its apposition
                return _Cue(a, k, None, subject=(a, end))
            return None
        # The parser lost a subject cut off by a relative clause: « l'entraîneur, dont le contrat court
        # jusqu'en juin, a coupé court : »
        for t in range(k - 1, start + 2, -1):
            c = t - 1
            while c > start and self.r.low[c] in _PREVERBAL:
                c -= 1  # « Olena, …, dont le mari est tombé au front, n'attend plus rien : »
            if doc[t].pos_ in {"AUX", "VERB"} and doc[c].text == ",":
                np = self._antecedent_of_relative(start, c)
                if np is not None and (any(x in self.r.tok_person for x in range(np[0], np[1] + 1)) or
                                       any(self._is_role(doc[x]) for x in range(np[0], np[1] + 1))):
                    return _Cue(np[0], k, None, subject=np)
                break
        # The parser lost the subject: a name directly followed by its verb ("X s'est tourné", "X ne dit rien").
        for t in range(start, k):
            person = self.r.tok_person.get(t)
            if person is None or self.r.tok_person.get(t + 1) is person or self.in_quote[t]:
                continue
            first = t
            while first - 1 >= start and self.r.tok_person.get(first - 1) is person:
                first -= 1
            if first > start and doc[first - 1].text.casefold() in _OF:
                continue  # (« L'avocate de Léa X, Me Y, dément » : Léa is whom the lawyer defends)
            n = t + 1
            if n < k and doc[n].text == ",":
                # « son camarade X, 27 ans, hausse les épaules : »: past a short apposition
                close = next((x for x in range(n + 1, min(k, n + 13)) if doc[x].text == ","), None)
                # (« X, retardé par une chute en milieu d'étape, nourrit … »: a participle may describe X)
                if close is not None and not any(doc[x].pos_ in {"VERB", "AUX"} and
                                                 doc[x].morph.get("VerbForm") != ["Part"]
                                                 for x in range(n + 1, close)):
                    n = close + 1
                    if n < k and self.r.low[n] in {"dont", "qui"}:
                        # « Olena, 44 ans, dont le mari est tombé au front, n'attend plus rien : »
                        after = next((x for x in range(n + 1, min(k, n + 16)) if doc[x].text == ","), None)
                        n = after + 1 if after is not None else n
                elif close is None:
                    n += 1  # « Sa mère, Françoise X, se souvient : »: the comma closing the apposed name
            while n < k and doc[n].text.casefold() in _PREVERBAL:
                n += 1
            # (« …, Me Caroline X, dément tout chiffre : »: a verb of saying the tagger read as an adverb)
            if n < k and (doc[n].pos_ in {"AUX", "VERB"} or self.r.low[n] in self.r.forms):
                a = t
                while a - 1 >= start and self.r.tok_person.get(a - 1) is person:
                    a -= 1
                return _Cue(a, k, None, subject=(a, t))
        return None

    def _name_in_subject(self, tok, start: int, k: int) -> tuple[int, int] | None:
        """The person named in apposition to a subject noun (« l'astrophysicienne X », « le maire, X, »), not
        one named in its complements (« la fille de X »)."""
        lo, hi = max(start, tok.left_edge.i), min(tok.right_edge.i, k - 1)
        if hi + 1 < k and hi + 1 in self.r.tok_person:
            hi = hi + 1  # the parser may cut the name off its noun: "l'astrophysicienne | Anne X"
        j = hi + 1 if self.doc[hi].text != "," else hi
        if j < k and self.doc[j].text == ",":
            # « L'autrice principale de l'étude, la Dre X, épidémiologiste, ne cache pas … »: the name set off
            # by commas right after the subject noun phrase is that subject
            j += 1
            while j < k and (self.doc[j].pos_ == "DET" or self.doc[j].text.casefold() in _person_titles()):
                j += 1
            if j < k and j in self.r.tok_person and self.r.tok_person.get(j - 1) is not self.r.tok_person[j]:
                b = self.r.name_end(j, k)
                if b + 1 < k and self.doc[b + 1].text == ",":
                    return j, b
        complement = False
        for t in range(lo, hi + 1):
            person = self.r.tok_person.get(t)
            if person is None or self.r.tok_person.get(t - 1) is person or self.in_quote[t]:
                continue
            if t > lo and self.doc[t - 1].text.casefold() in _OF | {"à", "au", "aux", "chez", "avec", "contre"}:
                complement = True  # (« L'avocate de Léa X, Me Caroline Y, » : not Léa, perhaps the name after)
                continue
            before = self.doc[t - 2] if t >= 2 and self.doc[t - 1].text.casefold() in _person_titles() \
                else self.doc[t - 1]
            if complement and before.text != ",":
                continue
            return t, self.r.name_end(t, hi + 1)
        return None

    def cue_speech_noun(self, start: int, k: int) -> _Cue | None:
        """``les propos de X, « … »``, ``la réponse du ministre : « … »``, ``Sa défense : « … »``: a noun of
        speech whose complement (or possessive) closes the words before the mark at token k."""
        doc = self.doc
        opening = self._speech_noun_opening(start, k)
        if opening is not None:
            return opening
        for t in range(k - 1, max(start, k - 12) - 1, -1):
            tok = doc[t]
            if self.in_quote[t] or tok.is_punct and tok.text != "-":
                return None
            if tok.pos_ != "NOUN" or (tok.text.casefold() not in self.speech_nouns
                                      and tok.lemma_.casefold() not in self.speech_nouns):
                continue
            before = doc[t - 1].text.casefold() if t > start else ""
            # ("Son conseil aux familles :": the noun's addressee may come before the colon)
            addressee = t + 1 < k and doc[t + 1].text.casefold() in {"à", "aux", "au", "pour"} and \
                all(not doc[x].is_punct and doc[x].pos_ not in {"VERB", "AUX"} for x in range(t + 1, k))
            if (t + 1 == k or addressee) and before in _POSSESSIVE:
                return _Cue(t - 1, t, None, pronoun=_POSSESSIVE[before])
            if t + 2 >= k or doc[t + 1].text.casefold() not in _OF:
                return None
            a = t + 2
            if doc[t + 1].text.casefold() in {"du", "des"}:
                return _Cue(t, k - 1, None, subject=(t + 1, k - 1), fused=True)
            return _Cue(t, k - 1, None, subject=(a, k - 1))
        return None

    def _speech_noun_opening(self, start: int, k: int) -> _Cue | None:
        """``Réponse de Mme X, sous les applaudissements de la gauche : « … »``: a sentence that opens on a noun
        of speech and its author, whatever circumstance follows them before the colon."""
        doc = self.doc
        a = start
        while a < k and (doc[a].is_space or doc[a].is_punct):
            a += 1
        if a + 2 >= k or doc[k].text != ":" and not (k > 0 and doc[k - 1].text == ":") or \
                doc[a].text.casefold() not in self.speech_nouns or doc[a + 1].text.casefold() not in _OF:
            return None
        end = a + 2
        while end < k and not doc[end].is_punct and not self.in_quote[end]:
            end += 1
        if end == a + 2 or end < k and doc[end].text != ",":
            return None
        fused = doc[a + 1].text.casefold() in {"du", "des"}
        return _Cue(a, end - 1, None, subject=(a + 1 if fused else a + 2, end - 1), fused=fused)

    def cue_in(self, start: int, end: int, near: int | None = None) -> _Cue | None:
        """A ``selon X`` or a speech verb with its subject in tokens [start, end), outside quotations."""
        doc = self.doc
        best = None
        for t in range(start, end):
            if self.in_quote[t]:
                continue
            low = doc[t].text.casefold()
            if low in _SELON or (low == "après" and t and doc[t - 1].text.casefold() == "d'"):
                np = self.r.np_after(t + 1, end) if low != "selon" or True else None
                if np is None and t + 1 < end and doc[t + 1].text.casefold() in {*_SUBJECT_PRONOUNS, "lui", "eux"}:
                    np = (t + 1, t + 1)
                if np:
                    best = _Cue(t, np[1], None, subject=np,
                                pronoun=self._pronoun_of(doc[t + 1]) if np[0] == np[1] else None)
        if best:
            return best
        pour = self.cue_pour(start, end)
        # ("l'émission sera maintenue": a passive is what was done, not who speaks)
        verbs = [t for t in range(start, end) if not self.in_quote[t] and self.r.is_speech_verb(doc[t])
                 and not any(c.dep_ == "aux:pass" for c in doc[t].children)]
        main = [t for t in verbs if doc[t].morph.get("VerbForm") == ["Fin"]
                or any(c.dep_.startswith("aux") for c in doc[t].children)]
        if pour and main and pour.last < max(main):
            # "Pour la défense de X, Me Y a demandé « … »": the speaker of the verb after the opening phrase
            cue = self.cue_for_verb(max(main) if near is not None else main[0], pour.last + 2, end)
            if cue and (cue.subject or cue.pronoun):
                return cue
        if pour:
            return pour
        if not verbs:
            return None
        # The nearest verb first; one with no subject of its own (« dit avoir écrit ») hands over to the next.
        for verb in (sorted(verbs, reverse=True) if near is not None else verbs[:1]):
            cue = self.cue_for_verb(verb, start, end)
            if cue is not None:
                return cue
        return None

    def cue_sentence_subject(self, start: int, k: int, pronouns: bool = False) -> _Cue | None:
        """``L'élu attribue ce succès à la voie verte, « 14 kilomètres de balade … »``: a quoted phrase of
        several words in a sentence about a person, with no verb of saying, gives that person's words when the
        subject of the sentence's main verb is a person the article has named (by name or by a role)."""
        doc = self.doc
        for t in range(start, k):
            tok = doc[t]
            if tok.dep_ not in {"nsubj", "nsubj:pass"} or self.in_quote[t] or tok.head.dep_ != "ROOT" \
                    or not start <= tok.head.i < k:
                continue
            verb = tok.head
            # (« était chargé du « … » »: a state names a title; « est venue « pour … » » is an act of hers)
            if pronouns and self.r.low[t] in {"il", "elle", "ils", "elles"} and verb.lemma_ not in {"être", "avoir"}:
                return _Cue(t, t, None, pronoun=self.r.low[t])  # « elle en compte « au moins dix par jour » »
            if tok.pos_ == "PRON" or verb.lemma_ in {"être", "avoir"} or \
                    any(c.dep_ == "cop" or c.dep_ == "aux:pass" and verb.lemma_ not in _MOTION_VERBS
                        for c in verb.children):
                return None
            person = self.r.tok_person.get(t)
            if person is not None:
                a = t
                while a - 1 >= start and self.r.tok_person.get(a - 1) is person:
                    a -= 1
                return _Cue(a, t, None, subject=(a, t))
            a = max(start, tok.left_edge.i)
            if doc[a].pos_ == "DET" and doc[a].text.casefold() in {"le", "la", "l'"} and self._is_role(tok):
                person = self.role_referent(tok, "f" if feminine_role(tok.text) else None, a, (a, t))
                if person is not None:
                    return _Cue(a, t, None, subject=(a, t))
            return None
        # The parse lost the subject ("Julie, 24 ans, est venue « … »"): a name opening the clause.
        roots = [t for t in range(start, k) if doc[t].dep_ == "ROOT" and doc[t].pos_ == "VERB"
                 and doc[t].lemma_ in _MOTION_VERBS | {"expliquer", "justifier"}]
        if len(roots) == 1:
            np = self.r.np_before(roots[0], start)
            if np and any(x in self.r.tok_person for x in range(np[0], np[1] + 1)):
                return _Cue(np[0], np[1], None, subject=np)
        return None

    def cue_relative_voice(self, start: int, k: int) -> _Cue | None:
        """``…, a affirmé la ministre, pour qui le gouvernement a fait « un effort sans précédent »``: words in
        a clause opened by « pour qui » / « selon qui » are the view of the noun phrase before the comma."""
        doc, low = self.doc, self.r.low
        for t in range(k - 2, start, -1):
            if self.in_quote[t] or low[t] in _SENTENCE_END:
                return None
            if low[t] in {"pour", "selon"} and low[t + 1] in {"qui", "lequel", "laquelle", "lesquels", "lesquelles"} \
                    and doc[t - 1].text == ",":
                b = t - 2
                a = b
                while a - 1 >= start and not self.in_quote[a - 1] and (
                        doc[a - 1].pos_ in _NP_POS or low[a - 1] in _OF) and not doc[a - 1].is_punct:
                    a -= 1
                if b < start or doc[a].pos_ not in {"DET", "PROPN"} and a not in self.r.tok_person:
                    return None
                return _Cue(a, t + 1, None, subject=(a, b))
        return None

    def cue_agent(self, f: _Found, sent_end: int) -> _Cue | None:
        """``une hausse jugée « très insuffisante » par l'intersyndicale``: the agent of the participle of
        judgement that carries the quoted words."""
        doc = self.doc
        if f.open_tok is None or f.close_tok is None or f.open_tok < 1:
            return None
        part = doc[f.open_tok - 1]
        if part.text.casefold() in {"de", "d'", "comme"} and f.open_tok >= 2:
            part = doc[f.open_tok - 2]  # « qualifié de « … » par X », « décrit comme « … » par X »
        if part.pos_ not in {"VERB", "ADJ"} or part.morph.get("VerbForm") != ["Part"] and not \
                part.text.casefold().endswith(("é", "ée", "és", "ées")):
            return None
        j = f.close_tok + 1
        if j + 1 >= min(len(doc), sent_end + 1) or doc[j].text.casefold() != "par":
            return None
        np = self.r.np_after(j + 1, self._clause_end(j + 1, sent_end + 1))
        return _Cue(j, np[1], None, subject=np) if np else None

    def _opening_voice(self, start: int, k: int) -> _Cue | None:
        """``Au ministère des transports, on …``, ``De source syndicale, on …``, ``Chez X, on …``: the place
        or source an impersonal « on » speaks from, given at the head of its sentence."""
        doc = self.doc
        t = start
        while t < k and doc[t].is_space:
            t += 1
        comma = next((x for x in range(t, min(k, t + 10)) if doc[x].text == ","), None)
        if comma is None or comma + 1 >= k or doc[comma + 1].text.casefold() not in {"on", "l'on"}:
            return None
        low = doc[t].text.casefold()
        if low in {"au", "aux"}:  # "Au ministère" → "le ministère"
            return _Cue(t, comma, None, subject=(t, comma - 1), fused=True)
        if low in {"chez", "à"} or low == "a" and doc[t].text == "A" or \
                low == "dans" and "entourage" in doc[t:comma].text:  # (« A Bercy, on … »: a capital drops its accent)
            a = t + 1
        elif low == "de" and t + 1 < comma and doc[t + 1].text.casefold() in {"source", "sources"}:
            a = t + 1
        else:
            return None
        return _Cue(t, comma, None, subject=(a, comma - 1)) if a < comma else None

    def cue_pour(self, start: int, end: int) -> _Cue | None:
        """``Pour X, …`` opening a sentence gives X's view when X is a person, an organisation or a share
        of respondents (not ``Pour la première fois``)."""
        doc = self.doc
        t = start
        while t < end and doc[t].text.casefold() in {"mais", "et", "or", ","}:
            t += 1
        if t >= end or doc[t].text.casefold() != "pour" or self.in_quote[t]:
            return None
        np = self.r.np_after(t + 1, end)
        if np is None or np[1] + 1 >= end:
            return None
        j = np[1] + 1
        if doc[j].text not in {",", "("}:
            # « Pour le colonel allemand à la retraite Ralf X, analyste, … »: the phrase runs on to a name
            comma = next((x for x in range(j, min(end, j + 12)) if doc[x].text == "," or self.in_quote[x]), None)
            names = [x for x in range(j, comma) if x in self.r.tok_person] if comma is not None and \
                doc[comma].text == "," else []
            if names:
                a = names[0]
                b = self.r.name_end(a, comma)
                return _Cue(t, b, None, subject=(a, b))
        if doc[j].text == "(":  # "Pour X (PPE), …": the party label is X's
            j = next((x + 1 for x in range(j, min(end, j + 8)) if doc[x].text == ")"), end)
        if j + 1 < end and doc[j].text == "," and doc[j + 1].text.casefold() == "qui":
            # "Pour X, qui s'est abstenu, …": the relative clause describes X
            j = next((x for x in range(j + 2, min(end, j + 20)) if doc[x].text == ","), end)
        if j >= end or doc[j].text != ",":
            return None
        a, b = np
        tokens = doc[a:b + 1]
        if any(i in self.r.tok_person for i in range(a, b + 1)) or any(
                x.pos_ == "PROPN" or x.ent_type_ in {"ORG", "PER"} or x.text == "%" or
                x.pos_ == "NOUN" and x.text[:1].isupper() and x.i > t + 1 or
                x.lemma_.casefold() in word_set("organisation_nouns") | {"réseau", "collectif", "institut"} or
                x.lemma_.casefold()
                in self.respondents or x.text.casefold() in self.respondents or self._is_role(x)
                for x in tokens):
            return _Cue(t, b, None, subject=np)
        return None

    def cue_respondents(self, f: _Found) -> _Cue | None:
        """``La plupart des sondés auraient « du mal … »``: a quotation in the clause of a survey's
        respondents is their answer."""
        doc = self.doc
        tok = doc[f.first]
        for _ in range(4):
            for child in tok.children:
                if child.dep_ in {"nsubj", "nsubj:pass"} and child.i < (f.open_tok or f.first) and \
                        not self.in_quote[child.i]:
                    sub = doc[child.left_edge.i:child.i + 1]
                    if any(x.text == "%" or x.text.casefold() in self.respondents for x in
                           doc[child.left_edge.i:min(child.right_edge.i, (f.open_tok or f.first) - 1) + 1]):
                        b = min(child.right_edge.i, (f.open_tok or f.first) - 1)
                        while b > sub.start and (doc[b].is_punct or doc[b].pos_ in {"VERB", "AUX", "ADV"}):
                            b -= 1
                        return _Cue(child.left_edge.i, b, None, subject=(child.left_edge.i, b))
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None

    def _pronoun_of(self, tok) -> str | None:
        low = tok.text.casefold()
        return {"lui": "il", "eux": "ils"}.get(low, low if low in _SUBJECT_PRONOUNS else None)

    def cue_for_verb(self, verb: int, floor: int, ceil: int) -> _Cue | None:
        doc = self.doc
        first = verb
        while first - 1 >= floor and (doc[first - 1].pos_ == "AUX" or doc[first - 1].text.casefold() in
                                      {"-t", "se", "s'"} or doc[first - 1].text.startswith("-")
                                      or doc[first - 1].pos_ == "ADV" and first - 2 >= floor
                                      and doc[first - 2].pos_ == "AUX"):
            first -= 1
        if first == verb and first - 4 >= floor and doc[first - 4].lemma_ in {"avoir", "être"} and \
                " ".join(self.r.low[first - 3:first]) in _ASIDES_AFTER_AUXILIARY:
            first -= 4  # « X a de son côté assuré », « X a pour sa part estimé »
        clitic, last = self.r.clitic_after(first if doc[first].pos_ == "AUX" else verb, verb + 3)
        if clitic is None:
            clitic, last = self.r.clitic_after(verb, verb + 3)
        if clitic:
            return _Cue(first, max(last, verb), verb, pronoun=clitic)
        if first > floor and doc[first - 1].text == ",":
            np = self._antecedent_of_relative(floor, first - 1)
            if np:  # "Un ancien salarié, qui a requis l'anonymat, décrit …": the relative's antecedent
                return _Cue(np[0], verb, verb, subject=np)
        np = self.r.np_before(verb, floor) or self.r.np_before(first, floor) if first < verb else \
            self.r.np_before(verb, floor)
        if np:
            pron = self._pronoun_of(doc[np[0]]) if np[0] == np[1] else None
            return _Cue(np[0], verb, verb, subject=None if pron else np, pronoun=pron)
        if first > floor and doc[first - 1].text == "," and not _is_gerundive(doc[verb]):
            # an incise: ", a affirmé l'expert X" (", appelant la population à …" has its object there)
            np = self.r.np_after(verb + 1, self._clause_end(verb + 1, ceil + 1))
            if np:
                return _Cue(first, np[1], verb, subject=np)
        head = doc[verb].head
        if _is_gerundive(doc[verb]) and head.i != verb and floor <= head.i and not _is_gerundive(head) \
                and head.pos_ in {"VERB", "AUX", "ADJ"}:
            # "X dénonce ..., soulignant que « … »": the participle has the subject of its clause.
            cue = self.cue_for_verb(head.i, floor, ceil)
            if cue:
                return _Cue(min(cue.first, verb), max(cue.last, verb), verb, cue.subject, cue.pronoun)
        if _is_gerundive(doc[verb]):
            # The parse lost the clause: the first subject of the sentence before the participle.
            for t in range(floor, verb):
                if doc[t].dep_ in {"nsubj", "nsubj:pass"} and not self.in_quote[t]:
                    if doc[t].pos_ == "PRON":
                        pron = self._pronoun_of(doc[t])
                        return _Cue(t, verb, verb, pronoun=pron) if pron else None
                    return _Cue(t, verb, verb, subject=(max(floor, doc[t].left_edge.i), t))
            # « « … », a-t-il déclaré à la sortie, promettant … »: the subject of the incise before it
            for v in range(verb - 1, floor - 1, -1):
                if doc[v].pos_ == "VERB" and not self.in_quote[v] and not _is_gerundive(doc[v]) and \
                        self.r.is_speech_verb(doc[v]):
                    cue = self.cue_for_verb(v, floor, ceil)
                    if cue is not None:
                        return _Cue(min(cue.first, verb), max(cue.last, verb), verb, cue.subject, cue.pronoun)
                    break
        return None

    def _antecedent_of_relative(self, floor: int, comma: int) -> tuple[int, int] | None:
        """The noun phrase before ``, qui … ,`` ending at `comma`, when it opens the clause with a determiner."""
        doc = self.doc
        # (« La ministre, dont le pays a dû déplacer quarante villages, a dénoncé … » too)
        qui = next((t for t in range(comma - 1, floor, -1) if doc[t].text.casefold() in {"qui", "dont"}
                    and doc[t - 1].text == ","), None)
        if qui is None or any(doc[t].text in {",", ":", ";"} or self.in_quote[t] for t in range(qui + 1, comma)):
            return None
        b = qui - 2
        if b > floor and doc[b].text == ")":
            # « Médecins sans frontières (MSF), qui … »: the name before its acronym
            opening = next((t for t in range(b - 1, max(floor, b - 6) - 1, -1) if doc[t].text == "("), None)
            b = opening - 1 if opening is not None else b
        if b >= floor and doc[b].ent_type_ == "ORG":
            # (an organisation's name, whatever words it is made of)
            a = b
            while a - 1 >= floor and doc[a].ent_iob_ == "I":
                a -= 1
            if a == floor or doc[a - 1].text == ",":
                return a, b
        a = b
        # ("un ancien commis": the tagger may read the noun as a participle)
        # ("Un élu local joint par téléphone, qui …": a participle and its complement describe the noun)
        while a - 1 >= floor and (doc[a - 1].pos_ in _NP_POS or doc[a - 1].text.casefold() in _OF or
                                  doc[a - 1].pos_ == "VERB" and a - 2 >= floor and doc[a - 2].pos_ != "AUX" or
                                  doc[a - 1].pos_ == "ADP" and a - 2 >= floor and doc[a - 2].pos_ == "VERB"
                                  and doc[a - 2].morph.get("VerbForm") == ["Part"]) \
                and not doc[a - 1].is_punct:
            a -= 1
        if a > b or doc[a].pos_ != "DET" or not (a == floor or doc[a - 1].text == ","):
            return None
        # (a participle with its own complement, « joint par téléphone »; « un ancien commis de X » is a noun)
        part = next((t for t in range(a + 2, b) if doc[t].pos_ == "VERB" and doc[t + 1].pos_ == "ADP"
                     and doc[t + 1].text.casefold() not in _OF), None)
        return a, (part - 1 if part is not None else b)  # "un élu local [joint par téléphone]"

    def cue_incise_later(self, f: _Found, sent_end: int) -> _Cue | None:
        """``« … » puisque …, a précisé le Dr X.``: an inverted attribution closing the sentence."""
        doc = self.doc
        t = (f.close_tok or f.last) + 1
        while t < sent_end:
            if doc[t].text == "," and not self.in_quote[t]:
                group = self.r.verb_group_at(t + 1, sent_end + 1, loose=True)
                if group:
                    first, verb, clitic, last = group
                    if clitic:
                        return _Cue(first, last, verb, pronoun=clitic)
                    np = self.r.np_after(last + 1, self._clause_end(last + 1, sent_end + 1))
                    if np:
                        return _Cue(first, np[1], verb, subject=np)
            elif self.in_quote[t] and t > (f.close_tok or f.last) + 1:
                return None
            t += 1
        return None

    # --- speakers ------------------------------------------------------------------------------------
    def speaker_of(self, cue: _Cue, para_index: int) -> _Speaker | None:
        if cue.pronoun == "on":
            return None  # « entend-on »: an impersonal voice, nobody a reader could check
        if cue.pronoun == "last":
            return next((source for tok, source in reversed(self.registry) if tok < cue.first), None)
        if cue.pronoun:
            return self.resolve_pronoun(cue.pronoun, cue.first, continuing=self._continues(cue))
        if cue.subject is None:
            return None
        a, b = cue.subject
        doc = self.doc
        while b > a and doc[b].is_punct and doc[b].text not in {")", "%"}:
            b -= 1  # "Une ancienne salariée," is not a name with a comma
        while b + 1 < len(doc) and doc[b].ent_type_ == "ORG" and doc[b + 1].ent_iob_ == "I" and \
                not self.in_quote[b + 1]:
            b += 1  # « Amnesty International a dénoncé »: the whole name the recogniser found
        for t in range(a, b + 1):
            person = self.r.tok_person.get(t)
            if person:
                if t > a and doc[t - 1].text.casefold() in _OF:
                    break  # "le porte-parole de X" is not X
                return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
        partner = self._partner(a, b)
        if partner is not None:
            return _Speaker(partner.name, self.r.genders.get(partner.name, partner.gender), "s", True, partner)
        apposed = self._name_apposed_to(a, b)
        if apposed is not None:
            # « Son équipe, Breizh Cycling, a salué »: the name set off by commas after the description
            span = self.r.orig_span(*apposed)
            name = self.r.article.text[span.start:span.end]
            self.desc.note_source(apposed[0], name)
            return _Speaker(name, None, "s", True)
        named_end = self._name_closing_description(a, b)
        if named_end is not None:
            # « Le loueur de vélos en libre-service Vélocity a reconnu »: the description ends on the name
            span = self.r.orig_span(named_end, b)
            name = self.r.article.text[span.start:span.end]
            self.desc.note_source(a, name)
            return _Speaker(name, None, "s", True)
        if b == a + 1 and self.r.low[a] in {"notre", "nos"}:
            # « glisse notre proche », « selon notre interlocutrice »: the unnamed source the article brought in
            # before, as the newsroom calls it once it has spoken to them
            return self._our_source(doc[b], a)
        if doc[a].pos_ == "DET" and b > a and doc[b].pos_ == "ADJ" and doc[b].lemma_.casefold() in _speaking_heads():
            pass  # « Un autre proche enfonce »: a noun of people the tagger read as an adjective
        elif not any(doc[t].pos_ in {"NOUN", "PROPN", "NUM"} or doc[t].text == "%" or doc[t].pos_ == "X" and
                   doc[t].text[:1].isupper() for t in range(a, b + 1)) and \
                not (b == a + 1 and doc[a].pos_ == "DET" and (doc[b].pos_ == "VERB" and self._is_role(doc[b])
                                                               or doc[b].text.casefold() in
                                                               word_set("person_descriptors"))):
            return None  # ("l'opposant" read as a participle is still a role)
        head = doc[b]
        for t in range(a, b + 1):
            if doc[t].pos_ in {"NOUN", "PROPN"} or t == a + 1 and doc[a].pos_ == "DET" and doc[t].pos_ == "VERB" \
                    or t > a and doc[t].pos_ == "VERB" and doc[t - 1].pos_ in {"DET", "ADJ"} and self._is_role(doc[t]):
                head = doc[t]  # ("un ancien commis": a role noun read as a participle)
                break
        person = self._apposed_name(a, b)
        if person:
            self._learn_gender(person, doc[a], head)
            return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
        span = self.r.orig_span(a, b)
        text = self.r.article.text[span.start:span.end]
        fused = doc[a].text.casefold() if cue.fused else None
        if fused:  # "la réponse du ministre": the speaker is "le ministre"
            if a == b:
                return None
            text = ("le " if fused in ("du", "au") else "les ") + self.r.article.text[
                self.r.orig_span(a + 1, b).start:span.end]
        number = "p" if head.morph.get("Number") == ["Plur"] or doc[a].text.casefold() in {"des", "les"} \
            or any(doc[t].pos_ == "NUM" or doc[t].text == "%" for t in range(a, b + 1)) else "s"
        if doc[a].text.casefold() in {"le", "la", "l'", "un", "une"} or fused in ("du", "au"):
            number = "s"  # the determiner tells better than the tagger ("l'ONG" is not plural)
        gender = None
        g = head.morph.get("Gender") or doc[a].morph.get("Gender")
        if head.text.casefold().endswith("e") and doc[a].text.casefold() in {"la", "une"}:
            g = ["Fem"]  # "la Première ministre": a noun such as « ministre » takes its article's gender
        if g:
            gender = "f" if g[0] == "Fem" else "m"
        if feminine_role(head.text) and number == "s":
            gender = "f"  # "l'élue", "la réalisatrice": the feminine form says it
        definite = doc[a].text.casefold() in {"le", "la", "l'"} or fused in ("du", "au")
        if definite and a + 2 <= b and doc[a + 1].text.casefold() in word_set("organisation_nouns"):
            # "le groupe X", "l'ONG X": the organisation by its own name, as the article names it elsewhere.
            end = a + 2
            while end + 1 <= b and (doc[end + 1].text[:1].isupper() or doc[end + 1].text == "-" or
                                    doc[end].text == "-") and doc[end + 1].pos_ != "DET":
                end += 1
            # "l'ONG Médecins sans frontières (MSF)": lower-case words inside a name its acronym closes
            close = next((t for t in range(end + 1, min(len(doc) - 2, end + 7)) if doc[t].text == "("
                          and doc[t + 1].text.isupper() and doc[t + 2].text == ")"), None)
            if close is not None and all(doc[t].pos_ in _NP_POS | {"ADP"} and not doc[t].is_punct
                                         for t in range(end + 1, close)):
                end = close - 1
            if doc[a + 2].text[:1].isupper() and a + 2 not in self.r.tok_person:
                span = self.r.orig_span(a + 2, end)
                name = self.r.article.text[span.start:span.end]
                self.desc.note_source(a, name)
                return _Speaker(name, None, "s", True)
        if definite and number == "s" and self._is_role(head):
            person = self.role_referent(head, gender, cue.first, (a, b))
            if person:
                self._learn_gender(person, doc[a], head)
                return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
        if definite and number == "s" and head.lemma_.casefold() in word_set("person_descriptors") | {"homme"} \
                or definite and number == "s" and head.text.casefold() in word_set("person_descriptors"):
            # "raconte le jeune homme", "la septuagénaire": the latest person of that gender named before —
            # or, for an age, the one person the article gave an age of that decade (« X, 54 ans »).
            # (« le sémillant quadra » far from the headline that named him: the one man named so far)
            gender = "f" if head.text.casefold() in {"femme", "fille"} else gender
            person = self._person_of_decade(head.text.casefold().rstrip("s"), a, gender) or \
                self._latest_person(a, gender) or self._only_person_before(a, gender, set(), any_office=True)
            if person:
                return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
        if definite and number == "s":
            name = self.desc.resolve(a, b)
            if name:
                return _Speaker(name, None, "s", True)
            if b == a + 1 and head.lemma_.casefold() in _STATEMENT_NOUNS:
                # « Dans un communiqué, l'armée a indiqué … « … », ajoute le texte »: the author of the statement
                # the paragraph is quoting
                para_start = self.para_tokens[bisect_left(self._para_starts, a + 1) - 1][0]
                author = next((source for tok, source in reversed(self.registry) if para_start <= tok < a), None)
                if author is not None:
                    return author
            if b == a + 1 and head.lemma_.casefold() in word_set("body_hypernyms"):
                # « Le conseil de l'ordre, lui, se veut lucide. « … », indique l'instance »: the body the
                # sentence before is about
                body = self._subject_of_sentence_before(cue.first, None, body=True)
                if body is not None:
                    return body
            if b == a + 1 and (fuller := self._fuller_description(a, head)) is not None:
                return fuller  # « L'armée a appelé … » after « l'armée israélienne a indiqué »: the same source
            if self._is_role(head) and not any(doc[t].pos_ == "PROPN" for t in range(a, b + 1)):
                # "le vendeur", "la réalisatrice" point back to someone the article never named: the
                # description is the source as the article gives it, never passed off as a name — unless a
                # person of that gender has spoken, whom it may well mean (left to the paragraph's context).
                if any(source.person is not None and self.r.genders.get(source.name) in (None, gender)
                       for _, source in self.registry) and not self._office_of_a_named_body(head, (a, b + 1)):
                    return None  # (« le ministre de l'Intérieur » is nobody else, whoever has spoken)
                return _Speaker(text, gender, "s", False)
        if not self._can_speak(a, b, head):
            return None  # "une ambiance « invivable »", "les chiffres du CNC": things do not speak
        named = any(doc[t].pos_ == "PROPN" or doc[t].ent_type_ in {"ORG", "PER"} for t in range(a, b + 1))
        # A noun phrase with no determiner as subject is a name ("60 millions de consommateurs précise").
        bare = doc[a].pos_ in {"NUM", "NOUN", "PROPN"} and doc[a].text[:1].isupper() or \
            doc[a].pos_ == "NUM" and not any(doc[t].text == "%" or doc[t].pos_ == "ADP" and doc[t].i == a + 1
                                             for t in range(a, b + 1))
        named = named or bare
        if doc[a].pos_ == "PRON" and not named:
            return None
        if named:
            self.desc.note_source(a, text)
        return _Speaker(text, gender, number, named)

    def _person_of_decade(self, noun: str, before: int, gender: str | None) -> Person | None:
        """« la quinquagénaire » → the one person named before with an age in the fifties (« X, 54 ans »)."""
        decade = _DECADES.get(noun)
        if decade is None:
            return None
        doc = self.doc
        found: dict[str, Person] = {}
        for t in range(0, before):
            person = self.r.tok_person.get(t)
            if person is None or self.r.tok_person.get(t + 1) is person or t + 3 >= len(doc):
                continue
            if doc[t + 1].text == "," and doc[t + 2].like_num and doc[t + 3].text.casefold() == "ans" and \
                    doc[t + 2].text.isdigit() and int(doc[t + 2].text) // 10 == decade and \
                    (gender is None or self.r.genders.get(person.name, person.gender) in {None, gender}):
                found[person.name] = person
        if not found:
            # « Anne-Laure X écarte une feuille. « … », souffle la vigneronne de 47 ans »: an age given in a
            # sentence that names one person only
            for t in range(1, before):
                if self.r.low[t] != "ans" or not doc[t - 1].text.isdigit() or int(doc[t - 1].text) // 10 != decade:
                    continue
                a, b = self._sentence_start(t), t
                while b < len(doc) and self.r.low[b] not in _SENTENCE_END:
                    b += 1
                named = {self.r.tok_person[x].name: self.r.tok_person[x] for x in range(a, b)
                         if x in self.r.tok_person and not self.in_quote[x]}
                if not named:
                    # (the age in a description standing for the one person named earlier in the paragraph)
                    para = bisect_left(self._para_starts, t + 1) - 1
                    named = {self.r.tok_person[x].name: self.r.tok_person[x]
                             for x in range(self.para_tokens[max(0, para)][0], a)
                             if x in self.r.tok_person and not self.in_quote[x]}
                if len(named) == 1:
                    (person,) = named.values()
                    if gender is None or self.r.genders.get(person.name, person.gender) in {None, gender}:
                        found[person.name] = person
        return next(iter(found.values())) if len(found) == 1 else None

    def _partner(self, a: int, b: int) -> Person | None:
        """« Son épouse », « son mari » after a person just named: the one other person of the article who
        bears that person's surname and fits the noun's gender (« Stéphane et Sandrine X … Son épouse »)."""
        doc = self.doc
        if b < a + 1 or doc[a].text.casefold() not in {"son", "sa"}:
            return None
        gender = _spouse_nouns().get(doc[a + 1].text.casefold())
        if gender is None:
            return None
        owner = next((self.r.tok_person[t] for t in range(a - 1, max(-1, a - 80), -1)
                      if t in self.r.tok_person and not self.in_quote[t]), None)
        if owner is None or " " not in owner.name:
            return None
        # (the family named last; the possessor is whoever spoke last, so never the partner meant)
        surname = fold(owner.name.split()[-1])
        last = next((source.person for tok, source in reversed(self.registry) if tok < a), None)
        kin = [p for p in self.r.people if p is not last and " " in p.name and fold(p.name.split()[-1]) == surname
               and self.r.genders.get(p.name, p.gender) in {None, gender}]
        return kin[0] if len(kin) == 1 else None

    def _name_apposed_to(self, a: int, b: int) -> tuple[int, int] | None:
        """The proper name (no person's) between commas right after a description of a body: « Son équipe,
        Breizh Cycling, », « La société de production, Glam Factory, »."""
        doc = self.doc
        if b + 2 >= len(doc) or doc[b + 1].text != "," or doc[b].pos_ != "NOUN" or \
                any(t in self.r.tok_person for t in range(a, b + 1)):
            return None
        j = b + 2
        k = j
        while k < len(doc) and k - j < 5 and doc[k].text[:1].isupper() and doc[k].pos_ in {"PROPN", "X", "NOUN"} \
                and k not in self.r.tok_person:
            k += 1
        if k == j or k >= len(doc) or doc[k].text != ",":
            return None
        return j, k - 1

    def _name_closing_description(self, a: int, b: int) -> int | None:
        """Start of a proper name that closes a lower-case description of a body (« le loueur de vélos
        électriques Vélocity », « le groupe américain Tesla »), or None.  A name after « de » or an article
        is a complement (« le maire de Lyon »), and a lone capital opening the phrase is no apposition."""
        doc = self.doc
        if not doc[b].text[:1].isupper() or doc[b].pos_ not in {"PROPN", "X"} or b in self.r.tok_person:
            return None
        if doc[a].text[:1].isupper() and doc[a].pos_ != "DET":
            return None  # (« Santé publique France »: a name from its first word, not a description)
        k = b
        while k - 1 > a and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in {"PROPN", "X"}:
            k -= 1
        before = doc[k - 1]
        if k - 1 <= a or before.pos_ in {"ADP", "DET", "PUNCT"} or before.text.casefold() in _OF or \
                not before.text[:1].islower() or not any(doc[t].pos_ == "NOUN" for t in range(a, k)) or \
                any(doc[t].pos_ == "DET" for t in range(a + 1, k)):
            return None  # (« la direction de la laiterie X » names the laiterie's management, not X)
        return k

    def _learn_gender(self, person: Person, det, head) -> None:
        """A role noun that designates a person of unknown gender gives its grammatical gender to that person
        (« le prévenu » → m, « l'avocate » → f), so that later « il »/« elle » find them; a role word that
        does not tell (« l'élève », a plural) teaches nothing."""
        if self.r.genders.get(person.name) is not None or not self._is_role(head):
            return
        gender = None
        if feminine_role(head.text):
            gender = "f"
        elif det.text.casefold() in {"le", "la"}:
            gender = "m" if det.text.casefold() == "le" else "f"
        elif det.text.casefold() == "l'" and head.morph.get("Number") != ["Plur"]:
            g = head.morph.get("Gender")
            if g and not head.text.casefold().endswith("e"):  # "l'élève", "l'architecte" are both
                gender = "f" if g[0] == "Fem" else "m"
        if gender:
            self.r.genders[person.name] = gender

    def _can_speak(self, a: int, b: int, head) -> bool:
        """A noun phrase headed by a common noun speaks only if that noun names people, an office, a group,
        an organisation or a publication; one opening with a dash or a preposition is a broken line."""
        doc = self.doc
        if doc[a].is_punct or doc[a].pos_ == "ADP" and doc[a].text.casefold() not in _OF | {"au", "aux"}:
            return False
        if head.pos_ != "NOUN" or head.text[:1].isupper() or \
                any(doc[t].pos_ == "NUM" or doc[t].text == "%" for t in range(a, head.i + 1)):
            return True  # a name, an acronym, "58 % des sondés", "60 millions de consommateurs"
        words = _speaking_heads()

        def speaks(tok) -> bool:
            low = tok.text.casefold()
            return any(w in words for w in (low, tok.lemma_.casefold(), low.rstrip("sx"), role_lemma(low))
                       if w) or self._is_role(tok)

        if speaks(head):
            return True
        k = head.i
        while k + 2 <= b and doc[k + 1].text == "-" and not doc[k + 1].whitespace_:
            k += 2  # "un sapeur-pompier", "une aide-soignante": the compound's last word names the person
        if k > head.i and speaks(doc[k]):
            return True
        # A quantity of people: "la plupart des sondés", "la majorité des habitants".
        n = head.i + 1
        return n + 1 <= b and doc[n].text.casefold() in _OF and doc[n + 1].pos_ == "NOUN" and \
            not doc[n + 1].text[:1].isupper() and speaks(doc[n + 1]) and head.text.casefold() in \
            {"plupart", "majorité", "moitié", "tiers", "quart", "partie", "part", "minorité", "ensemble", "nombre"}

    def _apposed_name(self, a: int, b: int) -> Person | None:
        """``l'entraîneur lensois, X``, ``la porte-parole de Y, X``: a role noun phrase whose name follows in
        apposition, set off by a comma and closing the clause (or followed by another comma)."""
        doc = self.doc
        if doc[a].pos_ != "DET" or not any(self._is_role(doc[t]) for t in range(a + 1, min(b, a + 3) + 1)):
            return None
        j = b + 1
        ranked = False
        # The office may carry a participle: "le vice-président chargé des transports, X", or an acronym in
        # brackets: "le porte-parole du Bureau … (Ocha), X".
        while j < len(doc) and j <= b + 16 and doc[j].text != "," and not self.in_quote[j] and \
                (doc[j].pos_ in {"ADP", "DET", "NOUN", "PROPN", "ADJ"} or doc[j].text in {"(", ")", "et"}
                 or doc[j].pos_ == "VERB" and doc[j].morph.get("VerbForm") == ["Part"]
                 # ("le capitaine castrais, X": a demonym the tagger read as a verb)
                 or doc[j].pos_ in {"VERB", "AUX"} and j + 1 < len(doc) and doc[j + 1].text == ","
                 and doc[j].text.islower() and doc[j].text.endswith(_DEMONYM_ENDINGS)) \
                and j not in self.r.tok_person:
            j += 1
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text.casefold() in _person_titles() and \
                j + 1 not in self.r.tok_person:
            j += 1  # "l'avocate de la défense, Me X": the title is not part of the mention
        elif j + 3 < len(doc) and doc[j].text == "," and doc[j + 1].pos_ == "DET" and j + 1 not in self.r.tok_person:
            # "le porte-parole de la junte, le général X", ", l'ancien ministre X": a rank before the name
            k = j + 2
            while k < min(len(doc), j + 5) and k not in self.r.tok_person and doc[k].pos_ in {"ADJ", "NOUN"} \
                    and doc[k].text[:1].islower():
                k += 1
            if k > j + 2 and k in self.r.tok_person:
                j, ranked = k - 1, True
        if j + 1 >= len(doc) or not ranked and doc[j].text.casefold() not in {",", *_person_titles()} or \
                j + 1 not in self.r.tok_person:
            return None
        person = self.r.tok_person[j + 1]
        end = self.r.name_end(j + 1, len(doc))
        if end + 1 < len(doc) and not doc[end + 1].is_punct and doc[end + 1].text.casefold() != "qui":
            return None
        return person

    def _is_role(self, tok) -> bool:
        # "l'ex-ministre" is still the minister, "la réalisatrice" a "réalisateur"; « le Danois » a Dane
        return role_lemma(tok.text) is not None or tok.lemma_.casefold() in word_set("person_roles") or \
            demonym_lemma(tok.text) is not None

    def role_referent(self, head, gender: str | None, before: int, span: tuple[int, int]) -> Person | None:
        """``l'opposant`` → the person the article called "l'opposant X"; failing that, the person named
        just before the description, when the article gave them no other role ("contre X. Le porte-parole
        de Y a déclaré" → X, never Y).  A description once resolved is that person's from then on (« la
        réalisatrice » found to be X stays X when others have been named since)."""
        person = self._role_referent(head, gender, before, span)
        lemma = role_lemma(head.text)
        if person is not None and lemma is not None:
            self.learned_roles.setdefault(person.name, set()).add(lemma)
        return person

    def _fuller_description(self, a: int, head) -> _Speaker | None:
        """The latest unnamed source before token a described by the same noun with more words (« l'armée
        israélienne » for « l'armée »), when only one such description has spoken."""
        low = head.text.casefold()
        found = {}
        for tok, source in self.registry:
            words = fold(source.name.replace("\u2019", "'")).replace("'", "' ").split()
            if tok < a and source.person is None and len(words) > 2 and words[0] in {"le", "la", "l'"} and \
                    words[1] == fold(low):
                found[fold(source.name)] = source
        return next(iter(found.values())) if len(found) == 1 else None

    def _our_source(self, head, before: int) -> _Speaker | None:
        """The latest unnamed speaker before token `before` that « notre <head> » takes up: one described with
        the same noun, or any for « notre source / interlocuteur »."""
        noun = head.lemma_.casefold()
        generic = noun in {"source", "interlocuteur", "interlocutrice", "témoin"}
        for tok, source in reversed(self.registry):
            if tok >= before or source.person is not None:
                continue
            if generic or noun in fold(source.name).split() or head.text.casefold() in fold(source.name).split():
                return source
        return None

    def _office_of_a_named_body(self, head, span: tuple[int, int]) -> bool:
        """Whether the description [span] completes its role noun with a capitalised name: « du Guide X »."""
        doc, low = self.doc, self.r.low

        def name_at(k: int) -> bool:
            return k < len(doc) and doc[k].text[:1].isupper() and k not in self.r.tok_person

        # (« du Guide X », « de l'Intérieur »: past the article too)
        return any(low[t] in _OF and (name_at(t + 1) or low[t + 1] in {"la", "l'", "le", "les"} and name_at(t + 2))
                   for t in range(head.i + 1, span[1]))

    def _roles_of(self, person: Person) -> set[str]:
        return set(person.roles) | self.learned_roles.get(person.name, set())

    def _role_referent(self, head, gender: str | None, before: int, span: tuple[int, int]) -> Person | None:
        low = head.lemma_.casefold()
        low_text = head.text.casefold().removeprefix("ex-")
        role = {low, low_text, low_text.rstrip("e")} | {role_lemma(head.text), demonym_lemma(head.text)} - {None}
        exact = set(role)
        for group in _role_groups():
            if exact & group:  # (the office's own reprises, not the reprises of a reprise)
                role |= group  # "le magistrat" for the prosecutor, "le technicien" for the coach
        # The holder of the very office comes first; a synonym ("l'élue" for the mayor) only of the same gender.
        candidates = [p for p in self.r.people if exact & self._roles_of(p)] or [
            p for p in self.r.people if role & self._roles_of(p)
            and (gender is None or self.r.genders.get(p.name, p.gender) in {None, gender})]
        if gender is not None:
            candidates = [p for p in candidates if self.r.genders.get(p.name, p.gender) in {None, gender}]
        # (in the body a description takes up someone already named: the prosecutor named further down is not
        # « le magistrat » who questions the defendant now; a headline or chapô announces people named below)
        here = self.r.orig_span(span[0], span[0]).start
        para = self.r.article.paragraph_at(here)
        heading = para is not None and _in_heading(self.r.article, para)
        if not heading:
            candidates = [p for p in candidates if any(m.start < here for m in p.mentions)]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates and demonym_lemma(head.text) is not None:
            # « Le Breton, lui, refuse … »: an origin nobody was given is the person the article is about, when
            # that person is not given another origin
            person = self._most_named(before)
            if person is not None and not any(demonym_lemma(r[:1].upper() + r[1:]) for r in self._roles_of(person)) \
                    and (gender is None or self.r.genders.get(person.name, person.gender) in {None, gender}):
                return person
        if not candidates and role & _DEFENDANT_ROLES:
            # « la prévenue », « l'accusé »: the one on trial is the person the article is about (for a headline,
            # as the whole article names them)
            person = self._most_named(None if heading else before)
            if person is not None and (gender is None or self.r.genders.get(person.name, person.gender)
                                       in {None, gender}):
                return person
        if candidates:
            # Several hold the office: the one the article named last before the description.
            latest = [(max((m.start for m in p.mentions if m.start < here), default=-1), p) for p in candidates]
            latest.sort(key=lambda x: x[0])
            return latest[-1][1] if latest[-1][0] >= 0 else None
        if not candidates and self._office_of_a_named_body(head, span):
            # « le directeur international du Guide Michelin »: an office in a body the article names is someone
            # of that body, not whoever the article was talking about
            return None
        topic = self._speaker_of_paragraph(span[0], gender)
        if topic is not None:
            return topic
        seen = 0
        skipped: set[str] = set()
        for t in range(span[0] - 1, -1, -1):
            if self.in_quote[t]:
                continue
            seen += 1
            if seen > _ROLE_LOOKBACK:
                only = self._only_person_before(span[0], gender, skipped)
                if only:
                    return only
                break  # the woman or man of that gender who spoke last, below
            person = self.r.tok_person.get(t)
            if person is None or span[0] <= t <= span[1]:
                continue
            first = t
            while first - 1 >= 0 and self.r.tok_person.get(first - 1) is person:
                first -= 1
            if first >= 2 and self.doc[first - 1].text.casefold() in _OF and self._is_role(self.doc[first - 2]):
                skipped.add(person.name)  # "le porte-parole de X": X has the office holder, is not it
                continue
            known = self.r.genders.get(person.name)
            if person.roles and self._recent_subject(first, span[0]) and (gender is None or known in (None, gender)):
                # « Le candidat du RN, X, mise sur la sécurité. « … », affirme l'ancien policier »: a new
                # description of the person the sentence before was about, whatever office they also hold.
                return person
            if person.roles or gender is not None and known is not None and known != gender:
                # Someone with another office or of the other gender is not meant; look further back
                # ("X a été emmené, a annoncé sa porte-parole Y. … a écrit l'opposant" → X).
                skipped.add(person.name)
                continue
            return self._topic_over_passer_by(person, gender, span[0])
        if gender is not None:
            # Nobody fits by office: the latest person of that gender who spoke, the one the reader has in
            # mind ("…, poursuit-elle. La chercheuse met en garde …").
            for tok, source in reversed(self.registry[-30:]):
                if tok < before and source.person is not None and self.r.genders.get(source.name) == gender:
                    # One who holds another office is not meant (« la syndicaliste » is not the headmistress).
                    return None if source.person.roles else \
                        self._topic_over_passer_by(source.person, gender, span[0])
            # Nobody has spoken yet: the person the article is about (« Le film de X a gagné … La
            # réalisatrice dit … »), when one person of that gender, with no other office, is named most.
            return self._topic_person(gender, before)
        return None

    def _topic_over_passer_by(self, person: Person, gender: str | None, before: int) -> Person:
        """« Son père, Alain, glisse : « … » … Le chef, lui, garde les pieds sur terre »: a description nobody
        holds means the person the article is about (named three times or more) rather than someone named
        once in passing since."""
        topic = self._most_named(before)
        if topic is None or topic is person or topic.roles:
            return person
        here = self.r.orig_span(before, before).start
        named = sum(m.start < here for m in topic.mentions)
        passing = sum(m.start < here for m in person.mentions)
        known = self.r.genders.get(topic.name, topic.gender)
        if named >= 3 and passing <= 1 and (gender is None or known in {None, gender}):
            return topic
        return person

    def _topic_person(self, gender: str, before: int) -> Person | None:
        person = self._most_named(before)
        if person is None:
            return None
        return person if not person.roles and self.r.genders.get(person.name, person.gender) == gender else None

    def _most_named(self, before: int | None = None) -> Person | None:
        """The person the article is about: named at least twice, and more often than anyone else (counting
        the mentions before token `before` only, when given)."""
        here = self.r.orig_span(before, before).start if before is not None else None
        counts = sorted(((sum(here is None or m.start < here for m in p.mentions), p) for p in self.r.people),
                        key=lambda x: -x[0])
        if not counts or counts[0][0] < 2 or len(counts) > 1 and counts[1][0] >= counts[0][0]:
            return None
        return counts[0][1]

    def _speaker_of_paragraph(self, before: int, gender: str | None) -> Person | None:
        """The person who last spoke, earlier in the same paragraph, when of that gender: « X, présidente du
        syndicat, lance : « … ». L'étudiante affirme que … » — a new description of the person just quoted,
        the topic the reader carries on with."""
        para = bisect_left(self._para_starts, before + 1) - 1
        start = self.para_tokens[max(0, para)][0]
        for tok, source in reversed(self.registry):
            if tok >= before:
                continue
            if tok < start or source.person is None:
                return None
            known = self.r.genders.get(source.name, source.person.gender)
            return source.person if gender is None or known in {None, gender} else None
        return None

    def _recent_subject(self, t: int, here: int) -> bool:
        """Whether the mention at token t is (in apposition to) the subject of its clause, in the sentence
        just before token `here` or in the same one."""
        doc = self.doc
        tok = doc[t]
        # (the parser may make the subject noun the root when it misreads the verb: « X, …, mise sur »)
        subject = tok.dep_ in {"nsubj", "nsubj:pass"} or tok.dep_ == "appos" and tok.head.dep_ in {
            "nsubj", "nsubj:pass", "ROOT"}
        if not subject:
            return False
        ends = sum(1 for x in range(t, here) if doc[x].text in _SENTENCE_END and not self.in_quote[x])
        return ends <= 1

    def _latest_person(self, before: int, gender: str | None) -> Person | None:
        """The person named last before a token, outside quotations, whose gender does not contradict."""
        seen = 0
        for t in range(before - 1, -1, -1):
            if self.in_quote[t]:
                continue
            seen += 1
            if seen > _ROLE_LOOKBACK:
                return None
            person = self.r.tok_person.get(t)
            if person and (gender is None or self.r.genders.get(person.name, person.gender) in {None, gender}):
                return person
        return None

    def _only_person_before(self, before: int, gender: str | None, skipped: set[str],
                            any_office: bool = False) -> Person | None:
        """``X, 46 ans, jugé pour escroquerie … [three sentences] … le prévenu a contesté``: when the article
        has named one person only so far, with no office of their own, a role noun far from the name still
        means them (the article's subject); with two or more, nobody can tell.  A pronoun may mean them
        whatever office they hold (`any_office`); a role noun may not mean someone holding another."""
        here = self.r.orig_span(before, before).start
        named = [p for p in self.r.people if any(m.start < here for m in p.mentions)]
        if any_office and gender is not None and len(named) > 1:
            # (a pronoun: the one man, or the one woman, of an article whose other people are known to be of
            # the other gender — « Greg Dumaine … Inès, 22 ans, candidate … « … », a-t-il écrit »)
            known = [self.r.genders.get(p.name, p.gender) for p in named]
            if None not in known and known.count(gender) == 1:
                named = [named[known.index(gender)]]
        if len(named) != 1 or named[0].roles and not any_office or named[0].name in skipped:
            return None
        known = self.r.genders.get(named[0].name, named[0].gender)
        return named[0] if gender is None or known in {None, gender} else None

    def _continues(self, cue: _Cue) -> bool:
        """« a-t-il poursuivi », « a-t-elle ajouté »: a verb that carries on a speech means the one speaking
        before, whoever the sentence in between was about."""
        if cue.verb is None:
            return False
        tok = self.doc[cue.verb]
        lemma = tok.lemma_.casefold() if tok.lemma_.casefold() in _CONTINUING else self.r.forms.get(tok.text.casefold())
        if lemma not in _CONTINUING:
            return False
        # « Le Pr X partage ce constat. « … », insiste-t-elle »: X, who has just come in, not the one before
        return not (lemma in _INSISTING and cue.pronoun in _SUBJECT_PRONOUNS and self._subject_of_sentence_before(
            cue.first, _SUBJECT_PRONOUNS[cue.pronoun][0]) is not None)

    def resolve_pronoun(self, pronoun: str, before: int, continuing: bool = False) -> _Speaker | None:
        if pronoun in {"sien", "leur"}:
            # A possessive tells the owner's number only: the latest source of that number, nearby.
            number = "s" if pronoun == "sien" else "p"
            if number == "s":
                # "La pédiatre X reçoit des familles. Son conseil : « … »": the one person of the sentence
                # just before is the owner, before anyone who spoke earlier.
                k = before - 1
                while k >= 0 and (self.doc[k].is_space or self.doc[k].is_punct and self.doc[k].text not in
                                  _SENTENCE_END):
                    k -= 1
                if k >= 0 and self.doc[k].text in _SENTENCE_END and not self.in_quote[k]:
                    start = self._sentence_start(k)
                    near = {self.r.tok_person[t].name: self.r.tok_person[t] for t in range(start, k)
                            if t in self.r.tok_person and not self.in_quote[t]}
                    if len(near) == 1:
                        (person,) = near.values()
                        return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
            for tok, source in reversed(self.registry[-30:]):
                if tok < before - _POSSESSOR_LOOKBACK:
                    break
                if source.number == number and tok < before:
                    return source
            # Nobody has spoken yet: the one person named just before, if only one is.
            near = {self.r.tok_person[t].name: self.r.tok_person[t]
                    for t in range(max(0, before - _POSSESSOR_LOOKBACK // 2), before) if t in self.r.tok_person}
            if number == "s" and len(near) == 1:
                (person,) = near.values()
                return _Speaker(person.name, self.r.genders.get(person.name), "s", True, person)
            return None
        gender, number = _SUBJECT_PRONOUNS[pronoun]
        if number == "s" and not continuing:
            topic = self._subject_of_sentence_before(before, gender) or self._agent_of_sentence_before(before, gender)
            if topic is not None:
                return topic
        # A person whose gender the article never told is taken for « il »/« elle » only when introduced
        # recently (this paragraph or the two before); further back, a source known to fit is meant.
        para = bisect_left(self._para_starts, before + 1) - 1
        recent = self.para_tokens[max(0, para - 2)][0]
        for tok, source in reversed(self.registry[-30:]):
            if source.number != number:
                continue
            known = self.r.genders.get(source.name, source.gender) if source.person else source.gender
            if number == "s" and known not in {None, gender}:
                continue
            if number == "s" and source.person and known is None and tok < recent:
                continue
            if number == "s" and source.person is None and known is None and source.named:
                continue  # an organisation: "il"/"elle" is far more often a person
            if number == "s" and source.person is None and tok < self.para_tokens[max(0, para - 1)][0]:
                continue  # a body ("la direction") is « elle » only while it is the topic, not paragraphs later
            if source.person and known is None:
                self.r.genders[source.name] = gender  # the article has just told us
            return source
        if number == "p":
            return self._plural_subject_before(before)
        # Nobody has spoken yet: the latest person of that gender named shortly before (bounded look-back).
        if number == "s":
            for t in range(before - 1, max(-1, before - 120), -1):
                person = self.r.tok_person.get(t)
                if person and self.r.genders.get(person.name) == gender:
                    return _Speaker(person.name, gender, "s", True, person)
            # Or the one person named there whose gender the article has not told yet: the pronoun tells it.
            unknown = {self.r.tok_person[t].name: self.r.tok_person[t]
                       for t in range(max(0, before - 120), before) if t in self.r.tok_person}
            if len(unknown) == 1:
                (person,) = unknown.values()
                if self.r.genders.get(person.name) is None:
                    self.r.genders[person.name] = gender
                    return _Speaker(person.name, gender, "s", True, person)
            # Or the only person the article has named so far, however far back: its subject ("X, l'influenceur
            # condamné … Sur TikTok, le bellâtre a joué les martyrs. « … », a-t-il écrit").
            person = self._only_person_before(before, gender, set(), any_office=True)
            if person:
                self.r.genders.setdefault(person.name, gender)
                return _Speaker(person.name, gender, "s", True, person)
        return None

    def _plural_subject_before(self, before: int) -> _Speaker | None:
        """``ils``/``elles`` with no plural source yet: the plural subject of the sentence before (a group
        or an organisation's members: "Les infirmières ont manifesté. « … », disent-elles")."""
        doc = self.doc
        ends = 0
        for t in range(before - 1, max(-1, before - 60), -1):
            if self.in_quote[t]:
                continue
            if doc[t].text in _SENTENCE_END:
                ends += 1
                if ends > 2:
                    return None
                continue
            tok = doc[t]
            if tok.dep_ == "nsubj" and tok.pos_ in {"NOUN", "PROPN"} and tok.morph.get("Number") == ["Plur"] \
                    and ends == 1 and doc[tok.left_edge.i].text.casefold() in {"les", "des", "ces", "leurs"}:
                a = tok.left_edge.i
                b = self.r._np_end(tok.i, before) if tok.i + 1 < before else tok.i
                b = min(b, max(x.i for x in tok.subtree))
                span = self.r.orig_span(a, b)
                return _Speaker(self.r.article.text[span.start:span.end], None, "p",
                                any(doc[x].pos_ == "PROPN" for x in range(a, b + 1)))
        return None

    def _subject_just_before(self, f: _Found) -> _Speaker | None:
        """``X, proviseure depuis six ans, a cessé de compter sur Y. « … », explique-t-elle.``: a quotation
        opening a sentence with « il »/« elle » after it continues the sentence before, whose subject, a named
        person of that gender, is the one speaking (the topic a reader carries over), even if another woman
        was quoted earlier."""
        cue = f.cue
        if cue is None or cue.pronoun not in {"il", "elle"} or f.open_tok is None or cue.first < f.open_tok \
                or self._continues(cue) and any(tok < f.open_tok for tok, _ in self.registry):
            return None
        doc = self.doc
        k = f.open_tok - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or self.in_quote[k] or doc[k].text not in _SENTENCE_END:
            return None
        start = self._sentence_start(k)
        if any(self.in_quote[t] for t in range(start, k)):
            return None
        gender = _SUBJECT_PRONOUNS[cue.pronoun][0]
        roots = self._main_verbs(start, k)
        if len(roots) != 1:
            # The parse lost the verb ("le commerçant compte rouvrir": a noun): the sentence's opening
            # definite noun phrase, after an adverbial set off by a comma, is still its subject.
            t = start
            while t < k and doc[t].is_space:
                t += 1
            comma = next((x for x in range(t, min(k, t + 6)) if doc[x].text == ","), None)
            if comma is not None and doc[t].pos_ in {"ADP", "ADV"}:
                t = comma + 1
            if t + 1 < k and doc[t].text.casefold() in {"le", "la", "l'"} and doc[t + 1].pos_ == "NOUN":
                return self._topic_described((t, t + 1), gender)
            # (« Sa seconde, Inès X, qui …, décrit … »: the name set off by commas after the opening noun)
            for x in range(t + 1, min(k, t + 6)):
                person = self.r.tok_person.get(x)
                if person is not None and doc[x - 1].text == "," and self.r.tok_person.get(x - 1) is not person:
                    known = self.r.genders.get(person.name, person.gender)
                    if known in {None, gender}:
                        return _Speaker(person.name, known or gender, "s", True, person)
                    break
            return None
        np = self.r.np_before(roots[0], start)  # the parser's subject, or a name set off by commas
        if np is None:
            return None
        if not any(x in self.r.tok_person for x in range(np[0], np[1] + 1)):
            return self._topic_described(np, gender)
        for x in range(np[0], np[1] + 1):
            person = self.r.tok_person.get(x)
            if person is None or x > start and doc[x - 1].text.casefold() in _OF:
                continue
            known = self.r.genders.get(person.name, person.gender)
            if known not in {None, gender}:
                return None
            self.r.genders[person.name] = gender
            return _Speaker(person.name, gender, "s", True, person)
        return None

    def _subject_of_sentence_before(self, before: int, gender: str | None, at_quote: bool = False,
                                    depth: int = 0, body: bool = False, across: bool = False) -> _Speaker | None:
        """« L'accusé, lui, conteste ce rôle. Interrogé par le président, il a reconnu … »: a subject pronoun
        opening a sentence continues the subject of the sentence just before in the paragraph (the centre of
        attention, in centering theory), when that subject is a person of that gender named or described by
        an office."""
        doc = self.doc
        start = before if at_quote else self._sentence_start(before)
        if self.in_quote[before] and not at_quote or start == 0:
            return None
        if not at_quote and (opening := self._quotation_before_incise(start)) is not None:
            # « « … », explique-t-elle »: the incise belongs to the sentence its quotation opens
            start = self._sentence_start(opening) if opening and not self._ends_sentence(opening - 1) else opening
            if start == 0:
                return None
        k = start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or doc[k].text not in _SENTENCE_END or self.in_quote[k] or "\n" in doc[k:start].text and not across:
            return None
        prev = self._sentence_start(k)
        if any(self.in_quote[t] for t in range(prev, k)):
            return None
        if depth < 2 and doc[k].text == "?" and not any(t in self.r.tok_person for t in range(prev, k)):
            # « Les sprinklers étaient-ils hors service ? « Oui », a-t-il reconnu »: the question put to
            # someone; the one answering is the centre of the sentence before it
            return self._subject_of_sentence_before(prev, gender, depth=depth + 1)
        if depth < 2 and gender is not None and self._same_pronoun_opening(prev, gender):
            # « X, hydrologue, invite à … Selon elle, les nappes … « … », explique-t-elle »: a sentence that
            # keeps the person as its « elle » keeps them the centre of attention; look one sentence further.
            return self._subject_of_sentence_before(prev, gender, depth=depth + 1)
        roots = self._main_verbs(prev, k)
        np = self.r.np_before(roots[0], prev) if len(roots) == 1 else None
        if np is None:
            # (« Dans un supermarché, Chantal, 67 ans, retraitée, compare les étiquettes. »: the parse lost the
            # verb's subject; the one person the sentence names, not as a complement, is its centre)
            return self._only_person_of_sentence(prev, k, gender)
        a, b = np
        if body:
            return self._named_body(a, b)
        if depth < 2 and gender is not None and a == b and _SUBJECT_PRONOUNS.get(self.r.low[a]) == (gender, "s"):
            return self._subject_of_sentence_before(prev, gender, depth=depth + 1)
        if depth < 2 and self.r.low[a] in {"ce", "cet", "cette"} and (head := self._head_noun(a, b)) is not None \
                and self._one_person_noun(head) and not any(x in self.r.tok_person for x in range(a, b + 1)):
            # « Léa, 26 ans, en a fait l'expérience. Cette infirmière loue un studio … « … », raconte-t-elle »: a
            # demonstrative description takes up the centre of the sentence before
            return self._subject_of_sentence_before(prev, gender, depth=depth + 1)
        for x in range(a, b + 1):
            person = self.r.tok_person.get(x)
            if person is None or self.r.tok_person.get(x - 1) is person:
                continue
            if x > a and doc[x - 1].text.casefold() in _OF:
                break  # "le porte-parole de X": X is not the subject
            known = self.r.genders.get(person.name, person.gender)
            return _Speaker(person.name, known, "s", True, person) if gender is None or known in {None, gender} \
                else None
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        head = next((doc[t] for t in range(a + 1, b + 1) if doc[t].pos_ == "NOUN" or
                     demonym_lemma(doc[t].text)), None)  # (« Le Breton, lui, refuse »)
        if doc[a].text.casefold() in {"le", "la", "l'"} and head is not None and self._is_role(head) and \
                not any(x in self.r.tok_person for x in range(a, b + 1)):  # ("le porte-parole de X" is not X)
            person = self.role_referent(head, gender, a, (a, b))
            if person is not None:
                known = self.r.genders.get(person.name, person.gender)
                if gender is None or known in {None, gender}:
                    return _Speaker(person.name, known or gender, "s", True, person)
        age = next((self.r.low[t] for t in range(a + 1, b + 1) if self.r.low[t] in _DECADES), None)
        if doc[a].text.casefold() in {"le", "la", "l'"} and age is not None and \
                not any(x in self.r.tok_person for x in range(a, b + 1)):
            # « le quinquagénaire n'a pas cherché à esquiver » (often tagged an adjective): the person of that
            # age named before
            person = self._person_of_decade(age, a, gender)
            if person is not None:
                return _Speaker(person.name, self.r.genders.get(person.name, person.gender) or gender, "s", True,
                                person)
        if doc[a].text.casefold() in {"le", "la", "l'"} and head is not None and self.desc.noun_of(head) and \
                self.desc.nouns.get(self.desc.noun_of(head)) in {"organisation", "company"}:
            # « L'association a passé au crible … Elle y a relevé … »: the body the description stands for
            noun_gender = head.morph.get("Gender")
            said = "f" if noun_gender == ["Fem"] else "m" if noun_gender == ["Masc"] else None
            name = self.desc.resolve(a, b)
            if name and (gender is None or said in {None, gender}):
                return _Speaker(name, said, "s", True)
        return None

    def _named_body(self, a: int, b: int) -> _Speaker | None:
        """The subject [a, b] as a source when it names a body (« Le conseil départemental de l'ordre des
        médecins, lui, » → « Le conseil départemental de l'ordre des médecins »), else None."""
        doc = self.doc
        comma = next((t for t in range(a, b + 1) if doc[t].text == ","), None)
        b = comma - 1 if comma is not None else b
        head = next((t for t in range(a, b + 1) if doc[t].pos_ in {"NOUN", "PROPN"}), None)
        if head is None or self.r.low[a] not in {"le", "la", "l'", "les"} or \
                any(t in self.r.tok_person for t in range(a, b + 1)):
            return None
        noun = doc[head].lemma_.casefold()
        if not (source_nouns().get(noun) in {"official", "study", "media"} or self.desc.noun_of(doc[head])
                or noun in word_set("public_body_nouns") or doc[head].ent_type_ == "ORG"):
            return None
        span = self.r.orig_span(a, b)
        return _Speaker(self.r.article.text[span.start:span.end], None, "s", True)

    def _only_person_of_sentence(self, a: int, b: int, gender: str | None) -> _Speaker | None:
        named = {self.r.tok_person[t].name: (t, self.r.tok_person[t]) for t in range(a, b)
                 if t in self.r.tok_person and self.r.tok_person.get(t - 1) is not self.r.tok_person[t]}
        if len(named) != 1:
            return None
        ((t, person),) = named.values()
        k = t - 1
        while k >= a and self.doc[k].pos_ in {"DET", "NOUN", "ADJ"} and not self.doc[k].is_punct:
            k -= 1  # (« à l'architecte X »: back to what governs the name's description)
        if k >= a and (self.doc[k].pos_ == "ADP" or self.r.low[k] in _OF):
            return None  # « le porte-parole de X », « confié à l'architecte X »: a complement, not the centre
        known = self.r.genders.get(person.name, person.gender)
        if gender is not None and known not in {None, gender}:
            return None
        return _Speaker(person.name, known or gender, "s", True, person)

    def _unresolved_description(self, f: _Found) -> bool:
        """The quotation's attribution is a definite or demonstrative description (« poursuit la mère de
        famille », « ajoute ce père de famille ») that no office holder and no name resolved."""
        cue = f.cue
        if cue is None or cue.subject is None or cue.pronoun or f.speaker is not None and (
                f.speaker.person is not None or f.speaker.named):
            return False
        a, b = cue.subject
        head = self._head_noun(a, b)
        return self.r.low[a] in _DEFINITE_OR_DEMONSTRATIVE and head is not None and self._one_person_noun(head) \
            and not any(self.doc[t].pos_ == "PROPN" or t in self.r.tok_person for t in range(a, b + 1)) \
            and not self._office_of_a_named_body(head, (a, b + 1))  # (« le ministre de l'Intérieur » is himself)

    def _head_noun(self, a: int, b: int):
        """The first common noun of a description after its determiner (« la mère de famille » → mère)."""
        return next((self.doc[t] for t in range(a + 1, b + 1) if self.doc[t].pos_ == "NOUN"), None)

    def _one_person_noun(self, head) -> bool:
        """« la mère de famille », « le joueur », « la chercheuse »: a noun for one person, not for a body or a
        group (« le club », « la direction », « l'équipe »)."""
        low = head.lemma_.casefold()
        if low in word_set("organisation_nouns") or low in _COLLECTIVES:
            return False
        return self._is_role(head) or low in word_set("person_descriptors") or low in word_set("speaker_heads")

    def _description_of_last_speaker(self, n: int) -> _Speaker | None:
        """A description in place of a name carries the conversation on: it means the person quoted just
        before (« « … », s'indigne X. « … », poursuit la mère de famille »), or the one person the journalist
        named since, who is now the centre of attention (« X, lui, faisait amende honorable. « … »,
        reconnaissait le troisième-ligne ») — when the gender agrees and nobody else came in between."""
        f = self.found[n]
        a, b = f.cue.subject
        head = self._head_noun(a, b)
        gender = self._description_gender(a, head)
        prev = next((p for p in reversed(self.found[:n]) if p.speaker is not None), None)
        here = min(a, f.open_tok if f.open_tok is not None else f.first)
        floor = (prev.close_tok or prev.last) + 1 if prev is not None else max(0, here - _ROLE_LOOKBACK)
        if prev is not None and f.stretch.first_para - prev.stretch.last_para > 1:
            return None
        # (« le porte-parole de X »: X, the complement of a noun, is not who the description may mean)
        starts = [t for t in range(floor, here) if t in self.r.tok_person and not self.in_quote[t]
                  and self.r.tok_person.get(t - 1) is not self.r.tok_person[t]]
        named = {self.r.tok_person[t].name: self.r.tok_person[t] for t in starts
                 if not (t >= 2 and self.r.low[t - 1] in _OF and self.doc[t - 2].pos_ == "NOUN")}
        if len(named) > 1:
            return None
        person = next(iter(named.values())) if named else prev.speaker.person if prev is not None else None
        if person is None or self._holds_another_office(person, head):
            return None
        known = self.r.genders.get(person.name, person.gender)
        if gender is not None and known is not None and known != gender:
            return None
        return _Speaker(person.name, known or gender, "s", True, person)

    def _holds_another_office(self, person: Person, head) -> bool:
        """« la syndicaliste » is not the headmistress: an office noun means nobody known for an office of
        another kind (the reprises of role_synonyms.tsv say which offices go together)."""
        office = role_lemma(head.text) or (head.lemma_.casefold() if self._is_role(head) else None)
        held = self._roles_of(person)
        if office is None or not held or office in held:
            return False
        return not any(office in group and group & held for group in _role_groups())

    def _description_gender(self, a: int, head) -> str | None:
        """The gender its determiner says, or failing that (« l' ») its head noun."""
        det = self.r.low[a]
        if det in {"la", "cette"}:
            return "f"
        if det in {"le", "ce", "cet"}:
            return "m"
        if feminine_role(head.text):
            return "f"
        g = head.morph.get("Gender")
        return {"Fem": "f", "Masc": "m"}.get(g[0]) if g else None

    def _quotation_before_incise(self, start: int) -> int | None:
        """The opening mark of the quotation an incise (« , dit-elle ») follows, when it does."""
        k = start - 1
        while k >= 0 and (self.doc[k].is_space or self.r.low[k] == ","):
            k -= 1
        if k < 0 or not self.in_quote[k]:
            return None
        while k > 0 and self.in_quote[k - 1]:
            k -= 1
        return k

    def _ends_paragraph(self, f: _Found) -> bool:
        """Whether nothing but punctuation follows the quotation in its last paragraph (no attribution)."""
        tab = token_table(self.doc)
        return all(tab.punct[t] or tab.is_space[t] for t in range(f.close_tok + 1, f.para_last + 1))

    def _ends_sentence(self, t: int) -> bool:
        return t < 0 or self.r.low[t] in _SENTENCE_END or "\n" in self.doc[t].text or "\n" in self.doc[t].whitespace_

    def _same_pronoun_opening(self, start: int, gender: str) -> bool:
        """« Selon elle, … », « Pour lui, … », « D'après elle, … »: a sentence opening on the view of a person
        it names only by a pronoun of that gender."""
        low = self.r.low
        t = start
        if t + 1 < len(low) and low[t] == "d'" and low[t + 1] == "après":
            t += 1
        if low[t] not in {"selon", "après", "pour"} or t + 2 >= len(low) or low[t + 2] != ",":
            return False
        return {"elle": "f", "lui": "m"}.get(low[t + 1]) == gender

    def _agent_of_sentence_before(self, before: int, gender: str) -> _Speaker | None:
        """« Une délégation a été reçue par le préfet, X. « … », a-t-il déclaré »: the person a passive
        sentence just before brings in as its agent is the new centre of attention, whom the pronoun means."""
        doc = self.doc
        k = before - 1
        while k >= 0 and (doc[k].is_punct and doc[k].text in {",", "»"} or doc[k].is_space):
            k -= 1
        if k < 0 or not self.in_quote[k]:
            return None  # only for the quotation this incise follows
        while k >= 0 and self.in_quote[k]:
            k -= 1  # back over the quotation, to the sentence before it
        while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1
        if k < 0 or doc[k].text not in _SENTENCE_END:
            return None
        prev = self._sentence_start(k)
        if any(self.in_quote[t] for t in range(prev, k)):
            return None
        if any(doc[t].dep_ in {"nsubj", "nsubj:pass"} and _SUBJECT_PRONOUNS.get(doc[t].text.casefold(), ("",))[0]
               == gender for t in range(prev, k)):
            return None  # (« Il a été reçu par le préfet. « … », a-t-il dit »: the subject goes on)
        for t in range(prev, k):
            if doc[t].text.casefold() != "par" or not any(c.dep_ == "aux:pass" for c in doc[t].head.head.children) \
                    and not any(c.dep_ == "aux:pass" for v in doc[prev:k] if v.pos_ == "VERB" for c in v.children):
                continue
            for x in range(t + 1, min(k, t + 9)):
                person = self.r.tok_person.get(x)
                if person is not None:
                    known = self.r.genders.get(person.name, person.gender)
                    if known in {None, gender}:
                        return _Speaker(person.name, known or gender, "s", True, person)
                    return None
                if doc[x].pos_ in {"VERB", "AUX"} or doc[x].text in _SENTENCE_END:
                    break
        return None

    def _main_verbs(self, start: int, k: int) -> list[int]:
        """The main verbs of the sentence in tokens [start, k): those whose head lies outside it (the parser
        often hangs the verb on the quotation that follows) or on an adjective or noun it made the root."""
        doc = self.doc
        return [t for t in range(start, k) if doc[t].pos_ in {"VERB", "AUX"} and doc[t].dep_ not in
                {"aux:tense", "aux:pass", "cop"} and (doc[t].dep_ == "ROOT" or not start <= doc[t].head.i <= k
                                                      or doc[t].head.dep_ == "ROOT" and doc[t].head.pos_ in
                                                      {"ADJ", "NOUN"} and doc[t].dep_ in {"conj", "parataxis"})]

    def _topic_described(self, np: tuple[int, int], gender: str) -> _Speaker | None:
        """« L'ex-idole des cours de récré s'est posée en victime. « … », a-t-il larmoyé »: a definite
        description that is no one's office, as the subject just before « il »/« elle », designates the
        person the article is about — the one named most often, when that is clear."""
        doc = self.doc
        a, b = np
        commas = [t for t in range(a, b) if doc[t].text == ","]
        if commas and (doc[a].pos_ in {"ADP", "ADV", "PUNCT"} or doc[a].pos_ == "VERB"
                       and doc[a].morph.get("VerbForm") == ["Part"]):
            # "De son côté, le commerçant …", "Interrogé par X, le ministre …": the opening is not the subject
            a = commas[-1] + 1
        while a < b and doc[a].is_punct:
            a += 1  # (the parser hangs the comma before a subject on it)
        # (a name is no description, but « le Breton » is one: a person of that origin)
        if doc[a].text.casefold() not in {"le", "la", "l'"} or any(
                doc[t].pos_ == "PROPN" and not demonym_lemma(doc[t].text) for t in range(a, b + 1)):
            return None
        head = next((doc[t] for t in range(a + 1, b + 1) if doc[t].pos_ in {"NOUN", "ADJ", "VERB"} or
                     demonym_lemma(doc[t].text)), None)
        if head is None:
            return None
        if self._is_role(head):  # « Le technicien nordiste »: the holder of that office (or a synonym of it)
            person = self.role_referent(head, gender, a, (a, b))
            if person is None:
                return None
            return _Speaker(person.name, self.r.genders.get(person.name, person.gender) or gender, "s", True, person)
        person = self._most_named()
        if person is None:
            return None
        known = self.r.genders.get(person.name, person.gender)
        if known not in {None, gender}:
            return None
        return _Speaker(person.name, known or gender, "s", True, person)

    def register(self, token: int, speaker: _Speaker | None) -> None:
        if speaker:
            self.registry.append((token, speaker))

    # --- the whole article ---------------------------------------------------------------------------
    def run(self) -> list[_Found]:
        doc = self.doc
        events: list[tuple[int, int, object]] = []  # (token, order, payload)
        for n, f in enumerate(self.found):
            words = f.last - f.first + 1
            sent_a, sent_b = _sentence_bounds(doc, f.open_tok if f.open_tok is not None else f.first,
                                              f.close_tok or f.last, f.para_first, f.para_last)
            before_tok = (f.open_tok or f.first) - 1
            starts_sentence = f.open_tok is None or f.open_tok == f.para_first or \
                doc[before_tok].text in _SENTENCE_END | {":"} or self.in_quote[before_tok] or \
                doc[before_tok].text == "," and before_tok > 0 and self.in_quote[before_tok - 1]
            if self._is_work_title(f):
                f.embedded = True  # « l'émission « Les X » »: a title, said by nobody
                continue
            cue = self.cue_after(f) or self.cue_before(f)
            if cue is None:
                cue = self.cue_incise_later(f, sent_b)
            if cue is None and words > _MAX_SCARE_WORDS:
                cue = self.cue_inner_incise(f)
            f.embedded = not starts_sentence and not (cue and cue.first < (f.open_tok or f.first)
                                                      and doc[before_tok].text == ",")
            if f.embedded and words <= _MAX_LABEL_WORDS and (self._labels_noun(f) or self._determined_term(f)):
                cue = None  # « au niveau « crise » », « le groupe « X » »: a name or a label, said by nobody
            elif f.embedded and cue is None and (verb_first := self._verb_opening_quote(f, sent_a)) is not None:
                cue = verb_first  # « l'OGC Nice « dément avoir reçu … » »
            elif f.embedded and cue is None:
                # « jugée « … » par X »: the agent right after the words is their author, before any verb
                cue = self.cue_agent(f, sent_b) or self.cue_in(sent_a, f.open_tok or f.first, near=f.open_tok)
                if cue and cue.verb is not None and words <= _MAX_SCARE_WORDS:
                    far = (f.open_tok or f.first) - cue.verb > _NEAR_VERB
                    # (« X indique que les données ont été « exposées » »: the clause is X's report, however long)
                    # (« X avait juré sur tous les plateaux que son émission allait « … » »: a « que » clause
                    # the verb governs, however far)
                    far = far and not any(doc[t].text.casefold() in {"que", "qu'"} and (
                        t < cue.verb + 3 or any(a.i == cue.verb for a in doc[t].ancestors))
                        for t in range(cue.verb + 1, f.open_tok or f.first))
                    if far and doc[cue.verb].lemma_ not in {"décrire", "qualifier"} and \
                            not _reported_by(_phrase_head(doc, f.first, f.last), cue.verb):
                        cue = None
                if cue is None:
                    cue = self.cue_relative_voice(sent_a, f.open_tok or f.first)
                if cue is None and words > _MAX_SCARE_WORDS:
                    cue = self.cue_respondents(f)
                # (a quoted quantity, « au moins dix par jour », is someone's claim, never a term)
                counted = words >= 2 and any(self.r.pos[t] == "NUM" for t in range(f.first, f.last + 1))
                if cue is None and (words > _MAX_SCARE_WORDS or counted):
                    cue = self.cue_sentence_subject(sent_a, f.open_tok or f.first, pronouns=counted)
                if cue is None:
                    cue = self.cue_agent(f, sent_b)
                if cue is None:
                    cue = self._gapped_subject(f, sent_a)
                if cue is None:
                    after = self.cue_in((f.close_tok or f.last) + 1, sent_b + 1)
                    if after and after.verb is None:  # only "selon X" may follow a fragment
                        cue = after
            if f.embedded and cue is not None and cue.verb is None and self._short_title(f):
                cue = None  # « la série « Tous en chœur », selon Médiamétrie »: a title, said by nobody
            impersonal = cue is not None and (cue.pronoun == "on" or cue.subject is not None and
                                              cue.subject[0] == cue.subject[1] and
                                              doc[cue.subject[0]].text.casefold() in {"on", "l'on"})
            if impersonal or cue is None and f.embedded:
                opening = self._opening_voice(sent_a, f.open_tok or f.first)
                if opening is not None:
                    cue = opening  # « Au ministère, on appelle « … » », « De source syndicale, on évoque « … » »
            f.cue = cue
            if cue:
                events.append((cue.verb if cue.verb is not None else cue.first, 1, n))
        in_quote, pos = self.in_quote, self.r.pos
        for i in range(len(doc)):
            # (the POS first: is_speech_verb only fills memos, so asking it less changes nothing)
            if in_quote[i] or pos[i] != "VERB":
                continue
            tok = doc[i]
            if not self.r.is_speech_verb(tok):
                continue
            if tok.dep_ in {"advcl", "acl", "acl:relcl", "csubj", "amod"} and not self._head_across_sentences(tok):
                continue
            nxt = " ".join(t.text.casefold() for t in doc[tok.i + 1:tok.i + 4])
            # (« une retraitée dit avoir perdu 87 000 euros »: an infinitive reports her words too)
            says = any(c.dep_ == "ccomp" for c in tok.children) or any(
                w in nxt.split() for w in ("que", "qu'", ":")) or self.r.clitic_after(tok.i, tok.i + 3)[0] or \
                i + 1 < len(doc) and self.r.low[i + 1] in {"avoir", "être", "n'avoir", "ne"} and \
                tok.lemma_ in {"dire", "affirmer", "assurer", "déclarer", "reconnaître", "estimer", "raconter"}
            if not says:
                continue
            events.append((tok.i, 0, tok.i))
        for a, b in self._quoteless_sentences():
            events.append((b, 2, a))
        events.sort(key=lambda e: (e[0], e[1]))
        for token, kind, payload in events:
            if kind == 1:
                f = self.found[payload]
                f.speaker = self._subject_just_before(f) or self.speaker_of(f.cue, f.stretch.first_para)
                if self._unresolved_description(f):
                    f.speaker = self._description_of_last_speaker(payload) or f.speaker
                self.register(token, f.speaker)
            elif kind == 0:
                start = self._sentence_start(payload)
                # "Selon elle, 38 % des collégiens déclarent …": the sentence is the source's account, and
                # the one speaking in the next quotation is that source, not the people it reports on.
                cue = self._selon_opening(start, payload) or self.cue_for_verb(payload, start, len(doc) - 1)
                if cue:
                    self.register(token, self.speaker_of(cue, 0))
            else:
                self._note_statement(payload, token)
        self.inherit()
        for f in self.found:
            if f.embedded:
                f.kind = "partial" if f.speaker else "scare"
                if f.kind == "scare":
                    f.cue = None
            elif f.speaker and f.cue and f.cue.verb is None and f.open_tok is not None and f.cue.last < f.open_tok and \
                    self.doc[f.first].text[:1].islower():
                f.kind = "partial"  # « Pour X, « la prudence s'impose » »: a fragment, not a sentence of theirs
            else:
                f.kind = "direct"
        return self.found

    def _head_across_sentences(self, tok) -> bool:
        """Whether the parser hung a verb on a head in another sentence (it often links a paragraph's main
        verb to the one before): then it is no subordinate clause, whatever its label."""
        a, b = sorted((tok.i, tok.head.i))
        return any(self.r.low[t] in _SENTENCE_END or "\n" in self.doc[t].text or "\n" in self.doc[t].whitespace_
                   for t in range(a, b))

    def _verb_opening_quote(self, f: _Found, floor: int) -> _Cue | None:
        """``l'OGC Nice « dément avoir reçu la moindre offre »``, ``qu'elle « ne commente pas … »``: quoted
        words that open on a verb of saying continue the clause of the subject written just before them."""
        doc = self.doc
        v = f.first
        while v < f.last and self.r.low[v] in {"ne", "n'"}:
            v += 1
        # (the tagger reads « dément » as an adverb: the written form of a verb of the lists decides)
        if f.open_tok is None or f.open_tok <= floor or not (self.r.is_speech_verb(doc[v], loose=True) or
                                                              self.r.low[v] in self.r.forms) or \
                doc[v].morph.get("Person") in (["1"], ["2"]) or self._non_finite_form(doc[v]):
            return None
        k = f.open_tok - 1
        if self.r.low[k] in _SUBJECT_PRONOUNS:
            return _Cue(k, k, None, pronoun=self.r.low[k])
        if doc[k].pos_ not in {"PROPN", "NOUN"}:
            return None
        a = k
        while a - 1 >= floor and (doc[a - 1].pos_ in {"PROPN", "NOUN", "ADJ", "DET"} or self.r.low[a - 1] in _OF) \
                and not doc[a - 1].is_punct:
            a -= 1
        # (« EDF « conteste … » »: the tagger reads an acronym as a common noun)
        if doc[a].pos_ not in {"DET", "PROPN"} and not doc[a].text[:1].isupper() or \
                a > floor and not (doc[a - 1].is_punct or doc[a - 1].is_space):
            return None  # only a subject that opens its clause
        return _Cue(a, k, None, subject=(a, k))

    @staticmethod
    def _non_finite_form(tok) -> bool:
        """An infinitive or a participle, told by its ending as well as its tag (the tagger reads « conteste »
        as a participle after a quotation mark)."""
        low = tok.text.casefold()
        form = tok.morph.get("VerbForm")
        return form == ["Inf"] and low.endswith(("er", "ir", "re", "oir")) or \
            form == ["Part"] and low.endswith(("é", "ée", "és", "ées", "i", "ie", "is", "u", "ue", "us", "ant"))

    def _short_title(self, f: _Found) -> bool:
        """A few capitalised words in marks with no verb and no end mark (« Course au soleil », « ShadowNest »):
        the name of a work, an event or a thing, which a « selon X » in the sentence does not make X's words."""
        doc, low = self.doc, self.r.low
        if f.last - f.first + 1 > 4 or not doc[f.first].text[:1].isupper() or f.first in self.r.tok_person:
            return False
        return not any(self.r.pos[t] in {"VERB", "AUX", "PRON"} or low[t] in _SENTENCE_END
                       for t in range(f.first, f.last + 1))

    def _determined_term(self, f: _Found) -> bool:
        """``l'extension de la « pause numérique »``: a short noun phrase in marks whose determiner stands
        outside them is a term the article names, not words anyone said."""
        if f.open_tok is None or f.open_tok == 0:
            return False
        before, first = self.doc[f.open_tok - 1], self.doc[f.first]
        # (a complement of another noun: « un « matraquage fiscal » » after a verb is the speaker's judgement)
        of = f.open_tok >= 2 and (self.doc[f.open_tok - 2].text.casefold() in _OF | {"à", "en", "sur", "pour"}
                                  or self.doc[f.open_tok - 2].pos_ == "ADP")
        return of and before.pos_ == "DET" and before.text.casefold() in {"le", "la", "l'", "les"} and \
            first.pos_ in {"NOUN", "PROPN", "ADJ"} and \
            all(self.doc[t].pos_ not in {"VERB", "AUX", "DET", "PRON"} for t in range(f.first, f.last + 1))

    def _labels_noun(self, f: _Found) -> bool:
        """A short quoted noun right after a common noun, with no determiner of its own: it names or labels
        that noun (« le niveau « alerte » », « le collectif « X » ») rather than quoting anyone; an adjective
        (« juge la réforme « injuste » ») is still the subject's judgement; a capitalised word is a name
        whatever the tagger made of it (« le groupe de pirates « DarkFox » »)."""
        if f.open_tok is None or f.open_tok == 0:
            return False
        before, first = self.doc[f.open_tok - 1], self.doc[f.first]
        return before.pos_ == "NOUN" and not self._is_role(before) and f.open_tok - 1 not in \
            self.r.tok_person and (first.pos_ in {"NOUN", "PROPN"} or first.text[:1].isupper()) and \
            all(self.doc[t].pos_ not in {"VERB", "AUX", "DET", "PRON"} for t in range(f.first, f.last + 1))

    def _quoteless_sentences(self):
        """Token ranges [a, b] of the journalist's sentences with no quotation in them (b: the final mark)."""
        in_quote = self.in_quote
        n = len(in_quote)
        a = 0
        has_quote = False
        # One pass over the tokens' strings, read once, rather than a Token object per index.
        for t, (text, space) in enumerate(zip(self.r.low, self.r.space)):
            has_quote = has_quote or in_quote[t]
            ends = text in _SENTENCE_END or "\n" in space or "\n" in text or t + 1 == n
            if ends and not in_quote[t]:
                if not has_quote and t > a:
                    yield a, t
                a, has_quote = t + 1, False

    def _note_statement(self, a: int, b: int) -> None:
        """A sentence whose main verb is a speech verb (``X met en garde contre …``, ``Il évoque …``) or
        that opens with ``Pour X,``: its source may speak in the quotation that follows it."""
        doc = self.doc
        while a <= b and doc[a].is_space:
            a += 1
        cue = self.cue_pour(a, b + 1)
        if cue is None and self.r.low[a] in _SELON:
            # « Selon un proche de la chanteuse, c'est Hugo qui aurait claqué la porte. « … », confie-t-il »:
            # a person who can go on speaking (not « selon un sondage »)
            cue = self.cue_in(a, min(b + 1, a + 12))
            head = self._head_noun(*cue.subject) if cue is not None and cue.subject else None
            if cue is not None and not (cue.subject and any(t in self.r.tok_person for t in range(*cue.subject))
                                        or head is not None and self._one_person_noun(head)):
                cue = None
        if cue is None:
            dep, pos = self.r.dep, self.r.pos
            verbs = [t for t in range(a, b + 1) if dep[t] == "ROOT" and pos[t] == "VERB"
                     and self.r.is_speech_verb(doc[t])]
            if not verbs and any(dep[t] == "ROOT" and pos[t] in {"NOUN", "PROPN"} for t in range(a, b + 1)):
                # The parser made the subject the root and the verb after its incise a modifier ("Une
                # infirmière, qui a requis l'anonymat, décrit …"): the verb after the comma is still the main one.
                # (« …, aux côtés de la société X, poursuivie en tant que personne morale »: a participle
                # describes, it does not speak)
                verbs = [t for t in range(a + 1, b + 1) if doc[t].dep_ == "acl" and doc[t - 1].text == ","
                         and doc[t].pos_ == "VERB" and self.r.is_speech_verb(doc[t])
                         and not self._non_finite_form(doc[t])]
            if len(verbs) != 1:
                return
            head = next((doc[t] for t in range(a, b + 1) if doc[t].dep_ == "ROOT"), doc[verbs[0]].head)
            if doc[verbs[0]].dep_ == "acl" and a <= head.left_edge.i and head.i < verbs[0]:
                cue = _Cue(head.left_edge.i, verbs[0], verbs[0],
                           subject=(head.left_edge.i, self.r._np_end(head.i, verbs[0])))
            else:
                cue = self._selon_opening(a, verbs[0]) or self.cue_for_verb(verbs[0], a, b)
        if cue is None:
            return
        speaker = self.speaker_of(cue, 0)
        # A definite description left unresolved ("la chercheuse") may be anyone: not worth a guess here.
        vague = speaker is not None and not speaker.named and speaker.person is None and \
            speaker.name.casefold().startswith(("le ", "la ", "l'", "les "))
        if speaker is not None and not vague:
            self.statements[b] = speaker
            # Whoever the journalist just reported as speaking ("Une infirmière, qui a requis l'anonymat,
            # décrit …", "Pour X, …") is the source a following « confie-t-elle » means.
            self.register(b, speaker)

    def _statement_before(self, f: _Found) -> _Speaker | None:
        """The source of the statement sentence ending just before a quotation that opens a sentence."""
        k = (f.open_tok if f.open_tok is not None else f.first) - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return self.statements.get(k)

    def _is_work_title(self, f: _Found) -> bool:
        """A capitalised quotation right after a noun of work (``l'émission « Les … »``, ``le film « … »``)."""
        k = (f.open_tok if f.open_tok is not None else f.first) - 1
        if k < 0 or not (self.doc[f.first].text[:1].isupper() or self.doc[f.first].text[:1].isdigit()):
            return False
        if self.doc[k].text.casefold() in self.work_nouns:
            return True  # « un rapport intitulé « … » », « sous le titre « … » »
        # The noun may carry an adjective or a participle first: « le livre autoédité « … » ».
        for _ in range(2):
            if k > 0 and (self.doc[k].pos_ == "ADJ" or self.doc[k].pos_ == "VERB"
                          and self.doc[k].morph.get("VerbForm") == ["Part"]):
                k -= 1
        noun = self.doc[k]
        return noun.text.casefold() in self.work_nouns or noun.lemma_.casefold() in self.work_nouns

    def _sentence_start(self, t: int) -> int:
        text = self.r.text
        while t > 0 and text[t - 1] not in _SENTENCE_END and "\n" not in text[t - 1] and not self.in_quote[t - 1]:
            t -= 1
        return t

    def inherit(self) -> None:
        """Quotations with no attribution of their own: the second of « … », a-t-il dit. « … », and a
        paragraph that is only a quotation right after a quotation or a statement by someone."""
        doc = self.doc
        prev: _Found | None = None
        for f in self.found:
            if f.speaker is None and prev is not None and prev.speaker is not None and \
                    prev.stretch.last_para == f.stretch.first_para:
                between = [doc[t].text.casefold() for t in range((prev.close_tok or prev.last) + 1,
                                                                  f.open_tok or f.first) if not doc[t].is_punct]
                if between and len(between) <= 2 and all(w in _CONNECTIVES for w in between):
                    f.speaker, f.cue = prev.speaker, prev.cue  # « … ». Or, « … », car « … »: still the same voice
            if f.speaker is None and f.embedded and prev is not None and prev.speaker is not None and \
                    self._coordinated_with(prev, f):
                f.speaker, f.cue = prev.speaker, prev.cue  # « X assure que « … » et refuse de commenter « … » »
            if f.speaker is None and f.embedded and prev is not None and prev.speaker is not None and \
                    prev.speaker.person is not None and prev.stretch.last_para == f.stretch.first_para and \
                    f.last - f.first + 1 > _MAX_SCARE_WORDS and not self._speech_between(prev, f):
                # « « … », raconte-t-elle. Après un courrier, sa propriétaire a accepté de baisser le loyer, « mais
                # pas jusqu'au plafond » »: a quotation too long for a term goes on with the paragraph's witness
                f.speaker, f.cue = prev.speaker, prev.cue
            if f.speaker is None and f.embedded and prev is not None and prev.speaker is not None and \
                    prev.stretch.last_para == f.stretch.first_para and self._verbless_sequel(prev, f):
                f.speaker, f.cue = prev.speaker, prev.cue  # « « … », a lancé X. Avant de promettre d'être « … ». »
            own_cue = f.cue is not None and f.cue.pronoun == "on"  # attributed, to nobody: inherits nothing
            if f.speaker is None and not f.embedded and not own_cue and prev is not None and prev.speaker is not None:
                same_para = prev.stretch.last_para == f.stretch.first_para
                if same_para and prev.cue is not None:
                    between = [t for t in range((prev.close_tok or prev.last) + 1, f.open_tok or f.first)
                               if not doc[t].is_punct]
                    cue_tokens = set(range(prev.cue.first, prev.cue.last + 1))
                    # (« …, raconte un ancien officier, qui a fui en Géorgie et ne veut pas être identifié. »:
                    # a relative clause right after the attribution describes the speaker too)
                    relative = next((t for t in between if doc[t].text.casefold() == "qui" and doc[t - 1].text == ","
                                     and t - 2 in cue_tokens), None)
                    if relative is not None:
                        cue_tokens |= set(range(relative, (f.open_tok or f.first)))
                    # Only the attribution and its apposition ("X, ouvrier de 26 ans.") lie between.
                    # (a gerund, « en ouvrant la séance », is still the attribution's circumstance)
                    if between and all(t in cue_tokens or doc[t].pos_ not in {"VERB", "AUX"}
                                       or doc[t - 1].text.casefold() == "en" for t in between) \
                            and between[0] in cue_tokens:
                        f.speaker, f.cue = prev.speaker, prev.cue
                elif same_para and not [t for t in range((prev.close_tok or prev.last) + 1, f.open_tok or f.first)
                                        if not doc[t].is_punct and not doc[t].is_space]:
                    f.speaker, f.cue = prev.speaker, prev.cue  # « … » « … »: nothing in between, the same voice
                elif not same_para and f.open_tok == f.para_first:
                    gap = self._paragraphs_between(prev.stretch.last_para, f.stretch.first_para)
                    if gap is not None and not self._speech_between(prev, f):
                        f.speaker, f.cue = prev.speaker, prev.cue
            if f.speaker is None and not f.embedded:
                f.speaker = self._statement_before(f)
            if f.speaker is None and not f.embedded and f.cue is None and f.open_tok is not None:
                # "Nadia, 34 ans, infirmière, n'hésite pas. « Mon fils … »": the person the sentence before
                # presents is the one who speaks
                # (« …, la cinéaste de 41 ans revenait sur ce prix. ¶ « Je ne m'y attendais pas … »: a paragraph
                # that is only a quotation gives the floor to the person the paragraph before ended on)
                f.speaker = self._subject_of_sentence_before(f.open_tok, None, at_quote=True,
                                                             across=f.open_tok == f.para_first and
                                                             f.close_tok is not None and self._ends_paragraph(f))
            if f.speaker is None and not f.embedded and f.open_tok == f.para_first:
                source = self._recent_statement(f)
                if source:
                    f.speaker = source
            if not f.embedded or f.speaker:
                prev = f

    def _gapped_subject(self, f: _Found, floor: int) -> _Cue | None:
        """« X revendique 45 % de grévistes, et le Snes-FSU « plus de 40 % » »: a second subject whose verb of
        saying the sentence leaves out (gapping) — the name between « et » and the words is their author."""
        if f.open_tok is None:
            return None
        doc, low = self.doc, self.r.low
        b = f.open_tok - 1
        a = b
        while a - 1 > floor and (doc[a - 1].pos_ in {"PROPN", "NOUN", "DET", "ADJ"} or doc[a - 1].text == "-") \
                and not self.in_quote[a - 1]:
            a -= 1
        if a > b or low[a - 1] != "et" or not (doc[a].pos_ == "PROPN" or a in self.r.tok_person or
                                               low[a] in {"le", "la", "l'", "les"} and doc[a + 1].pos_ == "PROPN"):
            return None
        # (the written form too: the tagger reads « revendique » as an adjective after an apposition)
        if not any(doc[t].pos_ == "VERB" and self.r.is_speech_verb(doc[t]) or low[t] in self.r.forms
                   for t in range(floor, a - 1)):
            return None
        name = a + 1 if doc[a].pos_ == "DET" else a  # (the name as the article names it: « Snes-FSU »)
        return _Cue(a, b, None, subject=(name, b))

    def _verbless_sequel(self, prev: _Found, f: _Found) -> bool:
        """Whether f's words hang on an infinitive of saying in a sentence with no finite verb of its own, the
        sentence right after prev's (« Avant de promettre d'être « … » »): the same subject goes on."""
        if prev.close_tok is None or f.open_tok is None:
            return False
        start = self._sentence_start(f.open_tok)
        doc, tab = self.doc, token_table(self.doc)
        if any(tab.text[t] in _SENTENCE_END and not self.in_quote[t] for t in range(prev.close_tok + 1, start - 1)):
            return False  # (only the sentence right after the one that named the speaker)
        outside = [t for t in range(start, f.open_tok) if not self.in_quote[t]]
        if any(doc[t].pos_ in {"VERB", "AUX"} and doc[t].morph.get("VerbForm") == ["Fin"] for t in outside):
            return False
        return any(doc[t].pos_ == "VERB" and doc[t].morph.get("VerbForm") == ["Inf"] and self.r.is_speech_verb(doc[t])
                   for t in outside)

    def _coordinated_with(self, prev: _Found, f: _Found) -> bool:
        """Whether f's quoted phrase hangs on a verb coordinated with the verb that introduced prev, in the
        same sentence."""
        if prev.cue is None or prev.cue.verb is None or prev.close_tok is None or f.open_tok is None:
            return False
        doc = self.doc
        if any(doc[t].text in _SENTENCE_END and not self.in_quote[t] for t in range(prev.close_tok + 1, f.open_tok)):
            return False
        verb = doc[prev.cue.verb]
        tok = _phrase_head(doc, f.first, f.last)
        for _ in range(4):
            # (the parser often hangs the second verb on the verb inside the first quotation)
            if tok.dep_ == "conj" and tok.i > verb.i and not self.in_quote[tok.i] and \
                    (tok.head.i in {verb.i, verb.head.i} or prev.first <= tok.head.i <= prev.last):
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _selon_opening(self, start: int, verb: int) -> _Cue | None:
        """A « Selon X, » opening the sentence before its verb of saying."""
        t = start
        while t < verb and self.doc[t].is_space:
            t += 1
        if t >= verb or self.doc[t].text.casefold() not in _SELON and not (
                self.doc[t].text.casefold() == "d'" and t + 1 < verb and self.doc[t + 1].text.casefold() == "après"):
            return None
        cue = self.cue_in(t, verb)
        if cue is None or cue.verb is not None or cue.subject is None:
            return None
        # Only a person (or a pronoun for one) voices an account this way; « d'après nos informations » does not.
        a, b = cue.subject
        return cue if cue.pronoun or any(x in self.r.tok_person for x in range(a, b + 1)) else None

    def _paragraphs_between(self, a: int, b: int) -> int | None:
        """How many paragraphs lie between two; None if one of them is a full sentence of the journalist."""
        count = 0
        for p in self.paragraphs[a + 1:b]:
            text = self.r.article.text[p.start:p.end]
            if text.rstrip()[-1:] in ".!?:…" or len(text.split()) > 30:
                return None
            count += 1
        return count if count <= 2 else None

    def _speech_between(self, prev: _Found, f: _Found) -> bool:
        lo = (prev.close_tok or prev.last) + 1
        hi = f.open_tok or f.first
        return any(lo <= tok < hi for tok, _ in self.registry)

    def _recent_statement(self, f: _Found) -> _Speaker | None:
        """The source of a statement ("Il a expliqué que ...") in the two paragraphs just before."""
        lo = self.para_tokens[max(0, f.stretch.first_para - 1)][0]
        hi = f.first
        for tok, source in reversed(self.registry):
            if tok < lo:
                break
            if tok < hi:
                return source
        return None


def find_quotations(article: Article, people: list[Person]) -> list[Quote]:
    """Direct, partial and scare quotes with their speakers, in text order."""
    if not len(article.doc) or not article.text.strip():
        return []
    reader = _Reader(article, people)
    stretches = find_stretches(article.text, article.paragraphs)
    attributor = _Attributor(reader, stretches)
    found = attributor.run()
    persons = {p.name for p in people}
    spelling = canonical_sources([f.speaker.name for f in found if f.speaker and f.speaker.named
                                  and f.speaker.name not in persons], article.text)
    quotes = []
    for f in found:
        s = f.stretch
        speaker = f.speaker
        cue = reader.orig_span(f.cue.first, f.cue.last) if f.cue and speaker else None
        quotes.append(Quote(
            start=s.start, end=s.end, text=article.text[s.start:s.end],
            speaker=spelling.get(speaker.name, speaker.name) if speaker else None, kind=f.kind,
            speaker_named=speaker.named if speaker else True, cue=cue,
        ))
    quotes = _repeated_headings(quotes, article, people)
    from .quote_captions import find_captions

    quotes.extend(find_captions(article, people, quotes))
    return sorted(quotes, key=lambda q: q.start)


def _repeated_headings(quotes: list[Quote], article: Article, people: list[Person]) -> list[Quote]:
    """A heading that is only a quotation, with no name, repeats a quotation of the body: same speaker; a
    headline that opens on a quotation and a colon gives it to the one person named after the colon."""
    def key(text: str) -> str:
        return " ".join(fold(text).replace("\u2019", " ").replace("'", " ").split())

    attributed = [(key(q.text), q) for q in quotes if q.speaker]
    out = []
    for q in quotes:
        para = next((p for p in article.paragraphs if p.start <= q.start < p.end), None)
        alone = para is not None and len(article.text[para.start:para.end].strip(" «»“”\"„.!?…")) <= q.end - q.start
        # (a headline that opens on the quotation, « « … » : dans l'enfer de X », repeats it just as well)
        opens = para is not None and not article.text[para.start:q.start].strip(" «»“”\"„")
        # (« Gel en Bourgogne : « On a perdu … » »: a topic before a colon in the headline names nobody)
        if q.speaker is None and opens and _in_heading(article, para) and \
                (named := _one_person_after_colon(article, q, para, people)) is not None:
            # « « Je ne suis pas la maire des promoteurs » : à Montfleury, Nadia X défend son bilan »
            q = Quote(start=q.start, end=q.end, text=q.text, speaker=named, kind=q.kind, speaker_named=True,
                      cue=None)
        elif q.speaker is None and (alone or opens or para is not None and _in_heading(article, para)) \
                and len(q.text.split()) >= 4:
            k = key(q.text)
            same = {o.speaker: o for t, o in attributed if o is not q and (t == k or k in t)}
            if len(same) == 1:
                (o,) = same.values()
                q = Quote(start=q.start, end=q.end, text=q.text, speaker=o.speaker, kind=q.kind,
                          speaker_named=o.speaker_named, cue=None)
        elif q.speaker is None and q.kind == "scare" and q.text[:1].islower() and para is not None and \
                _in_heading(article, para):  # (a capital opens a title or a nickname, said by nobody)
            # « Nadia Ferhat et la fierté des « petits films » »: the headline or the chapô borrows a few words
            # that someone says in the body; they are that person's words, not the journalist's term
            k = f" {_words_key(q.text)} "
            same = {o.speaker: o for t, o in attributed if o is not q and o.start > para.end
                    and k in f" {_words_key(o.text)} "}
            if len(same) == 1:
                (o,) = same.values()
                q = Quote(start=q.start, end=q.end, text=q.text, speaker=o.speaker, kind="partial",
                          speaker_named=o.speaker_named, cue=None)
        out.append(q)
    return out


def _one_person_after_colon(article: Article, q: Quote, para, people: list[Person]) -> str | None:
    """The one person named in the rest of a headline after « « … » : », if exactly one is."""
    rest = article.text[q.end:para.end]
    colon = re.match(r"\s*[»”\"]?\s*:", rest)
    if colon is None:
        return None
    start = q.end + colon.end()
    named = {p.name for p in people for m in p.mentions if start <= m.start < para.end}
    return next(iter(named)) if len(named) == 1 else None


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _in_heading(article: Article, para) -> bool:
    """The headline or the chapô: one of the first three paragraphs, short, before the body starts."""
    index = next(n for n, p in enumerate(article.paragraphs) if p is para)
    return index <= 2 and para.end - para.start <= 400

