"""ETags after the cache loses its data (a Redis restart without persistence, the FLUSHDB the docs
suggest): the public version they are made of never comes back to a number it had before, so a
client holding an old ETag is never told "not modified" for content that has changed since."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils.http import parse_http_date

from claims.models import Claimant, Evidence
from factcheck.lib import page_cache


@pytest.fixture(autouse=True)
def caching(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


def lose_the_cache() -> None:
    cache.clear()  # what a Redis restarted without its data holds: nothing


def test_a_changed_claim_is_not_304_after_the_cache_was_lost(client, watching_claim):
    evidence = Evidence.objects.create(
        claim=watching_claim, url="https://e.example/1", title="First title", stance="supports"
    )
    url = f"/api/claims/{watching_claim.pk}/"

    lose_the_cache()
    evidence.title = "Second title"
    evidence.save()  # one change
    before = client.get(url)
    assert "Second title" in before.content.decode()

    lose_the_cache()
    evidence.title = "Third title"
    evidence.save()  # one change again, as many as before the loss
    after = client.get(url, headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert "Third title" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(before["Last-Modified"])


def test_a_changed_feed_is_not_304_after_the_cache_was_lost(client, watching_claim):
    """A claimant's new name changes no claim row, no count and no verdict: only the version
    tells the feed's ETag that its content changed."""
    claimant = Claimant.objects.create(name="Ahmad Jadayan")
    type(watching_claim).objects.filter(pk=watching_claim.pk).update(claimant=claimant)

    lose_the_cache()
    claimant.name = "Ahmed Jadayan"
    claimant.save()
    before = client.get("/api/claimreview.json")
    assert b"Ahmed Jadayan" in b"".join(before.streaming_content)

    lose_the_cache()
    claimant.name = "Ahmad al-Jadayan"
    claimant.save()
    after = client.get("/api/claimreview.json", headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert b"Ahmad al-Jadayan" in b"".join(after.streaming_content)


def test_a_lost_counter_starts_again_far_from_where_it_was(db):
    lose_the_cache()
    first = page_cache.current_version()
    page_cache.invalidate()
    assert page_cache.current_version() == first + 1
    starts = set()
    for _ in range(20):
        lose_the_cache()
        starts.add(page_cache.current_version())
    assert len(starts) == 20 and first not in starts
