"""The site in a real browser (Debian's Chromium driven by Playwright) on the demo newsroom.

Readers filter and search the list, open a verdict page and read the deadline tracker, with and
without JavaScript; axe-core checks the main pages; the newsroom runs its whole loop in the admin.
Screenshots land in var/screenshots/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.utils import formats

from claims import demo
from claims import intake as intake_service
from claims.models import Claim, Claimant, Source
from tests.support.servers import needs

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = [
    needs(
        shutil.which("chromium") is not None,
        "Chromium is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.slow,
]


@pytest.fixture
def newsroom(db) -> None:
    demo.load()


@pytest.fixture
def browser(newsroom) -> Iterator:
    """Chromium, started after the test database is set up and stopped before it is flushed:
    while Playwright's event loop runs, Django's connections are per context, and the flush's
    restore of the migrations' data (ratings, groups) must see the usual connection."""
    sync_api = pytest.importorskip("playwright.sync_api")
    # The sync API keeps an event loop running in this thread; the tests' own ORM calls are
    # still plain synchronous code, which Django's async guard cannot tell apart.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        connections.close_all()  # those the test opened while the loop ran


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    yield context.new_page()
    context.close()


def shoot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the page (axe.min.js from a pinned package)."""
    import axe_playwright_python

    # Evaluated by the browser's own tooling: an injected <script> would be refused by the
    # site's Content-Security-Policy, as any inline script is.
    axe = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    page.evaluate(axe.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --- Readers ----------------------------------------------------------------------------------


def test_filter_and_search_the_list(page):
    page.goto("/claims/")
    page.get_by_role("textbox", name="Search:").fill("pothole")
    page.get_by_role("button", name="Show claims").click()
    page.wait_for_url(re.compile(r"q=pothole"))
    cards = page.locator(".claim-card")
    assert cards.count() == 1
    assert "Every pothole in the city centre" in cards.first.inner_text()

    page.get_by_role("textbox", name="Search:").fill("")
    page.get_by_role("combobox", name="Rating:").select_option(label="Mostly false")
    page.get_by_role("button", name="Show claims").click()
    page.wait_for_url(re.compile(r"rating=mostly-false"))
    assert page.locator(".claim-card").count() == 1
    assert "budget grew by 40 percent" in page.locator(".claim-card").first.inner_text()
    assert (
        page.get_by_role("combobox", name="Rating:").input_value() == "mostly-false"
    )  # the form remembers
    shoot(page, "list-filtered")


def test_open_a_verdict_page(page):
    page.goto("/claims/?q=border+crossing")
    page.get_by_role("link", name=re.compile("Albukamal border crossing")).click()
    page.wait_for_url(re.compile(r"/claims/\d+/[\w-]+/$"))
    assert "opened within 60 days" in page.locator("h1").inner_text()
    assert page.locator(".rating .badge").inner_text() == "Not fulfilled"
    facts = page.locator(".facts").inner_text()
    assert "Ahmad Jadayan" in facts and "29 Sep 2019 at the latest" in facts
    assert page.locator(".evidence li").count() == 5
    assert page.locator(".verdict-history li").count() == 2
    assert page.locator('script[type="application/ld+json"]').count() == 1
    shoot(page, "verdict-desktop")
    page.set_viewport_size(PHONE)
    # On a phone nothing spills sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "verdict-phone")


def test_read_the_deadline_tracker(page):
    page.goto("/deadlines/")
    assert page.get_by_role("heading", name="Deadline tracker").is_visible()
    timeline = page.get_by_role("img", name=re.compile("Deadlines from today"))
    assert timeline.is_visible()
    overdue = page.locator("section[aria-labelledby=overdue] .claim-card")
    assert "Every pothole" in overdue.first.inner_text()
    upcoming = page.locator("section[aria-labelledby=next-90] .claim-card").all_inner_texts()
    assert any("harbour bridge" in text for text in upcoming)
    outcomes = page.locator("section[aria-labelledby=outcomes]").inner_text()
    assert "Albukamal" in outcomes and "Not fulfilled" in outcomes
    shoot(page, "deadlines")
    # On a phone the timeline's words stay readable: the picture is not shrunk to a stamp.
    page.set_viewport_size(PHONE)
    heights = page.locator("svg[aria-labelledby^=deadline-timeline] text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 12, heights
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "deadlines-phone")


def test_track_record_charts_are_readable_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(f"/claimants/{Claimant.objects.get(name='Mara Quill').pk}/")
    heights = page.locator("svg.chart text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 12, heights
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "claimant-phone")


def test_the_site_works_without_javascript(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/claims/")
    page.get_by_role("combobox", name="Deadline state:").select_option("due")
    page.get_by_role("button", name="Show claims").click()
    page.wait_for_url(re.compile(r"tracking=due"))
    assert page.locator(".claim-card").count() == 1
    page.locator(".claim-card a").first.click()
    assert "awaiting re-check" in page.locator(".facts").inner_text()
    shoot(page, "verdict-due-phone-no-js")
    context.close()


def test_main_pages_have_no_serious_accessibility_violations(page):
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    pages = {
        "home": "/",
        "list": "/claims/",
        "verdict": seed.get_absolute_url(),
        "retracted": Claim.objects.get(status=Claim.Status.RETRACTED).get_absolute_url(),
        "deadlines-a11y": "/deadlines/",
        "claimant": f"/claimants/{Claimant.objects.get(name='Ahmad Jadayan').pk}/",
        "source": f"/sources/{Source.objects.get(name='The Demo Gazette').pk}/",
    }
    found = {}
    for name, url in pages.items():
        page.goto(url)
        shoot(page, name)
        if violations := axe_violations(page):
            found[url] = violations
    assert found == {}


# --- The newsroom's loop ----------------------------------------------------------------------


def log_in(browser, live_server, username: str):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", demo.DEMO_USERS[username][1])
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/desk/$"))  # staff land on their desk
    return context, page


def step_on_the_claims_page(page, label: str):
    """A step's button or link on the claim's page, the menu of other steps opened if it is
    there (the likely next step stands first, the others in "More steps")."""
    tools = page.locator(".object-tools")
    step = tools.get_by_role("link", name=label, exact=True).or_(
        tools.get_by_role("button", name=label, exact=True)
    )
    if not step.is_visible():
        tools.locator(".more-steps summary").click()
    return step


def run_transition(page, claim: Claim, label: str) -> None:
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    step = step_on_the_claims_page(page, label)
    opens_a_page = step.evaluate("element => element.tagName") == "A"
    step.click()
    if opens_a_page:  # its page first (what goes live, or what it asks for)
        page.wait_for_url(re.compile(r"/transition/"))
        page.locator(".submit-row input[type=submit]").click()
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{claim.pk}/change/"))
    assert f"{label}: done." in page.locator(".messagelist").inner_text()


def test_the_newsroom_loop_from_logging_a_claim_to_the_public_page(browser, live_server):
    statement = "The harbour ferry will run again within 30 days."
    # The editor logs the claim; the deadline is read from the quote against the article's date.
    context, page = log_in(browser, live_server, "editor")
    page.goto("/admin/claims/claim/add/")
    page.fill("#id_statement", statement)
    page.fill("#id_quote", "the harbour ferry will run again within 30 days")
    page.locator(".field-article .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Harbour bridge")
    page.locator(".select2-results__option", has_text="Harbour bridge").click()
    page.select_option("#id_reviewer", label="reviewer")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/claims/claim/$"))
    claim = Claim.objects.get(statement=statement)
    assert claim.deadline is not None and claim.status == Claim.Status.DRAFT
    context.close()

    # The reviewer attaches evidence and drafts a verdict on the claim's page, then submits.
    context, page = log_in(browser, live_server, "reviewer")
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    page.get_by_role("button", name="Add another Evidence").click()
    page.fill("#id_evidence-0-url", "https://gazette.demo.invalid/ferry-timetable")
    page.fill("#id_evidence-0-title", "Ferry timetable published")
    page.select_option("#id_evidence-0-stance", "context")
    page.get_by_role("button", name="Add another Verdict in the works").click()
    page.select_option("#id_verdicts-0-rating", label="Pending")
    page.fill("#id_verdicts-0-summary", "A promise with a date; we will check on the ferry.")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{claim.pk}/change/"))
    assert page.locator(".errornote").count() == 0
    shoot(page, "admin-reviewer-draft")
    run_transition(page, claim, "Submit for review")
    context.close()

    # The publisher publishes.
    context, page = log_in(browser, live_server, "publisher")
    run_transition(page, claim, "Publish verdict")
    context.close()

    # The public page shows it.
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PUBLISHED and claim.tracking == Claim.Tracking.WATCHING
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    page.goto(f"/claims/{claim.pk}/")
    assert page.locator("h1").inner_text() == statement
    assert page.locator(".rating .badge").inner_text() == "Pending"
    assert "Ferry timetable published" in page.locator(".evidence").inner_text()
    assert re.search(r"due in \d+ days", page.locator(".facts").inner_text())
    shoot(page, "loop-public-page")
    context.close()


def test_the_editor_accepts_a_suggested_claim_from_an_imported_article(browser, live_server):
    seed = Path(settings.BASE_DIR) / "claims" / "demo" / "data" / "iraq-syria-border-60-days.txt"
    intake = intake_service.queue_import(
        content=seed.read_text(), source_name="Al-Masdar News", published=dt.date(2019, 7, 20)
    )
    intake = intake_service.run_import(intake.pk)
    context, page = log_in(browser, live_server, "editor")
    page.goto(f"/admin/claims/article/{intake.article_id}/suggestions/")
    first = page.locator(".card").first
    assert "deadline 18 September 2019" in first.inner_text()
    # Each card's claimant choice stays inside its card (it once overflowed into the margin).
    for card in page.locator(".card").all():
        for select in card.locator("select").all():
            box, inside = select.bounding_box(), card.bounding_box()
            assert box["x"] + box["width"] <= inside["x"] + inside["width"]
    shoot(page, "admin-intake-suggestions")
    first.locator("input[value=Accept]").click()
    assert "Accepted" in page.locator(".card").first.inner_text()
    claim = Claim.objects.get(article=intake.article_id)
    assert claim.status == Claim.Status.DRAFT and claim.deadline == dt.date(2019, 9, 18)
    assert claim.claimant.name == "Ahmad Jadayan"
    context.close()


# --- The claim's admin page: laid out for a newsroom's screen ---------------------------------


def boxes_overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_the_claim_page_fits_the_screen_and_its_buttons_leave_the_title_readable(
    browser, live_server
):
    """Five evidence rows once made the page 2,400 px wide, and six buttons covered the title."""
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    context, page = log_in(browser, live_server, "publisher")
    page.goto(f"/admin/claims/claim/{seed.pk}/change/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= DESKTOP["width"], f"the page scrolls sideways ({width} px)"
    title = page.locator("#content h2").first.bounding_box()
    for button in page.locator(".object-tools a").all():
        assert not boxes_overlap(button.bounding_box(), title), button.inner_text()
    shoot(page, "admin-claim-page")
    context.close()


def test_the_deadline_preview_sits_under_the_field_in_the_field_s_date_format(browser, live_server):
    context, page = log_in(browser, live_server, "editor")
    page.goto("/admin/claims/claim/add/")
    page.locator(".field-article .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Harbour bridge")
    page.locator(".select2-results__option", has_text="Harbour bridge").click()
    page.fill("#id_quote", "the harbour ferry will run again within 30 days")
    preview = page.locator("#deadline-preview")
    preview.filter(has_text="within 30 days").wait_for()
    field, note = page.locator("#id_deadline").bounding_box(), preview.bounding_box()
    assert note["y"] >= field["y"] + field["height"], "the note is beside the field, not under it"
    assert abs(note["x"] - field["x"]) < 20, "the note is not aligned with the field"
    article = Claim.objects.filter(article__headline__startswith="Harbour bridge").first().article
    expected = article.published_on + dt.timedelta(days=30)
    date_format = formats.get_format("DATE_INPUT_FORMATS")[0]
    assert page.input_value("#id_deadline") == expected.strftime(date_format)
    # With the deadline overridden, the note says the quote's reading is not applied.
    page.check("#id_deadline_overridden")
    page.fill("#id_quote", "the harbour ferry will run again within 40 days")
    preview.filter(has_text="within 40 days").wait_for()
    assert "overridden" in preview.inner_text()
    assert page.input_value("#id_deadline") == expected.strftime(date_format)
    context.close()
