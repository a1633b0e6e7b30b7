"""claims/intake/extraction.py and its helpers (attribution, names): pure, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.intake.attribution import attribute
from claims.intake.extraction import (
    is_boilerplate,
    looks_like_html,
    read_html,
    read_text,
    split_sentences,
    suggest_claims,
)
from claims.intake.names import same_person
from factcheck.lib.fetching import Fetched
from tests.support.pages import SEED_TEXT, fixture

SEED_DAY = dt.date(2018, 9, 19)


def html_article(name: str):
    page = Fetched(url="x", content_type="text/html", body=fixture(name)).text()
    return read_html(page)


def border_claim(suggestions):
    return next(s for s in suggestions if "border crossing connecting" in s.quote)


@pytest.fixture(scope="module")
def seed():
    return read_text(SEED_TEXT.read_text(encoding="utf-8"))


def test_a_text_files_first_line_is_the_headline(seed):
    assert seed.headline.startswith("MAJOR: Iraq defies the US again")
    assert not seed.text.startswith("MAJOR")
    assert seed.language == "en"


def test_the_seed_text_loses_its_share_counts_ad_and_newsletter(seed):
    assert "1,829" not in seed.text
    assert "Advertisement" not in seed.text
    assert "newsletter" not in seed.text.lower()
    assert "subscribe" not in seed.text.lower()
    assert seed.text.endswith("to link Tehran to Damascus.")


def test_the_seed_border_claim_is_among_the_first_three(seed):
    suggestions = suggest_claims(seed.text, SEED_DAY, seed.language)
    top = border_claim(suggestions[:3])
    assert top.claimant == "Ahmad Jadayan"
    assert top.deadline == dt.date(2018, 11, 18)
    assert top.deadline_expression == "in the next the 60 days"
    assert top.reported_by == "Sputnik Agency"
    assert top.statement.startswith("The border crossing connecting the Syrian Arab Republic")


def test_every_quote_is_the_articles_text_at_its_offsets(seed):
    for suggestion in suggest_claims(seed.text, SEED_DAY, "en"):
        assert seed.text[suggestion.start : suggestion.end] == suggestion.quote


def test_suggestions_come_best_first(seed):
    scores = [s.score for s in suggest_claims(seed.text, SEED_DAY, "en")]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score < 1 for score in scores)


def test_a_surname_resolves_to_the_full_name_named_earlier(seed):
    suggestions = suggest_claims(seed.text, SEED_DAY, "en")
    desert = next(s for s in suggestions if "desert terrain" in s.quote)
    agreement = next(s for s in suggestions if "agreement was put in place" in s.quote)
    assert desert.claimant == agreement.claimant == "Ahmad Jadayan"
    assert desert.quote.startswith("there is not much")


def test_an_outlet_that_reported_is_the_reporter_not_the_claimant(seed):
    rejected = next(
        s for s in suggest_claims(seed.text, SEED_DAY, "en") if "had rejected" in s.quote
    )
    assert rejected.reported_by == "Al-Akhbar"
    assert rejected.claimant == ""
    assert rejected.quote.startswith("Iraq had rejected")


def test_opinion_is_not_suggested(seed):
    quotes = " ".join(s.quote for s in suggest_claims(seed.text, SEED_DAY, "en"))
    assert "incredibly important" not in quotes
    assert "very important" not in quotes
    assert "dismay of Washington" not in quotes


def test_the_seed_as_html_gives_the_same_claim_and_the_pages_metadata():
    article = html_article("seed.html")
    assert article.headline.startswith("MAJOR: Iraq defies the US again")
    assert article.published == SEED_DAY
    assert article.language == "en"
    assert article.site_name == "Frontline News"
    for junk in ("Subscribe", "newsletter", "Advertisement", "1,829", "Related posts", "rights"):
        assert junk not in article.text
    suggestions = suggest_claims(article.text, article.published, article.language)
    top = border_claim(suggestions[:3])
    assert (top.claimant, top.deadline) == ("Ahmad Jadayan", dt.date(2018, 11, 18))


def test_a_local_news_page_its_promises_and_a_pronoun():
    article = html_article("harbour-bridge.html")
    assert article.byline == "Priya Natarajan"
    assert article.published == dt.date(2024, 3, 5)
    suggestions = suggest_claims(article.text, article.published, article.language)
    first, second = suggestions[:2]
    assert first.quote.startswith("the Old Harbour bridge will reopen to traffic within two weeks")
    assert (first.claimant, first.deadline) == ("Karen Holt", dt.date(2024, 3, 19))
    # "She added that …": the pronoun is the mayor named earlier.
    assert second.quote == "a second lane for buses would open by the end of March"
    assert (second.claimant, second.deadline) == ("Karen Holt", dt.date(2024, 3, 31))
    cost = next(s for s in suggestions if "2.4 million" in s.quote)
    assert cost.claimant == "Karen Holt" and cost.deadline is None
    quotes = " ".join(s.quote for s in suggestions)
    assert "nightmare" not in quotes and "ready for the next storm" not in quotes
    assert "Sign up" not in article.text and "Comments" not in article.text


def test_a_quoted_promise_with_the_speaker_after_it():
    article = html_article("vaccine-pledge-cp1252.html")
    suggestions = suggest_claims(article.text, article.published, article.language)
    pledge = suggestions[0]
    assert pledge.quote == "We will vaccinate 70 percent of adults by the end of June"
    assert pledge.claimant == "Tomasz Nowak"
    assert pledge.reported_by == "Warsaw Courier"
    assert pledge.deadline == dt.date(2021, 6, 30)
    deliveries = next(s for s in suggestions if "deliveries" in s.quote)
    assert (deliveries.claimant, deliveries.deadline) == ("Tomasz Nowak", dt.date(2021, 4, 22))
    unemployment = next(s for s in suggestions if "Unemployment" in s.quote)
    assert unemployment.claimant == "Anna Kowalska"
    assert unemployment.deadline is None  # a past fact, not a promise: "in March" is no deadline
    assert not any("disgrace" in s.quote for s in suggestions)


def test_without_a_date_the_expression_is_kept_but_no_day_is_computed(seed):
    top = border_claim(suggest_claims(seed.text, None, "en"))
    assert top.deadline is None
    assert top.deadline_expression == "in the next the 60 days"


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter",
        "- Advertisement -",
        "0 1,829",
        "312 shares",
        "Sign up here to get the latest news, updates and special offers delivered to your inbox.",
        "Follow us on Twitter for the latest updates.",
    ],
)
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate(line)


def test_an_ordinary_sentence_is_not_boilerplate():
    assert not is_boilerplate("The ministry said 300 people signed the petition.")


def test_sentences_are_not_cut_at_abbreviations():
    text = "Mr. Smith met U.S. officials on Monday. They agreed on 3.5 percent. Done."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "Mr. Smith met U.S. officials on Monday.",
        "They agreed on 3.5 percent.",
        "Done.",
    ]


def test_pasted_html_is_told_from_text():
    assert looks_like_html("<html><body><p>Hi</p></body></html>")
    assert looks_like_html("  <p>Hello</p>")
    assert not looks_like_html("Headline\n\nThe minister said 3 < 4.")


@pytest.mark.parametrize(
    ("sentence", "claimant", "reported_by"),
    [
        ("The minister told Reuters that taxes will fall by 2 percent.", "", "Reuters"),
        ("Taxes will fall by 2 percent, said Finance Minister Ana Lopez.", "Ana Lopez", ""),
        ("According to Ana Lopez, taxes will fall by 2 percent.", "Ana Lopez", ""),
        ("He said taxes will fall by 2 percent next year.", "Ana Lopez", ""),
        ("Lopez promised that taxes will fall by 2 percent.", "Ana Lopez", ""),
    ],
)
def test_attribution_patterns(sentence, claimant, reported_by):
    who = attribute(sentence, ["Ana Lopez"], ["Ana Lopez"])
    assert (who.claimant, who.reported_by) == (claimant, reported_by)
    assert "taxes will fall" in sentence[who.content_start : who.content_end].lower()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ahmad Jadayan", "Ahmed Jidyan", True),
        ("Kazhem Al-Fayadh", "Kadhim al-Fayyadh", True),
        ("Muhammad Ali", "Mohammed Ali", True),
        ("Karen Holt", "Karen Hall", False),
        ("Ahmad Jadayan", "Tomasz Nowak", False),
    ],
)
def test_names_match_across_transliterations(a, b, same):
    assert same_person(a, b) is same
