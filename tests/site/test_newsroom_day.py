"""Each role's day walked in a real browser on the demo newsroom, at a desk's width and a
phone's: the editor imports an article and accepts a suggestion, the reviewer researches and
submits, records an outcome on a due claim with its evidence, the publisher previews, publishes,
approves the changes, sends a verdict back and issues a correction. Every page is axe-clean
(serious and critical), and screenshots of each step are kept in var/screenshots/day-*."""

from __future__ import annotations

import re

import pytest

from claims import intake as intake_service
from claims import tasks
from claims.demo import DEMO_USERS
from claims.models import Claim, ClaimEvent, Correction, Evidence, Verdict
from tests.site import test_browser
from tests.site.test_browser import DESKTOP, PHONE, axe_violations, shoot, step_on_the_claims_page
from tests.support.pages import SEED_TEXT

# The browser tests' Chromium, demo newsroom and marks, shared.
pytestmark = test_browser.pytestmark
browser = test_browser.browser
newsroom = test_browser.newsroom

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


class Day:
    """One person's session at one width: pages visited are shot and checked with axe."""

    def __init__(self, browser, live_server, user: str, width: str) -> None:
        self.context = browser.new_context(viewport=WIDTHS[width], base_url=live_server.url)
        self.page = self.context.new_page()
        self.user, self.width, self.problems = user, width, []
        self.page.goto("/admin/login/")
        self.page.fill("#id_username", user)
        self.page.fill("#id_password", DEMO_USERS[user][1])
        self.page.click("input[type=submit]")
        self.page.wait_for_url(re.compile(r"/admin/desk/$"))
        self.look("desk")

    def look(self, step: str) -> None:
        shoot(self.page, f"day-{self.width}-{self.user}-{step}")
        self.problems += [(step, v) for v in axe_violations(self.page)]

    def messages(self) -> str:
        self.page.wait_for_load_state()
        box = self.page.locator(".messagelist")
        return box.inner_text() if box.count() else ""

    def submit(self, selector: str) -> None:
        """Click a submit button and wait for the page it leads to."""
        with self.page.expect_navigation():
            self.page.click(selector)

    def close(self) -> None:
        self.context.close()
        assert self.problems == [], self.problems


def editor_day(browser, live_server, width: str) -> None:
    day = Day(browser, live_server, "editor", width)
    page = day.page
    page.goto("/admin/claims/article/import/")
    page.fill(
        "#id_content", SEED_TEXT.read_text(encoding="utf-8").replace("Iraq", f"Iraq ({width})")
    )
    page.fill("#id_source", "Fort Russ News")
    day.look("import-form")
    day.submit(".submit-row input[type=submit]")
    page.wait_for_url(re.compile(r"/suggestions/$"))
    day.look("suggestions")
    page.locator(
        "form[action$='/accept/'] button, form[action$='/accept/'] input[type=submit]"
    ).first.click()
    page.wait_for_url(re.compile(r"/suggestions/$"))
    assert "Accepted: draft claim" in day.messages()
    day.close()


def reviewer_day(browser, live_server, width: str) -> None:
    day = Day(browser, live_server, "reviewer", width)
    page = day.page
    assert "Assigned to me" in page.locator(".desk").inner_text()
    draft = Claim.objects.filter(status=Claim.Status.DRAFT, reviewer__username="reviewer").first()
    page.goto(f"/admin/claims/claim/{draft.pk}/change/")
    page.get_by_role("button", name="Add another Evidence").click()
    page.fill("#id_evidence-0-url", f"https://gazette.demo.invalid/{width}/notice")
    page.fill("#id_evidence-0-title", "Official notice")
    page.select_option("#id_evidence-0-stance", "context")
    page.get_by_role("button", name="Add another Verdict in the works").click()
    page.select_option("#id_verdicts-0-rating", label="Mostly false")
    page.fill("#id_verdicts-0-summary", "The notice says otherwise.")
    day.submit("input[name=_continue]")
    day.look("claim-drafted")
    with page.expect_navigation():
        step_on_the_claims_page(page, "Submit for review").click()
    page.wait_for_url(re.compile(rf"/claim/{draft.pk}/change/"))
    assert "Submit for review: done." in day.messages()
    due = Claim.objects.due().first()
    page.goto(f"/admin/claims/claim/{due.pk}/change/")
    page.get_by_role("button", name="Add another Evidence").click()
    page.fill("#id_evidence-0-url", f"https://gazette.demo.invalid/{width}/outcome")
    page.fill("#id_evidence-0-title", "Council report")
    page.select_option("#id_evidence-0-stance", "refutes")
    day.submit("input[name=_continue]")
    assert "A publisher approves it before readers see it." in day.messages()
    step_on_the_claims_page(page, "Record outcome").click()
    page.select_option("select[name=rating]", label="Not fulfilled")
    page.fill("textarea[name=note]", "The potholes were still there when we checked.")
    day.look("record-outcome")
    day.submit(".submit-row input[type=submit]")
    assert "Record outcome: done." in day.messages()
    day.close()


def publisher_day(browser, live_server, width: str) -> None:
    day = Day(browser, live_server, "publisher", width)
    page = day.page
    desk = page.locator(".desk").inner_text()
    assert "Verdicts waiting for my approval" in desk and "Changes waiting for my approval" in desk
    submitted = Claim.objects.filter(verdicts__status=Verdict.Status.SUBMITTED)
    due = submitted.filter(tracking=Claim.Tracking.DUE).first()
    page.goto(f"/admin/claims/claim/{due.pk}/transition/approve_changes/")
    day.look("approve-changes")
    day.submit(".submit-row input[type=submit]")
    page.goto(f"/admin/claims/claim/{due.pk}/transition/publish/")
    assert page.frame_locator("iframe.page-preview-frame").locator(".notice.preview").count() == 1
    day.look("publish-page")
    day.submit(".submit-row input[type=submit]")
    assert "Publish verdict: done." in day.messages()
    page.goto(f"/admin/claims/claim/{due.pk}/preview/")
    day.look("preview")
    other = submitted.exclude(pk=due.pk).first()
    page.goto(f"/admin/claims/claim/{other.pk}/transition/send_back/")
    page.fill("textarea[name=reason]", "A second source, please.")
    day.submit(".submit-row input[type=submit]")
    assert "Send back: done." in day.messages()
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    page.goto(f"/admin/claims/claim/{seed.pk}/transition/correct/")
    page.fill("textarea[name=note]", f"The crossing's name is spelled Al-Qa'im ({width}).")
    day.submit(".submit-row input[type=submit]")
    assert "Issue a correction: done." in day.messages()
    day.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_each_roles_day_in_a_browser(browser, live_server, monkeypatch, width):
    monkeypatch.setattr(tasks.import_article, "delay", intake_service.run_import)
    editor_day(browser, live_server, width)
    reviewer_day(browser, live_server, width)
    publisher_day(browser, live_server, width)
    assert Correction.objects.filter(note__contains=f"({width})").exists()
    assert Evidence.objects.filter(url__contains=f"/{width}/outcome").exists()
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.UPDATED).exists()
