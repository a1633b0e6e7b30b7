"""Real Celery processes for the tests: a worker (optionally with beat) on the test database.

The worker reads the same settings as the tests, over the same broker: Redis where
CELERY_BROKER_URL names one, else the filesystem broker under var/. Each run has queues of its
own (CELERY_QUEUE, and the e-mail and webhook queues named after it, which the worker reads too),
so no other worker on the machine takes its tasks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def worker_database_url(*, port: int | None = None) -> str:
    """The test database's URL, for another process; through 127.0.0.1:`port` if given (a proxy
    in front of PostgreSQL)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    where = f"127.0.0.1:{port}" if port else f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{where}/{db['NAME']}"


@contextmanager
def celery_worker(
    tmp_path: Path,
    *,
    beat: bool = False,
    env: dict[str, str] | None = None,
    queue: str | None = None,
) -> Iterator[dict]:
    """Run `celery worker` (with `-B` if beat) until the block ends; yield its queue and files.

    Each worker has a queue of its own unless `queue` names one to share."""
    queue = queue or f"test-{uuid.uuid4().hex[:8]}"
    tmp_path.mkdir(parents=True, exist_ok=True)
    log = tmp_path / "worker.log"
    mail_dir = tmp_path / "mail"
    process_env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "CELERY_QUEUE": queue,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        **(env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "factcheck",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        "-n",
        f"{tmp_path.name}-{queue}@%h",
    ]
    if beat:
        command += ["-B", f"--schedule={tmp_path / 'beat-schedule'}"]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=process_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until(
            lambda: "ready." in log.read_text(), timeout=60, what="the worker to start", log=log
        )
        yield {
            "queue": queue,
            # The e-mail and webhook queues, named after it as factcheck/settings.py names them.
            "mail_queue": f"{queue}.mail",
            "webhook_queue": f"{queue}.webhooks",
            "log": log,
            "mail_dir": mail_dir,
            "process": process,
        }
    finally:
        if process.poll() is None:  # not killed by the test already
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def kill(worker: dict) -> None:
    """SIGKILL a worker and its beat (its process group): no clean-up, no handler runs."""
    os.killpg(worker["process"].pid, signal.SIGKILL)
    worker["process"].wait()


def kill_while_held(
    tmp_path: Path, task, on: str, held: threading.Event, *, env: dict, what: str, **options
) -> None:
    """Start a worker (`celery_worker`'s options), send it `task` on one of its queues (`on`:
    "queue", "mail_queue" or "webhook_queue"), and SIGKILL it once `held` is set: a server it
    talks to is keeping it waiting mid-send."""
    with celery_worker(tmp_path / "killed", env=env, **options) as worker:
        task.apply_async(queue=worker[on])
        wait_until(held.is_set, timeout=60, what=what, log=worker["log"])
        kill(worker)


def work_until(
    tmp_path: Path, condition: Callable[[], bool], *, what: str, timeout: float = 60, **options
) -> Path:
    """Run a worker (`celery_worker`'s options) until `condition` holds; return its log."""
    with celery_worker(tmp_path, **options) as worker:
        wait_until(condition, timeout=timeout, what=what, log=worker["log"])
    return worker["log"]


def catch_runs(monkeypatch, task) -> list[str]:
    """The runs of `task` asked for (`delay()`), caught before they reach the broker."""
    runs: list[str] = []
    monkeypatch.setattr(task, "delay", lambda: runs.append(task.name))
    return runs


def wait_until(
    condition: Callable[[], bool], *, timeout: float, what: str, log: Path | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{tail}")


def broker_in_use() -> str:
    return settings.CELERY_BROKER_URL.split("://")[0]
