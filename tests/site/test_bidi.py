"""Right-to-left words inside the English pages: an Arabic headline, outlet or deadline phrase is
isolated (`<bdi>`), so it reads right to left without pulling the commas, dates and arrows
around it out of order."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Article, Source
from claims.templatetags.bidi import isolate

QUOTE = "سيتم فتح المعبر خلال الشهرين المقبلين"
PHRASE = "خلال الشهرين المقبلين"


@pytest.fixture
def arabic_claim(make_claim, publish_claim):
    outlet = Source.objects.create(name="صحيفة التجربة", language="ar")
    article = Article.objects.create(
        source=outlet,
        url="https://ar.example/crossing",
        headline="المعبر سيفتح خلال شهرين",
        published_on=dt.date(2024, 1, 15),
        language="ar",
    )
    claim = make_claim(
        "The crossing will open within two months.",
        quote=QUOTE,
        article=article,
        deadline=dt.date(2024, 3, 15),
        deadline_expression=PHRASE,
        deadline_explanation=f'"{PHRASE}" → 15 January 2024 + 2 months → 15 March 2024',
    )
    return publish_claim(claim)


def test_isolate_wraps_the_phrase_and_escapes_the_rest():
    assert isolate('"<x>" → 1 May', "<x>") == "&quot;<bdi>&lt;x&gt;</bdi>&quot; → 1 May"
    assert isolate("no phrase here", "") == "no phrase here"
    assert isolate("a <b>", "missing") == "a &lt;b&gt;"


def test_the_arabic_headline_and_outlet_are_isolated(client, arabic_claim):
    body = client.get(arabic_claim.get_absolute_url()).content.decode()
    assert '<bdi lang="ar">المعبر سيفتح خلال شهرين</bdi>' in body
    assert "<bdi>صحيفة التجربة</bdi>" in body


def test_the_deadline_phrase_is_isolated_in_its_explanation(client, arabic_claim):
    body = client.get(arabic_claim.get_absolute_url()).content.decode()
    assert f"&quot;<bdi>{PHRASE}</bdi>&quot; → 15 January 2024" in body


def test_the_quote_reads_right_to_left_and_links_to_its_article(client, arabic_claim):
    body = client.get(arabic_claim.get_absolute_url()).content.decode()
    figure = body.split('<figure class="quote">')[1].split("</figure>")[0]
    assert f'<blockquote lang="ar" dir="rtl" cite="https://ar.example/crossing">{QUOTE}' in figure
    assert '<a href="https://ar.example/crossing"' in figure.split("<figcaption>")[1]


def test_cards_isolate_names(client, arabic_claim):
    body = client.get("/claims/").content.decode()
    assert "<bdi>صحيفة التجربة</bdi>" in body


def test_an_arabic_outlets_page_is_headed_right_to_left(client, arabic_claim):
    outlet = arabic_claim.article.source
    body = client.get(f"/sources/{outlet.pk}/").content.decode()
    assert '<h1 lang="ar" dir="auto">صحيفة التجربة</h1>' in body
