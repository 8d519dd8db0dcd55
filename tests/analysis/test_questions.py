"""Questions a teacher can put in front of a class: one right answer, wrong distractors, evidence in the text.

The rule tests build quotes, figures and editorializing spans by hand over small texts, so they need no
model; the last tests run the whole analyser over the sample articles.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.analysis.samples import sample_params
from webapp.analysis import questions as qmod
from webapp.analysis.questions import (
    JOURNALIST,
    build_questions,
    editorializing_questions,
    figure_source_questions,
    same_person,
    validate_question,
    who_quoted_questions,
)
from webapp.analysis.results import Choice, Editorial, Figure, Person, Question, Quote, Span
from webapp.analysis.text import Article, normalize


def article(text: str) -> Article:
    """An article with no parse: the question builder must never need one."""
    return Article(norm=normalize(text), doc=None)


def span_of(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def quote(text: str, words: str, speaker: str | None, cue: str | None = None, kind: str = "direct",
          named: bool = True) -> Quote:
    s = span_of(text, words)
    return Quote(s.start, s.end, words, speaker, kind, speaker_named=named,
                 cue=span_of(text, cue) if cue else None)


def person(text: str, name: str, *mentions: str, gender: str | None = None) -> Person:
    return Person(name, gender, tuple(span_of(text, m) for m in (name, *mentions) if m in text))


def figure(text: str, words: str, source: str, source_text: str | None = None, cue: str | None = None,
           value: float | None = None, kind: str = "count", hedged: bool = False,
           unverified: bool = False) -> Figure:
    s = span_of(text, words)
    return Figure(s.start, s.end, words, value, source, source_text, hedged, unverified, kind,
                  source_span=span_of(text, source_text) if source_text and source_text in text else None,
                  cue=span_of(text, cue) if cue else None)


def correct(question: Question) -> Choice:
    return question.choices[question.answer]


# ------------------------------------------------------------------------------------------ who_quoted

INTERVIEW = (
    "Claire Dubois-Martin, chercheuse au centre d'études, a suivi le dossier pendant des mois.\n\n"
    "« Le gouvernement a sous-estimé la colère des agriculteurs depuis le début », a déclaré Mme Dubois.\n\n"
    "Le ministre Marc Lefèvre a répondu : « Nous avons tenu tous nos engagements envers la profession. »\n\n"
    "« Il faudra des années pour reconstruire la confiance », a-t-elle ajouté.\n\n"
    "La syndicaliste Sophie Bernard a estimé que « rien ne changera tant que les prix resteront aussi bas ».\n\n"
    "Selon des experts, « la crise risque de durer plusieurs années encore ».\n\n"
    "La presse a parlé d'une « colère » sans précédent. « Oui », a dit Jean Morel.\n"
)


def interview_quotes(text: str = INTERVIEW) -> tuple[list[Quote], list[Person]]:
    people = [
        person(text, "Claire Dubois-Martin", "Mme Dubois", gender="f"),
        # An extractor that failed to merge a spelling variant must not turn it into a distractor.
        Person("Claire Dubois", "f", (span_of(text, "Mme Dubois"),)),
        person(text, "Marc Lefèvre", gender="m"),
        person(text, "Sophie Bernard", gender="f"),
        person(text, "Jean Morel", gender="m"),
    ]
    quotes = [
        quote(text, "Le gouvernement a sous-estimé la colère des agriculteurs depuis le début",
              "Claire Dubois-Martin", "a déclaré Mme Dubois"),
        quote(text, "Nous avons tenu tous nos engagements envers la profession.", "Marc Lefèvre",
              "Le ministre Marc Lefèvre a répondu"),
        quote(text, "Il faudra des années pour reconstruire la confiance", "Claire Dubois-Martin",
              "a-t-elle ajouté"),
        quote(text, "rien ne changera tant que les prix resteront aussi bas", "Sophie Bernard",
              "La syndicaliste Sophie Bernard a estimé", kind="partial"),
        quote(text, "la crise risque de durer plusieurs années encore", "des experts", "Selon des experts",
              named=False),
        quote(text, "colère", None, kind="scare"),
        quote(text, "Oui", "Jean Morel", "a dit Jean Morel"),
    ]
    return quotes, people


def test_who_quoted_answer_is_the_speaker_and_distractors_are_other_people():
    quotes, people = interview_quotes()
    questions = who_quoted_questions(article(INTERVIEW), quotes, people)
    assert questions
    for q in questions:
        assert q.kind == "who_quoted"
        assert q.prompt.startswith("Qui a dit")
        assert validate_question(q, INTERVIEW) == []
        speaker = next(x for x in quotes if (x.start, x.end) == (q.evidence[0].start, q.evidence[0].end)).speaker
        assert correct(q).key == speaker
        for i, choice in enumerate(q.choices):
            if i != q.answer:
                assert not same_person(choice.key, speaker), (choice, speaker)


def test_a_spelling_variant_of_the_speaker_is_never_a_distractor():
    quotes, people = interview_quotes()
    for q in who_quoted_questions(article(INTERVIEW), quotes, people):
        texts = [c.text for c in q.choices]
        if correct(q).key == "Claire Dubois-Martin":
            assert "Claire Dubois" not in texts
            assert "Mme Dubois" not in texts


def test_same_person_recognises_variants_and_keeps_different_people_apart():
    assert same_person("Olga Kowalska", "Olga Kowalskaa")
    assert same_person("Dr Pierre Lambert", "Pierre Lambert")
    assert same_person("M. Lambert", "Pierre Lambert")
    assert same_person("Volodymyr Zelensky", "Zelenskyy")
    assert same_person("des experts", "les experts")
    assert not same_person("Pierre Lambert", "Pierre Morel")
    assert not same_person("Sophie Bernard", "Marc Lefèvre")


def test_scare_quotes_quotes_without_speaker_and_short_quotes_are_not_asked():
    quotes, people = interview_quotes()
    asked = {q.evidence[0] for q in who_quoted_questions(article(INTERVIEW), quotes, people)}
    for q in quotes:
        if q.kind == "scare" or q.speaker is None or len(q.text.split()) < 5:
            assert Span(q.start, q.end) not in asked


def test_an_unnamed_source_makes_a_question_with_its_own_wording():
    quotes, people = interview_quotes()
    qs = who_quoted_questions(article(INTERVIEW), quotes, people)
    unnamed = [q for q in qs if correct(q).key == "des experts"]
    assert len(unnamed) == 1
    assert correct(unnamed[0]).text == "Des experts"
    assert "ne nomme pas" in unnamed[0].explanation


def test_a_definite_description_or_a_pronoun_for_an_unnamed_source_is_not_asked():
    text = ("« Nous ne céderons sur aucun point de cette réforme », assure le porte-parole du parti.\n"
            "« Le gouvernement devra revenir sur ce projet de loi », a répondu Anne Roux.\n"
            "Paul Girard était présent.\n")
    quotes = [
        quote(text, "Nous ne céderons sur aucun point de cette réforme", "le porte-parole du parti",
              "assure le porte-parole du parti", named=False),
        quote(text, "Le gouvernement devra revenir sur ce projet de loi", "Anne Roux", "a répondu Anne Roux"),
    ]
    qs = who_quoted_questions(article(text), quotes, [person(text, "Anne Roux"), person(text, "Paul Girard")])
    assert [correct(q).key for q in qs] == ["Anne Roux"]


def test_explanation_cites_the_cue_and_a_pronoun_makes_it_harder():
    quotes, people = interview_quotes()
    qs = {q.evidence[0]: q for q in who_quoted_questions(article(INTERVIEW), quotes, people)}
    declared = qs[Span(quotes[0].start, quotes[0].end)]
    pronoun = qs[Span(quotes[2].start, quotes[2].end)]
    assert "a déclaré Mme Dubois" in declared.explanation
    assert declared.evidence[1] == quotes[0].cue
    assert "a-t-elle ajouté" in pronoun.explanation and "pronom" in pronoun.explanation
    assert pronoun.difficulty > declared.difficulty


def test_too_few_distractors_means_no_question():
    text = "« Nous ne céderons sur aucun point de cette réforme », a déclaré Paul Girard.\n"
    alone = [quote(text, "Nous ne céderons sur aucun point de cette réforme", "Paul Girard", "a déclaré Paul Girard")]
    assert who_quoted_questions(article(text), alone, [person(text, "Paul Girard")]) == []


def test_the_journalist_is_a_distractor_only_when_two_people_are_quoted():
    text = ("« Nous ne céderons sur aucun point de cette réforme », a déclaré Paul Girard.\n"
            "« Le gouvernement devra revenir sur ce projet de loi », a répondu Anne Roux.\n")
    qs = who_quoted_questions(article(text), [
        quote(text, "Nous ne céderons sur aucun point de cette réforme", "Paul Girard", "a déclaré Paul Girard"),
        quote(text, "Le gouvernement devra revenir sur ce projet de loi", "Anne Roux", "a répondu Anne Roux"),
    ], [person(text, "Paul Girard"), person(text, "Anne Roux")])
    assert len(qs) == 2
    for q in qs:
        assert len(q.choices) == 3
        assert JOURNALIST in [c.text for c in q.choices]
        assert correct(q).text != JOURNALIST


def test_long_quotes_are_trimmed_in_the_prompt():
    words = " ".join(f"mot{i}" for i in range(60))
    text = f"« {words} », a déclaré Paul Girard. Anne Roux et Luc Petit ont écouté.\n"
    q = who_quoted_questions(article(text), [quote(text, words, "Paul Girard", "a déclaré Paul Girard")],
                             [person(text, "Paul Girard"), person(text, "Anne Roux"), person(text, "Luc Petit")])[0]
    assert "…" in q.prompt and len(q.prompt) < 300


# --------------------------------------------------------------------------------------- figure_source

FIGURES = (
    "Le ministère de la Santé a recensé 1 200 cas cette semaine.\n\n"
    "Selon une étude de l'Inserm, 35 % des patients guérissent en un mois.\n\n"
    "Environ 400 lits auraient été fermés, et 50 médecins seraient partis.\n\n"
    "On compte 70 grévistes, 80 manifestants, 90 pancartes et 110 banderoles.\n\n"
    "Le patient, âgé de 45 ans, est resté 12 jours à l'hôpital.\n"
)


def figures_fixture(text: str = FIGURES) -> list[Figure]:
    return [
        figure(text, "1 200 cas", "official", "Le ministère de la Santé", "a recensé", value=1200),
        figure(text, "35 %", "study", "une étude de l'Inserm", "Selon", value=35, kind="percent"),
        figure(text, "400 lits", "none", value=400, hedged=True),
        figure(text, "50 médecins", "none", value=50, hedged=True),
        figure(text, "70 grévistes", "none", value=70),
        figure(text, "80 manifestants", "none", value=80),
        figure(text, "90 pancartes", "none", value=90),
        figure(text, "110 banderoles", "none", value=110),
        figure(text, "45 ans", "none", value=45, kind="age"),
        figure(text, "12 jours", "none", value=12, kind="duration"),
    ]


def test_figure_questions_vary_and_none_is_never_right_for_more_than_half():
    qs = figure_source_questions(article(FIGURES), figures_fixture())
    keys = Counter(correct(q).key for q in qs)
    assert {"official", "study"} <= set(keys), "well-sourced figures belong in the round"
    assert keys["none"] * 2 <= len(qs)
    assert max(keys.values()) * 2 <= len(qs)


def test_durations_and_ages_are_never_asked_about():
    qs = figure_source_questions(article(FIGURES), figures_fixture())
    asked = {FIGURES[q.evidence[0].start:q.evidence[0].end] for q in qs}
    assert "45 ans" not in asked and "12 jours" not in asked


def test_an_article_with_only_unsourced_figures_gets_no_figure_question():
    text = "On compte 70 grévistes et 80 manifestants devant la mairie.\n"
    figs = [figure(text, "70 grévistes", "none", value=70), figure(text, "80 manifestants", "none", value=80)]
    assert figure_source_questions(article(text), figs) == []


def test_figure_choices_are_source_classes_in_french_and_the_explanation_cites_the_cue():
    qs = {FIGURES[q.evidence[0].start:q.evidence[0].end]: q
          for q in figure_source_questions(article(FIGURES), figures_fixture())}
    official = qs["1 200 cas"]
    assert official.prompt.startswith("D'où vient ce chiffre")
    assert correct(official).key == "official"
    assert correct(official).text.startswith("Une source officielle")
    assert "Le ministère de la Santé" in official.explanation and "a recensé" in official.explanation
    assert official.evidence[1] == span_of(FIGURES, "Le ministère de la Santé")
    # A minister is also a named person and official statistics are also a study: never both offered.
    assert not {"person", "study"} & {c.key for c in official.choices}
    for q in qs.values():
        assert 3 <= len(q.choices) <= 4
        assert validate_question(q, FIGURES) == []


def test_hedged_or_unverified_figures_ask_whether_they_were_verified():
    text = ("Selon l'armée, 5 000 soldats auraient été blessés. "
            "Ces chiffres ne sont pas vérifiés de manière indépendante.\n\n"
            "Un rapport de la Cour des comptes chiffre le coût à 3 000 euros.\n")
    figs = [figure(text, "5 000 soldats", "official", "l'armée", "Selon l'armée", value=5000, hedged=True,
                   unverified=True),
            figure(text, "3 000 euros", "study", "Un rapport de la Cour des comptes", "chiffre", value=3000,
                   kind="money")]
    qs = figure_source_questions(article(text), figs)
    hedged, report = qs
    assert hedged.evidence[0] == Span(figs[0].start, figs[0].end)
    assert hedged.prompt.startswith("Ce chiffre est-il vérifié")
    assert "independent" in {c.key for c in hedged.choices}
    assert correct(hedged).text.startswith("Non")
    assert "pas vérifié de manière indépendante" in hedged.explanation
    assert "Selon l'armée" in hedged.explanation
    assert hedged.difficulty > report.difficulty


def test_the_same_figure_repeated_is_asked_once():
    text = ("L'armée annonce 3 000 chars détruits. Plus loin : 3 000 chars détruits, insiste l'armée.\n\n"
            "La journée était calme.\n\nHier, 20 avions survolaient la ville.\n")
    figs = [figure(text, "3 000 chars", "official", "L'armée", "annonce", value=3000),
            Figure(text.rindex("3 000"), text.rindex("3 000") + 11, "3 000 chars", 3000, "official", "l'armée",
                   False, False),
            figure(text, "20 avions", "none", value=20)]
    qs = figure_source_questions(article(text), figs)
    assert [correct(q).key for q in qs] == ["official", "none"]


# -------------------------------------------------------------------------------------- editorializing

EDITORIAL = (
    "Le président a bêtement annoncé une réforme des retraites mercredi.\n\n"
    "Les syndicats ont reçu le projet de loi et la ministre a présenté le calendrier.\n\n"
    "Le texte sera examiné par les députés en séance publique.\n"
)


def neutral(text: str, *phrases: str) -> list[Span]:
    return [span_of(text, p) for p in phrases]


def test_editorializing_question_puts_the_loaded_phrase_among_neutral_ones(monkeypatch):
    s = span_of(EDITORIAL, "bêtement")
    loaded = Editorial(s.start, s.end, "bêtement", "loaded",
                       "« bêtement » juge l'intelligence de la personne au lieu de rapporter un fait",
                       neutral="a annoncé")
    monkeypatch.setattr(qmod, "_neutral_pool", lambda *a: neutral(
        EDITORIAL, "Les syndicats", "le projet", "le calendrier", "les députés"))
    [q] = editorializing_questions(article(EDITORIAL), [], [loaded])
    assert q.prompt == "Quelle expression relève de l'éditorialisation ?"
    assert correct(q).text == "bêtement" and (correct(q).start, correct(q).end) == (loaded.start, loaded.end)
    assert len(q.choices) == 4
    for c in q.choices:
        assert EDITORIAL[c.start:c.end] == c.text
    assert "juge l'intelligence" in q.explanation and "a annoncé" in q.explanation
    assert validate_question(q, EDITORIAL) == []


def test_editorializing_needs_two_neutral_phrases_of_similar_length(monkeypatch):
    s = span_of(EDITORIAL, "bêtement")
    loaded = Editorial(s.start, s.end, "bêtement", "loaded", "juge")
    long_phrase = "Le texte sera examiné par les députés en séance publique"
    monkeypatch.setattr(qmod, "_neutral_pool", lambda *a: neutral(EDITORIAL, "Les syndicats", long_phrase))
    assert editorializing_questions(article(EDITORIAL), [], [loaded]) == []


# ------------------------------------------------------------------------------ determinism and validity

def test_questions_are_deterministic_and_the_right_answer_moves():
    quotes, people = interview_quotes()
    first = build_questions(article(INTERVIEW), quotes, [], [], people)
    again = build_questions(article(INTERVIEW), quotes, [], [], people)
    assert first == again
    figs = figure_source_questions(article(FIGURES), figures_fixture())
    positions = {q.answer for q in [*first, *figs]}
    assert len(positions) >= 2


def test_build_questions_caps_each_kind():
    names = ["Anne Roux", "Paul Girard", "Luc Petit", "Marie Caron", "Jean Morel", "Sophie Bernard",
             "Marc Lefèvre", "Claire Dubois", "Hugo Lemaire", "Inès Fabre"]
    lines = [f"« Voici la phrase que je prononce ici au sujet du point {chr(65 + i)} », a déclaré {name}."
             for i, name in enumerate(names)]
    text = "\n".join(lines) + "\n"
    quotes = [quote(text, f"Voici la phrase que je prononce ici au sujet du point {chr(65 + i)}", name,
                    f"a déclaré {name}") for i, name in enumerate(names)]
    qs = build_questions(article(text), quotes, [], [], [person(text, name) for name in names])
    assert len(qs) == qmod.MAX_PER_KIND


def test_validate_question_names_each_problem():
    text = "Un texte court pour les essais."
    ok = Question("editorializing", "Quelle expression ?", (
        Choice("Un texte", None, 0, 8), Choice("court", "loaded", 9, 14), Choice("les essais", None, 20, 30),
    ), 1, "Parce que.", (Span(9, 14),), 0.3)
    assert validate_question(ok, text) == []
    bad = Question("editorializing", "", (Choice("Un texte", None, 0, 7), Choice("Un texte", None, 0, 8)), 5, " ",
                   (Span(0, 999),), 1.5)
    problems = " | ".join(validate_question(bad, text))
    for expected in ("énoncé", "3 ou 4 choix", "identiques", "bonne réponse", "explication", "sort du texte",
                     "difficulté", "ne correspond pas"):
        assert expected in problems
    wrong_class = Question("figure_source", "D'où ?", (Choice("a", "official"), Choice("b", "rumeur"),
                                                       Choice("c", "none")), 0, "x", (Span(0, 2),), 0.5)
    assert any("classe de source" in p for p in validate_question(wrong_class, text))


# ------------------------------------------------------------------------------------ the sample articles

@pytest.mark.slow
@pytest.mark.parametrize("stem", sample_params())
def test_every_question_on_the_samples_is_valid(stem, analysis_of, nlp):
    text, analysis = analysis_of(stem)
    for q in analysis.questions:
        assert validate_question(q, text) == [], q
    # The builders themselves, before the safety net of build_questions, must produce valid questions.
    art = Article(norm=normalize(text), doc=nlp(normalize(text).text))
    raw = [*who_quoted_questions(art, list(analysis.quotes), list(analysis.people)),
           *figure_source_questions(art, list(analysis.figures), list(analysis.quotes), list(analysis.people)),
           *editorializing_questions(art, list(analysis.quotes), list(analysis.editorializing))]
    assert [validate_question(q, text) for q in raw if validate_question(q, text)] == []
    assert Counter(q.kind for q in raw) == Counter(q.kind for q in analysis.questions)


@pytest.mark.slow
@pytest.mark.parametrize("stem", sample_params())
def test_sample_answers_are_found_by_the_extractors(stem, analysis_of):
    text, analysis = analysis_of(stem)
    quotes = {(q.start, q.end): q for q in analysis.quotes}
    figures = {(f.start, f.end): f for f in analysis.figures}
    loaded = {(e.start, e.end) for e in analysis.editorializing}
    figure_keys = Counter()
    for q in analysis.questions:
        ev = (q.evidence[0].start, q.evidence[0].end)
        if q.kind == "who_quoted":
            assert correct(q).key == quotes[ev].speaker
        elif q.kind == "figure_source":
            assert correct(q).key == figures[ev].source
            figure_keys[correct(q).key] += 1
        else:
            assert (correct(q).start, correct(q).end) in loaded
    if figure_keys:
        assert max(figure_keys.values()) * 2 <= sum(figure_keys.values())


# ------------------------------------------------------------------- strong evidence only (skip rules)

WHO = ("Marie Dubois a présenté le budget mardi. « Nous tiendrons les comptes sans hausse d'impôts », a déclaré "
       "Marie Dubois.\n\n"
       "Paul Martin, de l'opposition, conteste. « Ce budget cache une dette énorme et croissante », a-t-il dit.\n\n"
       "Jeanne Roy est arrivée ensuite. « Il faut revoir toute la copie avant le vote final », a-t-il ajouté.\n\n"
       "« Les habitants paieront la note dès cette année », a confié un ancien adjoint au maire.\n\n"
       "La séance a duré trois heures. Le public est resté nombreux.\n\n"
       "« Nous voterons contre ce texte sans la moindre hésitation. » La séance reprendra jeudi. Elle a prévenu.\n")


def _who(quotes, people):
    return {correct(q).key for q in who_quoted_questions(article(WHO), quotes, people)}


def test_who_quoted_keeps_a_cue_that_names_the_speaker_or_an_unnamed_source():
    people = [person(WHO, "Marie Dubois", gender="f"), person(WHO, "Paul Martin", gender="m"),
              person(WHO, "Jeanne Roy", gender="f")]
    quotes = [quote(WHO, "Nous tiendrons les comptes sans hausse d'impôts", "Marie Dubois", "a déclaré Marie Dubois"),
              quote(WHO, "Ce budget cache une dette énorme et croissante", "Paul Martin", "a-t-il dit"),
              quote(WHO, "Les habitants paieront la note dès cette année", "un ancien adjoint au maire",
                    "a confié un ancien adjoint au maire", named=False)]
    assert _who(quotes, people) == {"Marie Dubois", "Paul Martin", "un ancien adjoint au maire"}


def test_who_quoted_skips_a_pronoun_whose_latest_antecedent_is_someone_else():
    people = [person(WHO, "Paul Martin", gender="m"), person(WHO, "Jeanne Roy", gender="f")]
    # « a-t-il ajouté » after Jeanne Roy: the latest man named is Paul Martin, but a woman stands between.
    quotes = [quote(WHO, "Ce budget cache une dette énorme et croissante", "Paul Martin", "a-t-il dit"),
              quote(WHO, "Il faut revoir toute la copie avant le vote final", "Jeanne Roy", "a-t-il ajouté")]
    assert _who(quotes, people) == {"Paul Martin"}


def test_who_quoted_skips_a_cue_two_sentences_away():
    people = [person(WHO, "Marie Dubois", gender="f"), person(WHO, "Paul Martin", gender="m")]
    quotes = [quote(WHO, "Ce budget cache une dette énorme et croissante", "Paul Martin", "a-t-il dit"),
              quote(WHO, "Nous voterons contre ce texte sans la moindre hésitation", "Marie Dubois", "Elle a prévenu")]
    assert _who(quotes, people) == {"Paul Martin"}


def test_who_quoted_skips_definite_roles_common_nouns_and_sentence_openers_as_answers():
    people = [person(WHO, "Paul Martin", gender="m")]
    quotes = [quote(WHO, "Ce budget cache une dette énorme et croissante", "Paul Martin", "a-t-il dit"),
              quote(WHO, "Nous tiendrons les comptes sans hausse d'impôts", "le maire", "a déclaré Marie Dubois",
                    named=False),
              quote(WHO, "Les habitants paieront la note dès cette année", "une note", "a confié un ancien adjoint",
                    named=False),
              quote(WHO, "Il faut revoir toute la copie avant le vote final", "La séance", "a-t-il ajouté")]
    assert _who(quotes, people) == {"Paul Martin"}


FIG = ("Selon l'Insee, le chômage touche 7,3 % des actifs dans le pays. La hausse est de 0,2 point.\n\n"
       "Le stade compte 12 000 places.\n\n"
       "Des salariés évoquent 45 départs. La direction a confirmé 30 licenciements.\n")


def test_figure_source_none_needs_a_paragraph_without_any_source_marker():
    figs = [figure(FIG, "0,2 point", "none"), figure(FIG, "12 000 places", "none"),
            figure(FIG, "7,3 %", "official", "l'Insee", "Selon")]
    keys = [correct(q).key for q in figure_source_questions(article(FIG), figs)]
    assert keys == ["official", "none"]  # « 0,2 point » sits next to « Selon l'Insee »: skipped


def test_figure_source_skips_a_source_far_away_or_of_the_wrong_form():
    figs = [figure(FIG, "12 000 places", "official", "l'Insee", "Selon"),  # source two paragraphs away
            figure(FIG, "45 départs", "official", "Des salariés", "évoquent"),  # indefinite: not official
            figure(FIG, "30 licenciements", "anonymous", "La direction", "a confirmé"),  # definite: not anonymous
            figure(FIG, "7,3 %", "study", "l'Insee", "dans")]  # « dans » locates, it does not attribute
    assert figure_source_questions(article(FIG), figs) == []


QUOTED = ("La maire, Claire Fabre, a présenté le budget mardi. Selon l'Insee, 12 % des familles attendent une place.\n\n"
          "« Nous avons ouvert 240 places de crèche cette année », a-t-elle déclaré.\n\n"
          "« On nous a promis 3 millions d'euros de plus, mais rien n'est venu. »\n\n"
          "Un habitant a payé quatre mensualités de trop.\n")


def test_a_figure_inside_a_quotation_is_never_unsourced_and_needs_a_proven_speaker():
    people = [person(QUOTED, "Claire Fabre", gender="f")]
    quotes = [quote(QUOTED, "Nous avons ouvert 240 places de crèche cette année", "Claire Fabre", "a-t-elle déclaré"),
              quote(QUOTED, "On nous a promis 3 millions d'euros de plus, mais rien n'est venu", None)]
    figs = [figure(QUOTED, "240 places", "person", "Claire Fabre", "a-t-elle déclaré", value=240),
            figure(QUOTED, "3 millions d'euros", "none", value=3e6),
            figure(QUOTED, "12 %", "official", "l'Insee", "Selon", value=12)]
    keys = [correct(q).key for q in figure_source_questions(article(QUOTED), figs, quotes, people)]
    assert keys == ["official", "person"]  # the parent's figure sits in a quotation: « aucune source » would be wrong


def test_a_small_bare_count_is_not_a_sourcing_question():
    figs = [figure(QUOTED, "quatre mensualités", "none", value=4),
            figure(QUOTED, "12 %", "official", "l'Insee", "Selon", value=12)]
    keys = [correct(q).key for q in figure_source_questions(article(QUOTED), figs, [], [])]
    assert "none" not in keys


def test_no_who_quoted_question_when_another_man_was_named_since_the_speaker():
    """« il » after the prosecutor spoke, then the accused and the judge were named: the pronoun could be
    anyone's, so no question is asked about it; the quote whose cue names its speaker still is."""
    text = ("« Vous avez semé la terreur pour quelques montres », a lancé l'avocat général Bertrand Lemaire. Il a "
            "décrit Kévin Roussel comme l'organisateur. Interrogé par le président, Jean-Marc Ferrand, "
            "« J'étais le chauffeur, c'est tout, je le jure devant vous », a-t-il répété.")
    quotes = [quote(text, "Vous avez semé la terreur pour quelques montres", "Bertrand Lemaire",
                    "a lancé l'avocat général Bertrand Lemaire"),
              quote(text, "J'étais le chauffeur, c'est tout, je le jure devant vous", "Bertrand Lemaire",
                    "a-t-il répété")]
    people = [person(text, "Bertrand Lemaire", gender="m"), person(text, "Kévin Roussel", gender="m"),
              person(text, "Jean-Marc Ferrand", gender="m")]
    asked = {q.evidence[0].start for q in who_quoted_questions(article(text), quotes, people)}
    assert quotes[0].start in asked and quotes[1].start not in asked
