"""Faults lose nothing: Redis going down, a worker killed half-way through an import, two beats
by mistake. The database is the truth; what a fault interrupted is found there and finished once.

(A sweep killed half-way is tests/workflow/test_sweep.py's; the database refusing a write is
tests/lib/test_db_refusals.py's; backups are tests/lib/test_backups.py's.)
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator

import pytest
from django.test import override_settings
from django.urls import reverse

from claims import intake, workflow
from claims.models import (
    Article,
    ArticleImport,
    Claim,
    ClaimEvent,
    Notification,
    Suggestion,
    Verdict,
)
from tests.support.brokers import REDIS_SERVER, answers, broker, closed_port, redis_server
from tests.support.data import rating, write_verdict
from tests.support.pages import LOOPBACK, SEED_TEXT, Pages, PageServer, fixture, serve
from tests.support.servers import needs
from tests.support.workers import celery_worker, wait_until
from webhooks.models import Delivery, Webhook

# Real processes, killed and restarted: started first, so that the rest runs beside them.
pytestmark = pytest.mark.slow


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


# --- Imports whose work was lost ------------------------------------------------------------------


def age(queued: ArticleImport, state: str, seconds: int) -> None:
    then = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds)
    ArticleImport.objects.filter(pk=queued.pk).update(state=state, state_since=then)


def test_a_fresh_import_is_not_stalled(db, settings):
    queued = intake.queue_import(content=SEED_TEXT.read_text())
    assert intake.stalled_imports() == []
    age(queued, "fetching", settings.IMPORT_STALLED_AFTER_SECONDS - 30)
    assert intake.stalled_imports() == []


def test_an_import_queued_with_no_worker_taking_it_is_stalled(db, settings):
    queued = intake.queue_import(content=SEED_TEXT.read_text())
    age(queued, "queued", settings.IMPORT_REQUEUE_AFTER_SECONDS + 1)
    assert intake.stalled_imports() == [queued.pk]


@pytest.mark.parametrize("state", ["fetching", "extracting"])
def test_a_run_whose_worker_died_is_stalled_and_taken_over(db, settings, state):
    queued = intake.queue_import(content=SEED_TEXT.read_text(), published=dt.date(2018, 9, 19))
    age(queued, state, settings.IMPORT_STALLED_AFTER_SECONDS + 1)
    assert intake.stalled_imports() == [queued.pk]
    assert intake.run_import(queued.pk).state == "done"
    assert intake.stalled_imports() == []


def test_a_run_in_progress_is_not_taken_by_a_second_run(db):
    queued = intake.queue_import(content=SEED_TEXT.read_text())
    age(queued, "fetching", 5)
    assert intake.run_import(queued.pk).state == "fetching"
    assert not Suggestion.objects.exists()


def test_the_resume_imports_task_sends_stalled_imports_again(db, settings, monkeypatch):
    from claims import tasks

    queued = intake.queue_import(content=SEED_TEXT.read_text())
    age(queued, "queued", settings.IMPORT_REQUEUE_AFTER_SECONDS + 1)
    sent = []
    monkeypatch.setattr(tasks.import_article, "delay", sent.append)
    assert tasks.resume_imports() == 1
    assert sent == [queued.pk]


def test_an_import_started_while_the_broker_is_down_still_answers_and_waits(client, editor):
    client.force_login(editor)
    with broker(f"redis://127.0.0.1:{closed_port()}/0"):
        response = client.post(
            reverse("admin:claims_article_import"),
            {"content": SEED_TEXT.read_text(), "source": "", "published": "2018-09-19"},
        )
    assert response.status_code == 302
    assert ArticleImport.objects.get().state == "queued"  # for the next sweep to send


# --- A worker killed half-way through an import --------------------------------------------------


class HangsOnce:
    """A page that keeps its first reader waiting (long enough for it to be killed) and answers
    the next ones at once."""

    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, handler: Pages) -> None:
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if first:
            time.sleep(30)
        handler._send(200, "text/html; charset=utf-8", fixture("seed.html"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_during_an_import_leaves_nothing_half_written_and_the_next_finishes(
    tmp_path, pages, monkeypatch
):
    from claims.tasks import import_article

    monkeypatch.setitem(Pages.routes, "/hangs-once", HangsOnce())
    queued = intake.queue_import(url=pages.url("/hangs-once"), published=dt.date(2018, 9, 19))
    env = {"FETCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32", "FETCH_READ_TIMEOUT": "60"}
    with celery_worker(tmp_path / "killed", env=env) as worker:
        import_article.apply_async(args=[queued.pk], queue=worker["queue"])
        wait_until(
            lambda: len(pages.requests) == 1,
            timeout=60,
            what="the worker to start fetching",
            log=worker["log"],
        )
        worker["process"].kill()  # SIGKILL: no clean-up, no exception handler runs
        worker["process"].wait()
    stuck = ArticleImport.objects.get(pk=queued.pk)
    assert stuck.state == "fetching"
    assert not Suggestion.objects.exists()
    assert not Article.objects.exists()  # made only when the import succeeds

    # The next worker, with beat: resume_imports finds the stalled import and it is run again, once.
    env |= {"IMPORT_STALLED_AFTER_SECONDS": "2", "IMPORT_RESUME_SECONDS": "1"}
    with celery_worker(tmp_path / "next", beat=True, env=env) as worker:
        wait_until(
            lambda: ArticleImport.objects.get(pk=queued.pk).state == "done",
            timeout=90,
            what="resume_imports to finish the import",
            log=worker["log"],
        )
        time.sleep(3)  # more sweeps: none may run it again
    article = ArticleImport.objects.get(pk=queued.pk).article
    assert "Jadayan" in article.text
    quotes = list(article.suggestions.values_list("quote", flat=True))
    assert quotes and len(quotes) == len(set(quotes))
    assert len(pages.requests) == 2  # the killed fetch, and the one that finished


# --- Two beats by mistake -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_beats_and_two_workers_announce_each_claim_once(tmp_path, make_claim, publish_claim):
    claims = [
        publish_claim(make_claim(f"Promise {n} will be kept.", deadline=dt.date(2024, 1, 20)))
        for n in range(40)
    ]
    env = {"DEADLINE_SWEEP_SECONDS": "1"}
    queue = f"two-beats-{tmp_path.name}"
    with (
        celery_worker(tmp_path / "a", beat=True, env=env, queue=queue) as first,
        celery_worker(tmp_path / "b", beat=True, env=env, queue=queue) as second,
    ):
        mails = lambda: [  # noqa: E731
            *first["mail_dir"].glob("*.log"),
            *second["mail_dir"].glob("*.log"),
        ]
        wait_until(
            lambda: Notification.objects.filter(sent_at__isnull=False).count() == len(claims),
            timeout=120,
            what="the beats' sweeps to mail every reviewer",
            log=first["log"],
        )
        time.sleep(4)  # several more sweeps from both beats
        sent = [path.read_text() for path in mails()]
    for log in (first["log"], second["log"]):
        assert "Scheduler: Sending due task sweep-deadlines" in log.read_text()
    assert Claim.objects.filter(tracking=Claim.Tracking.DUE).count() == len(claims)
    fell_due = ClaimEvent.objects.filter(kind=ClaimEvent.Kind.FELL_DUE)
    assert sorted(fell_due.values_list("claim_id", flat=True)) == sorted(c.pk for c in claims)
    assert Notification.objects.count() == len(claims)
    subjects = [line for text in sent for line in text.splitlines() if line.startswith("Subject:")]
    assert len(subjects) == len(claims)


# --- Redis down -----------------------------------------------------------------------------------


PUBLIC_PAGES = ["/", "/claims/", "/deadlines/", "/feeds/verdicts/rss/", "/api/claims/"]


@needs(REDIS_SERVER is not None, "needs redis-server, to stop Redis and start it again")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_redis_down_the_site_works_a_publish_succeeds_and_the_sweep_catches_up(
    tmp_path,
    client,
    make_claim,
    reviewer,
    publisher,
    editor,
    receiver,
):
    port = closed_port()
    redis = f"redis://127.0.0.1:{port}"
    cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{redis}/1",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    claim = make_claim("The ferry will run again by May.")
    write_verdict(claim, reviewer, "true", "It runs.")
    workflow.submit(claim, by=reviewer)
    hook = Webhook.objects.create(url=receiver.url(), events=["verdict.published"])

    with override_settings(CACHES=cache, PUBLIC_PAGE_CACHE_SECONDS=300), broker(f"{redis}/0"):
        with redis_server(port):
            assert client.get("/claims/").status_code == 200  # cached while Redis was up
        assert not answers(port)

        # Redis is down: readers and the newsroom carry on.
        for url in [*PUBLIC_PAGES, claim.get_absolute_url()]:
            response = client.get(url)
            assert response.status_code in (200, 404), url  # a draft's page is not public
        client.force_login(publisher)
        assert client.get(reverse("admin:index")).status_code == 200
        transition = reverse("admin:claims_claim_transition", args=[claim.pk, "publish"])
        assert client.post(transition).status_code == 302
        claim.refresh_from_db()
        assert claim.status == Claim.Status.PUBLISHED
        assert claim.verdicts.get().status == Verdict.Status.PUBLISHED
        client.logout()
        page = client.get(claim.get_absolute_url())
        assert page.status_code == 200 and "It runs." in page.content.decode()

        client.force_login(editor)
        imported = client.post(
            reverse("admin:claims_article_import"),
            {"content": SEED_TEXT.read_text(), "source": "", "published": "2018-09-19"},
        )
        assert imported.status_code == 302
        queued = ArticleImport.objects.get()
        assert queued.state == "queued"
        delivery = Delivery.objects.get(webhook=hook)
        assert delivery.state == Delivery.State.PENDING and delivery.attempts == 0

    # Redis is back (empty, as a restarted Redis without disk is): beat's next rounds finish the
    # work the broker never carried, found in the database.
    env = {
        "CELERY_BROKER_URL": f"{redis}/0",
        "REDIS_URL": f"{redis}/1",
        "DEADLINE_SWEEP_SECONDS": "1",
        "WEBHOOK_SWEEP_SECONDS": "1",
        "IMPORT_RESUME_SECONDS": "1",
        "IMPORT_REQUEUE_AFTER_SECONDS": "0",
        "FETCH_ALLOW_PRIVATE_NETWORKS": ",".join(LOOPBACK),
    }
    with redis_server(port), celery_worker(tmp_path, beat=True, env=env) as worker:
        wait_until(
            lambda: (
                ArticleImport.objects.get(pk=queued.pk).state == "done"
                and Delivery.objects.get(pk=delivery.pk).state == Delivery.State.DELIVERED
            ),
            timeout=90,
            what="beat to resume the import and deliver the webhook",
            log=worker["log"],
        )
    assert [r.json["verdict"]["rating"]["slug"] for r in receiver.received] == ["true"]
    queued.refresh_from_db()
    assert queued.article.suggestions.exists()
    assert rating("true").verdicts.filter(claim=claim).count() == 1
