"""People: one canonical name per person, whatever spelling the article uses."""

from __future__ import annotations

import pytest

from webapp.analysis import load_nlp
from webapp.analysis.people import canonical_name, find_people
from webapp.analysis.text import Article, normalize


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def people_of(nlp, text):
    norm = normalize(text)
    return find_people(Article(norm=norm, doc=nlp(norm.text)))


def test_surname_caps_and_typo_map_to_the_fullest_name(nlp):
    text = ("MARIE Lefebvre, experte en climat, a présenté son rapport. Marie Lefebvre a ajouté que la "
            "situation était grave. Plus tard, Lefebvre a répété son avertissement et Mairie a souri.")
    people = people_of(nlp, text)
    names = [p.name for p in people]
    assert names.count("Marie Lefebvre") == 1
    person = next(p for p in people if p.name == "Marie Lefebvre")
    assert person.gender == "f"
    assert len(person.mentions) >= 3
    for m in person.mentions:
        assert text[m.start:m.end].split()[-1] in {"Lefebvre", "MARIE", "Marie"} or "Lefebvre" in text[m.start:m.end]


def test_title_gives_gender_and_is_not_part_of_the_name(nlp):
    people = people_of(nlp, "Selon M. Bernard Caron, le projet avance. Le Dr Caron l'a confirmé hier.")
    (person,) = [p for p in people if "Caron" in p.name]
    assert person.name == "Bernard Caron" and person.gender == "m"
    assert canonical_name(people, "Dr Caron") == "Bernard Caron"
    assert canonical_name(people, "Inconnu") is None


def test_role_in_apposition_before_the_name_gives_role_and_gender():
    from webapp.analysis import load_nlp
    from webapp.analysis.people import find_people
    from webapp.analysis.text import Article, normalize

    text = "La présidente du conseil départemental, Yvette Carmaux, a inauguré le collège."
    norm = normalize(text)
    (person,) = find_people(Article(norm=norm, doc=load_nlp()(norm.text)))
    assert (person.name, person.gender) == ("Yvette Carmaux", "f")
    assert any(r.startswith("président") for r in person.roles)


def test_name_after_a_place_noun_is_a_place():
    from webapp.analysis import load_nlp
    from webapp.analysis.people import find_people
    from webapp.analysis.text import Article, normalize

    text = ("Le concert aura lieu à l'espace Marcel-Doret, rue Lucien Bonnard, près du quartier "
            "de Saint-Rémy. Le maire Alain Fourcade l'a confirmé.")
    norm = normalize(text)
    names = [p.name for p in find_people(Article(norm=norm, doc=load_nlp()(norm.text)))]
    assert names == ["Alain Fourcade"]


def test_rank_prefixes_keep_the_office():
    from webapp.analysis.people import feminine_role, role_lemma
    assert role_lemma("vice-présidente") == role_lemma("présidente") is not None
    assert role_lemma("ex-ministre") == "ministre"
    assert feminine_role("vice-directrice") == feminine_role("directrice") is True


def _gender_of(nlp, text, surname):
    (person,) = [p for p in people_of(nlp, text) if surname in p.name]
    return person.gender


def test_given_name_tells_gender_when_the_text_does_not(nlp):
    assert _gender_of(nlp, "Julien Arnoux-Petit travaille au CNRS depuis dix ans.", "Arnoux") == "m"
    assert _gender_of(nlp, "Hélène Vasseur travaille au CNRS depuis dix ans.", "Vasseur") == "f"
    assert _gender_of(nlp, "Helene Vasseur travaille au CNRS depuis dix ans.", "Vasseur") == "f"


def test_epicene_given_name_gives_no_gender(nlp):
    assert _gender_of(nlp, "Camille Roussel travaille au CNRS depuis dix ans.", "Roussel") is None
    assert _gender_of(nlp, "Dominique Vasseur travaille au CNRS depuis dix ans.", "Vasseur") is None


def test_text_evidence_beats_the_given_name(nlp):
    assert _gender_of(nlp, "Selon Mme Julien Arnoux, le projet avance.", "Arnoux") == "f"
    assert _gender_of(nlp, "La présidente du club, Pierre Vasseur, a démissionné.", "Vasseur") == "f"


def test_compound_given_name_goes_by_its_first_part(nlp):
    assert _gender_of(nlp, "Jean-Marie Vasseur travaille au CNRS depuis dix ans.", "Vasseur") == "m"
    assert _gender_of(nlp, "Marie-Claude Vasseur travaille au CNRS depuis dix ans.", "Vasseur") == "f"


def test_first_name_gender_needs_a_surname():
    from webapp.analysis.people import first_name_gender

    assert first_name_gender("Julien") is None
    assert first_name_gender("Michèle Alliot-Marie") == "f" and first_name_gender("Michele Emiliano") == "m"
    assert first_name_gender("Andrea Rossi") is None


def test_a_famous_name_used_as_a_nickname_is_not_a_person():
    from webapp.analysis import load_nlp
    from webapp.analysis.text import Article, normalize

    text = "Gaspard Morvan, le Napoléon des fourneaux, a répondu. Le cuisinier n'a rien dit d'autre."
    norm = normalize(text)
    people = find_people(Article(norm=norm, doc=load_nlp()(norm.text)))
    assert [p.name for p in people] == ["Gaspard Morvan"]


def test_given_names_of_two_genders_one_letter_apart_are_two_people():
    text = ("Julien Castagné, éleveur, a pris la parole. Julie, 24 ans, est venue aussi. "
            "Dimitri Volkov a répondu ; Dmitri Volkov est analyste.")
    norm = normalize(text)
    people = find_people(Article(norm=norm, doc=load_nlp()(norm.text)))
    assert sorted(p.name for p in people) == ["Dimitri Volkov", "Julie", "Julien Castagné"] or \
        sorted(p.name for p in people) == ["Dmitri Volkov", "Julie", "Julien Castagné"]


def test_a_one_word_brand_is_not_a_person_and_photo_captions_credit_no_one():
    text = ("Le loueur de vélos Vélocity a reconnu une cyberattaque.\n\nUne station Vélocity à Lyon. Photo "
            "d'illustration Karim Benali\n\nLe directeur, Aurélien Mesnil, a répondu. Vélocity conteste.")
    norm = normalize(text)
    people = find_people(Article(norm=norm, doc=load_nlp()(norm.text)))
    assert [p.name for p in people] == ["Aurélien Mesnil"]


def test_a_public_body_is_not_a_person_and_a_place_is_not_part_of_a_name():
    text = ("Selon Santé publique France, 1,2 million de personnes sont concernées. L'association France "
            "Alzheimer, par la voix de Martine Lebrun, s'inquiète. En France, les familles attendent.")
    norm = normalize(text)
    people = find_people(Article(norm=norm, doc=load_nlp()(norm.text)))
    assert [p.name for p in people] == ["Martine Lebrun"]
    assert len(people[0].mentions) == 1


def test_a_caption_typo_does_not_outweigh_the_spelling_of_a_full_sentence(nlp):
    # A pull quote or caption line (no final punctuation) often misspells the name; the spelling used in the
    # body's sentences wins, even when the parser runs the caption into the paragraph after it.
    text = ("Les dirigeants se moquent de tout Olga Vartanian\n\n"
            "La guerre a exposé l'armée russe. S'adressant à la radio, Olga Vartanyan, experte basée à Washington, a déclaré que la position "
            "du Kremlin était intenable.\n\n"
            "La guerre continue dans l'est du pays.")
    (person,) = [p for p in people_of(nlp, text) if p.name.startswith("Olga")]
    assert person.name == "Olga Vartanyan"
