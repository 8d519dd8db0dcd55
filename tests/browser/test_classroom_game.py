"""A live class game in a real browser: a teacher projects it, three students play it to the podium."""

from __future__ import annotations

import os
import re

import pytest

from tests.factories import make_set, make_teacher

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("LOUPE_SCREENSHOTS")  # a folder: keep pictures of the projector and a phone


@pytest.fixture
def class_server(serve):
    """A teacher account and a published set of two questions, a minute each."""
    return serve(lambda: make_set(make_teacher("prof@example.org"), n_questions=2, status="published",
                                  default_seconds=60))


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=False)


def test_a_teacher_and_three_students_play_a_live_game_to_the_podium(browser, class_server):
    teacher = browser.new_context(viewport={"width": 1920, "height": 1080})
    projector = teacher.new_page()
    projector.goto(class_server + "/auth/login")
    projector.fill("input[name=email]", "prof@example.org")
    projector.fill("input[name=password]", "un mot de passe solide")
    projector.click("button[type=submit]")
    projector.goto(class_server + "/classroom/new")
    projector.click("button:has-text('Créer la partie')")
    code = re.sub(r"\D", "", projector.locator(".join-code").inner_text())
    assert len(code) == 6
    assert projector.locator(".lobby__qr svg").count() == 1

    students = []
    for nickname in ["Alice", "Bastien", "Chloé"]:
        context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
        page = context.new_page()
        page.goto(class_server + "/join")
        page.fill("input[name=code]", code)
        page.fill("input[name=nickname]", nickname)
        page.click("button:has-text('Rejoindre')")
        page.wait_for_url(re.compile(r"/game/\d+$"))
        students.append(page)
    projector.locator(".lobby__count", has_text="3").wait_for()  # the lobby updated itself
    shot(projector, "projector-lobby.png")
    shot(students[0], "phone-lobby.png")

    projector.click("[data-pace]")  # « Lancer la partie »
    for round_number in (1, 2):
        for index, page in enumerate(students):
            page.locator("button.choice").first.wait_for()
            if round_number == 1 and index == 0:
                shot(page, "phone-question.png")
            # Alice and Bastien choose the right answer (the first), Chloé the second.
            page.locator("button.choice").nth(1 if index == 2 else 0).click()
            page.get_by_text("Réponse enregistrée").or_(page.get_by_text("Bonne réponse")).first.wait_for()
        # Everyone answered: the projector shows the answers, the explanation and the leaderboard.
        projector.locator(".reveal__board").wait_for()
        assert projector.locator(".evidence mark").count() >= 1
        if round_number == 1:
            shot(projector, "projector-reveal.png")
        students[2].get_by_text("Pas tout à fait").wait_for()
        projector.click("[data-pace]")  # next question, then the podium

    projector.locator(".podium").wait_for()
    shot(projector, "projector-podium.png")
    steps = projector.locator(".podium__name").all_inner_texts()
    assert sorted(steps[:2]) == ["Alice", "Bastien"] and steps[2] == "Chloé"
    students[2].get_by_text("Partie terminée").wait_for()
    assert "3e" in students[2].locator(".podium-panel").inner_text()
    shot(students[0], "phone-podium.png")
