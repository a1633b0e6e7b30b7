"""Celery tasks that wait for a database that is starting up (or restarting) rather than fail.

Every periodic task would be run again by beat anyway; retrying with a doubling wait makes an
on-demand task (an article import) survive a database restart too, and a periodic one finish
sooner than its next turn.
"""

from __future__ import annotations

from collections.abc import Callable

from celery import shared_task
from django.db import InterfaceError, OperationalError

# What a database that cannot be reached raises (refused, reset, "starting up", closed).
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Waits of 1, 2, 4 … seconds, at most 60, ten times: about five minutes in all. The longest wait
# stays well under the broker's visibility timeout (BROKER_VISIBILITY_TIMEOUT), which a retry
# waiting in a worker must not outlast.
RETRY_OPTIONS = {
    "autoretry_for": DATABASE_ERRORS,
    "retry_backoff": 1,
    "retry_backoff_max": 60,
    "retry_jitter": False,
    "max_retries": 10,
}


def database_task(function: Callable) -> Callable:
    """A Celery task (`shared_task`) retried with a doubling wait while the database cannot be
    reached."""
    return shared_task(**RETRY_OPTIONS)(function)
