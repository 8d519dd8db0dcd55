"""Every French text the templates and the app show has an English translation."""

import ast
import csv
import inspect
import io
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
from webapp.classroom import results as classroom_results
from webapp.classroom import routes as classroom_routes
from webapp.classroom import services as classroom_services
from webapp.game import forms as game_forms
from webapp.play import forms, routes, services
from webapp.teach import forms as teach_forms
from webapp.teach import routes as teach_routes
from webapp.teach import services as teach_services

PACKAGE = Path(webapp.__file__).parent
TEMPLATES = PACKAGE / "templates"
# The analyser's questions and explanations stay French: they are about French articles.
FRENCH_ONLY = {PACKAGE / "analysis"}
FORM_MODULES = [forms, auth_forms, teach_forms, classroom_forms, game_forms]


def catalog() -> dict[str, str]:
    return json.loads((resources.files("webapp") / "translations" / "en.json").read_text(encoding="utf-8"))


def template_keys() -> set[str]:
    """The literal texts of every ``_()`` call (and both forms of ``ngettext()``) in every template, found by
    Jinja's own parser."""
    env = Environment(extensions=["jinja2.ext.do"])
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        for call in env.parse(path.read_text(encoding="utf-8")).find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in ("_", "ngettext"):
                texts = call.args[:2] if call.node.name == "ngettext" else call.args[:1]
                found |= {a.value for a in texts if isinstance(a, nodes.Const) and isinstance(a.value, str)}
    return found


# Calls whose message reaches the reader: the base template translates flashes, the error page and the
# forms translate errors and problems. (`render_error` and `abort` take their message second.)
TRANSLATE_CALLS = {"_", "gettext", "ngettext", "Message"}
MESSAGE_CALLS = {"flash", "TeachError", "NotFound", "ReadOnly", "AccountError", "ValidationError", "render_error",
                 "abort"}


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _message_texts(node: ast.expr, where: str, found: set[str], untranslatable: list[str]) -> None:
    """The literal French texts a message expression can be; an f-string or a concatenation cannot be a key."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        found.add(node.value)
    elif isinstance(node, ast.IfExp):
        _message_texts(node.body, where, found, untranslatable)
        _message_texts(node.orelse, where, found, untranslatable)
    elif isinstance(node, ast.Call) and _name(node.func) in TRANSLATE_CALLS:
        pass  # collected as a translation call
    elif not isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)):
        untranslatable.append(f"{where}: {ast.unparse(node)[:80]}")


def python_messages() -> tuple[set[str], list[str]]:
    """The French texts of the app's Python code, and the messages built so that no key can match them.

    Texts: the first argument of ``_()``, ``gettext()``, ``ngettext()`` (both forms), ``Message()``, and the
    message of a flash, an error raised for the reader, or a problem appended to a list shown to the teacher.
    """
    found, untranslatable = set(), []
    for path in PACKAGE.rglob("*.py"):
        if any(folder in path.parents for folder in FRENCH_ONLY):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, where = _name(node.func), f"{path.relative_to(PACKAGE)}:{node.lineno}"
            if name in TRANSLATE_CALLS:
                texts = node.args[:2] if name == "ngettext" else node.args[:1]
                found |= {a.value for a in texts if isinstance(a, ast.Constant) and isinstance(a.value, str)}
            elif name in MESSAGE_CALLS:
                index = 1 if name in ("render_error", "abort") else 0
                if len(node.args) > index:
                    _message_texts(node.args[index], where, found, untranslatable)
            elif (name == "append" and isinstance(node.func.value, ast.Name)
                  and node.func.value.id in ("problems", "reasons")):
                _message_texts(node.args[0], where, found, untranslatable)
    return found, untranslatable


def python_keys() -> set[str]:
    return python_messages()[0]


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
    found |= set(classroom_results.CSV_COLUMNS) | set(classroom_results.CSV_CORRECT.values())
    found |= set(teach_routes.KIND_LABELS.values()) | set(teach_routes.STATUS_LABELS.values())
    for error in (services.RoundNotFound(), services.QuestionNotInRound(), services.InvalidChoice(),
                  services.NoQuestions()):
        found.add(error.message)
    found |= {teach_services.NotFound().message, teach_services.ReadOnly().message}
    for error in vars(classroom_services).values():
        if isinstance(error, type) and issubclass(error, classroom_services.GameError) and error is not classroom_services.GameError:
            found.add(error().message)
    return found


def test_every_french_text_has_an_english_translation():
    missing = french_texts() - set(catalog())

    assert not missing, f"add to webapp/translations/en.json: {sorted(missing)}"


def test_messages_built_in_python_are_translatable():
    # An f-string or a concatenation makes a text no catalogue key can match: use placeholders instead.
    untranslatable = python_messages()[1]

    assert not untranslatable, f"use a key with %(name)s placeholders: {untranslatable}"


def test_the_check_sees_templates_and_python_calls():
    # Guards the guard: a parser change that found nothing would make the test above pass vacuously.
    assert {"Espace enseignant", "Lancer une partie", "Temps restant :", "%(n)s joueurs"} <= template_keys()
    assert "Mot de passe" in form_texts()
    assert {"L'article « %(title)s » est supprimé.", "Question enregistrée.", "Cet article ne peut pas être supprimé : %(reasons)s.",
            "Question %(number)s : deux choix sont identiques.", "Cette adresse e-mail n'est pas valide."} <= python_keys()


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


def test_a_flash_with_a_value_is_translated_whole(client, db):
    teacher = factories.make_teacher()
    question_set = factories.make_set(teacher, n_questions=1, title="Série <b>du lundi</b>")
    factories.log_in_session(client, teacher)
    in_english(client)

    client.post(f"/teach/sets/{question_set.id}/delete")
    page = client.get("/teach/").text

    assert "The set “Série &lt;b&gt;du lundi&lt;/b&gt;” has been deleted." in page


def test_set_import_problems_are_translated_one_by_one(client, db):
    factories.log_in_session(client, factories.make_teacher())
    in_english(client)
    document = b'{"title": "T", "questions": [{"kind": "free"}]}'

    page = client.post("/teach/sets/import", data={"file": (io.BytesIO(document), "s.json")},
                       content_type="multipart/form-data").text

    assert "This set file is not valid:" in page and "Question 1: the explanation is empty." in page
    assert "Question 1 :" not in page


def test_the_question_kinds_are_offered_in_english(client, db):
    teacher = factories.make_teacher()
    article = factories.make_teacher_article(teacher)
    factories.log_in_session(client, teacher)
    in_english(client)

    page = client.get(f"/teach/articles/{article.id}/questions/new").text

    assert 'value="who_quoted"' in page and "Who is speaking? (attributing a quotation)" in page
    assert "Qui parle ?" not in page


def results_rows(client, game):
    response = client.get(f"/classroom/{game.id}/results.csv")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))


def test_the_results_csv_is_french_by_default_and_english_for_an_english_teacher(client, db):
    game = factories.make_game()
    factories.make_players(game, 1)
    factories.log_in_session(client, game.teacher)

    french = results_rows(client, game)
    in_english(client)
    english = results_rows(client, game)

    assert french[0][:5] == ["partie", "joueur", "note", "rang", "score total"]
    assert french[1][9] == "sans réponse"
    assert english[0][4:7] == ["total score", "question", "question text"]
    assert english[1][9] == "no answer"
    assert english[1][:3] == french[1][:3]  # the game's title, the nickname and the note are left as typed
