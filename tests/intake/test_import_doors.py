"""A failed import leaves no article behind, by every door (the admin, the API, the command, the
Celery task): the page answers 404 or 500, is larger than the cap, or the address is on a
private network, and the import keeps its reason while no Article or Source row appears. A
failed import tried again succeeds; the same article asked for while its import runs is refused,
even by two requests that race."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import intake, tasks
from claims.intake import dedupe, imports
from claims.models import Article, ArticleImport, Source, Suggestion
from tests.support.pages import Pages, PageServer, fixture, serve
from tests.support.servers import ON_POSTGRES, needs


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


@pytest.fixture
def eager(monkeypatch) -> None:
    """The task a door sends runs at once, in this process, as a worker would run it."""
    monkeypatch.setattr(
        tasks.import_article, "delay", lambda pk: tasks.import_article.apply(args=[pk])
    )


def nothing_made() -> bool:
    return not Article.objects.exists() and not Source.objects.exists()


# (what goes wrong, the address, what the reason says); `settings` tunes the cap.
FAILURES = {
    "404": ("/nowhere", "404"),
    "500": ("/broken", "500"),
    "oversize": ("/big", "larger than"),
    "private address": ("http://10.20.30.40/story", "private or reserved network"),
}


def address(pages: PageServer, failure: str) -> str:
    where = FAILURES[failure][0]
    return where if where.startswith("http") else pages.url(where)


@pytest.fixture
def capped(settings) -> None:
    settings.FETCH_MAX_BYTES = 50_000  # /big is 200 kB


def by_admin(client, editor, url: str, capture) -> ArticleImport:
    client.force_login(editor)
    with capture(execute=True):
        response = client.post(
            reverse("admin:claims_article_import"), {"url": url, "source": "Lakeside Chronicle"}
        )
    assert response.status_code == 302
    return ArticleImport.objects.get()


def by_api(client, editor, url: str, capture) -> ArticleImport:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    with capture(execute=True):
        response = api.post("/api/articles/", {"url": url, "source": "Lakeside Chronicle"})
    assert response.status_code == 202 and response.json()["article"] is None
    return ArticleImport.objects.get(pk=response.json()["id"])


def by_command(client, editor, url: str, capture) -> ArticleImport:
    with pytest.raises(CommandError, match=r"Import #\d+ failed: "):
        call_command("import_article", url, "--source", "Lakeside Chronicle", stdout=StringIO())
    return ArticleImport.objects.get()


def by_task(client, editor, url: str, capture) -> ArticleImport:
    queued = intake.queue_import(url=url, source_name="Lakeside Chronicle", by=editor)
    assert tasks.import_article.apply(args=[queued.pk]).get() == "failed"
    return ArticleImport.objects.get(pk=queued.pk)


DOORS: dict[str, Callable[..., ArticleImport]] = {
    "admin": by_admin,
    "api": by_api,
    "command": by_command,
    "task": by_task,
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("door", DOORS)
def test_a_failed_import_makes_no_article_and_no_source(
    door, failure, client, editor, pages, capped, eager, django_capture_on_commit_callbacks
):
    asked = address(pages, failure)
    failed = DOORS[door](client, editor, asked, django_capture_on_commit_callbacks)
    assert failed.state == ArticleImport.State.FAILED
    assert FAILURES[failure][1] in failed.error
    assert failed.article is None and failed.source_name == "Lakeside Chronicle"
    assert nothing_made() and not Suggestion.objects.exists()


def test_the_private_address_is_refused_before_anything_is_sent(db, pages, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    failed = intake.run_import(intake.queue_import(url=pages.url("/good")).pk)
    assert "private or reserved network" in failed.error
    assert pages.requests == [] and nothing_made()


# --- Trying again -------------------------------------------------------------------------------


class FailsOnce:
    """The page is down the first time it is asked for, and there after."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, handler: Pages) -> None:
        self.calls += 1
        if self.calls == 1:
            handler._send(500, "text/html", b"<h1>Down</h1>")
            return
        handler._send(200, "text/html; charset=utf-8", fixture("seed.html"))


@pytest.fixture
def flaky(pages, monkeypatch) -> str:
    monkeypatch.setitem(Pages.routes, "/flaky", FailsOnce())
    return pages.url("/flaky")


def test_try_again_in_the_admin_makes_the_article(
    client, editor, flaky, eager, django_capture_on_commit_callbacks
):
    failed = by_admin(client, editor, flaky, django_capture_on_commit_callbacks)
    assert failed.state == "failed" and nothing_made()
    page = client.get(reverse("admin:claims_articleimport_change", args=[failed.pk])).text
    assert "Try again" in page and "500" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:claims_articleimport_retry", args=[failed.pk]))
    followed = client.get(response.url)  # the import's page, followed once the task has run
    failed.refresh_from_db()
    assert failed.state == "done" and failed.error == ""
    article = Article.objects.get()
    assert failed.article == article and article.source.name == "Lakeside Chronicle"
    intake_page = reverse("admin:claims_article_intake", args=[article.pk])
    assert followed.status_code == 302 and followed.url == intake_page
    assert article.suggestions.filter(claimant_name="Ahmad Jadayan").exists()


