"""Feeds of new verdicts and outcomes of re-checks, as RSS 2.0 and Atom 1.0 (Django's syndication).

One item per published verdict, so an outcome recorded after a deadline is news of its own.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Claim, Verdict

FEED_SIZE = 30


class VerdictsFeed(Feed):
    """The latest published verdicts of claims that are public and not retracted."""

    def title(self) -> str:
        return _("%(site)s: new verdicts") % {"site": settings.SITE_NAME}

    def description(self) -> str:
        return _("New verdicts on claims in the news, and the outcomes of deadlines re-checked.")

    def link(self) -> str:
        return "/claims/"

    def items(self) -> QuerySet:
        return (
            Verdict.objects.published()
            .filter(claim__status=Claim.Status.PUBLISHED)
            .select_related("rating", "claim__claimant", "claim__article__source")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    # Readers take an RSS item's title and description for HTML: the newsroom's text is escaped
    # into them, or a summary reading "<script>…" would be markup in a reader's page.
    def item_title(self, verdict: Verdict) -> str:
        return escape(f"{verdict.rating.label}: {verdict.claim.statement}")

    def item_description(self, verdict: Verdict) -> str:
        return escape(verdict.summary)

    def item_link(self, verdict: Verdict) -> str:
        return f"{verdict.claim.get_absolute_url()}#verdict-{verdict.pk}"

    def item_guid(self, verdict: Verdict) -> str:
        return f"{settings.SITE_URL}/verdicts/{verdict.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, verdict: Verdict) -> dt.datetime:
        return verdict.published_at

    def item_author_name(self, verdict: Verdict) -> str:
        return settings.ORGANIZATION_NAME

    def item_categories(self, verdict: Verdict) -> list[str]:
        return [verdict.rating.label]


class VerdictsAtomFeed(VerdictsFeed):
    feed_type = Atom1Feed

    def item_title(self, verdict: Verdict) -> str:
        # An Atom title is plain text (no type="html"): it is written as it is.
        return f"{verdict.rating.label}: {verdict.claim.statement}"

    def subtitle(self) -> str:
        return self.description()
