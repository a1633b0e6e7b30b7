"""Fill a database with a realistic newsroom archive for the benchmarks.

Claims in every state, with articles, claimants, published verdict histories, evidence and
timelines, written with bulk inserts in batches. Reproducible: the same scale and seed give the
same rows.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from claims import roles
from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimEvent,
    Evidence,
    Rating,
    Source,
    Verdict,
)

SCALES = {"tiny": 500, "small": 10_000, "full": 500_000}
BATCH = 5_000

SUBJECTS = [
    "The bridge",
    "The new hospital",
    "The border crossing",
    "The metro line",
    "Inflation",
    "Unemployment",
    "The harbour",
    "The power plant",
    "The vaccine rollout",
    "The budget",
    "The dam",
    "The airport",
    "Exports",
    "The ceasefire",
    "The school programme",
]
PROMISES = [
    "will reopen within {n} days",
    "will be finished by the end of the year",
    "will fall below {n} percent next year",
    "will be running in {n} months",
    "will be completed within {n} weeks",
    "will open before March {y}",
]
FACTS = [
    "grew by {n} percent last year",
    "fell to {n} percent in {y}",
    "cost {n} million more than planned",
    "employs {n} thousand people",
    "was the largest in the region in {y}",
]
WORDS = (
    "ministry",
    "officials",
    "confirmed",
    "announced",
    "region",
    "capital",
    "funding",
    "contract",
    "agency",
    "report",
    "statement",
    "government",
    "council",
    "budget",
    "infrastructure",
    "transport",
    "energy",
    "health",
)


def batched(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _staff() -> tuple[User, User]:
    reviewer, _ = User.objects.get_or_create(
        username="bench-reviewer", defaults={"email": "r@bench.invalid"}
    )
    publisher, _ = User.objects.get_or_create(
        username="bench-publisher", defaults={"email": "p@bench.invalid"}
    )
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    publisher.groups.add(Group.objects.get(name=roles.PUBLISHERS))
    return reviewer, publisher


def generate(scale: str, seed: int = 2019) -> int:
    """Write `SCALES[scale]` claims and all that goes with them; return how many claims."""
    n_claims = SCALES[scale]
    rng = random.Random(seed)
    reviewer, publisher = _staff()
    ratings = {r.slug: r for r in Rating.objects.all()}
    today = timezone.localdate()
    with transaction.atomic():
        sources = Source.objects.bulk_create(
            Source(name=f"Bench Outlet {i}", domain=f"outlet{i}.bench.invalid", language="en")
            for i in range(max(5, n_claims // 2000))
        )
        claimants = Claimant.objects.bulk_create(
            Claimant(
                name=f"{rng.choice(['Amal', 'Jon', 'Li', 'Sara', 'Omar'])} Bench{i}",
                role="Minister" if i % 3 else "Governor",
            )
            for i in range(max(20, n_claims // 50))
        )
        articles = []
        for batch in batched(
            Article(
                source=rng.choice(sources),
                url=f"https://bench.invalid/a/{i}",
                headline=f"{rng.choice(SUBJECTS)} {rng.choice(WORDS)} {i}",
                published_on=today - dt.timedelta(days=rng.randint(1, 2500)),
                language="en",
            )
            for i in range(max(1, n_claims // 2))
        ):
            articles += Article.objects.bulk_create(batch)
    for batch in batched(range(n_claims)):
        with transaction.atomic():
            _claims_batch(batch, rng, articles, claimants, ratings, reviewer, publisher, today)
    return n_claims


def _claims_batch(numbers, rng, articles, claimants, ratings, reviewer, publisher, today) -> None:
    claims = []
    for i in numbers:
        article = rng.choice(articles)
        time_bound = rng.random() < 0.4
        n, y = rng.randint(2, 95), article.published_on.year + 1
        template = rng.choice(PROMISES if time_bound else FACTS)
        statement = f"{rng.choice(SUBJECTS)} {template.format(n=n, y=y)} ({i})."
        status = rng.choices(["published", "draft", "in_review", "retracted"], [80, 12, 6, 2])[0]
        deadline = (
            article.published_on + dt.timedelta(days=rng.randint(7, 400)) if time_bound else None
        )
        tracking = "none"
        if time_bound and status in ("published", "retracted"):
            tracking = "watching" if deadline >= today else rng.choice(["due", "resolved"])
        claims.append(
            Claim(
                statement=statement,
                slug=f"claim-{i}",
                quote=statement.lower(),
                article=article,
                claimant=rng.choice(claimants),
                reported_by=rng.choice(["", "Reuters", "AFP"]),
                stated_on=article.published_on,
                deadline=deadline,
                deadline_expression="within a while" if deadline else "",
                status=status,
                tracking=tracking,
                reviewer=reviewer,
                first_published_at=_at(article.published_on + dt.timedelta(days=2))
                if status in ("published", "retracted")
                else None,
                retraction_reason="Bench retraction." if status == "retracted" else "",
                due_since=_at(deadline + dt.timedelta(days=1)) if tracking == "due" else None,
            )
        )
    claims = Claim.objects.bulk_create(claims)
    # bulk_create skips Claim.save, which writes the search document: written here as a batch.
    Claim.objects.filter(pk__in=[claim.pk for claim in claims]).refresh_search_text()
    verdicts, evidence, events = [], [], []
    for claim in claims:
        evidence += [
            Evidence(
                claim=claim,
                url=f"https://evidence.bench.invalid/{claim.slug}/{k}",
                title=f"Source document {k}",
                source_name="Bench Wire",
                stance=rng.choice(["supports", "refutes", "context"]),
                excerpt="…",
            )
            for k in range(2)
        ]
        if claim.first_published_at is None:
            continue
        history = _history(claim, rng, ratings)
        for k, (slug, at) in enumerate(history):
            verdicts.append(
                Verdict(
                    claim=claim,
                    rating=ratings[slug],
                    summary=f"Summary of verdict {k}.",
                    explanation="Explanation. " * 20,
                    status="published",
                    is_current=k == len(history) - 1,
                    author=reviewer,
                    approver=publisher,
                    published_at=at,
                )
            )
            events.append(
                ClaimEvent(
                    claim=claim, kind="published", at=at, message=f"Rated '{ratings[slug].label}'."
                )
            )
    Verdict.objects.bulk_create(verdicts)
    Evidence.objects.bulk_create(evidence)
    ClaimEvent.objects.bulk_create(events)


def _history(claim: Claim, rng: random.Random, ratings) -> list[tuple[str, dt.datetime]]:
    first = claim.first_published_at
    if claim.deadline is None:
        return [(rng.choice(["true", "mostly-true", "half-true", "mostly-false", "false"]), first)]
    history = [("pending", first)]
    if claim.tracking == "resolved":
        outcome = rng.choice(["fulfilled", "partly-fulfilled", "not-fulfilled", "unverifiable"])
        history.append((outcome, _at(claim.deadline + dt.timedelta(days=3))))
    return history


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
