"""add_feed, poll_feeds and follow_ups: each does its work in the calling process and says so."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims.models import Claimant, FollowUp, MonitoredFeed, Source
from tests.support.newsserver import NewsServer, serve_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(settings) -> Iterator[NewsServer]:
    yield from serve_news(settings)


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_add_feed_registers_and_prints_it(db):
    out = run("add_feed", "https://wire.example/rss", "--source", "Wire", "--language", "en")
    feed = MonitoredFeed.objects.get()
    assert out.strip() == (
        f"feed #{feed.pk}: https://wire.example/rss (source: Wire; language: en; active)"
    )
    assert feed.source == Source.objects.get(name="Wire")


def test_add_feed_refuses_a_duplicate_or_a_bad_address(db):
    run("add_feed", "https://wire.example/rss")
    with pytest.raises(CommandError, match="monitored already"):
        run("add_feed", "https://wire.example/rss")
    with pytest.raises(CommandError, match="ftp"):
        run("add_feed", "ftp://wire.example/rss")
    assert MonitoredFeed.objects.count() == 1


def test_poll_feeds_says_what_it_did_and_a_second_run_finds_nothing_new(news, bridge_claim):
    run("add_feed", news.url("/wire.xml"), "--source", "Local wire")
    assert run("poll_feeds").strip() == ("polled 1 feeds: new articles 2, follow-ups 1, failed 0")
    feed = MonitoredFeed.objects.get()
    assert run("poll_feeds", "--feed", str(feed.pk)).strip() == (
        "polled 1 feeds: new articles 0, follow-ups 0, failed 0"
    )


def test_poll_feeds_counts_a_failed_feed(news):
    run("add_feed", news.url("/broken.xml"))
    assert run("poll_feeds").strip() == "polled 1 feeds: new articles 0, follow-ups 0, failed 1"


def test_poll_feeds_refuses_an_unknown_feed(db):
    with pytest.raises(CommandError, match="no monitored feed #9"):
        run("poll_feeds", "--feed", "9")


def test_follow_ups_json_is_the_claim_and_its_follow_ups_best_first(
    news, bridge_claim, source, reviewer
):
    run("add_feed", news.url("/wire.xml"))
    run("poll_feeds")
    weaker = FollowUp.objects.create(
        claim=bridge_claim,
        article=source.articles.create(headline="Older note", url="https://daily.example/old"),
        sentence="The bridge works go on.",
        score=0.51,
    )
    dismissed = FollowUp.objects.create(
        claim=bridge_claim,
        article=source.articles.create(headline="Dismissed", url="https://daily.example/d"),
        sentence="Not it.",
        score=0.99,
        status=FollowUp.Status.DISMISSED,
        decided_at=weaker.found_at,
    )
    payload = json.loads(run("follow_ups", str(bridge_claim.pk), "--json"))
    assert payload["claim"] == bridge_claim.pk
    assert [set(item) for item in payload["follow_ups"]] == [
        {"url", "headline", "published", "sentence", "score"}
    ] * 2
    first, second = payload["follow_ups"]
    assert first["url"] == news.url("/news/bridge-reopened")
    assert first["headline"] == "Portmere's Harbour Bridge reopened"
    assert first["published"] == "2024-02-01"
    assert first["score"] > second["score"] == 0.51
    assert dismissed.sentence not in json.dumps(payload)


def test_follow_ups_lists_them_and_rechecks_on_request(news, make_claim, publish_claim):
    run("add_feed", news.url("/wire.xml"))
    whitlock = Claimant.objects.create(name="Dana Whitlock")
    claim = make_claim(
        "The Harbour Bridge in Portmere will reopen within two weeks.",
        claimant=whitlock,
        deadline=dt.date(2024, 1, 29),
    )
    run("poll_feeds")  # the claim is a draft: nothing to follow up yet
    publish_claim(claim)
    assert run("follow_ups", str(claim.pk)).strip() == f"follow-ups of claim #{claim.pk}: 0"
    out = run("follow_ups", str(claim.pk), "--recheck")
    assert "Portmere's Harbour Bridge reopened" in out
    assert out.strip().endswith(f"follow-ups of claim #{claim.pk}: 1")


def test_follow_ups_of_an_unknown_claim(db):
    with pytest.raises(CommandError, match="no claim #404"):
        run("follow_ups", "404")
