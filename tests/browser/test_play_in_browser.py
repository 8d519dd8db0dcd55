"""A student plays a whole round in Chromium: with htmx (no reload between answers) and without JavaScript."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def start_round(page, base_url: str, nickname: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name=re.compile("^Jouer : La ministre")).click()
    page.get_by_label("Ton pseudo").fill(nickname)
    page.get_by_role("button", name="C'est parti !").click()
    page.wait_for_url(re.compile(r"/play/[\w-]{20,}$"))


def test_a_round_with_htmx_never_reloads_the_page(browser, live_server, screenshots):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="fr-FR")
    page = context.new_page()
    start_round(page, live_server, "Zoé")
    page.evaluate("window.__marker = 1")
    screenshots(page, "phone-question")

    verdicts = []
    for number in range(1, 4):
        assert page.locator(".round-bar__step").inner_text() == f"Question {number} sur 3"
        page.locator("form.choices button.choice").last.click()
        verdict = page.locator(".feedback__verdict")
        verdict.wait_for()
        verdicts.append(verdict.inner_text())
        assert page.evaluate("window.__marker") == 1, "the page was reloaded"
        # The focus moves once htmx has settled the swap, a moment after the verdict appears (polled from
        # here: the page's CSP forbids the eval that wait_for_function would need).
        assert _eventually(page, "document.activeElement.classList.contains('feedback__verdict')")
        assert page.locator(".evidence mark").count() >= 1
        assert re.search(rf"/questions/{number}$", page.url)
        if number == 2:
            screenshots(page, "phone-feedback")
        page.locator(".feedback__next a").click()
        if number < 3:
            expect(page.locator(".round-bar__step")).to_have_text(f"Question {number + 1} sur 3")

    page.get_by_role("heading", name="Partie terminée, Zoé !").wait_for()
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"
    assert verdicts == ["Pas tout à fait.", "Pas tout à fait.", "Bonne réponse !"]
    assert "1 bonne réponse sur 3" in page.inner_text(".end-screen")
    screenshots(page, "phone-end")

    page.get_by_role("link", name="Voir le classement").click()
    assert page.locator("tr.me").first.inner_text().startswith("1")
    assert "Zoé" in page.locator("tr.me").first.inner_text()
    screenshots(page, "phone-board")
    context.close()


def test_number_keys_choose_an_answer(browser, live_server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
    page = context.new_page()
    start_round(page, live_server, "Clavier")

    page.keyboard.press("1")

    page.locator(".feedback__verdict").wait_for()
    assert page.locator(".choice--chosen").inner_text().startswith("✓")  # the first choice was right
    context.close()


def test_a_round_without_javascript_works_by_form_posts(browser, live_server, screenshots):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    start_round(page, live_server, "Sans JS")
    screenshots(page, "projector-question")

    for number in range(1, 4):
        assert page.locator(".round-bar__step").inner_text() == f"Question {number} sur 3"
        page.locator("form.choices button.choice").first.click()
        page.wait_for_url(re.compile(rf"/questions/{number}$"))
        assert page.locator(".feedback__verdict").is_visible()
        if number == 2:
            screenshots(page, "projector-feedback")
        page.locator(".feedback__next a").click()
        page.wait_for_load_state()

    assert page.get_by_role("heading", name="Partie terminée, Sans JS !").is_visible()
    assert "1 bonne réponse sur 3" in page.inner_text(".end-screen")
    screenshots(page, "projector-end")

    page.get_by_role("link", name="Voir le classement").click()
    assert "Sans JS" in page.locator("tr.me").first.inner_text()
    screenshots(page, "projector-board")
    page.goto(live_server + "/")
    screenshots(page, "projector-home")
    context.close()


def _eventually(page, expression: str, seconds: float = 5.0) -> bool:
    """Whether a JavaScript expression becomes true within a few seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return True
        page.wait_for_timeout(50)
    return False
