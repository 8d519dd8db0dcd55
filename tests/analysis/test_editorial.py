"""Editorializing: what a teacher checks before putting a flagged phrase in front of a class.

The flagged phrase must be in the text, outside any quotation, and hand-checked cases must come out as a
teacher marked them; neutral news must come out (almost) clean.  The finder runs here on the parse only
(quotes = []), so it also proves its own protection against quoted speech.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
import yaml

from tests.analysis.editorial_metrics import occurrences, score_editorial
from tests.analysis.samples import EXPECTED_DIR, all_samples, content_samples, corpus_available, find_sample

EDITORIAL_DIR = EXPECTED_DIR / "editorial"
CATEGORIES = {"name_calling", "loaded", "exaggeration", "metaphor"}
NEUTRAL_NEWS = ("fresada-000007141", "fresada-000007201", "fresada-000007557", "fresada-000008490",
                "fresada-000010957", "poutine-exode-militaire")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse(nlp):
    from webapp.analysis.text import Article, normalize

    @lru_cache(maxsize=None)
    def article(text: str):
        norm = normalize(text)
        return Article(norm=norm, doc=nlp(norm.text))

    return article


@pytest.fixture(scope="module")
def flagged(parse):
    """``flagged(text) -> list[Editorial]`` with no help from the quotes extractor."""
    from webapp.analysis.editorial import find_editorializing

    @lru_cache(maxsize=None)
    def run(text: str):
        return tuple(find_editorializing(parse(text), []))

    return run


def sample_text(stem: str) -> str:
    sample = find_sample(stem)
    if sample is None:
        pytest.skip(f"{stem} absent")
    return sample.text


def expected(stem: str) -> dict:
    return yaml.safe_load((EDITORIAL_DIR / f"{stem}.yaml").read_text(encoding="utf-8"))


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Between « », “ ” or " " inside a paragraph, and to the end of a paragraph left open."""
    ranges = []
    pos = 0
    for para in text.split("\n"):
        for m in re.finditer(r'[«“"][^«»“”"]*(?:[»”"]|$)', para):
            ranges.append((pos + m.start(), pos + m.end()))
        pos += len(para) + 1
    return ranges


def texts(editorials) -> list[str]:
    return [e.text for e in editorials]


# --- properties on every sample ------------------------------------------------------------------


@pytest.mark.parametrize("sample", all_samples(), ids=lambda s: s.stem)
def test_each_span_is_in_the_text_and_outside_quotes(flagged, sample):
    quoted = quoted_ranges(sample.text)
    for e in flagged(sample.text):
        assert sample.text[e.start:e.end] == e.text
        assert e.category in CATEGORIES
        assert e.text.lower() in e.reason.lower() and e.reason.strip()
        assert not any(s <= e.start < t for s, t in quoted), f"{e.text!r} est dans une citation"


@pytest.mark.parametrize("sample", all_samples(), ids=lambda s: s.stem)
def test_every_sample_has_hand_checked_expectations(sample):
    data = expected(sample.stem)
    for item in data["editorializing"] + data["not_editorializing"]:
        assert occurrences(sample.text, item["text"]), f"{item['text']!r} n'est pas dans {sample.stem}"
    assert all(item["category"] in CATEGORIES for item in data["editorializing"])


def test_precision_on_hand_checked_samples_is_at_least_80_percent(flagged):
    tp = fp = fn = 0
    for sample in all_samples():
        scores = score_editorial(list(flagged(sample.text)), expected(sample.stem), sample.text)
        tp, fp, fn = tp + scores["tp"], fp + scores["fp"], fn + scores["fn"]
        assert scores["wrongly_flagged"] == 0, sample.stem
    assert tp / (tp + fp) >= 0.8
    assert tp / (tp + fn) >= 0.6  # recall matters less, but the finder must find most of it


@pytest.mark.parametrize("stem", NEUTRAL_NEWS)
def test_neutral_news_yields_at_most_one_span(flagged, stem):
    if stem.startswith("fresada") and not corpus_available():
        pytest.skip("corpus absent")
    assert len(flagged(sample_text(stem))) <= 1


# --- hand-picked cases on the sample articles ---------------------------------------------------------


def test_the_mocking_nickname_is_flagged_every_time_outside_quotes(flagged):
    for stem in ("poutine-100-000-soldats", "poutine-menaces-mobilisation"):
        text = sample_text(stem)
        found = [e for e in flagged(text) if e.category == "name_calling"]
        for start, end in occurrences(text, "Vlad"):
            if text[end:end + 3] == "imi":  # "Vladimir" is the name itself
                continue
            assert any(e.start <= start < e.end for e in found), (stem, start)
        assert all(e.neutral for e in found)


def test_epithet_nickname_is_one_span(flagged):
    text = sample_text("poutine-100-000-soldats")
    spans = [e for e in flagged(text) if e.text == "Mad Vlad"]
    assert len(spans) == 2 and all(e.category == "name_calling" for e in spans)


def test_insult_used_for_the_name_is_name_calling(flagged):
    found = {e.text: e.category for e in flagged(sample_text("poutine-menaces-mobilisation"))}
    assert found.get("tyran fou") == "name_calling"


def test_betement_is_loaded_with_a_reason_and_rewording(flagged):
    (e,) = [e for e in flagged(sample_text("poutine-100-000-soldats")) if e.text == "bêtement"]
    assert e.category == "loaded" and "bêtement" in e.reason and e.neutral


