"""Celery tasks run by a real worker process over the real broker (not eager mode)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from claims.models import Claim, Evidence, LinkCheck, Notification
from claims.tasks import check_links, sweep_deadlines
from tests.support.linkserver import serve_links
from tests.support.workers import broker_in_use, celery_worker, wait_until

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]


def test_the_broker_is_redis_where_the_servers_are_required():
    """CI sets REQUIRE_SERVERS=1: there the worker tests must go over a real Redis."""
    expected = {"redis"} if os.environ.get("REQUIRE_SERVERS") == "1" else {"redis", "filesystem"}
    assert broker_in_use() in expected


def test_a_worker_runs_the_sweep_sent_over_the_broker(tmp_path, watching_claim):
    with celery_worker(tmp_path) as worker:
        sweep_deadlines.apply_async(queue=worker["queue"])
        wait_until(
            lambda: Notification.objects.filter(sent_at__isnull=False).exists(),
            timeout=60,
            what="the worker to sweep",
            log=worker["log"],
        )
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.DUE
    assert "claims.tasks.sweep_deadlines" in worker["log"].read_text()


def test_beat_and_worker_mark_a_claim_due_and_mail_its_reviewer(
    tmp_path, make_claim, publish_claim
):
    """End to end: nothing here calls the task; beat schedules it, the worker runs it."""
    claim = publish_claim(make_claim(deadline=dt.date(2024, 1, 20)))
    with celery_worker(tmp_path, beat=True, env={"DEADLINE_SWEEP_SECONDS": "1"}) as worker:
        wait_until(  # written, not only created: the file exists before the e-mail is in it
            lambda: any("Subject:" in p.read_text() for p in worker["mail_dir"].glob("*.log")),
            timeout=90,
            what="beat's sweep to send the e-mail",
            log=worker["log"],
        )
        mails = [p.read_text() for p in worker["mail_dir"].glob("*.log")]
    claim.refresh_from_db()
    assert claim.tracking == Claim.Tracking.DUE
    assert len(mails) == 1
    assert "Subject: Due for re-check: The bridge will reopen" in mails[0]
    assert "To: rita@example.org" in mails[0]
    assert claim.notifications.get().sent_at is not None


@pytest.fixture
def link_servers(settings):
    yield from serve_links(settings)


def test_a_worker_checks_evidence_links_sent_over_the_broker(tmp_path, link_servers, make_claim):
    [server] = link_servers
    evidence = Evidence.objects.create(
        claim=make_claim(), url=server.url("/no-head"), title="T", stance="context"
    )
    with celery_worker(tmp_path, env={"FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32"}) as worker:
        check_links.apply_async(queue=worker["queue"])
        wait_until(
            lambda: LinkCheck.objects.filter(evidence=evidence).exists(),
            timeout=60,
            what="the worker to check the link",
            log=worker["log"],
        )
    evidence.refresh_from_db()
    assert (evidence.link_health, evidence.link_checks.get().method) == ("ok", "GET")
    assert [request.method for request in server.requests] == ["HEAD", "GET"]
    assert "claims.tasks.check_links" in worker["log"].read_text()
