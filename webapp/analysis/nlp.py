"""Loading the French pipeline once per process, and telling French text from other text."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set

MODEL_NAME = "fr_core_news_md"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def load_nlp():
    """The spaCy French pipeline, loaded on first use and shared by the whole process."""
    import gc

    import spacy

    nlp = spacy.load(MODEL_NAME)
    _keep_hyphenated_roles(nlp)
    # The model is hundreds of thousands of long-lived Python objects: moved out of the collector's reach,
    # they are no longer rescanned by every full collection that the analysis's short-lived objects trigger.
    gc.collect()
    gc.freeze()
    return nlp


def _keep_hyphenated_roles(nlp) -> None:
    """« le troisième-ligne », « l'enseignant-chercheur »: the tokenizer cuts some hyphenated role nouns of
    person_roles.txt in three, and the parser then reads « le troisième » as the subject.  Each stays one token."""
    from spacy.symbols import ORTH

    for role in word_set("person_roles"):
        if "-" not in role:
            continue
        for form in (role, role[:1].upper() + role[1:]):
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def looks_french(text: str) -> bool:
    """True when French function words clearly outnumber English ones.

    Function words (articles, prepositions, pronouns) are the cheapest reliable language signal; a news
    article has dozens.  A very short text only needs one of them.
    """
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return False
    french, english = word_set("french_function_words"), word_set("english_function_words")
    fr = sum(1 for w in words if w in french or w.split("'")[0] + "'" in french)
    en = sum(1 for w in words if w in english)
    return fr >= max(1, 0.08 * len(words)) and fr > 1.5 * en
