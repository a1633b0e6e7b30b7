"""How fast the outbox drains, with real Celery workers and the local backends: e-mails into the
file backend, webhook deliveries POSTed to a receiver on loopback. A batch is owed, its runs are
asked for as a sweep asks for them, and the clock stops when nothing is owed any more; the same
with 1, 2 and 4 workers, to say how it scales."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.utils import timezone

from bench.processes import running

ROOT = Path(__file__).resolve().parent.parent
MAIL_DIR = ROOT / "var" / "bench-mail"
WORKER_COUNTS = (1, 2, 4)
EMAILS = {"tiny": 600, "small": 3_000, "full": 10_000}
DELIVERIES = {"tiny": 400, "small": 2_000, "full": 6_000}
# The bench's own e-mails are owed for deadlines no claim has: a day each from 1900 on.
FAR_PAST, FAR_PAST_END = dt.date(1900, 1, 1), dt.date(1950, 1, 1)


@contextmanager
def celery_worker(name: str, **env: str) -> Iterator[int]:
    """A real `celery worker` (solo pool) on the bench database; yields its pid once ready."""
    log = ROOT / "var" / f"bench-worker-{name}.log"
    command = [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool=solo",
               "--loglevel=INFO", "-n", f"bench-{name}@%h"]  # fmt: skip
    with running(command, log, env) as worker:
        for _ in range(600):
            if "ready." in log.read_text():
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"the worker did not start; see {log}")
        yield worker.pid


class Answers200(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def receiver() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers200)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/hook"
    finally:
        httpd.shutdown()
        httpd.server_close()


def owe_emails(n: int) -> None:
    from claims.models import Claim, Notification

    claims = list(Claim.objects.order_by("pk").values_list("pk", flat=True)[:n])
    Notification.objects.bulk_create(
        Notification(
            claim_id=claims[i % len(claims)], kind="fell_due", deadline=FAR_PAST + dt.timedelta(i)
        )
        for i in range(n)
    )


def owe_deliveries(n: int, url: str) -> None:
    from webhooks.models import Delivery, Webhook

    hook = Webhook.objects.create(url=url, events=["verdict.published"], description="bench")
    now = timezone.now()
    Delivery.objects.bulk_create(
        Delivery(webhook=hook, event="ping", payload={"bench": i}, next_attempt_at=now)
        for i in range(n)
    )


def clear() -> None:
    from claims.models import Notification
    from webhooks.models import Webhook

    Notification.objects.filter(deadline__lt=FAR_PAST_END).delete()
    Webhook.objects.filter(description="bench").delete()  # and its deliveries


def owed() -> dict[str, int]:
    from claims.models import Notification
    from webhooks.models import Delivery

    return {
        "email": Notification.objects.filter(sent_at=None).count(),
        "webhook": Delivery.objects.filter(state="pending").count(),
    }


def drain_rate(kind: str, n: int, url: str) -> float:
    """Rows an hour: `n` owed (plus whatever else was), timed from asking to empty."""
    from claims import tasks
    from factcheck.lib.draining import runs_for
    from webhooks import tasks as webhook_tasks

    clear()
    owe_emails(n) if kind == "email" else owe_deliveries(n, url)
    total = owed()[kind]
    task = tasks.send_notifications if kind == "email" else webhook_tasks.deliver_due
    started = time.perf_counter()
    for _ in range(runs_for(total)):  # as the sweep (or a publish) asks for them
        task.delay()
    while owed()[kind]:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    clear()
    return total / elapsed * 3600


def outbox_rates(scale: str) -> list[dict]:
    from bench.measure import metric

    # The workers read the queues this process sends to (CELERY_QUEUE, set by bench/run.py).
    env = {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(MAIL_DIR),
        "FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
    }
    rates: dict[str, dict[int, float]] = {"email": {}, "webhook": {}}
    with receiver() as url:
        for count in WORKER_COUNTS:
            with ExitStack() as workers:
                for k in range(count):
                    workers.enter_context(celery_worker(f"outbox-{count}-{k}", **env))
                for kind, n in (("email", EMAILS[scale]), ("webhook", DELIVERIES[scale])):
                    drain_rate(kind, 4 * count, url)  # warm: every worker connected, polling
                    rates[kind][count] = drain_rate(kind, n, url)
    shutil.rmtree(MAIL_DIR, ignore_errors=True)
    results = []
    for kind, name, target, backend in (
        ("email", "outbox_emails_per_hour", 10_000, "file e-mail backend"),
        ("webhook", "webhook_deliveries_per_hour", 5_000, "a receiver on loopback"),
    ):
        one = rates[kind][1]
        scaling = ", ".join(
            f"{count} workers {rates[kind][count]:,.0f}/h (×{rates[kind][count] / one:.1f})"
            for count in WORKER_COUNTS[1:]
        )
        n = EMAILS[scale] if kind == "email" else DELIVERIES[scale]
        detail = f"{n:,} owed, 1 worker, {backend}; {scaling}; target >= {target:,}"
        results.append(metric(name, one, "/h", detail))
        for count in WORKER_COUNTS[1:]:
            results.append(
                metric(f"{name}_{count}_workers", rates[kind][count], "/h", f"{count} workers")
            )
    return results
