"""Quotations and speakers: exact on hand-checked samples, and one small text per attribution pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.analysis import load_nlp
from webapp.analysis.people import find_people
from webapp.analysis.quotes import find_quotations
from webapp.analysis.text import Article, normalize
from webapp.content import read_article

from .quote_metrics import EXPECTED_DIR, load_expected, score_quotes

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "content" / "articles").glob("*.md")) + sorted(
    Path("/work/shared/corpus").glob("fresada-*.txt"))


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quotes_of(nlp, text: str):
    norm = normalize(text)
    article = Article(norm=norm, doc=nlp(norm.text))
    return find_quotations(article, find_people(article))


@pytest.fixture(scope="module")
def sample_quotes(nlp):
    out = {}
    for path in SAMPLES:
        if (EXPECTED_DIR / f"{path.stem}.yaml").exists():
            text = read_article(path).body
            out[path.stem] = (text, quotes_of(nlp, text))
    return out


def by_prefix(quotes, prefix):
    found = [q for q in quotes if q.text.replace("’", "'").startswith(prefix.replace("’", "'"))]
    assert found, f"no quotation starting {prefix!r}"
    return found[0]


def test_every_sample_has_hand_checked_expectations():
    for path in SAMPLES:
        assert (EXPECTED_DIR / f"{path.stem}.yaml").exists(), path.stem


def test_quote_text_is_exactly_in_the_article(sample_quotes):
    for text, quotes in sample_quotes.values():
        for q in quotes:
            assert text[q.start:q.end] == q.text
            assert q.text == q.text.strip() and q.text[:1] not in "«»“”\""


def test_scare_quotes_have_no_speaker(sample_quotes):
    for _, quotes in sample_quotes.values():
        assert all(q.speaker is None for q in quotes if q.kind == "scare")


def test_precision_and_recall_over_the_samples(sample_quotes):
    totals = {"tp": 0, "fp": 0, "fn": 0, "right": 0}
    for stem, (text, quotes) in sample_quotes.items():
        score = score_quotes(quotes, load_expected(stem), text)
        for k in ("tp", "fp", "fn"):
            totals[k] += score[k]
        totals["right"] += round(score["speaker_accuracy"] * score["tp"])
    precision = totals["tp"] / (totals["tp"] + totals["fp"])
    recall = totals["tp"] / (totals["tp"] + totals["fn"])
    assert precision >= 0.9 and recall >= 0.9


# Speaker accuracy measured on each sample (right speakers / quotations found).  Each floor is the honest
# measured value, so that any regression fails; raise a floor when a rule improves an article.  The target
# is 0.9 on unseen articles; what the samples still miss is listed in the report of issue 2.
SPEAKER_FLOORS = {
    "poutine-100-000-soldats": 1.0,
    "poutine-exode-militaire": 1.0,
    "poutine-menaces-mobilisation": 17 / 18,
    "fresada-000000879": 1.0,
    "fresada-000002376": 10 / 12,
    "fresada-000007141": 4 / 5,
    "fresada-000007201": 1.0,
    "fresada-000007557": 25 / 29,
    "fresada-000008490": 1.0,
    "fresada-000010957": 8 / 9,
}
OVERALL_SPEAKER_FLOOR = 112 / 121


def test_speakers_over_all_samples(sample_quotes):
    right = tp = 0
    for stem, (text, quotes) in sample_quotes.items():
        score = score_quotes(quotes, load_expected(stem), text)
        right += round(score["speaker_accuracy"] * score["tp"])
        tp += score["tp"]
    assert right / tp >= OVERALL_SPEAKER_FLOOR - 1e-9


@pytest.mark.parametrize("stem", sorted(SPEAKER_FLOORS))
def test_speakers_per_sample(sample_quotes, stem):
    text, quotes = sample_quotes[stem]
    assert score_quotes(quotes, load_expected(stem), text)["speaker_accuracy"] >= SPEAKER_FLOORS[stem] - 1e-9


def test_pronoun_goes_to_the_latest_source_not_the_article_subject(sample_quotes):
    _, quotes = sample_quotes["poutine-100-000-soldats"]
    # "Poutine" is named between the introduction of the expert and "a-t-elle déclaré".
    assert by_prefix(quotes, "La guerre a exposé").speaker == "Olga Lautman"
    assert by_prefix(quotes, "Les dirigeants ne se soucient").speaker == "Olga Lautman"


def test_elle_a_poursuivi_and_incise(sample_quotes):
    _, quotes = sample_quotes["poutine-100-000-soldats"]
    assert by_prefix(quotes, "Si quelqu’un entre chez vous").speaker == "Olga Lautman"
    assert by_prefix(quotes, "cela n’arrivera pas").speaker == "Olga Lautman"


def test_multi_paragraph_quote_is_one_quotation(sample_quotes):
    text, quotes = sample_quotes["poutine-menaces-mobilisation"]
    q = by_prefix(quotes, "Le défi, c’est")
    assert q.text.endswith("il ne se laisse pas d’issue.")
    assert q.speaker == "Dmitri Alperovitch"


def test_unnamed_sources_are_reported_as_written(sample_quotes):
    _, quotes = sample_quotes["poutine-menaces-mobilisation"]
    q = by_prefix(quotes, "un dernier coup de dés")
    assert (q.speaker, q.kind, q.speaker_named) == ("des experts", "partial", False)


def test_scare_quotes(sample_quotes):
    _, quotes = sample_quotes["poutine-100-000-soldats"]
    for prefix in ("hachoir à viande", "Blowing up Russia", "libérateurs"):
        q = by_prefix(quotes, prefix)
        assert (q.kind, q.speaker) == ("scare", None)


def test_pull_quote_caption_is_the_speaker_not_a_new_person(nlp, sample_quotes):
    _, quotes = sample_quotes["poutine-menaces-mobilisation"]
    caption = [q for q in quotes if q.caption]
    assert caption and caption[0].speaker == "Dmitri Alperovitch"
    text = read_article(ROOT / "content/articles/poutine-100-000-soldats.md").body
    norm = normalize(text)
    names = [p.name for p in find_people(Article(norm=norm, doc=nlp(norm.text)))]
    assert "Olga Lautman" in names and not any("Lautmann" in n for n in names)


# --- one small text per attribution pattern -----------------------------------------------------------

def test_inverted_pronoun_after_quote(nlp):
    text = ("La ministre Claire Dubois a présenté le budget mardi.\n\n"
            "« Nous tiendrons nos engagements », a-t-elle déclaré.")
    (q,) = quotes_of(nlp, text)
    assert (q.text, q.speaker, q.kind) == ("Nous tiendrons nos engagements", "Claire Dubois", "direct")


def test_subject_after_verb(nlp):
    text = "« La crue va durer », a affirmé l'hydrologue Marc Lenoir, de Météo-France."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Marc Lenoir"


def test_selon(nlp):
    text = "Selon Paul Martin, « rien n'est joué pour les élections de dimanche ». Le scrutin reste ouvert."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Paul Martin"


def test_colon_attribution_and_continuation(nlp):
    text = ("Le maire Jean Roux a répondu : « Nous avons fait ce qu'il fallait pour la ville.\n\n"
            "« Les travaux commenceront en mai. »")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Jean Roux" and "Les travaux commenceront" in q.text


def test_two_quotes_around_an_attribution(nlp):
    text = "Le député Luc Blanc a réagi lundi.\n\n« C'est une erreur », a-t-il ajouté. « Nous ferons appel. »"
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Luc Blanc", "Luc Blanc"]


def test_unnamed_source(nlp):
    text = "« Le dossier est vide », confie une source proche de l'enquête."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "une source proche de l'enquête" and not q.speaker_named


def test_scare_quote_without_speaker(nlp):
    text = "Depuis des semaines, cette « réforme juste » ne convainc pas les syndicats."
    (q,) = quotes_of(nlp, text)
    assert (q.kind, q.speaker) == ("scare", None)


def test_parler_de_gives_the_words_of_its_subject(nlp):
    """« Le gouvernement parle d'une « réforme juste » »: the government calls it so (a verb of saying)."""
    text = "Le gouvernement parle d'une « réforme juste » depuis des semaines, sans convaincre les syndicats."
    (q,) = quotes_of(nlp, text)
    assert (q.kind, q.speaker) == ("partial", "Le gouvernement")


def test_description_resolves_to_the_organisation_introduced_with_it(nlp):
    text = ("Au moins 100 personnes ont été arrêtées, a affirmé l'organisation Droits-Ici, spécialisée dans "
            "le suivi des manifestations. « Les arrestations continuent », a ajouté l'ONG sur Twitter.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Droits-Ici"


def test_participle_takes_the_subject_of_its_clause(nlp):
    text = ("Le député Paul Vidal s'est défendu lundi, affirmant que son épouse ne travaillait plus pour lui "
            "depuis « plus de dix ans ».")
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.kind) == ("Paul Vidal", "partial")


def test_role_of_another_person_is_not_that_person(nlp):
    text = ("Le parquet a ouvert une enquête contre Marc Lebon. Le porte-parole de Jean Dufour a déclaré "
            "qu'il porterait plainte. Il affirme avoir « toujours déclaré ses revenus ».")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Marc Lebon"


# --- rules for unseen articles (hand-built sentences) -------------------------------------------------

@pytest.mark.parametrize("verb", ["estime", "glisse", "souligne", "juge", "rappelle", "soutient"])
def test_present_tense_inverted_verb(nlp, verb):
    text = f"« Le marché du logement reste bloqué pour longtemps », {verb} Lucienne Barbeau, notaire à Rouen."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Lucienne Barbeau"


def test_present_tense_inverted_verb_with_unnamed_source(nlp):
    text = "« Personne ne votera ce texte en l'état », glisse un député de la majorité."
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.speaker_named) == ("un député de la majorité", False)


def test_multiword_speech_verb(nlp):
    text = "« Les stocks suffiront jusqu'au printemps », a fait valoir jeudi le directeur Armand Tessier."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Armand Tessier"


@pytest.mark.parametrize("role", ["l'entraîneur nantais", "la secrétaire générale de la CGT",
                                  "le procureur de la République"])
def test_role_then_name_in_apposition_is_the_name(nlp, role):
    text = f"« Nous irons jusqu'au bout », a déclaré samedi à Brest {role}, Odile Ferrandon."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Odile Ferrandon"


def test_later_role_synonym_is_the_person_introduced_with_the_role(nlp):
    text = ("Le procureur de Lorient, Gilles Marchetti, a ouvert une enquête. L'avocat Paul Ribaud conteste.\n\n"
            "Le magistrat a ensuite précisé : « Aucune piste n'est écartée à ce stade. »")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Gilles Marchetti"


