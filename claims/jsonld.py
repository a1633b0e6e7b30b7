"""schema.org ClaimReview for a verdict page, as Google's fact-check guidelines describe it.

`claim_review` builds the data; `script_tag` writes it into a `<script type="application/ld+json">`
with `<`, `>` and `&` escaped, so no text in a claim can close the script element.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Article, Claim, DatePrecision, Verdict

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
    name = rating.label
    if not rating.is_final and claim.deadline:
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


def claim_review(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    """The ClaimReview of `claim` rated by its current published `verdict`."""
    item: dict[str, Any] = {"@type": "Claim"}
    if author := _claimant(claim):
        item["author"] = author
    if date := _partial_date(claim.article):
        item["datePublished"] = date
    appearances = [claim.article, *claim.appearances.all()]
    item["appearance"] = [_appearance(article) for article in appearances]
    item["firstAppearance"] = _appearance(claim.article)
    published = claim.first_published_at or verdict.published_at
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{settings.SITE_URL}{claim.get_absolute_url()}",
        "claimReviewed": claim.statement,
        "datePublished": timezone.localdate(published).isoformat(),
        "dateModified": timezone.localdate(verdict.published_at).isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.ORGANIZATION_NAME,
            "url": settings.ORGANIZATION_URL,
        },
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
