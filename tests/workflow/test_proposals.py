"""Four eyes on what a public claim's page shows: its evidence, its article and its words change
only as proposals a second person approves, by every door (the claim's page, the evidence and
article pages, the list's delete action, the API); a refusal, and a proposal, change nothing
readers see; an approval shows a dated "updated" note; every step is kept."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Article, ChangeProposal, Claim, ClaimEvent, Evidence


@pytest.fixture
def public(publish_claim, make_claim) -> Claim:
    claim = publish_claim(make_claim("The bridge will reopen."), "true")
    Evidence.objects.create(
        claim=claim, url="https://e.example/real", title="Ministry notice", stance="supports"
    )
    return claim


def page(client, claim: Claim) -> str:
    client.logout()
    return client.get(claim.get_absolute_url()).content.decode()


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def evidence_inline(evidence: Evidence, **changes) -> dict:
    row = {"url": evidence.url, "title": evidence.title, "stance": evidence.stance, **changes}
    data = {
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "1",
        "evidence-0-id": evidence.pk,
        "evidence-0-claim": evidence.claim_id,
        "verdicts-TOTAL_FORMS": "0",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    return data | {f"evidence-0-{name}": value for name, value in row.items()}


def test_a_reviewer_repointing_a_link_on_the_claim_page_only_proposes_it(client, public, reviewer):
    evidence = public.evidence.get()
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[public.pk])
    response = client.post(
        url, evidence_inline(evidence, url="https://evil.example/phish"), follow=True
    )
    assert any(str(m).startswith("Proposed: Evidence") for m in response.context["messages"])
    assert Evidence.objects.get().url == "https://e.example/real"
    assert "evil.example" not in page(client, public)
    assert ChangeProposal.objects.get().changes == {"url": "https://evil.example/phish"}


def test_a_save_that_only_proposes_does_not_say_the_claim_was_changed(client, public, reviewer):
    """A new user added evidence and read "changed successfully" above an empty evidence list."""
    evidence = public.evidence.get()
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[public.pk])
    data = evidence_inline(evidence, title="Ministry notice, updated") | {"_continue": "1"}
    shown = [str(m) for m in client.post(url, data, follow=True).context["messages"]]
    assert len(shown) == 1 and shown[0].startswith("Proposed: Evidence")
    note = {"new_note": "Asked the ministry for the full notice.", "_continue": "1"}
    data = evidence_inline(evidence, title="Ministry notice, once more") | note
    shown = [str(m) for m in client.post(url, data, follow=True).context["messages"]]
    assert any("was changed successfully" in m for m in shown)  # the note was saved at once


def test_deleting_a_link_of_a_public_claim_only_proposes_it_by_every_door(client, public, reviewer):
    evidence = public.evidence.get()
    client.force_login(reviewer)
    claim_page = reverse("admin:claims_claim_change", args=[public.pk])
    client.post(claim_page, evidence_inline(evidence, DELETE="on"))
    client.post(reverse("admin:claims_evidence_delete", args=[evidence.pk]), {"post": "yes"})
    client.post(
        reverse("admin:claims_evidence_changelist"),
        {"action": "delete_selected", "_selected_action": [evidence.pk], "post": "yes"},
    )
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    kinds = set(ChangeProposal.objects.values_list("kind", flat=True))
    assert kinds == {ChangeProposal.Kind.REMOVE_EVIDENCE}
    assert "Ministry notice" in page(client, public)


def test_new_evidence_on_a_public_claim_waits_in_the_api_too(public, reviewer, client):
    body = {"claim": public.pk, "url": "https://e.example/new", "title": "New", "stance": "refutes"}
    response = api(reviewer).post("/api/evidence/", body, format="json")
    assert response.status_code == 202
    assert response.json()["status"] == "open"
    assert not Evidence.objects.filter(title="New").exists()
    assert "e.example/new" not in page(client, public)


def test_one_approval_puts_it_live_with_a_dated_note(client, public, reviewer, publisher):
    workflow.add_evidence(
        Evidence(claim=public, url="https://e.example/new", title="Reopening", stance="supports"),
        by=reviewer,
    )
    assert "approve_changes" in workflow.available_transitions(public, publisher)
    client.force_login(publisher)
    client.post(reverse("admin:claims_claim_transition", args=[public.pk, "approve_changes"]))
    evidence = Evidence.objects.get(title="Reopening")
    assert evidence.added_by == reviewer
    body = page(client, public)
    assert 'href="https://e.example/new"' in body
    assert "Updated</strong>" in body and "Evidence added: “Reopening”" in body
    proposal = ChangeProposal.objects.get()
    assert (proposal.status, proposal.decided_by) == ("approved", publisher)
    assert list(proposal.history.values_list("history_change_reason", flat=True)) == [
        "approved",
        "proposed",
    ]
    assert public.events.filter(kind=ClaimEvent.Kind.UPDATED).count() == 1


def test_nobody_approves_their_own_proposal(public, publisher):
    workflow.add_evidence(
        Evidence(claim=public, url="https://e.example/mine", title="Mine", stance="context"),
        by=publisher,
    )
    assert "approve_changes" not in workflow.available_transitions(public, publisher)
    with pytest.raises(workflow.FourEyesViolation, match="proposed this change"):
        workflow.approve_change(ChangeProposal.objects.get(), by=publisher)
    with pytest.raises(workflow.InvalidTransition, match="waits for your decision"):
        workflow.approve_changes(public, by=publisher)
    assert not Evidence.objects.filter(title="Mine").exists()


def test_a_refusal_changes_nothing_readers_see_and_says_why(client, public, reviewer, publisher):
    evidence = public.evidence.get()
    workflow.remove_evidence(evidence, by=reviewer)
    response = api(publisher).post(
        f"/api/claims/{public.pk}/refuse-changes/", {"reason": "It is our best source."}
    )
    assert response.status_code == 200
    proposal = ChangeProposal.objects.get()
    assert (proposal.status, proposal.reason) == ("refused", "It is our best source.")
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert not public.events.filter(kind=ClaimEvent.Kind.UPDATED).exists()


def test_an_editor_changing_a_public_claims_article_only_proposes_it(
    client, public, editor, publisher
):
    article = public.article
    client.force_login(editor)
    form = {
        "source": article.source_id,
        "url": "https://daily.example/2024/01/other",
        "headline": "A headline nobody approved",
        "published_on": "2024-01-15",
        "published_precision": "day",
    }
    client.post(reverse("admin:claims_article_change", args=[article.pk]), form)
    article.refresh_from_db()
    assert article.headline == "Bridge to reopen"
    assert "A headline nobody approved" not in page(client, public)
    feed = b"".join(client.get("/api/claimreview.json").streaming_content).decode()
    assert "A headline nobody approved" not in feed
    workflow.approve_changes(public, by=publisher)
    article.refresh_from_db()
    assert article.headline == "A headline nobody approved"
    assert article.url == "https://daily.example/2024/01/other"
    assert "The article “Bridge to reopen” changed" in page(client, public)


def test_a_draft_claims_research_changes_at_once(make_claim, reviewer, editor):
    draft = make_claim()
    evidence = Evidence.objects.create(
        claim=draft, url="https://e.example/d", title="Draft link", stance="context"
    )
    evidence.title = "Better title"
    assert workflow.change_evidence(evidence, by=reviewer, changed=["title"]) == evidence
    assert Evidence.objects.get().title == "Better title"
    assert not ChangeProposal.objects.exists()
    article = Article.objects.get()
    article.byline = "A. Writer"
    assert (
        workflow.edit_article(
            article,
            by=reviewer.__class__.objects.get(username="edna") if False else draft.created_by,
            changed=["byline"],
        )
        is None
    )
    assert Article.objects.get().byline == "A. Writer"


@pytest.mark.parametrize("step", ["approve_changes", "refuse_changes"])
def test_the_decision_page_names_each_change_proposed(client, public, reviewer, publisher, step):
    workflow.add_evidence(
        Evidence(
            claim=public, url="https://e.example/new", title="Council report", stance="refutes"
        ),
        by=reviewer,
    )
    client.force_login(publisher)
    body = client.get(reverse("admin:claims_claim_transition", args=[public.pk, step])).text
    assert "The change proposed" in body
    assert "Evidence added: “Council report”" in body and f"proposed by {reviewer}" in body
