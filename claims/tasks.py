"""Celery tasks: thin wrappers that call the workflow. Each is safe to run twice."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings

from claims import intake, notifications, workflow
from claims.evidence import linkcheck


@shared_task
def sweep_deadlines(as_of: str | None = None) -> dict[str, int]:
    """Mark claims past their deadline due, queue reminders, then send the e-mails; and send
    again the imports whose work was lost (a broker that was down, a worker that died)."""
    day = dt.date.fromisoformat(as_of) if as_of else None
    result = workflow.sweep(as_of=day)
    sent = notifications.deliver_pending()
    resumed = intake.stalled_imports()
    for import_id in resumed:
        import_article.delay(import_id)
    return {
        "marked_due": result.marked_due,
        "reminders": result.reminders,
        "sent": sent,
        "imports_resumed": len(resumed),
    }


@shared_task
def send_notifications() -> int:
    """Deliver the outbox's unsent e-mails."""
    return notifications.deliver_pending()


@shared_task
def import_article(import_id: int) -> str:
    """Fetch and extract a queued article import; a finished one is left as it is."""
    return intake.run_import(import_id).state


@shared_task
def check_links() -> dict[str, int]:
    """Check a batch of the evidence links due, politely, within the run's time budget."""
    report = linkcheck.run(
        limit=settings.LINK_CHECK_BATCH_SIZE, budget=settings.LINK_CHECK_TIME_BUDGET_SECONDS
    )
    return report.counts()