@pytest.mark.parametrize("sentence", [
    "La sociologue Rose Delmas a présenté son rapport. La sociologue juge « très fragile » le projet de tramway.",
    "L'urbaniste Rose Delmas salue « un vrai progrès » pour le quartier.",
    "L'urbaniste Rose Delmas a défendu lundi un projet « sobre et utile ».",
])
def test_partial_quote_after_a_stance_verb(nlp, sentence):
    (q,) = quotes_of(nlp, sentence)
    assert (q.kind, q.speaker) == ("partial", "Rose Delmas")


@pytest.mark.parametrize("noun", ["l'émission", "le film", "la série", "l'album"])
def test_title_of_a_work_is_a_scare_quote(nlp, noun):
    text = f"Le chanteur Rémi Castaing, qui a déclaré aimer la mer, sera dans {noun} « Les Vagues du nord » en mars."
    q = by_prefix(quotes_of(nlp, text), "Les Vagues")
    assert (q.kind, q.speaker) == ("scare", None)


@pytest.mark.parametrize("statement", [
    "La géographe Anne Quillec met en garde contre les conclusions hâtives.",
    "La géographe Anne Quillec évoque le cas des digues de la baie.",
    "Pour la géographe Anne Quillec, la côte recule plus vite que prévu.",
])
@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_quotation_after_a_statement_sentence_is_its_speaker(nlp, statement, gap):
    text = f"Le littoral breton s'érode. {statement}{gap}« Chaque hiver emporte deux mètres de dune. »"
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Anne Quillec"


def test_statement_sentence_with_a_vague_description_gives_no_speaker(nlp):
    text = "Le littoral s'érode. La géographe évoque le cas des digues.\n\n« Chaque hiver emporte une dune. »"
    (q,) = quotes_of(nlp, text)
    assert q.speaker is None


@pytest.mark.parametrize("idiom", ["tire la sonnette d'alarme sur", "attire l'attention sur"])
def test_idiom_of_warning_is_a_speech_verb(nlp, idiom):
    text = f"L'association Mer Propre {idiom} des filets « abandonnés par milliers au fond de la rade »."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Mer Propre"  # the organisation by its own name (« l'association X » → X)


@pytest.mark.parametrize("lead", [
    "On retiendra surtout les propos de Lucie Ferrat, ",
    "Le Premier ministre, Lucie Ferrat, était attendue. La réponse de la Première ministre : ",
    "La navigatrice Lucie Ferrat a fini troisième. Sa réaction : ",
])
def test_noun_of_speech_before_the_quotation_names_its_owner(nlp, lead):
    (q,) = quotes_of(nlp, f"{lead}« Le vent a tourné trop tôt pour nous. »")
    assert q.speaker == "Lucie Ferrat"


def test_indefinite_des_is_not_a_fused_article(nlp):
    (q,) = quotes_of(nlp, "La réforme est « un pari très risqué pour le pays », ont affirmé des économistes.")
    assert q.speaker == "des économistes"


def test_heading_repeating_a_quotation_takes_its_speaker(nlp):
    text = ("« Le vent a tourné trop tôt »\n\nLa navigatrice Lucie Ferrat a fini troisième à Lorient.\n\n"
            "« Le vent a tourné trop tôt », a regretté Lucie Ferrat à l'arrivée.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Lucie Ferrat", "Lucie Ferrat"]


def test_headline_quote_after_a_topic_and_a_colon_repeats_words_of_the_body(nlp):
    """« Inondations dans le Var : « … » » names no one: the words are those of the person who says them below."""
    text = ("Inondations dans le Var : « Nous avons tout perdu en une heure »\n\n"
            "La crue a emporté trois ponts dimanche.\n\n"
            "Sur le seuil de sa maison, Martine Roux fait le compte : « Les meubles, les papiers, les photos. Nous avons "
            "tout perdu en une heure. »")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Martine Roux", "Martine Roux"]


