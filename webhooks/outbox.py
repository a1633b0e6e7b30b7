"""Deliveries owed: recorded by the workflow's signals inside the transaction of the change.

A rolled-back publish or sweep batch leaves no delivery behind, and a committed one cannot lose
its deliveries if the broker is down: the rows are the record, the queue message only a nudge
(sent after the commit, and `deliver_due` on beat finds any whose message was lost). Each event
is recorded once per webhook: the (webhook, event, event_key) row is unique.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.models import Claim, Correction, Verdict
from factcheck.lib.bulk import insert_rows
from webhooks import tasks
from webhooks.models import Delivery, Event, Webhook
from webhooks.payloads import correction_data, event_payload, ping_payload

COLUMNS = [
    "webhook",
    "event",
    "event_key",
    "claim",
    "payload",
    "state",
    "attempts",
    "next_attempt_at",
    "last_result",
    "created_at",
]


class WebhookError(Exception):
    """A webhook action was refused; nothing was changed. The message says why."""


@dataclass(frozen=True)
class Owed:
    """One event about one claim, to be recorded for every webhook that asked for it."""

    claim_id: int
    key: str
    payload: dict[str, Any]


def subscribers(event: str) -> list[Webhook]:
    """The active webhooks that asked for `event`. They are few, so they are filtered here rather
    than with a JSON lookup that SQLite lacks."""
    return [hook for hook in Webhook.objects.filter(is_active=True) if hook.wants(event)]


def record(hooks: list[Webhook], event: str, owed: list[Owed]) -> int:
    """Write one pending delivery per webhook and item (set-based, as the sweep writes), and ask
    a worker to send them once the transaction commits. Returns how many were written.

    When the event happened is in the payloads; the rows are stamped with the time they are
    written, which differs when a publish is back-dated (the demo's are)."""
    pending, now = Delivery.State.PENDING, timezone.now()
    rows = [
        (hook.pk, event, item.key, item.claim_id, item.payload, pending, 0, now, "", now)
        for hook in hooks
        for item in owed
    ]
    insert_rows(Delivery, COLUMNS, rows)
    _queue_after_commit(len(rows))
    return len(rows)


def _queue_after_commit(count: int) -> None:
    # robust: a broker that is down must not turn a committed publish into an error page; beat's
    # deliver_due sends the rows later. (A lambda, not a functools.partial: Django names the
    # callback when it logs the error.)
    if count:
        transaction.on_commit(lambda: tasks.queue_deliveries(count), robust=True)


def verdict_key(verdict: Verdict) -> str:
    return f"verdict-{verdict.pk}"


def _record_verdict(event: str, claim: Claim, verdict: Verdict, at: dt.datetime) -> None:
    hooks = subscribers(event)
    if hooks:
        payload = event_payload(event, at, claim, verdict)
        record(hooks, event, [Owed(claim.pk, verdict_key(verdict), payload)])


def on_verdict_published(
    sender, *, claim: Claim, verdict: Verdict, at: dt.datetime, **kwargs
) -> None:
    _record_verdict(Event.VERDICT_PUBLISHED, claim, verdict, at)


def on_claim_resolved(sender, *, claim: Claim, verdict: Verdict, at: dt.datetime, **kwargs) -> None:
    _record_verdict(Event.CLAIM_RESOLVED, claim, verdict, at)


def on_verdict_corrected(
    sender, *, claim: Claim, verdict: Verdict, correction: Correction, at: dt.datetime, **kwargs
) -> None:
    hooks = subscribers(Event.VERDICT_CORRECTED)
    if hooks:
        payload = event_payload(Event.VERDICT_CORRECTED, at, claim, verdict)
        payload["correction"] = correction_data(correction)
        record(
            hooks, Event.VERDICT_CORRECTED, [Owed(claim.pk, f"correction-{correction.pk}", payload)]
        )


def on_claims_fell_due(sender, *, claim_ids: list[int], at: dt.datetime, **kwargs) -> None:
    """One sweep batch: two queries for all its claims and their current verdicts, one insert."""
    hooks = subscribers(Event.CLAIM_FELL_DUE)
    if not hooks:
        return
    claims = (
        Claim.objects.filter(pk__in=claim_ids)
        .only("slug", "statement", "status", "tracking", "deadline", "deadline_approximate")
        .order_by("pk")
    )
    current = {
        verdict.claim_id: verdict
        for verdict in Verdict.objects.filter(claim_id__in=claim_ids, is_current=True)
        .select_related("rating")
        .only("claim_id", "summary", "status", "published_at", "rating__slug", "rating__label")
    }
    owed = [
        Owed(
            claim.pk,
            # Once per deadline: an extended claim that falls due again is announced again.
            f"claim-{claim.pk}-{claim.deadline:%Y-%m-%d}",
            event_payload(Event.CLAIM_FELL_DUE, at, claim, current.get(claim.pk)),
        )
        for claim in claims
    ]
    record(hooks, Event.CLAIM_FELL_DUE, owed)


# --- Staff actions ------------------------------------------------------------------------------


@transaction.atomic
def send_test(webhook: Webhook) -> Delivery:
    """Owe `webhook` a test event ("ping"), sent like any other delivery."""
    if not webhook.is_active:
        raise WebhookError(
            _("“%(webhook)s” is switched off: switch it on to send it a test event.")
            % {"webhook": webhook}
        )
    now = timezone.now()
    delivery = Delivery.objects.create(
        webhook=webhook,
        event=Event.PING,
        payload=ping_payload(now, webhook.events),
        next_attempt_at=now,
    )
    _queue_after_commit(1)
    return delivery


@transaction.atomic
def redeliver(delivery: Delivery) -> Delivery:
    """Send a finished delivery again, as a new delivery (a new id) with the same payload."""
    if delivery.state == Delivery.State.PENDING:
        raise WebhookError(
            _("delivery #%(id)s is still being tried; it can be sent again once finished.")
            % {"id": delivery.pk}
        )
    if not delivery.webhook.is_active:
        raise WebhookError(
            _("“%(webhook)s” is switched off: switch it on first.") % {"webhook": delivery.webhook}
        )
    again = Delivery.objects.create(
        webhook=delivery.webhook,
        event=delivery.event,
        event_key=delivery.event_key,
        claim_id=delivery.claim_id,
        payload=delivery.payload,
        next_attempt_at=timezone.now(),
        redelivery_of=delivery,
    )
    _queue_after_commit(1)
    return again
