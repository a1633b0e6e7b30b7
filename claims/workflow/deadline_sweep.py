"""The sweep: watched claims whose deadline has passed become due, exactly once, with their
timeline entries and e-mails; reminders are queued before a deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from claims import notifications, signals
from claims.models import (
    Claim,
    ClaimEvent,
    Notification,
    wording,
)
from factcheck.lib import page_cache
from factcheck.lib.bulk import insert_rows

SWEEP_BATCH_SIZE = 5000


@dataclass(frozen=True)
class SweepResult:
    marked_due: int
    reminders: int


def sweep(*, as_of: dt.date | None = None, batch_size: int = SWEEP_BATCH_SIZE) -> SweepResult:
    """Mark every watched claim whose deadline has passed as due, and queue reminders.

    Safe to run on several workers at once: each batch locks its rows (SKIP LOCKED) and flips
    only those still watching, in one transaction with their timeline entries and outbox e-mails,
    so a claim is flipped and announced exactly once, and a sweep killed half-way leaves whole
    batches behind that the next run completes.
    """
    as_of = as_of or timezone.localdate()
    marked = 0
    while flipped := _mark_due_batch(as_of, batch_size):
        marked += flipped
    return SweepResult(marked_due=marked, reminders=queue_reminders(as_of=as_of))


def mark_due(claim: Claim, *, as_of: dt.date) -> bool:
    """Mark one claim due if its deadline passed before `as_of`; True only for the call that did."""
    return _mark_due_batch(as_of, 1, only=claim.pk) == 1


@transaction.atomic
def _mark_due_batch(as_of: dt.date, batch_size: int, only: int | None = None) -> int:
    pending = Claim.objects.past_deadline(as_of)
    if only is not None:
        pending = pending.filter(pk=only)
    due = list(
        pending.select_for_update(skip_locked=True)
        .order_by("deadline", "pk")
        .values_list("pk", "deadline", "deadline_approximate")[:batch_size]
    )
    if not due:
        return 0
    now = timezone.now()
    # Filtered on "still watching" again: on a database without row locks this is the guard.
    flipped = pending.filter(pk__in=[pk for pk, _, _ in due]).update(
        tracking=Claim.Tracking.DUE, due_since=now, updated_at=now
    )
    # Set-based inserts: this is the sweep's hot path (see docs/scaling.md).
    insert_rows(
        ClaimEvent,
        ["claim", "kind", "at", "message", "text_key", "text_values"],
        fell_due_events(due),
    )
    insert_rows(
        Notification,
        ["claim", "kind", "deadline", "created_at"],
        ((pk, Notification.Kind.FELL_DUE, deadline, now) for pk, deadline, _ in due),
    )
    # Once per batch, not per claim: receivers write their rows set-based too.
    signals.claims_fell_due.send(sender=Claim, claim_ids=[pk for pk, _, _ in due], at=now)
    page_cache.invalidate()  # the bulk writes above send no signals
    return flipped


def fell_due_events(due: list[tuple[int, dt.date, bool]]) -> list[tuple]:
    """The "deadline passed" entries of (claim id, deadline, approximate), as the sweep's insert
    takes them: one of the timeline's sentences, which each reader reads in their language, and
    its text in the site's language (in one go: the sweep writes thousands)."""
    with translation.override(settings.LANGUAGE_CODE):
        events = []
        for pk, deadline, approximate in due:
            values = {"deadline": wording.date_value(deadline, approximate)}
            message = wording.render("fell_due", values)
            events.append(
                (pk, ClaimEvent.Kind.FELL_DUE, end_of_day(deadline), message, "fell_due", values)
            )
        return events


def end_of_day(day: dt.date) -> dt.datetime:
    """The last moment of `day` in TIME_ZONE: when a deadline passed, whenever the sweep saw it
    (the timeline dates "deadline passed" to the deadline, not to the sweep)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def queue_reminders(*, as_of: dt.date) -> int:
    """Queue one reminder per watched claim whose deadline is within the reminder window."""
    days = notifications.reminder_days()
    if days <= 0:
        return 0
    already_reminded = Notification.objects.filter(
        claim=OuterRef("pk"), kind=Notification.Kind.REMINDER, deadline=OuterRef("deadline")
    )
    upcoming = (
        Claim.objects.watching()
        .filter(deadline__gte=as_of, deadline__lte=as_of + dt.timedelta(days=days))
        .filter(~Exists(already_reminded))
    )
    queued = 0
    for claim in upcoming:
        try:
            with transaction.atomic():
                Notification.objects.create(
                    claim=claim, kind=Notification.Kind.REMINDER, deadline=claim.deadline
                )
            queued += 1
        except IntegrityError:
            pass  # another sweep queued it first: that is the "once" holding
    return queued