def test_a_bare_noun_taking_up_a_word_of_an_organisation_named_before_is_that_organisation(nlp):
    text = ("Selon l'Office interprofessionnel du lait de Savoie (OILS), la collecte a baissé de 8 %. « Les éleveurs "
            "ont réduit leurs troupeaux », précise l'interprofession dans un communiqué.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker.startswith("Office interprofessionnel du lait de Savoie")


def test_a_noun_with_its_own_modifiers_is_not_another_body_sharing_the_word(nlp):
    text = ("Selon le ministère britannique de la Défense, les pertes sont lourdes. Le ministère russe de la Défense "
            "a affirmé avoir « libéré » le village.")
    (q,) = quotes_of(nlp, text)
    assert "britannique" not in (q.speaker or "")


def test_a_generic_noun_for_a_body_takes_up_the_body_the_sentence_before_is_about(nlp):
    text = ("La chambre régionale des comptes de Bretagne, elle, reste prudente. « Les dépenses de personnel "
            "progressent plus vite que les recettes », relève l'institution dans son rapport.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "La chambre régionale des comptes de Bretagne"


def test_la_chercheuse_takes_up_the_political_scientist(nlp):
    text = ("Sophie Garnier a remporté l'élection. « C'est une victoire collective », a-t-elle déclaré.\n\n"
            "Pour Anne Rivière, politiste à l'université de Caen, les reports de voix « ont fonctionné ». Selon ses "
            "estimations, 60 % des électeurs écologistes ont voté pour Sophie Garnier.\n\n"
            "Sophie Garnier, elle, a fêté sa victoire avec ses militants. « La "
            "participation est restée faible, et les sondages la mesurent mal », nuance la chercheuse.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Sophie Garnier", "Anne Rivière", "Anne Rivière"]


def test_a_description_in_the_body_never_means_someone_named_only_further_down(nlp):
    """« ajoute le magistrat » after the presiding judge's question is the judge, not the prosecutor the
    article names two paragraphs later; a chapô may still announce the prosecutor named below."""
    text = ("Incendie de l'entrepôt : deux ans requis\n\n"
            "Le procureur a requis deux ans de prison contre l'ancien directeur du site.\n\n"
            "Par Julie Morel\n\n"
            "« Vous n'avez rien vu ? » s'est étonné le président du tribunal, Paul Girard. « Et personne n'a "
            "donné l'alerte ? » ajoute le magistrat.\n\n"
            "Le procureur, Marc Oudin, a dénoncé « une faute lourde ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Girard", "Paul Girard", "Marc Oudin"]


def test_l_elu_takes_up_the_deputy_mayor(nlp):
    text = ("« Nous allons doubler les contrôles », annonce Paul Morel, adjoint au maire chargé du logement. "
            "La présidente des propriétaires, Anne Roy, dénonce un dispositif « inapplicable ». Seules 17 amendes "
            "ont été prononcées, selon l'élu, qui réclame « davantage de moyens » à l'Etat.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Morel", "Anne Roy", "Paul Morel"]


def test_a_surname_the_recogniser_reads_as_a_place_is_still_the_person(nlp):
    text = ("Le Basque Iker Zubiaurre a fini troisième de l'étape.\n\n"
            "Zubiaurre, retardé par une chute en milieu d’étape, nourrit quelques regrets : « Sans ça, je pouvais "
            "jouer la victoire. Mais les jambes sont bonnes. »")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Iker Zubiaurre"


def test_a_paragraph_that_is_only_a_quotation_gives_the_floor_to_the_person_the_paragraph_before_ended_on(nlp):
    text = ("Le jury a couronné « Les Jours clairs », de la réalisatrice Claire Noval. Le lendemain, à la terrasse "
            "d'un café, la cinéaste de 41 ans revenait sur ce prix inattendu.\n\n"
            "« Je ne m'y attendais pas du tout. Nous avons tourné en vingt-cinq jours, avec 900 000 euros. »")
    quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker == "Claire Noval"


def test_a_hyphenated_rugby_position_is_one_role(nlp):
    text = ("Sorti à la 52e minute, Romain Esquerre, lui, faisait amende honorable. « J’ai mis l’équipe dans la "
            "difficulté », reconnaissait le troisième-ligne.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Romain Esquerre"


def test_an_epithet_far_from_the_headline_that_named_him_is_the_one_man_named(nlp):
    text = ("Greg Dumaine pris à son propre piège\n\n"
            "Une vanne douteuse, une avalanche de messages indignés et une production aux abois : l'animateur vit la "
            "pire semaine de sa carrière. Les audiences de l'émission avaient pourtant battu des records cet été, "
            "avec plus de deux millions de téléspectateurs chaque soir selon Médiamétrie.\n\n"
            "Samedi soir, en plein direct, le sémillant quadra aux dents trop blanches a cru bon de lancer à Inès, "
            "22 ans, candidate de l'émission : « Avec toi, il faudra deux transats sur la plage ! »")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Greg Dumaine"


def test_a_short_capitalised_title_is_nobody_s_words_despite_a_selon(nlp):
    text = ("Selon Médiamétrie, la finale de « Tous en chœur » a réuni 5,2 millions de téléspectateurs. Selon "
            "Mathieu Roche, le directeur des programmes, « la saison prochaine sera plus longue ».")
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [("Tous en chœur", None),
                                                     ("la saison prochaine sera plus longue", "Mathieu Roche")]


def test_a_headline_opening_on_a_quotation_and_a_colon_gives_it_to_the_one_person_named_after(nlp):
    text = ("« Je ne suis pas la maire des promoteurs » : à Montfleury, Nadia Benhamou défend son bilan\n\n"
            "À un an des municipales, la maire revient sur son mandat. Rencontre.\n\n"
            "Elle reçoit dans son bureau de l'hôtel de ville, dossiers empilés sur la table de réunion.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Nadia Benhamou"


def test_an_organisation_and_its_acronym_before_a_relative_clause_is_the_speaker(nlp):
    text = ("Un marché a été bombardé dimanche dans le camp d'Abou Chouk.\n\n"
            "Médecins sans frontières (MSF), qui soutient un hôpital de campagne à Abou Chouk, dit avoir reçu « 63 "
            "blessés en quelques heures, dont une majorité de femmes et d'enfants ».")
    (q,) = quotes_of(nlp, text)
    assert q.speaker.startswith("Médecins sans frontières")


def test_an_incise_with_an_object_pronoun_before_its_verb(nlp):
    text = ("« J'avais bu à un anniversaire », a déclaré le prévenu. « Vous pensiez ? Avec près de deux grammes "
            "dans le sang ? », l'a interrompu la présidente, Anne-Sophie Quéré.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["le prévenu", "Anne-Sophie Quéré"]


def test_owners_and_tenants_can_speak(nlp):
    text = "La mairie promet plus de contrôles, les propriétaires dénoncent un dispositif « inapplicable »."
    (q,) = quotes_of(nlp, text)
    assert (q.kind, q.speaker) == ("partial", "les propriétaires")


def test_a_verbless_sentence_after_an_attribution_goes_on_with_its_speaker(nlp):
    text = ("« C'est la victoire de la ténacité », a lancé la nouvelle députée, Claire Bernier, sous les "
            "applaudissements. Avant de promettre d'être « la députée de tous, y compris de ceux qui n'ont pas voté "
            "pour moi ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Claire Bernier", "Claire Bernier"]


def test_a_quoted_quantity_under_a_pronoun_subject_is_that_person_s_claim(nlp):
    text = ("« Nous voulons former ici nos ingénieurs », a déclaré Paul Verger, le ministre, lors d'une conférence "
            "de presse. Il a cité l'enseignement supérieur, avec l'objectif de « doubler le nombre d'étudiants en "
            "France d'ici 2030 ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Verger", "Paul Verger"]


def test_a_second_subject_whose_verb_of_saying_is_left_out_is_the_author(nlp):
    text = ("Le SNUipp-FSU, premier syndicat du primaire, revendique de son côté 45 % de grévistes dans les écoles, "
            "et le Snes-FSU « plus de 40 % » dans les collèges et lycées.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Snes-FSU"


def test_a_long_fragment_with_no_attribution_goes_on_with_the_paragraph_s_witness(nlp):
    text = ("Claire Bouvet, pharmacienne, confirme : « Des patients viennent nous demander où trouver un médecin. "
            "Tous les jours. » Depuis janvier, elle en compte « au moins dix par jour ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Claire Bouvet", "Claire Bouvet"]


def test_an_office_in_a_named_body_is_not_the_person_the_article_is_about(nlp):
    text = ("Hugo Castaing décroche sa troisième étoile\n\n"
            "Hugo Castaing a reçu lundi sa troisième étoile pour son restaurant toulousain. À 31 ans, il "
            "devient l'un des plus jeunes chefs triplement étoilés de l'histoire du guide.\n\n"
            "« Sa cuisine est d'une justesse rare », a salué le directeur international du Guide Michelin dans un "
            "communiqué.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "le directeur international du Guide Michelin"


def test_a_colon_gives_the_floor_to_a_subject_cut_off_by_a_relative_before_a_reflexive_or_negated_verb(nlp):
    text = ("Un agent immobilier de Nantes, qui a souhaité rester anonyme, se montre plus sombre : « Beaucoup de "
            "vendeurs n'ont pas compris que la fête était finie. »\n\n"
            "Olena, 44 ans, dont le mari est tombé au front, n'attend plus rien : « Pour eux, nos hommes sont des "
            "chiffres. »")
    quotes = quotes_of(nlp, text)
    assert quotes[0].speaker.startswith("Un agent immobilier") and quotes[1].speaker == "Olena"


def test_notre_proche_takes_up_the_unnamed_confidant_brought_in_before(nlp):
    text = ("Selon un proche de la chanteuse, c'est bien Hugo qui aurait claqué la porte. « Lou est anéantie », nous "
            "confie-t-il.\n\n"
            "Hugo Marchetti a publié dimanche une photo de lui à l'entraînement. « Il a toujours été comme ça, très "
            "centré sur lui-même », glisse notre proche.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["un proche de la chanteuse", "un proche de la chanteuse"]


def test_le_texte_is_the_author_of_the_statement_and_a_shorter_description_the_fuller_one(nlp):
    text = ("Dans un communiqué, l’armée israélienne a indiqué avoir frappé « plus de 120 cibles terroristes » en "
            "vingt-quatre heures. « L’organisation terroriste place ses infrastructures au cœur des zones civiles », "
            "ajoute le texte. L’armée a appelé les habitants de vingt-deux villages à évacuer « immédiatement ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["l’armée israélienne"] * 3


def test_an_unnamed_source_keeps_where_it_works(nlp):
    text = ("« Personne n'a les moyens de les arrêter », confie un diplomate européen en poste à Beyrouth, sous "
            "couvert d'anonymat. « On a tout essayé », souffle une source chez Palmier Productions.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["un diplomate européen en poste à Beyrouth",
                                           "une source chez Palmier Productions"]


def test_an_organisation_keeps_its_whole_name_and_l_ong_after_it_is_that_organisation(nlp):
    text = ("Le président a signé des contrats d'armement à Jakarta. La Fondation Asie Centrale et le Comité Papou "
            "ont protesté.\n\n"
            "Amnesty International a dénoncé dans un communiqué une « diplomatie du carnet de commandes » qui « passe "
            "sous silence » la répression en Papouasie, selon l'ONG.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Amnesty International", "Amnesty International"]


def test_an_unnamed_minister_with_an_apposed_participle_is_the_speaker(nlp):
    text = ("« L'eau est montée en dix minutes », raconte Paul Arnaud, un habitant.\n\n"
            "Les pompiers ont évacué 300 personnes. Le ministre de l'Intérieur, attendu mardi sur place, a promis "
            "sur X que l'état de catastrophe naturelle serait reconnu « dans les plus brefs délais ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Arnaud", "Le ministre de l'Intérieur"]


def test_a_senior_civil_servant_can_speak(nlp):
    text = ("À la préfecture, on n'exclut pas un durcissement. « L'arrêté pourrait être étendu à tout le "
            "département », confie un haut fonctionnaire.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "un haut fonctionnaire"


def test_a_name_from_its_first_word_is_not_a_description_closed_by_a_name(nlp):
    text = ("Le pic épidémique « ne devrait pas être atteint avant la fin du mois », prévient Santé publique France, "
            "qui recommande le port du masque.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Santé publique France"


def test_nous_confie_une_amie_and_a_proche_the_tagger_reads_as_an_adjective(nlp):
    text = ("« Elle a tout donné à cette émission », nous confie une amie de longue date. Selon elle, la star « ne "
            "dort plus ».\n\n"
            "Un autre proche enfonce le clou : « On l'a jetée comme un vieux torchon. »")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["une amie de longue date", "une amie de longue date", "Un autre proche"]


def test_l_accuse_in_a_headline_is_the_defendant_the_article_names_below(nlp):
    text = ("Meurtre de Vauclair : « Je n’ai pas tué Alain », répète l’accusé devant les assises\n\n"
            "Au troisième jour de son procès, Franck Loiseau a maintenu sa version. Franck Loiseau nie avoir vu "
            "Alain Martin ce soir-là. Loiseau connaissait la victime depuis l'enfance.")
    quotes = quotes_of(nlp, text)
    assert quotes[0].speaker == "Franck Loiseau"


def test_organisation_speaking_through_a_person_is_the_person(nlp):
    text = ("« Nos filtres sont contrôlés chaque mois », assure l'Union des Brasseurs Bretons, une fédération "
            "de producteurs, à travers sa présidente Maëlle Guivarch.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Maëlle Guivarch"


def test_role_skips_a_person_with_another_office(nlp):
    text = ("Paul Verdier a été arrêté à la gare, a annoncé sa porte-parole Anna Kolts. "
            "« Je vais bien », a écrit l'opposant sur son compte.")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Paul Verdier"


def test_quotations_joined_by_a_connective_keep_the_speaker(nlp):
    text = ("La militante Inès Carrel affirme que « les rivières sont à bout de souffle ». Or, « personne ne contrôle "
            "les rejets », car « les services de l'État manquent de bras ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Inès Carrel"] * 3


def test_plural_pronoun_with_no_plural_source_is_the_group_just_named(nlp):
    text = "Les infirmières de l'hôpital ont manifesté lundi devant la mairie. « Nous sommes épuisées », disent-elles."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Les infirmières de l'hôpital"


@pytest.mark.parametrize("intro, later", [
    ("Le sous-préfet de la Creuse, Gaspard Vialatte, a reçu les élus lundi.", "a ajouté le sous-préfet"),
    ("Gaspard Vialatte, architecte de la nouvelle médiathèque, a présenté les plans.", "a précisé l'architecte"),
    ("L'adjoint (sans étiquette), Gaspard Vialatte, a présenté les comptes.", "a précisé l'adjoint"),
    ("Pour l'ingénieur de 52 ans Gaspard Vialatte, le pont tiendra.", "a assuré l'ingénieur"),
])
def test_later_definite_role_is_the_person_who_holds_it(nlp, intro, later):
    text = f"{intro} Marcelline Oudot l'accompagnait.\n\n« Les travaux commenceront en mars », {later}."
    quote = quotes_of(nlp, text)[-1]
    assert quote.speaker == "Gaspard Vialatte"


def test_feminine_role_finds_the_holder_of_the_masculine_lemma(nlp):
    text = ("La réalisatrice Irène Faucompré tourne dans le Jura. Son producteur, Anselme Ricord, est confiant.\n\n"
            "« Nous finirons avant l'hiver », explique la réalisatrice.")
    assert quotes_of(nlp, text)[-1].speaker == "Irène Faucompré"


def test_definite_role_nobody_holds_is_an_unnamed_source(nlp):
    """« a assuré le préfet » with no prefect named anywhere: the source as the article gives it, never a name;
    when a man has already spoken, « le préfet » may be him and is left to the context instead."""
    text = "Le chantier a pris du retard. « Nous finirons avant l'hiver », a assuré le préfet."
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.speaker_named) == ("le préfet", False)


def test_indefinite_role_stays_an_unnamed_source(nlp):
    text = "« Nous finirons avant l'hiver », a assuré un ingénieur du chantier."
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.speaker_named) == ("un ingénieur du chantier", False)


def test_spokesperson_of_a_person_is_not_that_person(nlp):
    text = ("Le porte-parole de Gaspard Vialatte a démenti.\n\n"
            "« Rien n'est décidé », a déclaré le porte-parole.")
    assert quotes_of(nlp, text)[-1].speaker != "Gaspard Vialatte"


@pytest.mark.parametrize("text", [
    "Les visiteurs décrivent une atmosphère « étouffante » et des salles « trop sombres pour lire ».",
    "Le bâtiment a ouvert en mars, selon les relevés du Service des archives, sous le nom « Les Tilleuls ».",
])
def test_things_never_speak(nlp, text):
    for q in quotes_of(nlp, text):
        assert q.speaker not in {"une atmosphère", "les relevés du Service des archives"}


def test_people_and_shares_of_people_still_speak(nlp):
    text = "« On ne dort plus », raconte un jeune riverain. « Trop cher », jugent la plupart des habitants."
    speakers = [q.speaker for q in quotes_of(nlp, text)]
    assert speakers == ["un jeune riverain", "la plupart des habitants"]


@pytest.mark.parametrize("lead", [
    "Appelé à la barre, Ludovic Sarrazin s'est tourné vers les jurés",
    "Un viticulteur de Cahors, Ludovic Sarrazin, 61 ans, ne décolère pas",
])
def test_sentence_ending_in_a_colon_gives_the_floor_to_its_subject(nlp, lead):
    text = f"{lead} : « Je n'ai rien à cacher. » La séance a été levée."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Ludovic Sarrazin"


def test_role_noun_teaches_the_gender_of_its_person(nlp):
    text = ("Le tribunal a entendu jeudi Marc Delorme, poursuivi pour escroquerie. Le prévenu a reconnu des "
            "erreurs. « Je n'ai volé personne », a-t-il affirmé à la barre.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Marc Delorme"]


def test_role_apposition_with_a_lawyer_title(nlp):
    text = ("L'audience a repris lundi. L'avocate de la défense, Me Claire Sorel, a contesté les faits. "
            "« Rien ne prouve la fraude », a-t-elle insisté.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Claire Sorel"]


def test_reflexive_speech_verb_after_the_quote(nlp):
    text = "Le syndicat a publié un communiqué. « Les salaires stagnent depuis dix ans », s'alarme Rémi Caron."
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Rémi Caron"]


def test_pronoun_names_the_gender_of_the_only_person_named_before(nlp):
    text = "Lucie Marchand a quitté la mairie. « Je n'avais plus le choix », a-t-elle écrit sur son blog."
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Lucie Marchand"]


def test_short_term_after_a_noun_is_a_label_said_by_nobody(nlp):
    for text in ("Le préfet a relevé l'alerte au niveau « crise » dans le département, a annoncé la préfecture.",
                 "Les habitants ont fondé le collectif « Rivière vivante » l'an dernier, explique Paul Girard."):
        (q,) = quotes_of(nlp, text)
        assert (q.speaker, q.kind) == (None, "scare")


def test_unnamed_source_reported_speaking_is_the_pronoun_after_the_quote(nlp):
    """« Une X, qui a requis l'anonymat, décrit … » makes her the source « confie-t-elle » means, even with a
    named woman quoted before (the parser may take the verb after the incise for a modifier)."""
    text = ("La directrice de l'école, Anne Morel, reconnaît des difficultés. « Nous faisons au mieux », "
            "a-t-elle dit.\n\nUne enseignante de l'école, qui a souhaité garder l'anonymat, décrit une situation "
            "tendue. « On n'a plus de remplaçants depuis octobre », confie-t-elle.")
    first, second = quotes_of(nlp, text)
    assert first.speaker == "Anne Morel"
    assert second.speaker == "Une enseignante de l'école"


def test_indefinite_source_saying_with_an_infinitive(nlp):
    text = ("Le maire, Paul Girard, a défendu le projet. « Il est utile », a-t-il dit.\n\nParmi les riverains, "
            "un commerçant du quartier dit avoir perdu la moitié de sa clientèle. « Personne ne vient plus "
            "le samedi », raconte-t-il.")
    _, second = quotes_of(nlp, text)
    assert second.speaker == "un commerçant du quartier"


def test_pronoun_skips_a_person_of_unknown_gender_introduced_long_before(nlp):
    """« elle » goes back to the woman quoted earlier, not to a man whose gender the text never told and
    who was introduced several paragraphs before."""
    text = ("Me Claire Sorel, notaire à Lyon, a présenté les chiffres. « Le marché ralentit », a-t-elle dit.\n\n"
            "Pour l'économiste Dominique Faure, la baisse tient au crédit. « Les taux sont trop hauts. »\n\n"
            "Les ventes ont reculé de 10 % en un an.\n\n"
            "Les prix, eux, résistent dans le centre.\n\n"
            "Me Sorel refuse de parler de crise. « Les volumes restent élevés », a-t-elle rappelé.")
    assert quotes_of(nlp, text)[-1].speaker == "Claire Sorel"


def test_role_noun_far_from_the_only_person_named(nlp):
    """« le prévenu » several sentences after the only person the article has named is that person."""
    text = ("Le parquet a requis mardi deux ans de prison contre Julien Moreau, 52 ans, jugé depuis lundi à "
            "Rennes pour abus de confiance au préjudice de plusieurs associations sportives de la région. "
            "Entre 2019 et 2022, son entreprise aurait détourné plus de 300 000 euros destinés à des clubs "
            "amateurs de football, de handball et de basket.\n\nSelon l'accusation, une quarantaine de clubs "
            "ont porté plainte. Les enquêteurs ont épluché des centaines de factures et de relevés bancaires "
            "pendant deux ans.\n\nÀ la barre, le prévenu, chemise blanche, a contesté les faits. "
            "« Je n'ai rien détourné », a-t-il affirmé.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Julien Moreau"]


def test_role_noun_with_two_people_named_stays_unresolved(nlp):
    text = ("Le parquet a requis mardi deux ans de prison contre Julien Moreau, 52 ans, et Karim Benali, 40 ans, "
            "jugés depuis lundi à Rennes pour abus de confiance au préjudice de plusieurs associations sportives. "
            "Entre 2019 et 2022, leur entreprise aurait détourné plus de 300 000 euros destinés à des clubs "
            "amateurs de football, de handball et de basket.\n\nSelon l'accusation, une quarantaine de clubs "
            "ont porté plainte. Les enquêteurs ont épluché des centaines de factures et de relevés bancaires "
            "pendant deux ans.\n\nÀ la barre, le prévenu, chemise blanche, a contesté les faits. "
            "« Je n'ai rien détourné », a-t-il affirmé.")
    assert quotes_of(nlp, text)[0].speaker != "Julien Moreau"


def test_subject_pronoun_before_the_verb_beats_a_name_in_an_incise(nlp):
    text = ("Paul Girard a été entendu lundi. « Je regrette », a-t-il dit. Interrogé par la juge, Anne Morel, "
            "sur ses comptes, il a reconnu des « erreurs de gestion ».")
    assert quotes_of(nlp, text)[-1].speaker == "Paul Girard"


def test_blunt_press_verbs_introduce_speech(nlp):
    for text in ("Le conseil a voté le budget. « Ce budget est insincère », tranche Paul Mercier, élu d'opposition.",
                 "Le conseil a voté le budget. « Ce budget est insincère », a taclé l'élu Paul Mercier."):
        assert [q.speaker for q in quotes_of(nlp, text)] == ["Paul Mercier"]


def test_office_with_a_participle_and_a_rank_prefix_then_the_name(nlp):
    text = ("Le conseil a voté le budget mardi. « Nous appliquerons la loi », a averti mardi la vice-présidente "
            "chargée des finances, Anne Morel (LR).")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Anne Morel"]


def test_pronoun_after_a_narration_sentence_means_its_subject(nlp):
    """« X a fait Y. « … », explique-t-elle »: the subject of the sentence just before, not the woman quoted
    earlier."""
    text = ("« Le plan a échoué », tranche Anne Morel, déléguée syndicale.\n\n"
            "À l'école Jules-Ferry, Lucie Marchand, directrice depuis dix ans, a cessé d'attendre les renforts. "
            "« Il me manque trois enseignants », explique-t-elle.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Anne Morel", "Lucie Marchand"]


def test_age_or_sex_noun_refers_back_to_the_person_just_named(nlp):
    text = ("Kévin Durand, 27 ans, a dû payer quatre mois de plus. « On m'a dit que mon courrier était en "
            "retard », raconte le jeune homme.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Kévin Durand"]
    text = ("Marie Lenoir, 74 ans, a perdu ses économies. « Je n'ai plus rien », confie la septuagénaire.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Marie Lenoir"]


def test_fragment_after_an_excuse_verb_and_an_unnamed_source_without_its_comma(nlp):
    text = ("Le trafic a été perturbé. Interrogé, le porte-parole de la compagnie, Paul Girard, invoque un "
            "« hiver difficile », marqué par des pannes.")
    assert [(q.speaker, q.kind) for q in quotes_of(nlp, text)] == [("Paul Girard", "partial")]
    text = "Une ancienne salariée, qui souhaite rester anonyme, décrit une ambiance « invivable » dans l'entreprise."
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Une ancienne salariée"]


def test_relative_clause_between_an_unnamed_source_and_its_verb(nlp):
    """« Un ancien X, qui a requis l'anonymat, décrit une ambiance « … » »: the subject is the antecedent
    of « qui », not the object after the verb."""
    text = ("Le gérant a nié. Un ancien commis du magasin, qui a requis l'anonymat, décrit pourtant une "
            "ambiance « pesante » et des règles « jamais appliquées le samedi ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Un ancien commis du magasin"] * 2


def test_pronoun_with_no_source_means_the_only_person_named_however_far(nlp):
    text = ("L'influenceur Hugo Berthier, connu pour ses vidéos sur les cryptomonnaies, a été condamné jeudi "
            "à une amende de 50 000 euros par l'administration, qui lui reproche des pratiques commerciales "
            "trompeuses envers des milliers d'abonnés pendant trois ans.\n\nLes enquêteurs ont recensé plus de "
            "2 000 acheteurs de sa formation en ligne, vendue près de 1 000 euros, entre 2021 et 2024, dans "
            "toute la France et en Belgique.\n\nSur les réseaux, le jeune entrepreneur a aussitôt joué les "
            "victimes. « On me fait payer ma réussite », a-t-il écrit vendredi.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Hugo Berthier"]


def test_organisation_by_its_own_name(nlp):
    """« le groupe X », « l'ONG X »: the speaker is X, as the article names it elsewhere; a participle
    opening the sentence (« Contacté, ») is nobody's name."""
    text = ("Le contrat a été signé.\n\nContacté, le groupe Fitclub, qui revendique 300 salles, assure respecter "
            "« scrupuleusement » la loi. « Nous respectons la loi », a déclaré l'ONG Terre-Libre.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Fitclub", "Terre-Libre"]


def test_title_after_a_work_noun_with_an_adjective_is_said_by_nobody(nlp):
    text = ("L'influenceur Paul Girard, auteur du livre autoédité « Riche avant 25 ans », a été condamné à une "
            "amende, a annoncé jeudi la préfecture.")
    assert [(q.speaker, q.kind) for q in quotes_of(nlp, text)] == [(None, "scare")]


def test_title_opening_the_clause_before_a_name_without_a_parsed_subject(nlp):
    text = ("Le procès a repris lundi. Me Paul Girard, avocat de 40 des parties civiles, avait répliqué plus tôt "
            "dans la journée : « Ces retraités ont tout perdu. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Paul Girard"]


def test_role_noun_is_not_a_woman_who_holds_another_office(nlp):
    """« la syndicaliste » is not the headmistress quoted before: no speaker beats a wrong one."""
    text = ("Le taux de grève a atteint 30 %.\n\nÀ l'école Jules-Ferry, Lucie Marchand, proviseure depuis dix ans, "
            "a cessé d'attendre. « Il me manque trois enseignants », explique-t-elle.\n\nLa grève continue "
            "pourtant. « Le plan a échoué », rétorque la syndicaliste.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Lucie Marchand", None]


def test_capitalised_name_after_a_common_noun_is_a_label_whatever_its_tag(nlp):
    text = ("Selon Le Monde, l'attaque aurait été revendiquée par le groupe de pirates « DarkFox », qui "
            "réclamerait 5 millions de dollars.")
    assert [(q.speaker, q.kind) for q in quotes_of(nlp, text)] == [(None, "scare")]


def test_feminine_role_far_from_names_means_the_woman_who_spoke_last(nlp):
    """« a conclu l'élue » long after the names: the woman without another office who last spoke."""
    text = ("Dans l'opposition, Claire Sorel dénonce un budget injuste. « On fait payer les ménages », "
            "estime-t-elle.\n\nLe maire, Paul Girard, a défendu ses choix devant le conseil municipal réuni "
            "mardi soir pendant plus de trois heures. Il a rappelé que les travaux de la place avaient été "
            "financés en grande partie par la région et par l'État, et que la dette restait maîtrisée malgré "
            "la hausse des taux. « Nous tenons nos engagements », a-t-il répliqué.\n\nLa dette de la commune "
            "atteint 18 millions d'euros, soit nettement plus que la moyenne des communes de même taille dans "
            "le département, selon les données publiées par la préfecture au printemps dernier.\n\n"
            "« Les chiffres ne tiennent pas », a conclu l'élue.")
    assert quotes_of(nlp, text)[-1].speaker == "Claire Sorel"


def test_any_verb_with_an_inverted_clitic_after_a_quote_is_an_incise(nlp):
    """« », sourit-elle », « », a-t-il soupiré »: verbs the lists do not hold still introduce the speaker."""
    text = ("Martine Leroux a fermé sa boutique. « On ne pouvait plus tenir », sourit-elle. « Dix ans de "
            "travail », a-t-elle soupiré.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Martine Leroux", "Martine Leroux"]


def test_adverbial_phrase_between_the_verb_and_its_inverted_subject(nlp):
    text = "« Le vote a été truqué », affirme de son côté un observateur d'une ONG locale, qui a requis l'anonymat."
    assert quotes_of(nlp, text)[0].speaker == "un observateur d'une ONG locale"


def test_hyphenated_role_noun_speaks(nlp):
    text = "« Le feu a sauté la route », raconte un sapeur-pompier engagé depuis la veille."
    assert quotes_of(nlp, text)[0].speaker == "un sapeur-pompier"


def test_name_in_apposition_to_the_subject_before_a_colon(nlp):
    text = ("L'astrophysicienne Anne Perrot, de l'Observatoire de Lyon, se veut prudente : « Le signal est "
            "faible. »\n\nLa fille de Paul Roche est inquiète : « Je n'ai pas de nouvelles. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Anne Perrot", None]


def test_partial_quote_in_the_clause_of_a_body_after_an_opening_participle(nlp):
    """« Contactée, la direction de X indique que … « … » »: the body speaks; a passive verb of the clause
    (« sera maintenue ») is not a verb of saying."""
    text = ("Contactée, la direction de la chaîne indique que l'émission sera maintenue « au moins jusqu'à la "
            "fin de l'année ».")
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("partial", "la direction de la chaîne")


def test_a_mission_speaks_in_its_communique(nlp):
    text = ("La mission d'observation de l'Union africaine a salué dans un communiqué « un scrutin globalement "
            "pacifique ».")
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("partial", "La mission d'observation de l'Union africaine")


def test_elle_two_paragraphs_after_a_body_is_the_woman_who_spoke(nlp):
    text = ("« Ce sera la meilleure saison », claironnait Sandrine Morel en août.\n\nContactée, la direction de "
            "la chaîne indique que l'émission sera maintenue.\n\nDans les couloirs, on s'agace. « Plus personne ne "
            "veut travailler avec elle », confie un technicien.\n\nSur Instagram, l'animatrice a réagi. « Je lis "
            "des horreurs sur moi », a-t-elle gémi.")
    assert quotes_of(nlp, text)[-1].speaker == "Sandrine Morel"


def test_lowercase_quote_after_pour_x_is_partial(nlp):
    text = "Pour Julien Arnaud, astronome au CNRS, « la prudence s'impose au vu des données »."
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("partial", "Julien Arnaud")


def test_quoted_phrase_in_a_sentence_about_the_person_who_just_spoke(nlp):
    """« L'élu attribue ce succès à …, « … » » gives the mayor's words; a title after « était chargé du »
    stays a term nobody said."""
    text = ("« On a eu du monde tous les jours », se réjouit le maire, Yves Kerlan. L'élu attribue ce succès à la "
            "voie verte, « quatorze kilomètres de balade sans voiture ».\n\nPaul Morin était alors chargé du "
            "« conseil en stratégie pour la France et l'international ».")
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.speaker) for q in quotes[1:]] == [("partial", "Yves Kerlan"), ("scare", None)]


def test_new_description_of_the_person_just_quoted_in_the_paragraph(nlp):
    text = ("Véronique Lamy, directrice du Crous, défend son bilan.\n\n« On ne nous donne même pas un toit », lance "
            "Inès Barka, présidente de la section du syndicat. L'étudiante affirme que « plus de deux mille "
            "demandes » sont restées sans réponse.")
    assert quotes_of(nlp, text)[-1].speaker == "Inès Barka"


def test_rank_between_role_and_name_and_acronym_in_brackets(nlp):
    text = ("« La situation est sous contrôle », a affirmé à la télévision d'État le porte-parole de l'armée, le "
            "général Aung Min Thein.\n\n« Nous sommes face à une catastrophe », a déclaré à Genève le porte-parole "
            "du Bureau de la coordination des affaires humanitaires (Ocha), Jens Laerke.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Aung Min Thein", "Jens Laerke"]


def test_demonym_after_the_role_and_verb_hung_on_an_adjective(nlp):
    text = ("« On était à côté », reconnaissait le capitaine castrais, Julien Marty, 31 ans.\n\nL'entraîneur "
            "castrais, Pierre Davin, savourait en conférence de presse. « Je n'ai pas crié », a-t-il expliqué.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Julien Marty", "Pierre Davin"]


def test_first_names_only_and_stage_names(nlp):
    """Street interviews name people by first name; « X, alias Y » is one person; a mocking description
    before « a-t-il larmoyé » means the person the article is about."""
    text = ("Rien ne va plus pour Kévin Morel, alias KMo. Le rappeur a annulé sa tournée.\n\nSon ancien manager, "
            "Samir Belkacem, ne mâche pas ses mots. « C'est un gamin », a-t-il lâché.\n\nDans une vidéo, l'ex-idole "
            "des cours de récré s'est posée en victime. « Je traverse une période dure », a-t-il larmoyé. KMo a "
            "supprimé la vidéo.\n\n« On a payé 65 euros la place », peste Léa, 19 ans. « Il se moque de nous », "
            "renchérit son amie Manon.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Samir Belkacem", "Kévin Morel", "Léa", "Manon"]


def test_company_named_after_its_kind_and_a_coordinated_partial(nlp):
    text = ("Contactée, la société de production Nuits Claires Live assure que « tous les spectateurs seront "
            "remboursés » et refuse de commenter « des rumeurs de presse ».")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("partial", "la société de production Nuits Claires Live")] * 2


def test_institution_after_an_impersonal_on(nlp):
    text = ("« Le Premier ministre ne reviendra pas sur ce décret », assure-t-on à Matignon. « Nous verrons », "
            "glisse-t-on dans l'entourage du ministre. « Rien n'est joué », entend-on.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Matignon", "l'entourage du ministre", None]


def test_lawyer_with_title_and_source_close_to_the_inquiry(nlp):
    text = ("Une source proche de l'enquête évoque « une équipe très bien renseignée, qui connaissait l'heure des "
            "livraisons ».\n\n« Il conteste avoir tenu l'arme », assure son avocate, Me Sophie Kerval, qui dénonce "
            "« un dossier bien mince ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Une source proche de l'enquête", "Sophie Kerval",
                                                          "Sophie Kerval"]


def test_surname_particle_gerund_between_quotes_and_advice_noun(nlp):
    text = ("« Ce n'est pas de gaieté de cœur », a reconnu le maire, Loïc Perrin, en ouvrant la séance. « Les "
            "dotations ont baissé. »\n\n« On nous explique qu'il n'y a plus d'argent », a lancé Anne-Sophie Le Du, "
            "conseillère d'opposition.\n\nLa pédiatre Marie Roux reçoit des familles. Son conseil aux familles : "
            "« Pas d'écran dans la chambre après le dîner. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Loïc Perrin", "Loïc Perrin", "Anne-Sophie Le Du",
                                                          "Marie Roux"]


def test_shopkeeper_is_the_jeweller_named_before(nlp):
    text = ("Le bijoutier, Patrick Dumas, 61 ans, a été attaqué. « C'est trop », confie-t-il.\n\nLe maire, Bertrand "
            "Lanier, est venu. « Nous renforcerons les patrouilles », a-t-il annoncé.\n\nDe son côté, le commerçant "
            "compte rouvrir samedi. « Je ne vais pas leur laisser ma boutique », lâche-t-il.")
    assert quotes_of(nlp, text)[-1].speaker == "Patrick Dumas"


def test_ngo_name_with_lower_case_words_closed_by_its_acronym(nlp):
    text = ("L'ONG Médecins sans frontières (MSF), présente sur place, estime que le bilan est « très probablement "
            "sous-estimé ».")
    assert quotes_of(nlp, text)[0].speaker == "Médecins sans frontières"


def test_continuing_verb_means_the_previous_speaker_not_the_man_just_mentioned(nlp):
    """The issue's own rule: « a-t-il poursuivi » goes to the last source, not to the minister the sentence
    in between was about; a participle's object (« appelant la population à ») is not its subject."""
    text = ("« Nos forces ont riposté », a affirmé le porte-parole du gouvernement, le colonel Amadou Maïga.\n\n"
            "Le ministre de la défense, le général Salif Mahamane, s'est rendu sur les lieux.\n\n« Les auteurs "
            "seront punis », a-t-il poursuivi, appelant la population à « collaborer avec les forces de défense ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Amadou Maïga"] * 3


def test_agents_institutions_and_presented_people(nlp):
    text = ("La direction a proposé une hausse de 2,2 %, jugée « très insuffisante » par l'intersyndicale.\n\n"
            "Au ministère des transports, on appelle « chacun à la responsabilité ».\n\nDevant le lycée, Nadia, "
            "34 ans, infirmière, n'hésite pas. « Mon fils passe six heures par jour sur son téléphone. »\n\n"
            "Un élu local joint par téléphone, qui a requis l'anonymat, affirme que « les habitants avaient "
            "signalé des mouvements suspects ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "l'intersyndicale", "le ministère des transports", "Nadia", "Un élu local"]


def test_dislocated_pronoun_office_joined_by_et_and_named_terms(nlp):
    text = ("Selon un sondage, une majorité soutient l'extension de la « pause numérique » aux lycées.\n\n"
            "« Les opérateurs ont abandonné ces villages », explique son cofondateur et président, Thibault "
            "Marsac.\n\nAnne Berthier, sociologue, nuance : « C'est plus compliqué. »\n\nLéa, 17 ans, lève les "
            "yeux. Léa, elle, a déjà sa stratégie : « Je le laisserai dans mon sac. »")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("scare", None), ("direct", "Thibault Marsac"), ("direct", "Anne Berthier"), ("direct", "Léa")]


def test_partial_quote_anywhere_in_the_que_clause_and_verb_read_as_noun(nlp):
    text = ("Dans un communiqué, l'entreprise indique que les données de 2,3 millions de clients ont été "
            "« potentiellement exposées ».\n\nLeur porte-parole départementale, Mathilde Courrèges, juge que la "
            "fédération « défend d'abord les gros céréaliers ».\n\nLes experts ont averti que les troupes partaient "
            "dans le « hachoir à viande » ukrainien.")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("partial", "l'entreprise"), ("partial", "Mathilde Courrèges"), ("scare", None)]


def test_credits_are_not_people_and_the_director_is_the_film_s_author(nlp):
    """A byline and a photo credit name no one in the story; « la réalisatrice, 38 ans, dit avoir écrit le film
    « … » » is the director the article is about, and the quotation after « Elle raconte : » is hers."""
    text = ("Le deuxième long-métrage de Nadia Ferhat a remporté le Grand Prix.\n\nPar Thomas Villeneuve, envoyé "
            "spécial\n\nNadia Ferhat lors de la cérémonie. Photo Festival / Jeanne Le Floch\n\nRencontrée au "
            "lendemain de la cérémonie, la réalisatrice, 38 ans, dit avoir écrit le film « contre la nostalgie ». "
            "Elle raconte :\n\n« Je voulais filmer des gens qui travaillent. »")
    norm = normalize(text)
    art = Article(norm=norm, doc=nlp(norm.text))
    people = find_people(art)
    assert [p.name for p in people] == ["Nadia Ferhat"]
    assert [q.speaker for q in find_quotations(art, people)] == ["Nadia Ferhat", "Nadia Ferhat"]


def test_pour_x_with_label_and_relative_and_a_nickname_is_not_a_person(nlp):
    text = ("Pour le Français Olivier Brenier (PPE), qui s'est abstenu, le texte « va trop loin pour les PME ».\n\n"
            "Une catastrophe pour le Napoléon autoproclamé des fourneaux. Le chef Gaspard Morvan a répondu. « Les "
            "critiques sont des parasites », a-t-il fulminé.\n\nJulie, 24 ans, est venue « pour ne pas abandonner "
            "les anciens ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Olivier Brenier", "Gaspard Morvan", "Julie"]


def test_body_after_an_opening_participle_with_its_acronym_and_a_restricted_reply(nlp):
    text = ("Contactée, l'Agence nationale de sécurité du médicament (ANSM) rappelle qu'« aucune demande n'a été "
            "déposée à ce jour ».\n\nCôté marseillais, on reste discret. « Nous ne commentons pas les rumeurs », "
            "s'est contenté de répondre le directeur sportif du club, Javier Ortega.")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "l'Agence nationale de sécurité du médicament", "Javier Ortega"]


def test_former_occupation_describes_the_person_just_presented(nlp):
    text = ("Le candidat du RN, Sébastien Colas, mise sur la sécurité. « Les habitants ne se sentent plus en "
            "sécurité », affirme l'ancien policier.")
    assert quotes_of(nlp, text)[0].speaker == "Sébastien Colas"


def test_a_company_named_in_its_description_speaks_and_its_reprise_is_its_name(nlp):
    """« Le loueur de vélos … Vélocity a reconnu … une « … » »: the name closing the description speaks;
    « l'entreprise » is then the body the article names most, not the regulator named once before it;
    « qui dit avoir « immédiatement » prévenu ses clients » is the company's, not the clients'."""
    text = ("Fuite de données chez Vélocity : la CNIL a été saisie.\n\nUne station Vélocity à Lyon.\n\n"
            "Le loueur de vélos électriques en libre-service Vélocity a reconnu jeudi avoir été victime d'une "
            "« intrusion informatique ». Dans un communiqué, l'entreprise indique que les données ont été "
            "« potentiellement exposées ». « Aucun mot de passe n'a été compromis », assure la société, qui dit "
            "avoir « immédiatement » prévenu ses utilisateurs.")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("partial", "Vélocity"), ("partial", "Vélocity"), ("direct", "Vélocity"), ("partial", "Vélocity")]


def test_a_name_inside_a_complement_does_not_replace_the_description(nlp):
    text = ("La direction de la laiterie Fromentin évoque « un dysfonctionnement ».")
    assert quotes_of(nlp, text)[0].speaker != "Fromentin"


def test_a_couple_shares_its_surname_and_a_spouse_is_the_other_member(nlp):
    """« Camille et Julien Ferrand »: Camille is Camille Ferrand; « Son mari » after her is Julien."""
    text = ("À Rezé, Camille et Julien Ferrand, 31 et 33 ans, viennent d'acheter une maison. « Il y a deux ans, "
            "elle partait à 330 000 euros », raconte Camille, infirmière. Son mari, technicien, nuance : « On "
            "s'endette quand même sur vingt-cinq ans. »\n\nÀ Laval, Stéphane et Sandrine Lecomte élèvent "
            "90 vaches. « Cette année, on va se verser 800 euros chacun », calcule l'éleveur. Son épouse, qui tient "
            "la comptabilité, poursuit : « Nos charges ont pris 30 % en trois ans. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "Camille Ferrand", "Julien Ferrand", "Stéphane Lecomte", "Sandrine Lecomte"]


def test_verb_after_a_subject_pronoun_and_a_bare_name_as_subject(nlp):
    """« qu'elle juge « … » » (the tagger reads « juge » as a noun), « Altair Connect assure n'avoir « … » »."""
    text = ("Dans Télérama, Ariane Lefèvre salue « un film âpre ». Elle est moins tendre avec « Grand Large », "
            "qu'elle juge « boursouflé et interminable ».\n\nAltair Connect assure n'avoir « jamais vendu la moindre "
            "donnée ».")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("partial", "Ariane Lefèvre"), ("scare", None), ("partial", "Ariane Lefèvre"), ("partial", "Altair Connect")]


def test_a_name_apposed_to_the_subject_and_a_colleague_s_reprise_by_a_synonym(nlp):
    """« L'autrice de l'étude, la Dre X, épidémiologiste, ne cache pas … : « … » » is X's; « la chercheuse »
    later is the epidemiologist; « la syndicaliste » is the union's secretary, not the minister quoted since."""
    text = ("L'autrice principale de l'étude, la Dre Karin Lindqvist, épidémiologiste à Stockholm, ne cache pas son "
            "inquiétude : « La tendance est mauvaise. »\n\nPour le Pr Martin Duhamel, cardiologue à l'hôpital européen "
            "Georges-Pompidou, « rien ne surprend ».\n\n« Il n'y a pas de fatalité », insiste la chercheuse.\n\n"
            "« Le pacte a échoué », tranche Sophie Ventura, secrétaire générale du SNES-FSU. « Nous avons recruté "
            "3 200 contractuels », a déclaré la ministre, Élisabeth Caradec.\n\n« Des contractuels formés en quatre "
            "jours ne remplacent pas des professeurs », rétorque la syndicaliste.")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "Karin Lindqvist", "Martin Duhamel", "Karin Lindqvist", "Sophie Ventura", "Élisabeth Caradec",
        "Sophie Ventura"]


def test_titles_and_programme_names_are_said_by_nobody(nlp):
    text = ("D'après le baromètre de Santé publique France, publié sous le titre « Bouger plus, vivre mieux », "
            "47 % des adultes bougent trop peu.\n\nLe ministère rappelle avoir généralisé le programme « 30 minutes "
            "d'activité physique quotidienne ».")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [("scare", None), ("scare", None)]


def test_an_office_then_the_holder_after_a_comma_and_a_reply_with_its_circumstance(nlp):
    """« a lancé la rapporteure du texte, la députée LFI de Seine-Saint-Denis X », « Réponse de Mme X, sous
    les applaudissements : « … » »; « l'avocat de 52 ans, qui a reçu le soutien de Y » is still the lawyer."""
    text = ("« Nous proposons de rendre deux années », a lancé la rapporteure du texte, la députée LFI de "
            "Seine-Saint-Denis Clémence Aubry.\n\nLa députée des Yvelines Sophie Mercadier a accusé la gauche. "
            "« Vous promettez la retraite à 62 ans », a-t-elle lancé. Réponse de Mme Aubry, sous les applaudissements "
            "de la gauche : « Ce sont les mêmes qui ont supprimé l'ISF. »\n\nPhilippe Garnier conteste. « Un sondage ne vaut rien », "
            "estime l'avocat de 52 ans, qui a reçu le soutien de l'ancien maire Jean-Louis Fournier.")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "Clémence Aubry", "Sophie Mercadier", "Clémence Aubry", "Philippe Garnier"]


def test_an_incise_inside_the_marks_and_the_agent_just_presented(nlp):
    """French typography may keep the incise inside the marks (« …, tacle son porte-parole, X. … »); a
    person a passive sentence has just brought in is the « il » of the next quotation — unless the subject
    pronoun of that sentence carries on the previous speaker."""
    text = ("Pour la Confédération paysanne, minoritaire, la FNSEA « porte une lourde responsabilité ». « Ce sont "
            "eux qui ont soutenu la loi du marché, tacle son porte-parole, Julien Hamon, venu en observateur. "
            "Aujourd'hui, ils découvrent la crise. »\n\nUne délégation a été reçue par le préfet, Olivier Tesson. "
            "« J'ai entendu la détresse des éleveurs », a-t-il déclaré.\n\n« Nous voulons vivre », a dit Julien "
            "Hamon. Il a été reçu par le préfet. « Rien ne bouge », a-t-il déclaré.")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "la Confédération paysanne", "Julien Hamon", "Olivier Tesson", "Julien Hamon", "Julien Hamon"]


def test_the_defendant_and_an_age_noun_point_to_the_person_on_trial(nlp):
    """« la quinquagénaire » is the woman of 54, not the judge named since; « la prévenue » the one on trial;
    « le groupe gestionnaire, Armor Santé » is a company, never a woman who could be « elle »."""
    text = ("Nathalie Guérin, 54 ans, ancienne directrice de l'Ehpad, est jugée à Rennes. « J'étais débordée », "
            "a déclaré Nathalie Guérin. La présidente du tribunal, Anne-Sophie Kerbrat, l'a reprise : « Des trous, "
            "madame ? » Interrogée, la quinquagénaire a fini par reconnaître des « erreurs ».\n\nL'avocate pointe le "
            "« laxisme » du groupe gestionnaire, Armor Santé. Le groupe Armor Santé indique avoir « pleinement "
            "coopéré ».\n\nLa prévenue a eu la parole en dernier. « Je demande pardon aux familles », a-t-elle "
            "murmuré.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes if q.text.startswith(("erreurs", "Je demande"))] == [
        "Nathalie Guérin", "Nathalie Guérin"]
    assert [q.speaker for q in quotes if q.text.startswith("pleinement")] == ["Armor Santé"]


def test_a_headline_opening_on_a_quote_of_the_body_and_a_rank_for_the_commander(nlp):
    """« « … » : dans l'enfer de Pokrovsk, … » repeats the commander's words said in the body, where « souffle
    l'officier » means the commander; « son camarade Taras, 27 ans, hausse les épaules : « … » » is Taras's;
    a town written only after « de » or « à » is nobody."""
    text = ("« Ils nous envoient par vagues, comme du bétail » : dans l'enfer de Pokrovsk, les drones du commandant "
            "Ostapenko\n\nÀ quelques kilomètres de Pokrovsk, le commandant Andriy Ostapenko, 34 ans, observe l'écran. "
            "Une colonne avance. « Ils nous envoient par vagues, comme du bétail. Ils avancent quand même », souffle "
            "l'officier de la 25e brigade.\n\nÀ côté de lui, son camarade Taras, 27 ans, hausse les épaules : « Les "
            "Russes ont trois fois plus d'obus que nous. »")
    norm = normalize(text)
    art = Article(norm=norm, doc=nlp(norm.text))
    people = find_people(art)
    assert "Pokrovsk" not in [p.name for p in people]
    assert [q.speaker for q in find_quotations(art, people)] == ["Andriy Ostapenko", "Andriy Ostapenko", "Taras"]


def test_quoted_words_opening_on_a_verb_and_a_participle_after_an_incise(nlp):
    """« l'OGC Nice « dément avoir reçu … » »: the subject before the marks speaks; « « … », a-t-il déclaré,
    promettant une table ronde « sous quinze jours » »: the participle shares the incise's subject."""
    text = ("Dans un communiqué, l'OGC Nice « dément avoir reçu la moindre offre ».\n\nUne délégation a été reçue "
            "par le préfet, Olivier Tesson. « J'ai entendu la détresse », a-t-il déclaré à la sortie, promettant une "
            "table ronde avec les industriels « sous quinze jours ».")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [
        ("partial", "l'OGC Nice"), ("direct", "Olivier Tesson"), ("partial", "Olivier Tesson")]


def test_a_description_once_resolved_keeps_its_person(nlp):
    """« la réalisatrice » resolved to the film's director stays hers after a critic has been named."""
    text = ("Le film de Nadia Ferhat a gagné le Grand Prix. Nadia Ferhat était émue.\n\nRencontrée lundi, la "
            "réalisatrice dit avoir écrit le film « contre la nostalgie ».\n\nDans Télérama, Ariane Lefèvre salue "
            "« un film âpre ».\n\nLa réalisatrice, elle, prépare la suite. « Je ne quitterai pas la mer », "
            "sourit-elle.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Nadia Ferhat", "Ariane Lefèvre", "Nadia Ferhat"]


def test_a_pronoun_after_an_unnamed_source_who_reported_with_an_infinitive(nlp):
    """« une retraitée dit avoir perdu … « … », témoigne-t-elle »: the source that spoke is « elle », even
    when the parser hangs « dit » on the verb of the paragraph before."""
    text = ("« Mon client s'est présenté de lui-même aux enquêteurs », a-t-il déclaré à la sortie du palais, "
            "a indiqué son avocat, Me Julien Ortega.\n\nParmi les plaignants, une retraitée de Besançon dit avoir "
            "perdu 87 000 euros, l'essentiel de ses économies. « Le conseiller m'appelait chaque semaine », "
            "témoigne-t-elle.")
    assert quotes_of(nlp, text)[-1].speaker == "une retraitée de Besançon"


def test_elle_continues_a_body_described_in_the_sentence_before(nlp):
    """« L'association a passé au crible … Elle y a relevé 71 clauses qu'elle juge « … » »: the association is
    the body the article introduced (« l'UFC-Que Choisir », whose name the recogniser cuts at the hyphen)."""
    text = ("L'UFC-Que Choisir a publié mardi une enquête sur les salles de sport. Selon l'UFC-Que Choisir, 34 % "
            "des adhérents peinent à résilier.\n\n"
            "L'association a également passé au crible les conditions de 25 enseignes. Elle y a relevé 71 clauses "
            "qu'elle juge « abusives ou illicites ».")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text)] == [("partial", "UFC-Que Choisir")]


