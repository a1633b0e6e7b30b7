"""The editorial life of a claim: draft → in review → published → (retracted), with its
reviewer, its verdicts and their corrections. A published verdict is never changed: publishing
adds a row and moves the "current" mark to it."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims import signals
from claims.models import (
    Claim,
    ClaimEvent,
    Correction,
    Rating,
    Verdict,
)
from claims.models.wording import date_value
from claims.workflow.common import (
    User,
    add_event,
    check_lengths,
    credit,
    current_verdict,
    open_verdict,
    require,
)
from claims.workflow.errors import (
    FourEyesViolation,
    InvalidTransition,
    NotAllowed,
    WorkflowError,
)

# --- Editorial transitions ----------------------------------------------------------------------


def check_can_draft(claim: Claim) -> None:
    """A new verdict may be drafted on any claim but a retracted one, which is closed."""
    if claim.status == Claim.Status.RETRACTED:
        raise InvalidTransition(_("the claim is retracted: it gets no new verdict."))


def reviewers() -> QuerySet:
    """Who may be assigned a claim: active users with the reviewer's `submit_claim` permission."""
    perm = Q(codename="submit_claim", content_type__app_label="claims")
    granted = Permission.objects.filter(perm)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=granted)
            | Q(groups__permissions__in=granted)
        )
        .distinct()
        .order_by("username")
    )


@transaction.atomic
def assign(claim: Claim, *, by: User, reviewer: User | None = None) -> None:
    """Make `reviewer` (`by` themselves if none is named) responsible for researching the claim
    and for its deadline reminders."""
    require(by, "change_claim", _("assign reviewers"))
    reviewer = reviewer or by
    if not reviewer.has_perm("claims.submit_claim"):
        raise NotAllowed(
            _("%(user)s is not a reviewer and cannot be assigned a claim.") % {"user": reviewer}
        )
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.status == Claim.Status.RETRACTED:
        raise InvalidTransition(_("a retracted claim has no reviewer to assign."))
    locked.reviewer = claim.reviewer = reviewer
    credit(locked, by=by, why=gettext_noop("assigned to %(user)s"), user=reviewer)
    locked.save(update_fields=["reviewer", "updated_at"])
    add_event(
        claim, ClaimEvent.Kind.ASSIGNED, key="assigned", values={"reviewer": str(reviewer)}, by=by
    )


@transaction.atomic
def submit(claim: Claim, *, by: User) -> Verdict:
    """Send the claim's draft verdict to a publisher for approval."""
    require(by, "submit_claim", _("submit verdicts for review"))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in (Claim.Status.DRAFT, Claim.Status.PUBLISHED):
        raise InvalidTransition(
            _(
                "the claim is %(status)s; only a draft or a published claim can have a verdict "
                "submitted."
            )
            % {"status": claim.get_status_display()}
        )
    verdict = open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.DRAFT:
        raise InvalidTransition(_("there is no draft verdict to submit: write one first."))
    verdict.status = Verdict.Status.SUBMITTED
    credit(verdict, claim, by=by, why=gettext_noop("submitted for review"))
    verdict.save(update_fields=["status"])
    if claim.status == Claim.Status.DRAFT:
        claim.status = Claim.Status.IN_REVIEW
        claim.save(update_fields=["status", "updated_at"])
    add_event(
        claim,
        ClaimEvent.Kind.SUBMITTED,
        key="verdict_submitted",
        values={"rating": {"rating": verdict.rating.label}},
        by=by,
        verdict=verdict,
    )
    return verdict


@transaction.atomic
def send_back(claim: Claim, *, by: User, reason: str) -> None:
    """A publisher returns a submitted verdict to its author as a draft."""
    require(by, "publish_claim", _("send verdicts back"))
    if not reason.strip():
        raise WorkflowError(_("say why the verdict goes back, so its author can mend it."))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    verdict = open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.SUBMITTED:
        raise InvalidTransition(_("there is no submitted verdict to send back."))
    verdict.status = Verdict.Status.DRAFT
    credit(verdict, claim, by=by, why=gettext_noop("sent back: %(reason)s"), reason=reason.strip())
    verdict.save(update_fields=["status"])
    if claim.status == Claim.Status.IN_REVIEW:
        claim.status = Claim.Status.DRAFT
        claim.save(update_fields=["status", "updated_at"])
    add_event(claim, ClaimEvent.Kind.SENT_BACK, reason.strip(), by=by, verdict=verdict)


def pending_past_deadline(claim: Claim, verdict: Verdict, *, on: dt.date) -> bool:
    """Whether `verdict` says "pending" about a claim whose deadline had passed by `on`."""
    return not verdict.rating.is_final and claim.deadline is not None and claim.deadline < on


@transaction.atomic
def withdraw(claim: Claim, *, by: User) -> None:
    """Its author takes a submitted verdict back to draft, to change it and submit it again: a
    submitted verdict is never edited in place."""
    require(by, "submit_claim", _("withdraw verdicts"))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    verdict = open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.SUBMITTED:
        raise InvalidTransition(_("there is no submitted verdict to withdraw."))
    if not verdict.wrote(by):
        raise NotAllowed(
            _(
                "%(user)s did not write this verdict: only its author withdraws it; a publisher "
                "sends it back with a reason."
            )
            % {"user": by}
        )
    verdict.status = Verdict.Status.DRAFT
    credit(verdict, claim, by=by, why=gettext_noop("withdrawn to draft"))
    verdict.save(update_fields=["status"])
    if claim.status == Claim.Status.IN_REVIEW:
        claim.status = Claim.Status.DRAFT
        claim.save(update_fields=["status", "updated_at"])
    add_event(claim, ClaimEvent.Kind.WITHDRAWN, key="withdrawn", by=by, verdict=verdict)


