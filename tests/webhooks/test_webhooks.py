"""Webhooks against a real local receiver (http.server in a thread): events recorded in the
workflow's transaction, signed POSTs the receiver verifies with its own code, retries, giving up,
the fetch policy, the admin, and a real Celery worker."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import socket
import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from claims import signals, workflow
from claims.models import Claim
from tests.support.data import rating, write_verdict
from tests.support.servers import ON_POSTGRES, needs
from tests.support.workers import celery_worker, wait_until
from webhooks import delivery, tasks
from webhooks.models import Attempt, Delivery, Event, Webhook

ALL_EVENTS = [Event.VERDICT_PUBLISHED, Event.CLAIM_FELL_DUE, Event.CLAIM_RESOLVED]
AFTER_DEADLINE = dt.date(2024, 2, 1)  # the watching_claim's deadline is 2024-01-29


# --- The receiver: a webhook consumer as a newsroom's CMS would write it -------------------------


def verify(secret: str, headers: dict[str, str], body: bytes, tolerance: int = 300) -> bool:
    """The receiver's own check, as docs/webhooks.md gives it (nothing imported from webhooks/)."""
    timestamp = headers["X-Factcheck-Timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    signed = timestamp.encode() + b"." + body
    expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Factcheck-Signature"])


@pytest.fixture
def webhook(receiver, publisher) -> Webhook:
    return Webhook.objects.create(url=receiver.url(), events=ALL_EVENTS, created_by=publisher)


def due_now() -> None:
    """Let the backoff pass: every pending delivery may be tried now."""
    Delivery.objects.filter(state=Delivery.State.PENDING).update(next_attempt_at=timezone.now())


# --- Events are recorded in the workflow's transaction ------------------------------------------


def test_publishing_records_one_delivery_with_public_data_only(
    webhook, make_claim, publish_claim, reviewer
):
    claim = publish_claim(make_claim(deadline=dt.date(2024, 1, 29), quote="Quote"), "pending")
    verdict = claim.verdicts.get()
    [owed] = Delivery.objects.all()
    assert (owed.event, owed.event_key, owed.state) == (
        "verdict.published",
        f"verdict-{verdict.pk}",
        "pending",
    )
    assert owed.payload["event"] == "verdict.published"
    assert owed.payload["claim"] == {
        "id": claim.pk,
        "url": f"http://127.0.0.1:8000/claims/{claim.pk}/{claim.slug}/",
        "statement": "The bridge will reopen within two weeks.",
        "status": "published",
        "tracking": "watching",
        "deadline": "2024-01-29",
        "deadline_approximate": False,
    }
    assert owed.payload["verdict"]["rating"] == {"slug": "pending", "label": "Pending"}
    assert owed.payload["verdict"]["url"].endswith(
        f"/claims/{claim.pk}/{claim.slug}/#verdict-{verdict.pk}"
    )
    assert str(reviewer) not in json.dumps(owed.payload)


def test_a_back_dated_publish_keeps_its_time_in_the_payload_and_is_sent_now(
    webhook, make_claim, publish_claim
):
    then = dt.datetime(2024, 1, 16, 9, 30, tzinfo=dt.UTC)
    publish_claim(make_claim(), "false", at=then)
    owed = Delivery.objects.get()
    assert owed.payload["timestamp"] == "2024-01-16T09:30:00+00:00"
    assert timezone.now() - owed.created_at < dt.timedelta(minutes=1)
    assert owed.next_attempt_at == owed.created_at


def test_a_rolled_back_publish_leaves_no_delivery_and_queues_nothing(
    webhook, make_claim, reviewer, publisher, django_capture_on_commit_callbacks
):
    claim = make_claim()
    write_verdict(claim, reviewer, "false")
    workflow.submit(claim, by=reviewer)
    with (
        django_capture_on_commit_callbacks() as queued,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        workflow.publish(claim, by=publisher)
        assert Delivery.objects.count() == 1  # written inside the transaction...
        raise RuntimeError("something after the publish failed")
    assert not Delivery.objects.exists()  # ...and gone with it
    assert queued == []


def test_a_failing_outbox_rolls_the_publish_back(
    webhook, make_claim, reviewer, publisher, monkeypatch
):
    claim = make_claim()
    write_verdict(claim, reviewer, "false")
    workflow.submit(claim, by=reviewer)
    monkeypatch.setattr("webhooks.outbox.insert_rows", _broken_insert)
    with pytest.raises(IntegrityError):
        workflow.publish(claim, by=publisher)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW  # never published unannounced


def _broken_insert(*args, **kwargs):
    raise IntegrityError("the outbox table is broken")


def test_a_committed_publish_asks_a_worker_once(
    webhook, make_claim, publish_claim, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(tasks.deliver_due, "delay", lambda: sent.append("deliver_due"))
    with django_capture_on_commit_callbacks(execute=True):
        publish_claim(make_claim(), "false")
    assert sent == ["deliver_due"]


def test_a_broker_that_is_down_does_not_undo_the_publish(
    webhook, make_claim, publish_claim, monkeypatch, django_capture_on_commit_callbacks
):
    def down():
        raise ConnectionError("Error 111 connecting to redis")

    monkeypatch.setattr(tasks.deliver_due, "delay", down)
    with django_capture_on_commit_callbacks(execute=True):
        claim = publish_claim(make_claim(), "false")
    assert claim.status == Claim.Status.PUBLISHED
    assert Delivery.objects.get().state == "pending"  # beat's deliver_due will send it


def test_only_active_webhooks_that_asked_for_the_event_get_it(receiver, make_claim, publish_claim):
    wants = Webhook.objects.create(url=receiver.url("/a"), events=["verdict.published"])
    Webhook.objects.create(url=receiver.url("/b"), events=["claim.fell_due"])
    Webhook.objects.create(url=receiver.url("/c"), events=ALL_EVENTS, is_active=False)
    publish_claim(make_claim(), "false")
    assert [d.webhook for d in Delivery.objects.all()] == [wants]


def test_the_sweep_announces_a_claim_once_however_often_it_runs(webhook, watching_claim):
    Delivery.objects.all().delete()  # the publish's own delivery
    workflow.sweep(as_of=AFTER_DEADLINE)
    workflow.sweep(as_of=AFTER_DEADLINE)
    [owed] = Delivery.objects.all()
    assert (owed.event, owed.event_key) == (
        "claim.fell_due",
        f"claim-{watching_claim.pk}-2024-01-29",
    )
    assert owed.payload["claim"]["tracking"] == "due"
    assert owed.payload["verdict"]["rating"]["slug"] == "pending"


def test_the_database_refuses_the_same_event_twice(webhook, watching_claim):
    owed = Delivery.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            webhook=webhook,
            event=owed.event,
            event_key=owed.event_key,
            payload={},
            next_attempt_at=timezone.now(),
        )


def test_an_extended_claim_that_falls_due_again_is_announced_again(
    webhook, watching_claim, reviewer
):
    workflow.sweep(as_of=AFTER_DEADLINE)
    workflow.extend(watching_claim, by=reviewer, deadline=dt.date(2024, 3, 1), reason="Delayed")
    workflow.sweep(as_of=dt.date(2024, 3, 5))
    keys = Delivery.objects.filter(event="claim.fell_due").values_list("event_key", flat=True)
    assert sorted(keys) == [
        f"claim-{watching_claim.pk}-2024-01-29",
        f"claim-{watching_claim.pk}-2024-03-01",
    ]


def test_the_sweep_signals_once_per_batch_with_the_claim_ids(make_claim, publish_claim):
    claims = [
        publish_claim(make_claim(f"Claim {n}.", deadline=dt.date(2024, 1, 20))) for n in range(3)
    ]
    batches = []

    def listen(sender, *, claim_ids, at, **kwargs):
        batches.append(sorted(claim_ids))

    signals.claims_fell_due.connect(listen)
    try:
        workflow.sweep(as_of=AFTER_DEADLINE, batch_size=2)
    finally:
        signals.claims_fell_due.disconnect(listen)
    assert [len(batch) for batch in batches] == [2, 1]
    assert sorted(pk for batch in batches for pk in batch) == sorted(c.pk for c in claims)


def test_a_sweep_batch_records_every_claim_for_every_webhook(receiver, make_claim, publish_claim):
    for n in range(5):
        publish_claim(make_claim(f"Claim {n}.", deadline=dt.date(2024, 1, 20)))
    hooks = [
        Webhook.objects.create(url=receiver.url(f"/{n}"), events=["claim.fell_due"])
        for n in range(2)
    ]
    workflow.sweep(as_of=AFTER_DEADLINE, batch_size=2)
    for hook in hooks:
        assert hook.deliveries.filter(event="claim.fell_due").count() == 5


def test_a_draft_in_the_works_is_not_in_the_fell_due_payload(webhook, watching_claim, reviewer):
    write_verdict(watching_claim, reviewer, "fulfilled", summary="DRAFT NOT FOR THE PUBLIC")
    workflow.sweep(as_of=AFTER_DEADLINE)
    owed = Delivery.objects.get(event="claim.fell_due")
    assert "DRAFT NOT FOR THE PUBLIC" not in json.dumps(owed.payload)
    assert owed.payload["verdict"]["id"] == watching_claim.verdicts.get(is_current=True).pk


def test_resolving_is_announced_when_the_outcome_is_published_not_when_drafted(
    webhook, watching_claim, reviewer, publisher
):
    workflow.sweep(as_of=AFTER_DEADLINE)
    before = Delivery.objects.count()
    workflow.resolve(
        watching_claim, by=reviewer, rating=rating("not-fulfilled"), note="Still shut."
    )
    assert Delivery.objects.count() == before  # a submitted outcome is not public yet
    verdict = workflow.publish(watching_claim, by=publisher)
    new = Delivery.objects.filter(event_key=f"verdict-{verdict.pk}")
    assert sorted(new.values_list("event", flat=True)) == ["claim.resolved", "verdict.published"]
    assert all(d.payload["claim"]["tracking"] == "resolved" for d in new)


# --- Delivery: signed POSTs, retries, giving up -------------------------------------------------


def test_the_receiver_verifies_the_signature_with_its_own_code(
    webhook, receiver, make_claim, publish_claim
):
    publish_claim(make_claim(), "false")
    owed = Delivery.objects.get()
    assert delivery.deliver_due().done == 1
    [got] = receiver.received
    assert verify(webhook.secret, got.headers, got.body)
    assert got.headers["X-Factcheck-Event"] == "verdict.published"
    assert got.headers["X-Factcheck-Delivery"] == str(owed.pk)
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["X-Factcheck-Signature"].startswith("sha256=")
    assert got.json == owed.payload
    assert not verify("not-the-secret", got.headers, got.body)
    assert not verify(webhook.secret, got.headers, got.body + b" ")


def test_the_timestamp_is_signed_so_a_replay_with_a_new_one_fails(
    webhook, receiver, make_claim, publish_claim
):
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    [got] = receiver.received
    assert verify(webhook.secret, got.headers, got.body)
    replayed = {**got.headers, "X-Factcheck-Timestamp": str(int(time.time()) + 1)}
    assert not verify(webhook.secret, replayed, got.body)
    stale = int(got.headers["X-Factcheck-Timestamp"]) - 3600
    assert not verify(
        webhook.secret, {**got.headers, "X-Factcheck-Timestamp": str(stale)}, got.body
    )


def test_a_500_is_retried_after_the_backoff_then_delivered(
    webhook, receiver, make_claim, publish_claim
):
    receiver.answers.extend([500, 200])
    publish_claim(make_claim(), "false")
    assert delivery.deliver_due().done == 1
    owed = Delivery.objects.get()
    assert (owed.state, owed.attempts, owed.last_result) == (
        "pending",
        1,
        "500 Internal Server Error",
    )
    assert owed.next_attempt_at > timezone.now() + dt.timedelta(seconds=55)
    assert delivery.deliver_due().done == 0  # not before its time
    due_now()
    assert delivery.deliver_due().done == 1
    owed.refresh_from_db()
    assert (owed.state, owed.attempts, owed.next_attempt_at) == ("delivered", 2, None)
    assert list(owed.attempt_log.values_list("number", "status_code")) == [(1, 500), (2, 200)]
    first, second = receiver.received
    assert first.body == second.body
    assert first.headers["X-Factcheck-Delivery"] == second.headers["X-Factcheck-Delivery"]


def test_the_backoff_doubles_up_to_its_ceiling(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 60
    settings.WEBHOOK_RETRY_MAX_SECONDS = 1000
    waits = [delivery.backoff(n).total_seconds() for n in range(1, 7)]
    assert waits == [60, 120, 240, 480, 960, 1000]


def test_a_delivery_gives_up_after_the_last_attempt(
    webhook, receiver, make_claim, publish_claim, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.answers.extend([503] * 5)
    publish_claim(make_claim(), "false")
    for _ in range(3):
        assert delivery.deliver_due().done == 1
        due_now()
    owed = Delivery.objects.get()
    assert (owed.state, owed.attempts, owed.next_attempt_at) == ("failed", 3, None)
    assert owed.last_result == "503 Service Unavailable; gave up after 3 attempts"
    assert delivery.deliver_due().done == 0
    assert len(receiver.received) == 3


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (404, "failed"),
        (400, "failed"),
        (401, "failed"),
        (302, "failed"),
        (408, "pending"),
        (429, "pending"),
        (502, "pending"),
        (204, "delivered"),
    ],
)
def test_what_each_answer_means(webhook, receiver, make_claim, publish_claim, status, state):
    receiver.answers.append(status)
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    owed = Delivery.objects.get()
    assert (owed.state, owed.attempts) == (state, 1)
    assert owed.attempt_log.get().status_code == status


def test_a_receiver_that_is_down_is_retried_with_the_error_logged(
    publisher, make_claim, publish_claim, receiver
):
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    Webhook.objects.create(url=f"http://127.0.0.1:{port}/hook", events=ALL_EVENTS)
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    owed = Delivery.objects.get()
    tried = owed.attempt_log.get()
    assert owed.state == "pending"
    assert tried.status_code is None
    assert "could not be reached" in tried.error


def test_a_slow_receiver_times_out_and_is_retried(receiver, make_claim, publish_claim):
    Webhook.objects.create(url=receiver.url("/slow"), events=ALL_EVENTS)
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    owed = Delivery.objects.get()
    assert owed.state == "pending"
    assert "did not answer in time" in owed.attempt_log.get().error


def test_an_address_the_fetch_policy_refuses_is_not_sent_to(
    webhook, receiver, make_claim, publish_claim, settings
):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []  # the production default: no loopback
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    owed = Delivery.objects.get()
    assert owed.state == "failed"  # at once: the address will not become public by waiting
    assert "private or reserved network" in owed.attempt_log.get().error
    assert receiver.received == []


def test_a_delivered_delivery_is_never_sent_again(webhook, receiver, make_claim, publish_claim):
    publish_claim(make_claim(), "false")
    assert delivery.deliver_due().done == 1
    Delivery.objects.update(next_attempt_at=timezone.now())  # even if it looked due again
    assert delivery.deliver_due().done == 0
    assert len(receiver.received) == 1


def test_a_switched_off_webhook_is_sent_nothing(webhook, receiver, make_claim, publish_claim):
    publish_claim(make_claim(), "false")
    Webhook.objects.update(is_active=False)
    assert delivery.deliver_due().done == 0
    assert receiver.received == []


@needs(ON_POSTGRES, "row locks (SKIP LOCKED) need PostgreSQL; SQLite serialises writers instead")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_delivery_locked_by_another_worker_is_skipped(
    webhook, receiver, make_claim, publish_claim
):
    publish_claim(make_claim(), "false")
    owed = Delivery.objects.get()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                Delivery.objects.select_for_update().get(pk=owed.pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        assert delivery.deliver_due().done == 0
        assert receiver.received == []
    finally:
        release.set()
        thread.join()
    assert delivery.deliver_due().done == 1


# --- The admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("admin:webhooks_webhook_changelist", {"editor": 403, "reviewer": 403, "publisher": 200}),
        ("admin:webhooks_webhook_add", {"editor": 403, "reviewer": 403, "publisher": 200}),
        ("admin:webhooks_delivery_changelist", {"editor": 403, "reviewer": 403, "publisher": 200}),
        ("admin:webhooks_delivery_add", {"editor": 403, "reviewer": 403, "publisher": 403}),
    ],
)
def test_only_publishers_manage_webhooks(client, editor, reviewer, publisher, name, expected):
    people = {"editor": editor, "reviewer": reviewer, "publisher": publisher}
    for role, status in expected.items():
        client.force_login(people[role])
        assert client.get(reverse(name)).status_code == status, role


def test_a_reviewer_cannot_register_a_webhook(client, reviewer, receiver):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:webhooks_webhook_add"), {"url": receiver.url(), "events": ALL_EVENTS}
    )
    assert response.status_code == 403
    assert not Webhook.objects.exists()


