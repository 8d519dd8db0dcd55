"""Normalisation keeps an exact map back to the original text, so every highlight lands on the right words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.analysis.text import Article, normalize, split_paragraphs


def back(original: str, norm, start: int, end: int) -> str:
    span = norm.to_original(start, end)
    return original[span.start:span.end]


def test_typographic_apostrophes_become_straight_ones():
    original = "Il a dit qu’il n’irait pas, l‘homme aussi."
    norm = normalize(original)
    assert norm.text == "Il a dit qu'il n'irait pas, l'homme aussi."
    at = norm.text.index("qu'il")
    assert back(original, norm, at, at + 5) == "qu’il"


def test_every_quote_mark_becomes_a_straight_double_quote():
    original = "«a» “b” „c“ \"d\" ‹e› ‟f”"
    norm = normalize(original)
    assert norm.text == '"a" "b" "c" "d" "e" "f"'
    assert len(norm.text) == len(original)


def test_spaces_inside_numbers_are_removed_and_map_back():
    for sep in (" ", "\u00a0", "\u202f"):
        original = f"Plus de 100{sep}000 soldats et 3{sep}000 chars, pour 1{sep}250{sep}000 euros."
        norm = normalize(original)
        assert "100000 soldats" in norm.text and "3000 chars" in norm.text and "1250000 euros" in norm.text
        at = norm.text.index("100000")
        assert back(original, norm, at, at + 6) == f"100{sep}000"
        at = norm.text.index("1250000")
        assert back(original, norm, at, at + 7) == f"1{sep}250{sep}000"


def test_a_year_followed_by_a_number_is_not_joined():
    norm = normalize("En 2022 300 soldats sont partis.")
    assert "2022 300" in norm.text


def test_nbsp_outside_numbers_becomes_a_plain_space():
    norm = normalize("Il a dit\u00a0: «\u202fnon\u202f»")
    assert norm.text == 'Il a dit : " non "'


def test_superscript_ordinals_become_letters():
    original = "La 20ᵉ division et le XIXᵉ siècle."
    norm = normalize(original)
    assert norm.text == "La 20e division et le XIXe siècle."
    at = norm.text.index("20e")
    assert back(original, norm, at, at + 3) == "20ᵉ"


def test_zero_width_characters_are_dropped_and_offsets_still_map():
    original = "Le\u200b chiffre\u00ad officiel"
    norm = normalize(original)
    assert norm.text == "Le chiffre officiel"
    at = norm.text.index("officiel")
    assert back(original, norm, at, at + 8) == "officiel"


def test_the_whole_text_maps_back_to_the_whole_original():
    original = "« Nous tiendrons », a-t-elle déclaré — 3\u202f000 personnes l’ont entendu.\r\n"
    norm = normalize(original)
    span = norm.to_original(0, len(norm.text))
    assert (span.start, span.end) == (0, len(original))
    assert norm.to_original(5, 5).start == norm.origin[5]


FRENCHY = st.text(
    alphabet=st.sampled_from(list("abcé ’'«»“”„\"‹›0123456789\u00a0\u202f\u200bᵉ\n—–.,")), max_size=80
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(FRENCHY, st.text(max_size=60)))
def test_each_normalised_character_comes_from_its_original_position(original):
    norm = normalize(original)
    assert len(norm.origin) == len(norm.text) + 1
    assert list(norm.origin[:-1]) == sorted(set(norm.origin[:-1]))  # strictly increasing
    for i, ch in enumerate(norm.text):
        source = original[norm.origin[i]]
        assert ch == source or normalize(source).text == ch or (source == "\r" and ch == "\n")
    for start in range(0, len(norm.text), 7):
        end = min(len(norm.text), start + 5)
        span = norm.to_original(start, end)
        assert 0 <= span.start <= span.end <= len(original)


def test_paragraphs_split_on_blank_and_single_lines_with_exact_offsets():
    text = "  Premier paragraphe.\n\nDeuxième,\nTroisième.  \n\n\n"
    paragraphs = split_paragraphs(text)
    assert [text[p.start:p.end] for p in paragraphs] == ["Premier paragraphe.", "Deuxième,", "Troisième."]
    assert [p.index for p in paragraphs] == [0, 1, 2]
    article = Article(norm=normalize(text), doc=None)
    assert article.paragraph_at(text.index("Troisième")).index == 2
    assert article.paragraph_at(0) is None  # leading spaces belong to no paragraph
