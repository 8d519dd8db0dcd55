"""Shared pieces of the teachers' tests: logging in, and a realistic French article the analyser reads."""

from __future__ import annotations

import html

from tests.factories import TEACHER_PASSWORD

# Not from content/: a short local news story with quotes, sourced and unsourced figures, a loaded word.
NEWS_TEXT = (
    "Le conseil municipal de Villeneuve-sur-Lot a voté mardi soir une hausse de 12 % du budget consacré aux "
    "écoles, selon le compte rendu publié mercredi par la mairie.\n\n"
    "« Nous voulons que chaque élève ait un ordinateur d'ici 2027 », a déclaré le maire, Jean Dupuis, à l'issue "
    "de la séance.\n\n"
    "« Ce budget ne règle rien pour les cantines », a répondu la conseillère d'opposition Marie Lefèvre, qui a "
    "voté contre.\n\n"
    "Pour le directeur de l'école Jules-Ferry, Paul Martin, « les familles attendent ces travaux depuis dix ans ».\n\n"
    "L'opposition dénonce un projet pharaonique. Ce gouffre financier, véritable fiasco annoncé, inquiète les "
    "habitants. D'après l'Insee, la commune compte 4 500 enfants scolarisés.\n\n"
    "Les travaux coûteront 2,3 millions d'euros, a précisé la préfecture. Quelque 40 classes restent mal "
    "chauffées, affirme le syndicat des enseignants."
)


def text(response) -> str:
    """The page as a reader sees it: entities such as ``&#39;`` decoded."""
    return html.unescape(response.get_data(as_text=True))


def log_in(client, teacher, password: str = TEACHER_PASSWORD):
    response = client.post("/auth/login", data={"email": teacher.email, "password": password})
    assert response.status_code == 303, response.get_data(as_text=True)
    return client
