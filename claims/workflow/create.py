"""Creating a claim: its deadline read from the quote against the article's date (or set by an
editor), checked, saved and put on the timeline."""

from __future__ import annotations

from claims.deadlines import FoundDeadline, Precision, find_deadlines
from claims.models import (
    Claim,
    ClaimEvent,
)
from claims.workflow.common import User, add_event
from claims.workflow.errors import (
    DeadlineBeforeArticle,
)

# --- Deadlines ----------------------------------------------------------------------------------


def read_deadline(quote: str, claim_article) -> FoundDeadline | None:
    """The deadline a claim's quote states, resolved against its article's date.

    The first dated expression wins; a vague one is returned only when nothing is dated.
    """
    if not quote or claim_article is None or claim_article.published_on is None:
        return None
    found = find_deadlines(
        quote,
        claim_article.published_on,
        claim_article.language or None,
        precision=Precision(claim_article.published_precision),
    )
    dated = [item for item in found if item.deadline is not None]
    return (dated or found or [None])[0]


def fill_deadline(claim: Claim) -> FoundDeadline | None:
    """Set the claim's deadline from its quote unless an editor has overridden it."""
    if claim.deadline_overridden:
        return None
    found = read_deadline(claim.quote, claim.article)
    claim.deadline = found.deadline if found else None
    claim.deadline_expression = found.expression if found else ""
    claim.deadline_explanation = found.explanation if found else ""
    claim.deadline_approximate = found.approximate if found else False
    return found


def check_deadline(claim: Claim) -> None:
    """Raise DeadlineBeforeArticle if the deadline precedes the article's date."""
    published = claim.article.published_on if claim.article_id else None
    if claim.deadline and published and claim.deadline < published:
        raise DeadlineBeforeArticle(
            f"the deadline {claim.deadline:%Y-%m-%d} is before the article's date "
            f"{published:%Y-%m-%d}"
        )


def record_created(claim: Claim, *, by: User) -> None:
    """Note on the timeline that a claim was logged (called once, after its first save)."""
    add_event(claim, ClaimEvent.Kind.CREATED, "Logged.", by=by)
