"""A reviewer's research on a claim: the evidence found, and the verdict drafted from it. The
admin's claim page and the API add both here, under the same rules."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims.models import ChangeProposal, Claim, Evidence, Verdict
from claims.workflow.common import User, check_lengths, credit, open_verdict, require
from claims.workflow.editorial import check_can_draft
from claims.workflow.errors import InvalidTransition
from claims.workflow.outcomes import check_outcome_dates
from claims.workflow.proposals import (
    propose_evidence_change,
    propose_evidence_removal,
    propose_new_evidence,
)


@transaction.atomic
def draft_verdict(verdict: Verdict, *, by: User) -> Verdict:
    """Save `verdict` (new, its claim, rating and words filled in) as the claim's verdict in the
    works, written by `by`. Refused on a retracted claim, and where one is in the works already:
    the claim has one at a time, submitted and published or sent back before the next."""
    require(by, "add_verdict", _("draft verdicts"))
    claim = Claim.objects.select_for_update().get(pk=verdict.claim_id)
    check_can_draft(claim)
    if open_verdict(claim) is not None:
        raise InvalidTransition(
            _("claim #%(id)s already has a verdict in the works; edit or finish it first.")
            % {"id": claim.pk}
        )
    check_outcome_dates(
        claim, verdict.rating, happened_on=verdict.happened_on, checked_on=verdict.checked_on
    )
    verdict.author, verdict.status = by, Verdict.Status.DRAFT
    check_lengths(verdict)
    credit(verdict, by=by, why=gettext_noop("drafted"))
    verdict.save()
    return verdict


# A verdict's words: who changes them is one of its authors.
WORDS = frozenset({"rating", "summary", "explanation", "happened_on", "checked_on"})


@transaction.atomic
def revise_verdict(verdict: Verdict, *, by: User, changed: Iterable[str]) -> Verdict:
    """Save the `changed` fields of a draft verdict, as set on it. A submitted one is frozen
    (InvalidTransition): its author withdraws it, or a publisher sends it back, first. Whoever
    changes its words becomes one of its authors, and so cannot approve it."""
    require(by, "change_verdict", _("change verdicts"))
    stored = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if stored.status != Verdict.Status.DRAFT:
        raise InvalidTransition(
            _(
                "verdict #%(id)s is %(status)s: nobody edits it in place. Its author may withdraw "
                "it to draft, or a publisher send it back."
            )
            % {"id": stored.pk, "status": stored.get_status_display()}
        )
    check_outcome_dates(
        stored.claim, verdict.rating, happened_on=verdict.happened_on, checked_on=verdict.checked_on
    )
    check_lengths(verdict)
    credit(
        verdict,
        by=by,
        why=gettext_noop("changed: %(fields)s"),
        fields=", ".join(sorted(set(changed))),
    )
    verdict.save()
    if WORDS & set(changed) and by.pk != verdict.author_id:
        verdict.contributors.add(by)
    return verdict


@transaction.atomic
def add_evidence(evidence: Evidence, *, by: User) -> Evidence | ChangeProposal:
    """Save `evidence` (new, its claim and link filled in), found by `by`; on a public claim,
    propose it (a publisher approves it before readers see it). A link is evidence for a claim
    once."""
    require(by, "add_evidence", _("add evidence"))
    if Evidence.objects.filter(claim_id=evidence.claim_id, url=evidence.url).exists():
        raise InvalidTransition(
            _("%(url)s is already evidence for claim #%(id)s.")
            % {"url": evidence.url, "id": evidence.claim_id}
        )
    evidence.added_by = by
    check_lengths(evidence)
    if evidence.claim.is_public:
        return propose_new_evidence(evidence, by=by)
    credit(evidence, by=by, why=gettext_noop("added"))
    evidence.save()
    return evidence


@transaction.atomic
def change_evidence(
    evidence: Evidence, *, by: User, changed: Iterable[str]
) -> Evidence | ChangeProposal | None:
    """Save the `changed` fields of a piece of evidence, as set on it; on a public claim,
    propose the change instead (None when nothing readers see changed)."""
    require(by, "change_evidence", _("change evidence"))
    check_lengths(evidence)
    if evidence.claim.is_public:
        return propose_evidence_change(evidence, by=by, changed=changed)
    credit(
        evidence,
        by=by,
        why=gettext_noop("changed: %(fields)s"),
        fields=", ".join(sorted(set(changed))),
    )
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(evidence: Evidence, *, by: User) -> ChangeProposal | None:
    """Delete a piece of evidence; on a public claim, propose its removal instead."""
    require(by, "delete_evidence", _("remove evidence"))
    if evidence.claim.is_public:
        return propose_evidence_removal(evidence, by=by)
    credit(evidence, by=by, why=gettext_noop("removed"))
    evidence.delete()
    return None
