"""A teacher, in Chromium: logs in, pastes an article that is not in content/, waits for the analysis, accepts
two questions, edits one (choosing its evidence by selecting text), publishes a set; a student plays it.
Every page runs under the Content-Security-Policy: a violation fails the test."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import TEACHER_PASSWORD, make_teacher
from tests.web.teaching import NEWS_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def teacher_server(serve):
    """The app over HTTP with CSRF on, analysing imports in a background thread, and one teacher account."""
    return serve(lambda: make_teacher("prof@lycee.fr"))


def _watch_csp(page, violations: list[str]) -> None:
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)


def _select(page, words: str) -> None:
    """Select `words` in the article text as a mouse would, then release the mouse (teach.js listens)."""
    page.evaluate(
        """(words) => {
            const walker = document.createTreeWalker(document.getElementById("article-text"), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    node.parentElement.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                    return;
                }
            }
            throw new Error("words not found: " + words);
        }""",
        words,
    )


def test_a_teacher_prepares_a_set_and_a_student_plays_it(browser, teacher_server, screenshots):
    violations: list[str] = []
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    _watch_csp(page, violations)

    page.goto(teacher_server + "/teach/")
    page.wait_for_url(re.compile(r"/auth/login"))
    screenshots(page, "teacher-login")
    page.get_by_label("Adresse e-mail").fill("prof@lycee.fr")
    page.get_by_label("Mot de passe").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/teach/$"))

    page.get_by_role("link", name="Importer un article").click()
    page.get_by_label("Titre").fill("Le budget des écoles de Villeneuve")
    page.get_by_label("Média").fill("La Gazette du Lot")
    page.get_by_label("Date de publication").fill("12 mars 2025")
    page.get_by_label("Texte de l'article").fill(NEWS_TEXT)
    screenshots(page, "teacher-import")
    page.get_by_role("button", name="Importer et analyser").click()
    page.wait_for_url(re.compile(r"/teach/articles/\d+$"))
    screenshots(page, "teacher-analysing")

    # The status fragment polls every second, then reloads the page with the questions.
    cards = page.locator("li.qcard")
    expect(cards.first).to_be_visible(timeout=90_000)
    assert page.locator("mark.hl--quote").count() >= 2 and page.locator("mark.hl--figure").count() >= 1
    screenshots(page, "teacher-review")

    page.evaluate("window.__marker = 1")
    for index in range(2):
        card = cards.nth(index)
        card.get_by_role("button", name=re.compile("^Accepter")).click()
        expect(cards.nth(index).locator(".tag--accepted")).to_have_text("Acceptée")
    assert page.evaluate("window.__marker") == 1, "accepting reloaded the page"

    first = cards.first
    first.get_by_role("link", name="Modifier").click()
    form = page.locator("li.qcard--editing form")
    expect(form).to_be_visible()
    form.get_by_label("Énoncé").fill("Qui juge que le budget ne règle rien pour les cantines ?")
    _select(page, "Ce budget ne règle rien pour les cantines")
    expect(form.locator("[data-evidence-text]")).to_have_value("Ce budget ne règle rien pour les cantines")
    screenshots(page, "teacher-edit")
    form.get_by_role("button", name="Enregistrer").click()
    edited = page.locator("li.qcard").first
    expect(edited.locator(".qcard__prompt")).to_have_text("Qui juge que le budget ne règle rien pour les cantines ?")
    expect(edited.locator(".tag--accepted").first).to_be_visible()
    edited.locator("summary").click()
    expect(edited.locator("blockquote.evidence")).to_have_text("Ce budget ne règle rien pour les cantines")
    assert page.evaluate("window.__marker") == 1, "editing reloaded the page"

    page.goto(teacher_server + "/teach/sets/new")
    page.get_by_label("Titre").fill("Qui parle dans la presse locale ?")
    page.get_by_label("Description").fill("Attribuer les citations et trouver la source des chiffres.")
    page.get_by_label("Temps par question (secondes)").fill("40")
    page.get_by_role("button", name="Créer la série").click()
    page.wait_for_url(re.compile(r"/teach/sets/\d+$"))
    for _ in range(2):
        page.locator(".candidate").first.get_by_role("button", name=re.compile("^Ajouter")).click()
        page.wait_for_load_state("networkidle")
    expect(page.locator(".set-question")).to_have_count(2)
    second_prompt = page.locator(".set-question__prompt").nth(1).inner_text()
    page.locator(".set-question").nth(1).get_by_role("button", name=re.compile("^Monter")).click()
    expect(page.locator(".set-question__prompt").first).to_have_text(second_prompt)
    page.get_by_role("button", name="Publier pour les élèves").click()
    expect(page.locator("h1 .tag--published")).to_have_text("Publiée")
    screenshots(page, "teacher-set")

    student = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR").new_page()
    _watch_csp(student, violations)
    student.goto(teacher_server + "/")
    student.get_by_role("link", name="Jouer : Qui parle dans la presse locale ?").click()
    student.get_by_label("Ton pseudo").fill("Inès")
    student.get_by_role("button", name="C'est parti !").click()
    student.wait_for_url(re.compile(r"/play/[\w-]{20,}$"))
    assert student.locator(".prompt").inner_text() == second_prompt
    for number in (1, 2):
        student.locator("form.choices button.choice").first.click()
        student.locator(".feedback__verdict").wait_for()
        assert student.locator(".evidence mark").count() >= 1
        student.locator(".feedback__next a").click()
    student.get_by_role("heading", name=re.compile("Partie terminée, Inès")).wait_for()
    screenshots(student, "student-set-end")

    page.goto(page.url + "/results")
    expect(page.locator("svg.chart").first).to_be_visible()
    assert page.inner_text(".stats").startswith("1\nélève(s) ou partie(s)")
    screenshots(page, "teacher-results")

    page.goto(teacher_server + "/teach/")
    expect(page.get_by_role("link", name="Le budget des écoles de Villeneuve")).to_be_visible()
    screenshots(page, "teacher-dashboard")

    assert violations == []
    context.close()
    student.context.close()
