"""Suggestions from real published articles in five languages (tests/data/realtext/articles/).

Each article lists every time-bound promise in it (quote, claimant, deadline). A promise is
*found* when one of the article's top 10 suggestions (`suggest_claims`, read in the article's
language) matches it on all three:

- its quote overlaps the promise's quote by at least half of the shorter of the two (a sentence
  holding two promises must give two suggestions, one for each);
- its deadline is the promise's day, or both are vague (an expression found, no day);
- its claimant names the same person or body: one spelling of the other
  (`claims.intake.names.same_person`) or one contained in the other once normalised ("Minister
  Nitin Gadkari" / "Nitin Gadkari"; "Plastic Omnium" / "Plastic Omnium"). Where an article has a
  named speaker report another's promise (reported speech), the promise lists that speaker under
  `also`, and either counts.

A suggestion counts for one promise at most. The target is 90% of promises per language on the
development articles; the held-out articles (one per language, set aside before any tuning) are
scored and printed (`pytest -s`), not asserted.
"""

import datetime as dt

import pytest

from claims.deadlines import Precision
from claims.intake.extraction import suggest_claims
from tests.support.realtext import (
    ARTICLES,
    HELD_OUT_ARTICLES,
    LANGUAGES,
    STUDIED_ARTICLES,
    Score,
    articles,
    promises_found,
    quote_span,
)

TARGET = 0.90
TOP = 10


def score(folder, name: str) -> Score:
    result = Score(name)
    for article in articles(folder):
        published = dt.date.fromisoformat(article["published"])
        precision = Precision(article.get("precision", "day"))
        suggestions = suggest_claims(
            article["text"], published, article["lang"], precision=precision
        )
        for promise, found in promises_found(article, suggestions, top=TOP):
            miss = (
                f"{article['id']}: {promise['claimant']} {promise['deadline']} {promise['quote']}"
            )
            result.add(article["lang"], found, miss)
    return result


def test_the_development_articles_give_90_percent_of_their_promises_in_each_language():
    result = score(ARTICLES, f"promises in the top {TOP}, development articles")
    print(result.report())
    assert not result.below(TARGET), result.report() + "\n" + "\n".join(result.misses)


def test_the_studied_articles_are_scored_and_printed():
    """The first round's held-out articles, studied since: below the target, so printed."""
    result = score(STUDIED_ARTICLES, f"promises in the top {TOP}, studied articles (round 1)")
    print(result.report())
    assert all(result.total[code] for code in LANGUAGES), "every language has a studied article"


def test_the_held_out_articles_are_scored_and_printed():
    result = score(
        HELD_OUT_ARTICLES, f"promises in the top {TOP}, held-out articles (not tuned on)"
    )
    print(result.report())
    assert all(result.total[code] for code in LANGUAGES), "every language has a held-out article"


@pytest.mark.parametrize(
    "folder", [ARTICLES, STUDIED_ARTICLES, HELD_OUT_ARTICLES], ids=["dev", "studied", "held-out"]
)
def test_every_expected_quote_is_in_its_article(folder):
    for article in articles(folder):
        for promise in article["promises"]:
            start, end = quote_span(article["text"], promise["quote"])
            assert end > start


def test_the_development_articles_cover_five_languages_and_ten_articles():
    found = articles(ARTICLES)
    assert {article["lang"] for article in found} == set(LANGUAGES)
    assert len(found) >= 10
