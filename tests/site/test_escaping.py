"""Hostile text, in every field the newsroom writes, comes out as text wherever it is shown: the
public pages (parsed as a browser parses them, html5lib), the ClaimReview JSON-LD, the feeds, the
admin, the API's JSON and its CSV (where a formula stays text too)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import html5lib
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims import intake, workflow
from claims.models import Claim, Claimant, Evidence, Topic, Verdict
from tests.support.data import rating

XSS = "<script>alert(1)</script> <img src=x onerror=alert(2)> </script><script>alert(3)</script>"
HTML = "{http://www.w3.org/1999/xhtml}"

# Every field written with the payload, by what it is called on the pages.
FIELDS = {
    "statement": f"Statement {XSS}",
    "quote": f"Quote {XSS}",
    "reported_by": f"Reporter {XSS}",
    "claimant": f"Name {XSS}",
    "role": f"Role {XSS}",
    "affiliation": f"Org {XSS}",
    "source": f"Source {XSS}",
    "headline": f"Headline {XSS}",
    "topic": f"Topic {XSS}",
    "evidence": f"Evidence {XSS}",
    "evidence_source": f"Outlet {XSS}",
    "excerpt": f"Excerpt {XSS}",
    "summary": f"Summary {XSS}",
    "explanation": f"Explanation {XSS}",
}


@pytest.fixture
def hostile(make_claim, article, reviewer, publisher) -> Claim:
    """A published, watched claim with the payload in every text the newsroom wrote."""
    article.source.name = FIELDS["source"]
    article.source.save()
    article.headline = FIELDS["headline"]
    article.save()
    claimant = Claimant.objects.create(
        name=FIELDS["claimant"], role=FIELDS["role"], affiliation=FIELDS["affiliation"]
    )
    claim = make_claim(
        FIELDS["statement"],
        quote=FIELDS["quote"],
        reported_by=FIELDS["reported_by"],
        claimant=claimant,
        deadline=timezone.localdate() + dt.timedelta(days=20),
        deadline_overridden=True,
    )
    claim.topics.add(Topic.objects.create(name=FIELDS["topic"], slug="hostile"))
    Evidence.objects.create(
        claim=claim,
        url="https://evidence.example/1",
        title=FIELDS["evidence"],
        source_name=FIELDS["evidence_source"],
        excerpt=FIELDS["excerpt"],
        stance="refutes",
    )
    Verdict.objects.create(
        claim=claim,
        rating=rating("pending"),
        summary=FIELDS["summary"],
        explanation=FIELDS["explanation"],
        author=reviewer,
    )
    workflow.submit(claim, by=reviewer)
    workflow.publish(claim, by=publisher)
    claim.refresh_from_db()
    return claim


def inert(html: str) -> str:
    """The page's text, after checking (as a browser parses it) that nothing in it runs: every
    script is a file or a data block that parses as JSON, no element has an event handler, no
    image is the payload's."""
    document = html5lib.parse(html, treebuilder="etree")
    for script in document.iter(f"{HTML}script"):
        kind = script.get("type", "")
        if kind in ("application/ld+json", "application/json"):
            json.loads(script.text or "")
        else:
            assert script.get("src") and not (script.text or "").strip(), ET.tostring(script)
    for element in document.iter():
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        assert not handlers, ET.tostring(element)[:200]
    assert not [img for img in document.iter(f"{HTML}img") if img.get("src") == "x"]
    return "".join(document.itertext())


def shown(html: str, *names: str) -> None:
    text = inert(html)
    missing = [name for name in names if FIELDS[name] not in text]
    assert missing == [], f"not shown as text: {missing}"


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- The public site --------------------------------------------------------------------------


def test_the_verdict_page_shows_every_field_as_text(client, hostile):
    page = get(client, hostile.get_absolute_url())
    shown(page, *FIELDS)


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/", ["statement", "claimant", "source", "summary"]),
        ("/claims/", ["statement", "claimant", "source", "summary"]),
        ("/claims/?q=Statement", ["statement", "claimant", "source", "summary"]),
        ("/deadlines/", ["statement", "claimant", "source"]),
    ],
)
def test_the_lists_show_it_as_text(client, hostile, url, names):
    shown(get(client, url), *names)


def test_the_claimant_and_source_pages_and_their_charts_show_it_as_text(client, hostile):
    shown(get(client, f"/claimants/{hostile.claimant_id}/"), "claimant", "statement", "source")
    shown(get(client, f"/sources/{hostile.article.source_id}/"), "source", "statement")


def test_the_claimreview_cannot_leave_its_script_element(client, hostile):
    page = get(client, hostile.get_absolute_url())
    document = html5lib.parse(page, treebuilder="etree")
    blocks = [
        s.text for s in document.iter(f"{HTML}script") if s.get("type") == "application/ld+json"
    ]
    assert len(blocks) == 1
    assert "<" not in blocks[0]  # not even the start of a closing tag
    review = json.loads(blocks[0])
    assert review["claimReviewed"] == FIELDS["statement"]
    assert review["reviewBody"] == FIELDS["summary"]
    assert review["itemReviewed"]["author"]["name"] == FIELDS["claimant"]
    assert review["itemReviewed"]["appearance"][0]["publisher"]["name"] == FIELDS["source"]


