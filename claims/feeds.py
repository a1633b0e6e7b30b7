"""Feeds of new verdicts, outcomes of re-checks and corrections, as RSS 2.0 and Atom 1.0 (Django's
syndication).

One item per published verdict, so an outcome recorded after a deadline is news of its own, and
one per correction, so that readers who saw a verdict hear that it was corrected. Every address is
absolute on SITE_URL, like the canonical links, whichever host the feed was read on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from claims.models import Claim, Correction, Verdict

FEED_SIZE = 30


@dataclass(frozen=True)
class Entry:
    """One item of the feed, whatever it announces."""

    title: str
    description: str
    link: str
    guid: str
    published: dt.datetime
    category: str


def _verdict_entry(verdict: Verdict) -> Entry:
    return Entry(
        title=f"{verdict.rating.shown_label}: {verdict.claim.statement}",
        description=verdict.summary,
        link=f"{settings.SITE_URL}{verdict.claim.get_absolute_url()}#verdict-{verdict.pk}",
        guid=f"{settings.SITE_URL}/verdicts/{verdict.pk}",
        published=verdict.published_at,
        category=verdict.rating.shown_label,
    )


def _correction_entry(correction: Correction) -> Entry:
    claim = correction.verdict.claim
    return Entry(
        title=_("Correction: %(claim)s") % {"claim": claim.statement},
        description=correction.note,
        link=f"{settings.SITE_URL}{claim.get_absolute_url()}#correction-{correction.pk}",
        guid=f"{settings.SITE_URL}/corrections/{correction.pk}",
        published=correction.issued_at,
        category=_("Correction"),
    )


class VerdictsFeed(Feed):
    """The latest published verdicts and corrections of claims that are public and not
    retracted, newest first."""

    def title(self) -> str:
        return _("%(site)s: new verdicts") % {"site": settings.SITE_NAME}

    def description(self) -> str:
        return _(
            "New verdicts on claims in the news, the outcomes of deadlines re-checked, "
            "and corrections."
        )

    url_name = "claims:feed-rss"

    def link(self) -> str:
        return f"{settings.SITE_URL}{reverse('claims:list')}"

    def feed_url(self) -> str:
        return f"{settings.SITE_URL}{reverse(self.url_name)}"

    def items(self) -> list[Entry]:
        verdicts = (
            Verdict.objects.published()
            .filter(claim__status=Claim.Status.PUBLISHED)
            .select_related("rating", "claim")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )
        corrections = (
            Correction.objects.filter(verdict__claim__status=Claim.Status.PUBLISHED)
            .select_related("verdict__claim")
            .order_by("-issued_at", "-pk")[:FEED_SIZE]
        )
        entries = [_verdict_entry(v) for v in verdicts]
        entries += [_correction_entry(c) for c in corrections]
        return sorted(entries, key=lambda entry: entry.published, reverse=True)[:FEED_SIZE]

    # Readers take an RSS item's title and description for HTML: the newsroom's text is escaped
    # into them, or a summary reading "<script>…" would be markup in a reader's page.
    def item_title(self, entry: Entry) -> str:
        return escape(entry.title)

    def item_description(self, entry: Entry) -> str:
        return escape(entry.description)

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry) -> dt.datetime:
        return entry.published

    def item_author_name(self, entry: Entry) -> str:
        return settings.ORGANIZATION_NAME

    def item_categories(self, entry: Entry) -> list[str]:
        return [entry.category]


class VerdictsAtomFeed(VerdictsFeed):
    feed_type = Atom1Feed
    url_name = "claims:feed-atom"

    def item_title(self, entry: Entry) -> str:
        # An Atom title is plain text (no type="html"): it is written as it is.
        return entry.title

    def subtitle(self) -> str:
        return self.description()
