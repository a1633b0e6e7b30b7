"""The public pages: only published claims and verdicts, the deadline states, track records, and
query counts that do not grow with the number of claims."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.models import Article, Claimant, Evidence, Source
from claims.views import SECTION_SIZE
from tests.support.data import rating, write_verdict

TODAY = timezone.localdate()
SECRETS = [
    "SECRET-DRAFT-CLAIM",
    "SECRET-IN-REVIEW",
    "SECRET-DRAFT-VERDICT",
    "SECRET-DRAFT-EXPLANATION",
    "SECRET-SEND-BACK-REASON",
    "SECRET-RESOLVE-NOTE",
    "Hidden Claimant",
    "Hidden Outlet",
]
STAFF = re.compile(r"\b(edna|rita|paula)\b|@example\.org")


def test_list_shows_published_claims_only(client, watching_claim, make_claim, reviewer):
    draft = make_claim("A draft nobody may see.")
    in_review = make_claim("A claim in review.")
    write_verdict(in_review, reviewer, "false")
    workflow.submit(in_review, by=reviewer)
    body = client.get(reverse("claims:list")).content.decode()
    assert watching_claim.statement in body
    assert draft.statement not in body and in_review.statement not in body
    assert '<p class="count">1 claim</p>' in body


def test_draft_page_is_not_found(client, make_claim):
    draft = make_claim()
    assert client.get(reverse("claims:detail", args=[draft.pk])).status_code == 404


def test_detail_without_slug_redirects_to_the_canonical_address(client, watching_claim):
    response = client.get(reverse("claims:detail", args=[watching_claim.pk]))
    assert response.status_code == 301
    assert response["Location"] == watching_claim.get_absolute_url()


def test_detail_with_a_stale_slug_redirects_too(client, watching_claim):
    response = client.get(reverse("claims:detail-slug", args=[watching_claim.pk, "old-words"]))
    assert response.status_code == 301
    assert response["Location"] == watching_claim.get_absolute_url()


def test_detail_shows_the_published_verdict_but_not_the_one_in_the_works(
    client, watching_claim, reviewer
):
    write_verdict(watching_claim, reviewer, "fulfilled", "SECRET DRAFT SUMMARY")
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Pending" in body
    assert "SECRET DRAFT SUMMARY" not in body
    assert "29 January 2024" in body


def test_detail_shows_the_history_of_a_resolved_claim(client, watching_claim, reviewer, publisher):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(watching_claim, by=reviewer, rating=rating("not-fulfilled"), note="Closed.")
    workflow.publish(watching_claim, by=publisher)
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Pending until 29 January 2024" in body
    assert "Deadline passed" in body
    assert "Not fulfilled" in body
    assert "resolved: Not fulfilled" in body
    assert body.count('id="verdict-') == 2  # every verdict it has had


def test_retracted_claim_says_so_and_why(client, watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Wrong speaker.")
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Retracted" in body and "Wrong speaker." in body
    assert "application/ld+json" not in body  # no ClaimReview for a withdrawn check
    assert "None" not in body


def test_a_retracted_claim_is_badged_retracted_not_with_its_old_rating(
    client, make_claim, publish_claim, publisher
):
    claim = publish_claim(make_claim("The city has no debt."), "false")
    workflow.retract(claim, by=publisher, reason="Wrong speaker.")
    body = client.get(claim.get_absolute_url()).content.decode()
    rating_line = body.split('<p class="rating">')[1].split("</p>")[0]
    assert 'class="badge badge-retracted">Retracted<' in rating_line
    assert "badge-false" not in rating_line and "was rated False" in rating_line
    assert '<meta property="og:description" content="Retracted: Wrong speaker.">' in body


def test_claim_text_is_escaped(client, make_claim, publish_claim):
    claim = publish_claim(make_claim("<script>alert(1)</script> will happen"), "false")
    body = client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_list_filters_by_tracking_state_and_search(
    client, watching_claim, make_claim, publish_claim
):
    other = publish_claim(make_claim("Unemployment fell to four percent."), "false")
    body = client.get(reverse("claims:list"), {"tracking": "watching"}).content.decode()
    assert watching_claim.statement in body and other.statement not in body
    body = client.get(reverse("claims:list"), {"q": "unemployment"}).content.decode()
    assert other.statement in body and watching_claim.statement not in body


def test_list_pages_keep_the_filters_in_their_links(client, make_claim, publish_claim):
    for n in range(26):
        publish_claim(make_claim(f"Claim {n} about trams."), "false")
    body = client.get(reverse("claims:list"), {"q": "trams", "rating": "false"}).content.decode()
    assert "Page 1 of 2" in body
    assert 'href="?q=trams&amp;rating=false&amp;page=2"' in body


def test_list_with_a_bad_date_says_so_and_shows_nothing(client, watching_claim):
    body = client.get(reverse("claims:list"), {"said_from": "not-a-date"}).content.decode()
    assert "Enter a valid date" in body
    assert watching_claim.statement not in body


# --- Deadline states on the verdict page --------------------------------------------------------


def _watching(make_claim, publish_claim, days_ahead: int):
    return publish_claim(make_claim(deadline=TODAY + dt.timedelta(days=days_ahead)))


def test_a_watched_claim_says_how_many_days_are_left(client, make_claim, publish_claim):
    claim = _watching(make_claim, publish_claim, 12)
    assert "due in 12 days" in client.get(claim.get_absolute_url()).content.decode()


def test_a_claim_due_today_says_so(client, make_claim, publish_claim):
    claim = _watching(make_claim, publish_claim, 0)
    assert "due today" in client.get(claim.get_absolute_url()).content.decode()


def test_a_due_claim_is_awaiting_its_recheck(client, watching_claim):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "deadline passed on 29 Jan 2024, awaiting re-check" in body
    facts = body.split('<dl class="facts">')[1].split("</dl>")[0]
    assert facts.count("29 Jan 2024") == 1  # the sentence gives the day; it is not said twice


def test_a_card_says_a_passed_deadline_once(client, watching_claim):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    body = client.get(reverse("claims:list")).content.decode()
    card = body.split('<li class="claim-card">')[1].split("</li>")[0]
    assert "deadline passed on 29 Jan 2024, awaiting re-check" in card
    assert card.count("29 Jan 2024") == 1


def test_an_approximate_deadline_says_at_the_latest(client, make_claim, publish_claim):
    ahead = TODAY + dt.timedelta(days=40)
    claim = make_claim(deadline=ahead, deadline_approximate=True)
    body = client.get(publish_claim(claim).get_absolute_url()).content.decode()
    assert f"{ahead:%-d %b %Y}</time> at the latest" in body


def test_a_passed_approximate_deadline_says_at_the_latest(client, make_claim, publish_claim):
    claim = make_claim(deadline=dt.date(2024, 3, 31), deadline_approximate=True)
    body = client.get(publish_claim(claim).get_absolute_url()).content.decode()
    assert "deadline passed on 31 Mar 2024 at the latest, awaiting re-check" in body


# --- Language, direction, and the head --------------------------------------------------------


def test_an_arabic_quote_is_marked_right_to_left(client, make_claim, publish_claim, source):
    article = Article.objects.create(
        source=source, headline="معبر", published_on=dt.date(2024, 1, 15), language="ar"
    )
    claim = publish_claim(make_claim(quote="سيتم فتح المعبر خلال 60 يوما", article=article))
    body = client.get(claim.get_absolute_url()).content.decode()
    assert '<html lang="en-gb" dir="ltr">' in body
    assert '<blockquote lang="ar" dir="rtl"' in body


def test_an_english_quote_is_left_to_right(client, make_claim, publish_claim, article):
    article.language = "en"
    article.save()
    claim = publish_claim(make_claim(quote="within two weeks"))
    body = client.get(claim.get_absolute_url()).content.decode()
    assert '<blockquote lang="en" dir="ltr"' in body


def test_verdict_page_has_canonical_open_graph_and_twitter_tags(client, watching_claim, settings):
    settings.SITE_URL = "https://checks.example"
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    canonical = f"https://checks.example{watching_claim.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in body
    assert f'<meta property="og:url" content="{canonical}">' in body
    assert '<meta property="og:type" content="article">' in body
    assert f'<meta property="og:title" content="{watching_claim.statement}">' in body
    assert '<meta property="og:description" content="Pending: S">' in body
    assert '<meta name="twitter:card" content="summary">' in body


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, settings):
    settings.SITE_URL = "https://checks.example"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://checks.example/sitemap.xml" in lines


# --- Front page, tracker, track records ---------------------------------------------------------


def test_home_shows_each_section(client, make_claim, publish_claim, reviewer, publisher):
    coming = _watching(make_claim, publish_claim, 20)
    due = make_claim("The pier will be rebuilt in a week.", deadline=dt.date(2024, 1, 22))
    publish_claim(due)
    workflow.mark_due(due, as_of=dt.date(2024, 1, 25))
    done = make_claim("The ferry will run by January.", deadline=dt.date(2024, 1, 31))
    publish_claim(done)
    workflow.mark_due(done, as_of=dt.date(2024, 2, 1))
    workflow.resolve(
        done,
        by=reviewer,
        rating=rating("fulfilled"),
        note="It ran.",
        happened_on=dt.date(2024, 1, 30),
    )
    workflow.publish(done, by=publisher)
    accurate = publish_claim(make_claim("Taxes rose by ten percent."), "true")
    body = client.get("/").content.decode()
    sections = {
        name: body.split(f'id="{name}"')[1].split("</section>")[0]
        for name in ("latest", "upcoming", "fell-due", "resolved")
    }
    assert coming.statement in sections["upcoming"]
    assert due.statement in sections["fell-due"] and due.statement not in sections["upcoming"]
    assert done.statement in sections["resolved"]
    assert accurate.statement in sections["latest"]
    # No claim twice on the page: the latest verdicts leave out what the sections below show.
    for claim in (coming, due, done, accurate):
        assert body.count(f'href="{claim.get_absolute_url()}"') == 1, claim


def test_tracker_puts_deadlines_in_their_windows(client, make_claim, publish_claim, watching_claim):
    soon = _watching(make_claim, publish_claim, 3)
    month = _watching(make_claim, publish_claim, 20)
    later = _watching(make_claim, publish_claim, 80)
    beyond = _watching(make_claim, publish_claim, 200)
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    response = client.get(reverse("claims:deadlines"))
    body = response.content.decode()

    def section(name: str) -> str:
        return body.split(f'id="{name}"')[1].split("</section>")[0]

    assert soon.get_absolute_url() in section("next-7")
    assert month.get_absolute_url() in section("next-30")
    assert later.get_absolute_url() in section("next-90")
    assert watching_claim.get_absolute_url() in section("overdue")
    assert beyond.get_absolute_url() not in body
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-timeline" role="img"' in body


def test_claimant_page_shows_the_track_record(
    client, make_claim, publish_claim, reviewer, publisher
):
    person = Claimant.objects.create(name="Mara Quill", role="Mayor")

    def promise(statement: str, outcome: str, happened_on: dt.date | None = None, **checked):
        claim = publish_claim(make_claim(statement, claimant=person, deadline=dt.date(2024, 1, 31)))
        workflow.mark_due(claim, as_of=dt.date(2024, 2, 1))
        workflow.resolve(
            claim,
            by=reviewer,
            rating=rating(outcome),
            note="Checked.",
            happened_on=happened_on,
            **checked,
        )
        workflow.publish(claim, by=publisher)

    promise("On time.", "fulfilled", dt.date(2024, 1, 30), checked_on=dt.date(2024, 3, 1))
    promise("Kept, late.", "fulfilled", dt.date(2024, 2, 2))
    promise("In part.", "partly-fulfilled", dt.date(2024, 1, 20))
    promise("A day late.", "not-fulfilled", dt.date(2024, 2, 1))
    # Checked long after the deadline, but it had not happened: not done, never "late".
    promise("Never.", "not-fulfilled", checked_on=dt.date(2024, 3, 1))
    publish_claim(make_claim("Budget grew.", claimant=person), "false")
    publish_claim(make_claim("Still open.", claimant=person, deadline=dt.date(2099, 1, 1)))
    body = client.get(reverse("claims:claimant", args=[person.pk])).content.decode()
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', body))
    assert rows["Kept on time"] == "1"
    assert rows["Kept late"] == "2"
    assert rows["Kept in part"] == "1"
    assert rows["Not done"] == "1"
    assert rows["Still open"] == "1"
    assert rows["False"] == "1" and rows["Not fulfilled"] == "2" and rows["Fulfilled"] == "2"
    assert 'id="promises-chart-title"' in body and 'id="ratings-chart-title"' in body


def test_source_page_lists_its_claims_with_a_chart(client, watching_claim, source):
    body = client.get(reverse("claims:source", args=[source.pk])).content.decode()
    assert watching_claim.statement in body
    assert 'id="ratings-chart-title"' in body
    assert f'href="/claims/?source={source.pk}"' in body


def test_claimant_and_source_of_drafts_only_are_not_found(client, make_claim, source):
    hidden = Claimant.objects.create(name="Hidden Claimant")
    outlet = Source.objects.create(name="Hidden Outlet")
    article = Article.objects.create(source=outlet, headline="Hidden", url="https://h.example/")
    make_claim(claimant=hidden, article=article)
    assert client.get(reverse("claims:claimant", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("claims:source", args=[outlet.pk])).status_code == 404


# --- Nothing unpublished, on any public URL -----------------------------------------------------


@pytest.fixture
def newsroom(make_claim, publish_claim, reviewer, publisher, article, settings) -> dict:
    """One claim in each state, with secrets where the public must never see them."""
    hidden = Claimant.objects.create(name="Hidden Claimant")
    outlet = Source.objects.create(name="Hidden Outlet")
    hidden_article = Article.objects.create(
        source=outlet, headline="Hidden Outlet story", url="https://hidden.example/a"
    )
    make_claim("SECRET-DRAFT-CLAIM will happen.", claimant=hidden, article=hidden_article)
    speaker = Claimant.objects.create(name="Mara Quill")  # public, with a draft besides
    make_claim("Another SECRET-DRAFT-CLAIM.", claimant=speaker)
    in_review = make_claim("SECRET-IN-REVIEW claim.")
    write_verdict(in_review, reviewer, "false")
    workflow.submit(in_review, by=reviewer)
    sent_back = make_claim("Another SECRET-IN-REVIEW claim.")
    write_verdict(sent_back, reviewer, "false")
    workflow.submit(sent_back, by=reviewer)
    workflow.send_back(sent_back, by=publisher, reason="SECRET-SEND-BACK-REASON")

    watching = make_claim("The bridge will reopen.", deadline=TODAY, claimant=speaker)
    watching = publish_claim(watching)
    draft = write_verdict(watching, reviewer, "fulfilled", "SECRET-DRAFT-VERDICT")
    draft.explanation = "SECRET-DRAFT-EXPLANATION"
    draft.save()
    workflow.assign(watching, reviewer=reviewer, by=publisher)

    due = publish_claim(make_claim("The pier will reopen.", deadline=dt.date(2024, 1, 20)))
    workflow.mark_due(due, as_of=dt.date(2024, 1, 25))
    workflow.resolve(
        due,
        by=reviewer,
        rating=rating("fulfilled"),
        note="SECRET-RESOLVE-NOTE",
        happened_on=dt.date(2024, 1, 19),
    )

    retracted = publish_claim(make_claim("The mayor said so."), "false")
    workflow.retract(retracted, by=publisher, reason="Wrong speaker.")
    return {"public": [watching, due, retracted], "hidden": (hidden, outlet)}


def _public_urls(newsroom: dict, source: Source) -> list[str]:
    claim_urls = [claim.get_absolute_url() for claim in newsroom["public"]]
    claimants = {claim.claimant_id for claim in newsroom["public"] if claim.claimant_id}
    return [
        "/",
        "/claims/",
        "/claims/?q=SECRET",
        "/deadlines/",
        *claim_urls,
        *(reverse("claims:claimant", args=[pk]) for pk in claimants),
        reverse("claims:source", args=[source.pk]),
        "/feeds/verdicts/rss/",
        "/feeds/verdicts/atom/",
        "/sitemap.xml",
        *(f"/sitemap-{section}.xml" for section in ("pages", "claims", "claimants", "sources")),
        "/robots.txt",
    ]


def test_no_public_page_shows_a_draft_or_a_reviewers_note(client, newsroom, source):
    for url in _public_urls(newsroom, source):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, (url, secret)
        assert not STAFF.search(body), (url, STAFF.search(body))


def test_the_retracted_claim_is_listed_as_retracted(client, newsroom):
    body = client.get("/claims/").content.decode()
    assert "The mayor said so." in body and "badge-retracted" in body


# --- Query counts: the same for 1 claim and for 50 ----------------------------------------------


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def many(make_claim, publish_claim, reviewer) -> Callable[..., list]:
    """Add published claims (with evidence) so that a page has `n` of them."""
    person = Claimant.objects.create(name="Tomas Vell")

    def add(n: int) -> list:
        claims = []
        for i in range(n):
            claim = make_claim(
                f"Claim {i} will come true.",
                claimant=person,
                deadline=TODAY + dt.timedelta(days=1 + i % 80),
            )
            Evidence.objects.create(
                claim=claim, url=f"https://e.example/{i}", title="E", stance="context"
            )
            claims.append(publish_claim(claim))
        return claims

    add.claimant = person
    return add


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/claims/",
        "/claims/?tracking=watching&sort=deadline",
        "/claims/?q=claims+come+true&sort=relevance",
        "/deadlines/",
        "claimant",
        "source",
    ],
)
def test_page_query_count_does_not_grow_with_claims(
    client, many, source, page, django_assert_num_queries
):
    many(SECTION_SIZE + 1)  # enough that every section of the home page has claims
    url = {
        "claimant": reverse("claims:claimant", args=[many.claimant.pk]),
        "source": reverse("claims:source", args=[source.pk]),
    }.get(page, page)
    with_one = _count(client, url)
    many(49 - SECTION_SIZE)
    with django_assert_num_queries(with_one):
        client.get(url)


def test_verdict_page_query_count_does_not_grow_with_claims_or_evidence(
    client, many, reviewer, publisher, django_assert_num_queries
):
    claim = many(1)[0]
    url = claim.get_absolute_url()
    with_one = _count(client, url)
    many(49)
    for i in range(49):
        Evidence.objects.create(
            claim=claim, url=f"https://more.example/{i}", title="M", stance="refutes"
        )
    write_verdict(claim, reviewer, "pending", "Again")
    workflow.submit(claim, by=reviewer)
    workflow.publish(claim, by=publisher)
    with django_assert_num_queries(with_one):
        assert client.get(url).status_code == 200


def test_the_tracker_lists_a_section_in_part_and_links_to_the_rest(
    client, make_claim, publish_claim, monkeypatch
):
    from claims import views

    monkeypatch.setattr(views, "TRACKER_LIMIT", 2)
    today = dt.date.today()
    for n in range(3):
        publish_claim(make_claim(f"Soon {n}.", deadline=today + dt.timedelta(days=2)))
    response = client.get(reverse("claims:deadlines"))
    first_window = response.context["windows"][0]
    assert len(first_window["claims"]) == 2 and first_window["count"] == 3
    body = response.content.decode()
    assert "See all 3 claims, by deadline" in body
    assert "tracking=watching" in body and "sort=deadline" in body


def test_the_verdict_page_links_its_topics_to_the_filtered_list(client, watching_claim):
    from claims.models import Topic

    watching_claim.topics.add(Topic.objects.create(name="Public finances", slug="public-finances"))
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert '<a href="/claims/?topic=public-finances">Public finances</a>' in body


def test_a_missing_page_is_the_sites_own_not_found_page(client, make_claim):
    draft = make_claim()
    for url in (reverse("claims:detail", args=[draft.pk]), "/claims/?page=99", "/no-such-page/"):
        response = client.get(url)
        assert response.status_code == 404, url
        body = response.content.decode()
        assert '<nav aria-label="Main">' in body and "<h1>Page not found</h1>" in body, url
        assert draft.statement not in body


def test_favicon_is_served(client, db):
    """Browsers ask for /favicon.ico whatever a page links: it leads to the static icon."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "img/favicon.svg" in page
