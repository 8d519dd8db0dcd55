"""The teacher's workspace and classroom games as one product: from a set to a game and back to its results."""

from __future__ import annotations

from tests.factories import make_set
from tests.web.teaching import text
from webapp.classroom import services as classroom


def test_the_dashboard_lists_the_teachers_games_with_a_link_to_each(owner_client, reviewed, teacher, colleague):
    _, questions = reviewed
    question_set = make_set(teacher, questions[:2], title="Budget des écoles", status="published")
    game = classroom.start_game(teacher, question_set, mode="live")
    classroom.start_game(colleague, make_set(colleague, questions[:2], title="Pas la mienne", status="published"),
                         mode="live")

    page = text(owner_client.get("/teach/"))

    assert "Mes parties" in page
    assert f'href="/classroom/{game.id}"' in page
    assert f'href="/classroom/{game.id}/results"' in page
    assert "Pas la mienne" not in page.split('id="my-games"')[1].split("</section>")[0]
    assert 'href="/classroom/"' in page


def test_the_dashboard_says_when_there_is_no_game_yet(owner_client, teacher):
    page = text(owner_client.get("/teach/"))

    assert "Aucune partie pour l'instant" in page


def test_each_published_set_offers_to_start_a_game_with_it_preselected(owner_client, reviewed, teacher):
    _, questions = reviewed
    published = make_set(teacher, questions[:2], title="Publiée", status="published")
    draft = make_set(teacher, questions[:2], title="Brouillon")

    dashboard = text(owner_client.get("/teach/"))
    new_game = owner_client.get(f"/classroom/new?set_id={published.id}").get_data(as_text=True)

    assert f'href="/classroom/new?set_id={published.id}"' in dashboard
    assert f'href="/classroom/new?set_id={draft.id}"' not in dashboard
    assert f'<option selected value="{published.id}">' in new_game


def test_a_colleagues_published_set_can_be_started_too(owner_client, reviewed, colleague):
    _, questions = reviewed
    theirs = make_set(colleague, questions[:2], title="Celle d'un collègue", status="published")

    assert f'href="/classroom/new?set_id={theirs.id}"' in text(owner_client.get("/teach/"))


def test_the_set_page_links_to_starting_a_game_and_to_its_results(owner_client, reviewed, teacher):
    _, questions = reviewed
    published = make_set(teacher, questions[:2], status="published")
    draft = make_set(teacher, questions[:2])

    published_page = text(owner_client.get(f"/teach/sets/{published.id}"))
    draft_page = text(owner_client.get(f"/teach/sets/{draft.id}"))

    assert f'href="/classroom/new?set_id={published.id}"' in published_page
    assert f'href="/teach/sets/{published.id}/results"' in published_page
    assert "/classroom/new" not in draft_page


def test_the_header_shows_mes_parties_to_a_logged_in_teacher(owner_client):
    assert '<a href="/classroom/">Mes parties</a>' in text(owner_client.get("/"))


def test_the_header_shows_no_games_to_a_student(client):
    # No `db` fixture here: its app context (and Flask-Login's user in g) would be shared with the requests.
    assert "Mes parties" not in text(client.get("/"))


def test_the_new_game_page_is_reachable_from_the_nav(owner_client, teacher):
    games = text(owner_client.get("/classroom/"))

    assert 'href="/classroom/new"' in games
    assert owner_client.get("/classroom/new").status_code == 200
