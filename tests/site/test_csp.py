"""The Content-Security-Policy, held to in a real browser: the public site, the admin (its forms
used as the newsroom uses them) and the API docs are visited in Chromium, and no script, style or
other resource is blocked. A blocked one would be a feature broken in production; the policy
allows nothing inline, so an injected script or style would be blocked the same way."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User

from claims import intake as intake_service
from claims import tasks
from claims.models import Claim, Claimant, Source
from tests.site import test_browser
from tests.site.test_browser import DESKTOP, log_in, step_on_the_claims_page
from tests.support.pages import SEED_TEXT

# The browser tests' Chromium, demo newsroom and marks, shared.
pytestmark = test_browser.pytestmark
browser = test_browser.browser
newsroom = test_browser.newsroom

# Installed before any script of the page runs: every violation the page reports.
COLLECT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push({directive: event.effectiveDirective, blocked: event.blockedURI,
                            source: event.sourceFile, line: event.lineNumber});
});
"""


class Watcher:
    """A browser page that keeps every CSP violation: the events the page reports, the errors
    in its console, and pages served without the policy."""

    def __init__(self, context) -> None:
        context.add_init_script(COLLECT)
        self.page = context.new_page()
        self.violations: list[dict] = []
        self.console: list[str] = []
        self.unprotected: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text[:300]}")

    @property
    def found(self) -> list:
        return [*self.violations, *self.console, *self.unprotected]

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        if "script-src 'self'" not in response.headers.get("content-security-policy", ""):
            self.unprotected.append(url)
        self.settle()

    def settle(self) -> None:
        """Wait for the page's own requests, then keep what it reported."""
        self.page.wait_for_load_state("networkidle")
        for violation in self.page.evaluate("window.__violations.splice(0)"):
            self.violations.append({"page": self.page.url, **violation})


@pytest.fixture
def watcher(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    yield Watcher(context)
    context.close()


def newsroom_watcher(browser, live_server, username: str) -> Watcher:
    context, page = log_in(browser, live_server, username)
    page.close()
    return Watcher(context)


def test_a_violation_is_seen_when_there_is_one(watcher):
    """The watcher itself: an inline style attribute and an inline script are reported."""
    watcher.visit("/")
    watcher.page.evaluate("document.body.setAttribute('style', 'color: red')")
    watcher.page.evaluate(
        "document.head.appendChild(Object.assign(document.createElement('script'),"
        " {textContent: 'window.ran = true'}))"
    )
    watcher.settle()
    assert {v["directive"] for v in watcher.violations} == {"style-src-attr", "script-src-elem"}
    assert len(watcher.console) == 2
    assert watcher.page.evaluate("window.ran") is None  # and the script did not run


def test_the_public_site_and_the_api_docs_keep_to_the_policy(watcher):
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    # Its ClaimReview JSON-LD is a data block, which the policy does not count as a script.
    watcher.visit(seed.get_absolute_url())
    assert watcher.page.locator('script[type="application/ld+json"]').count() == 1
    for url in [
        "/",
        "/claims/?q=border",
        Claim.objects.get(status=Claim.Status.RETRACTED).get_absolute_url(),
        "/deadlines/",
        f"/claimants/{Claimant.objects.get(name='Ahmad Jadayan').pk}/",
        f"/sources/{Source.objects.get(name='The Demo Gazette').pk}/",
    ]:
        watcher.visit(url)

    watcher.visit("/api/docs/")
    # Swagger UI is drawn by its scripts from the schema: it ran, under the policy.
    watcher.page.locator(".opblock-tag").first.wait_for()
    watcher.page.locator(".opblock-summary").first.click()
    watcher.settle()
    assert watcher.page.locator(".opblock-tag").count() >= 5
    assert watcher.found == []


def test_the_admin_keeps_to_the_policy(browser, live_server, monkeypatch):
    monkeypatch.setattr(tasks.import_article, "delay", intake_service.run_import)
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    draft = Claim.objects.filter(status=Claim.Status.DRAFT).first()
    watcher = newsroom_watcher(browser, live_server, "publisher")
    page = watcher.page
    for url in [
        "/admin/",
        "/admin/claims/claim/?tracking__exact=due",
        f"/admin/claims/claim/{seed.pk}/history/",
        f"/admin/claims/claim/{draft.pk}/delete/",
        "/admin/claims/article/",
        "/admin/claims/evidence/",
        "/admin/webhooks/webhook/add/",
        "/admin/webhooks/delivery/",
    ]:
        watcher.visit(url)

    # The claim's page with its transition buttons, and a transition's form.
    watcher.visit(f"/admin/claims/claim/{seed.pk}/change/")
    step_on_the_claims_page(page, "Retract").click()
    page.wait_for_url(re.compile(r"/transition/retract/"))
    watcher.settle()

    # A new claim: the article picked with the autocomplete, the deadline previewed from the
    # quote by the form's script, a date from the calendar, an inline row added.
    watcher.visit("/admin/claims/claim/add/")
    page.locator(".field-article .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Harbour bridge")
    page.locator(".select2-results__option", has_text="Harbour bridge").click()
    page.fill("#id_quote", "the harbour ferry will run again within 30 days")
    page.locator("#deadline-preview").filter(has_text="From the quote").wait_for()
    page.locator(".datetimeshortcuts a").last.click()
    page.locator(".calendarbox").first.wait_for()
    watcher.settle()
    watcher.visit(f"/admin/claims/claim/{draft.pk}/change/")
    page.get_by_role("button", name="Add another Evidence").click()
    watcher.settle()

    # Import an article from pasted text, then its suggestions page; and a failed import.
    watcher.visit("/admin/claims/article/import/")
    page.fill("#id_content", SEED_TEXT.read_text(encoding="utf-8"))
    page.fill("#id_source", "Al-Masdar News")
    page.fill("#id_published", "2019-07-20")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/suggestions/$"))
    assert page.locator(".card").count() >= 1
    watcher.settle()
    failed = intake_service.queue_import(url="http://127.0.0.1:1/gone", source_name="Nowhere")
    intake_service.run_import(failed.pk)
    watcher.visit(f"/admin/claims/articleimport/{failed.pk}/change/")
    assert page.get_by_role("button", name="Try again").is_visible()
    assert watcher.found == []


def test_the_superusers_pages_and_the_login_keep_to_the_policy(browser, live_server):
    watcher = newsroom_watcher(browser, live_server, "admin")
    user = User.objects.get(username="editor")
    for url in [
        f"/admin/auth/user/{user.pk}/change/",
        f"/admin/auth/user/{user.pk}/password/",
        "/admin/auth/group/",
        "/admin/axes/accessattempt/",
        "/admin/password_change/",
    ]:
        watcher.visit(url)
    assert watcher.found == []

    anonymous = Watcher(browser.new_context(viewport=DESKTOP, base_url=live_server.url))
    anonymous.visit("/admin/login/")
    assert anonymous.found == []
