"""The editor's intake pages in the admin: import, the suggestions page, accept / edit / reject."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims import intake, tasks
from claims.models import Article, ArticleImport, Claim, Claimant, ClaimantAlias, Suggestion
from tests.support.pages import SEED_TEXT

IMPORT = reverse("admin:claims_article_import")


@pytest.fixture
def enqueued(monkeypatch) -> list[int]:
    """The import ids the admin hands to Celery (the task itself is tested in test_intake)."""
    sent: list[int] = []
    monkeypatch.setattr(tasks.import_article, "delay", sent.append)
    return sent


@pytest.fixture
def seed_article(db) -> Article:
    text = SEED_TEXT.read_text(encoding="utf-8")
    queued = intake.queue_import(content=text, published=dt.date(2018, 9, 19))
    return intake.run_import(queued.pk).article


def border(article: Article) -> Suggestion:
    return article.suggestions.get(quote__contains="border crossing connecting")


def import_page(request: ArticleImport) -> str:
    return reverse("admin:claims_articleimport_change", args=[request.pk])


def intake_page(article: Article) -> str:
    return reverse("admin:claims_article_intake", args=[article.pk])


def decide(suggestion: Suggestion, decision: str) -> str:
    return reverse("admin:claims_suggestion_decide", args=[suggestion.pk, decision])


def test_the_article_list_offers_import_to_editors(client, editor):
    client.force_login(editor)
    assert IMPORT in client.get(reverse("admin:claims_article_changelist")).text


def test_an_editor_imports_a_url_and_the_task_is_enqueued(
    client, editor, enqueued, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORT, {"url": "https://news.example/border?utm_source=x"})
    state = ArticleImport.objects.get()
    assert response.status_code == 302
    assert response.url == import_page(state) + "?follow=1"
    assert enqueued == [state.pk]
    assert state.state == ArticleImport.State.QUEUED
    assert state.url == "https://news.example/border"
    assert state.requested_by == editor
    assert not Article.objects.exists()  # made only when the import succeeds


def test_a_queued_import_shows_its_state_and_refreshes(client, editor, enqueued):
    client.force_login(editor)
    page = client.post(IMPORT, {"url": "https://news.example/border"}, follow=True).text
    assert "Import: <strong>queued</strong>" in page
    assert '<meta http-equiv="refresh"' in page
    assert "Try again" not in page


def test_a_done_import_followed_leads_to_its_suggestions(client, editor, seed_article):
    client.force_login(editor)
    done = seed_article.intake
    response = client.get(import_page(done) + "?follow=1")
    assert response.status_code == 302 and response.url == intake_page(seed_article)
    page = client.get(import_page(done)).text  # asked directly, it shows the import
    assert "Import: <strong>done</strong>" in page and intake_page(seed_article) in page
    assert 'http-equiv="refresh"' not in page


def test_a_failed_import_shows_its_reason_and_does_not_refresh(client, editor, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    queued = intake.queue_import(url="http://127.0.0.1:9/nothing", by=editor)
    intake.run_import(queued.pk)
    client.force_login(editor)
    page = client.get(import_page(queued) + "?follow=1").text
    assert "failed" in page and "private or reserved network" in page
    assert "Try again" in page and 'http-equiv="refresh"' not in page
    assert not Article.objects.exists()


def test_pasting_text_without_url_or_text_is_refused(client, editor, enqueued):
    client.force_login(editor)
    response = client.post(IMPORT, {"source": "Daily"})
    assert "Give either the article" in response.text
    assert not Article.objects.exists() and enqueued == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a"])
def test_an_address_that_is_not_a_web_page_gets_one_clear_error(client, editor, enqueued, url):
    client.force_login(editor)
    response = client.post(IMPORT, {"url": url})
    assert "Only http and https addresses can be imported" in response.text
    assert "Give either" not in response.text and "Enter a valid URL" not in response.text
    assert not Article.objects.exists() and enqueued == []


def test_importing_a_url_being_imported_leads_to_the_running_import(
    client, editor, enqueued, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(IMPORT, {"url": "https://news.example/border"})
        response = client.post(IMPORT, {"url": "HTTPS://news.example/border/#x"}, follow=True)
    running = ArticleImport.objects.get()
    assert response.redirect_chain[-1][0] == import_page(running) + "?follow=1"
    assert f"being imported already (import #{running.pk}, queued)" in response.text
    assert len(enqueued) == 1 and not Article.objects.exists()


def test_importing_the_same_text_again_leads_to_the_first(client, editor, seed_article):
    client.force_login(editor)
    text = SEED_TEXT.read_text(encoding="utf-8")
    response = client.post(IMPORT, {"content": text}, follow=True)
    assert response.redirect_chain[-1][0] == intake_page(seed_article)
    assert f"imported already: article #{seed_article.pk}" in response.text
    assert ArticleImport.objects.count() == 1


def test_a_reviewer_cannot_import(client, reviewer, enqueued):
    client.force_login(reviewer)
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"url": "https://news.example/a"}).status_code == 403
    assert not Article.objects.exists()


def test_the_suggestions_page_highlights_each_quote_with_score_and_deadline(
    client, editor, seed_article
):
    client.force_login(editor)
    page = client.get(intake_page(seed_article)).text
    suggestion = border(seed_article)
    assert f'<mark id="q{suggestion.pk}" class="intake-open"' in page
    assert "18 November 2018" in page and "in the next the 60 days" in page
    assert f"{suggestion.score:.2f}" in page
    assert "Ahmad Jadayan" in page and "Accept" in page and "Reject" in page


def test_a_quote_no_longer_where_it_was_is_not_marked_over_other_words(
    client, editor, seed_article
):
    """The text was edited after a decision: the stored place now holds other words."""
    suggestion = border(seed_article)
    intake.reject(suggestion, by=editor)
    seed_article.text = "An editor's note.\n\n" + seed_article.text
    seed_article.save()
    client.force_login(editor)
    page = client.get(intake_page(seed_article)).text
    assert f'<mark id="q{suggestion.pk}"' not in page
    intake.extract_again(seed_article, by=editor)  # found again: marked where it is now
    page = client.get(intake_page(seed_article)).text
    assert f'<mark id="q{suggestion.pk}" class="intake-rejected"' in page


def test_article_text_is_escaped_on_the_suggestions_page(client, editor, enqueued):
    text = "Headline\n\nThe mayor said <script>alert(1)</script> will open 3 bridges in 2 weeks."
    queued = intake.queue_import(content=text, published=dt.date(2024, 1, 1))
    done = intake.run_import(queued.pk)
    client.force_login(editor)
    page = client.get(intake_page(done.article)).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_accepting_creates_the_draft_claim(client, editor, seed_article):
    client.force_login(editor)
    suggestion = border(seed_article)
    response = client.post(decide(suggestion, "accept"), {"claimant": "new"}, follow=True)
    claim = Claim.objects.get()
    assert claim.claimant.name == "Ahmad Jadayan"
    assert claim.deadline == dt.date(2018, 11, 18)
    assert claim.created_by == editor and claim.status == Claim.Status.DRAFT
    assert f'draft claim <a href="/admin/claims/claim/{claim.pk}/change/">#{claim.pk}</a>' in (
        response.text
    )


def test_accepting_with_a_confirmed_other_spelling_remembers_the_alias(
    client, editor, seed_article
):
    jidyan = Claimant.objects.create(name="Ahmed Jidyan")
    client.force_login(editor)
    page = client.get(intake_page(seed_article)).text
    assert "same person? “Ahmad Jadayan” will be remembered as an alias" in page
    client.post(decide(border(seed_article), "accept"), {"claimant": str(jidyan.pk)})
    assert Claim.objects.get().claimant == jidyan
    assert ClaimantAlias.objects.get(name="Ahmad Jadayan").claimant == jidyan


def test_the_card_asks_same_person_in_words_not_only_inside_the_list(client, editor, seed_article):
    """The list is narrow: the question must not be cut off with the option's text."""
    jidyan = Claimant.objects.create(name="Ahmed Jidyan", role="governor of Al-Qaem")
    client.force_login(editor)
    page = client.get(intake_page(seed_article)).text
    card = page[page.index(f'id="s{border(seed_article).pk}"') :]
    card = card[: card.index("</select>")]
    assert 'class="meta same-person"' in card
    assert f"Same person? “Ahmad Jadayan” may be {jidyan.description}" in card


