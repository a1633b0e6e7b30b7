"""The verdict feeds, read by a real feed reader (feedparser): RSS 2.0 and Atom 1.0."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from claims import workflow
from tests.support.data import rating, write_verdict

FEEDS = ["/feeds/verdicts/rss/", "/feeds/verdicts/atom/"]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def resolved(watching_claim, reviewer, publisher):
    """A promise published as pending, then resolved: two verdicts, two items."""
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(
        watching_claim,
        by=reviewer,
        rating=rating("fulfilled"),
        note="It reopened.",
        happened_on=dt.date(2024, 1, 25),
    )
    workflow.publish(watching_claim, by=publisher)
    return watching_claim


def test_rss_is_rss_and_atom_is_atom(client, resolved):
    assert parse(client, FEEDS[0]).version == "rss20"
    assert parse(client, FEEDS[1]).version == "atom10"


@pytest.mark.parametrize("url", FEEDS)
def test_each_published_verdict_and_outcome_is_an_item_newest_first(
    client, resolved, url, settings
):
    feed = parse(client, url)
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        f"Fulfilled: {resolved.statement}",
        f"Pending: {resolved.statement}",
    ]
    newest = feed.entries[0]
    assert newest.summary == "It reopened."
    assert newest.link.startswith(settings.SITE_URL + resolved.get_absolute_url() + "#verdict-")
    assert newest.published_parsed is not None or newest.updated_parsed is not None
    assert feed.entries[0].id != feed.entries[1].id
    assert [tag.term for tag in newest.tags] == ["Fulfilled"]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_leave_out_drafts_submitted_verdicts_and_retracted_claims(
    client, watching_claim, make_claim, publish_claim, reviewer, publisher, url
):
    write_verdict(watching_claim, reviewer, "fulfilled", "SECRET DRAFT")
    in_review = make_claim("A claim in review.")
    write_verdict(in_review, reviewer, "false", "SECRET SUBMITTED")
    workflow.submit(in_review, by=reviewer)
    withdrawn = publish_claim(make_claim("The mayor said so."), "false")
    workflow.retract(withdrawn, by=publisher, reason="Wrong speaker.")
    feed = parse(client, url)
    assert [entry.title for entry in feed.entries] == [f"Pending: {watching_claim.statement}"]
    text = str(feed)
    assert "SECRET" not in text and "The mayor said so." not in text


def test_feed_names_the_site(client, resolved, settings):
    settings.SITE_NAME = "The Checkers"
    feed = parse(client, FEEDS[1])
    assert feed.feed.title == "The Checkers: new verdicts"
    assert feed.entries[0].author == settings.ORGANIZATION_NAME


def test_an_empty_feed_is_still_a_valid_feed(client, db):
    assert parse(client, FEEDS[0]).entries == []


@pytest.mark.parametrize("url", FEEDS)
def test_feed_addresses_are_on_site_url_like_the_pages_canonical_links(
    client, resolved, settings, url
):
    """Read through a proxy (or on another port), a feed links to the public host."""
    settings.SITE_URL = "https://checks.example"
    feed = parse(client, url)
    assert feed.feed.link == "https://checks.example/claims/"
    assert {link.href for link in feed.feed.links if link.rel == "self"} == {
        f"https://checks.example{url}"
    }
    for entry in feed.entries:
        assert entry.link.startswith(f"https://checks.example{resolved.get_absolute_url()}#")
