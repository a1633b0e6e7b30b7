"""claims/intake/feeds.py against a local news site: conditional GETs, new items imported once,
failing feeds backed off, private addresses refused, politeness per host, every feed format."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from django.utils import timezone

from claims import intake
from claims.intake import feeds
from claims.intake.feedformats import FeedFormatError, read_feed
from claims.models import Article, ArticleImport, FollowUp, MonitoredFeed, Source
from tests.support.newsserver import ETAG, NewsServer, page, rss, serve_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(settings) -> Iterator[NewsServer]:
    yield from serve_news(settings)


def feed_at(url: str, **fields) -> MonitoredFeed:
    source, _ = Source.objects.get_or_create(name="Local wire", defaults={"language": "en"})
    return MonitoredFeed.objects.create(url=url, source=source, language="en", **fields)


def test_a_poll_imports_the_new_items_and_finds_their_follow_ups(news, bridge_claim):
    feed = feed_at(news.url("/wire.xml"))
    report = feeds.poll()
    assert report.summary() == "polled 1 feeds: new articles 2, follow-ups 1, failed 0"
    bridge = Article.objects.get(headline="Portmere's Harbour Bridge reopened")
    # Canonical address: no tracking parameters, no fragment.
    assert bridge.url == news.url("/news/bridge-reopened")
    assert (bridge.source, bridge.intake.feed, bridge.published_on) == (
        feed.source,
        feed,
        dt.date(2024, 2, 1),
    )
    assert "Dana Whitlock said" in bridge.text
    assert FollowUp.objects.get().claim == bridge_claim
    feed.refresh_from_db()
    assert (feed.etag, feed.failures_in_a_row, feed.last_error) == (ETAG, 0, "")
    assert feed.next_poll_at > timezone.now() + dt.timedelta(minutes=14)


def test_the_second_poll_is_conditional_and_a_304_brings_nothing_new(news, bridge_claim):
    feed = feed_at(news.url("/wire.xml"))
    feeds.poll()
    MonitoredFeed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())
    report = feeds.poll()
    assert report.summary() == "polled 1 feeds: new articles 0, follow-ups 0, failed 0"
    second = news.requested("/wire.xml")[-1]
    assert second.headers["If-None-Match"] == ETAG
    assert "If-Modified-Since" in second.headers
    assert len(news.requested("/news/bridge-reopened")) == 1


def test_an_article_already_in_is_not_imported_again(news, editor):
    logged = Article(  # logged by an editor, by hand
        source=Source.objects.create(name="Wire"),
        url=news.url("/news/bridge-reopened"),
        headline="Bridge reopened",
    )
    intake.log_article(logged, by=editor)
    feed_at(news.url("/wire.xml"))
    report = feeds.poll()
    assert report.new_articles == 1
    assert Article.objects.filter(url=news.url("/news/bridge-reopened")).count() == 1


def test_two_feeds_listing_the_same_article_import_it_once(news):
    feed_at(news.url("/wire.xml"))
    feed_at(news.url("/wire.json"))
    report = feeds.poll()
    assert (report.polled, report.new_articles) == (2, 2)
    assert Article.objects.count() == 2


def test_a_failing_feed_is_backed_off_doubling_and_capped(news, settings):
    settings.FEED_INTERVAL_MINUTES, settings.FEED_BACKOFF_MAX_HOURS = 15, 2
    feed = feed_at(news.url("/broken.xml"))
    waits = []
    for _ in range(4):
        MonitoredFeed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())
        before = timezone.now()
        assert feeds.poll().summary() == "polled 1 feeds: new articles 0, follow-ups 0, failed 1"
        feed.refresh_from_db()
        waits.append(round((feed.next_poll_at - before).total_seconds() / 60))
    assert waits == [30, 60, 120, 120]
    assert feed.failures_in_a_row == 4 and feed.is_failing
    assert "500" in feed.last_error
    # Not due: the next run leaves it alone rather than retrying in a tight loop.
    assert feeds.poll().polled == 0
    assert len(news.requested("/broken.xml")) == 4


def test_a_feed_that_works_again_is_no_longer_failing(news):
    feed = feed_at(news.url("/broken.xml"), failures_in_a_row=5)
    news.routes["/broken.xml"] = lambda handler: handler._send(
        200, "application/rss+xml", rss(handler.base, [])
    )
    feeds.poll()
    feed.refresh_from_db()
    assert (feed.failures_in_a_row, feed.last_error, feed.is_failing) == (0, "", False)


def test_a_page_that_is_no_feed_is_a_failure_that_says_so(news):
    feed = feed_at(news.url("/not-a-feed.xml"))
    assert feeds.poll().failed == 1
    feed.refresh_from_db()
    assert "not a web page" in feed.last_error or "RSS" in feed.last_error


def test_a_feed_on_a_private_address_is_refused(news, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    feed = feed_at(news.url("/wire.xml"))
    assert feeds.poll().failed == 1
    feed.refresh_from_db()
    assert "private or reserved network" in feed.last_error
    assert news.requests == []


def test_an_item_linking_to_a_private_address_is_refused(news):
    news.routes["/wire.xml"] = page(
        rss(
            "http://169.254.169.254",
            [("/latest/meta-data", "Metadata", "Thu, 01 Feb 2024 09:00:00 GMT")],
        ).decode(),
        "application/rss+xml",
    )
    feed_at(news.url("/wire.xml"))
    report = feeds.poll()
    assert (report.polled, report.new_articles, report.failed) == (1, 0, 0)
    refused = ArticleImport.objects.get()
    assert refused.state == ArticleImport.State.FAILED
    assert "private or reserved network" in refused.error


def test_an_item_whose_page_fails_leaves_no_article_behind(news):
    """A feed's items keep the rule every import keeps: the article is made only on success."""
    news.routes["/wire.xml"] = page(
        rss(news.url(""), [("/gone", "Gone", "Thu, 01 Feb 2024 09:00:00 GMT")]).decode(),
        "application/rss+xml",
    )
    feed_at(news.url("/wire.xml"))
    report = feeds.poll()
    assert (report.new_articles, report.failed) == (0, 0)
    assert ArticleImport.objects.get().state == ArticleImport.State.FAILED
    assert not Article.objects.exists()