# --- Feeds ------------------------------------------------------------------------------------


def test_rss_items_are_text_that_readers_take_for_html(client, hostile):
    feed = ET.fromstring(client.get("/feeds/verdicts/rss/").content)
    item = feed.find("channel/item")
    # What a reader renders as HTML, rendered: the payload as text, nothing that runs.
    assert inert(item.findtext("title")) == f"Pending: {FIELDS['statement']}"
    assert inert(item.findtext("description")) == FIELDS["summary"]


def test_atom_titles_are_plain_text_and_summaries_escaped_html(client, hostile):
    atom = "{http://www.w3.org/2005/Atom}"
    entry = ET.fromstring(client.get("/feeds/verdicts/atom/").content).find(f"{atom}entry")
    title, summary = entry.find(f"{atom}title"), entry.find(f"{atom}summary")
    assert title.get("type") in (None, "text") and title.text == f"Pending: {FIELDS['statement']}"
    assert summary.get("type") == "html" and inert(summary.text) == FIELDS["summary"]


@pytest.mark.parametrize("url", ["/feeds/verdicts/rss/", "/feeds/verdicts/atom/"])
def test_a_feed_reader_shows_no_markup(client, hostile, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo
    entry = feed.entries[0]
    assert "<script" not in entry.summary and "<img" not in entry.summary
    assert "&lt;script&gt;alert(1)" in entry.summary


# --- The admin --------------------------------------------------------------------------------


def test_the_admin_shows_it_as_text(client, hostile, publisher):
    client.force_login(publisher)
    evidence, verdict = hostile.evidence.get(), hostile.verdicts.get()
    pages = {
        "/admin/claims/claim/": ["source"],
        f"/admin/claims/claim/{hostile.pk}/change/": ["statement", "summary", "evidence"],
        f"/admin/claims/claim/{hostile.pk}/history/": [],
        f"/admin/claims/claim/{hostile.pk}/transition/retract/": ["statement"],
        "/admin/claims/evidence/": ["evidence", "evidence_source"],
        f"/admin/claims/evidence/{evidence.pk}/change/": ["excerpt"],
        "/admin/claims/verdict/": [],
        f"/admin/claims/verdict/{verdict.pk}/change/": ["summary", "explanation"],
        "/admin/claims/claimant/": ["claimant", "role", "affiliation"],
        "/admin/claims/source/": ["source"],
        "/admin/claims/article/": ["headline", "source"],
        "/admin/claims/topic/": ["topic"],
    }
    for url, names in pages.items():
        text = inert(get(client, url))
        assert [name for name in names if FIELDS[name] not in text] == [], url


def test_an_imported_articles_suggestions_page_shows_it_as_text(client, editor):
    text = (
        f"Headline {XSS}\n\nThe minister said on Monday that the bridge {XSS} will reopen "
        "within two weeks, officials said."
    )
    queued = intake.queue_import(content=text, source_name=FIELDS["source"])
    article = intake.run_import(queued.pk).article
    client.force_login(editor)
    page = inert(get(client, f"/admin/claims/article/{article.pk}/suggestions/"))
    assert "the bridge <script>alert(1)</script>" in page


# --- The API ----------------------------------------------------------------------------------


def test_the_api_gives_the_text_as_it_was_written_in_json(hostile):
    response = APIClient().get(f"/api/claims/{hostile.pk}/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed as a page
    data = response.json()
    assert data["statement"] == FIELDS["statement"]
    assert data["claimant"]["name"] == FIELDS["claimant"]
    assert data["current_verdict"]["explanation"] == FIELDS["explanation"]
    assert data["evidence"][0]["title"] == FIELDS["evidence"]


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-1+1", "@SUM(A1:A2)"]


@pytest.fixture
def formulas(make_claim, article, publish_claim) -> Claim:
    article.source.name = FORMULAS[3]
    article.source.save()
    claimant = Claimant.objects.create(name=FORMULAS[1])
    claim = make_claim(FORMULAS[0], quote=FORMULAS[2], reported_by=FORMULAS[3], claimant=claimant)
    return publish_claim(claim, "false")


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_no_csv_cell_starts_a_formula(client, formulas, editor):
    api = APIClient().get("/api/claims/?format=csv").content.decode()
    client.force_login(editor)
    admin = client.post(
        "/admin/claims/claim/", {"action": "export_csv", "_selected_action": [formulas.pk]}
    ).content.decode()
    verdicts = APIClient().get("/api/verdicts/?format=csv").content.decode()
    for text in (api, admin, verdicts):
        rows = cells(text)[1:]
        assert rows
        for row in rows:
            assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@")], row
    row = dict(zip(cells(api)[0], cells(api)[1], strict=True))
    assert row["statement"] == "'" + FORMULAS[0]
    assert row["claimant"] == "'" + FORMULAS[1] and row["source"] == "'" + FORMULAS[3]
