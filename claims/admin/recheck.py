"""The Re-check panel on a claim's page: its deadline, the follow-ups found in the news best first
with their sentence, the health of its evidence links and their readable copies, and buttons to
accept each follow-up as evidence with a stance, or to dismiss it. The decisions are
`claims.workflow.accept_follow_up` and `dismiss_follow_up`; here they are only asked for.

The panel is drawn above the claim's fields. Its buttons sit inside the claim's change form (a
form in a form is no HTML), so each posts that form, with its CSRF token, to the decision's own
address (`formaction`); the decision's view reads only the stance.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from claims import workflow
from claims.models import Claim, Evidence, EvidenceSnapshot, FollowUp

DECISIONS = ("accept", "dismiss")


class RecheckPanel:
    """Mixed into ClaimAdmin: the panel on the change form, and the decisions' addresses."""

    def recheck_urls(self, path) -> list:
        return [
            path(
                "<int:claim_id>/follow-ups/<int:follow_up_id>/<str:decision>/",
                self.admin_site.admin_view(self.follow_up_view),
                name="claims_claim_follow_up",
            )
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        panel = recheck_panel(claim, request) if claim is not None else ""
        extra_context = {**(extra_context or {}), "recheck_panel": panel}
        return super().change_view(request, object_id, form_url, extra_context)

    def follow_up_view(
        self, request: HttpRequest, claim_id: int, follow_up_id: int, decision: str
    ) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        follow_up = get_object_or_404(FollowUp, pk=follow_up_id, claim_id=claim_id)
        if decision not in DECISIONS or not self.has_view_permission(request, follow_up.claim):
            raise PermissionDenied
        back = reverse("admin:claims_claim_change", args=[claim_id]) + "#recheck"
        try:
            if decision == "accept":
                done, _ = workflow.accept_follow_up(
                    follow_up, by=request.user, stance=request.POST.get("stance", "")
                )
                self.tell_proposed(request, done)
                said = gettext("Follow-up accepted as evidence: “%(headline)s”.")
            else:
                workflow.dismiss_follow_up(follow_up, by=request.user)
                said = gettext("Follow-up dismissed: “%(headline)s”. It will not be offered again.")
        except workflow.WorkflowError as error:
            refused = gettext("Refused: %(reason)s Nothing was changed.")
            self.message_user(request, refused % {"reason": error}, messages.ERROR)
        else:
            self.message_user(request, said % {"headline": follow_up.article.headline[:120]})
        return HttpResponseRedirect(back)


def recheck_panel(claim: Claim, request: HttpRequest) -> SafeString:
    """The panel: deadline, follow-ups best first, evidence health; buttons for those who may
    decide."""
    context = {
        "claim": claim,
        "follow_ups": list(claim.follow_ups.offered()),
        "links": link_health(claim),
        "may_decide": request.user.has_perm("claims.change_followup"),
        "stances": Evidence.Stance.choices,
    }
    return render_to_string("admin/claims/claim/recheck.html", context, request=request)


def link_health(claim: Claim) -> dict[str, int]:
    """How the claim's evidence links stand: counts by health, and readable copies kept."""
    counts = Counter(claim.evidence.values_list("link_health", flat=True))
    kept = EvidenceSnapshot.objects.filter(evidence__claim=claim, error="").exclude(text="").count()
    return {
        "total": sum(counts.values()),
        "ok": counts[Evidence.LinkHealth.OK],
        "broken": counts[Evidence.LinkHealth.BROKEN],
        "unchecked": counts[Evidence.LinkHealth.UNCHECKED],
        "refused": counts[Evidence.LinkHealth.REFUSED],
        "copies": kept,
    }
