"""Every French text the templates and the app show has an English translation."""

import ast
import inspect
import json
import re
from importlib import resources
from pathlib import Path

from flask import g
from jinja2 import Environment, nodes
from wtforms import Field

import webapp
from tests import factories
from webapp import errors
from webapp.auth import forms as auth_forms
from webapp.classroom import forms as classroom_forms
from webapp.classroom import routes as classroom_routes
from webapp.classroom import services as classroom_services
from webapp.game import forms as game_forms
from webapp.play import forms, routes, services
from webapp.teach import forms as teach_forms
from webapp.teach import routes as teach_routes

PACKAGE = Path(webapp.__file__).parent
TEMPLATES = PACKAGE / "templates"
# The analyser's questions and explanations stay French: they are about French articles.
FRENCH_ONLY = {PACKAGE / "analysis"}
FORM_MODULES = [forms, auth_forms, teach_forms, classroom_forms, game_forms]


def catalog() -> dict[str, str]:
    return json.loads((resources.files("webapp") / "translations" / "en.json").read_text(encoding="utf-8"))


def template_keys() -> set[str]:
    """The literal first argument of every ``_()`` call in every template, found by Jinja's own parser."""
    env = Environment(extensions=["jinja2.ext.do"])
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        for call in env.parse(path.read_text(encoding="utf-8")).find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "_" and call.args:
                if isinstance(call.args[0], nodes.Const) and isinstance(call.args[0].value, str):
                    found.add(call.args[0].value)
    return found


def python_keys() -> set[str]:
    """The literal first argument of every ``_()`` or ``gettext()`` call in the app's Python code."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if any(folder in path.parents for folder in FRENCH_ONLY):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "gettext")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def form_texts() -> set[str]:
    """Labels, choices and validator messages of every form (templates translate them when they render)."""
    found = set()
    for module in FORM_MODULES:
        for form in (c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__):
            for _, unbound in inspect.getmembers(form, lambda m: hasattr(m, "field_class")):
                if not issubclass(unbound.field_class, Field):
                    continue
                label = unbound.kwargs.get("label", unbound.args[0] if unbound.args else None)
                if label:
                    found.add(label)
                found |= {text for _, text in unbound.kwargs.get("choices") or [] if isinstance(text, str)}
                found |= {v.message for v in unbound.kwargs.get("validators", []) if getattr(v, "message", None)}
    found.add("Ce pseudo n'est pas accepté en classe. Choisis-en un autre.")  # raised by not_offensive
    return found


def french_texts() -> set[str]:
    found = template_keys() | python_keys() | form_texts()
    found |= set(errors.TITLES.values()) | set(errors.MESSAGES.values()) | {errors.CSRF_MESSAGE}
    found |= set(routes.KIND_LABELS.values()) | {"Question", services.ALREADY_ANSWERED}
    found |= set(classroom_routes.STATE_LABELS.values())
    found |= set(teach_routes.KIND_LABELS.values()) | set(teach_routes.STATUS_LABELS.values())
    for error in (services.RoundNotFound(), services.QuestionNotInRound(), services.InvalidChoice(),
                  services.NoQuestions()):
        found.add(error.message)
    for error in vars(classroom_services).values():
        if isinstance(error, type) and issubclass(error, classroom_services.GameError) and error is not classroom_services.GameError:
            found.add(error().message)
    return found


def test_every_french_text_has_an_english_translation():
    missing = french_texts() - set(catalog())

    assert not missing, f"add to webapp/translations/en.json: {sorted(missing)}"


def test_the_check_sees_templates_and_python_calls():
    # Guards the guard: a parser change that found nothing would make the test above pass vacuously.
    assert {"Espace enseignant", "Lancer une partie", "Temps restant :"} <= template_keys()
    assert "Mot de passe" in form_texts()


def test_placeholders_are_kept_in_translations():
    for french, english in catalog().items():
        assert set(re.findall(r"%\(\w+\)s", french)) == set(re.findall(r"%\(\w+\)s", english)), french


def in_english(client):
    client.get("/langue/en")


def test_teacher_dashboard_in_english(client, db):
    teacher = factories.make_teacher()
    factories.make_set(teacher, n_questions=1, status="published")
    factories.log_in_session(client, teacher)
    in_english(client)

    page = client.get("/teach/").text

    assert "Teacher area" in page and "My question sets" in page and "Mes séries" not in page


def test_classroom_page_in_english(client, db):
    game = factories.make_game()
    factories.make_players(game, 2)
    factories.log_in_session(client, game.teacher)
    in_english(client)

    page = client.get(f"/classroom/{game.id}").text

    assert "Live" in page and "Nickname" in page and "Pseudo" not in page


def test_student_game_page_in_english(client, db):
    game = factories.make_game()
    [player] = factories.make_players(game, 1)
    factories.join_as(client, game, player)
    in_english(client)

    page = client.get(f"/game/{game.id}").text

    assert "Your nickname:" in page and "Ton pseudo" not in page


def test_join_page_in_english(client, db):
    in_english(client)

    page = client.get("/join").text

    assert "Game code" in page and "Code de la partie" not in page


def test_projector_page_in_english(client, db):
    game = factories.make_game()
    factories.log_in_session(client, game.teacher)
    in_english(client)

    page = client.get(f"/board/games/{game.id}").text

    assert "To play, go to" in page and "Pour jouer" not in page


def test_plural_and_ordinal_follow_each_language(app):
    from webapp.i18n import ngettext, ordinal

    with app.test_request_context():
        g.language = "fr"
        assert [ordinal(1), ordinal(2)] == ["1er", "2e"]
        assert ngettext("%(n)s joueur", "%(n)s joueurs", 0) == "0 joueur"
        g.language = "en"
        assert [ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22)] == ["1st", "2nd", "3rd", "11th", "22nd"]
        assert ngettext("%(n)s joueur", "%(n)s joueurs", 0) == "0 players"
        assert ngettext("%(n)s joueur", "%(n)s joueurs", 1) == "1 player"


def test_a_sentence_around_values_is_translated_whole(client, db):
    game = factories.make_game()
    factories.make_players(game, 2)
    factories.log_in_session(client, game.teacher)
    in_english(client)

    page = client.get(f"/classroom/{game.id}").text

    assert "2 players" in page and "joueur" not in page
