"""Recovery, with real processes: a database restarted under a running site costs no error page
(kept connections are checked before reuse), a database that is down shows the site's 503 page
while cached pages are still served and /readyz/ says so; a task waits for the database with a
doubling wait and finishes once it is back; a task whose worker died outright is handed to the
next worker after the broker's visibility timeout, not an hour later.

The database is taken away through a TCP proxy in front of the test database (tests/support/
tcpproxy.py), the broker is a Redis of the test's own: the machine's servers are never touched.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from claims.models import Claim
from claims.tasks import sweep_deadlines
from tests.support.brokers import REDIS_SERVER, broker, closed_port, redis_server
from tests.support.servers import ON_POSTGRES, needs
from tests.support.tcpproxy import tcp_proxy
from tests.support.workers import (
    celery_worker,
    kill_while_held,
    wait_until,
    work_until,
    worker_database_url,
)
from webhooks.models import Delivery, Webhook
from webhooks.tasks import deliver_due

# One test process runs them all: their module's static files are collected once.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("recovery"),
]

ROOT = Path(settings.BASE_DIR)
SECRET = "recovery-test-" + "k3Y9-vT7q!Zp2wXr8@Lm4#Nb6$Hj1%Gf5^Dd0&Sa" * 2
PRODUCTION = {"DEBUG": "0", "SECRET_KEY": SECRET, "SECURE_SSL_REDIRECT": "0"}
REDIS_CACHE = bool(os.environ.get("REDIS_URL"))


def database_proxy():
    return tcp_proxy(
        connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"] or 5432
    )


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """The production static files (hashed names), which DEBUG=0 pages link to."""
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, **PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(root)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return root


@contextmanager
def web_server(tmp_path: Path, env: dict[str, str]) -> Iterator[int]:
    """gunicorn with the production settings, one worker (so one kept database connection)."""
    port = closed_port()
    log = tmp_path / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--workers", "1",
               "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    with log.open("w") as out:
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1", **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until(lambda: _status(port, "/healthz/") == 200, timeout=30, what="gunicorn", log=log)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


def _status(port: int, path: str) -> int | None:
    try:
        return get(port, path)[0]
    except OSError:
        return None


@needs(ON_POSTGRES and REDIS_CACHE, "needs PostgreSQL (a server to restart) and a Redis cache")
def test_a_database_restart_costs_no_error_page_and_an_outage_shows_the_503_page(
    tmp_path, static_root, watching_claim
):
    page = watching_claim.get_absolute_url()
    with database_proxy() as proxy:
        env = {
            "STATIC_ROOT": str(static_root),
            "DATABASE_URL": worker_database_url(port=proxy.port),
        }
        with web_server(tmp_path, env) as port:
            assert get(port, page)[0] == 200  # and now in the page cache
            assert get(port, "/readyz/")[0] == 200

            proxy.drop()  # a restart: the kept connection is dead, new ones get through
            searches = [get(port, f"/claims/?q=bridge{n}")[0] for n in range(4)]
            assert searches == [200] * 4

            proxy.refuse()  # the database is down
            status, headers, body = get(port, "/claims/?q=down")
            assert (status, headers["Retry-After"]) == (503, "30")
            assert "right back" in body
            status, _, body = get(port, "/readyz/")
            assert (status, body) == (503, "database: unreachable (OperationalError)\n")
            assert get(port, "/healthz/")[0] == 200
            assert get(port, page)[0] == 200  # read recently: served from the cache

            proxy.accept()  # back
            assert get(port, "/claims/?q=back")[0] == 200
            assert get(port, "/readyz/")[0] == 200


@needs(ON_POSTGRES, "needs PostgreSQL: a server to take away and bring back")
def test_a_task_waits_for_the_database_with_a_doubling_wait_and_finishes_once_it_is_back(
    tmp_path, watching_claim
):
    with database_proxy() as proxy:
        env = {"DATABASE_URL": worker_database_url(port=proxy.port)}
        with celery_worker(tmp_path, env=env) as worker:
            proxy.refuse()
            sweep_deadlines.apply_async(queue=worker["queue"])
            log = worker["log"]
            wait_until(
                lambda: "Retry in 2s" in log.read_text(), timeout=30, what="a retry", log=log
            )
            proxy.accept()
            wait_until(
                lambda: Claim.objects.get(pk=watching_claim.pk).tracking == Claim.Tracking.DUE,
                timeout=30,
                what="the sweep to finish",
                log=log,
            )
    assert "Retry in 1s" in log.read_text()
    assert watching_claim.events.filter(kind="fell_due").count() == 1


@needs(REDIS_SERVER is not None, "needs redis-server, for a broker of the test's own")
def test_a_task_whose_worker_died_is_handed_to_the_next_worker_after_the_visibility_timeout(
    tmp_path, receiver
):
    """Nothing but the returned message can finish the work: the next worker runs no beat."""
    hook = Webhook.objects.create(url=receiver.url(), events=["verdict.published"])
    owed = Delivery.objects.create(
        webhook=hook, event="ping", payload={}, next_attempt_at=timezone.now()
    )
    receiver.hold_at = 1  # the first POST waits for its answer: the worker is killed meanwhile
    port = closed_port()
    url = f"redis://127.0.0.1:{port}/0"
    env = {
        "CELERY_BROKER_URL": url,
        "FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
        "WEBHOOK_TIMEOUT": "30",
        "OUTBOX_LEASE_SECONDS": "1",
    }
    queue = f"visibility-{tmp_path.name}"
    with redis_server(port), broker(url):
        kill_while_held(
            tmp_path, deliver_due, "webhook_queue", receiver.held, env=env, what="the POST",
            queue=queue,
        )  # fmt: skip
        receiver.released.set()
        env["BROKER_VISIBILITY_TIMEOUT"] = "2"
        log = work_until(
            tmp_path / "next",
            lambda: Delivery.objects.get(pk=owed.pk).state == "delivered",
            timeout=30,
            what="the task to come back and deliver",
            env=env,
            queue=queue,
        )
    assert "webhooks.tasks.deliver_due" in log.read_text()
    assert len(receiver.received) == 2
