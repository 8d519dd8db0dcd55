"""Speech verbs as they are written, not only as the tagger lemmatises them.

The French model often reads a present-tense verb in the inverted incise (``», estime X``, ``», glisse X``)
or after a bare role noun (``L'économiste juge …``) as a noun or adjective and keeps the surface form as
lemma; so the written form is also looked up among the forms generated from the lemmas of the lists
(3rd person of the present, imperfect and simple past, past participle).  Multi-word verbs (``faire
valoir``, ``mettre en garde``) are matched on their first word and the words that follow it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set

_APOSTROPHE = re.compile(r"\w+'|[^\s']+")

_LISTS = ("speech_verbs", "stance_verbs", "speech_idioms")
# Irregular endings of the verbs of the lists (infinitive ending -> 3rd person singular and plural present).
_IRREGULAR = (
    ("tenir", ("tient", "tiennent", "tenu", "tenait")),
    ("venir", ("vient", "viennent", "venu", "venait")),
    ("mettre", ("met", "mettent", "mis", "mettait")),
    ("dire", ("dit", "disent", "disait")),
    ("crire", ("crit", "crivent", "crivait")),
    ("aître", ("aît", "aissent", "u", "aissait")),
    ("clure", ("clut", "cluent", "clu", "cluait")),
    ("suivre", ("suit", "suivent", "suivi", "suivait")),
    ("entir", ("ent", "entent", "enti", "entait")),
    ("dre", ("d", "dent", "du", "dait")),
    ("voir", ("voit", "voient", "vu", "voyait")),
    ("faire", ("fait", "font", "faisait")),
    ("ir", ("it", "issent", "i", "issait")),
)


def lemmas() -> frozenset[str]:
    out: set[str] = set()
    for name in _LISTS:
        out |= word_set(name)
    return frozenset(out)


def _forms(lemma: str) -> set[str]:
    if lemma.endswith("er"):
        stem = lemma[:-2]
        forms = {stem + "é", stem + "ait", stem + "aient", stem + "ent"}
        singular = {stem + "e"}
        # "répéter" → "répète", "rappeler" → "rappelle": the stem's last vowel opens before a mute "e".
        for k in range(len(stem) - 1, 0, -1):
            if stem[k] in "éeè" and k < len(stem) - 1:
                singular.add(stem[:k] + "è" + stem[k + 1:] + "e")
                if stem[k] == "e" and stem[-1] in "lt":
                    singular.add(stem + stem[-1] + "e")
                break
        if stem.endswith("c"):
            forms.add(stem[:-1] + "ça")
        elif stem.endswith("g"):
            forms.add(stem + "ea")
        else:
            forms.add(stem + "a")
        forms |= singular | {s + "nt" for s in singular}
        return forms
    for ending, endings in _IRREGULAR:
        if lemma.endswith(ending):
            stem = lemma[: -len(ending)]
            return {stem + e for e in endings}
    return set()


@lru_cache(maxsize=None)
def surface_forms() -> dict[str, str]:
    """Written form -> lemma, for the one-word verbs of the lists."""
    out: dict[str, str] = {}
    for lemma in lemmas():
        if " " in lemma:
            continue
        bare = lemma.removeprefix("se ").removeprefix("s'")
        for form in _forms(bare):
            out.setdefault(form, lemma)
    return out


@lru_cache(maxsize=None)
def multiword() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word's lemma -> the word sequences that follow it (``faire`` -> ``("valoir",)``)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for lemma in lemmas():
        # Written as the tokenizer splits them: "d'alarme" is "d'" then "alarme".
        words = [w for word in lemma.split() for w in _APOSTROPHE.findall(word)]
        if len(words) > 1 and words[0] not in {"se", "s'"}:
            out.setdefault(words[0], []).append(tuple(words[1:]))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _first_forms() -> dict[str, str]:
    out = {}
    for first in multiword():
        out[first] = first
        for form in _forms(first):
            out.setdefault(form, first)
    return out


def first_word_lemma(text: str, lemma: str) -> str | None:
    """The infinitive of a written first word of a multi-word verb ("fait" -> "faire")."""
    if lemma in multiword():
        return lemma
    return _first_forms().get(text)
