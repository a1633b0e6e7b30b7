"""What may be done to a claim now, by whom."""

from __future__ import annotations

from claims.models import (
    Claim,
    Verdict,
)
from claims.workflow.common import User, current_verdict, open_verdict

# --- What may be done now -----------------------------------------------------------------------


def available_transitions(claim: Claim, user: User) -> list[str]:
    """The transitions `user` may make on `claim` now, for offering them as buttons.

    The transitions themselves check again: this list is a courtesy, not the guard.
    """
    verdict = open_verdict(claim)
    draft = verdict is not None and verdict.status == Verdict.Status.DRAFT
    submitted = verdict is not None and verdict.status == Verdict.Status.SUBMITTED
    published = claim.status == Claim.Status.PUBLISHED
    tracked = published and claim.tracking in (Claim.Tracking.WATCHING, Claim.Tracking.DUE)
    rules = {
        "assign_to_me": (
            "submit_claim",
            claim.status != Claim.Status.RETRACTED and claim.reviewer_id != user.pk,
        ),
        "submit": (
            "submit_claim",
            draft and claim.status in (Claim.Status.DRAFT, Claim.Status.PUBLISHED),
        ),
        "publish": ("publish_claim", submitted and verdict.author_id != user.pk),
        "send_back": ("publish_claim", submitted),
        "resolve": ("resolve_claim", tracked and verdict is None),
        "extend": ("extend_deadline", tracked),
        "retract": ("retract_claim", published),
        "correct": ("correct_verdict", claim.is_public and current_verdict(claim) is not None),
    }
    return [name for name, (perm, ok) in rules.items() if ok and user.has_perm(f"claims.{perm}")]
