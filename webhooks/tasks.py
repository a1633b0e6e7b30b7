"""Celery tasks of the webhooks: thin, they call `webhooks.delivery`. Each is safe to run twice."""

from __future__ import annotations

import math

from celery import shared_task

from webhooks import delivery

# However many deliveries an event owes, at most this many messages are sent for them: enough to
# keep several workers busy, and beat's deliver_due takes whatever they leave.
MAX_MESSAGES = 20


@shared_task
def deliver_due() -> int:
    """Send the deliveries whose time has come (new ones, and retries after their backoff)."""
    return delivery.deliver_due()


def queue_deliveries(count: int) -> None:
    """Ask workers to send `count` new deliveries: one message per TASK_LIMIT of them. A message
    names no delivery: whichever worker takes it sends what is due, so a lost or repeated message
    changes nothing."""
    for _ in range(min(MAX_MESSAGES, math.ceil(count / delivery.TASK_LIMIT))):
        deliver_due.delay()