def webhook_permissions(group: str) -> set[str]:
    perms = Group.objects.get(name=group).permissions.filter(content_type__app_label="webhooks")
    return set(perms.values_list("codename", flat=True))


def test_the_migration_gives_the_webhook_permissions_to_publishers_only(db):
    assert webhook_permissions("Publishers") == {
        "add_webhook",
        "change_webhook",
        "delete_webhook",
        "view_webhook",
        "view_delivery",
        "redeliver_delivery",
        "view_attempt",
    }
    assert webhook_permissions("Editors") == webhook_permissions("Reviewers") == set()


def test_a_publisher_registers_a_webhook_and_is_shown_its_secret(client, publisher, receiver):
    client.force_login(publisher)
    response = client.post(
        reverse("admin:webhooks_webhook_add"),
        {
            "url": receiver.url(),
            "description": "CMS",
            "events": ["verdict.published"],
            "is_active": "on",
        },
        follow=True,
    )
    hook = Webhook.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:webhooks_webhook_change", args=[hook.pk]
    )
    assert (hook.events, hook.created_by, len(hook.secret)) == (
        ["verdict.published"],
        publisher,
        64,
    )
    assert hook.secret in response.text
    assert Webhook.objects.create(url=receiver.url()).secret != hook.secret


@pytest.mark.parametrize(
    ("url", "events", "error"),
    [
        ("http://10.0.0.7/hook", ["verdict.published"], "private or reserved network"),
        ("ftp://cms.example/hook", ["verdict.published"], "starts with https:// or http://"),
        ("RECEIVER", [], "Choose at least one event"),
    ],
)
def test_the_form_refuses_a_bad_webhook_with_the_reason(
    client, publisher, receiver, url, events, error
):
    client.force_login(publisher)
    url = receiver.url() if url == "RECEIVER" else url
    response = client.post(reverse("admin:webhooks_webhook_add"), {"url": url, "events": events})
    assert response.status_code == 200
    assert error in response.text
    assert not Webhook.objects.exists()


