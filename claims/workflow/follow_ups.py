"""Deciding on a follow-up found in the news (claims/intake/followups.py): accept it as evidence,
with the stance the reviewer picks, under the evidence rules (on a public claim it is proposed,
and a publisher approves it before readers see it), or dismiss it. Either is decided once and
remembered: a dismissed follow-up is never offered again."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.models import ChangeProposal, Evidence, FollowUp
from claims.workflow.common import User, require
from claims.workflow.errors import InvalidTransition
from claims.workflow.research import add_evidence


@transaction.atomic
def accept_follow_up(
    follow_up: FollowUp, *, by: User, stance: str
) -> tuple[Evidence | ChangeProposal, FollowUp]:
    """Add the follow-up's article as evidence for its claim with `stance` (its sentence as the
    excerpt) and mark the follow-up accepted. Refused, changing nothing, if it was decided
    already, if the article has no address, or if the evidence rules refuse it."""
    require(by, "change_followup", _("decide on follow-ups"))
    stored = _undecided(follow_up)
    if stance not in Evidence.Stance.values:
        raise InvalidTransition(
            _("“%(stance)s” is no stance; choose one of %(stances)s.")
            % {"stance": stance, "stances": ", ".join(Evidence.Stance.values)}
        )
    article = stored.article
    if not article.url:
        raise InvalidTransition(
            _("“%(headline)s” has no address to link to; add it as evidence by hand.")
            % {"headline": article.headline[:80]}
        )
    evidence = Evidence(
        claim=stored.claim,
        url=article.url,
        title=article.headline[:300],
        source_name=article.source.name[:200],
        published_on=article.published_on,
        stance=stance,
        excerpt=stored.sentence[:5000],
    )
    added = add_evidence(evidence, by=by)
    _decide(stored, FollowUp.Status.ACCEPTED, by=by)
    return added, stored


@transaction.atomic
def dismiss_follow_up(follow_up: FollowUp, *, by: User) -> FollowUp:
    """Set the follow-up aside for good: it is not offered again, however often the news is read
    again."""
    require(by, "change_followup", _("decide on follow-ups"))
    stored = _undecided(follow_up)
    _decide(stored, FollowUp.Status.DISMISSED, by=by)
    return stored


def _undecided(follow_up: FollowUp) -> FollowUp:
    stored = (
        FollowUp.objects.select_for_update()
        .select_related("claim", "article__source")
        .get(pk=follow_up.pk)
    )
    if stored.status != FollowUp.Status.NEW:
        raise InvalidTransition(
            _("this follow-up was %(status)s already by %(who)s.")
            % {"status": stored.get_status_display(), "who": stored.decided_by}
            if stored.decided_by
            else _("this follow-up was %(status)s already.")
            % {"status": stored.get_status_display()}
        )
    return stored


def _decide(follow_up: FollowUp, status: str, *, by: User) -> None:
    follow_up.status, follow_up.decided_by, follow_up.decided_at = status, by, timezone.now()
    follow_up.save(update_fields=["status", "decided_by", "decided_at"])