def test_origins_as_reprises_a_team_in_parentheses_and_a_narrative_infinitive(nlp):
    """« le Danois Rasmus X … a déclaré le Danois »; « Le Breton » for the rider the article is about, not for
    the Dane; « Mathis X (Breizh Cycling) » names his team, no person; « Son équipe, Breizh Cycling, a salué
    « … » »; « Avant d'ajouter, prudent : « … » » goes on with the last speaker."""
    text = ("Mathis Lebreton a devancé le Danois Rasmus Kjeldsen. Mercredi, Mathis Lebreton (Breizh Cycling) a "
            "attaqué. « J'avais de bonnes sensations », a-t-il souri.\n\nSon directeur sportif, Yann Le Floch, "
            "exulte. « Mathis a travaillé tout l'hiver », confie-t-il. Avant d'ajouter, prudent : « Le maillot, il "
            "faut le garder. »\n\n« Il était plus fort », a déclaré le Danois. Son équipe, Breizh Cycling, a salué "
            "« une victoire collective ».\n\nLe Breton, lui, refuse de s'enflammer. « Je savoure ce soir », a-t-il "
            "glissé.")
    norm = normalize(text)
    art = Article(norm=norm, doc=nlp(norm.text))
    people = find_people(art)
    assert [p.name for p in people] == ["Mathis Lebreton", "Rasmus Kjeldsen", "Yann Le Floch"]
    assert [q.speaker for q in find_quotations(art, people)] == [
        "Mathis Lebreton", "Yann Le Floch", "Yann Le Floch", "Rasmus Kjeldsen", "Breizh Cycling", "Mathis Lebreton"]


