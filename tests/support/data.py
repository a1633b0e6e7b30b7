"""Rows the tests write as the newsroom would: a rating by its slug, a verdict someone drafted."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from claims.models import Article, Claim, FollowUp, Rating, Source, Verdict


def rating(slug: str) -> Rating:
    return Rating.objects.get(slug=slug)


def write_verdict(claim: Claim, author: User, slug: str = "pending", summary: str = "S") -> Verdict:
    return Verdict.objects.create(claim=claim, rating=rating(slug), summary=summary, author=author)


def found_in_news(claim: Claim, source: Source, slug: str, score: float, **fields) -> FollowUp:
    """A follow-up of `claim`: an article of `source` at daily.example/<slug>, 1 February 2024."""
    article = Article.objects.create(
        source=source,
        url=f"https://daily.example/{slug}",
        headline=f"Headline {slug}",
        published_on=dt.date(2024, 2, 1),
    )
    fields.setdefault("sentence", f"Sentence {slug}.")
    fields.setdefault("matched", "who, what")
    return FollowUp.objects.create(claim=claim, article=article, score=score, **fields)
