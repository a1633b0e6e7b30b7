"""The deadline sweep: every passed deadline marked due exactly once, reminders once, mail once."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from claims import notifications, workflow
from claims.models import Claim, ClaimEvent, Notification
from claims.workflow import deadline_sweep
from tests.support.workers import ROOT, wait_until, worker_database_url

TODAY = dt.date(2024, 2, 1)


def sweep_command(*args: str) -> str:
    out = io.StringIO()
    call_command("sweep_deadlines", *args, stdout=out)
    return out.getvalue()


def sweep_process(*, batch_size: int, stdout) -> subprocess.Popen:
    """`manage.py sweep_deadlines` in a process of its own, on the test database."""
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "DEADLINE_REMINDER_DAYS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    command = [sys.executable, "manage.py", "sweep_deadlines", "--as-of", "2024-02-01",
               "--batch-size", str(batch_size)]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def many_watching(make_claim, publish_claim):
    def make(n: int, deadline: dt.date = dt.date(2024, 1, 20)) -> list[Claim]:
        return [publish_claim(make_claim(f"Promise {i}.", deadline=deadline)) for i in range(n)]

    return make


def test_sweep_marks_passed_deadlines_due_and_nothing_else(
    many_watching, make_claim, publish_claim
):
    passed = many_watching(3)
    future = publish_claim(make_claim("Later.", deadline=dt.date(2024, 3, 1)))
    draft = make_claim("Draft.", deadline=dt.date(2024, 1, 20))
    result = workflow.sweep(as_of=TODAY)
    assert result.marked_due == 3
    assert set(Claim.objects.due()) == set(passed)
    for claim in (future, draft):
        claim.refresh_from_db()
        assert claim.tracking != Claim.Tracking.DUE


def test_a_second_sweep_marks_nothing(many_watching):
    many_watching(3)
    workflow.sweep(as_of=TODAY)
    assert workflow.sweep(as_of=TODAY).marked_due == 0
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 3
    assert Notification.objects.filter(kind=Notification.Kind.FELL_DUE).count() == 3


def test_sweep_works_in_batches(many_watching):
    many_watching(7)
    assert workflow.sweep(as_of=TODAY, batch_size=2).marked_due == 7


def test_a_sweep_that_dies_half_way_leaves_whole_batches_and_the_next_finishes(
    many_watching, monkeypatch
):
    many_watching(6)
    real_insert = deadline_sweep.insert_rows
    calls = {"notifications": 0}

    def dies_on_second_batch(model, fields, rows):
        if model is Notification:
            calls["notifications"] += 1
            if calls["notifications"] == 2:
                raise RuntimeError("worker killed")
        return real_insert(model, fields, rows)

    monkeypatch.setattr(deadline_sweep, "insert_rows", dies_on_second_batch)
    with pytest.raises(RuntimeError):
        workflow.sweep(as_of=TODAY, batch_size=2)
    assert Claim.objects.due().count() == 2
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 2
    assert Notification.objects.count() == 2

    monkeypatch.undo()
    assert workflow.sweep(as_of=TODAY, batch_size=2).marked_due == 4
    for claim in Claim.objects.all():
        assert claim.events.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 1
        assert claim.notifications.count() == 1


def test_the_reviewer_is_mailed_once(many_watching):
    many_watching(1)
    workflow.sweep(as_of=TODAY)
    assert notifications.deliver_pending().done == 1
    assert notifications.deliver_pending().done == 0
    workflow.sweep(as_of=TODAY)
    notifications.deliver_pending()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rita@example.org"]
    assert "29 January" not in mail.outbox[0].subject  # the subject names the claim
    assert "20 January 2024" in mail.outbox[0].body


def test_without_a_reviewer_the_reviewers_group_is_mailed(
    make_claim, publish_claim, reviewer, other_reviewer
):
    publish_claim(make_claim(deadline=dt.date(2024, 1, 20), reviewer=None))
    workflow.sweep(as_of=TODAY)
    notifications.deliver_pending()
    assert sorted(mail.outbox[0].to) == ["rita@example.org", "ron@example.org"]


def test_a_reminder_goes_out_once_before_the_deadline(many_watching, settings):
    settings.DEADLINE_REMINDER_DAYS = 7
    many_watching(1, deadline=dt.date(2024, 2, 5))
    assert workflow.sweep(as_of=dt.date(2024, 1, 20)).reminders == 0  # too early
    assert workflow.sweep(as_of=dt.date(2024, 1, 30)).reminders == 1
    assert workflow.sweep(as_of=dt.date(2024, 1, 31)).reminders == 0
    notifications.deliver_pending()
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Deadline on 5 February 2024"]


def test_reminders_can_be_turned_off(many_watching, settings):
    settings.DEADLINE_REMINDER_DAYS = 0
    many_watching(1, deadline=dt.date(2024, 2, 5))
    assert workflow.sweep(as_of=dt.date(2024, 2, 1)).reminders == 0


def test_command_prints_what_it_did(many_watching):
    many_watching(2)
    assert sweep_command("--as-of", "2024-02-01") == "marked due: 2\nreminders: 0\n"
    assert sweep_command("--as-of", "2024-02-01") == "marked due: 0\nreminders: 0\n"


def test_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        sweep_command("--as-of", "1 Feb")


def test_command_on_the_demo_marks_watching_claims_due_once(db, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    watching = Claim.objects.watching().count()
    assert watching >= 2
    assert sweep_command("--as-of", "2030-01-01").startswith(f"marked due: {watching}\n")
    assert sweep_command("--as-of", "2030-01-01").startswith("marked due: 0\n")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_flip_and_announce_each_claim_once(make_claim, publish_claim):
    """Two processes, two real database connections, sweeping the same claims at once."""
    for i in range(120):
        publish_claim(make_claim(f"Promise {i}.", deadline=dt.date(2024, 1, 20)))
    runs = [sweep_process(batch_size=5, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    marked = [int(out.split("marked due: ")[1].split()[0]) for out, _ in outputs]
    assert sum(marked) == 120
    assert Claim.objects.due().count() == 120
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 120
    assert Notification.objects.filter(kind=Notification.Kind.FELL_DUE).count() == 120
    assert User.objects.count() == 3  # the fixtures' people, untouched


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sweep_process_killed_half_way_leaves_nothing_half_done(article, editor):
    """SIGKILL a real sweep: every flipped claim has its entry and e-mail; a rerun ends it."""
    Claim.objects.bulk_create(
        Claim(
            statement=f"Promise {i}.",
            slug=f"promise-{i}",
            article=article,
            created_by=editor,
            stated_on=article.published_on,
            deadline=dt.date(2024, 1, 20),
            status=Claim.Status.PUBLISHED,
            tracking=Claim.Tracking.WATCHING,
        )
        for i in range(1500)
    )
    run = sweep_process(batch_size=1, stdout=subprocess.DEVNULL)
    wait_until(lambda: Claim.objects.due().count() >= 20, timeout=60, what="the sweep to start")
    run.kill()
    run.wait()
    due = Claim.objects.due().count()
    assert 20 <= due < 1500, "the sweep should have been killed half-way"
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == due
    assert Notification.objects.count() == due

    assert workflow.sweep(as_of=TODAY).marked_due == 1500 - due
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE).count() == 1500
    assert Notification.objects.values("claim").distinct().count() == 1500


def test_the_deadline_passed_entry_carries_the_deadlines_own_date(watching_claim):
    """Swept days later, the public history still says when the deadline passed."""
    workflow.sweep(as_of=dt.date(2024, 3, 15))
    event = watching_claim.events.get(kind=ClaimEvent.Kind.FELL_DUE)
    assert timezone.localtime(event.at).date() == dt.date(2024, 1, 29)
