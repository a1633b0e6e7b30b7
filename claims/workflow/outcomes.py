"""The time-bound life of a claim once published: its outcome recorded when the deadline has
passed, or its deadline extended."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from claims.deadlines import format_day
from claims.models import (
    Claim,
    ClaimEvent,
    Rating,
    RatingScale,
    Verdict,
    format_deadline,
)
from claims.workflow.common import (
    User,
    add_event,
    credit,
    explain_deadline,
    open_verdict,
    require,
)
from claims.workflow.errors import (
    InvalidTransition,
    WorkflowError,
)

# Outcomes that say the promised thing happened: they need the day it did.
HAPPENED = ("fulfilled", "partly-fulfilled")


def check_outcome_dates(
    claim: Claim, rating: Rating, *, happened_on: dt.date | None, checked_on: dt.date | None
) -> None:
    """Refuse (WorkflowError) dates an outcome cannot have: in the future, before the claim was
    made, a happening after its check, a kept promise without the day it was kept, or a broken
    one that happened in time."""
    today, made = timezone.localdate(), claim.stated_on
    checked_on = checked_on or today
    for name, day in (("checked", checked_on), ("happened", happened_on)):
        if day is not None and day > today:
            raise WorkflowError(f"the day it {name} ({format_day(day)}) is in the future.")
        if day is not None and made is not None and day < made:
            raise WorkflowError(
                f"the day it {name} ({format_day(day)}) is before the claim was made "
                f"({format_day(made)})."
            )
    if happened_on is not None and happened_on > checked_on:
        raise WorkflowError("it cannot have happened after the day it was checked.")
    if rating.scale != RatingScale.PROMISE or not rating.is_final:
        return  # not an outcome: the dates above are all there is to check
    if rating.slug in HAPPENED and happened_on is None:
        raise WorkflowError(f"say on which day it happened: '{rating}' means it did.")
    deadline = claim.deadline
    if rating.slug == "not-fulfilled" and happened_on and deadline and happened_on <= deadline:
        raise WorkflowError(
            f"it happened on {format_day(happened_on)}, by the deadline "
            f"({claim.deadline_display}): that is fulfilled, not 'not fulfilled'."
        )
    if rating.slug == "unverifiable" and happened_on is not None:
        raise WorkflowError("an unverifiable outcome has no day it happened.")


# --- Deadline transitions -----------------------------------------------------------------------


@transaction.atomic
def resolve(
    claim: Claim,
    *,
    by: User,
    rating: Rating,
    note: str,
    happened_on: dt.date | None = None,
    checked_on: dt.date | None = None,
) -> Verdict:
    """Record a time-bound claim's outcome as a verdict submitted for a publisher's approval:
    what became of the promise, when the promised thing happened (if it did), and when that was
    checked (today unless said). Track records count on time, late, partly or not done from
    when it happened, never from when it was checked."""
    require(by, "resolve_claim", "record outcomes")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PUBLISHED or claim.tracking not in (
        Claim.Tracking.DUE,
        Claim.Tracking.WATCHING,
    ):
        raise InvalidTransition("only a published claim that is watched or due can be resolved.")
    if not (rating.is_final and rating.scale == RatingScale.PROMISE):
        raise WorkflowError(
            f"'{rating}' is not an outcome; choose fulfilled, partly fulfilled, "
            "not fulfilled or unverifiable."
        )
    if not note.strip():
        raise WorkflowError("an outcome needs a note saying what happened.")
    checked_on = checked_on or timezone.localdate()
    check_outcome_dates(claim, rating, happened_on=happened_on, checked_on=checked_on)
    if open_verdict(claim) is not None:
        raise InvalidTransition("this claim already has a verdict in the works; finish it first.")
    verdict = Verdict(
        claim=claim,
        rating=rating,
        summary=note.strip()[:500],
        author=by,
        status=Verdict.Status.SUBMITTED,
        checked_on=checked_on,
        happened_on=happened_on,
    )
    credit(verdict, by=by, why="outcome recorded")
    verdict.save()
    add_event(
        claim, ClaimEvent.Kind.SUBMITTED, f"Outcome '{rating}' submitted.", by=by, verdict=verdict
    )
    return verdict


@transaction.atomic
def extend(claim: Claim, *, by: User, deadline: dt.date, reason: str) -> None:
    """Give a watched or due claim a later deadline; it goes back to watching."""
    require(by, "extend_deadline", "extend deadlines")
    if not reason.strip():
        raise WorkflowError("an extension needs its reason (e.g. the new date that was announced).")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.tracking not in (Claim.Tracking.WATCHING, Claim.Tracking.DUE):
        raise InvalidTransition("only a watched or due claim can have its deadline extended.")
    if deadline <= claim.deadline:
        raise WorkflowError(
            f"the new deadline {deadline:%Y-%m-%d} must be after the "
            f"current one, {claim.deadline:%Y-%m-%d}."
        )
    old, old_day, old_approximate = (
        claim.deadline_display,
        claim.deadline,
        claim.deadline_approximate,
    )
    explain_deadline(
        claim,
        lambda: (
            gettext("Extended from %(day)s: %(reason)s")
            % {"day": format_deadline(old_day, old_approximate), "reason": reason.strip()}
        ),
    )
    claim.deadline = deadline
    claim.deadline_approximate = False
    claim.deadline_overridden = True
    claim.tracking = Claim.Tracking.WATCHING
    claim.due_since = None
    credit(claim, by=by, why="deadline extended")
    claim.save()
    add_event(
        claim,
        ClaimEvent.Kind.EXTENDED,
        f"Deadline moved from {old} to {claim.deadline_display}: {reason.strip()}",
        by=by,
    )


# Claims flipped per transaction: big enough that the per-batch cost (lock, insert statements)
# is spread thin, small enough that a batch holds its row locks for well under a second.
