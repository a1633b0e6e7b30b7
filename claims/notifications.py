"""E-mails about deadlines: composed into the outbox (`Notification` rows), then delivered.

Composing happens inside the transaction that changes the claim, delivering afterwards, so a
crash between the two loses nothing: the next delivery run sends what is still unsent.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import roles
from .models import Claim, Notification


def reminder_days() -> int:
    return settings.DEADLINE_REMINDER_DAYS


def recipients(claim: Claim) -> list[str]:
    """The claim's reviewer, or every reviewer when it has none."""
    if claim.reviewer and claim.reviewer.email:
        return [claim.reviewer.email]
    reviewers = (
        get_user_model()
        .objects.filter(groups__name=roles.REVIEWERS, is_active=True)
        .exclude(email="")
    )
    return sorted(set(reviewers.values_list("email", flat=True)))


def _admin_link(claim: Claim) -> str:
    return settings.SITE_URL + reverse("admin:claims_claim_change", args=[claim.pk])


def fell_due(claim: Claim) -> Notification:
    """The (unsaved) e-mail telling the reviewer that a claim's deadline has passed."""
    return Notification(
        claim=claim,
        kind=Notification.Kind.FELL_DUE,
        deadline=claim.deadline,
        recipients=recipients(claim),
        subject=f"Due for re-check: {claim.statement[:120]}",
        body=(
            f"The deadline of this claim, {claim.deadline_display}, has passed.\n\n"
            f"  {claim.statement}\n\n"
            "Record the outcome (fulfilled, partly fulfilled, not fulfilled, unverifiable) or "
            f"extend the deadline with a reason:\n{_admin_link(claim)}\n"
        ),
    )


def reminder(claim: Claim) -> Notification:
    """The (unsaved) e-mail warning the reviewer that a claim's deadline is near."""
    return Notification(
        claim=claim,
        kind=Notification.Kind.REMINDER,
        deadline=claim.deadline,
        recipients=recipients(claim),
        subject=f"Deadline on {claim.deadline_display}: {claim.statement[:100]}",
        body=(
            f"This claim's deadline is {claim.deadline_display}.\n\n  {claim.statement}\n\n"
            f"Gather the evidence now:\n{_admin_link(claim)}\n"
        ),
    )


def deliver_pending(limit: int = 200) -> int:
    """Send unsent e-mails, each exactly once even with several workers; return how many."""
    sent = 0
    while sent < limit and _deliver_one():
        sent += 1
    return sent


@transaction.atomic
def _deliver_one() -> bool:
    # The row lock is held while mailing; a crash before commit leaves it unsent for the next run.
    notification = (
        Notification.objects.select_for_update(skip_locked=True)
        .filter(sent_at__isnull=True)
        .order_by("created_at", "pk")
        .first()
    )
    if notification is None:
        return False
    if notification.recipients:
        send_mail(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            notification.recipients,
        )
    notification.sent_at = timezone.now()
    notification.save(update_fields=["sent_at"])
    return True
