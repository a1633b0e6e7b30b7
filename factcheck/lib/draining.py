"""Draining an outbox (the e-mails, the webhook deliveries): one row after another until none is
left, or until the run's time is up, so that a task holds its worker for a bounded time and asks
for another run while work remains.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from celery.utils.time import get_exponential_backoff_interval

# When many rows are written at once (a sweep batch), one run is asked for per ROWS_PER_RUN of
# them, at most PARALLEL_RUNS: enough for several workers to share the work; each run asks for
# the next while rows are owed, and beat's periodic run takes whatever a lost message left.
ROWS_PER_RUN = 50
PARALLEL_RUNS = 4


@dataclass(frozen=True)
class Run:
    """What one run did: how many rows it took, and whether it stopped with rows perhaps left
    (its time or its limit ran out), so that another run should follow at once."""

    done: int
    more: bool


def drain(
    send_next: Callable[[], bool], *, budget: float | None = None, limit: int | None = None
) -> Run:
    """Call `send_next` until it says there is nothing more to do now (False: the outbox is
    empty, or a fault ends the run), `limit` rows are done or `budget` seconds have passed."""
    started, done = time.monotonic(), 0
    while True:
        if (limit is not None and done >= limit) or (
            budget is not None and time.monotonic() - started >= budget
        ):
            return Run(done, more=True)
        if not send_next():
            return Run(done, more=False)
        done += 1


def runs_for(rows: int) -> int:
    """How many runs to ask for when `rows` rows were just written."""
    return min(PARALLEL_RUNS, math.ceil(rows / ROWS_PER_RUN))


def backoff(attempts: int, *, base: int, ceiling: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed attempt: `base` seconds, doubled after each
    further one, at most `ceiling`."""
    seconds = get_exponential_backoff_interval(factor=base, retries=attempts - 1, maximum=ceiling)
    return dt.timedelta(seconds=seconds)
