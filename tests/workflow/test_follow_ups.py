"""claims/workflow/follow_ups.py: a follow-up accepted as evidence (under the evidence rules) or
dismissed, each once; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from claims import workflow
from claims.models import Article, ChangeProposal, Evidence, FollowUp


@pytest.fixture
def follow_up(watching_claim, source) -> FollowUp:
    article = Article.objects.create(
        source=source,
        url="https://daily.example/2024/02/bridge-reopened",
        headline="The bridge reopened",
        published_on=dt.date(2024, 2, 1),
    )
    return FollowUp.objects.create(
        claim=watching_claim, article=article, sentence="The bridge reopened on Monday.", score=0.8
    )


def test_accepting_on_a_public_claim_proposes_the_evidence_with_the_stance(
    follow_up, reviewer, publisher
):
    done, decided = workflow.accept_follow_up(follow_up, by=reviewer, stance="supports")
    assert isinstance(done, ChangeProposal)  # four eyes: a publisher puts it live
    assert not Evidence.objects.exists()
    assert (decided.status, decided.decided_by) == (FollowUp.Status.ACCEPTED, reviewer)
    workflow.approve_changes(follow_up.claim, by=publisher)
    evidence = Evidence.objects.get()
    assert (evidence.url, evidence.stance, evidence.title, evidence.excerpt) == (
        "https://daily.example/2024/02/bridge-reopened",
        "supports",
        "The bridge reopened",
        "The bridge reopened on Monday.",
    )
    assert evidence.source_name == "The Daily Test"


def test_accepting_on_a_claim_not_yet_public_adds_the_evidence_at_once(
    make_claim, source, reviewer
):
    claim = make_claim()
    article = Article.objects.create(source=source, url="https://daily.example/a", headline="A")
    pending = FollowUp.objects.create(claim=claim, article=article, sentence="S", score=0.7)
    done, _ = workflow.accept_follow_up(pending, by=reviewer, stance="refutes")
    assert isinstance(done, Evidence) and done.stance == "refutes"


def test_dismissing_is_remembered(follow_up, reviewer):
    workflow.dismiss_follow_up(follow_up, by=reviewer)
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.DISMISSED
    assert follow_up.decided_by == reviewer and follow_up.decided_at is not None


def unchanged(follow_up: FollowUp) -> None:
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.NEW and follow_up.decided_by is None
    assert not Evidence.objects.exists() and not ChangeProposal.objects.exists()


def test_an_editor_may_not_decide_and_nothing_changes(follow_up, editor):
    with pytest.raises(workflow.NotAllowed, match="decide on follow-ups"):
        workflow.accept_follow_up(follow_up, by=editor, stance="supports")
    with pytest.raises(workflow.NotAllowed):
        workflow.dismiss_follow_up(follow_up, by=editor)
    unchanged(follow_up)


def test_a_decided_follow_up_is_not_decided_again(follow_up, reviewer, other_reviewer):
    workflow.dismiss_follow_up(follow_up, by=reviewer)
    with pytest.raises(workflow.InvalidTransition, match="dismissed already by rita"):
        workflow.accept_follow_up(follow_up, by=other_reviewer, stance="supports")
    assert not ChangeProposal.objects.exists()


def test_a_stance_that_is_none_is_refused(follow_up, reviewer):
    with pytest.raises(workflow.InvalidTransition, match="no stance"):
        workflow.accept_follow_up(follow_up, by=reviewer, stance="maybe")
    unchanged(follow_up)


def test_an_article_without_an_address_cannot_become_evidence(follow_up, reviewer):
    Article.objects.filter(pk=follow_up.article_id).update(url=None)
    with pytest.raises(workflow.InvalidTransition, match="no address"):
        workflow.accept_follow_up(follow_up, by=reviewer, stance="supports")
    unchanged(follow_up)


def test_a_link_already_evidence_is_refused_and_the_follow_up_stays_open(
    follow_up, reviewer, publisher
):
    Evidence.objects.create(
        claim=follow_up.claim, url=follow_up.article.url, title="T", stance="context"
    )
    with pytest.raises(workflow.InvalidTransition, match="already evidence"):
        workflow.accept_follow_up(follow_up, by=reviewer, stance="supports")
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.NEW