def test_a_portrait_s_description_means_its_subject_and_reflexive_incises(nlp):
    """In a portrait, « Le chef, lui, … « … », assure-t-il » is the chef, not his father named once since;
    « Sa seconde, Inès X, qui …, décrit … « … », raconte-t-elle » is Inès; « s'enthousiasme-t-il » an incise."""
    text = ("Hugo Castaing décroche sa troisième étoile. Hugo Castaing a 31 ans. Celui d'Hugo Castaing est un conte.\n\n"
            "Sa mère, Françoise Castaing, se souvient : « Il piquait mes casseroles. »\n\nSon père, Alain, glisse "
            "simplement : « On est fiers. »\n\nLe chef, lui, garde les pieds sur terre. « Les étoiles, c'est pour "
            "l'équipe », assure-t-il.\n\nSa seconde, Inès Barrault, qui l'accompagne depuis l'ouverture, décrit un "
            "bourreau de travail. « Il arrive à 7 heures », raconte-t-elle.\n\nPour le critique Jérôme Vialle, "
            "« Castaing a inventé une cuisine ». « Son velouté est un chef-d'oeuvre », s'enthousiasme-t-il.")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "Françoise Castaing", "Alain", "Hugo Castaing", "Inès Barrault", "Jérôme Vialle", "Jérôme Vialle"]


