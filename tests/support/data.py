"""Rows the tests write as the newsroom would: a rating by its slug, a verdict someone drafted."""

from __future__ import annotations

from django.contrib.auth.models import User

from claims.models import Claim, Rating, Verdict


def rating(slug: str) -> Rating:
    return Rating.objects.get(slug=slug)


def write_verdict(claim: Claim, author: User, slug: str = "pending", summary: str = "S") -> Verdict:
    return Verdict.objects.create(claim=claim, rating=rating(slug), summary=summary, author=author)
