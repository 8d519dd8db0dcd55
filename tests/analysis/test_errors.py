"""Bad input fails with a clear French message; arbitrary Unicode never crashes the analyser."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp.analysis import (
    MAX_CHARS,
    Analysis,
    AnalysisError,
    EmptyTextError,
    TextTooLongError,
    UnsupportedLanguageError,
    analyze,
)

FRENCH = ("Le ministre a annoncé mercredi une réforme des retraites. « Nous tiendrons nos engagements », "
          "a-t-il déclaré devant les députés. Selon l'Insee, 3 000 emplois ont été créés.")
ENGLISH = ("The minister announced on Wednesday that the pension reform would go ahead, and he said that "
           "the government had listened to the unions before making its decision about the bill.")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u00a0\u202f"])
def test_empty_text_is_refused(text):
    with pytest.raises(EmptyTextError) as err:
        analyze(text)
    assert "vide" in str(err.value)


def test_too_long_text_is_refused_before_parsing():
    with pytest.raises(TextTooLongError) as err:
        analyze("mot " * (MAX_CHARS // 4 + 1))
    assert "trop long" in str(err.value)


def test_english_text_is_refused():
    with pytest.raises(UnsupportedLanguageError) as err:
        analyze(ENGLISH)
    assert "français" in str(err.value)


def test_every_refusal_is_an_analysis_error_with_a_french_sentence():
    for error in (EmptyTextError(), TextTooLongError(300_000, MAX_CHARS), UnsupportedLanguageError()):
        assert isinstance(error, AnalysisError)
        message = str(error)
        assert message[0].isupper() and message.endswith(".") and "texte" in message


def check_offsets(text: str, analysis: Analysis) -> None:
    n = len(text)
    for item in (*analysis.quotes, *analysis.figures, *analysis.editorializing):
        assert 0 <= item.start <= item.end <= n
        assert item.text == text[item.start:item.end]
    for person in analysis.people:
        for m in person.mentions:
            assert 0 <= m.start <= m.end <= n
    for q in analysis.questions:
        assert 0 <= q.answer < len(q.choices)
        for s in q.evidence:
            assert 0 <= s.start <= s.end <= n
        for c in q.choices:
            if c.start is not None:
                assert 0 <= c.start <= c.end <= n
    analysis.to_dict()


SENTENCES = st.sampled_from([
    "Le gouvernement a annoncé 100 000 emplois.", "« Nous ne céderons pas », a-t-elle déclaré.",
    "Selon des experts, le chiffre serait de 3\u202f000.", "Il a dit qu’il viendrait le 20ᵉ jour.",
    "Marie Dupont, porte-parole, a affirmé : « C’est faux ».", "Près de 40 % des Français",
    "\n\n", "« ", " »", "“", "”", "\u00a0", "1 500", "deux millions", "— ",
])
MIXED = st.lists(st.one_of(SENTENCES, st.text(max_size=12)), min_size=1, max_size=14).map("".join)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), MIXED))
def test_arbitrary_unicode_gives_an_analysis_or_an_analysis_error(nlp, text):
    try:
        analysis = analyze(text)
    except AnalysisError:
        return
    check_offsets(text, analysis)


@pytest.mark.slow
def test_a_french_text_is_analysed(nlp):
    check_offsets(FRENCH, analyze(FRENCH))
