"""The sitemap: the fixed pages, every public verdict page, claimant and source (contrib.sitemaps).

Addresses are absolute on SITE_URL, so a sitemap fetched through a proxy names the public host.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps
from django.db.models import QuerySet
from django.urls import reverse

from .models import Claim, Claimant, Source


class _OnSiteUrl(sitemaps.Sitemap):
    @property
    def protocol(self) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(_OnSiteUrl):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["claims:home", "claims:list", "claims:deadlines"]

    def location(self, name: str) -> str:
        return reverse(name)


class ClaimSitemap(_OnSiteUrl):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Claim.objects.public().order_by("pk")

    def lastmod(self, claim: Claim) -> dt.datetime:
        return claim.updated_at


class ClaimantSitemap(_OnSiteUrl):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        public = Claimant.objects.filter(claims__status__in=Claim.PUBLIC_STATUSES)
        return public.distinct().order_by("pk")

    def location(self, claimant: Claimant) -> str:
        return reverse("claims:claimant", args=[claimant.pk])


class SourceSitemap(_OnSiteUrl):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        public = Source.objects.filter(articles__claims__status__in=Claim.PUBLIC_STATUSES)
        return public.distinct().order_by("pk")

    def location(self, source: Source) -> str:
        return reverse("claims:source", args=[source.pk])


SITEMAPS = {
    "pages": PagesSitemap,
    "claims": ClaimSitemap,
    "claimants": ClaimantSitemap,
    "sources": SourceSitemap,
}
