"""The API's re-check: a claim's follow-ups for the newsroom, and each evidence item's snapshot."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Article, Evidence, EvidenceSnapshot, FollowUp
from tests.support.data import found_in_news


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def found(watching_claim, source) -> list[FollowUp]:
    return [
        found_in_news(watching_claim, source, "weak", 0.55),
        found_in_news(watching_claim, source, "strong", 0.9),
        found_in_news(
            watching_claim, source, "dismissed", 0.95, status="dismissed", decided_at=timezone.now()
        ),
    ]


def url_of(claim) -> str:
    return f"/api/claims/{claim.pk}/follow-ups/"


def test_the_newsroom_gets_a_claims_follow_ups_best_first(watching_claim, found, reviewer):
    response = token_client(reviewer).get(url_of(watching_claim))
    assert response.status_code == 200
    body = response.json()
    assert body["claim"] == watching_claim.pk
    assert [item["headline"] for item in body["follow_ups"]] == ["Headline strong", "Headline weak"]
    first = body["follow_ups"][0]
    assert first == {
        "id": found[1].pk,
        "article": found[1].article_id,
        "url": "https://daily.example/strong",
        "headline": "Headline strong",
        "published": "2024-02-01",
        "sentence": "Sentence strong.",
        "score": 0.9,
        "matched": "who, what",
        "status": "new",
        "found_at": first["found_at"],
    }


def test_an_address_that_names_no_claim_is_a_json_404(reviewer, db):
    client = token_client(reviewer)
    for pk in ("999999", "null,null"):
        response = client.get(f"/api/claims/{pk}/follow-ups/")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_the_public_and_staff_without_a_role_are_refused(watching_claim, found, outsider):
    assert APIClient().get(url_of(watching_claim)).status_code in (401, 403)
    assert token_client(outsider).get(url_of(watching_claim)).status_code == 403


def test_follow_ups_cost_the_same_queries_however_many(
    watching_claim, found, reviewer, django_assert_num_queries
):
    client = token_client(reviewer)
    with django_assert_num_queries(5):
        assert len(client.get(url_of(watching_claim)).json()["follow_ups"]) == 2
    for index in range(5):
        article = Article.objects.create(source=found[0].article.source, headline=f"More {index}")
        FollowUp.objects.create(claim=watching_claim, article=article, sentence="S", score=0.6)
    with django_assert_num_queries(5):
        assert len(client.get(url_of(watching_claim)).json()["follow_ups"]) == 7


def snapshot_of(evidence: Evidence, **fields) -> EvidenceSnapshot:
    values = {
        "url": evidence.url,
        "text": "The ministry confirms.",
        "http_status": 200,
        "sha256": "a" * 64,
        "fetched_at": dt.datetime(2024, 2, 2, 10, tzinfo=dt.UTC),
        **fields,
    }
    return EvidenceSnapshot.objects.create(evidence=evidence, **values)


def test_evidence_carries_its_snapshot_with_the_copy_on_our_site(api_client_anon, watching_claim):
    evidence = Evidence.objects.create(
        claim=watching_claim, url="https://e.example/notice", title="N", stance="supports"
    )
    snapshot_of(evidence)
    bare = Evidence.objects.create(
        claim=watching_claim, url="https://e.example/bare", title="B", stance="context"
    )
    failed = Evidence.objects.create(
        claim=watching_claim, url="https://e.example/failed", title="F", stance="context"
    )
    snapshot_of(failed, text="", error="The site answered “404 Not Found”.", http_status=None)
    rows = {row["id"]: row for row in api_client_anon.get("/api/evidence/").json()["results"]}
    assert rows[evidence.pk]["snapshot"] == {
        "fetched_at": "2024-02-02T10:00:00Z",
        "http_status": 200,
        "sha256": "a" * 64,
        "url": f"{settings.SITE_URL}/claims/{watching_claim.pk}/evidence/{evidence.pk}/archived/",
    }
    assert rows[bare.pk]["snapshot"] is None and rows[failed.pk]["snapshot"] is None
    claim = api_client_anon.get(f"/api/claims/{watching_claim.pk}/").json()
    assert {row["id"]: row["snapshot"] is not None for row in claim["evidence"]} == {
        evidence.pk: True,
        bare.pk: False,
        failed.pk: False,
    }


def test_a_drafts_snapshot_has_no_public_copy(make_claim, editor):
    evidence = Evidence.objects.create(
        claim=make_claim(), url="https://e.example/notice", title="N", stance="supports"
    )
    snapshot_of(evidence)
    row = token_client(editor).get(f"/api/evidence/{evidence.pk}/").json()
    assert row["snapshot"]["url"] is None and row["snapshot"]["http_status"] == 200


def test_the_schema_documents_follow_ups_and_snapshots(api_client_anon):
    schema = api_client_anon.get("/api/schema/?format=json").json()
    assert "/api/claims/{id}/follow-ups/" in schema["paths"]
    evidence = schema["components"]["schemas"]["Evidence"]["properties"]
    assert "snapshot" in evidence


@pytest.fixture
def api_client_anon(db) -> APIClient:
    return APIClient()