def test_the_form_refuses_loopback_when_the_setting_does_not_allow_it(
    client, publisher, receiver, settings
):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    client.force_login(publisher)
    client.post(
        reverse("admin:webhooks_webhook_add"), {"url": receiver.url(), "events": ALL_EVENTS}
    )
    assert not Webhook.objects.exists()


def tried_twice(receiver, answers: list[int], make_claim, publish_claim) -> Delivery:
    """A published verdict's delivery, sent once, then again after its backoff."""
    receiver.answers.extend(answers)
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    due_now()
    delivery.deliver_due()
    return Delivery.objects.get()


def test_a_delivery_page_shows_every_attempt(
    client, publisher, webhook, receiver, make_claim, publish_claim
):
    owed = tried_twice(receiver, [500, 200], make_claim, publish_claim)
    client.force_login(publisher)
    listing = client.get(reverse("admin:webhooks_delivery_changelist")).text
    assert "verdict.published" in listing and "200 OK" in listing
    page = client.get(reverse("admin:webhooks_delivery_change", args=[owed.pk])).text
    assert "answer 500" in page and "answer 200" in page  # each attempt's answer
    assert 'name="_save"' not in page  # history: read-only


def test_attempts_and_the_next_one_are_timed_to_the_second(
    client, publisher, webhook, receiver, make_claim, publish_claim
):
    """Retries are seconds or minutes apart: 'Dec. 1, 2026, 7 p.m.' for each hides the backoff."""
    owed = tried_twice(receiver, [500, 500], make_claim, publish_claim)
    client.force_login(publisher)
    page = client.get(reverse("admin:webhooks_delivery_change", args=[owed.pk])).text
    for attempt in Attempt.objects.filter(delivery=owed):
        assert timezone.localtime(attempt.at).strftime("%Y-%m-%d %H:%M:%S") in page
    listing = client.get(reverse("admin:webhooks_delivery_changelist")).text
    assert timezone.localtime(owed.next_attempt_at).strftime("%Y-%m-%d %H:%M:%S") in listing


