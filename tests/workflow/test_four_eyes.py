"""Four eyes on a verdict: a submitted verdict is frozen (withdrawn by its author or sent back,
never edited in place); whoever changes its words is one of its authors and cannot approve it;
the publisher sees what goes live; a pending verdict past its claim's deadline needs a yes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Claim, Verdict
from tests.support.data import rating, write_verdict


@pytest.fixture
def submitted(make_claim, reviewer) -> Claim:
    claim = make_claim(deadline=dt.date(2099, 1, 1))
    write_verdict(claim, reviewer, "false", "The reviewer's words.")
    workflow.submit(claim, by=reviewer)
    return claim


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def inline_form(claim: Claim, verdict: Verdict, summary: str) -> dict:
    return {
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "verdicts-TOTAL_FORMS": "1",
        "verdicts-INITIAL_FORMS": "1",
        "verdicts-0-id": verdict.pk,
        "verdicts-0-claim": claim.pk,
        "verdicts-0-rating": verdict.rating_id,
        "verdicts-0-summary": summary,
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }


def test_a_submitted_verdict_is_not_edited_in_place_by_the_workflow(submitted, publisher):
    verdict = submitted.verdicts.get()
    verdict.summary = "The publisher's words."
    with pytest.raises(workflow.InvalidTransition, match="nobody edits it in place"):
        workflow.revise_verdict(verdict, by=publisher, changed=["summary"])
    assert Verdict.objects.get().summary == "The reviewer's words."


@pytest.mark.parametrize("who", ["reviewer", "publisher"])
def test_nor_on_the_claims_page_by_its_author_or_a_publisher(client, submitted, who, request):
    verdict = submitted.verdicts.get()
    client.force_login(request.getfixturevalue(who))
    url = reverse("admin:claims_claim_change", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert 'name="verdicts-0-summary"' not in page  # shown, read-only
    client.post(url, inline_form(submitted, verdict, "Rewritten."))
    assert Verdict.objects.get().summary == "The reviewer's words."


def test_its_author_withdraws_it_changes_it_and_submits_it_again(submitted, reviewer, publisher):
    workflow.withdraw(submitted, by=reviewer)
    verdict = submitted.verdicts.get()
    assert verdict.status == Verdict.Status.DRAFT
    assert Claim.objects.get().status == Claim.Status.DRAFT
    verdict.summary = "Better words."
    workflow.revise_verdict(verdict, by=reviewer, changed=["summary"])
    workflow.submit(submitted, by=reviewer)
    published = workflow.publish(submitted, by=publisher)
    assert published.summary == "Better words." and published.approver == publisher
    kinds = list(submitted.events.values_list("kind", flat=True))
    assert "withdrawn" in kinds


def test_only_its_author_withdraws_it(submitted, publisher, other_reviewer):
    for someone in (publisher, other_reviewer):
        with pytest.raises(workflow.NotAllowed, match="only its author withdraws it"):
            workflow.withdraw(submitted, by=someone)
    assert submitted.verdicts.get().status == Verdict.Status.SUBMITTED


def test_who_changes_a_drafts_words_cannot_approve_it(make_claim, reviewer, publisher):
    claim = make_claim()
    verdict = write_verdict(claim, reviewer, "false", "Draft.")
    verdict.summary = "The publisher's better words."
    workflow.revise_verdict(verdict, by=publisher, changed=["summary"])
    workflow.submit(claim, by=reviewer)
    assert "publish" not in workflow.available_transitions(claim, publisher)
    with pytest.raises(workflow.FourEyesViolation, match="or part of it"):
        workflow.publish(claim, by=publisher)
    response = api(publisher).post(f"/api/claims/{claim.pk}/publish/")
    assert response.status_code == 403
    assert claim.verdicts.get().status == Verdict.Status.SUBMITTED


def test_the_publish_page_shows_what_goes_live(client, submitted, publisher):
    client.force_login(publisher)
    page = client.get(reverse("admin:claims_claim_transition", args=[submitted.pk, "publish"]))
    body = page.content.decode()
    assert "What goes live" in body and "The reviewer&#x27;s words." in body
    assert "False" in body and 'name="confirm_past_deadline"' not in body


# --- A pending verdict after the deadline -------------------------------------------------------


@pytest.fixture
def pending_past(make_claim, reviewer) -> Claim:
    """A claim whose deadline (2024-01-29) has passed, with a pending verdict submitted."""
    claim = make_claim(deadline=dt.date(2024, 1, 29))
    write_verdict(claim, reviewer, "pending", "Watching.")
    workflow.submit(claim, by=reviewer)
    return claim


def test_a_pending_verdict_past_the_deadline_needs_a_yes(pending_past, publisher):
    with pytest.raises(workflow.WorkflowError, match="record the outcome instead"):
        workflow.publish(pending_past, by=publisher)
    assert pending_past.verdicts.get().status == Verdict.Status.SUBMITTED
    workflow.publish(pending_past, by=publisher, confirm_past_deadline=True)
    assert pending_past.verdicts.get().status == Verdict.Status.PUBLISHED


def test_the_api_asks_for_the_yes_too(pending_past, publisher):
    url, client = f"/api/claims/{pending_past.pk}/publish/", api(publisher)
    refused = client.post(url, {}, format="json")
    assert refused.status_code == 400 and "record the outcome" in refused.json()["detail"]
    confirmed = client.post(url, {"confirm_past_deadline": True}, format="json")
    assert confirmed.status_code == 200


def test_the_publish_page_warns_and_asks(client, pending_past, publisher):
    client.force_login(publisher)
    url = reverse("admin:claims_claim_transition", args=[pending_past.pk, "publish"])
    body = client.get(url).content.decode()
    assert "readers are owed the outcome" in body and 'name="confirm_past_deadline"' in body
    response = client.post(url, {}, follow=True)
    assert any("record the outcome" in str(m) for m in response.context["messages"])
    client.post(url, {"confirm_past_deadline": "on"})
    assert pending_past.verdicts.get().status == Verdict.Status.PUBLISHED


def test_an_outcome_is_published_past_the_deadline_without_a_yes(
    watching_claim, reviewer, publisher
):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(
        watching_claim, by=reviewer, rating=rating("fulfilled"), note="Opened.",
        happened_on=dt.date(2024, 1, 20),
    )  # fmt: skip
    workflow.publish(watching_claim, by=publisher)
    assert Claim.objects.get().tracking == Claim.Tracking.RESOLVED


def test_the_list_action_publishes_no_pending_verdict_past_its_deadline(
    client, pending_past, publisher
):
    client.force_login(publisher)
    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "publish", "_selected_action": [pending_past.pk]},
        follow=True,
    )
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "record the outcome" in shown
    assert pending_past.verdicts.get().status == Verdict.Status.SUBMITTED
