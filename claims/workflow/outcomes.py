"""The time-bound life of a claim once published: its outcome recorded when the deadline has
passed, or its deadline extended."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext as _

from claims.deadlines import format_day
from claims.models import (
    Claim,
    ClaimEvent,
    Rating,
    RatingScale,
    Verdict,
    format_deadline,
)
from claims.models.wording import date_value
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
# Whole sentences for each of the two days an outcome has, so that each language words its own.
FUTURE_CHECK = gettext_noop("the day it was checked (%(day)s) is in the future.")
FUTURE_HAPPENING = gettext_noop("the day it happened (%(day)s) is in the future.")
EARLY_CHECK = gettext_noop(
    "the day it was checked (%(day)s) is before the claim was made (%(made)s)."
)
EARLY_HAPPENING = gettext_noop(
    "the day it happened (%(day)s) is before the claim was made (%(made)s)."
)


def check_outcome_dates(
    claim: Claim, rating: Rating, *, happened_on: dt.date | None, checked_on: dt.date | None
) -> None:
    """Refuse (WorkflowError) dates an outcome cannot have: in the future, before the claim was
    made, a happening after its check, a kept promise without the day it was kept, or a broken
    one that happened in time."""
    today, made = timezone.localdate(), claim.stated_on
    checked_on = checked_on or today
    for future, early, day in (
        (FUTURE_CHECK, EARLY_CHECK, checked_on),
        (FUTURE_HAPPENING, EARLY_HAPPENING, happened_on),
    ):
        if day is not None and day > today:
            raise WorkflowError(gettext(future) % {"day": format_day(day)})
        if day is not None and made is not None and day < made:
            raise WorkflowError(gettext(early) % {"day": format_day(day), "made": format_day(made)})
    if happened_on is not None and happened_on > checked_on:
        raise WorkflowError(_("it cannot have happened after the day it was checked."))
    if rating.scale != RatingScale.PROMISE or not rating.is_final:
        return  # not an outcome: the dates above are all there is to check
    if rating.slug in HAPPENED and happened_on is None:
        raise WorkflowError(
            _("say on which day it happened: '%(rating)s' means it did.") % {"rating": rating}
        )
    deadline = claim.deadline
    if rating.slug == "not-fulfilled" and happened_on and deadline and happened_on <= deadline:
        raise WorkflowError(
            _(
                "it happened on %(day)s, by the deadline (%(deadline)s): that is fulfilled, not "
                "'not fulfilled'."
            )
            % {"day": format_day(happened_on), "deadline": claim.deadline_display}
        )
    if rating.slug == "unverifiable" and happened_on is not None:
        raise WorkflowError(_("an unverifiable outcome has no day it happened."))


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
    require(by, "resolve_claim", _("record outcomes"))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PUBLISHED or claim.tracking not in (
        Claim.Tracking.DUE,
        Claim.Tracking.WATCHING,
    ):
        raise InvalidTransition(_("only a published claim that is watched or due can be resolved."))
    if not (rating.is_final and rating.scale == RatingScale.PROMISE):
        raise WorkflowError(
            _(
                "'%(rating)s' is not an outcome; choose fulfilled, partly fulfilled, "
                "not fulfilled or unverifiable."
            )
            % {"rating": rating}
        )
    if not note.strip():
        raise WorkflowError(_("an outcome needs a note saying what happened."))
    checked_on = checked_on or timezone.localdate()
    check_outcome_dates(claim, rating, happened_on=happened_on, checked_on=checked_on)
    if open_verdict(claim) is not None:
        raise InvalidTransition(
            _("this claim already has a verdict in the works; finish it first.")
        )
    verdict = Verdict(
        claim=claim,
        rating=rating,
        summary=note.strip()[:500],
        author=by,
        status=Verdict.Status.SUBMITTED,
        checked_on=checked_on,
        happened_on=happened_on,
    )
    credit(verdict, by=by, why=gettext_noop("outcome recorded"))
    verdict.save()
    add_event(
        claim,
        ClaimEvent.Kind.SUBMITTED,
        key="outcome_submitted",
        values={"rating": {"rating": rating.label}},
        by=by,
        verdict=verdict,
    )
    return verdict


@transaction.atomic
def extend(claim: Claim, *, by: User, deadline: dt.date, reason: str) -> None:
    """Give a watched or due claim a later deadline; it goes back to watching."""
    require(by, "extend_deadline", _("extend deadlines"))
    if not reason.strip():
        raise WorkflowError(
            _("an extension needs its reason (e.g. the new date that was announced).")
        )
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.tracking not in (Claim.Tracking.WATCHING, Claim.Tracking.DUE):
        raise InvalidTransition(_("only a watched or due claim can have its deadline extended."))
    if deadline <= claim.deadline:
        raise WorkflowError(
            _("the new deadline %(new)s must be after the current one, %(current)s.")
            % {"new": f"{deadline:%Y-%m-%d}", "current": f"{claim.deadline:%Y-%m-%d}"}
        )
    old_day, old_approximate = claim.deadline, claim.deadline_approximate
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
    credit(claim, by=by, why=gettext_noop("deadline extended"))
    claim.save()
    add_event(
        claim,
        ClaimEvent.Kind.EXTENDED,
        key="extended",
        values={
            "old": date_value(old_day, old_approximate),
            "new": date_value(claim.deadline),
            "reason": reason.strip(),
        },
        by=by,
    )


# Claims flipped per transaction: big enough that the per-batch cost (lock, insert statements)
# is spread thin, small enough that a batch holds its row locks for well under a second.
