"""The sitemap lists the public pages on SITE_URL, and nothing else."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

from django.urls import reverse

from claims import workflow
from claims.models import Claimant

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client) -> list[str]:
    """Every address in every sitemap page that /sitemap.xml, the index, names."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    pages = [loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", NS)]
    found = []
    for page in pages:
        parts = urlsplit(page)
        response = client.get(parts.path, dict(parse_qsl(parts.query)))
        assert response.status_code == 200
        found += [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]
    return found


def test_a_large_archive_is_split_into_sitemap_pages(
    client, settings, make_claim, publish_claim, monkeypatch
):
    from claims.sitemaps import ClaimSitemap

    settings.SITE_URL = "https://checks.example"
    monkeypatch.setattr(ClaimSitemap, "limit", 8)
    claims = [publish_claim(make_claim(f"Claim {n}."), "false") for n in range(5)]
    index = ET.fromstring(client.get("/sitemap.xml").content)
    claim_pages = [loc.text for loc in index.findall("s:sitemap/s:loc", NS) if "claims" in loc.text]
    assert len(claim_pages) == 3  # 5 claims in 4 languages, 8 addresses a page
    found = [loc for loc in locations(client) if re.search(r"/claims/\d+/", loc)]
    expected = {
        f"https://checks.example{prefix}{claim.get_absolute_url()}"
        for claim in claims
        for prefix in ("", "/ar", "/fr", "/es")
    }
    assert sorted(found) == sorted(expected)  # each once, across the pages


def test_each_address_names_its_translations(client, settings, make_claim, publish_claim):
    settings.SITE_URL = "https://checks.example"
    claim = publish_claim(make_claim(), "false")
    page = client.get(reverse("site:sitemap-section", args=["claims"]))
    root = ET.fromstring(page.content)
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    entries = {url.find("s:loc", NS).text: url.findall(xhtml) for url in root.findall("s:url", NS)}
    french = entries[f"https://checks.example/fr{claim.get_absolute_url()}"]
    assert {link.get("hreflang"): link.get("href") for link in french} == {
        "en-gb": f"https://checks.example{claim.get_absolute_url()}",
        "ar": f"https://checks.example/ar{claim.get_absolute_url()}",
        "fr": f"https://checks.example/fr{claim.get_absolute_url()}",
        "es": f"https://checks.example/es{claim.get_absolute_url()}",
        "x-default": f"https://checks.example{claim.get_absolute_url()}",
    }


def test_sitemap_lists_fixed_pages_claims_claimants_and_sources(
    client, settings, make_claim, publish_claim, source
):
    settings.SITE_URL = "https://checks.example"
    person = Claimant.objects.create(name="Mara Quill")
    claim = publish_claim(make_claim(claimant=person), "false")
    found = locations(client)
    for path in (
        "/",
        "/claims/",
        "/deadlines/",
        claim.get_absolute_url(),
        reverse("claims:claimant", args=[person.pk]),
        reverse("claims:source", args=[source.pk]),
    ):
        assert f"https://checks.example{path}" in found


def test_sitemap_leaves_out_drafts_and_their_claimants(client, make_claim, reviewer, publisher):
    hidden = Claimant.objects.create(name="Hidden")
    draft = make_claim(claimant=hidden)
    found = " ".join(locations(client))
    assert draft.get_absolute_url() not in found
    assert reverse("claims:claimant", args=[hidden.pk]) not in found
    assert "/sources/" not in found


def test_sitemap_keeps_a_retracted_claim_whose_page_explains_it(
    client, make_claim, publish_claim, publisher
):
    claim = publish_claim(make_claim(), "false")
    workflow.retract(claim, by=publisher, reason="Wrong speaker.")
    assert any(claim.get_absolute_url() in loc for loc in locations(client))


def test_the_sitemap_index_does_not_visit_every_claim(
    client, make_claim, publish_claim, monkeypatch
):
    """The index's last-modified date is one aggregate, not a walk through the archive."""
    from claims.sitemaps import ClaimSitemap

    claims = [publish_claim(make_claim(f"Claim {n}."), "false") for n in range(3)]
    visited = []
    real_lastmod = ClaimSitemap.lastmod
    monkeypatch.setattr(
        ClaimSitemap,
        "lastmod",
        lambda self, claim: visited.append(claim) or real_lastmod(self, claim),
    )
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and visited == []
    assert max(c.updated_at for c in claims).strftime("%Y-%m-%d") in index.content.decode()


def test_the_sitemap_index_names_its_pages_on_site_url_too(
    client, settings, make_claim, publish_claim, monkeypatch
):
    """Fetched through a proxy (or on another port), the index still names the public host."""
    from claims.sitemaps import ClaimSitemap

    settings.SITE_URL = "https://checks.example"
    monkeypatch.setattr(ClaimSitemap, "limit", 1)
    for n in range(2):
        publish_claim(make_claim(f"Claim {n}."), "false")
    index = ET.fromstring(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content)
    pages = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert "https://checks.example/sitemap-claims.xml?p=2" in pages
    assert all(page.startswith("https://checks.example/sitemap-") for page in pages), pages
