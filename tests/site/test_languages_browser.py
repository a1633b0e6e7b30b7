"""The site in Arabic, French and Spanish, in a real browser at a desk's width and a phone's:
the home page, the claims list, the seed claim's verdict page and the deadline tracker are served
in their language throughout (no English left in their words), Arabic right to left, dates in
the language's format, each page axe-clean; and an editor whose language is Arabic works a claim
through the admin in Arabic. Screenshots land in var/screenshots/lang-*."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, translation

from claims import intake as intake_service
from claims import tasks
from claims.demo import DEMO_USERS
from claims.models import Claim, StaffProfile
from tests.site import test_browser
from tests.site.test_browser import DESKTOP, PHONE, axe_violations, shoot

pytestmark = test_browser.pytestmark
browser = test_browser.browser
newsroom = test_browser.newsroom

DIRECTION = {"ar": "rtl", "fr": "ltr", "es": "ltr"}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# The words of a page that are the site's own, not the newsroom's data: navigation, headings,
# labels, buttons, table headings, the names of facts, the footer.
CHROME = (
    "header nav:not(.languages) a, main h2, main label, main button, main th, main dt, "
    "main legend, main summary, footer p"
)
# Words alike in English and a translation (names of formats), never a sign of a missing one.
SAME_IN_EVERY_LANGUAGE = {"RSS", "Atom", "ClaimReview", "API", "CSV"}
# A real Arabic news article (Youm7, 5 November 2017) with promises to suggest.
ARABIC_EXCERPT = Path(__file__).parents[1] / "data/realtext/articles/ar-youm7-rod-elfarag.json"


def seed_claim() -> Claim:
    return Claim.objects.get(statement__startswith="The Al-Qa'im")


def chrome_words(page) -> set[str]:
    texts = page.locator(CHROME).all_inner_texts()
    return {" ".join(text.split()) for text in texts if re.search(r"[^\W\d_]", text)}


def public_pages() -> dict[str, str]:
    with translation.override("en-gb"):
        verdict = seed_claim().get_absolute_url()
    return {"home": "/", "list": "/claims/", "verdict": verdict, "tracker": "/deadlines/"}


@pytest.mark.parametrize("code", ["ar", "fr", "es"])
def test_the_public_pages_read_in_each_language(browser, live_server, code):
    seed = seed_claim()
    with translation.override(code):
        deadline = formats.date_format(seed.deadline, "DATE_FORMAT")
    problems, untranslated = [], {}
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, base_url=live_server.url)
        page = context.new_page()
        for name, path in public_pages().items():
            page.goto(path)
            english = chrome_words(page)
            page.goto(f"/{code}{path}")
            html = page.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == (
                code,
                DIRECTION[code],
            )
            left = (english & chrome_words(page)) - SAME_IN_EVERY_LANGUAGE
            if left:
                untranslated[f"{width} {name}"] = sorted(left)
            if name == "verdict":
                assert deadline in page.locator("main").inner_text()
            problems += [(width, name, v) for v in axe_violations(page)]
            shoot(page, f"lang-{code}-{name}-{width}")
        context.close()
    assert untranslated == {}
    assert problems == []


def test_an_arabic_speaking_editor_works_a_claim_in_arabic(browser, live_server, monkeypatch):
    # The import runs in the request, as the newsroom day's does (tests/site/test_newsroom_day.py).
    monkeypatch.setattr(tasks.import_article, "delay", intake_service.run_import)
    editor = get_user_model().objects.get(username="editor")
    StaffProfile.objects.update_or_create(user=editor, defaults={"language": "ar"})
    article = json.loads(ARABIC_EXCERPT.read_text(encoding="utf-8"))
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    problems = []

    def look(step: str) -> None:
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl"), step
        shoot(page, f"lang-ar-editor-{step}")
        problems.extend((step, v) for v in axe_violations(page))

    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", DEMO_USERS["editor"][1])
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/desk/$"))
    look("desk")
    with translation.override("ar"):
        assert translation.gettext("My desk") in page.locator(".breadcrumbs").inner_text()

    page.goto("/admin/claims/article/import/")
    page.fill("#id_content", article["text"])
    page.fill("#id_source", "اليوم السابع")
    page.fill("#id_published", article["published"])
    look("import")
    with page.expect_navigation():
        page.click(".submit-row input[type=submit]")
    page.wait_for_url(re.compile(r"/suggestions/$"))
    look("suggestions")
    page.locator("form[action$='/accept/'] input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/suggestions/$"))
    page.locator(".card.accepted a[href*='/claims/claim/']").first.click()
    page.wait_for_url(re.compile(r"/admin/claims/claim/\d+/change/$"))
    look("claim")
    claim = Claim.objects.get(pk=re.search(r"/claim/(\d+)/", page.url)[1])
    assert claim.language == "ar" and claim.deadline is not None
    page.select_option("#id_reviewer", label="reviewer")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    look("claim-saved")
    assert "بنجاح" in page.locator(".messagelist").inner_text()  # "successfully", Django's own
    assert Claim.objects.get(pk=claim.pk).reviewer.username == "reviewer"
    context.close()
    assert problems == []
