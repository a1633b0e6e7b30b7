"""Monitored news end to end with real processes: beat schedules the poll, a worker runs it over
the broker, and the feed's articles and their follow-ups appear. Nothing here calls a task or a
poll directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from claims.models import Article, Claimant, FollowUp, MonitoredFeed, Source
from tests.support.newsserver import ETAG, NewsServer, serve_news
from tests.support.workers import celery_worker, wait_until

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]


@pytest.fixture
def news(settings) -> Iterator[NewsServer]:
    yield from serve_news(settings)


def test_beat_and_a_worker_poll_a_feed_and_find_the_follow_up(
    tmp_path, news, make_claim, publish_claim
):
    whitlock = Claimant.objects.create(name="Dana Whitlock")
    claim = publish_claim(
        make_claim(
            "The Harbour Bridge in Portmere will reopen within two weeks.",
            claimant=whitlock,
            deadline=dt.date(2024, 1, 29),
        )
    )
    source = Source.objects.create(name="Local wire", language="en")
    feed = MonitoredFeed.objects.create(url=news.url("/wire.xml"), source=source, language="en")
    env = {
        "FEED_POLL_SECONDS": "1",
        "FEED_HOST_DELAY_SECONDS": "0",
        "FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
    }
    with celery_worker(tmp_path, beat=True, env=env) as worker:
        wait_until(
            lambda: FollowUp.objects.filter(claim=claim).exists(),
            timeout=90,
            what="beat's poll to import the feed and find the follow-up",
            log=worker["log"],
        )
        log = worker["log"].read_text()
    assert "claims.tasks.poll_feeds" in log
    follow_up = FollowUp.objects.get(claim=claim)
    assert follow_up.article.url == news.url("/news/bridge-reopened")
    assert Article.objects.filter(intake__feed=feed).count() == 2
    feed.refresh_from_db()
    assert feed.etag == ETAG and feed.last_polled_at is not None
