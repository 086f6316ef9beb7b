"""The Osaamistavoitteet tab in a real browser at 1280 px (Debian's Chromium via Playwright): a teacher pastes a
course text and reads each proposal with its source sentence and what changed; user text is shown, never run."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="module")
def page():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing")
        pytest.skip(f"{CHROMIUM} missing")
    from playwright.sync_api import sync_playwright

    from tests.app_server import running_app

    url = running_app()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded", timeout=60_000)
        page.get_by_role("tab", name="Osaamistavoitteet").click()
        page.wait_for_selector("#outcomes-text textarea", timeout=60_000)
        yield page
        browser.close()


def propose_in_page(page, text: str) -> None:
    page.fill("#outcomes-text textarea", text)
    page.click("#outcomes-button")
    page.wait_for_function("() => { const s = document.querySelector('#outcomes-summary');"
                           " return s && /tavoitetta|Ei ehdotuksia/.test(s.innerText); }", timeout=90_000)


def test_proposals_show_source_and_changes(page, tmp_path):
    text = ("Kotihoito (3 op)\nOsaamistavoitteet: Opiskelija osaa laatia asiakkaan lääkelistan. Opiskelija tuntee "
            "kotihoidon palvelujärjestelmän.")
    propose_in_page(page, text)
    cards = page.locator("#outcome-cards .oc-card")
    assert cards.count() == 2
    first, second = cards.nth(0).inner_text(), cards.nth(1).inner_text()
    assert "Osaat laatia asiakkaan lääkelistan." in first and "Kuvauksen omasta tavoitteesta" in first
    assert "Lähde:" in first and "osaa laatia asiakkaan lääkelistan" in first
    assert "Osaat kuvata kotihoidon palvelujärjestelmän." in second and "'tuntee' → 'kuvata'" in second
    # the author's statement is marked inside its source sentence
    assert page.locator("#outcome-cards .oc-card").nth(1).locator("mark").inner_text() == \
        "tuntee kotihoidon palvelujärjestelmän"
    # the page fits a 1280 px screen: no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.get_by_text("muotoon 'Osaat + verbi + mitä'").count() == 1  # the intro is not cut by a tag
    page.screenshot(path=str(tmp_path / "osaamistavoitteet.png"), full_page=True)


def test_user_text_is_escaped(page):
    propose_in_page(page, 'Osaamistavoitteet: Opiskelija osaa laatia <img src=x onerror="window.__xss=1"> '
                          'hoitosuunnitelman.\nSisältö: <script>window.__xss=1</script> Kurssilla käsitellään '
                          'lääkehoitoa.')
    assert page.evaluate("window.__xss") is None
    assert page.locator("#outcome-cards img").count() == 0 and page.locator("#outcome-cards script").count() == 0
