"""The API's reads: only public data for the public, the list's filters, pages, CSV, ETags and
304s, the anonymous throttle, and query counts that do not grow with the page."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.api.base import Pagination
from claims.models import Claimant, Evidence, Source
from factcheck.lib import page_cache
from tests.support.data import rating, write_verdict

SECRETS = [
    "SECRET-DRAFT-CLAIM",
    "SECRET-IN-REVIEW",
    "SECRET-DRAFT-VERDICT",
    "SECRET-SEND-BACK",
    "SECRET-OUTCOME-NOTE",
    "SECRET-EVIDENCE",
    "Secret Claimant",
    "Secret Outlet",
]


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def newsroom(editor) -> APIClient:
    return token_client(editor)


@pytest.fixture
def world(make_claim, publish_claim, reviewer, publisher, watching_claim):
    """A public claim with secrets around it: drafts, a claim in review, a draft verdict on a
    published claim, a sent-back reason, an outcome note waiting for approval, a retraction."""
    secret_source = Source.objects.create(name="Secret Outlet")
    secret_article = watching_claim.article.__class__.objects.create(
        source=secret_source, headline="Secret", url="https://secret.example/a"
    )
    draft = make_claim(
        "SECRET-DRAFT-CLAIM about tax.",
        claimant=Claimant.objects.create(name="Secret Claimant"),
        article=secret_article,
    )
    Evidence.objects.create(
        claim=draft, url="https://e.example/1", title="SECRET-EVIDENCE", stance="supports"
    )
    in_review = make_claim("SECRET-IN-REVIEW about tax.")
    write_verdict(in_review, reviewer, "false", "SECRET-SEND-BACK target")
    workflow.submit(in_review, by=reviewer)
    workflow.send_back(in_review, by=publisher, reason="SECRET-SEND-BACK reason")
    workflow.submit(in_review, by=reviewer)
    accurate = publish_claim(make_claim("Taxes rose by ten percent.", deadline=None), "true")
    write_verdict(accurate, reviewer, "false", "SECRET-DRAFT-VERDICT")
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(
        watching_claim,
        by=reviewer,
        rating=rating("fulfilled"),
        note="SECRET-OUTCOME-NOTE",
        happened_on=dt.date(2024, 1, 20),
    )
    retracted = publish_claim(make_claim("A claim that was wrong to log."), "false")
    workflow.retract(retracted, by=publisher, reason="Logged twice.")
    return {
        "watching": watching_claim,
        "accurate": accurate,
        "retracted": retracted,
        "draft": draft,
    }


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]


# --- Only public data ---------------------------------------------------------------------------

PUBLIC_URLS = [
    "/api/claims/",
    "/api/verdicts/",
    "/api/evidence/",
    "/api/sources/",
    "/api/claimants/",
    "/api/articles/",
    "/api/claims/?q=tax",
    "/api/claims/?format=csv",
    "/api/verdicts/?format=csv",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_the_public_never_sees_a_secret(api, world, url):
    response = api.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert [secret for secret in SECRETS if secret in body] == []


def test_staff_without_a_role_see_what_the_public_sees(world, outsider):
    body = token_client(outsider).get("/api/claims/").content.decode()
    assert "SECRET-DRAFT-CLAIM" not in body and "SECRET-IN-REVIEW" not in body
    assert "Taxes rose" in body


def test_public_list_holds_published_and_retracted_claims(api, world):
    listed = ids(api.get("/api/claims/"))
    expected = {world["watching"].pk, world["accurate"].pk, world["retracted"].pk}
    assert set(listed) == expected


def test_a_draft_and_what_only_it_names_are_not_found_for_the_public(api, world):
    draft = world["draft"]
    assert api.get(f"/api/claims/{draft.pk}/").status_code == 404
    assert api.get(f"/api/evidence/{draft.evidence.get().pk}/").status_code == 404
    assert api.get(f"/api/claimants/{draft.claimant_id}/").status_code == 404
    assert api.get(f"/api/sources/{draft.article.source_id}/").status_code == 404
    assert api.get(f"/api/articles/{draft.article_id}/").status_code == 404


def test_a_claim_comes_with_its_current_verdict_and_history(api, world, publisher, reviewer):
    claim = world["accurate"]
    body = api.get(f"/api/claims/{claim.pk}/").json()
    assert body["current_verdict"]["rating"]["slug"] == "true"
    assert [v["rating"]["slug"] for v in body["verdicts"]] == ["true"]
    assert body["open_verdict"] is None and body["reviewer"] is None
    assert body["verdicts"][0]["author"] is None
    assert body["page"].endswith(claim.get_absolute_url())


def test_the_history_keeps_every_published_verdict_newest_first(api, world, publisher):
    claim = world["watching"]
    workflow.publish(claim, by=publisher)
    body = api.get(f"/api/claims/{claim.pk}/").json()
    assert [v["rating"]["slug"] for v in body["verdicts"]] == ["fulfilled", "pending"]
    assert body["current_verdict"]["rating"]["slug"] == "fulfilled"
    assert body["tracking"] == "resolved"
    timeline = body["timeline"]
    assert sorted(event["kind"] for event in timeline) == ["fell_due", "published", "resolved"]
    assert [event["at"] for event in timeline] == sorted(event["at"] for event in timeline)


def test_a_retracted_claim_says_so_and_why(api, world):
    body = api.get(f"/api/claims/{world['retracted'].pk}/").json()
    assert body["status"] == "retracted"
    assert body["retraction"]["reason"] == "Logged twice."


def test_the_newsroom_sees_drafts_and_verdicts_in_the_works(newsroom, world):
    listed = ids(newsroom.get("/api/claims/?page_size=100"))
    assert world["draft"].pk in listed
    body = newsroom.get(f"/api/claims/{world['accurate'].pk}/").json()
    assert body["open_verdict"]["summary"] == "SECRET-DRAFT-VERDICT"
    assert body["open_verdict"]["author"] == "rita"
    assert body["reviewer"] == "rita"


def test_public_verdicts_are_published_ones_of_public_claims(api, world):
    statuses = {v["status"] for v in api.get("/api/verdicts/").json()["results"]}
    assert statuses == {"published"}


def test_ratings_and_topics_are_listed_by_slug(api, db):
    ratings = api.get("/api/ratings/").json()
    assert "pending" in [r["slug"] for r in ratings]
    assert api.get("/api/ratings/pending/").json()["is_final"] is False
    assert api.get("/api/topics/").json() == []


# --- The list's filters, search and pages -------------------------------------------------------


def test_search_and_filters_are_the_public_lists(api, world):
    assert ids(api.get("/api/claims/?q=taxes")) == [world["accurate"].pk]
    assert ids(api.get("/api/claims/?rating=true")) == [world["accurate"].pk]
    assert ids(api.get("/api/claims/?tracking=due")) == [world["watching"].pk]
    no_deadline = {world["accurate"].pk, world["retracted"].pk}
    assert set(ids(api.get("/api/claims/?has_deadline=false"))) == no_deadline


def test_sort_by_deadline_puts_claims_without_one_last(api, world):
    listed = ids(api.get("/api/claims/?sort=deadline"))
    assert listed[0] == world["watching"].pk
    assert set(listed[1:]) == {world["accurate"].pk, world["retracted"].pk}


@pytest.mark.parametrize(
    "query", ["said_from=yesterday", "rating=no-such-rating", "tracking=sleeping"]
)
def test_a_bad_filter_is_a_400_not_a_silent_list(api, world, query):
    response = api.get(f"/api/claims/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_pages_follow_page_and_page_size(api, world):
    first = api.get("/api/claims/?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 1
    assert {*ids_of(first), *ids_of(second)} == {
        world["watching"].pk,
        world["accurate"].pk,
        world["retracted"].pk,
    }
    assert api.get("/api/claims/?page=9").status_code == 404


def ids_of(page: dict) -> list[int]:
    return [item["id"] for item in page["results"]]


def test_page_size_is_capped(api, world, monkeypatch):
    monkeypatch.setattr(Pagination, "max_page_size", 2)
    assert len(api.get("/api/claims/?page_size=100000").json()["results"]) == 2


# --- CSV ----------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_claims_as_csv_follow_the_filters(api, world):
    response = api.get("/api/claims/?format=csv&q=taxes")
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert rows[0][:2] == ["id", "statement"]
    assert [row[0] for row in rows[1:]] == [str(world["accurate"].pk)]
    assert rows[1][rows[0].index("rating")] == "True"
    assert response["X-Total-Count"] == "1"


def test_csv_pages_are_linked(api, world):
    response = api.get("/api/claims/?format=csv&page_size=1")
    assert len(read_csv(response)) == 2
    assert 'rel="next"' in response["Link"] and "format=csv" in response["Link"]


def test_verdicts_as_csv(api, world):
    rows = read_csv(api.get("/api/verdicts/?format=csv"))
    assert rows[0][:3] == ["id", "claim_id", "claim"]
    assert {row[rows[0].index("status")] for row in rows[1:]} == {"published"}


def test_an_error_asked_for_as_csv_is_json(api, world):
    response = api.get("/api/claims/?format=csv&said_from=never")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "said_from" in response.json()


def test_csv_is_offered_on_lists_only(api, world):
    assert api.get(f"/api/claims/{world['accurate'].pk}/?format=csv").status_code == 404


# --- ETag, Last-Modified, 304 -------------------------------------------------------------------


@pytest.fixture(params=["versioned", "hashed"])
def validator(request, settings):
    """Both ways an ETag is made: from the page cache's version, or from the body."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300 if request.param == "versioned" else 0
    if request.param == "versioned":
        cache.set(page_cache.VERSION_KEY, 1, timeout=None)
    return request.param


