"""Every French text the templates and the app show has an English translation."""

import json
import re
from importlib import resources
from pathlib import Path

from webapp import errors
from webapp.play import forms, routes, services

TEMPLATES = Path(resources.files("webapp") / "templates")
# What students see; other areas join this list once their pages are translated.
STUDENT_TEMPLATES = ["base.html", "errors/*.html", "play/*.html", "board/*.html"]


def french_texts() -> set[str]:
    found = set()
    for path in (p for pattern in STUDENT_TEMPLATES for p in TEMPLATES.glob(pattern)):
        found |= {m.group(2) for m in re.finditer(r"""_\((["'])(.*?)\1[,)]""", path.read_text(encoding="utf-8"))}
    found |= set(errors.TITLES.values()) | set(errors.MESSAGES.values()) | {errors.CSRF_MESSAGE}
    found |= set(routes.KIND_LABELS.values()) | {"Question", services.ALREADY_ANSWERED}
    for error in (services.RoundNotFound(), services.QuestionNotInRound(), services.InvalidChoice(),
                  services.NoQuestions()):
        found.add(error.message)
    form = forms.NicknameForm.nickname.kwargs
    found.add(form["label"] if "label" in form else forms.NicknameForm.nickname.args[0])
    found |= {v.message for v in form["validators"]}
    return found


def test_every_french_text_has_an_english_translation():
    catalog = json.loads((resources.files("webapp") / "translations" / "en.json").read_text(encoding="utf-8"))

    missing = french_texts() - set(catalog)

    assert not missing, f"add to webapp/translations/en.json: {sorted(missing)}"


def test_placeholders_are_kept_in_translations():
    catalog = json.loads((resources.files("webapp") / "translations" / "en.json").read_text(encoding="utf-8"))
    for french, english in catalog.items():
        assert set(re.findall(r"%\(\w+\)s", french)) == set(re.findall(r"%\(\w+\)s", english)), french
