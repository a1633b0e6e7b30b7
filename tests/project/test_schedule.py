"""One periodic job, one task, one beat entry, and a management command of the same name that
calls the same function."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands

from claims import tasks
from webhooks import tasks as webhook_tasks

# Tasks sent on demand (a queued import), not on a schedule.
ON_DEMAND = {"claims.tasks.import_article", "claims.tasks.recheck_claims"}


def periodic_tasks() -> set[str]:
    found = set()
    for module in (tasks, webhook_tasks):
        for value in vars(module).values():
            name = getattr(value, "name", "")
            if name.startswith(module.__name__ + ".") and hasattr(value, "delay"):
                found.add(name)
    return found - ON_DEMAND


def test_every_periodic_task_has_one_beat_entry():
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert sorted(scheduled) == sorted(periodic_tasks())


def test_every_beat_entry_is_also_a_command_of_its_name():
    commands = get_commands()
    for entry in settings.CELERY_BEAT_SCHEDULE:
        assert entry.replace("-", "_") in commands, entry


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("sweep_deadlines", "marked due: 0"),
        ("send_notifications", "e-mails handled: 0"),
        ("resume_imports", "imports resumed: 0"),
        ("check_links", "checked 0"),
        ("deliver_webhooks", "deliveries tried: 0"),
        ("poll_feeds", "polled 0 feeds: new articles 0, follow-ups 0, failed 0"),
        ("snapshot_evidence", "snapshots taken 0, failed 0, left 0"),
    ],
)
def test_each_command_does_its_job_and_says_so(command, says):
    out = io.StringIO()
    call_command(command, stdout=out)
    assert says in out.getvalue()