def test_narrative_infinitives_pour_phrases_and_quotes_with_nothing_between(nlp):
    """« Pour le colonel allemand à la retraite Ralf X, analyste, … : « … » » and « Et l'expert de prévenir :
    « … » »; « …, raconte un ancien officier, qui a fui en Géorgie. « … » » keeps the unnamed officer;
    « L'avocate de Léa X, Me Caroline Y, dément tout chiffre : » is the lawyer."""
    text = ("Pour le colonel allemand à la retraite Ralf Kessler, analyste militaire, cette promotion est un "
            "signal : « Poutine récompense les généraux qui obéissent. » Et l'expert de prévenir : « Là où il arrive, "
            "les pertes explosent. »\n\n« Il comptait les morts », raconte un ancien officier de son état-major, qui "
            "a fui en Géorgie. « Quand un bataillon était détruit, il en demandait un autre. »\n\nL'avocate de Léa "
            "Morand, Me Caroline Vasseur, dément tout chiffre : « Ma cliente ne demande que ce que la loi prévoit. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == [
        "Ralf Kessler", "Ralf Kessler", "un ancien officier de son état-major", "un ancien officier de son état-major",
        "Caroline Vasseur"]


def test_a_view_given_as_selon_elle_keeps_the_person_for_the_next_elle(nlp):
    """« X, hydrologue, invite à … Selon elle, … « … », explique-t-elle »: the expert just introduced, not the
    woman quoted earlier in the article."""
    text = ("« La sécheresse est historique », affirme Mathilde Renaud, présidente de l'association.\n\n"
            "Hélène Castaing, hydrologue au CNRS à Poitiers, invite à regarder au-delà de cet été. Selon elle, les "
            "nappes ont perdu près d'un tiers de leur recharge. « Un hiver pluvieux ne suffit plus », "
            "explique-t-elle. L'étude qu'elle a coordonnée prévoit une baisse. « Il faudra apprendre à cultiver "
            "avec moins d'eau », tranche la chercheuse.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Mathilde Renaud", "Hélène Castaing", "Hélène Castaing"]


