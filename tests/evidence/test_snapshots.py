"""claims/evidence/snapshots.py: a readable copy of each evidence page, taken once when evidence is
attached, served on the public site beside a broken link, never the page's HTML or scripts."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest
from django.utils import timezone

from claims import tasks
from claims.evidence import snapshots
from claims.models import Evidence, EvidenceSnapshot
from tests.support.newsserver import SCRIPTED_PAGE, NewsServer, serve_news


@pytest.fixture
def news(settings) -> Iterator[NewsServer]:
    settings.LINK_CHECK_HOST_DELAY_SECONDS = 0
    yield from serve_news(settings)


def attach(claim, url: str, **fields) -> Evidence:
    return Evidence.objects.create(
        claim=claim, url=url, title="Ministry notice", stance="supports", **fields
    )


def test_the_copy_keeps_the_text_status_hash_and_time_without_scripts(news, make_claim):
    evidence = attach(make_claim(), news.url("/notice"))
    report = snapshots.run()
    assert report.summary() == "snapshots taken 1, failed 0, left 0"
    copy = evidence.snapshot
    assert copy.ok and copy.http_status == 200 and copy.error == ""
    assert copy.title == "Ministry notice"
    assert "Harbour Bridge in Portmere reopened to traffic" in copy.text
    assert "<script" not in copy.text and "alert(" not in copy.text and "<p>" not in copy.text
    assert copy.sha256 == hashlib.sha256(SCRIPTED_PAGE.encode()).hexdigest()
    assert copy.url == news.url("/notice") and copy.final_url == ""
    assert timezone.now() - copy.fetched_at < dt.timedelta(minutes=1)


def test_a_page_is_copied_once(news, make_claim):
    attach(make_claim(), news.url("/notice"))
    snapshots.run()
    assert snapshots.run().summary() == "snapshots taken 0, failed 0, left 0"
    assert len(news.requested("/notice")) == 1


def test_a_failed_fetch_is_kept_and_tried_again_later_a_few_times(news, make_claim, settings):
    settings.SNAPSHOT_ATTEMPTS, settings.SNAPSHOT_RETRY_HOURS = 2, 6
    evidence = attach(make_claim(), news.url("/gone"))
    assert snapshots.run().failed == 1
    copy = EvidenceSnapshot.objects.get()
    assert (copy.ok, copy.attempts, copy.http_status) == (False, 1, None)
    assert "404" in copy.error
    assert snapshots.run().failed == 0  # not yet: it waits SNAPSHOT_RETRY_HOURS
    EvidenceSnapshot.objects.update(fetched_at=timezone.now() - dt.timedelta(hours=7))
    assert snapshots.run().failed == 1
    assert EvidenceSnapshot.objects.get().attempts == 2
    EvidenceSnapshot.objects.update(fetched_at=timezone.now() - dt.timedelta(hours=7))
    assert snapshots.run().failed == 0  # two attempts in all
    assert len(news.requested("/gone")) == 2
    assert evidence.archived_copy is None


def test_a_private_address_is_refused(news, make_claim, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    attach(make_claim(), news.url("/notice"))
    snapshots.run()
    assert "private or reserved network" in EvidenceSnapshot.objects.get().error
    assert news.requests == []


def test_the_text_is_cut_at_the_cap(news, make_claim, settings):
    settings.SNAPSHOT_MAX_CHARS = 40
    attach(make_claim(), news.url("/notice"))
    snapshots.run()
    copy = EvidenceSnapshot.objects.get()
    assert len(copy.text) == 40 and copy.truncated


def test_a_new_address_owes_a_new_copy(news, make_claim):
    evidence = attach(make_claim(), news.url("/notice"))
    snapshots.run()
    evidence.url = news.url("/news/bridge-reopened")
    evidence.save()
    assert not EvidenceSnapshot.objects.exists()
    assert list(snapshots.owed()) == [evidence]


def test_attaching_evidence_asks_for_its_snapshot_once_committed(
    make_claim, monkeypatch, django_capture_on_commit_callbacks
):
    asked = []
    monkeypatch.setattr(tasks.snapshot_evidence, "delay", lambda: asked.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        evidence = attach(make_claim(), "https://ministry.example/notice")
    assert asked == [1]
    with django_capture_on_commit_callbacks(execute=True):
        evidence.title = "Changed"
        evidence.save()
    assert asked == [1]  # a change is not an attachment


def test_the_command_takes_one_claims_snapshots(news, make_claim, article):
    from io import StringIO

    from django.core.management import call_command

    mine, other = make_claim(), make_claim("Another claim.")
    attach(mine, news.url("/notice"))
    attach(other, news.url("/news/bridge-reopened"))
    out = StringIO()
    call_command("snapshot_evidence", "--claim", str(mine.pk), stdout=out)
    assert out.getvalue().strip() == "snapshots taken 1, failed 0, left 0"
    assert list(EvidenceSnapshot.objects.values_list("evidence__claim", flat=True)) == [mine.pk]


# --- The public site -------------------------------------------------------------------------


@pytest.fixture
def broken_with_copy(news, watching_claim) -> Evidence:
    evidence = attach(watching_claim, news.url("/notice"))
    snapshots.run()
    Evidence.objects.filter(pk=evidence.pk).update(
        link_health=Evidence.LinkHealth.BROKEN, link_failing_since=timezone.now()
    )
    evidence.refresh_from_db()
    return evidence


def test_the_verdict_page_links_the_copy_beside_a_broken_link(client, broken_with_copy):
    page = client.get(broken_with_copy.claim.get_absolute_url()).content.decode()
    assert f'href="{broken_with_copy.archived_copy_path}">archived copy</a>' in page


def test_the_copy_is_served_as_text_in_our_template(client, broken_with_copy):
    response = client.get(broken_with_copy.archived_copy_path)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Harbour Bridge in Portmere reopened to traffic" in page
    assert "alert(" not in page and "steal()" not in page and "injected" not in page
    assert '<meta name="robots" content="noindex">' in page
    assert broken_with_copy.snapshot.sha256 in page


def test_no_copy_of_an_unpublished_claims_evidence_or_a_failed_fetch(client, news, make_claim):
    draft = attach(make_claim(), news.url("/notice"))
    snapshots.run()
    assert client.get(draft.archived_copy_path).status_code == 404
    assert client.get("/claims/999/evidence/999/archived/").status_code == 404


def test_a_working_link_shows_no_copy_link(client, news, watching_claim):
    evidence = attach(watching_claim, news.url("/notice"))
    snapshots.run()
    page = client.get(watching_claim.get_absolute_url()).content.decode()
    assert evidence.archived_copy_path not in page
