"""Every public page, read as assistive technology reads it: the language and direction, the
landmarks, one h1 and headings in order, and a label on every form field.

axe-core (tests/site/test_browser.py) reports serious and critical problems only, and a skipped
heading level is "moderate" to it; these checks hold without a browser.
"""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import pairwise

import pytest
from django.urls import reverse

from claims import demo
from claims.models import Claim, Claimant, Source

LANDMARKS = {"header", "nav", "main", "footer"}
FIELDS = {"input", "select", "textarea"}


class Outline(HTMLParser):
    """What a screen reader announces: headings, landmarks, fields and their labels."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.headings: list[int] = []
        self.landmarks: set[str] = set()
        self.fields: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.open_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html = attributes
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        elif tag in LANDMARKS:
            self.landmarks.add(tag)
        elif tag == "label":
            self.open_labels += 1
            if attributes.get("for"):
                self.labelled.add(attributes["for"])
        elif tag in FIELDS and attributes.get("type") not in {"hidden", "submit", "button"}:
            self.fields.append({**attributes, "_inside_label": str(self.open_labels > 0)})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def unlabelled(self) -> list[str | None]:
        return [
            field.get("name")
            for field in self.fields
            if field["_inside_label"] == "False"
            and field.get("id") not in self.labelled
            and not field.get("aria-label")
            and not field.get("aria-labelledby")
        ]


@pytest.fixture
def newsroom(db) -> None:
    demo.load()


def _public_pages() -> list[str]:
    seed = Claim.objects.get(statement__startswith="The Al-Qa'im")
    people = Claimant.objects.values_list("pk", flat=True)
    outlets = Source.objects.values_list("pk", flat=True)
    return [
        "/",
        "/claims/",
        "/claims/?q=border&tracking=resolved&sort=deadline",
        "/claims/?said_from=not-a-date",  # the form with its errors
        "/deadlines/",
        seed.get_absolute_url(),
        *(claim.get_absolute_url() for claim in Claim.objects.filter(status="retracted")),
        *(claim.get_absolute_url() for claim in Claim.objects.filter(tracking="watching")),
        *(claim.get_absolute_url() for claim in Claim.objects.filter(tracking="due")),
        *(reverse("claims:claimant", args=[pk]) for pk in people),
        *(reverse("claims:source", args=[pk]) for pk in outlets),
    ]


def _outlines(client) -> dict[str, Outline]:
    outlines = {}
    for url in _public_pages():
        response = client.get(url)
        if response.status_code == 404:  # a claimant of drafts only
            continue
        assert response.status_code == 200, url
        outline = Outline()
        outline.feed(response.content.decode())
        outlines[url] = outline
    return outlines


def test_every_page_has_its_language_landmarks_one_h1_and_headings_in_order(client, newsroom):
    for url, outline in _outlines(client).items():
        assert (outline.html.get("lang"), outline.html.get("dir")) == ("en-gb", "ltr"), url
        assert outline.landmarks >= LANDMARKS, (url, LANDMARKS - outline.landmarks)
        levels = outline.headings
        assert levels[:1] == [1] and levels.count(1) == 1, (url, levels)
        for before, after in pairwise(levels):
            assert after <= before + 1, (url, levels)


def test_every_form_field_has_a_label(client, newsroom):
    outlines = _outlines(client)
    assert any(outline.fields for outline in outlines.values())  # the list's filters
    for url, outline in outlines.items():
        assert outline.unlabelled() == [], url


def test_the_outline_sees_a_skipped_level_and_a_field_without_label():
    outline = Outline()
    outline.feed('<h1>A</h1><h3>B</h3><label>Q <input name="q"></label><select name="s"></select>')
    assert outline.headings == [1, 3]
    assert outline.unlabelled() == ["s"]
