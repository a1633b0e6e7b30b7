"""Follow-ups found in the news: every new article, however it came in (imported, from a monitored
feed, logged by hand), is matched against the watched and due claims (`match_article`, called
where intake saves an article); a claim that falls due is matched again against every article
seen since it was made (`recheck`, the re-check job the sweep asks for). The matching itself is
`claims.intake.matching` (pure).

A follow-up is kept once per claim and article: one dismissed is never offered again, one
accepted stays accepted, whatever later runs find.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from claims.intake import matching
from claims.intake.language import detect_language
from claims.models import Article, Claim, FollowUp

# Articles read at a time by a re-check (each with its text).
RECHECK_CHUNK = 200


def watched_claims() -> QuerySet[Claim]:
    """The claims whose promise the news may settle: published, watched or due."""
    return (
        Claim.objects.filter(
            status=Claim.Status.PUBLISHED,
            tracking__in=[Claim.Tracking.WATCHING, Claim.Tracking.DUE],
        )
        .select_related("claimant", "article__source")
        .prefetch_related("claimant__aliases")
    )


def made_on(claim: Claim) -> dt.date:
    """The day the claim was made: its article's, else the day it was logged."""
    return claim.stated_on or claim.created_at.date()


def promise_for(claim: Claim) -> matching.Promise:
    """The claim as the matcher reads it: the quote in the claim's language, the statement (the
    newsroom's words) in its own."""
    names = []
    if claim.claimant is not None:
        names = [claim.claimant.name, *(alias.name for alias in claim.claimant.aliases.all())]
    return matching.promise_of(
        statement=claim.statement,
        quote=claim.quote,
        claimant_names=names,
        language=claim.quote_language.split("-")[0] or settings.LANGUAGE_CODE,
        statement_language=detect_language(claim.statement) or settings.LANGUAGE_CODE,
        made_on=made_on(claim),
    )


def article_day(article: Article) -> dt.date:
    """When the article appeared: its date, else the day it came in."""
    return article.published_on or article.created_at.date()


def match_article(article: Article) -> list[FollowUp]:
    """Match a new (or newly read) article against every watched and due claim, and keep the
    follow-ups found; returns the new ones. A claim's own article is no follow-up of it."""
    claims = watched_claims().exclude(article=article).exclude(appearances=article)
    read = _read(article)
    if read is None:
        return []
    found = [
        (claim, match)
        for claim in claims
        if (
            match := matching.find_follow_up(
                promise_for(claim), read, published=article_day(article)
            )
        )
    ]
    return _keep((claim, article, match) for claim, match in found)


def recheck(claim: Claim) -> list[FollowUp]:
    """Look again through every article seen since the claim was made; returns the new
    follow-ups. What was found, accepted or dismissed before stays as it is."""
    promise = promise_for(claim)
    since = made_on(claim)
    articles = (
        Article.objects.filter(
            Q(published_on__gt=since) | Q(published_on__isnull=True, created_at__date__gt=since)
        )
        .exclude(pk=claim.article_id)
        .exclude(follow_ups__claim=claim)
        .only("headline", "text", "language", "published_on", "created_at")
        .order_by("pk")
    )
    found = []
    for article in articles.iterator(chunk_size=RECHECK_CHUNK):
        read = _read(article)
        match = read and matching.find_follow_up(promise, read, published=article_day(article))
        if match:
            found.append((claim, article, match))
    return _keep(found)


def recheck_claims(claim_ids: Iterable[int]) -> int:
    """Re-check each of these claims (the ones the sweep just marked due); how many follow-ups
    were found."""
    return sum(len(recheck(claim)) for claim in watched_claims().filter(pk__in=list(claim_ids)))


def on_claims_fell_due(sender, *, claim_ids: list[int], at: dt.datetime, **kwargs) -> None:
    """The sweep marked claims due: once that is committed, ask a worker to re-check them.

    robust: a broker that is down must not undo the sweep; the claims are re-checked when the
    next article comes in for them, or by `manage.py follow_ups CLAIM --recheck`."""
    from claims import tasks

    ids = list(claim_ids)
    transaction.on_commit(lambda: tasks.recheck_claims.delay(ids), robust=True)


def _read(article: Article) -> matching.ReadArticle | None:
    if not (article.headline or article.text).strip():
        return None
    return matching.read_article(
        headline=article.headline,
        text=article.text,
        language=(article.language or "").split("-")[0],
    )


def _keep(found: Iterable[tuple[Claim, Article, matching.Match]]) -> list[FollowUp]:
    """Store the follow-ups not already known (any decision stands): one insert, conflicts on
    (claim, article) ignored, so two runs at once keep each once."""
    rows = [
        FollowUp(
            claim=claim,
            article=article,
            sentence=match.sentence[:2000],
            score=match.score,
            matched=match.matched,
        )
        for claim, article, match in found
    ]
    if not rows:
        return []
    known = set(
        FollowUp.objects.filter(
            Q(*[Q(claim=row.claim, article=row.article) for row in rows], _connector=Q.OR)
        ).values_list("claim_id", "article_id")
    )
    fresh = [row for row in rows if (row.claim.pk, row.article.pk) not in known]
    FollowUp.objects.bulk_create(fresh, ignore_conflicts=True)
    return fresh
