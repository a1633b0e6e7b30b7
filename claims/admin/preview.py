"""The preview of a claim's public page as it will be once what waits is approved: the verdict in
the works as the current one, and the proposed changes to its words and evidence made. The
public template itself renders it, marked as a preview, never cached or indexed, for the
newsroom only; what would change is marked."""

from __future__ import annotations

from dataclasses import dataclass, field

from csp.decorators import csp_replace
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin

from claims import workflow
from claims.models import ChangeProposal, Claim, Evidence
from claims.workflow.proposals import decode_onto


@dataclass
class Changes:
    """What the preview shows differently from the public page now."""

    rating_was: str = ""
    summary_was: str = ""
    new_verdict: bool = False
    claim_fields: list[str] = field(default_factory=list)  # their verbose names
    evidence: dict[str, str] = field(default_factory=dict)  # title: added / changed / removed

    @property
    def any(self) -> bool:
        return bool(self.new_verdict or self.claim_fields or self.evidence)


def previewed(claim: Claim) -> tuple[list[Evidence], Changes]:
    """Make `claim` (with its public prefetches) read as it will once approved, in memory only;
    return its evidence as it will be and what changes."""
    changes = Changes()
    verdict = workflow.open_verdict(claim)
    if verdict is not None:
        current = claim.published_verdicts[0] if claim.published_verdicts else None
        changes.new_verdict = True
        changes.rating_was = current.rating.shown_label if current else ""
        changes.summary_was = current.summary if current else ""
        for older in claim.published_verdicts:
            older.is_current = False
        verdict.is_current, verdict.published_at = True, timezone.now()
        claim.published_verdicts = [verdict, *claim.published_verdicts]
    evidence = {item.pk: item for item in claim.evidence.all()}
    for proposal in workflow.open_proposals(claim).filter(claim=claim):
        _apply(proposal, claim, evidence, changes)
    return list(evidence.values()), changes


def _apply(proposal: ChangeProposal, claim: Claim, evidence: dict, changes: Changes) -> None:
    kind = ChangeProposal.Kind
    if proposal.kind == kind.CHANGE_CLAIM:
        decode_onto(claim, proposal.changes)
        # Named as the reader's language names them, not by their code.
        changes.claim_fields += [
            str(Claim._meta.get_field(name).verbose_name) for name in proposal.changes
        ]
    elif proposal.kind == kind.ADD_EVIDENCE:
        added = Evidence(claim=claim, pk=-proposal.pk)
        decode_onto(added, proposal.changes)
        evidence[added.pk] = added
        changes.evidence[added.title] = "added"
    elif proposal.evidence_id in evidence:
        item = evidence[proposal.evidence_id]
        if proposal.kind == kind.REMOVE_EVIDENCE:
            del evidence[item.pk]
            changes.evidence[item.title] = "removed"
        else:
            decode_onto(item, proposal.changes)
            changes.evidence[item.title] = "changed"


@csp_replace({"frame-ancestors": ["'self'"]})  # shown inside the Publish page, and no other
@xframe_options_sameorigin
def preview_view(model_admin, request: HttpRequest, claim_id: int) -> TemplateResponse:
    claims = (
        Claim.objects.with_public_verdicts()
        .with_public_events()
        .prefetch_related(
            "evidence", "topics", "appearances__source", "published_verdicts__corrections"
        )
    )
    claim = get_object_or_404(claims, pk=claim_id)
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    evidence, changes = previewed(claim)
    verdict = claim.published_verdicts[0] if claim.published_verdicts else None
    context = {
        "claim": claim,
        "verdict": verdict,
        "evidence": evidence,
        "preview": changes,
        "claimreview": None,
    }
    response = TemplateResponse(request, "claims/claim_detail.html", context)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
