"""What the demo is built with: its cast, and the steps a newsroom takes, through the workflow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.text import slugify

from claims import workflow
from claims.models import (
    Claim,
    ClaimEvent,
    Rating,
    Topic,
    Verdict,
)


@dataclass
class Cast:
    editor: User
    reviewer: User
    publisher: User


def moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def rating_named(slug: str) -> Rating:
    return Rating.objects.get(slug=slug)


def new_claim(cast: Cast, topic: str = "", **fields) -> Claim:
    """A claim the editor logs and hands to the reviewer, as the admin does."""
    topics = [Topic.objects.get_or_create(slug=slugify(topic), name=topic)[0]] if topic else []
    claim = Claim(reviewer=cast.reviewer, **fields)
    return workflow.create_claim(claim, by=cast.editor, topics=topics)


def draft_verdict(
    claim: Claim, cast: Cast, rating: str, summary: str, explanation: str = ""
) -> None:
    Verdict.objects.create(
        claim=claim,
        rating=rating_named(rating),
        summary=summary,
        explanation=explanation,
        author=cast.reviewer,
    )


def submit_and_publish(claim: Claim, cast: Cast, at: dt.datetime | None = None) -> None:
    workflow.submit(claim, by=cast.reviewer)
    workflow.publish(claim, by=cast.publisher, at=at)


def backdate(claim: Claim, dates: dict[str, list[dt.datetime]]) -> None:
    """Give a demo claim's timeline the dates it had: the n-th event of a kind gets the n-th
    date listed for that kind; the claim was created, and assigned, on the first "created" date."""
    left = {kind: list(days) for kind, days in dates.items()}
    left.setdefault(ClaimEvent.Kind.ASSIGNED, dates["created"][:1])
    for event in claim.events.order_by("pk"):
        if left.get(event.kind):
            ClaimEvent.objects.filter(pk=event.pk).update(at=left[event.kind].pop(0))
    Claim.objects.filter(pk=claim.pk).update(created_at=dates["created"][0])
