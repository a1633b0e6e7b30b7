"""A step's page in the admin (/admin/claims/claim/<id>/transition/<name>/) is shown only to who
may take that step on that claim now; anyone else is sent back to the claim at once, told why in
the newsroom's words (never a permission's codename), whether their role never takes the step or
the claim's state does not allow it for them now (a publisher who wrote the verdict opening
*Publish*, a reviewer opening *Withdraw* on a colleague's verdict)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Evidence
from claims.workflow.transitions import TRANSITIONS
from tests.support.data import write_verdict

CODENAMES = {t.permission for t in TRANSITIONS.values()}


@pytest.fixture
def claims(make_claim, reviewer, publisher, watching_claim) -> dict:
    """A claim in each state a step can meet."""
    drafted = make_claim("A drafted verdict.")
    write_verdict(drafted, reviewer)
    submitted = make_claim("A submitted verdict.")
    write_verdict(submitted, reviewer)
    workflow.submit(submitted, by=reviewer)
    own = make_claim("A verdict the publisher wrote.", reviewer=publisher)
    write_verdict(own, publisher)
    workflow.submit(own, by=publisher)
    workflow.add_evidence(
        Evidence(claim=watching_claim, url="https://e.example/new", title="N", stance="supports"),
        by=reviewer,
    )
    return {
        "bare": make_claim("No verdict yet."),
        "drafted": drafted,
        "submitted": submitted,
        "publisher's own": own,
        "public, watched, with a proposal": watching_claim,
    }


def page(claim, name: str) -> str:
    return reverse("admin:claims_claim_transition", args=[claim.pk, name])


@pytest.mark.parametrize("role", ["editor", "reviewer", "other_reviewer", "publisher"])
def test_each_step_page_opens_only_for_who_may_take_it_now(client, claims, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    wrong = []
    for scene, claim in claims.items():
        available = workflow.available_transitions(claim, user)
        for name, transition in TRANSITIONS.items():
            response = client.get(page(claim, name), follow=True)
            shown = [str(m) for m in response.context["messages"]] if response.context else []
            if name in available:
                ok = response.redirect_chain == [] and response.status_code == 200
            else:
                ok = (
                    bool(response.redirect_chain)
                    and response.redirect_chain[-1][0].endswith(f"/claim/{claim.pk}/change/")
                    and len(shown) == 1
                    and str(transition.label) in shown[0]
                    and not any(codename in shown[0] for codename in CODENAMES)
                )
            if not ok:
                wrong.append((scene, name, response.status_code, shown))
    assert wrong == []


def test_a_publisher_who_wrote_the_verdict_is_told_at_once_who_publishes_it(
    client, claims, publisher
):
    own = claims["publisher's own"]
    client.force_login(publisher)
    response = client.get(page(own, "publish"), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "“Publish verdict” cannot be taken now: you wrote this verdict, or changed its words; "
        "another publisher approves it."
    ]
    own.refresh_from_db()
    assert workflow.open_verdict(own).status == "submitted"


def test_a_reviewer_opening_withdraw_on_a_colleagues_verdict_is_told_at_once(
    client, claims, other_reviewer
):
    client.force_login(other_reviewer)
    response = client.get(page(claims["submitted"], "withdraw"), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "“Withdraw to draft” cannot be taken now: only its author withdraws a submitted verdict; "
        "a publisher sends it back with a reason."
    ]
