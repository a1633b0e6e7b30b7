"""Webhook deliveries claimed before they are sent (one more attempt and a lease, committed
first), never taken by a second sender while leased, settled only by the sender that holds them;
a run drains what is due within its time budget and asks for the next while more is due. Real
senders killed mid-POST are tests/project/test_outbox_faults.py's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from factcheck.lib.draining import PARALLEL_RUNS
from tests.support.workers import catch_runs
from webhooks import delivery, tasks
from webhooks.models import Delivery, Webhook


@pytest.fixture
def owe(receiver, db):
    """`owe(n)`: n test events owed to a webhook on the local receiver, due now."""

    def make(n: int) -> list[Delivery]:
        hook = Webhook.objects.create(url=receiver.url(), events=["verdict.published"])
        now = timezone.now()
        return Delivery.objects.bulk_create(
            Delivery(webhook=hook, event="ping", payload={"n": i}, next_attempt_at=now)
            for i in range(n)
        )

    return make


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    return catch_runs(monkeypatch, tasks.deliver_due)


def test_a_claim_is_committed_before_the_post_and_holds_off_other_senders(owe, settings):
    settings.OUTBOX_LEASE_SECONDS = 300
    [owed] = owe(1)
    taken = delivery.claim_next()
    stored = Delivery.objects.get(pk=owed.pk)
    assert (taken.pk, stored.attempts, stored.state) == (owed.pk, 1, "pending")
    assert stored.next_attempt_at > timezone.now() + dt.timedelta(seconds=290)
    assert stored.last_result == "sending (attempt 1)"
    assert delivery.claim_next() is None
    Delivery.objects.update(next_attempt_at=timezone.now())  # its sender died; the lease is over
    assert delivery.claim_next().attempts == 2


def test_a_sender_that_outlived_its_lease_leaves_the_delivery_to_the_next(owe, receiver):
    [owed] = owe(1)
    slow = delivery.claim_next()
    Delivery.objects.update(next_attempt_at=timezone.now())
    taker = delivery.claim_next()
    delivery.attempt(slow)  # the slow sender's POST, reported after the lease
    stored = Delivery.objects.get(pk=owed.pk)
    assert (stored.state, stored.attempts) == ("pending", 2)  # still the taker's to settle
    assert stored.attempt_log.get().number == 1  # what the slow one did is logged all the same
    delivery.attempt(taker)
    stored.refresh_from_db()
    assert stored.state == "delivered"
    assert list(stored.attempt_log.values_list("number", flat=True)) == [1, 2]
    assert len(receiver.received) == 2


def test_the_task_delivers_more_than_one_message_used_to_in_one_run(owe, receiver, asked):
    """It used to try 50 a message: about 50 every 30 seconds once the messages ran out."""
    owe(70)
    assert tasks.deliver_due() == 70
    assert len(receiver.received) == 70 and asked == []
    assert not Delivery.objects.exclude(state="delivered").exists()


def test_the_task_asks_for_the_next_run_when_its_time_is_up(owe, settings, asked):
    owe(2)
    settings.OUTBOX_RUN_SECONDS = 0
    assert tasks.deliver_due() == 0
    assert asked == ["webhooks.tasks.deliver_due"]


@pytest.mark.parametrize(
    ("rows", "runs"), [(0, 0), (1, 1), (50, 1), (51, 2), (10_000, PARALLEL_RUNS)]
)
def test_new_deliveries_ask_for_a_run_per_batch_and_a_few_at_most(asked, rows, runs):
    tasks.queue_deliveries(rows)
    assert len(asked) == runs
