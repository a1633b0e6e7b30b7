"""The invariants the database keeps, whatever code writes to it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from claims import workflow
from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    DatePrecision,
    Evidence,
    Verdict,
    format_partial_date,
)
from tests.support.data import rating, write_verdict


def test_canonical_url_is_unique(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(source=article.source, url=article.url, headline="Copy")


def test_articles_without_url_may_be_many(source):
    Article.objects.create(source=source, url=None, headline="Pasted one")
    Article.objects.create(source=source, url=None, headline="Pasted two")
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_deadline_before_the_article_is_refused_by_the_database(make_claim):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(deadline=dt.date(2023, 12, 31))


def test_claim_keeps_the_article_date_it_was_stated_on(make_claim):
    assert make_claim().stated_on == dt.date(2024, 1, 15)


def test_a_claim_moved_to_another_article_takes_that_article_s_date(make_claim, source):
    claim = make_claim()
    later = Article.objects.create(
        source=source, headline="Later", published_on=dt.date(2024, 3, 1)
    )
    claim.article = later
    claim.save()
    claim.refresh_from_db()
    assert claim.stated_on == dt.date(2024, 3, 1)


def test_a_claim_moved_to_a_later_article_than_its_deadline_is_refused(make_claim, source):
    claim = make_claim(deadline=dt.date(2024, 1, 29))
    later = Article.objects.create(
        source=source, headline="Later", published_on=dt.date(2024, 3, 1)
    )
    claim.article = later
    with pytest.raises(IntegrityError), transaction.atomic():
        claim.save()


def test_an_article_s_new_date_is_its_claims_date_too(make_claim, article):
    claim = make_claim()
    article.published_on = dt.date(2024, 1, 20)
    article.save()
    claim.refresh_from_db()
    assert claim.stated_on == dt.date(2024, 1, 20)


def test_an_article_date_after_one_of_its_deadlines_is_refused(make_claim, article):
    make_claim(deadline=dt.date(2024, 1, 29))
    article.published_on = dt.date(2024, 2, 15)
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()
    article.refresh_from_db()
    assert article.published_on == dt.date(2024, 1, 15)


def test_a_watched_claim_must_have_a_deadline(make_claim):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(tracking=Claim.Tracking.WATCHING)


def test_a_retraction_must_have_a_reason(make_claim):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(status=Claim.Status.RETRACTED)


def test_only_one_current_verdict_per_claim(watching_claim, reviewer, publisher):
    second = write_verdict(watching_claim, reviewer, "fulfilled")
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=second.pk).update(
            status="published", is_current=True, approver=publisher, published_at=timezone.now()
        )


def test_only_one_verdict_in_the_works_per_claim(make_claim, reviewer):
    claim = make_claim()
    write_verdict(claim, reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        write_verdict(claim, reviewer)


def test_the_database_refuses_a_verdict_approved_by_its_author(make_claim, reviewer):
    claim = make_claim()
    verdict = write_verdict(claim, reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(
            status="published", approver=reviewer, published_at=timezone.now()
        )


def test_a_published_verdict_needs_an_approver(make_claim, reviewer):
    verdict = write_verdict(make_claim(), reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(status="published")


def test_a_published_verdict_cannot_be_deleted(watching_claim):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        watching_claim.verdicts.get().delete()


def test_a_claim_with_verdicts_cannot_be_deleted(watching_claim):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        watching_claim.delete()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.example/"])
def test_evidence_url_must_be_http(make_claim, reviewer, url):
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(claim=make_claim(), url=url, title="t", stance="context")


def test_ratings_come_from_the_data_migration(db):
    assert rating("pending").is_final is False
    assert rating("not-fulfilled").claimreview_value == 1
    assert rating("true").claimreview_value == 5


@pytest.mark.parametrize(
    ("precision", "shown"),
    [
        (DatePrecision.DAY, "1 Jul 2019"),
        (DatePrecision.MONTH, "July 2019"),
        (DatePrecision.YEAR, "2019"),
    ],
)
def test_a_date_is_shown_as_precisely_as_it_is_known(precision, shown):
    assert format_partial_date(dt.date(2019, 7, 1), precision) == shown


@pytest.mark.parametrize(
    ("language", "day", "month"),
    [("fr", "1 juillet 2019", "juillet 2019"), ("de", "1. Juli 2019", "Juli 2019")],
)
def test_a_partial_date_follows_the_site_language(language, day, month):
    with translation.override(language):
        assert format_partial_date(dt.date(2019, 7, 1), DatePrecision.DAY) == day
        assert format_partial_date(dt.date(2019, 7, 1), DatePrecision.MONTH) == month


def test_a_month_precise_article_was_published_at_the_latest_on_the_last_day(source):
    article = Article(
        source=source,
        headline="h",
        published_on=dt.date(2019, 7, 1),
        published_precision=DatePrecision.MONTH,
    )
    assert article.published_latest == dt.date(2019, 7, 31)
    assert article.published_display == "July 2019"


def test_an_approximate_deadline_says_at_the_latest(make_claim):
    claim = make_claim(deadline=dt.date(2019 + 5, 9, 29), deadline_approximate=True)
    assert claim.deadline_display == "29 September 2024 at the latest"


def test_slug_is_made_from_the_statement(make_claim):
    claim = make_claim("The bridge will reopen within two weeks!")
    assert claim.slug == "the-bridge-will-reopen-within-two-weeks"
    assert claim.get_absolute_url() == f"/claims/{claim.pk}/{claim.slug}/"


def test_querysets(watching_claim, make_claim):
    make_claim()  # a draft
    assert list(Claim.objects.public()) == [watching_claim]
    assert list(Claim.objects.watching()) == [watching_claim]
    assert list(Claim.objects.past_deadline(dt.date(2024, 1, 30))) == [watching_claim]
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 1, 30))
    assert list(Claim.objects.due()) == [watching_claim]


@pytest.mark.parametrize(
    "choices", [Claim.Tracking, Evidence.Stance, ClaimEvent.Kind, DatePrecision]
)
def test_labels_the_public_pages_show_can_be_translated(choices):
    """The list's deadline states, evidence stances, the history's kinds and "known only to
    the month" reach readers; a newsroom translating the site must be able to translate them."""
    assert all(isinstance(label, Promise) for label in choices.labels), choices