def test_rejecting_is_remembered_and_shown(client, editor, seed_article):
    client.force_login(editor)
    suggestion = border(seed_article)
    client.post(decide(suggestion, "reject"))
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED and suggestion.decided_by == editor
    page = client.get(intake_page(seed_article)).text
    assert 'class="intake-rejected"' in page and not Claim.objects.exists()


def test_editing_then_accepting_uses_the_edited_words(client, editor, seed_article):
    client.force_login(editor)
    suggestion = border(seed_article)
    url = reverse("admin:claims_suggestion_edit", args=[suggestion.pk])
    assert "Accept as draft claim" in client.get(url).text
    client.post(
        url,
        {
            "statement": "The crossing will open within 30 days.",
            "quote": "will be opened within 30 days",
            "claimant_name": "Ahmad Jadayan",
            "claimant": "new",
            "reported_by": "Sputnik Arabic",
        },
    )
    claim = Claim.objects.get()
    assert claim.statement == "The crossing will open within 30 days."
    assert claim.deadline == dt.date(2018, 10, 19)
    assert claim.reported_by == "Sputnik Arabic"


def test_a_reviewer_sees_suggestions_but_cannot_decide(client, reviewer, seed_article):
    client.force_login(reviewer)
    page = client.get(intake_page(seed_article))
    assert page.status_code == 200 and 'value="Accept"' not in page.text
    suggestion = border(seed_article)
    client.post(decide(suggestion, "accept"), {"claimant": "new"})
    client.post(decide(suggestion, "reject"))
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.OPEN and not Claim.objects.exists()
    edit = reverse("admin:claims_suggestion_edit", args=[suggestion.pk])
    assert client.get(edit).status_code == 403


