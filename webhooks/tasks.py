"""Celery tasks of the webhooks: thin, they call `webhooks.delivery`. Each is safe to run twice,
and waits for a database that is starting up (`factcheck.lib.retries`)."""

from __future__ import annotations

from django.conf import settings

from factcheck.lib.draining import runs_for
from factcheck.lib.retries import database_task
from webhooks import delivery


@database_task
def deliver_due() -> int:
    """Send the deliveries whose time has come (new ones, and retries after their backoff) for up
    to OUTBOX_RUN_SECONDS, on a queue of their own, and ask for the next run at once while more
    are due."""
    run = delivery.deliver_due(budget=settings.OUTBOX_RUN_SECONDS)
    if run.more:
        deliver_due.delay()
    return run.done


def queue_deliveries(count: int) -> None:
    """Ask workers to send `count` new deliveries: a run per so many of them, several at most. A
    message names no delivery: whichever worker takes it sends what is due, so a lost or repeated
    message changes nothing."""
    for _ in range(runs_for(count)):
        deliver_due.delay()
