"""Celery tasks: thin, one job each, each calling the one function its management command calls
too. Each is safe to run twice, and on several workers at once."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings

from claims import intake, notifications, workflow
from claims.evidence import linkcheck


@shared_task
def sweep_deadlines(as_of: str | None = None) -> dict[str, int]:
    """Mark watched claims past their deadline due and queue their reminders (`sweep_deadlines`).
    The e-mails it queued are sent by `send_notifications`, asked for at once."""
    day = dt.date.fromisoformat(as_of) if as_of else None
    result = workflow.sweep(as_of=day)
    if result.marked_due or result.reminders:
        send_notifications.delay()
    return {"marked_due": result.marked_due, "reminders": result.reminders}


@shared_task
def send_notifications() -> int:
    """Deliver the outbox's unsent e-mails (`send_notifications`)."""
    return notifications.deliver_pending()


@shared_task
def resume_imports() -> int:
    """Send again the article imports whose work was lost: a broker that was down, a worker that
    died (`resume_imports`)."""
    return len(intake.resume_stalled_imports())


@shared_task
def import_article(import_id: int) -> str:
    """Fetch and extract a queued article import; a finished one is left as it is."""
    return intake.run_import(import_id).state


@shared_task
def check_links() -> dict[str, int]:
    """Check a batch of the evidence links due, politely, within the run's time budget
    (`check_links`)."""
    report = linkcheck.run(
        limit=settings.LINK_CHECK_BATCH_SIZE, budget=settings.LINK_CHECK_TIME_BUDGET_SECONDS
    )
    return report.counts()
