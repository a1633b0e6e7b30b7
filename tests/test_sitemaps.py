"""The sitemap lists the public pages on SITE_URL, and nothing else."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.urls import reverse

from claims import workflow
from claims.models import Claimant

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]


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
