"""The article imports' pages in Chromium: an editor's import that fails shows its reason and
Try again on its own page, the list shows every import with its state, and no article is left
behind; once the page answers, Try again leads to the suggestions. Axe-clean, with screenshots
in var/screenshots/imports-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from claims import intake as intake_service
from claims import tasks
from claims.models import Article, ArticleImport
from tests.site import test_browser
from tests.site.test_due_claim_browser import Session
from tests.support.pages import Pages, PageServer, fixture, serve

pytestmark = test_browser.pytestmark
browser = test_browser.browser
newsroom = test_browser.newsroom


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


def test_a_failed_import_is_seen_and_tried_again(browser, live_server, pages, monkeypatch):
    monkeypatch.setattr(tasks.import_article, "delay", intake_service.run_import)
    articles = Article.objects.count()
    editor = Session(browser, live_server, "editor", shots="imports")
    page = editor.page
    page.goto("/admin/claims/article/import/")
    page.fill("#id_url", pages.url("/later"))
    page.fill("#id_source", "Lakeside Chronicle")
    editor.click(page.locator(".submit-row input[type=submit]"))
    page.wait_for_url(re.compile(r"/admin/claims/articleimport/\d+/change/"))
    state = page.locator("#import-state").inner_text()
    assert "failed" in state and "404" in state
    editor.look("failed")
    assert Article.objects.count() == articles  # nothing left behind
    editor.click(page.get_by_role("link", name="Article imports").first)
    assert "404" in page.locator("#result_list").inner_text()
    editor.look("list")
    # The page is there now: Try again, and the import leads to its suggestions.
    monkeypatch.setitem(
        Pages.routes, "/later", lambda h: h._send(200, "text/html", fixture("seed.html"))
    )
    page.go_back()
    editor.click(page.get_by_role("button", name="Try again"))
    page.wait_for_url(re.compile(r"/suggestions/$"))
    editor.look("suggestions")
    assert ArticleImport.objects.get(url=pages.url("/later")).state == "done"
    assert Article.objects.count() == articles + 1
    editor.close()
