"""Every transition of claims/workflow.py, allowed and refused; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from claims import workflow
from claims.models import Claim, ClaimEvent, Verdict
from tests.support.data import rating, write_verdict


def snapshot(claim: Claim) -> tuple:
    claim.refresh_from_db()
    verdicts = tuple(Verdict.objects.filter(claim=claim).values_list("pk", "status", "is_current"))
    return (claim.status, claim.tracking, claim.deadline, verdicts, claim.events.count())


# --- submit -------------------------------------------------------------------------------------


def test_submit_moves_draft_to_in_review(make_claim, reviewer):
    claim = make_claim()
    verdict = write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    claim.refresh_from_db()
    verdict.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert verdict.status == Verdict.Status.SUBMITTED
    assert claim.events.filter(kind=ClaimEvent.Kind.SUBMITTED).count() == 1


def test_submit_without_a_draft_verdict_is_refused(make_claim, reviewer):
    claim = make_claim()
    before = snapshot(claim)
    with pytest.raises(workflow.InvalidTransition, match="no draft verdict"):
        workflow.submit(claim, by=reviewer)
    assert snapshot(claim) == before


def test_editor_may_not_submit(make_claim, reviewer, editor):
    claim = make_claim()
    write_verdict(claim, reviewer)
    before = snapshot(claim)
    with pytest.raises(workflow.NotAllowed, match="that is for Reviewers or Publishers"):
        workflow.submit(claim, by=editor)
    assert snapshot(claim) == before


# --- publish ------------------------------------------------------------------------------------


def test_publish_makes_the_verdict_current_and_the_claim_public(make_claim, reviewer, publisher):
    claim = make_claim()
    write_verdict(claim, reviewer, "false")
    workflow.submit(claim, by=reviewer)
    verdict = workflow.publish(claim, by=publisher)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PUBLISHED
    assert claim.tracking == Claim.Tracking.NONE
    assert claim.first_published_at is not None
    assert verdict.is_current and verdict.approver == publisher and verdict.published_at
    assert Claim.objects.public().filter(pk=claim.pk).exists()


def test_publish_pending_verdict_on_a_claim_with_deadline_starts_watching(watching_claim):
    assert watching_claim.tracking == Claim.Tracking.WATCHING
    event = watching_claim.events.get(kind=ClaimEvent.Kind.PUBLISHED)
    assert "Pending until 29 January 2024" in event.message


def test_publisher_cannot_approve_own_verdict(make_claim, publisher):
    claim = make_claim()
    write_verdict(claim, publisher, "false")
    workflow.submit(claim, by=publisher)
    before = snapshot(claim)
    with pytest.raises(workflow.FourEyesViolation, match="cannot also approve"):
        workflow.publish(claim, by=publisher)
    assert snapshot(claim) == before


def test_reviewer_may_not_publish(make_claim, reviewer, other_reviewer):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    before = snapshot(claim)
    with pytest.raises(workflow.NotAllowed):
        workflow.publish(claim, by=other_reviewer)
    assert snapshot(claim) == before


def test_publish_of_a_draft_that_was_not_submitted_is_refused(make_claim, reviewer, publisher):
    claim = make_claim()
    write_verdict(claim, reviewer)
    before = snapshot(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.publish(claim, by=publisher)
    assert snapshot(claim) == before


def test_a_new_verdict_keeps_the_old_one_unchanged(watching_claim, reviewer, publisher):
    first = watching_claim.verdicts.get()
    first_fields = (first.rating_id, first.summary, first.published_at, first.approver_id)
    write_verdict(watching_claim, reviewer, "fulfilled", "Done on time.")
    workflow.submit(watching_claim, by=reviewer)
    second = workflow.publish(watching_claim, by=publisher)
    first.refresh_from_db()
    assert (first.rating_id, first.summary, first.published_at, first.approver_id) == first_fields
    assert not first.is_current and second.is_current
    assert watching_claim.verdicts.published().count() == 2


# --- send back ----------------------------------------------------------------------------------


def test_send_back_returns_the_verdict_to_draft(make_claim, reviewer, publisher):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    workflow.send_back(claim, by=publisher, reason="Cite the ministry's statement.")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DRAFT
    assert claim.verdicts.get().status == Verdict.Status.DRAFT


def test_send_back_needs_a_reason(make_claim, reviewer, publisher):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    before = snapshot(claim)
    with pytest.raises(workflow.WorkflowError, match="say why"):
        workflow.send_back(claim, by=publisher, reason="  ")
    assert snapshot(claim) == before


# --- retract ------------------------------------------------------------------------------------


def test_retract_keeps_verdicts_and_records_the_reason(watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Wrong speaker.")
    watching_claim.refresh_from_db()
    assert watching_claim.status == Claim.Status.RETRACTED
    assert watching_claim.retraction_reason == "Wrong speaker."
    assert watching_claim.verdicts.published().count() == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_retract_without_reason_is_refused(watching_claim, publisher, reason):
    before = snapshot(watching_claim)
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.retract(watching_claim, by=publisher, reason=reason)
    assert snapshot(watching_claim) == before


def test_retract_a_draft_is_refused(make_claim, publisher):
    claim = make_claim()
    with pytest.raises(workflow.InvalidTransition, match="only a published claim"):
        workflow.retract(claim, by=publisher, reason="x")


def test_reviewer_may_not_retract(watching_claim, reviewer):
    with pytest.raises(workflow.NotAllowed):
        workflow.retract(watching_claim, by=reviewer, reason="x")


# --- assign -------------------------------------------------------------------------------------


def test_assign_to_me(make_claim, other_reviewer):
    claim = make_claim()
    workflow.assign(claim, reviewer=other_reviewer, by=other_reviewer)
    claim.refresh_from_db()
    assert claim.reviewer == other_reviewer


def test_assign_an_editor_as_reviewer_is_refused(make_claim, editor, reviewer):
    claim = make_claim()
    with pytest.raises(workflow.NotAllowed, match="not a reviewer"):
        workflow.assign(claim, reviewer=editor, by=editor)
    claim.refresh_from_db()
    assert claim.reviewer == reviewer


# --- deadlines: mark due, resolve, extend -------------------------------------------------------


def test_mark_due_flips_once(watching_claim):
    assert workflow.mark_due(watching_claim, as_of=dt.date(2024, 1, 30)) is True
    assert workflow.mark_due(watching_claim, as_of=dt.date(2024, 1, 30)) is False
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.DUE
    assert watching_claim.events.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 1
    assert watching_claim.notifications.count() == 1


def test_mark_due_on_the_deadline_itself_does_nothing(watching_claim):
    # The deadline is the last day on which the claim still counts as kept.
    assert workflow.mark_due(watching_claim, as_of=dt.date(2024, 1, 29)) is False


def test_resolve_submits_an_outcome_that_a_publisher_approves(watching_claim, reviewer, publisher):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(
        watching_claim,
        by=reviewer,
        rating=rating("not-fulfilled"),
        note="Still closed on 1 February.",
    )
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.DUE  # until approved
    workflow.publish(watching_claim, by=publisher)
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.RESOLVED
    assert watching_claim.events.filter(kind=ClaimEvent.Kind.RESOLVED).count() == 1
    assert watching_claim.verdicts.get(is_current=True).rating.slug == "not-fulfilled"


def test_resolve_with_an_accuracy_rating_is_refused(watching_claim, reviewer):
    before = snapshot(watching_claim)
    with pytest.raises(workflow.WorkflowError, match="not an outcome"):
        workflow.resolve(watching_claim, by=reviewer, rating=rating("true"), note="n")
    assert snapshot(watching_claim) == before


def test_resolve_with_pending_is_refused(watching_claim, reviewer):
    with pytest.raises(workflow.WorkflowError, match="not an outcome"):
        workflow.resolve(watching_claim, by=reviewer, rating=rating("pending"), note="n")


def test_resolve_a_claim_without_deadline_is_refused(make_claim, publish_claim, reviewer):
    claim = publish_claim(make_claim(), "false")
    with pytest.raises(workflow.InvalidTransition):
        workflow.resolve(claim, by=reviewer, rating=rating("fulfilled"), note="n")


def test_editor_may_not_resolve(watching_claim, editor):
    with pytest.raises(workflow.NotAllowed):
        workflow.resolve(watching_claim, by=editor, rating=rating("fulfilled"), note="n")


def test_extend_sets_a_new_deadline_and_watches_again(watching_claim, reviewer):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.extend(
        watching_claim,
        by=reviewer,
        deadline=dt.date(2024, 3, 31),
        reason="The ministry announced a new date.",
    )
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.WATCHING
    assert watching_claim.deadline == dt.date(2024, 3, 31)
    assert watching_claim.deadline_overridden
    event = watching_claim.events.get(kind=ClaimEvent.Kind.EXTENDED)
    assert "29 January 2024" in event.message and "31 March 2024" in event.message


def test_extend_to_an_earlier_day_is_refused(watching_claim, reviewer):
    before = snapshot(watching_claim)
    with pytest.raises(workflow.WorkflowError, match="must be after"):
        workflow.extend(watching_claim, by=reviewer, deadline=dt.date(2024, 1, 20), reason="r")
    assert snapshot(watching_claim) == before


def test_extend_without_reason_is_refused(watching_claim, reviewer):
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.extend(watching_claim, by=reviewer, deadline=dt.date(2024, 5, 1), reason="")


def test_an_extended_claim_falls_due_again_and_is_announced_again(watching_claim, reviewer):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.extend(watching_claim, by=reviewer, deadline=dt.date(2024, 3, 31), reason="r")
    assert workflow.mark_due(watching_claim, as_of=dt.date(2024, 4, 1)) is True
    assert watching_claim.notifications.count() == 2


# --- deadline from the quote --------------------------------------------------------------------


def test_fill_deadline_reads_the_quote_against_the_article_date(make_claim):
    claim = make_claim(quote="the bridge will reopen within two weeks")
    workflow.fill_deadline(claim)
    assert claim.deadline == dt.date(2024, 1, 29)
    assert claim.deadline_expression == "within two weeks"
    assert not claim.deadline_approximate


def test_fill_deadline_keeps_an_override(make_claim):
    claim = make_claim(
        quote="within two weeks", deadline=dt.date(2024, 6, 1), deadline_overridden=True
    )
    workflow.fill_deadline(claim)
    assert claim.deadline == dt.date(2024, 6, 1)


def test_check_deadline_refuses_a_day_before_the_article(make_claim):
    claim = make_claim()
    claim.deadline = dt.date(2023, 12, 1)
    with pytest.raises(workflow.DeadlineBeforeArticle, match="before the article's date"):
        workflow.check_deadline(claim)


# --- what is offered ----------------------------------------------------------------------------


def test_available_transitions_follow_role_and_state(make_claim, reviewer, publisher, editor):
    claim = make_claim()
    write_verdict(claim, reviewer)
    assert "submit" in workflow.available_transitions(claim, reviewer)
    assert "submit" not in workflow.available_transitions(claim, editor)
    workflow.submit(claim, by=reviewer)
    assert workflow.available_transitions(claim, publisher) == [
        "assign",
        "publish",
        "send_back",
    ]
    assert "publish" not in workflow.available_transitions(claim, reviewer)


def test_the_timeline_does_not_repeat_the_kind_of_an_event(watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Wrong speaker.")
    event = watching_claim.events.get(kind=ClaimEvent.Kind.RETRACTED)
    assert f"{event.get_kind_display()}: {event.message}" == "retracted: Wrong speaker."


# --- Correcting an article's date -------------------------------------------------------------


def test_a_corrected_article_date_rereads_its_unpublished_claims_deadlines(
    make_claim, article, editor
):
    """ "within two weeks" of 15 January was 29 January; of 20 January it is 3 February."""
    claim = make_claim(quote="the bridge will reopen within two weeks")
    workflow.fill_deadline(claim)
    claim.save()
    article.published_on = dt.date(2024, 1, 20)
    assert workflow.redate_article(article, by=editor) == 1
    claim.refresh_from_db()
    assert claim.deadline == dt.date(2024, 2, 3) and claim.stated_on == dt.date(2024, 1, 20)
    assert claim.history.latest().history_user == editor
    assert article.history.latest().history_change_reason == "date corrected"


def test_a_corrected_article_date_keeps_overridden_and_published_deadlines(
    watching_claim, make_claim, article, editor
):
    overridden = make_claim(deadline=dt.date(2024, 3, 1), deadline_overridden=True)
    article.published_on = dt.date(2024, 1, 20)
    assert workflow.redate_article(article, by=editor) == 0
    watching_claim.refresh_from_db()
    overridden.refresh_from_db()
    assert watching_claim.deadline == dt.date(2024, 1, 29)
    assert overridden.deadline == dt.date(2024, 3, 1)


def test_an_article_date_after_a_published_deadline_is_refused(watching_claim, article, editor):
    article.published_on = dt.date(2024, 2, 15)
    with pytest.raises(workflow.DeadlineBeforeArticle, match=f"#{watching_claim.pk}"):
        workflow.redate_article(article, by=editor)
    article.refresh_from_db()
    assert article.published_on == dt.date(2024, 1, 15)