def test_json_feeds_and_news_sitemaps_are_read(news):
    feed_at(news.url("/wire.json"))
    feed_at(news.url("/news-sitemap.xml"))
    report = feeds.poll()
    assert (report.polled, report.failed, report.new_articles) == (2, 0, 1)


def test_one_request_per_host_per_delay(news, settings):
    settings.FEED_HOST_DELAY_SECONDS = 1
    feed_at(news.url("/wire.xml"))
    feed_at(news.url("/wire.json"))
    feeds.poll()
    arrivals = [request.at for request in news.requests]
    assert len(arrivals) == 4  # two feeds, two articles (the JSON feed's is in already)
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert min(gaps) >= 0.95, gaps


def test_a_run_starts_nothing_after_its_time_budget(news):
    feed_at(news.url("/wire.xml"))
    report = feeds.poll(budget=0)
    assert (report.polled, report.left) == (0, 1)
    assert news.requests == []


def test_imports_left_by_a_run_out_of_time_are_run_by_the_next(news, monkeypatch):
    feed_at(news.url("/wire.xml"))
    ticks = iter([0, 0, 0, 0, 100, 100, 100, 100, 100])
    monkeypatch.setattr(feeds.time, "monotonic", lambda: next(ticks, 1000))
    first = feeds.poll(budget=10)
    assert (first.polled, first.new_articles) == (1, 0)
    assert ArticleImport.objects.filter(state=ArticleImport.State.QUEUED).count() == 2
    monkeypatch.undo()
    second = feeds.poll()
    assert (second.polled, second.new_articles) == (0, 2)


def test_a_feed_another_run_holds_is_left_alone(news):
    feed = feed_at(news.url("/wire.xml"), poll_started_at=timezone.now())
    assert feeds.poll().polled == 0
    MonitoredFeed.objects.filter(pk=feed.pk).update(
        poll_started_at=timezone.now() - feeds.claim_lapse() - dt.timedelta(seconds=1)
    )
    assert feeds.poll().polled == 1  # its worker died: the claim lapsed


def test_an_inactive_feed_is_not_polled(news):
    feed_at(news.url("/wire.xml"), active=False)
    assert feeds.poll().polled == 0


# --- Registering --------------------------------------------------------------------------------


def test_adding_a_feed_finds_its_source_by_domain(db):
    source = Source.objects.create(name="Harbour Times", domain="harbour.example", language="en")
    feed = feeds.add_feed("https://harbour.example/rss")
    assert (feed.source, feed.language, feed.active) == (source, "en", True)


def test_a_feed_is_added_once_and_only_over_http(db):
    feeds.add_feed("https://harbour.example/rss", source_name="Harbour Times")
    with pytest.raises(intake.IntakeError, match="monitored already"):
        feeds.add_feed("https://harbour.example/rss")
    with pytest.raises(intake.IntakeError, match="“file:”"):
        feeds.add_feed("file:///etc/passwd")
    assert MonitoredFeed.objects.count() == 1


def test_a_reviewer_may_not_add_feeds(db, reviewer):
    with pytest.raises(intake.IntakeError, match="add monitored feeds"):
        feeds.add_feed("https://harbour.example/rss", by=reviewer)
    assert not MonitoredFeed.objects.exists()


# --- Formats ------------------------------------------------------------------------------------


def test_atom_entries_keep_their_full_content():
    body = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        b"<entry><title>One</title><link href='https://a.example/1'/>"
        b"<updated>2019-09-30T10:00:00Z</updated><content type='html'>&lt;p&gt;Whole text"
        b"&lt;/p&gt;</content></entry></feed>"
    )
    [item] = read_feed(body)
    assert (item.url, item.title, item.published) == (
        "https://a.example/1",
        "One",
        dt.date(2019, 9, 30),
    )
    assert "Whole text" in item.content


def test_an_item_with_the_whole_article_is_read_from_the_feed(news):
    long_text = "<p>" + "Cars crossed the Harbour Bridge in Portmere again. " * 40 + "</p>"
    news.routes["/wire.xml"] = page(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        f'content/"><channel><title>W</title><item><title>Full</title><link>{news.url("/news/offline")}'
        "</link><pubDate>Thu, 01 Feb 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA["
        f"{long_text}]]></content:encoded></item></channel></rss>",
        "application/rss+xml",
    )
    feed_at(news.url("/wire.xml"))
    assert feeds.poll().new_articles == 1
    assert news.requested("/news/offline") == []  # not fetched: the feed carried it
    assert "Harbour Bridge" in Article.objects.get().text


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"version": "1", "items": []}', "not a JSON Feed"),
        (b"{not json", "not valid JSON"),
        (
            b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>",
            "sitemap index",
        ),
        (b"<html><body>no feed</body></html>", "did not answer with an RSS"),
    ],
)
def test_what_is_not_a_feed_says_what_it_is(body, says):
    with pytest.raises(FeedFormatError, match=says):
        read_feed(body)


def test_a_sitemap_with_entities_is_not_expanded():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&x;'
        b"</loc></url></urlset>"
    )
    items = read_feed(body)
    assert all("root:" not in item.url for item in items)
