"""The e-mail outbox (claims/notifications.py): each e-mail claimed before it is sent (an attempt
and a lease, committed first), never taken by a second sender while leased, sent with a Message-ID
of its row, put back to wait after a refusal; a run drains the outbox within its time budget and
asks for the next while more is owed. Real senders killed mid-batch are
tests/project/test_outbox_faults.py's."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from django.core import mail
from django.utils import timezone

from claims import notifications, tasks
from claims.models import Notification
from factcheck.lib.draining import Run
from tests.support.workers import catch_runs

DEADLINE = dt.date(2024, 1, 20)


@pytest.fixture
def owe(make_claim):
    """`owe(n)`: n e-mails owed about one claim (one per deadline, as the outbox's key allows)."""

    def make(n: int) -> list[Notification]:
        claim = make_claim()
        return [
            Notification.objects.create(
                claim=claim, kind="fell_due", deadline=DEADLINE + dt.timedelta(days=i)
            )
            for i in range(n)
        ]

    return make


@pytest.fixture
def smtp(settings, mail_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mail_server.port
    return mail_server


def expire_leases() -> None:
    Notification.objects.update(claimed_until=timezone.now() - dt.timedelta(seconds=1))


def test_an_email_carries_a_message_id_of_its_row(owe, settings):
    settings.SITE_URL = "https://factcheck.example.org"
    [owed] = owe(1)
    notifications.deliver_pending()
    assert (
        mail.outbox[0].message()["Message-ID"] == f"<notification-{owed.pk}@factcheck.example.org>"
    )
    assert notifications.message_id(owed) == mail.outbox[0].message()["Message-ID"]


def test_a_claim_is_committed_before_sending_and_holds_off_other_senders(owe, settings):
    settings.OUTBOX_LEASE_SECONDS = 300
    [owed] = owe(1)
    taken = notifications.claim_next()
    stored = Notification.objects.get(pk=owed.pk)
    assert (taken.pk, stored.attempts, stored.sent_at) == (owed.pk, 1, None)
    assert stored.claimed_until > timezone.now() + dt.timedelta(seconds=290)
    assert notifications.claim_next() is None  # another sender finds nothing to take
    assert notifications.deliver_pending().done == 0
    expire_leases()  # its sender died: after the lease, the next sender takes it
    assert notifications.claim_next().attempts == 2


def test_a_sender_that_outlived_its_lease_does_not_overwrite_the_next_ones_claim(owe):
    [owed] = owe(1)
    slow = notifications.claim_next()
    expire_leases()
    taker = notifications.claim_next()
    notifications.mark_sent(slow, ["rita@example.org"])  # the slow sender reports late
    stored = Notification.objects.get(pk=owed.pk)
    assert (stored.sent_at, stored.attempts) == (None, 2)
    assert stored.claimed_until == taker.claimed_until


def test_a_run_sends_over_one_connection_and_records_each_email_as_sent(owe, smtp):
    owed = owe(3)
    run = notifications.deliver_pending()
    assert (run.done, run.more) == (3, False)
    assert len(smtp.accepted) == 3
    assert [row.attempts for row in Notification.objects.order_by("pk")] == [1, 1, 1]
    assert not Notification.objects.filter(sent_at=None).exists()
    assert sorted(smtp.subjects()) == sorted(notifications.compose(row)[0] for row in owed)


def test_a_refused_address_waits_and_the_run_goes_on(make_claim, smtp, reviewer, other_reviewer):
    refused, accepted = (
        Notification.objects.create(
            claim=make_claim(f"A promise to {person}.", reviewer=person),
            kind="fell_due",
            deadline=DEADLINE,
        )
        for person in (reviewer, other_reviewer)
    )
    smtp.refused.add(reviewer.email)
    assert notifications.deliver_pending().done == 2
    waiting = Notification.objects.get(pk=refused.pk)
    assert waiting.sent_at is None and "550" in waiting.last_error
    assert waiting.claimed_until > timezone.now() + dt.timedelta(seconds=55)
    assert Notification.objects.get(pk=accepted.pk).sent_at is not None
    assert [accepted.recipients for accepted in smtp.accepted] == [[f"<{other_reviewer.email}>"]]


def test_a_mail_server_that_is_down_ends_the_run_and_loses_nothing(owe, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    first, *others = owe(3)
    run = notifications.deliver_pending()
    assert (run.done, run.more) == (0, False)  # no run is asked for: beat tries again later
    waiting = Notification.objects.get(pk=first.pk)
    assert (waiting.sent_at, waiting.attempts) == (None, 1)
    assert waiting.last_error and waiting.claimed_until > timezone.now()
    assert [row.attempts for row in Notification.objects.filter(pk__in=[o.pk for o in others])] == [
        0,
        0,
    ]


def test_a_run_stops_at_its_limit_and_says_more_is_owed(owe):
    owe(3)
    assert notifications.deliver_pending(limit=2) == Run(2, more=True)
    assert notifications.deliver_pending(limit=2) == Run(1, more=False)


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    return catch_runs(monkeypatch, tasks.send_notifications)


def test_the_send_task_drains_more_than_one_sweeps_worth_in_one_run(owe, settings, asked):
    """It used to send 200 a run, one run a minute: 5,000 e-mails took two hours."""
    owe(260)
    settings.OUTBOX_RUN_SECONDS = 60
    assert tasks.send_notifications() == 260
    assert len(mail.outbox) == 260 and asked == []


def test_the_send_task_asks_for_the_next_run_when_its_time_is_up(owe, settings, asked):
    owe(2)
    settings.OUTBOX_RUN_SECONDS = 0
    assert tasks.send_notifications() == 0
    assert asked == ["claims.tasks.send_notifications"]