def test_inflected_forms_match_through_lemmas(flagged):
    found = " | ".join(texts(flagged(sample_text("poutine-100-000-soldats"))))
    for form in ("stupéfiante", "héroïques", "sanglante", "désespérée", "surréalistes"):
        assert form in found
    assert "dérangées" in " | ".join(texts(flagged(sample_text("poutine-menaces-mobilisation"))))


def test_loaded_word_inside_a_quotation_is_not_flagged(flagged):
    text = sample_text("poutine-menaces-mobilisation")
    found = " | ".join(texts(flagged(text)))
    assert "humiliante" not in found  # “Ce fut une défaite humiliante pour l’armée russe.”
    assert "coup de dés" not in found
    assert "hachoir" not in " | ".join(texts(flagged(sample_text("poutine-100-000-soldats"))))


def test_neutral_reporting_is_not_flagged(flagged):
    text = sample_text("poutine-menaces-mobilisation")
    (start, end), = occurrences(text, "a annoncé mercredi")
    assert not any(e.start < end and start < e.end for e in flagged(text))


def test_sentence_attributed_by_an_inverted_speech_verb_is_not_the_journalists(flagged):
    found = " | ".join(texts(flagged(sample_text("poutine-menaces-mobilisation"))))
    assert "désespérés" not in found  # « … sont si désespérés, a-t-il déclaré. »


# --- hand-built sentences -----------------------------------------------------------------------


@pytest.mark.parametrize("sentence, phrase, category", [
    ("Le ministre a bêtement refusé de répondre aux questions des députés.", "bêtement", "loaded"),
    ("Le dictateur a ordonné mardi la fermeture des frontières.", "dictateur", "name_calling"),
    ("Les soldats ont été envoyés à l'abattoir par leurs généraux.", "à l'abattoir", "metaphor"),
    ("Cette réforme vouée à l'échec sera votée jeudi.", "vouée à l'échec", "exaggeration"),
    ("La ministre Élisabeth Martin a présenté son plan. Éli a ensuite quitté la salle.", "Éli", "name_calling"),
    ("Les manifestants ont subi une répression sanglante dimanche.", "répression sanglante", "loaded"),
    ("Les supporters ont réservé un accueil héroïque aux joueurs.", "accueil héroïque", "loaded"),
])
def test_hand_built_loaded_sentences(flagged, sentence, phrase, category):
    found = {e.text: e.category for e in flagged(sentence)}
    assert any(phrase in text and cat == category for text, cat in found.items()), found


@pytest.mark.parametrize("sentence", [
    "Le gouvernement a annoncé mercredi une hausse de 3 % du budget de la défense.",
    "Selon l'Insee, le chômage a baissé de 0,2 point au deuxième trimestre.",
    "L'opposant a été condamné à cinq ans de prison avec sursis pour détournement de fonds.",
    "Le dictateur chilien Augusto Pinochet est mort en 2006.",
    "« C'est une décision stupide et honteuse », a déclaré le porte-parole de l'opposition.",
    "Il a qualifié la réforme d'« injuste », a-t-il déclaré, avant de quitter la salle.",
    "La porte-parole, Marie Dupont, a confirmé l'information. Dupont a précisé que l'enquête continuait.",
    "Une grande partie des électeurs s'est abstenue, selon les premiers résultats.",
    "Le film a provoqué un fou rire général dans la salle.",
    "Les Trente Glorieuses ont profondément transformé la société française.",
    "Le tsar Nicolas II a abdiqué en 1917.",
    "La situation sanitaire reste dramatique dans la bande de Gaza, selon l'ONU.",
    "La répression est sanglante, estime l'ONG dans son rapport annuel.",
])
def test_hand_built_neutral_sentences_are_not_flagged(flagged, sentence):
    assert flagged(sentence) == ()


def test_words_in_a_multi_paragraph_quote_are_not_flagged(flagged):
    text = ("Le ministre a répondu longuement aux journalistes.\n\n"
            "« La situation est catastrophique et les chiffres sont stupéfiants.\n\n"
            "« Ce sont des décisions honteuses, a-t-il conclu. »\n\n"
            "Le conseil des ministres se réunira lundi.")
    assert flagged(text) == ()


# --- neutral phrases for the questions builder -------------------------------------------------------


@pytest.mark.parametrize("sample", content_samples(), ids=lambda s: s.stem)
def test_neutral_phrases_are_plain_journalist_text(parse, flagged, sample):
    from webapp.analysis.editorial import neutral_phrases

    article = parse(sample.text)
    flags = list(flagged(sample.text))
    phrases = neutral_phrases(article, [], flags, max_words=6)
    assert phrases == neutral_phrases(article, [], flags, max_words=6)  # deterministic
    quoted = quoted_ranges(sample.text)
    for span in phrases:
        phrase = sample.text[span.start:span.end]
        assert 2 <= len(phrase.split()) <= 6, phrase
        assert not any(s < span.end and span.start < t for s, t in quoted), phrase
        assert not any(e.start < span.end and span.start < e.end for e in flags), phrase
        assert not flagged(phrase + ".")
    assert [s.start for s in phrases] == sorted(s.start for s in phrases)


def test_neutral_phrases_include_plain_reporting(parse, flagged):
    from webapp.analysis.editorial import neutral_phrases

    text = sample_text("poutine-menaces-mobilisation")
    phrases = {text[s.start:s.end] for s in neutral_phrases(parse(text), [], list(flagged(text)))}
    assert "une mobilisation partielle" in phrases
    assert len(phrases) >= 10