def test_a_description_in_place_of_a_name_carries_the_conversation_on(nlp):
    """« poursuit la mère de famille », « ajoute ce père de famille »: the person quoted just before."""
    text = ("« On nous parle de chiffres », s'indigne Aurélie Delattre, présidente de l'association des parents "
            "d'élèves. Sa pétition a recueilli 1 400 signatures, selon l'association. « On nous a mis devant le "
            "fait accompli », poursuit la mère de famille.\n\n"
            "« Nous avons enterré nos voisins », témoigne Adam Ishaq, un enseignant réfugié dans le camp. « Les "
            "enfants ne dorment plus », ajoute ce père de famille de 42 ans.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Aurélie Delattre"] * 2 + ["Adam Ishaq"] * 2


def test_an_unnamed_source_keeps_the_adjectives_after_its_noun(nlp):
    text = ("Un dirigeant castrais, qui a requis l'anonymat, se montre moins serein : « On fera une offre. » "
            "Un ancien cadre dirigeant se montre plus sévère : « Le conseil a refusé de voir la réalité. »")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Un dirigeant castrais", "Un ancien cadre dirigeant"]


def test_court_and_emotion_incises_name_their_speaker(nlp):
    """« a interrompu la présidente, X », « s'étrangle Sandrine, 52 ans »."""
    text = ("« Vous pensiez ? », a interrompu la présidente, Marie Quéré. « Ce type est un monstre », s'étrangle "
            "Sandrine, 52 ans, dont la mère a été escroquée.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Marie Quéré", "Sandrine"]


