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
