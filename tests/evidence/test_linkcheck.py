"""claims/evidence/linkcheck.py against local servers: what each answer means for a link, which
links are due, one check per host per delay across runs, hosts in turn, and two runs at once
checking each link once."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from claims.evidence import linkcheck
from claims.models import Evidence, LinkCheck
from factcheck.lib.fetching import LinkStatus
from tests.support.linkserver import LinkServer, serve_links, status

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def servers(settings) -> Iterator[list[LinkServer]]:
    settings.LINK_CHECK_HOST_DELAY_SECONDS = 1
    yield from serve_links(settings, count=2)


@pytest.fixture
def server(servers) -> LinkServer:
    return servers[0]


@pytest.fixture
def link(make_claim) -> Callable[..., Evidence]:
    """Evidence on one claim (a new claim per call unless given) with this URL and fields."""

    def add(url: str, claim=None, **fields) -> Evidence:
        claim = claim or make_claim(f"Claim for {url}")
        return Evidence.objects.create(claim=claim, url=url, title=url, stance="supports", **fields)

    return add


def check(evidence: Evidence) -> LinkCheck:
    """Check one link now, as a run would (read afresh, as a run reads it)."""
    result = linkcheck.check_link(Evidence.objects.get(pk=evidence.pk))
    assert result is not None
    evidence.refresh_from_db()
    return result


# --- What an answer means ------------------------------------------------------------------------


def test_a_working_link_is_marked_working(server, link):
    evidence = link(server.url("/good"))
    done = check(evidence)
    assert (done.outcome, done.status_code, done.method, done.error) == ("ok", 200, "HEAD", "")
    assert evidence.link_health == "ok"
    assert evidence.link_checked_at == done.checked_at
    assert evidence.link_check_started_at is None


def test_a_server_that_refuses_head_is_checked_with_get(server, link):
    evidence = link(server.url("/no-head"))
    done = check(evidence)
    assert (done.outcome, done.status_code, done.method) == ("ok", 200, "GET")
    assert evidence.link_health == "ok"


def test_one_404_is_a_failure_but_does_not_mark_the_link_broken(server, link):
    evidence = link(server.url("/gone"), link_health="ok")
    done = check(evidence)
    assert (done.outcome, done.status_code) == ("failed", 404)
    assert done.error == "The site answered “404 Not Found”."
    assert (evidence.link_health, evidence.link_failures) == ("ok", 1)
    assert evidence.link_failing_since == done.checked_at
    assert evidence.link_broken_since is None


def test_two_failures_in_a_row_mark_the_link_broken_since_the_first(server, link):
    evidence = link(server.url("/gone"))
    first, second = check(evidence), check(evidence)
    assert second.checked_at > first.checked_at
    assert (evidence.link_health, evidence.link_failures) == ("broken", 2)
    assert evidence.link_broken_since == first.checked_at


def test_the_number_of_failures_that_break_a_link_is_a_setting(server, link, settings):
    settings.LINK_CHECK_BROKEN_AFTER = 3
    evidence = link(server.url("/gone"))
    check(evidence), check(evidence)
    assert evidence.link_health == "unchecked"
    check(evidence)
    assert evidence.link_health == "broken"


def test_a_500_then_a_200_is_a_passing_fault(server, link):
    server.routes["/flaky"] = status(500)
    evidence = link(server.url("/flaky"), link_health="ok")
    check(evidence)
    server.routes["/flaky"] = status(200)
    check(evidence)
    assert (evidence.link_health, evidence.link_failures, evidence.link_failing_since) == (
        "ok",
        0,
        None,
    )
    history = evidence.link_checks.all()  # newest first
    assert [(c.outcome, c.status_code) for c in history] == [("ok", 200), ("failed", 500)]


def test_a_working_answer_mends_a_broken_link(server, link):
    evidence = link(server.url("/good"), link_health="broken", link_failures=3)
    evidence.link_failing_since = timezone.now() - 48 * HOUR
    evidence.save()
    check(evidence)
    assert (evidence.link_health, evidence.link_failures, evidence.link_broken_since) == (
        "ok",
        0,
        None,
    )


def test_a_server_that_does_not_answer_in_time_is_a_failure(server, link):
    evidence = link(server.url("/slow"))
    done = check(evidence)
    assert (done.outcome, done.status_code) == ("failed", None)
    assert "did not answer in time" in done.error
    assert evidence.link_failures == 1


def test_a_redirect_to_a_private_address_is_refused_not_broken(server, link):
    evidence = link(server.url("/to-metadata"))
    first, second = check(evidence), check(evidence)
    assert first.outcome == second.outcome == "refused"
    assert "169.254.169.254 is on a private or reserved network" in second.error
    assert (evidence.link_health, evidence.link_failures, evidence.link_broken_since) == (
        "refused",
        0,
        None,
    )


def test_a_redirect_chain_to_a_good_page_is_working_and_keeps_where_it_ended(server, link):
    evidence = link(server.url("/hop-1"))
    done = check(evidence)
    assert (done.outcome, done.url, done.final_url) == ("ok", evidence.url, server.url("/good"))
    assert check(link(server.url("/good"))).final_url == ""  # only when it is elsewhere


def test_a_new_address_starts_unchecked(server, link):
    evidence = link(server.url("/gone"))
    check(evidence), check(evidence)
    evidence.url = server.url("/good")
    evidence.save()
    evidence.refresh_from_db()
    assert (evidence.link_health, evidence.link_failures, evidence.link_checked_at) == (
        "unchecked",
        0,
        None,
    )


def test_a_check_of_the_old_address_is_not_recorded_against_the_new_one(link, monkeypatch):
    evidence = link("https://old.example/page")

    def moved_meanwhile(url, *, policy):
        changed = Evidence.objects.get(pk=evidence.pk)
        changed.url = "https://new.example/page"
        changed.save()
        return LinkStatus(url, 404, "Not Found", "HEAD")

    monkeypatch.setattr(linkcheck.fetching, "probe", moved_meanwhile)
    done = check(evidence)
    assert (done.url, done.outcome) == ("https://old.example/page", "failed")  # in the history
    assert (evidence.url, evidence.link_failures, evidence.link_checked_at) == (
        "https://new.example/page",
        0,
        None,
    )


# --- Which links are due -------------------------------------------------------------------------


def test_links_are_due_when_never_checked_or_checked_long_ago_failures_sooner(link, settings):
    settings.LINK_CHECK_INTERVAL_HOURS, settings.LINK_CHECK_RETRY_HOURS = 24, 4
    now = timezone.now()
    never = link("https://a.example/never")
    stale = link("https://a.example/stale", link_health="ok", link_checked_at=now - 25 * HOUR)
    fresh = link("https://a.example/fresh", link_health="ok", link_checked_at=now - 5 * HOUR)
    suspect = link("https://a.example/suspect", link_failures=1, link_checked_at=now - 5 * HOUR)
    link("https://a.example/suspect-new", link_failures=1, link_checked_at=now - 3 * HOUR)
    broken = {"link_health": "broken", "link_failures": 2}
    link("https://a.example/broken", link_checked_at=now - 5 * HOUR, **broken)
    broken_stale = link("https://a.example/b-old", link_checked_at=now - 30 * HOUR, **broken)
    due = list(linkcheck.due(now))
    assert due == [never, broken_stale, stale, suspect]  # never checked first, then oldest
    assert fresh not in due


def test_a_run_checks_a_bounded_batch_oldest_first(server, link):
    now = timezone.now()
    links = [
        link(server.url(f"/good?{i}"), link_checked_at=now - (30 + i) * HOUR) for i in range(4)
    ]
    report = linkcheck.run(limit=2)
    assert [(c.evidence, c.outcome) for c in report.checks] == [(links[3], "ok"), (links[2], "ok")]
    assert [r.path for r in server.requests] == ["/good?3", "/good?2"]


def test_a_link_being_checked_by_another_run_is_left_alone_until_its_claim_lapses(server, link):
    evidence = link(server.url("/good"), link_check_started_at=timezone.now())
    assert linkcheck.run().checks == []
    Evidence.objects.filter(pk=evidence.pk).update(
        link_check_started_at=timezone.now() - linkcheck.claim_lapse() - HOUR
    )  # its worker died
    assert [c.evidence for c in linkcheck.run().checks] == [evidence]


def test_a_link_read_before_another_run_checked_it_is_not_checked_again(server, link):
    evidence = link(server.url("/good"))
    stale = Evidence.objects.get(pk=evidence.pk)
    assert linkcheck.check_link(Evidence.objects.get(pk=evidence.pk)) is not None
    assert linkcheck.check_link(stale) is None
    assert LinkCheck.objects.count() == 1 and len(server.requests) == 1


# --- Politeness ----------------------------------------------------------------------------------


def gaps(requests) -> list[float]:
    return [b.at - a.at for a, b in itertools.pairwise(requests)]


def test_one_host_gets_one_check_per_delay(server, link):
    for i in range(4):
        link(server.url(f"/good?{i}"))
    report = linkcheck.run()
    assert report.counts()["ok"] == 4
    assert len(server.requests) == 4
    assert min(gaps(server.requests)) >= 0.95, gaps(server.requests)


def test_a_host_waits_for_its_turn_across_runs(server, link):
    link(server.url("/good?1"))
    linkcheck.run()
    link(server.url("/good?2"))
    linkcheck.run()  # another run, as on another worker: the same token in the shared cache
    assert gaps(server.requests)[0] >= 0.95


def test_the_delay_counts_from_the_end_of_a_slow_check(server, link):
    link(server.url("/slow?1")), link(server.url("/slow?2"))
    linkcheck.run()  # each check waits half a second for an answer that does not come
    assert gaps(server.requests)[0] >= 1.45


def test_hosts_take_turns(servers, link):
    for i in range(3):
        for server in servers:
            link(server.url(f"/good?{i}"))
    started = time.monotonic()
    linkcheck.run()
    took = time.monotonic() - started
    merged = sorted((r.at, n) for n, server in enumerate(servers) for r in server.requests)
    assert [n for _, n in merged] == [0, 1, 0, 1, 0, 1]
    assert took < 3.5  # two hosts in parallel turns: about 2 s, not the 5 s of one after another


def test_a_run_starts_no_check_once_its_time_is_spent(server, link):
    for i in range(5):
        link(server.url(f"/good?{i}"))
    report = linkcheck.run(budget=1.5)
    assert (report.counts()["checked"], report.left) == (2, 3)
    assert len(linkcheck.due()) == 3  # left unclaimed, for the next run


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_check_each_link_once(servers, link):
    for i in range(3):
        for server in servers:
            link(server.url(f"/good?{i}"))
    reports = []

    def run() -> None:
        try:
            reports.append(linkcheck.run())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(r.counts()["checked"] for r in reports) == 6
    assert sorted(LinkCheck.objects.values_list("evidence", flat=True)) == sorted(
        Evidence.objects.values_list("pk", flat=True)
    )
    for server in servers:
        assert sorted(r.path for r in server.requests) == [f"/good?{i}" for i in range(3)]
        assert min(gaps(server.requests)) >= 0.95  # and the hosts were spared all the same


# --- The command, the task and beat --------------------------------------------------------------


def test_the_command_checks_one_claims_links_and_says_what_it_found(server, link, capsys):
    evidence = link(server.url("/gone"), link_failures=1, link_checked_at=timezone.now())
    link(server.url("/good"))  # another claim's
    call_command("check_links", "--claim", str(evidence.claim_id))
    out = capsys.readouterr().out
    assert f"failed: {evidence.url} (404 HEAD; claim #{evidence.claim_id})" in out
    assert "The site answered “404 Not Found”." in out and "[broken since" in out
    assert "checked 1: working 0, failed 1, address refused 0" in out
    assert "broken links: 1" in out


def test_the_command_checks_every_link_with_all_due_or_not(server, link, capsys):
    link(server.url("/good?a"), link_health="ok", link_checked_at=timezone.now())
    link(server.url("/good?b"))
    call_command("check_links", "--all")
    assert "checked 2: working 2" in capsys.readouterr().out


def test_the_command_without_options_checks_only_what_is_due(server, link, capsys):
    link(server.url("/good?a"), link_health="ok", link_checked_at=timezone.now())
    link(server.url("/good?b"))
    call_command("check_links")
    assert "checked 1: working 1" in capsys.readouterr().out


def test_the_command_refuses_an_unknown_claim(db):
    with pytest.raises(CommandError, match="There is no claim #999"):
        call_command("check_links", "--claim", "999")


def test_the_task_checks_a_batch_of_the_size_set(server, link, settings):
    from claims.tasks import check_links

    settings.LINK_CHECK_BATCH_SIZE = 1
    link(server.url("/good?a")), link(server.url("/gone"))
    assert check_links() == {
        "checked": 1,
        "ok": 1,
        "failed": 0,
        "refused": 0,
        "skipped": 0,
        "left": 0,
    }


def test_beat_runs_the_link_check_task():
    from django.conf import settings as real

    from factcheck.celery import app

    entry = real.CELERY_BEAT_SCHEDULE["check-links"]
    assert entry["task"] == "claims.tasks.check_links"
    assert entry["schedule"].run_every == dt.timedelta(seconds=real.LINK_CHECK_SWEEP_SECONDS)
    app.loader.import_default_modules()
    assert "claims.tasks.check_links" in app.tasks
