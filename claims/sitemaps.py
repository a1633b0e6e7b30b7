"""The sitemap: the fixed pages, every public verdict page, claimant and source (contrib.sitemaps).

Addresses are absolute on SITE_URL, the index's too, so a sitemap fetched through a proxy names
the public host.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

from claims.models import Claim, Claimant, Source


class _OnSiteUrl(sitemaps.Sitemap):
    limit = 5000  # addresses a sitemap page; /sitemap.xml is the index of the pages

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
        return Claim.objects.public().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, claim: Claim) -> dt.datetime:
        return claim.updated_at

    def get_latest_lastmod(self) -> dt.datetime | None:
        # Django's default calls lastmod() on every item: one aggregate instead.
        return Claim.objects.public().aggregate(latest=Max("updated_at"))["latest"]


class ClaimantSitemap(_OnSiteUrl):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        public = Claim.objects.public().filter(claimant=OuterRef("pk"))
        return Claimant.objects.filter(Exists(public)).only("pk").order_by("pk")

    def location(self, claimant: Claimant) -> str:
        return reverse("claims:claimant", args=[claimant.pk])


class SourceSitemap(_OnSiteUrl):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        public = Claim.objects.public().filter(article__source=OuterRef("pk"))
        return Source.objects.filter(Exists(public)).only("pk").order_by("pk")

    def location(self, source: Source) -> str:
        return reverse("claims:source", args=[source.pk])


SITEMAPS = {
    "pages": PagesSitemap,
    "claims": ClaimSitemap,
    "claimants": ClaimantSitemap,
    "sources": SourceSitemap,
}


@x_robots_tag
def index(request: HttpRequest) -> TemplateResponse:
    """/sitemap.xml: every sitemap page, on SITE_URL like the addresses they list (Django's
    own index names them on the host the request came to)."""
    items = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = settings.SITE_URL + reverse("claims:sitemap-section", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(url, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
