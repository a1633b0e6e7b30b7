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


class _EachLanguage:
    """The sitemap's items paired with each language, read a page at a time: Django's own i18n
    sitemap builds the whole list first, every claim in memory at once."""

    def __init__(self, items: QuerySet | list, languages: list[str]) -> None:
        self.items, self.languages = items, languages

    def count(self) -> int:
        found = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return found * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[tuple]:
        each = len(self.languages)
        first, last = page.start // each, -(-page.stop // each)
        pairs = [(item, code) for item in self.items[first:last] for code in self.languages]
        return pairs[page.start - first * each : page.stop - first * each]


class _OnSiteUrl(sitemaps.Sitemap):
    limit = 5000  # addresses a sitemap page; /sitemap.xml is the index of the pages
    # Every page in each language, each naming the others (hreflang), English as the default.
    i18n = True
    alternates = True
    x_default = True

    def _items(self) -> _EachLanguage:
        return _EachLanguage(self.items(), [code for code, _name in settings.LANGUAGES])

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
        url = settings.SITE_URL + reverse("site:sitemap-section", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(url, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