def run_action(client, user, model: str, action: str, objects) -> list[str]:
    client.force_login(user)
    response = client.post(
        reverse(f"admin:webhooks_{model}_changelist"),
        {"action": action, "_selected_action": [o.pk for o in objects]},
        follow=True,
    )
    return [str(message) for message in response.context["messages"]]


def test_the_test_event_action_sends_a_signed_ping(client, publisher, webhook, receiver):
    said = run_action(client, publisher, "webhook", "send_test_event", [webhook])
    assert said[0].startswith("Test event queued")
    assert delivery.deliver_due().done == 1
    [got] = receiver.received
    assert got.headers["X-Factcheck-Event"] == "ping"
    assert got.json["event"] == "ping"
    assert verify(webhook.secret, got.headers, got.body)


def test_a_switched_off_webhook_is_not_sent_a_test_event(client, publisher, webhook):
    Webhook.objects.update(is_active=False)
    said = run_action(client, publisher, "webhook", "send_test_event", [webhook])
    assert "switched off" in said[0]
    assert not Delivery.objects.exists()


def test_redeliver_sends_the_same_payload_as_a_new_delivery(
    client, publisher, webhook, receiver, make_claim, publish_claim
):
    publish_claim(make_claim(), "false")
    delivery.deliver_due()
    first = Delivery.objects.get()
    said = run_action(client, publisher, "delivery", "redeliver", [first])
    again = Delivery.objects.exclude(pk=first.pk).get()
    assert said == [f"Delivery #{first.pk} queued again as #{again.pk}."]
    assert (again.redelivery_of, again.payload, again.state) == (first, first.payload, "pending")
    delivery.deliver_due()
    assert [r.headers["X-Factcheck-Delivery"] for r in receiver.received] == [
        str(first.pk),
        str(again.pk),
    ]
    assert receiver.received[0].body == receiver.received[1].body


