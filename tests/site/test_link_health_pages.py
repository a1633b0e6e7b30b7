"""What link checks show: "link broken since …" with an archived copy on the verdict page, the
admin's "Broken evidence links" queue, each link's history on the claim's and the evidence's admin
pages, the filters, and cached public pages dropped when a link's health changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from claims.evidence import linkcheck
from claims.models import Evidence, LinkCheck
from factcheck.lib import page_cache
from factcheck.lib.fetching import LinkStatus

FIRST_FAILURE = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)


def add_link(claim, url: str, **fields) -> Evidence:
    return Evidence.objects.create(
        claim=claim, url=url, title=f"Page {url}", stance="refutes", **fields
    )


def fail_twice(evidence: Evidence, first: dt.datetime = FIRST_FAILURE) -> Evidence:
    """Record two failed checks (a 404 at `first`, again a day later): the link is broken."""
    gone = LinkStatus(evidence.url, 404, "Not Found", "HEAD")
    for at in (first, first + dt.timedelta(days=1)):
        evidence = Evidence.objects.get(pk=evidence.pk)
        linkcheck.record(evidence, gone, None, at=at)
    return Evidence.objects.get(pk=evidence.pk)


@pytest.fixture
def broken(watching_claim) -> Evidence:
    return fail_twice(add_link(watching_claim, "https://gone.example/report"))


# --- The verdict page ----------------------------------------------------------------------------


def test_the_verdict_page_says_since_when_a_link_is_broken_and_offers_an_archived_copy(
    client, broken
):
    body = client.get(broken.claim.get_absolute_url()).content.decode()
    day = formats.date_format(FIRST_FAILURE, "DATE_FORMAT")
    assert f"link broken since {day}" in body
    assert '<a href="https://web.archive.org/web/*/https://gone.example/report"' in body
    assert '<a href="https://gone.example/report" rel="nofollow noopener">' in body  # still there


def test_the_date_is_in_the_pages_language_format(client, broken):
    body = client.get(f"/fr{broken.claim.get_absolute_url()}").content.decode()
    assert "3 décembre 2026" in body


def test_readers_see_only_a_broken_link_as_such(client, watching_claim):
    """A working link, or one not checked yet, is just a link: "(link not checked yet)" read as
    "we did not check our sources"."""
    fine = add_link(watching_claim, "https://fine.example/")
    linkcheck.record(fine, LinkStatus(fine.url, 200, "OK", "HEAD"), None, at=FIRST_FAILURE)
    add_link(watching_claim, "https://new.example/")
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert 'href="https://fine.example/"' in body and 'href="https://new.example/"' in body
    assert "link working" not in body and "not checked" not in body
    assert "web.archive.org" not in body


def test_one_failure_changes_nothing_readers_see(client, watching_claim):
    evidence = add_link(watching_claim, "https://wobbly.example/")
    linkcheck.record(evidence, LinkStatus(evidence.url, 503, "", "GET"), None, at=FIRST_FAILURE)
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert 'href="https://wobbly.example/"' in body and "broken" not in body


def test_broken_links_add_no_queries_to_the_verdict_page(
    client, watching_claim, django_assert_num_queries
):
    fail_twice(add_link(watching_claim, "https://gone.example/0"))
    url = watching_claim.get_absolute_url()
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for i in range(1, 10):
        fail_twice(add_link(watching_claim, f"https://gone.example/{i}"))
    with django_assert_num_queries(len(one)):
        assert client.get(url).content.decode().count("link broken since") == 10


def test_a_change_of_health_drops_cached_pages_and_a_mere_check_does_not(
    client, watching_claim, settings
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    evidence = add_link(watching_claim, "https://gone.example/")
    url = watching_claim.get_absolute_url()
    gone = LinkStatus(evidence.url, 404, "Not Found", "HEAD")
    client.get(url)
    version = cache.get(page_cache.VERSION_KEY)
    linkcheck.record(Evidence.objects.get(pk=evidence.pk), gone, None, at=FIRST_FAILURE)
    assert cache.get(page_cache.VERSION_KEY) == version  # readers see no change: pages stay
    linkcheck.record(Evidence.objects.get(pk=evidence.pk), gone, None, at=timezone.now())
    assert "link broken since" in client.get(url).content.decode()


# --- The admin -----------------------------------------------------------------------------------


def test_the_admin_front_page_lists_broken_links_with_their_claim(client, broken, reviewer):
    client.force_login(reviewer)
    body = client.get(reverse("admin:index")).content.decode()
    assert "Broken evidence links (1, 1 on your claims)" in body
    assert reverse("admin:claims_claim_change", args=[broken.claim_id]) in body
    assert "broken since 3 Dec 2026" in body


def test_a_reviewer_sees_the_broken_links_of_their_own_claims_first(
    client, make_claim, other_reviewer, reviewer
):
    theirs = fail_twice(add_link(make_claim("Theirs", reviewer=other_reviewer), "https://a.ex/1"))
    mine = fail_twice(
        add_link(make_claim("Mine"), "https://a.ex/2"), FIRST_FAILURE + dt.timedelta(1)
    )
    assert list(linkcheck.broken_links(reviewer)) == [mine, theirs]
    assert list(linkcheck.broken_links(other_reviewer)) == [theirs, mine]
    client.force_login(reviewer)
    body = client.get(reverse("admin:index")).content.decode()
    assert body.index("https://a.ex/2") < body.index("https://a.ex/1")


def test_a_publisher_sees_every_broken_link_longest_broken_first(
    make_claim, other_reviewer, publisher
):
    later = fail_twice(add_link(make_claim("A"), "https://a.ex/1"), FIRST_FAILURE + dt.timedelta(3))
    first = fail_twice(add_link(make_claim("B", reviewer=other_reviewer), "https://a.ex/2"))
    add_link(make_claim("C"), "https://a.ex/3")  # not broken
    assert list(linkcheck.broken_links(publisher)) == [first, later]


def test_the_admin_front_page_says_when_nothing_is_broken(client, reviewer):
    client.force_login(reviewer)
    assert "Broken evidence links (0)" in client.get(reverse("admin:index")).content.decode()


def test_the_claims_page_shows_each_links_health_and_history(client, broken, reviewer):
    client.force_login(reviewer)
    body = client.get(reverse("admin:claims_claim_change", args=[broken.claim_id])).content
    body = body.decode()
    assert "broken since 3 Dec 2026, 9:30 a.m." in body  # the site language's own format
    assert body.count("The site answered “404 Not Found”.") == 2  # both checks
    assert "404 (HEAD)" in body


def test_the_evidence_page_shows_its_whole_history(client, broken, reviewer):
    client.force_login(reviewer)
    body = client.get(reverse("admin:claims_evidence_change", args=[broken.pk])).content.decode()
    assert body.count("The site answered “404 Not Found”.") == LinkCheck.objects.count() == 2


def test_claims_and_evidence_are_filtered_on_link_health(client, broken, make_claim, reviewer):
    fine = add_link(make_claim("Fine links"), "https://fine.example/")
    client.force_login(reviewer)
    claims = client.get(reverse("admin:claims_claim_changelist"), {"links": "broken"})
    assert list(claims.context["cl"].result_list) == [broken.claim]
    evidence = client.get(reverse("admin:claims_evidence_changelist"), {"link_health": "broken"})
    assert list(evidence.context["cl"].result_list) == [broken]
    unchecked = client.get(
        reverse("admin:claims_evidence_changelist"), {"link_health": "unchecked"}
    )
    assert list(unchecked.context["cl"].result_list) == [fine]