def test_try_again_in_the_api_makes_the_article(
    client, editor, flaky, eager, django_capture_on_commit_callbacks
):
    failed = by_api(client, editor, flaky, django_capture_on_commit_callbacks)
    api = APIClient()
    api.force_authenticate(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/imports/{failed.pk}/retry/")
    assert response.status_code == 202 and response.json()["state"] == "queued"
    followed = api.get(response["Location"]).json()
    assert followed["state"] == "done" and followed["article"] == Article.objects.get().pk


def test_only_a_failed_import_is_tried_again(db, editor, pages):
    done = intake.run_import(intake.queue_import(url=pages.url("/seed")).pk)
    with pytest.raises(intake.IntakeError, match="Only a failed import can be tried again"):
        intake.retry_import(done, by=editor)
    assert ArticleImport.objects.get().state == "done"


def test_a_reviewer_may_not_try_again_in_the_api(db, reviewer, flaky):
    failed = intake.run_import(intake.queue_import(url=flaky).pk)
    api = APIClient()
    api.force_authenticate(reviewer)
    response = api.post(f"/api/imports/{failed.pk}/retry/")
    assert response.status_code == 403 and "may not import articles" in response.json()["detail"]
    assert ArticleImport.objects.get().state == "failed" and nothing_made()


def test_trying_again_an_article_that_came_in_meanwhile_points_to_it(db, editor, pages, flaky):
    failed = intake.run_import(intake.queue_import(url=flaky).pk)
    done = intake.run_import(intake.queue_import(url=flaky + "?utm_source=x").pk)
    assert done.state == "done"
    with pytest.raises(intake.AlreadyImported, match=f"article #{done.article_id}"):
        intake.retry_import(failed, by=editor)
    failed.refresh_from_db()
    assert failed.state == "failed" and Article.objects.count() == 1


def test_an_article_logged_while_the_import_ran_fails_it_pointing_there(db, pages, source):
    queued = intake.queue_import(url=pages.url("/seed"))
    by_hand = Article.objects.create(source=source, url=pages.url("/seed"), headline="By hand")
    done = intake.run_import(queued.pk)
    assert done.state == "failed" and f"article #{by_hand.pk}" in done.error
    assert list(Article.objects.all()) == [by_hand] and done.article is None


# --- The same article twice at once -------------------------------------------------------------


def test_trying_again_while_the_same_article_is_imported_is_refused(db, editor, flaky):
    failed = intake.run_import(intake.queue_import(url=flaky).pk)
    running = intake.queue_import(url=flaky + "#again")
    with pytest.raises(intake.ImportRunning, match=f"import #{running.pk}"):
        intake.retry_import(failed, by=editor)
    failed.refresh_from_db()
    assert failed.state == "failed"


@pytest.mark.parametrize(
    "asked", [{"url": "https://news.example/a"}, {"content": "Headline\n\nThe bridge reopens."}]
)
def test_the_database_refuses_a_second_running_import_the_check_missed(db, monkeypatch, asked):
    """Two requests that both pass the check before either is saved: the partial unique
    constraint makes the second fail, and it is told which import runs."""
    first = intake.queue_import(**asked)
    missed = iter([None])  # the check before saving misses the first; the one after finds it
    real = dedupe.find_running
    monkeypatch.setattr(imports, "find_running", lambda **kw: next(missed, None) or real(**kw))
    with pytest.raises(intake.ImportRunning) as refused:
        intake.queue_import(**asked)
    assert refused.value.running == first
    assert list(ArticleImport.objects.all()) == [first]


@needs(ON_POSTGRES, "concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_requests_at_once_make_one_import(monkeypatch):
    """Two threads, two connections, both past the check (it is left out): one import, and the
    other request is refused naming it."""
    real = dedupe.find_running
    both_checked = threading.Barrier(2)

    def check_then_wait(**kw):
        found = real(**kw)
        if kw.get("other_than") is None and found is None:
            both_checked.wait(timeout=10)
        return found

    monkeypatch.setattr(imports, "find_running", check_then_wait)
    outcomes: list[object] = []

    def ask() -> None:
        try:
            outcomes.append(intake.queue_import(url="https://news.example/at-once"))
        except intake.IntakeError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    made = [o for o in outcomes if isinstance(o, ArticleImport)]
    refused = [o for o in outcomes if isinstance(o, intake.ImportRunning)]
    assert len(made) == 1 and len(refused) == 1, outcomes
    assert refused[0].running.pk == made[0].pk
    assert ArticleImport.objects.count() == 1


def test_the_command_refuses_an_article_being_imported(db, pages):
    running = intake.queue_import(url=pages.url("/seed"))
    with pytest.raises(CommandError, match=f"being imported already \\(import #{running.pk}"):
        call_command("import_article", pages.url("/seed/"), stdout=StringIO())
    assert list(ArticleImport.objects.all()) == [running] and nothing_made()
