"""Celery's queues and delivery settings: e-mails and webhooks on queues of their own (so that a
backlog of either never holds up the sweep), every task retried while the database cannot be
reached, and a dead worker's task handed out again within minutes. What they do with real
processes is tests/project/test_recovery.py's and test_outbox_faults.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from django.conf import settings

from claims import tasks
from factcheck.celery import app
from factcheck.lib.retries import DATABASE_ERRORS, RETRY_OPTIONS
from webhooks import tasks as webhook_tasks

QUEUES = {
    "default": settings.CELERY_TASK_DEFAULT_QUEUE,
    "mail": settings.MAIL_QUEUE,
    "webhooks": settings.WEBHOOK_QUEUE,
}
ALL_TASKS = [
    tasks.sweep_deadlines,
    tasks.send_notifications,
    tasks.resume_imports,
    tasks.import_article,
    tasks.check_links,
    webhook_tasks.deliver_due,
]


def queue_of(task) -> str:
    return app.amqp.router.route({}, task.name)["queue"].name


def test_emails_and_webhooks_have_queues_of_their_own():
    assert len(set(QUEUES.values())) == 3
    assert queue_of(tasks.send_notifications) == QUEUES["mail"]
    assert queue_of(webhook_tasks.deliver_due) == QUEUES["webhooks"]
    others = set(ALL_TASKS) - {tasks.send_notifications, webhook_tasks.deliver_due}
    assert {queue_of(task) for task in others} == {QUEUES["default"]}


def test_a_worker_reads_all_three_queues_unless_told_otherwise():
    """A worker started without -Q consumes the configured queues (this process may have added
    others to `app.amqp.queues` by sending to them)."""
    assert set(app.conf.task_queues) == set(QUEUES.values())
    assert set(QUEUES.values()) <= set(app.amqp.queues)


def test_every_task_is_acknowledged_late_and_retried_while_the_database_is_down():
    for task in ALL_TASKS:
        assert task.acks_late and task.reject_on_worker_lost, task.name
        assert task.autoretry_for == DATABASE_ERRORS, task.name
        assert (task.retry_backoff, task.max_retries) == (1, 10), task.name


def test_a_dead_workers_task_comes_back_after_five_minutes_and_retries_wait_less():
    env = {**os.environ, "CELERY_BROKER_URL": "redis://127.0.0.1:1/0"}
    env.pop("BROKER_VISIBILITY_TIMEOUT", None)
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CELERY_BROKER_TRANSPORT_OPTIONS))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    options = json.loads(run.stdout)
    assert options == {
        "visibility_timeout": 300,
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
    }
    assert RETRY_OPTIONS["retry_backoff_max"] < options["visibility_timeout"]


def test_kept_database_connections_are_checked_before_they_are_reused():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
