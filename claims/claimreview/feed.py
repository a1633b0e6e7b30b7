"""ClaimReview out: every published verdict as one schema.org DataFeed, for the
`export_claimreview` command and `/api/claimreview.json`.

Each item is the ClaimReview of the claim's verdict page (`jsonld.claim_review`), for the current
verdict of every published claim: ClaimReview is one review per claim, so earlier verdicts (public
on the claim's page) and retracted claims (whose page has no ClaimReview) are not in it.

The feed is written as it is read, in batches that walk an index (oldest first, so that a feed
imported elsewhere exports again in the same order), so its memory does not grow with the number
of claims; the endpoint answers a conditional request from two aggregates, without the feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from claims.api import docs as docs
from claims.claimreview import jsonld
from claims.models import Article, Claim, Verdict
from factcheck.lib import page_cache

BATCH_SIZE = 500  # claims per query: a few hundred kilobytes of JSON at a time
FEED_MAX_AGE = 300  # seconds a cache or client may reuse the feed without asking again
CONTENT_TYPE = "application/ld+json; charset=utf-8"


@dataclass(frozen=True)
class FeedState:
    """What the feed's validators are made of: how many claims, when the last one changed, and
    the newest verdict; plus the public pages' cache version, which any change bumps (when a
    shared cache is on) — an edited claimant, say, which changes no claim row."""

    count: int
    changed: dt.datetime | None
    newest_verdict: dt.datetime | None
    version: object

    @property
    def etag(self) -> str:
        parts = (self.count, self.changed, self.newest_verdict, self.version, settings.SITE_URL)
        return '"' + hashlib.sha256(repr(parts).encode()).hexdigest()[:32] + '"'

    @property
    def last_modified(self) -> int | None:
        """In whole seconds, as HTTP dates are: a client's If-Modified-Since then matches."""
        return int(self.changed.timestamp()) if self.changed else None


def published_claims():
    return Claim.objects.filter(status=Claim.Status.PUBLISHED)


def feed_state() -> FeedState:
    claims = published_claims().aggregate(count=Count("pk"), changed=Max("updated_at"))
    newest = Verdict.objects.published().filter(
        is_current=True, claim__status=Claim.Status.PUBLISHED
    )
    try:
        version = page_cache.current_version()
    except Exception:  # an unreachable cache: the aggregates alone
        version = None
    return FeedState(
        count=claims["count"],
        changed=claims["changed"],
        newest_verdict=newest.aggregate(at=Max("published_at"))["at"],
        version=version,
    )


def reviews(batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
    """The ClaimReview of every published claim, oldest publication first."""
    claims = (
        published_claims()
        .select_related("article__source", "claimant")
        .with_current_verdict()
        .prefetch_related(
            Prefetch("appearances", queryset=Article.objects.select_related("source"))
        )
        .order_by("first_published_at", "pk")
    )
    after = Q()
    while batch := list(claims.filter(after)[:batch_size]):
        for claim in batch:
            if claim.current_verdicts:
                yield jsonld.claim_review(claim, claim.current_verdicts[0])
        last = batch[-1]
        # Keyset pagination: a range on the index, however deep into the feed.
        after = Q(first_published_at__gte=last.first_published_at) & ~Q(
            first_published_at=last.first_published_at, pk__lte=last.pk
        )


def feed_chunks(state: FeedState, items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The DataFeed as text, one line per item, written as `items` come."""
    head = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.ORGANIZATION_NAME}: fact-checks (ClaimReview)",
        "url": f"{settings.SITE_URL}{reverse('claimreview-feed')}",
        "publisher": {
            "@type": "Organization",
            "name": settings.ORGANIZATION_NAME,
            "url": settings.ORGANIZATION_URL,
        },
    }
    if state.newest_verdict:
        head["dateModified"] = timezone.localdate(state.newest_verdict).isoformat()
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield f'{opening}, "dataFeedElement": [\n'
    separator = ""
    for review in items:
        element = {
            "@type": "DataFeedItem",
            "dateCreated": review["datePublished"],
            "dateModified": review["dateModified"],
            "item": review,
        }
        yield separator + json.dumps(element, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def feed_response(request: HttpRequest) -> HttpResponse:
    """The feed, streamed, with validators; a 304 when the client's copy still holds."""
    state = feed_state()
    not_modified = get_conditional_response(
        request, etag=state.etag, last_modified=state.last_modified
    )
    if not_modified is not None:
        return not_modified
    if request.method == "HEAD":  # the headers alone: no need to read every claim
        response: HttpResponse = HttpResponse(content_type=CONTENT_TYPE)
    else:
        chunks = (chunk.encode() for chunk in feed_chunks(state, reviews()))
        response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPE)
    response["ETag"] = state.etag
    if state.last_modified is not None:
        response["Last-Modified"] = http_date(state.last_modified)
    response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    return response
