"""Sending deliveries: one signed POST an attempt, through `factcheck.lib.fetching`, each
attempt logged.

A delivery is tried when its `next_attempt_at` has come. A sender first *claims* it, in a
transaction of its own that commits one more attempt and a lease: `next_attempt_at` moved
OUTBOX_LEASE_SECONDS ahead, so that no other sender takes it meanwhile. Then it POSTs, and records
the attempt and its outcome, provided the delivery is still its own (the attempt count is the
proof). So two live senders never send the same delivery, and a finished one is never sent
again. A sender killed mid-POST leaves its claim, and the delivery is tried again once the lease
has run out (the attempt it never reported is missing from the log): the receiver may then see a
delivery twice, with the same X-Factcheck-Delivery id, and should ignore the repeat.

What an answer means (docs/webhooks.md):
- 2xx: delivered.
- 408, 429, 5xx, no answer (timeout, refused connection, unknown host): tried again after a
  backoff (WEBHOOK_RETRY_BASE_SECONDS, doubled each time, at most WEBHOOK_RETRY_MAX_SECONDS),
  and marked failed after WEBHOOK_MAX_ATTEMPTS attempts.
- Any other status (other 4xx, a 3xx: redirects are not followed) and an address the fetch policy
  refuses: failed at once. The receiver turned the request itself down, so the same signed bytes
  would be turned down again; staff mend the webhook and redeliver.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import logging
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from factcheck.lib import fetching
from factcheck.lib.draining import Run, drain
from factcheck.lib.draining import backoff as doubling_wait
from factcheck.lib.fetching import Answer, FetchError, FetchPolicy, RefusedURL
from webhooks.models import Attempt, Delivery
from webhooks.signing import signature

logger = logging.getLogger(__name__)

# The receiver's answer is read this far and kept (in the admin) to this many characters.
ANSWER_CAP = 64 * 1024
EXCERPT_CHARS = 1000
RETRIED_STATUSES = frozenset({408, 429})
USER_AGENT = "FactcheckWorkbench/1.0 (+webhooks)"
DELIVERED, FAILED = Delivery.State.DELIVERED, Delivery.State.FAILED


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    RETRY = "retry"
    GIVE_UP = "give up"


def judge(status: int | None, error: FetchError | None) -> Outcome:
    """What an attempt's answer (or the error that stopped it) means for the delivery."""
    if error is not None:
        return Outcome.GIVE_UP if isinstance(error, RefusedURL) else Outcome.RETRY
    if 200 <= status < 300:
        return Outcome.DELIVERED
    if status >= 500 or status in RETRIED_STATUSES:
        return Outcome.RETRY
    return Outcome.GIVE_UP


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed attempt: the base, doubled each time, capped."""
    return doubling_wait(
        attempts,
        base=settings.WEBHOOK_RETRY_BASE_SECONDS,
        ceiling=settings.WEBHOOK_RETRY_MAX_SECONDS,
    )


def policy() -> FetchPolicy:
    """The fetch policy (allowed networks included) with the webhooks' timeout and answer cap."""
    timeout = settings.WEBHOOK_TIMEOUT
    base = FetchPolicy.from_settings()
    return dataclasses.replace(
        base,
        connect_timeout=min(base.connect_timeout, timeout),
        read_timeout=timeout,
        total_timeout=timeout,
        max_bytes=ANSWER_CAP,
        user_agent=USER_AGENT,
    )


def deliver_due(*, budget: float | None = None, limit: int | None = None) -> Run:
    """Try the deliveries whose time has come, one after another, until none is left, `limit`
    were tried or `budget` seconds have passed (see `drain`). What each attempt came to is kept
    in the site's language, whoever reads it later."""
    with translation.override(settings.LANGUAGE_CODE):
        return drain(try_next, budget=budget, limit=limit)


def try_next() -> bool:
    """Claim the due delivery that has waited longest and try it once; False if none is due."""
    delivery = claim_next()
    if delivery is None:
        return False
    attempt(delivery)
    return True


