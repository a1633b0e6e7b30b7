"""A reviewer's research, by either door: a verdict is drafted and evidence added by the
workflow's rules (not on a retracted claim, one verdict in the works, a link once per claim)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Evidence, Verdict
from tests.support.data import rating


@pytest.fixture
def retracted(watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Logged twice.")
    return watching_claim


def test_draft_verdict_writes_it_as_its_author(make_claim, reviewer):
    claim = make_claim()
    verdict = workflow.draft_verdict(
        Verdict(claim=claim, rating=rating("false"), summary="No."), by=reviewer
    )
    assert (verdict.author, verdict.status) == (reviewer, Verdict.Status.DRAFT)


def test_no_verdict_is_drafted_on_a_retracted_claim_by_the_workflow(retracted, reviewer):
    before = Verdict.objects.count()
    with pytest.raises(workflow.InvalidTransition, match="retracted"):
        workflow.draft_verdict(
            Verdict(claim=retracted, rating=rating("false"), summary="No."), by=reviewer
        )
    assert Verdict.objects.count() == before


def test_nor_in_the_admin(client, retracted, reviewer):
    """The rule was the API's alone: the claim page's inline took a draft on a retracted claim."""
    before = Verdict.objects.count()
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[retracted.pk])
    form = {
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "verdicts-TOTAL_FORMS": "1",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-0-rating": rating("false").pk,
        "verdicts-0-summary": "Too late.",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    response = client.post(url, form, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("retracted" in text and "Nothing was saved" in text for text in shown), shown
    assert Verdict.objects.count() == before


def test_nor_in_the_api(retracted, reviewer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    body = {"claim": retracted.pk, "rating": "false", "summary": "Too late."}
    before = Verdict.objects.count()
    assert client.post("/api/verdicts/", body, format="json").status_code == 409
    assert Verdict.objects.count() == before


def test_a_link_is_evidence_for_a_claim_once(make_claim, reviewer):
    claim = make_claim()
    found = Evidence(claim=claim, url="https://e.example/a", title="A", stance="context")
    workflow.add_evidence(found, by=reviewer)
    assert found.added_by == reviewer
    again = Evidence(claim=claim, url="https://e.example/a", title="A", stance="refutes")
    with pytest.raises(workflow.InvalidTransition, match="already evidence"):
        workflow.add_evidence(again, by=reviewer)
    assert Evidence.objects.count() == 1


def test_an_editor_adds_no_evidence(make_claim, editor):
    claim = make_claim()
    with pytest.raises(workflow.NotAllowed, match="may not add evidence: that is for"):
        workflow.add_evidence(
            Evidence(claim=claim, url="https://e.example/a", title="A", stance="context"),
            by=editor,
        )
    assert not Evidence.objects.exists()
