"""claims/intake/: importing once, failing cleanly, and deciding on suggestions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from claims import intake
from claims.models import (
    Article,
    ArticleImport,
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimEvent,
    Source,
    Suggestion,
)
from tests.support.pages import SEED_TEXT, PageServer, serve
from tests.support.servers import ON_POSTGRES, needs
from tests.support.workers import celery_worker, wait_until


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


SEED_DAY = dt.date(2018, 9, 19)


def import_seed(**kwargs) -> ArticleImport:
    kwargs.setdefault("published", SEED_DAY)
    queued = intake.queue_import(content=SEED_TEXT.read_text(encoding="utf-8"), **kwargs)
    return intake.run_import(queued.pk)


def border(article: Article) -> Suggestion:
    return article.suggestions.get(quote__contains="border crossing connecting")


# --- URLs and duplicates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://News.Example/world/border/",
        "https://news.example/world/border?utm_source=x&utm_medium=y",
        "https://news.example/world/border#comments",
        "https://news.example:443/world/border?fbclid=abc&gclid=1",
    ],
)
def test_urls_are_canonicalised(url):
    assert intake.canonical_url(url) == "https://news.example/world/border"


def test_canonicalising_keeps_meaningful_parameters_in_order():
    url = "https://news.example/story?page=2&id=7&utm_campaign=z"
    assert intake.canonical_url(url) == "https://news.example/story?id=7&page=2"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("http://[2001:DB8::1]/news/a", "http://[2001:db8::1]/news/a"),
        ("https://[2001:db8::1]:8443/a/", "https://[2001:db8::1]:8443/a"),
    ],
)
def test_an_ipv6_address_keeps_its_brackets(url, canonical):
    assert intake.canonical_url(url) == canonical


def test_an_import_of_an_ipv6_address_keeps_it_as_a_valid_address(db, editor):
    queued = intake.queue_import(url="http://[2001:db8::1]:8080/story", by=editor)
    queued.full_clean()  # the stored address is a URL Django accepts again
    assert queued.url == "http://[2001:db8::1]:8080/story"


def test_an_article_at_an_ipv6_address_keeps_its_brackets_and_round_trips(
    db, editor, client, monkeypatch
):
    from django.forms.models import model_to_dict
    from rest_framework.test import APIClient

    from claims.admin.forms import ArticleAdminForm
    from factcheck.lib import fetching
    from tests.support.pages import fixture

    address = "http://[2001:db8::1]/x"
    page = fetching.Fetched(url=address, content_type="text/html", body=fixture("seed.html"))
    monkeypatch.setattr(fetching, "fetch", lambda url, **kw: page)  # a documentation address
    intake.run_import(intake.queue_import(url="http://[2001:DB8::1]/x/?utm_source=a").pk)
    article = Article.objects.get()
    assert article.url == address
    article.full_clean()
    # The admin's form shows it and gives it back unchanged; the API reads it out as it is.
    form = ArticleAdminForm(data=model_to_dict(article), instance=article)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["url"] == address and "url" not in form.changed_data
    client.force_login(editor)
    change_page = client.get(f"/admin/claims/article/{article.pk}/change/").text
    assert f'value="{address}"' in change_page
    api = APIClient()
    api.force_authenticate(editor)
    assert api.get(f"/api/articles/{article.pk}/").json()["url"] == address
    with pytest.raises(intake.AlreadyImported):  # and it is the same article when asked again
        intake.queue_import(url=address)


def test_the_same_url_is_refused_while_its_import_runs_and_points_to_it(db, editor):
    first = intake.queue_import(url="https://news.example/world/border?utm_source=tw", by=editor)
    with pytest.raises(intake.ImportRunning, match=f"import #{first.pk}, queued") as caught:
        intake.queue_import(url="HTTPS://NEWS.example/world/border/#top", by=editor)
    assert caught.value.running == first
    assert list(ArticleImport.objects.all()) == [first]
    assert not Article.objects.exists()


def test_the_same_url_once_imported_says_where_the_article_is(db, pages):
    done = intake.run_import(intake.queue_import(url=pages.url("/seed?utm_source=tw")).pk)
    with pytest.raises(intake.AlreadyImported, match=f"article #{done.article_id}") as caught:
        intake.queue_import(url=pages.url("/seed/#top"))
    assert caught.value.article == done.article
    assert Article.objects.count() == 1 and ArticleImport.objects.count() == 1


def test_the_same_pasted_text_is_imported_once(db):
    done = import_seed()
    with pytest.raises(intake.AlreadyImported):
        import_seed()
    assert Article.objects.get() == done.article


def test_the_same_text_pasted_in_a_browser_is_a_duplicate_of_the_file(db):
    """A browser sends a textarea with CRLF line ends; the file and the API send LF."""
    done = import_seed()
    from_browser = SEED_TEXT.read_text(encoding="utf-8").replace("\n", "\r\n") + " \r\n"
    with pytest.raises(intake.AlreadyImported, match=f"article #{done.article_id}"):
        intake.queue_import(content=from_browser)
    assert Article.objects.get() == done.article


def test_pasted_text_is_stored_with_plain_line_ends(db):
    queued = intake.queue_import(content="Headline\r\n\r\nThe bridge will reopen.\r\n")
    assert queued.pasted == "Headline\n\nThe bridge will reopen."


def test_the_migration_gives_earlier_browser_pastes_the_same_hash(db):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("claims.migrations.0016_pasted_line_ends")
    queued = intake.queue_import(content="Headline\n\nThe bridge will reopen here soon.")
    intake.run_import(queued.pk)
    ArticleImport.objects.filter(pk=queued.pk).update(
        pasted="Headline\r\n\r\nThe bridge will reopen here soon.\r\n", content_hash="old"
    )
    migration.rehash(apps, None)
    with pytest.raises(intake.AlreadyImported):
        intake.queue_import(content="Headline\r\n\r\nThe bridge will reopen here soon.")


def test_url_and_text_together_are_refused(db):
    with pytest.raises(intake.IntakeError, match="either"):
        intake.queue_import(url="https://news.example/a", content="Text")
    assert not Article.objects.exists()


def test_a_non_http_url_is_refused_before_anything_is_stored(db):
    with pytest.raises(intake.IntakeError, match="Only http and https"):
        intake.queue_import(url="file:///etc/passwd")
    assert not Article.objects.exists()


def test_a_reviewer_may_not_import(db, reviewer):
    with pytest.raises(
        intake.IntakeError, match="may not import articles: that is for Editors or Publishers"
    ):
        intake.queue_import(url="https://news.example/a", by=reviewer)
    assert not Article.objects.exists()


# --- Running an import ---------------------------------------------------------------------------


def test_the_seed_import_fills_the_article_and_suggests_the_border_claim(db, editor):
    done = import_seed(by=editor, source_name="Frontline News")
    article = done.article
    assert done.state == ArticleImport.State.DONE and done.error == ""
    assert article.headline.startswith("MAJOR: Iraq defies the US again")
    assert article.source.name == "Frontline News"
    assert article.published_on == SEED_DAY
    suggestion = border(article)
    assert suggestion.claimant_name == "Ahmad Jadayan"
    assert suggestion.deadline == dt.date(2018, 11, 18)
    assert suggestion in list(article.suggestions.order_by("-score"))[:3]
    assert not article.suggestions.filter(quote__icontains="newsletter").exists()


def test_a_page_import_takes_date_source_and_text_from_the_page(db, pages):
    queued = intake.queue_import(url=pages.url("/seed/?utm_source=feed"))
    done = intake.run_import(queued.pk)
    article = Article.objects.get(pk=done.article_id)
    assert done.state == ArticleImport.State.DONE
    assert article.url == pages.url("/seed")
    assert article.published_on == SEED_DAY
    assert article.source.name == "Frontline News"
    assert border(article).deadline == dt.date(2018, 11, 18)


def test_the_editors_date_wins_over_the_pages(db, pages):
    queued = intake.queue_import(url=pages.url("/seed"), published=dt.date(2018, 10, 1))
    article = intake.run_import(queued.pk).article
    article.refresh_from_db()
    assert article.published_on == dt.date(2018, 10, 1)
    assert border(article).deadline == dt.date(2018, 11, 30)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere", "404"),
        ("/slow", "did not answer in time"),
        ("/pdf", "not a web page"),
        ("/to-metadata", "private or reserved network"),
        ("/empty", "No article text"),
    ],
)
def test_a_failed_import_keeps_its_reason_and_makes_nothing_else(db, pages, path, reason):
    queued = intake.queue_import(url=pages.url(path), source_name="Lakeside Chronicle")
    done = intake.run_import(queued.pk)
    assert done.state == ArticleImport.State.FAILED
    assert reason in done.error
    assert done.finished_at is not None and done.article is None
    assert not Article.objects.exists() and not Source.objects.exists()
    assert not Suggestion.objects.exists()
    assert not Claim.objects.exists() and not Claimant.objects.exists()


def test_an_import_over_the_cap_fails_with_the_cap_in_the_reason(db, pages, settings):
    settings.FETCH_MAX_BYTES = 50_000
    done = intake.run_import(intake.queue_import(url=pages.url("/big")).pk)
    assert "larger than" in done.error


def test_a_non_utf8_page_is_imported_with_its_characters(db, pages):
    done = intake.run_import(intake.queue_import(url=pages.url("/cp1252")).pk)
    done.article.refresh_from_db()
    assert "café owners’ association" in done.article.text
    assert done.article.suggestions.filter(claimant_name="Tomasz Nowak").exists()


def test_running_an_import_twice_changes_nothing_the_second_time(db):
    done = import_seed()
    count = done.article.suggestions.count()
    again = intake.run_import(done.pk)
    assert again.state == ArticleImport.State.DONE
    assert done.article.suggestions.count() == count


def test_a_failed_import_can_be_retried(db, pages, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    failed = intake.run_import(intake.queue_import(url=pages.url("/good")).pk)
    assert failed.state == ArticleImport.State.FAILED
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = ["127.0.0.1/32"]
    intake.retry_import(failed)
    assert intake.run_import(failed.pk).state == ArticleImport.State.DONE


# --- Deciding ------------------------------------------------------------------------------------


def test_accepting_makes_a_draft_claim_with_deadline_and_timeline(db, editor):
    article = import_seed().article
    claim = intake.accept(border(article), by=editor)
    assert claim.status == Claim.Status.DRAFT
    assert claim.article == article and claim.created_by == editor
    assert claim.quote == border(article).quote
    assert claim.claimant.name == "Ahmad Jadayan"
    assert claim.reported_by == "Sputnik Agency"
    assert claim.deadline == dt.date(2018, 11, 18)
    assert "60 days" in claim.deadline_explanation
    assert claim.events.get().kind == ClaimEvent.Kind.CREATED
    suggestion = border(article)
    assert (suggestion.status, suggestion.claim) == (Suggestion.Status.ACCEPTED, claim)


def test_an_edited_suggestion_becomes_the_edited_claim(db, editor):
    article = import_seed().article
    claim = intake.accept(
        border(article),
        by=editor,
        statement="The Al-Qa'im crossing will open within 30 days.",
        quote="will be opened in the next 30 days",
        claimant_name="",
        reported_by="Sputnik Arabic",
    )
    assert claim.statement == "The Al-Qa'im crossing will open within 30 days."
    assert claim.claimant is None and claim.reported_by == "Sputnik Arabic"
    assert claim.deadline == dt.date(2018, 10, 19)


def test_an_existing_claimant_is_matched_by_name_or_alias(db, editor):
    jadayan = Claimant.objects.create(name="Ahmad Jadayan")
    article = import_seed().article
    assert intake.accept(border(article), by=editor).claimant == jadayan
    ClaimantAlias.objects.create(name="A. Jadayan", claimant=jadayan)
    other = article.suggestions.filter(status="open").first()
    assert intake.accept(other, by=editor, claimant_name="a. jadayan").claimant == jadayan
    assert Claimant.objects.count() == 1


def test_another_spelling_is_offered_confirmed_once_and_remembered(db, editor):
    jidyan = Claimant.objects.create(name="Ahmed Jidyan")
    matches = intake.claimant_matches("Ahmad Jadayan")
    assert [(m.claimant, m.exact) for m in matches] == [(jidyan, False)]
    article = import_seed().article
    claim = intake.accept(border(article), by=editor, claimant=jidyan)
    assert claim.claimant == jidyan
    assert ClaimantAlias.objects.get(name="Ahmad Jadayan").claimant == jidyan
    assert [(m.claimant, m.exact) for m in intake.claimant_matches("Ahmad Jadayan")] == [
        (jidyan, True)
    ]


def test_an_unknown_claimant_is_created(db, editor):
    claim = intake.accept(border(import_seed().article), by=editor)
    assert Claimant.objects.get() == claim.claimant


def test_a_rejection_is_remembered_across_re_extraction(db, editor):
    article = import_seed().article
    suggestion = border(article)
    intake.reject(suggestion, by=editor)
    intake.store_suggestions(article)
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED
    assert article.suggestions.filter(quote=suggestion.quote).count() == 1


def test_a_decided_suggestion_cannot_be_decided_again(db, editor):
    suggestion = border(import_seed().article)
    intake.reject(suggestion, by=editor)
    with pytest.raises(intake.IntakeError, match="rejected already"):
        intake.accept(suggestion, by=editor)
    assert not Claim.objects.exists()


def test_a_reviewer_may_not_accept_or_reject(db, reviewer):
    suggestion = border(import_seed().article)
    with pytest.raises(intake.IntakeError, match="may not decide on suggestions: that is for"):
        intake.accept(suggestion, by=reviewer)
    with pytest.raises(intake.IntakeError, match="may not decide on suggestions: that is for"):
        intake.reject(suggestion, by=reviewer)
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.OPEN and not Claim.objects.exists()


def test_a_suggestion_close_to_an_existing_claim_says_so(db, make_claim):
    existing = make_claim(
        "The border crossing between Syria and Iraq will be opened in the next 60 days.",
        quote="the border crossing connecting the Syrian Arab Republic and the Republic of Iraq "
        "will be opened in the next the 60 days",
    )
    make_claim("The mayor will plant 500 trees in the park.")
    assert border(import_seed().article).similar_claim == existing


def test_an_accepted_suggestion_is_not_the_same_as_its_own_claim(db, editor):
    article = import_seed().article
    claim = intake.accept(border(article), by=editor)
    intake.extract_again(article, by=editor)
    assert border(article).claim == claim and border(article).similar_claim is None


def test_an_unrelated_suggestion_has_no_similar_claim(db, make_claim):
    make_claim("The mayor will plant 500 trees in the park by spring.")
    assert border(import_seed().article).similar_claim is None


@needs(ON_POSTGRES, "trigram similarity needs PostgreSQL with pg_trgm")
def test_postgres_uses_trigram_similarity(db, make_claim):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == ("pg_trgm",)
    existing = make_claim("Border crossing connecting Syria and Iraq will be opened in 60 days.")
    assert intake.similar_claim("The border crossing connecting Syria and Iraq opens.") == existing


def test_an_unnamed_source_is_found_from_the_site(db, pages):
    Source.objects.create(name="Lakeside Chronicle", domain="lakeside.example")
    done = intake.run_import(intake.queue_import(url=pages.url("/good")).pk)
    done.article.refresh_from_db()
    assert done.article.source.name == "Lakeside Chronicle"


# --- The Celery task, run by a real worker -------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_runs_the_import_task_sent_over_the_broker(tmp_path, pages):
    from claims.tasks import import_article

    queued = intake.queue_import(url=pages.url("/seed"))
    env = {"FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32"}
    with celery_worker(tmp_path, env=env) as worker:
        import_article.apply_async(args=[queued.pk], queue=worker["queue"])
        wait_until(
            lambda: ArticleImport.objects.get(pk=queued.pk).state == "done",
            timeout=60,
            what="the worker to import the article",
            log=worker["log"],
        )
    queued.refresh_from_db()
    assert border(queued.article).claimant_name == "Ahmad Jadayan"
    assert "claims.tasks.import_article" in worker["log"].read_text()
