"""schema.org ClaimReview for a verdict page, as Google's fact-check guidelines describe it.

`claim_review` builds the data, for the verdict pages and for the export feed alike
(`claims.claimreview.feed`); `script_tag` writes it into a `<script type="application/ld+json">`
with `<`, `>` and `&` escaped, so no text in a claim can close the script element.

An imported verdict (another organisation's fact-check) keeps its own page, publisher and rating
label, so that exporting it gives back the ClaimReview it was imported from.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from claims.models import Article, Claim, DatePrecision, Verdict

# JSON allows these escapes inside strings; HTML then never sees a tag or an entity.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _partial_date(article: Article) -> str | None:
    """The article's date as precisely as it is known: 2019-07-31, 2019-07 or 2019."""
    day = article.published_on
    if day is None:
        return None
    if article.published_precision == DatePrecision.YEAR:
        return f"{day:%Y}"
    if article.published_precision == DatePrecision.MONTH:
        return f"{day:%Y-%m}"
    return day.isoformat()


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.headline}
    if article.url:
        work["url"] = article.url
    if date := _partial_date(article):
        work["datePublished"] = date
    work["publisher"] = {"@type": "Organization", "name": article.source.name}
    if article.source.homepage:
        work["publisher"]["url"] = article.source.homepage
    return work


def _rating(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    rating = verdict.rating
    name = verdict.original_rating_label or rating.label
    if not verdict.original_rating_label and not rating.is_final and claim.deadline:
        name = _("%(rating)s: deadline %(deadline)s") % {
            "rating": rating.label,
            "deadline": claim.deadline_display,
        }
    data: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if rating.claimreview_value is not None:
        data.update(ratingValue=rating.claimreview_value, bestRating=5, worstRating=1)
    return data


def _claimant(claim: Claim) -> dict[str, Any] | None:
    person = claim.claimant
    if person is None:
        return None
    data: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    if person.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": person.affiliation}
    if person.same_as:
        data["sameAs"] = person.same_as
    return data


def _review_author(verdict: Verdict) -> dict[str, Any]:
    if verdict.is_imported:
        author = {"@type": "Organization", "name": verdict.origin_name}
        if verdict.origin_url:
            author["url"] = verdict.origin_url
        return author
    return {
        "@type": "Organization",
        "name": settings.ORGANIZATION_NAME,
        "url": settings.ORGANIZATION_URL,
    }


def _later_appearances(claim: Claim) -> list[Article]:
    """Newest first, ties by address: an order decided by what the export says, so that a feed
    imported elsewhere exports again in the same order."""
    return sorted(
        claim.appearances.all(),
        key=lambda article: (article.published_on or dt.date.min, article.url or ""),
        reverse=True,
    )


def claim_review(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    """The ClaimReview of `claim` rated by its current published `verdict`."""
    item: dict[str, Any] = {"@type": "Claim"}
    if language := claim.quote_language:
        item["inLanguage"] = language
    if author := _claimant(claim):
        item["author"] = author
    if date := _partial_date(claim.article):
        item["datePublished"] = date
    # An imported claim whose appearance was not known points at the review it came from
    # (claims.claimreview.importer): that page is no appearance of the claim.
    if not (verdict.is_imported and claim.article.url == verdict.review_url):
        appearances = [claim.article, *_later_appearances(claim)]
        item["appearance"] = [_appearance(article) for article in appearances]
        item["firstAppearance"] = _appearance(claim.article)
    published = claim.first_published_at or verdict.published_at
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": verdict.review_url or f"{settings.SITE_URL}{claim.get_absolute_url()}",
        "claimReviewed": claim.statement,
        "datePublished": timezone.localdate(published).isoformat(),
        "dateModified": timezone.localdate(verdict.published_at).isoformat(),
        "author": _review_author(verdict),
        "reviewRating": _rating(claim, verdict),
        "itemReviewed": item,
    }
    if verdict.summary:
        review["reviewBody"] = verdict.summary
    return review


def script_tag(data: dict[str, Any]) -> SafeString:
    """`data` as a JSON-LD script element, safe to put in any HTML page."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
