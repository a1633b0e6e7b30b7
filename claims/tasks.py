"""Celery tasks: thin, one job each, each calling the one function its management command calls
too. Each is safe to run twice, and on several workers at once; each waits for a database that
is starting up (`factcheck.lib.retries`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from claims import intake, notifications, workflow
from claims.evidence import linkcheck, snapshots
from claims.intake import feeds, followups
from factcheck.lib.draining import runs_for
from factcheck.lib.retries import database_task


@database_task
def sweep_deadlines(as_of: str | None = None) -> dict[str, int]:
    """Mark watched claims past their deadline due and queue their reminders (`sweep_deadlines`).
    The e-mails it queued are sent by `send_notifications`, asked for at once (several runs
    when there are many, for several workers to share)."""
    day = dt.date.fromisoformat(as_of) if as_of else None
    result = workflow.sweep(as_of=day)
    for _ in range(runs_for(result.marked_due + result.reminders)):
        send_notifications.delay()
    return {"marked_due": result.marked_due, "reminders": result.reminders}


@database_task
def send_notifications() -> int:
    """Send the outbox's unsent e-mails for up to OUTBOX_RUN_SECONDS, on a queue of their own,
    and ask for the next run at once while more are owed (`send_notifications`)."""
    run = notifications.deliver_pending(budget=settings.OUTBOX_RUN_SECONDS)
    if run.more:
        send_notifications.delay()
    return run.done


@database_task
def resume_imports() -> int:
    """Send again the article imports whose work was lost: a broker that was down, a worker that
    died (`resume_imports`)."""
    return len(intake.resume_stalled_imports())


@database_task
def import_article(import_id: int) -> str:
    """Fetch and extract a queued article import; a finished one is left as it is."""
    return intake.run_import(import_id).state


@database_task
def check_links() -> dict[str, int]:
    """Check a batch of the evidence links due, politely, within the run's time budget
    (`check_links`)."""
    report = linkcheck.run(
        limit=settings.LINK_CHECK_BATCH_SIZE, budget=settings.LINK_CHECK_TIME_BUDGET_SECONDS
    )
    return report.counts()


@database_task
def recheck_claims(claim_ids: list[int]) -> int:
    """Look again through the news seen since each claim was made, for claims that just fell
    due (asked for by the sweep); how many follow-ups were found."""
    return followups.recheck_claims(claim_ids)


@database_task
def poll_feeds() -> str:
    """Poll the monitored feeds due, politely, within the run's time budget, importing what is
    new and finding its follow-ups (`poll_feeds`)."""
    return feeds.poll(budget=settings.FEED_TIME_BUDGET_SECONDS).summary()


@database_task
def snapshot_evidence() -> str:
    """Take the evidence snapshots owed, a bounded batch within the run's time budget
    (`snapshot_evidence`); also asked for when evidence is attached."""
    report = snapshots.run(
        limit=settings.SNAPSHOT_BATCH_SIZE, budget=settings.SNAPSHOT_TIME_BUDGET_SECONDS
    )
    return report.summary()