@pytest.mark.parametrize("text, speaker", [
    # A foreign name the recogniser misses (or files as a place), named after the office and a comma.
    (("« C'est une question de survie », a lancé la ministre de l'environnement des Fidji, Litia Naivalu, au nom "
     "de l'Alliance des petits Etats insulaires."), "Litia Naivalu"),
    # A long office with a parenthesis, then the origin before the name.
    (("« Nous repartons avec des crochets », a regretté le négociateur en chef du groupe des pays les moins "
     "avancés (PMA), le Malawite Evans Chirwa."), "Evans Chirwa"),
    # The person who speaks for a body: « sa responsable du plaidoyer, X ».
    (("Pour l'ONG Cap Transition, le compte n'y est pas. « Chaque année de retard se paie en milliards », "
     "affirme sa responsable du plaidoyer, Inès Morvan."), "Inès Morvan"),
])
def test_the_name_after_an_office_and_a_comma_is_the_speaker(nlp, text, speaker):
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("Le ministère russe de la Défense a de son côté assuré avoir « éliminé » plus de 500 militaires.",
     "éliminé", "Le ministère russe de la Défense"),
    ("Lundi, la préfecture de la Haute-Saône évaluait à « plus de 4 tonnes » la quantité de poissons ramassés.",
     "plus de 4 tonnes", "la préfecture de la Haute-Saône"),
    (("En mars, le couple avait annoncé sa séparation dans un communiqué, évoquant une décision « mûrement "
     "réfléchie »."), "mûrement réfléchie", "le couple"),
    ("Pour le réseau Sortir du nucléaire, cet incident est « un énième signal d'alarme ».",
     "un énième signal d'alarme", "le réseau Sortir du nucléaire"),
    (("Le chef avait pourtant juré sur tous les plateaux que son émission allait « révolutionner la télé "
     "culinaire »."), "révolutionner la télé culinaire", "Le chef"),
    (("« Le salaire a augmenté », a affirmé la ministre, pour qui le gouvernement a fait « un effort sans "
     "précédent »."), "un effort sans précédent", "la ministre"),
    ("L'entreprise « conteste fermement » ces propos.", "conteste fermement", "L'entreprise"),
    ("« Les rapports remontent lentement », poursuit-il. EDF « conteste fermement » ces propos.",
     "conteste fermement", "EDF"),
    ("La ministre fidjienne, dont le pays a dû déplacer quarante villages, a dénoncé « une trahison ».",
     "une trahison", "La ministre fidjienne"),
    ("Un sondage confirme ces tensions. Un résultat qualifié de « signal d'alarme » par Nadine Carrel.",
     "signal d'alarme", "Nadine Carrel"),
])
def test_a_short_fragment_governed_by_a_voice_is_its_words_not_a_scare_quote(nlp, text, words, speaker):
    quote = next(q for q in quotes_of(nlp, text) if q.text == words)
    assert (quote.kind, quote.speaker) == ("partial", speaker)


def test_a_street_interviewee_named_by_first_name_then_elle_is_her_not_the_expert_before(nlp):
    text = ("L'économiste Sophie Tardieu relativise : « On est très loin du choc de 2022. »\n\n"
            "Dans un supermarché de Villejuif (Val-de-Marne), Chantal, 67 ans, retraitée, compare les étiquettes. "
            "« Le café, je l'achète en promo ou je ne l'achète plus », confie-t-elle.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Sophie Tardieu", "Chantal"]


def test_the_player_reprise_means_a_player_but_one_position_never_another(nlp):
    text = ("Le tournant est intervenu à la 58e minute, avec l'expulsion d'un défenseur lillois. "
            "« Le deuxième jaune est sévère », a regretté le défenseur lillois, Mamadou Traoré.\n\n"
            "Six minutes plus tard, l'attaquant Kévin Dumont égalisait de la tête. L'attaquant de 24 ans compte "
            "désormais 7 buts. « Je n'ai pas encore réalisé », souriait-il.\n\n"
            "Dumont serait suivi par plusieurs clubs anglais. Interrogé sur ces rumeurs, le joueur a souri : "
            "« Je suis concentré sur Lens. »")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Mamadou Traoré", "Kévin Dumont", "Kévin Dumont"]


def test_a_colon_gives_the_floor_to_a_subject_cut_off_by_a_relative_clause(nlp):
    text = ("Yannick Le Goff a défendu son attaquant. Quant aux rumeurs l'envoyant à Rennes en fin de saison, "
            "l'entraîneur, dont le contrat court jusqu'en juin 2026, a coupé court : « Je suis bien ici. »")
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Yannick Le Goff"


def test_il_means_the_one_man_of_an_article_whose_other_person_is_a_woman(nlp):
    text = ("Greg Dumaine pris à son propre piège\n\n"
            "Samedi soir, en plein direct, l'animateur a cru bon de lancer une blague à Inès, 22 ans, candidate de "
            "l'émission.\n\n"
            "Dimanche, le présentateur a tenté d'éteindre l'incendie sur Instagram. « J'ai fait une blague nulle. "
            "Je m'excuse auprès d'Inès », a-t-il écrit dans une story.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Greg Dumaine"]


def test_words_a_headline_borrows_from_someone_quoted_in_the_body_are_theirs(nlp):
    text = ("Rencontres du cinéma : Nadia Ferhat, le Grand Prix et la fierté des « petits films »\n\n"
            "La réalisatrice a reçu samedi le Grand Prix pour « Les Heures claires ».\n\n"
            "« C'est une fierté pour tous les petits films, ceux qu'on finance avec des bouts de ficelle », "
            "a déclaré Nadia Ferhat. Son producteur, Pascal Drouin, a salué « Les Heures claires », « un film "
            "fragile ».")
    quotes = quotes_of(nlp, text)
    borrowed, title = quotes[0], quotes[1]
    assert (borrowed.text, borrowed.kind, borrowed.speaker) == ("petits films", "partial", "Nadia Ferhat")
    # a title is said by nobody, even if someone names it later
    assert (title.text, title.speaker) == ("Les Heures claires", None)


def test_a_ministry_named_by_its_seat_speaks_through_an_impersonal_on(nlp):
    text = ("Les taux sont « en recul par rapport à la mobilisation du 1er février », souligne-t-on rue de "
            "Grenelle.\n\nA Bercy, on indique suivre le dossier « avec la plus grande attention ».")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["rue de Grenelle", "Bercy"]


def test_insisting_after_someone_new_is_brought_in_means_the_newcomer(nlp):
    text = ("« Les résultats sont encourageants », estime la neurologue Hélène Vautrin, du CHU de Lyon.\n\n"
            "« Il faut leur dire la vérité : ce n'est pas pour demain », explique la présidente de l'association, "
            "Martine Lebrun. Le Pr Vautrin partage ce constat. « Il ne faut pas vendre du rêve aux malades », "
            "insiste-t-elle.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Hélène Vautrin", "Martine Lebrun", "Hélène Vautrin"]


def test_the_union_delegate_is_the_union_official_named_before(nlp):
    text = ("« C'est un démantèlement à petit feu », dénonce Sophie Garnier, infirmière aux urgences et déléguée "
            "CGT.\n\n"
            "À Saint-Aubin, l'inquiétude gagne les familles. Camille Roussel en a fait l'expérience au printemps. "
            "« Le Samu a mis plus d'une heure à venir », raconte-t-elle.\n\n"
            "La déléguée syndicale, elle, appelle à un rassemblement samedi. « Si on laisse fermer la nuit, on "
            "fermera le jour ensuite », prévient-elle.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Sophie Garnier", "Camille Roussel", "Sophie Garnier"]


def test_an_age_description_means_the_person_of_that_age(nlp):
    # a name the recogniser has not seen, given an age in apposition, then « la quinquagénaire »
    text = ("Fatima, 52 ans, a quitté Nabatiyé dès l'aube avec ses enfants. « C'est la troisième fois qu'on fuit "
            "depuis l'an dernier », confie la quinquagénaire.\n\n"
            "Au bout du rang, Anne-Laure Mercey écarte une feuille noircie. Dessous, le bourgeon est brun. "
            "« Regardez, il n'y a plus rien », souffle la vigneronne de 47 ans.\n\n"
            "La quadragénaire estime avoir perdu « au moins 70 % » de sa future récolte.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Fatima", "Anne-Laure Mercey", "Anne-Laure Mercey"]


def test_the_answer_to_a_question_put_in_court_is_the_defendants(nlp):
    text = ("« Y a-t-il eu négligence ? » a demandé le président du tribunal, Hervé Lachaud.\n\n"
            "Mardi, c'est l'ancien directeur du site, Patrick Lemoine, 58 ans, qui comparaissait, aux côtés de la "
            "société Logidis, poursuivie en tant que personne morale. Costume sombre, voix basse, le quinquagénaire "
            "n'a pas cherché à esquiver. Les sprinklers étaient-ils hors service depuis la mi-mai ? « Oui », "
            "a-t-il reconnu à la barre.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Hervé Lachaud", "Patrick Lemoine"]


def test_a_celebritys_epithet_and_an_unnamed_confidant_introduced_by_selon(nlp):
    text = ("Mardi soir, Lou Vasseur, 29 ans, a mis fin au suspense. Sur Instagram, où elle est suivie par 3,4 "
            "millions d'abonnés, la reine des tubes de l'été a publié un long message : « Hugo et moi avons décidé "
            "de prendre des chemins séparés. »\n\n"
            "Selon un proche de la chanteuse, c'est bien Hugo qui aurait claqué la porte. « Lou est totalement "
            "anéantie », nous confie-t-il.\n\n"
            "Selon un sondage Odoxa publié jeudi, 71 % des Français la soutiennent. En 2021 déjà, Hugo Marchetti "
            "avait qualifié les critiques de « jaloux ».")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes][:2] == ["Lou Vasseur", "un proche de la chanteuse"]
    assert quotes[2].speaker != "un sondage Odoxa"


def test_a_demonstrative_description_takes_up_the_person_named_just_before(nlp):
    text = ("« Les loyers baissent enfin », se félicite l'adjointe au logement, Nadia Ferrand.\n\n"
            "Léa, 26 ans, en a fait l'expérience. Cette infirmière loue depuis l'an dernier un studio près de la "
            "gare. « J'ai découvert le simulateur de la ville par hasard », raconte-t-elle.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Nadia Ferrand", "Léa"]