def test_a_pending_delivery_is_not_redelivered(
    client, publisher, webhook, make_claim, publish_claim
):
    publish_claim(make_claim(), "false")
    pending = Delivery.objects.get()
    said = run_action(client, publisher, "delivery", "redeliver", [pending])
    assert "still being tried" in said[0]
    assert Delivery.objects.count() == 1


# --- A real Celery worker -----------------------------------------------------------------------


WORKER_ENV = {"FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32", "WEBHOOK_TIMEOUT": "5"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_delivers_a_published_verdict_sent_over_the_broker(
    tmp_path, webhook, receiver, make_claim, publish_claim, monkeypatch
):
    claim = make_claim()
    with celery_worker(tmp_path, env=WORKER_ENV) as worker:
        # The commit's message, to this run's queue (the test process names no queue of its own).
        monkeypatch.setattr(
            tasks.deliver_due, "delay", lambda: tasks.deliver_due.apply_async(queue=worker["queue"])
        )
        publish_claim(claim, "false")
        wait_until(
            lambda: Delivery.objects.filter(state="delivered").exists(),
            timeout=60,
            what="the worker to deliver",
            log=worker["log"],
        )
    [got] = receiver.received
    assert verify(webhook.secret, got.headers, got.body)
    assert got.json["claim"]["id"] == claim.pk
    assert "webhooks.tasks.deliver_due" in worker["log"].read_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_beat_sends_a_delivery_whose_message_was_lost_and_retries_after_a_500(
    tmp_path, webhook, receiver, make_claim, publish_claim, monkeypatch
):
    """Nothing here enqueues a task: beat's deliver_due finds the delivery, and its retry."""
    monkeypatch.setattr(tasks.deliver_due, "delay", lambda: None)  # the message is lost
    receiver.answers.append(500)
    publish_claim(make_claim(), "false")
    env = {**WORKER_ENV, "WEBHOOK_SWEEP_SECONDS": "1", "WEBHOOK_RETRY_BASE_SECONDS": "1"}
    with celery_worker(tmp_path, beat=True, env=env) as worker:
        wait_until(
            lambda: Delivery.objects.filter(state="delivered").exists(),
            timeout=90,
            what="beat to deliver, then retry",
            log=worker["log"],
        )
    owed = Delivery.objects.get()
    assert list(owed.attempt_log.values_list("status_code", flat=True)) == [500, 200]
    assert all(verify(webhook.secret, got.headers, got.body) for got in receiver.received)
    assert Attempt.objects.count() == 2
