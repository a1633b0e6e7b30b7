"""E-mails about deadlines: owed in the outbox (`Notification` rows), composed and sent once.

The row is written inside the transaction that changes the claim, the e-mail composed and sent
afterwards, so a crash between the two loses nothing: the next delivery run sends what is unsent.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from claims import roles
from claims.models import Claim, Notification, format_deadline


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


def compose(notification: Notification) -> tuple[str, str]:
    """The e-mail's subject and body, for the deadline the notification was owed for."""
    claim = notification.claim
    deadline = format_deadline(notification.deadline, claim.deadline_approximate)
    link = settings.SITE_URL + reverse("admin:claims_claim_change", args=[claim.pk])
    if notification.kind == Notification.Kind.FELL_DUE:
        return (
            f"Due for re-check: {claim.statement[:120]}",
            f"The deadline of this claim, {deadline}, has passed.\n\n  {claim.statement}\n\n"
            "Record the outcome (fulfilled, partly fulfilled, not fulfilled, unverifiable) or "
            f"extend the deadline with a reason:\n{link}\n",
        )
    return (
        f"Deadline on {deadline}: {claim.statement[:100]}",
        f"This claim's deadline is {deadline}.\n\n  {claim.statement}\n\n"
        f"Gather the evidence now:\n{link}\n",
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
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("claim__reviewer")
        .filter(sent_at__isnull=True)
        .order_by("created_at", "pk")
        .first()
    )
    if notification is None:
        return False
    to = recipients(notification.claim)
    if to:
        subject, body = compose(notification)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    notification.sent_at = timezone.now()
    notification.recipients = to
    notification.save(update_fields=["sent_at", "recipients"])
    return True
