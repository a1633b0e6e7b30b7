"""What a delivery says: the event, when it happened, the claim and its verdict, public data only.

The same fields the public verdict page shows; never a draft, a reviewer or a note. A payload is
built when the event happens and kept on its delivery, so a retry or a redelivery sends the event
as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from claims.models import Claim, Correction, Verdict


class NotPublic(ValueError):
    """A payload was asked for about something the public may not see."""


def claim_url(claim: Claim) -> str:
    return f"{settings.SITE_URL}{claim.get_absolute_url()}"


def claim_data(claim: Claim) -> dict[str, Any]:
    if not claim.is_public:
        raise NotPublic(f"claim #{claim.pk} is {claim.get_status_display()}: not announced.")
    return {
        "id": claim.pk,
        "url": claim_url(claim),
        "statement": claim.statement,
        "status": claim.status,
        "tracking": claim.tracking,
        "deadline": claim.deadline.isoformat() if claim.deadline else None,
        "deadline_approximate": claim.deadline_approximate,
    }


def verdict_data(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    if not verdict.is_published:
        raise NotPublic(f"verdict #{verdict.pk} is {verdict.get_status_display()}: not announced.")
    return {
        "id": verdict.pk,
        "rating": {"slug": verdict.rating.slug, "label": verdict.rating.label},
        "summary": verdict.summary,
        "url": f"{claim_url(claim)}#verdict-{verdict.pk}",
        "published_at": verdict.published_at.isoformat(),
    }


def correction_data(correction: Correction) -> dict[str, Any]:
    return {
        "id": correction.pk,
        "note": correction.note,
        "issued_at": correction.issued_at.isoformat(),
    }


def event_payload(
    event: str, at: dt.datetime, claim: Claim, verdict: Verdict | None
) -> dict[str, Any]:
    """The body of an event about `claim` (and its `verdict`, the current one if any)."""
    return {
        "event": event,
        "timestamp": at.isoformat(),
        "claim": claim_data(claim),
        "verdict": verdict_data(claim, verdict) if verdict else None,
    }


def ping_payload(at: dt.datetime, events: list[str]) -> dict[str, Any]:
    """The body of a test event: no claim, just proof that the address and secret work."""
    return {
        "event": "ping",
        "timestamp": at.isoformat(),
        "message": f"A test event from {settings.SITE_NAME}.",
        "events": events,
    }