@transaction.atomic
def claim_next() -> Delivery | None:
    """Take the due delivery that has waited longest and that no other sender holds: one more
    attempt, and the lease, committed before anything is sent."""
    now = timezone.now()
    delivery = (
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("webhook")
        .filter(state=Delivery.State.PENDING, next_attempt_at__lte=now, webhook__is_active=True)
        .order_by("next_attempt_at", "pk")
        .first()
    )
    if delivery is None:
        return None
    delivery.attempts += 1
    delivery.next_attempt_at = now + dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    delivery.last_result = _("sending (attempt %(number)s)") % {"number": delivery.attempts}
    delivery.save(update_fields=["attempts", "next_attempt_at", "last_result"])
    return delivery


def headers(delivery: Delivery, body: bytes, timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": str(delivery.pk),
        "X-Factcheck-Timestamp": str(timestamp),
        "X-Factcheck-Signature": signature(delivery.webhook.secret, timestamp, body),
    }


def attempt(delivery: Delivery) -> Attempt:
    """POST a claimed `delivery` once (in no transaction), then record the attempt and its
    outcome together (the outcome only if the delivery is still this sender's)."""
    at, clock = timezone.now(), time.monotonic()
    answer, error = _post(delivery)
    duration_ms = round((time.monotonic() - clock) * 1000)
    outcome = judge(answer.status if answer else None, error)
    with transaction.atomic():
        _settle(delivery, outcome, _describe(answer, error))
        return _record(delivery, at, duration_ms, answer, error)


def _record(
    delivery: Delivery,
    at: dt.datetime,
    duration_ms: int,
    answer: Answer | None,
    error: FetchError | None,
) -> Attempt:
    logger.info(
        "webhook delivery #%s (%s) to %s, attempt %s: %s",
        delivery.pk,
        delivery.event,
        delivery.webhook.url,
        delivery.attempts,
        delivery.last_result,
    )
    return Attempt.objects.create(
        delivery=delivery,
        number=delivery.attempts,
        at=at,
        duration_ms=duration_ms,
        status_code=answer.status if answer else None,
        error=str(error)[:500] if error else "",
        response_excerpt=answer.body.decode("utf-8", "replace")[:EXCERPT_CHARS] if answer else "",
    )


def _post(delivery: Delivery) -> tuple[Answer | None, FetchError | None]:
    """The receiver's answer, or the reason there was none."""
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    signed_headers = headers(delivery, body, int(time.time()))
    try:
        return fetching.post(
            delivery.webhook.url, body, headers=signed_headers, policy=policy()
        ), None
    except FetchError as error:
        return None, error


def _describe(answer: Answer | None, error: FetchError | None) -> str:
    if answer is None:
        return str(error)
    return f"{answer.status} {answer.reason}".strip()


def _settle(delivery: Delivery, outcome: Outcome, result: str) -> None:
    """Move the delivery on after an attempt: delivered, tried again later, or failed; unless
    another sender has claimed it since (this one outlived its lease), which is logged."""
    now = timezone.now()
    if outcome is Outcome.RETRY and delivery.attempts < settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    elif outcome is Outcome.DELIVERED:
        delivery.state, delivery.next_attempt_at, delivery.finished_at = DELIVERED, None, now
    else:
        delivery.state, delivery.next_attempt_at, delivery.finished_at = FAILED, None, now
        if outcome is Outcome.RETRY:
            ended = _("%(result)s; gave up after %(number)s attempts")
        else:
            ended = _("%(result)s; not retried: the receiver refused the request itself")
        result = ended % {"result": result, "number": delivery.attempts}
    delivery.last_result = result[:200]
    mine = Delivery.objects.filter(
        pk=delivery.pk, attempts=delivery.attempts, state=Delivery.State.PENDING
    )
    fields = ["state", "next_attempt_at", "finished_at", "last_result"]
    if not mine.update(**{name: getattr(delivery, name) for name in fields}):
        logger.warning(
            "webhook delivery #%s: attempt %s outlived its lease (OUTBOX_LEASE_SECONDS)",
            delivery.pk,
            delivery.attempts,
        )