def test_a_read_has_an_etag_and_a_matching_one_gets_304(api, world, validator):
    first = api.get("/api/claims/")
    assert first["ETag"] and first["Last-Modified"]
    again = api.get("/api/claims/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    since = api.get("/api/claims/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_publish_changes_the_etag_at_once(api, world, publisher, validator):
    claim = world["watching"]
    before = api.get(f"/api/claims/{claim.pk}/")
    workflow.publish(claim, by=publisher)
    after = api.get(f"/api/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["tracking"] == "resolved"
    assert after["ETag"] != before["ETag"]


def test_an_evidence_edit_changes_the_etag(api, world, validator):
    claim = world["accurate"]
    evidence = Evidence.objects.create(
        claim=claim, url="https://e.example/2", title="Old title", stance="supports"
    )
    before = api.get(f"/api/claims/{claim.pk}/")
    evidence.title = "New title"
    evidence.save()
    after = api.get(f"/api/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and "New title" in after.content.decode()


def test_public_and_newsroom_never_share_an_etag(api, newsroom, world, validator):
    public = api.get(f"/api/claims/{world['watching'].pk}/")
    staff = newsroom.get(f"/api/claims/{world['watching'].pk}/")
    assert public["ETag"] != staff["ETag"]
    assert staff["Cache-Control"].startswith("private")
    replay = newsroom.get(f"/api/claims/{world['watching'].pk}/", HTTP_IF_NONE_MATCH=public["ETag"])
    assert replay.status_code == 200


def test_json_and_csv_do_not_share_an_etag(api, world, validator):
    assert api.get("/api/claims/")["ETag"] != api.get("/api/claims/?format=csv")["ETag"]


def test_a_versioned_304_costs_no_query(api, world, validator):
    etag = api.get("/api/claims/")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/claims/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    if validator == "versioned":
        assert len(queries) == 0
    else:  # a hashed ETag is known only once the body is made
        assert len(queries) == count_queries(api, "/api/claims/")


# --- Throttling ---------------------------------------------------------------------------------


def test_anonymous_requests_are_throttled_in_the_shared_cache(api, world, settings, editor):
    settings.API_ANON_THROTTLE_RATE = "3/minute"
    assert [api.get("/api/ratings/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert int(api.get("/api/ratings/")["Retry-After"]) > 0
    assert cache.get("throttle_anon_127.0.0.1")  # the history lives in the default cache
    assert token_client(editor).get("/api/ratings/").status_code == 200


def test_a_made_up_forwarded_for_does_not_dodge_the_throttle(api, db, settings):
    """No proxy is trusted by default: X-Forwarded-For is the client's own words."""
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    codes = [
        api.get("/api/ratings/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_behind_one_proxy_the_throttle_counts_the_address_it_saw(api, db, settings):
    settings.API_ANON_THROTTLE_RATE = "1/minute"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    first = api.get("/api/ratings/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.1")
    again = api.get("/api/ratings/", HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.1")
    other = api.get("/api/ratings/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.2")
    assert [first.status_code, again.status_code, other.status_code] == [200, 429, 200]


def test_the_default_setting_trusts_no_proxy():
    from django.conf import settings as real

    assert real.REST_FRAMEWORK["NUM_PROXIES"] == 0


def test_the_throttle_rate_comes_from_settings(api, db, settings):
    settings.API_ANON_THROTTLE_RATE = "1/minute"
    assert [api.get("/api/topics/").status_code for _ in range(2)] == [200, 429]


# --- Query counts -------------------------------------------------------------------------------


@pytest.fixture
def many(world, make_claim, publish_claim):
    claimant = Claimant.objects.create(name="Ahmad Jadayan")
    claimant.aliases.create(name="Ahmed Jidyan")
    for number in range(20):
        claim = publish_claim(
            make_claim(f"Claim number {number} about bridges.", claimant=claimant), "true"
        )
        Evidence.objects.create(
            claim=claim, url=f"https://e.example/n{number}", title="x", stance="context"
        )
    return world


LIST_QUERIES = 6  # count, claims, verdicts, topics, aliases, the claimant filter's size
DETAIL_QUERIES = 6  # claim, verdicts, topics, aliases, evidence, timeline


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_the_page(api, world, many, django_assert_max_num_queries):
    small = count_queries(api, "/api/claims/?page_size=1")
    with django_assert_max_num_queries(LIST_QUERIES):
        body = api.get("/api/claims/?page_size=50").json()
    assert len(body["results"]) == 23
    assert count_queries(api, "/api/claims/?page_size=50") == small


def test_newsroom_list_queries_do_not_grow_either(newsroom, many):
    assert count_queries(newsroom, "/api/claims/?page_size=1") == count_queries(
        newsroom, "/api/claims/?page_size=50"
    )


def test_detail_queries(api, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert api.get(f"/api/claims/{world['watching'].pk}/").status_code == 200


def test_csv_queries_do_not_grow_with_the_page(api, many):
    assert count_queries(api, "/api/claims/?format=csv&page_size=1") == count_queries(
        api, "/api/claims/?format=csv&page_size=50"
    )
