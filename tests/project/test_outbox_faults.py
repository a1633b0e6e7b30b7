"""The outbox under faults, with real worker processes: a sender killed in the middle of a batch
(SIGKILL, while the mail server or the webhook receiver keeps it waiting) loses nothing and sends
nothing twice; what it had in hand is sent again, by the next sender, only once its lease has run
out. (Two live workers sending the same outbox is test_faults.py's two-beats test.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from claims import notifications
from claims.models import Notification
from claims.tasks import send_notifications
from tests.support.workers import kill_while_held, work_until
from webhooks.models import Delivery, Webhook
from webhooks.tasks import deliver_due

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEASE_SECONDS = "3"


@pytest.fixture
def owed_emails(make_claim) -> list[Notification]:
    return [
        Notification.objects.create(
            claim=make_claim(f"Promise number {n} will be kept."),
            kind=Notification.Kind.FELL_DUE,
            deadline=dt.date(2024, 1, 20),
        )
        for n in range(8)
    ]


def test_a_mail_sender_killed_mid_batch_loses_no_email_and_sends_none_twice(
    tmp_path, owed_emails, mail_server
):
    mail_server.hold_after = 3  # after the third e-mail, the server answers nothing more
    env = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_server.port),
        "NOTIFICATION_SEND_SECONDS": "1",
        "OUTBOX_LEASE_SECONDS": LEASE_SECONDS,
    }
    kill_while_held(
        tmp_path, send_notifications, "mail_queue", mail_server.held, env=env, what="3 e-mails"
    )
    mail_server.release()

    # Every e-mail the server accepted is recorded as sent; the one in hand is leased.
    assert Notification.objects.filter(sent_at__isnull=False).count() == 3
    in_hand = Notification.objects.get(sent_at__isnull=True, attempts=1)
    assert in_hand.claimed_until is not None
    assert Notification.objects.filter(attempts=0).count() == len(owed_emails) - 4

    work_until(
        tmp_path / "next",
        lambda: not Notification.objects.filter(sent_at__isnull=True).exists(),
        what="beat's runs to send the rest",
        beat=True,
        env=env,
    )
    assert sorted(mail_server.subjects()) == sorted(
        notifications.compose(row)[0] for row in owed_emails
    )
    message_ids = [accepted.message["Message-ID"] for accepted in mail_server.accepted]
    assert sorted(message_ids) == sorted(notifications.message_id(row) for row in owed_emails)
    sent_again = Notification.objects.get(pk=in_hand.pk)
    assert sent_again.attempts == 2
    assert sent_again.sent_at >= in_hand.claimed_until  # only once its lease had run out


@pytest.fixture
def owed_deliveries(receiver) -> list[Delivery]:
    hook = Webhook.objects.create(url=receiver.url(), events=["verdict.published"])
    now = timezone.now()
    return Delivery.objects.bulk_create(
        Delivery(webhook=hook, event="ping", payload={"n": n}, next_attempt_at=now)
        for n in range(6)
    )


def test_a_webhook_sender_killed_mid_post_loses_nothing_and_repeats_only_that_post(
    tmp_path, owed_deliveries, receiver
):
    receiver.hold_at = 3  # the third POST waits for its answer
    env = {
        "FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
        "WEBHOOK_TIMEOUT": "30",
        "WEBHOOK_SWEEP_SECONDS": "1",
        "OUTBOX_LEASE_SECONDS": LEASE_SECONDS,
    }
    kill_while_held(
        tmp_path, deliver_due, "webhook_queue", receiver.held, env=env, what="the third POST"
    )
    receiver.released.set()

    held_id = receiver.received[2].headers["X-Factcheck-Delivery"]
    in_hand = Delivery.objects.get(pk=held_id)
    assert (in_hand.state, in_hand.attempts) == ("pending", 1)  # the attempt counted first
    assert not in_hand.attempt_log.exists()  # never reported back
    assert Delivery.objects.filter(state="delivered").count() == 2

    work_until(
        tmp_path / "next",
        lambda: not Delivery.objects.exclude(state="delivered").exists(),
        what="beat's runs to deliver the rest",
        beat=True,
        env=env,
    )
    ids = [got.headers["X-Factcheck-Delivery"] for got in receiver.received]
    assert sorted(ids) == sorted([str(d.pk) for d in owed_deliveries] + [held_id])
    first, again = (
        got for got in receiver.received if got.headers["X-Factcheck-Delivery"] == held_id
    )
    assert again.body == first.body
    assert again.at >= in_hand.next_attempt_at.timestamp()  # only once its lease had run out
    in_hand.refresh_from_db()
    assert in_hand.attempts == 2
    assert list(in_hand.attempt_log.values_list("number", "status_code")) == [(2, 200)]
