"""ClaimReview in and out: the export feed and its endpoint, the import of every accepted shape,
rating mapping, idempotency, bad files, and the round trip export → import → export."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import extruct
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from claims import workflow
from claims.claimreview import feed as claimreview
from claims.claimreview import importer as claimreview_import
from claims.claimreview.formats import GivenRating, ItemError, parse_document
from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimEvent,
    DatePrecision,
    Evidence,
    Notification,
    Source,
    Verdict,
)
from tests.support.data import rating, write_verdict

FIXTURES = Path(__file__).parents[1] / "fixtures" / "claimreview"


# --- Helpers ------------------------------------------------------------------------------------


def export_text(*args: str) -> str:
    out = io.StringIO()
    call_command("export_claimreview", *args, stdout=out)
    return out.getvalue()


def export_feed() -> dict:
    return json.loads(export_text())


def items(feed: dict) -> list[dict]:
    return [element["item"] for element in feed["dataFeedElement"]]


def run_import(source: str | Path, as_user: str, stdin: str = "") -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of import_claimreview."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "import_claimreview",
            str(source),
            "--as",
            as_user,
            stdout=out,
            stderr=err,
            stdin=io.StringIO(stdin),
        )
    except CommandError as error:
        return 1, out.getvalue(), f"{err.getvalue()}{error}"
    return 0, out.getvalue(), err.getvalue()


def page_claimreviews(client, claim: Claim) -> list[dict]:
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    data = extruct.extract(
        response.content.decode(), base_url="http://testserver/", syntaxes=["json-ld"]
    )
    return [item for item in data["json-ld"] if item.get("@type") == "ClaimReview"]


NEWSROOM = (Source, Claimant, Article, Claim, Verdict, ClaimEvent)


def snapshot() -> dict[str, list[dict]]:
    """Every row the import could write, as values, to compare before and after."""
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in NEWSROOM}
    rows["appearances"] = list(Claim.appearances.through.objects.order_by("pk").values())
    return rows


def empty_the_newsroom() -> None:
    """As a new database would be: rows removed in SQL, past the guards that keep published
    verdicts and public claims from ever being deleted."""
    tables = (ClaimEvent, Notification, Evidence, Verdict, Claim, Article, Claimant, Source)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Claim.appearances.through._meta.db_table}")
        cursor.execute(f"DELETE FROM {Claim.topics.through._meta.db_table}")
        for model in tables:
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


@pytest.fixture
def newsroom(settings, make_claim, publish_claim, article, reviewer, publisher):
    """Published claims of every kind, and some that must never be exported."""
    settings.SITE_URL = "https://checks.example"
    settings.ORGANIZATION_NAME = "The Checkers"
    settings.ORGANIZATION_URL = "https://checkers.example"
    person = Claimant.objects.create(
        name="Mara Quill",
        role="Mayor of Demoville",
        affiliation="City Council",
        same_as="https://www.wikidata.org/wiki/Q1",
    )
    accuracy = make_claim("The city budget grew by 40 percent.", claimant=person)
    # Two on the same day, one undated: their order must survive the round trip too.
    for url, day in (
        ("https://daily.example/a", 20),
        ("https://daily.example/b", 20),
        ("https://daily.example/later", None),
    ):
        later = Article.objects.create(
            source=article.source,
            url=url,
            headline="Again",
            published_on=dt.date(2024, 1, day) if day else None,
        )
        accuracy.appearances.add(later)
    publish_claim(accuracy, "mostly-false")
    month = Article.objects.create(
        source=article.source,
        url="https://daily.example/2019/07/x",
        headline="July",
        published_on=dt.date(2019, 7, 1),
        published_precision=DatePrecision.MONTH,
    )
    publish_claim(make_claim("Something happened in July.", article=month), "true")
    publish_claim(make_claim("The tunnel opens by 29 January.", deadline=dt.date(2024, 1, 29)))
    resolved = publish_claim(make_claim("The pier reopens soon.", deadline=dt.date(2024, 1, 20)))
    workflow.mark_due(resolved, as_of=dt.date(2024, 2, 1))
    workflow.resolve(resolved, by=reviewer, rating=rating("not-fulfilled"), note="Still shut.")
    workflow.publish(resolved, by=publisher)
    # Never in the feed: a draft, a claim in review, a retracted claim, a verdict being redrafted.
    write_verdict(make_claim("A draft claim."), reviewer, "false", "DRAFT SUMMARY")
    in_review = make_claim("A claim in review.")
    write_verdict(in_review, reviewer, "false", "IN REVIEW SUMMARY")
    workflow.submit(in_review, by=reviewer)
    retracted = publish_claim(make_claim("A retracted claim."), "false")
    workflow.retract(retracted, by=publisher, reason="Wrong speaker.")
    write_verdict(accuracy, reviewer, "false", "REDRAFT SUMMARY")
    return accuracy


# --- Export ---------------------------------------------------------------------------------------


def test_the_export_is_a_datafeed_of_the_verdict_pages_claimreviews(client, newsroom):
    feed = export_feed()
    assert feed["@context"] == "https://schema.org"
    assert feed["@type"] == "DataFeed"
    assert feed["url"] == "https://checks.example/api/claimreview.json"
    elements = feed["dataFeedElement"]
    assert {element["@type"] for element in elements} == {"DataFeedItem"}
    public = Claim.objects.filter(status=Claim.Status.PUBLISHED).order_by("first_published_at")
    assert items(feed) == [page_claimreviews(client, claim)[0] for claim in public]


def test_the_export_has_the_current_verdict_of_published_claims_only(newsroom):
    text = export_text()
    reviewed = [item["claimReviewed"] for item in items(json.loads(text))]
    assert sorted(reviewed) == sorted(
        [
            "The city budget grew by 40 percent.",
            "Something happened in July.",
            "The tunnel opens by 29 January.",
            "The pier reopens soon.",
        ]
    )
    for unpublished in ("DRAFT", "IN REVIEW", "REDRAFT", "retracted", "Wrong speaker"):
        assert unpublished not in text
    pier = next(item for item in items(json.loads(text)) if "pier" in item["claimReviewed"])
    assert pier["reviewRating"]["alternateName"] == "Not fulfilled"  # not the earlier "Pending"


def test_the_feed_says_when_its_newest_verdict_was_published(newsroom):
    newest = Verdict.objects.filter(is_current=True).latest("published_at").published_at
    assert export_feed()["dateModified"] == newest.date().isoformat()


def test_an_empty_newsroom_exports_an_empty_feed(db):
    feed = export_feed()
    assert feed["@type"] == "DataFeed" and feed["dataFeedElement"] == []


def test_output_writes_the_same_feed_to_a_file(newsroom, tmp_path):
    target = tmp_path / "feed.json"
    message = export_text("--output", str(target))
    assert message.strip() == f"exported 4 ClaimReview items to {target}"
    assert target.read_text(encoding="utf-8") == export_text()
    assert [path.name for path in tmp_path.iterdir()] == ["feed.json"]  # no temporary left


def test_output_to_a_missing_directory_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot write to"):
        export_text("--output", str(tmp_path / "nowhere" / "feed.json"))


def test_batches_walk_every_claim_once_even_with_equal_publication_times(make_claim, publish_claim):
    at = dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)
    claims = [publish_claim(make_claim(f"Claim number {n}."), "true", at=at) for n in range(5)]
    reviewed = [item["claimReviewed"] for item in claimreview.reviews(batch_size=2)]
    assert reviewed == [claim.statement for claim in claims]


# --- The endpoint ------------------------------------------------------------------------------


def get_feed(client, **headers):
    return client.get("/api/claimreview.json", headers=headers)


def test_the_endpoint_streams_the_commands_feed(client, newsroom):
    response = get_feed(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response.streaming
    assert b"".join(response.streaming_content).decode() == export_text()


def test_the_endpoint_is_cacheable_and_answers_conditional_requests(client, newsroom):
    response = get_feed(client)
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Last-Modified"]
    again = get_feed(client, if_none_match=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = get_feed(client, if_modified_since=response["Last-Modified"])
    assert since.status_code == 304


def test_a_new_verdict_changes_the_etag(client, newsroom, make_claim, publish_claim):
    before = get_feed(client)["ETag"]
    publish_claim(make_claim("Another claim."), "false")
    after = get_feed(client, if_none_match=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_head_gives_the_headers_without_reading_the_claims(client, newsroom):
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/api/claimreview.json")
    assert len(queries) == 2  # the validators' two aggregates
    assert response.status_code == 200 and response.content == b""
    assert response["ETag"] == get_feed(client)["ETag"]


def test_anonymous_readers_of_the_feed_are_throttled_as_on_every_endpoint(
    client, newsroom, settings, publisher
):
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    assert [get_feed(client).status_code for _ in range(3)] == [200, 200, 429]
    refused = get_feed(client)
    assert int(refused["Retry-After"]) > 0 and "throttled" in refused.json()["detail"]
    token = Token.objects.create(user=publisher).key
    assert get_feed(client, authorization=f"Token {token}").status_code == 200


def test_the_feed_is_served_whatever_the_client_accepts(client, newsroom):
    for accept in ("application/json", "text/html", "application/ld+json"):
        response = get_feed(client, accept=accept)
        assert response.status_code == 200, accept
        assert response["Content-Type"] == "application/ld+json; charset=utf-8"


def test_the_endpoint_takes_no_writes(client, db):
    assert client.post("/api/claimreview.json").status_code == 405


def test_the_endpoints_queries_do_not_grow_with_the_claims(client, make_claim, publish_claim):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            b"".join(get_feed(client).streaming_content)
        return len(queries)

    publish_claim(make_claim("One."), "true")
    few = count_queries()
    for n in range(8):
        claim = make_claim(f"Claim {n}.")
        claim.appearances.add(Article.objects.create(source=claim.article.source, headline="x"))
        publish_claim(claim, "false")
    assert count_queries() == few


# --- Import: each shape ------------------------------------------------------------------------


def test_a_single_claimreview_becomes_a_published_claim_and_verdict(publisher, client):
    status, out, err = run_import(FIXTURES / "single.json", "paula")
    assert (status, out.strip(), err) == (0, "imported 1, unchanged 0, failed 0", "")
    verdict = Verdict.objects.get()
    claim = verdict.claim
    assert claim.status == Claim.Status.PUBLISHED and claim.statement.startswith("Ferry fares")
    assert verdict.is_current and verdict.is_published
    assert (verdict.review_url, verdict.origin_name, verdict.origin_url) == (
        "https://checkpoint.example/2024/03/ferry-fares-halved",
        "Checkpoint Example",
        "https://checkpoint.example",
    )
    assert verdict.original_rating_label == "Cherry-picked"
    assert verdict.rating.slug == "mostly-false"  # 2 on a 1–7 scale is 2 on ours
    assert verdict.approver == publisher and verdict.author.username == workflow.IMPORT_AUTHOR
    assert not verdict.author.is_active and not verdict.author.has_usable_password()
    assert timezone_day(verdict.published_at) == dt.date(2024, 3, 6)
    assert timezone_day(claim.first_published_at) == dt.date(2024, 3, 4)
    person = claim.claimant
    assert (person.name, person.role, person.affiliation, person.same_as) == (
        "Iris Holm",
        "Transport minister",
        "Coastal Party",
        "https://www.wikidata.org/wiki/Q4115189",
    )
    assert claim.article.url == "https://harbour-news.example/2024/02/ferries"
    assert claim.article.source.name == "Harbour News"
    assert claim.article.published_precision == DatePrecision.MONTH
    assert [a.url for a in claim.appearances.all()] == ["https://video.example/watch/ferries"]
    assert claim.appearances.get().source.name == "video.example"
    event = claim.events.get()
    assert (event.kind, event.actor, event.verdict) == (
        ClaimEvent.Kind.IMPORTED,
        publisher,
        verdict,
    )
    assert event.message == "Checkpoint Example rated it 'Cherry-picked' on 6 March 2024."


def timezone_day(moment: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localdate(moment)


def test_an_imported_verdict_page_names_its_publisher_and_label(publisher, client):
    run_import(FIXTURES / "single.json", "paula")
    claim = Claim.objects.get()
    body = client.get(claim.get_absolute_url()).content.decode()
    assert "Fact-check by Checkpoint Example, originally rated “Cherry-picked”." in body
    assert "<dt>Appeared in</dt>" in body  # its appearance is known
    assert 'href="https://checkpoint.example/2024/03/ferry-fares-halved"' in body
    review = page_claimreviews(client, claim)[0]
    assert review["url"] == "https://checkpoint.example/2024/03/ferry-fares-halved"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Checkpoint Example",
        "url": "https://checkpoint.example",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Cherry-picked",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_a_list_of_claimreviews(publisher):
    status, out, _ = run_import(FIXTURES / "list.json", "paula")
    assert (status, out.strip()) == (0, "imported 2, unchanged 0, failed 0")
    verdicts = {v.claim.statement: v for v in Verdict.objects.select_related("claim", "rating")}
    meals = verdicts["Every pupil now gets a free school meal."]
    waits = verdicts["Hospital waiting times fell by half."]
    assert meals.rating.slug == "mostly-false" and meals.claim.claimant.name == "Iris Holm"
    assert (waits.rating.slug, waits.original_rating_label) == ("false", "Pants on Fire!")
    assert waits.origin_name == "Other Checks" and waits.claim.claimant is None
    assert timezone_day(waits.published_at) == dt.date(2024, 4, 10)


def test_a_datafeed_with_items_lists_and_direct_elements(publisher):
    status, out, _ = run_import(FIXTURES / "datafeed.json", "paula")
    assert (status, out.strip()) == (0, "imported 4, unchanged 0, failed 0")
    ratings = dict(Verdict.objects.values_list("review_url", "rating__slug"))
    assert ratings == {
        "https://checkpoint.example/2024/05/rail-line": "pending",  # "In the Works"
        "https://checkpoint.example/2024/05/tax-cut": "true",  # 9 of 0–10
        "https://checkpoint.example/2024/05/bridge-cost": "true",  # "Correct"
        "https://checkpoint.example/2024/05/parks": "half-true",
    }
    assert not Claim.objects.exclude(tracking=Claim.Tracking.NONE).exists()


def test_a_fact_check_tools_claims_search_response(publisher, client):
    status, out, _ = run_import(FIXTURES / "factcheck_api.json", "paula")
    assert (status, out.strip()) == (0, "imported 3, unchanged 0, failed 0")
    trees = Verdict.objects.get(review_url="https://checkpoint.example/2024/01/million-trees")
    assert (trees.rating.slug, trees.original_rating_label) == ("false", "False")
    assert trees.summary == "No, the city did not plant a million trees"
    assert trees.origin_url == "https://checkpoint.example"
    assert trees.claim.claimant.name == "Mara Quill"
    french = Verdict.objects.get(review_url="https://verif.example/2024/01/un-million-d-arbres")
    assert french.claim.statement == trees.claim.statement and french.claim != trees.claim
    assert french.claim.article.language == "fr"
    assert (french.rating.slug, french.original_rating_label) == ("false", "Faux")
    bus = Verdict.objects.get(review_url="https://other-checks.example/bus-ridership")
    assert bus.origin_name == "other-checks.example" and bus.rating.slug == "mostly-false"
    # No appearance is known: the review's own page stands in, dated with the claim's date, and
    # the ClaimReview names no appearance rather than the review as one.
    assert trees.claim.article.url == trees.review_url
    assert trees.claim.article.published_on == dt.date(2024, 1, 8)
    page = client.get(trees.claim.get_absolute_url()).content.decode()
    assert "<dt>Reported in</dt>" in page and "Appeared in" not in page
    item = page_claimreviews(client, trees.claim)[0]["itemReviewed"]
    assert item == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Mara Quill"},
        "datePublished": "2024-01-08",
        "inLanguage": "en",  # detected from the claim's words
    }


def test_standard_input(publisher):
    text = (FIXTURES / "single.json").read_text()
    status, out, _ = run_import("-", "paula", stdin=text)
    assert (status, out.strip()) == (0, "imported 1, unchanged 0, failed 0")
    assert Verdict.objects.filter(review_url__contains="ferry-fares").exists()


# --- Idempotency ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["single", "list", "datafeed", "factcheck_api"])
def test_importing_the_same_file_twice_changes_nothing(publisher, name):
    run_import(FIXTURES / f"{name}.json", "paula")
    before = snapshot()
    status, out, _ = run_import(FIXTURES / f"{name}.json", "paula")
    assert status == 0 and out.startswith("imported 0, unchanged ")
    assert snapshot() == before


def test_a_review_that_comes_back_changed_is_reported_not_applied(publisher):
    run_import(FIXTURES / "single.json", "paula")
    before = snapshot()
    changed = json.loads((FIXTURES / "single.json").read_text())
    changed["reviewRating"]["alternateName"] = "False"
    changed["dateModified"] = "2024-04-01"
    status, out, err = run_import("-", "paula", stdin=json.dumps(changed))
    assert status == 1 and out.strip() == "imported 0, unchanged 0, failed 1"
    assert (
        "item 1: https://checkpoint.example/2024/03/ferry-fares-halved was imported before" in err
    )
    assert "never overwritten" in err
    assert snapshot() == before


def test_importing_this_newsrooms_own_feed_changes_nothing(newsroom, publisher):
    feed = export_text()
    before = snapshot()
    status, out, _ = run_import("-", "paula", stdin=feed)
    assert (status, out.strip()) == (0, "imported 0, unchanged 4, failed 0")
    assert snapshot() == before


# --- The round trip ------------------------------------------------------------------------------


def test_export_import_into_an_empty_database_export_gives_the_same_feed(newsroom, publisher):
    run_import(FIXTURES / "single.json", "paula")
    run_import(FIXTURES / "factcheck_api.json", "paula")
    # The fixture's claims were saved directly; logged through the workflow, they know their
    # language (as the imported ones do), and the feed says it.
    for claim in Claim.objects.filter(language=""):
        workflow.set_language(claim)
        claim.save(update_fields=["language"])
    first = export_text()
    assert len(items(json.loads(first))) == 8
    empty_the_newsroom()
    assert not any(model.objects.exists() for model in NEWSROOM)
    status, out, _ = run_import("-", "paula", stdin=first)
    assert (status, out.strip()) == (0, "imported 8, unchanged 0, failed 0")
    assert json.loads(export_text()) == json.loads(first)


# --- Ratings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "value", "best", "worst", "slug"),
    [
        ("Mostly false", None, 5, 1, "mostly-false"),  # one of ours, by label
        ("half-true", None, 5, 1, "half-true"),  # one of ours, by slug
        ("Not fulfilled", 1, 5, 1, "not-fulfilled"),  # our label beats the number
        ("Pending: deadline 29 January 2024", None, 5, 1, "pending"),
        ("Cherry-picked", 8, 10, 0, "mostly-true"),  # the number: 4.2 on ours
        ("", 3, 5, 1, "half-true"),
        ("Pants on Fire!", None, 5, 1, "false"),  # a synonym
        ("Four Pinocchios", None, 5, 1, "false"),
        ("Promise Broken", None, 5, 1, "not-fulfilled"),
        ("Cherry-picked", None, 5, 1, "unproven"),  # unknown: the fallback
    ],
)
def test_rating_mapping(db, label, value, best, worst, slug):
    given = GivenRating(label=label, value=value, best=best, worst=worst)
    assert claimreview_import.RatingMap().closest(given).slug == slug


def test_an_unknown_label_is_kept_and_exported_as_it_came(publisher, settings):
    review = {
        "@type": "ClaimReview",
        "url": "https://checkpoint.example/odd-label",
        "claimReviewed": "Crime fell in every district.",
        "datePublished": "2024-07-01",
        "author": {"@type": "Organization", "name": "Checkpoint Example"},
        "reviewRating": {"@type": "Rating", "alternateName": "Needs a closer look"},
    }
    run_import("-", "paula", stdin=json.dumps(review))
    verdict = Verdict.objects.get()
    assert (verdict.rating.slug, verdict.original_rating_label) == (
        "unproven",
        "Needs a closer look",
    )
    exported = items(export_feed())[0]["reviewRating"]
    assert exported == {"@type": "Rating", "alternateName": "Needs a closer look"}


# --- Bad files ----------------------------------------------------------------------------------


def test_bad_items_are_reported_one_by_one_and_the_good_ones_imported(publisher):
    status, out, err = run_import(FIXTURES / "bad.json", "paula")
    assert status == 1
    assert out.strip() == "imported 2, unchanged 0, failed 4"
    assert err.splitlines()[:4] == [
        "item 2: claimReviewed is missing",
        "item 3: claimReviewed must be text, not a number",
        "item 4: @type is 'Review', expected ClaimReview",
        "item 5: reviewRating.ratingValue must be a number, not text 'four'",
    ]
    assert "4 item(s) could not be imported" in err
    assert sorted(Claim.objects.values_list("statement", flat=True)) == [
        "The first good claim.",
        "The second good claim.",
    ]


def test_a_file_that_is_not_json_imports_nothing(publisher, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text("<html>not json</html>")
    status, out, err = run_import(path, "paula")
    assert status == 1 and out == ""
    assert "Nothing was imported: the file is not JSON" in err
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("42", "the file holds neither a ClaimReview, a list of them, a DataFeed nor"),
        ('{"@type": "DataFeed", "dataFeedElement": {}}', "dataFeedElement must be a list"),
        ('{"claims": {}}', '"claims" must be a list, not an object'),
    ],
)
def test_a_file_of_the_wrong_shape_imports_nothing(publisher, content, message):
    status, _, err = run_import("-", "paula", stdin=content)
    assert status == 1 and message in err and not Claim.objects.exists()


def test_a_file_that_is_not_utf8_imports_nothing(publisher, tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes('[{"claimReviewed": "Caf\u00e9"}]'.encode("latin-1"))
    status, _, err = run_import(path, "paula")
    assert status == 1 and "is not UTF-8 text" in err


def test_a_missing_file_is_a_clear_error(publisher, tmp_path):
    status, _, err = run_import(tmp_path / "nowhere.json", "paula")
    assert status == 1 and "Cannot read" in err


def test_an_item_failing_half_way_leaves_nothing_behind(publisher, monkeypatch):
    """The claimant is resolved after the item's source and article were written: a failure
    there must take those rows back with it, and leave the other items imported."""
    resolve = claimreview_import._claimant

    def failing(person):
        if person and person.name == "Iris Holm":
            raise ItemError("item 1", "the claimant could not be saved")
        return resolve(person)

    monkeypatch.setattr(claimreview_import, "_claimant", failing)
    status, out, err = run_import(FIXTURES / "list.json", "paula")
    assert status == 1 and out.strip() == "imported 1, unchanged 0, failed 1"
    assert "item 1: the claimant could not be saved" in err
    assert list(Claim.objects.values_list("statement", flat=True)) == [
        "Hospital waiting times fell by half."
    ]
    assert not Source.objects.filter(name="Checkpoint Example").exists()
    assert not Article.objects.filter(url__contains="school-meals").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "ftp://x.example/a", "url must be an http(s) address, not 'ftp://x.example/a'"),
        ("datePublished", "1 June 2024", "datePublished must be a date as YYYY-MM-DD"),
        ("author", ["x"], "author must be an object, not a list"),
        ("reviewRating", {"@type": "Rating"}, "reviewRating has neither alternateName nor"),
        ("reviewRating", {"ratingValue": 9}, "reviewRating.ratingValue 9 is outside worstRating"),
        ("itemReviewed", {"datePublished": "July 2019"}, "itemReviewed.datePublished must be a"),
        ("itemReviewed", {"appearance": [3]}, "itemReviewed.appearance[0] must be an object"),
        ("dateModified", "2024-05-01", "dateModified 2024-05-01 is before datePublished"),
    ],
)
def test_wrong_fields_are_named_in_the_error(field, value, message):
    review = {
        "@type": "ClaimReview",
        "url": "https://checkpoint.example/x",
        "claimReviewed": "A claim.",
        "datePublished": "2024-06-01",
        "author": {"name": "Checkpoint Example"},
        "reviewRating": {"alternateName": "True"},
        field: value,
    }
    [parsed] = parse_document(json.dumps(review))
    assert isinstance(parsed, ItemError)
    assert str(parsed).startswith(f"item 1: {message}")


@pytest.mark.parametrize(
    ("reviews", "message"),
    [
        (None, "claim 1: claimReview is missing"),
        ([], "claim 1: claimReview is empty"),
        ("False", "claim 1: claimReview must be a list of reviews, not text"),
        ({"url": "https://x.example/r"}, "claim 1: claimReview must be a list of reviews, not an"),
    ],
)
def test_a_fact_check_tools_claim_without_a_list_of_reviews_says_which(reviews, message):
    claim = {"text": "A claim."} | ({} if reviews is None else {"claimReview": reviews})
    [parsed] = parse_document(json.dumps({"claims": [claim]}))
    assert isinstance(parsed, ItemError) and str(parsed).startswith(message)


def test_text_too_long_for_its_column_is_an_item_error(publisher):
    review = json.loads((FIXTURES / "single.json").read_text())
    review["author"]["name"] = "x" * 201
    status, _, err = run_import("-", "paula", stdin=json.dumps(review))
    assert status == 1 and "item 1: author.name is longer than 200 characters" in err
    assert not Claim.objects.exists()


# --- Who may import ------------------------------------------------------------------------------


def test_only_a_publisher_may_import(editor):
    status, _, err = run_import(FIXTURES / "single.json", "edna")
    assert status == 1 and "Nothing was imported" in err and "that is for Publishers" in err
    assert not Claim.objects.exists() and not Source.objects.exists()


def test_an_unknown_user_is_a_clear_error(db):
    status, _, err = run_import(FIXTURES / "single.json", "nobody")
    assert status == 1 and "There is no user 'nobody'." in err


def test_someone_who_may_not_import_is_told_so_even_when_the_file_is_in_already(publisher, editor):
    assert run_import(FIXTURES / "single.json", "paula")[0] == 0
    status, out, err = run_import(FIXTURES / "single.json", "edna")
    assert status == 1 and "Nothing was imported" in err and "that is for Publishers" in err
    assert "unchanged" not in out
