"""Quoting the evidence: paragraphs around the spans, marks around them, everything else escaped."""

from webapp.highlighting import excerpt, mark, paragraph_bounds, paragraphs

TEXT = "Premier paragraphe.\n\nLe <b>ministre</b> a dit « oui ».\nTroisième & dernier."


def test_paragraphs_are_lines_with_text():
    assert [TEXT[s:e] for s, e in paragraph_bounds(TEXT)] == [
        "Premier paragraphe.", "Le <b>ministre</b> a dit « oui ».", "Troisième & dernier.",
    ]


def test_marks_wrap_the_span_and_escape_the_text():
    start = TEXT.index("<b>")
    html = mark(TEXT, 0, len(TEXT), [(start, start + len("<b>ministre</b>"))])

    assert "<mark>&lt;b&gt;ministre&lt;/b&gt;</mark>" in html
    assert "Troisième &amp; dernier." in html
    assert "<b>" not in html


def test_excerpt_keeps_only_the_paragraphs_with_evidence():
    start = TEXT.index("oui")
    last = TEXT.index("dernier")

    chosen = excerpt(TEXT, [(last, last + 7), (start, start + 3)])

    assert [str(p.html) for p in chosen] == [
        "Le &lt;b&gt;ministre&lt;/b&gt; a dit « <mark>oui</mark> ».",
        "Troisième &amp; <mark>dernier</mark>.",
    ]
    assert all(p.follows_previous for p in chosen)


def test_excerpt_notes_skipped_paragraphs():
    chosen = excerpt(TEXT, [(0, 7), (TEXT.index("dernier"), len(TEXT))])

    assert [p.follows_previous for p in chosen] == [True, False]


def test_overlapping_spans_and_spans_across_paragraphs():
    start = TEXT.index("paragraphe")
    end = TEXT.index("ministre") + 3

    chosen = excerpt(TEXT, [(start, end), (start + 2, start + 5)])

    assert str(chosen[0].html) == "Premier <mark>paragraphe.</mark>"
    assert str(chosen[1].html).startswith("<mark>Le &lt;b&gt;min</mark>istre")


def test_spans_outside_the_text_are_ignored():
    assert excerpt(TEXT, [(500, 600), (-5, -1), (3, 3)]) == []


def test_whole_text_as_paragraphs_is_escaped():
    assert [str(p) for p in paragraphs("a <i>b</i>\n\nc")] == ["a &lt;i&gt;b&lt;/i&gt;", "c"]