def test_an_outsider_cannot_see_suggestions(client, outsider, seed_article):
    client.force_login(outsider)
    assert client.get(intake_page(seed_article)).status_code == 403


def test_editing_adds_a_claimant_the_extraction_did_not_find(client, editor, seed_article):
    client.force_login(editor)
    suggestion = seed_article.suggestions.get(quote__startswith="All three countries")
    assert suggestion.claimant_name == ""
    url = reverse("admin:claims_suggestion_edit", args=[suggestion.pk])
    data = {"statement": suggestion.statement, "quote": suggestion.quote}
    client.post(url, {**data, "claimant_name": "Frontline News", "claimant": "new"})
    assert Claim.objects.get().claimant.name == "Frontline News"


# --- Extracting again ---------------------------------------------------------------------------


def extract(article: Article) -> str:
    return reverse("admin:claims_article_extract", args=[article.pk])


def test_extracting_again_keeps_the_rejection_and_shows_it(client, editor, seed_article):
    client.force_login(editor)
    suggestion = border(seed_article)
    client.post(decide(suggestion, "reject"))
    count = seed_article.suggestions.count()
    assert 'value="Extract again"' in client.get(intake_page(seed_article)).text
    response = client.post(extract(seed_article), follow=True)
    assert response.redirect_chain[-1][0] == intake_page(seed_article)
    assert "1 rejected" in response.text and 'class="intake-rejected"' in response.text
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED
    assert seed_article.suggestions.count() == count


def test_an_article_logged_by_hand_gets_its_suggestions_on_request(client, editor, article):
    article.text = (
        "The mayor said the new bridge will open within two weeks, at a cost of 4 million euros."
    )
    article.save()
    client.force_login(editor)
    assert not article.suggestions.exists()
    client.post(extract(article))
    assert article.suggestions.get().deadline == dt.date(2024, 1, 29)


def test_a_reviewer_cannot_extract_again(client, reviewer, seed_article):
    client.force_login(reviewer)
    assert 'value="Extract again"' not in client.get(intake_page(seed_article)).text
    suggestion = border(seed_article)
    suggestion.delete()
    client.post(extract(seed_article))
    assert not seed_article.suggestions.filter(quote=suggestion.quote).exists()


def test_a_running_import_is_not_extracted_again(client, editor, article):
    """An import queued before articles waited for success still runs with its article."""
    ArticleImport.objects.create(article=article, state=ArticleImport.State.FETCHING)
    Article.objects.filter(pk=article.pk).update(text="The bridge will reopen within two weeks.")
    client.force_login(editor)
    response = client.post(extract(article), follow=True)
    assert "still running" in response.text and not article.suggestions.exists()
