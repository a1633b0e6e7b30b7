"""Tried as a new user would, in Chromium on the demo newsroom: a reviewer finds the due claim on
their desk, adds the evidence that settles it and records the outcome, in a few clicks; a
publisher finds both on their desk, approves the evidence (one approval for the claim's
changes) and publishes the outcome; readers see the evidence, the outcome and a dated "Updated"
note. Each step's screen is kept in var/screenshots/due-*.png, and every page is axe-clean."""

from __future__ import annotations

import datetime as dt
import re

from claims.demo import DEMO_USERS
from claims.models import Claim, ClaimEvent, Evidence
from tests.site import test_browser
from tests.site.test_browser import DESKTOP, axe_violations, shoot, step_on_the_claims_page

pytestmark = test_browser.pytestmark
browser = test_browser.browser
newsroom = test_browser.newsroom

EVIDENCE_URL = "https://council.demo.invalid/2024/road-works-report"


class Session:
    """One person at a desk's width; each click that leads to a page is counted."""

    def __init__(self, browser, live_server, user: str, shots: str = "due") -> None:
        self.context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
        self.page = self.context.new_page()
        self.user, self.shots, self.clicks, self.problems = user, shots, 0, []
        self.page.goto("/admin/login/")
        self.page.fill("#id_username", user)
        self.page.fill("#id_password", DEMO_USERS[user][1])
        self.page.click("input[type=submit]")
        self.page.wait_for_url(re.compile(r"/admin/desk/$"))

    def look(self, step: str) -> None:
        shoot(self.page, f"{self.shots}-{self.user}-{step}")
        self.problems += [(step, v) for v in axe_violations(self.page)]

    def click(self, locator) -> None:
        """A click that leads to another page."""
        with self.page.expect_navigation():
            locator.click()
        self.clicks += 1

    def messages(self) -> str:
        box = self.page.locator(".messagelist")
        return box.inner_text() if box.count() else ""

    def close(self) -> None:
        self.context.close()
        assert self.problems == [], self.problems


def test_a_reviewer_settles_a_due_claim_and_a_publisher_approves_it(browser, live_server):
    due = Claim.objects.due().get()
    today = dt.date.today()

    # The reviewer: the due claim is on the desk, one click from its page.
    reviewer = Session(browser, live_server, "reviewer")
    page = reviewer.page
    section = page.locator("#desk-due")
    assert due.statement[:40] in section.inner_text()
    reviewer.look("desk")
    reviewer.click(section.get_by_role("link", name=re.compile(re.escape(due.statement[:30]))))
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{due.pk}/change/$"))
    reviewer.look("claim-page")
    # Its evidence: a row of the claim's evidence, saved with the page.
    page.get_by_role("button", name="Add another Evidence").click()
    page.fill("#id_evidence-0-url", EVIDENCE_URL)
    page.fill("#id_evidence-0-title", "Council report: the road works were not done")
    page.select_option("#id_evidence-0-stance", "refutes")
    reviewer.look("evidence-typed")
    reviewer.click(page.locator("input[name=_continue]"))
    assert "A publisher approves it before readers see it." in reviewer.messages()
    reviewer.look("evidence-proposed")
    # The outcome: the step the page offers first.
    reviewer.click(step_on_the_claims_page(page, "Record outcome"))
    page.select_option("select[name=rating]", label="Not fulfilled")
    page.fill("textarea[name=note]", "The council's report says the road works were not done.")
    page.fill("input[name=checked_on]", today.isoformat())
    reviewer.look("record-outcome")
    reviewer.click(page.locator(".submit-row input[type=submit]"))
    assert "Record outcome: done." in reviewer.messages()
    reviewer.look("outcome-recorded")
    assert reviewer.clicks <= 5, reviewer.clicks
    reviewer.close()

    # The publisher: the proposal and the outcome wait on the desk.
    publisher = Session(browser, live_server, "publisher")
    page = publisher.page
    changes = page.locator("#desk-proposals")
    assert "Council report" in changes.inner_text()
    publisher.look("desk")
    publisher.click(changes.locator("li a").first)
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{due.pk}/change/$"))
    publisher.look("claim-page")
    publisher.click(step_on_the_claims_page(page, "Approve proposed changes"))
    assert "Council report" in page.locator("ul.proposals").inner_text()
    publisher.look("approve-changes")
    publisher.click(page.locator(".submit-row input[type=submit]"))
    assert "Approve proposed changes: done." in publisher.messages()
    publisher.click(step_on_the_claims_page(page, "Publish verdict"))
    publisher.look("publish-outcome")
    publisher.click(page.locator(".submit-row input[type=submit]"))
    assert "Publish verdict: done." in publisher.messages()
    publisher.look("published")
    publisher.close()

    # Readers: the evidence, the outcome, and the note that the page was updated.
    due.refresh_from_db()
    assert due.tracking == Claim.Tracking.RESOLVED
    assert Evidence.objects.filter(claim=due, url=EVIDENCE_URL).exists()
    assert due.events.filter(kind=ClaimEvent.Kind.UPDATED).exists()
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    reader = context.new_page()
    reader.goto(f"/claims/{due.pk}/")
    assert reader.locator(".rating .badge").inner_text() == "Not fulfilled"
    assert "Council report" in reader.locator(".evidence").inner_text()
    assert "Updated" in reader.locator("main").inner_text()
    shoot(reader, "due-reader-public-page")
    assert axe_violations(reader) == []
    context.close()