def _tracking_after(claim: Claim, rating: Rating) -> str:
    if claim.deadline is None:
        return Claim.Tracking.NONE
    if rating.is_final:
        return Claim.Tracking.RESOLVED
    # A pending verdict on a claim already due keeps it due: the outcome is still owed.
    if claim.tracking == Claim.Tracking.DUE:
        return Claim.Tracking.DUE
    return Claim.Tracking.WATCHING


@transaction.atomic
def publish(
    claim: Claim,
    *,
    by: User,
    at: dt.datetime | None = None,
    confirm_past_deadline: bool = False,
) -> Verdict:
    """Approve the submitted verdict and make it the claim's current one. Nobody approves a
    verdict they wrote or changed; a pending verdict on a claim whose deadline has passed goes
    out only when the publisher confirms it (the outcome is what is owed)."""
    require(by, "publish_claim", _("publish verdicts"))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in (Claim.Status.IN_REVIEW, Claim.Status.PUBLISHED):
        raise InvalidTransition(
            _("the claim is %(status)s; submit it first.") % {"status": claim.get_status_display()}
        )
    verdict = open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.SUBMITTED:
        raise InvalidTransition(_("there is no submitted verdict to publish."))
    if verdict.wrote(by):
        raise FourEyesViolation(
            _("%(user)s wrote this verdict, or part of it, and cannot also approve it.")
            % {"user": by}
        )
    at = at or timezone.now()
    if (
        pending_past_deadline(claim, verdict, on=timezone.localdate(at))
        and not confirm_past_deadline
    ):
        raise WorkflowError(
            _(
                "the deadline, %(deadline)s, has passed: record the outcome instead, or confirm "
                "that this pending verdict should go out as it is."
            )
            % {"deadline": claim.deadline_display}
        )
    claim.verdicts.filter(is_current=True).update(is_current=False)
    verdict.status, verdict.approver, verdict.published_at = Verdict.Status.PUBLISHED, by, at
    verdict.is_current = True
    credit(verdict, claim, by=by, why=gettext_noop("published"))
    verdict.save(update_fields=["status", "approver", "published_at", "is_current"])

    was_tracking = claim.tracking
    claim.status = Claim.Status.PUBLISHED
    claim.tracking = _tracking_after(claim, verdict.rating)
    claim.first_published_at = claim.first_published_at or at
    if claim.tracking != Claim.Tracking.DUE:
        claim.due_since = None
    claim.save(
        update_fields=["status", "tracking", "first_published_at", "due_since", "updated_at"]
    )

    resolved = claim.tracking == Claim.Tracking.RESOLVED and was_tracking != Claim.Tracking.RESOLVED
    kind = ClaimEvent.Kind.RESOLVED if resolved else ClaimEvent.Kind.PUBLISHED
    key, values = "rated", {"rating": {"rating": verdict.rating.label}, "summary": verdict.summary}
    if verdict.rating.slug == "pending" and claim.deadline:
        deadline = date_value(claim.deadline, claim.deadline_approximate)
        key, values = "pending_until", {"deadline": deadline, "summary": verdict.summary}
    add_event(claim, kind, key=key, values=values, by=by, verdict=verdict, at=at)
    signals.verdict_published.send(sender=Claim, claim=claim, verdict=verdict, at=at)
    if resolved:
        signals.claim_resolved.send(sender=Claim, claim=claim, verdict=verdict, at=at)
    return verdict


@transaction.atomic
def retract(claim: Claim, *, by: User, reason: str) -> None:
    """Withdraw a published claim. Its verdicts stay; its page says it was retracted and why."""
    require(by, "retract_claim", _("retract claims"))
    if not reason.strip():
        raise WorkflowError(_("a retraction needs its reason: the public page shows it."))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PUBLISHED:
        raise InvalidTransition(
            _("only a published claim can be retracted; this one is %(status)s.")
            % {"status": claim.get_status_display()}
        )
    claim.status = Claim.Status.RETRACTED
    claim.retraction_reason = reason.strip()
    claim.retracted_at = timezone.now()
    check_lengths(claim)
    credit(claim, by=by, why=gettext_noop("retracted"))
    claim.save(update_fields=["status", "retraction_reason", "retracted_at", "updated_at"])
    add_event(claim, ClaimEvent.Kind.RETRACTED, claim.retraction_reason, by=by)


@transaction.atomic
def correct(claim: Claim, *, by: User, note: str, at: dt.datetime | None = None) -> Correction:
    """Issue a correction to the claim's current verdict: the verdict stays as it was published,
    and the note, dated, is shown with it and announced (the IFCN code of principles)."""
    require(by, "correct_verdict", _("issue corrections"))
    if not note.strip():
        raise WorkflowError(
            _("a correction needs its note: readers see what was wrong and what is right.")
        )
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    verdict = current_verdict(claim) if claim.is_public else None
    if verdict is None:
        raise InvalidTransition(
            _("the claim is %(status)s with no published verdict to correct.")
            % {"status": claim.get_status_display()}
        )
    at = at or timezone.now()
    correction = Correction(verdict=verdict, note=note.strip(), issued_at=at, issued_by=by)
    check_lengths(correction)
    correction.save()
    add_event(claim, ClaimEvent.Kind.CORRECTED, correction.note, by=by, verdict=verdict, at=at)
    signals.verdict_corrected.send(
        sender=Claim, claim=claim, verdict=verdict, correction=correction, at=at
    )
    return correction
