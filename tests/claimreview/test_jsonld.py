"""The ClaimReview on verdict pages, read by a real consumer (extruct), checked field by field."""

from __future__ import annotations

import datetime as dt

import extruct
import pytest

from claims import workflow
from claims.claimreview import jsonld
from claims.models import Article, Claimant, DatePrecision
from tests.support.data import rating


def reviews(client, claim) -> list[dict]:
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    data = extruct.extract(
        response.content.decode(), base_url="http://testserver/", syntaxes=["json-ld"]
    )
    return [item for item in data["json-ld"] if item.get("@type") == "ClaimReview"]


@pytest.fixture
def claimed(make_claim, publish_claim, article, settings):
    settings.SITE_URL = "https://checks.example"
    settings.ORGANIZATION_NAME = "The Checkers"
    settings.ORGANIZATION_URL = "https://checkers.example"
    person = Claimant.objects.create(
        name="Mara Quill",
        role="Mayor of Demoville",
        affiliation="City Council",
        same_as="https://www.wikidata.org/wiki/Q1",
    )
    claim = make_claim("The city budget grew by 40 percent.", claimant=person)
    later = Article.objects.create(
        source=article.source, url="https://daily.example/later", headline="Again"
    )
    claim.appearances.add(later)
    return publish_claim(claim, "mostly-false")


def test_a_verdict_page_carries_one_claimreview(client, claimed):
    assert len(reviews(client, claimed)) == 1


def test_claimreview_fields(client, claimed):
    review = reviews(client, claimed)[0]
    verdict = claimed.verdicts.get(is_current=True)
    assert review["@context"] in ("https://schema.org", "http://schema.org")
    assert review["url"] == f"https://checks.example{claimed.get_absolute_url()}"
    assert review["claimReviewed"] == claimed.statement
    assert review["datePublished"] == claimed.first_published_at.date().isoformat()
    assert review["dateModified"] == verdict.published_at.date().isoformat()
    assert review["author"] == {
        "@type": "Organization",
        "name": "The Checkers",
        "url": "https://checkers.example",
    }
    assert review["reviewBody"] == verdict.summary


def test_claimreview_rating(client, claimed):
    assert reviews(client, claimed)[0]["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }


def test_claimreview_item_reviewed_is_the_claim_with_its_author_and_appearances(client, claimed):
    item = reviews(client, claimed)[0]["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {
        "@type": "Person",
        "name": "Mara Quill",
        "jobTitle": "Mayor of Demoville",
        "affiliation": {"@type": "Organization", "name": "City Council"},
        "sameAs": "https://www.wikidata.org/wiki/Q1",
    }
    assert item["datePublished"] == "2024-01-15"
    first = item["firstAppearance"]
    assert first["@type"] == "CreativeWork"
    assert first["url"] == "https://daily.example/2024/01/bridge"
    assert first["headline"] == "Bridge to reopen"
    assert first["publisher"] == {"@type": "Organization", "name": "The Daily Test"}
    assert [work["url"] for work in item["appearance"]] == [
        "https://daily.example/2024/01/bridge",
        "https://daily.example/later",
    ]


def test_a_pending_claim_says_so_and_has_no_numeric_rating(client, watching_claim):
    rating_ = reviews(client, watching_claim)[0]["reviewRating"]
    assert rating_ == {"@type": "Rating", "alternateName": "Pending: deadline 29 January 2024"}


def test_an_outcome_replaces_the_pending_rating(client, watching_claim, reviewer, publisher):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(watching_claim, by=reviewer, rating=rating("not-fulfilled"), note="Shut.")
    workflow.publish(watching_claim, by=publisher)
    rating_ = reviews(client, watching_claim)[0]["reviewRating"]
    assert rating_["alternateName"] == "Not fulfilled" and rating_["ratingValue"] == 1


def test_a_claim_without_claimant_has_no_author_and_a_month_date(
    client, make_claim, publish_claim, source
):
    article = Article.objects.create(
        source=source,
        url="https://daily.example/2019/07/x",
        headline="July",
        published_on=dt.date(2019, 7, 1),
        published_precision=DatePrecision.MONTH,
    )
    claim = publish_claim(make_claim("Something happened.", article=article), "true")
    item = reviews(client, claim)[0]["itemReviewed"]
    assert "author" not in item
    assert item["datePublished"] == "2019-07"


def test_a_retracted_claim_has_no_claimreview(client, claimed, publisher):
    workflow.retract(claimed, by=publisher, reason="Wrong speaker.")
    assert reviews(client, claimed) == []


def test_text_that_would_close_the_script_is_escaped(client, make_claim, publish_claim):
    claim = publish_claim(make_claim("</script><script>alert(1)</script> & more"), "false")
    body = client.get(claim.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in body
    assert reviews(client, claim)[0]["claimReviewed"] == claim.statement


def test_script_tag_escapes_angle_brackets_and_ampersands():
    tag = jsonld.script_tag({"text": "<b>&</b>"})
    assert tag == (
        '<script type="application/ld+json">{"text": "\\u003Cb\\u003E\\u0026\\u003C/b\\u003E"}'
        "</script>"
    )
