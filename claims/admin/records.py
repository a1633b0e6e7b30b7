"""Records written elsewhere (verdicts, corrections, e-mails owed), listed for finding and reading,
and evidence across claims."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import csv_export, workflow
from claims.admin.history import HistoryAdmin
from claims.admin.links import (
    EvidenceLinkHistory,
)
from claims.models import (
    ChangeProposal,
    Correction,
    Evidence,
    Notification,
    Verdict,
)
from claims.workflow.transitions import TRANSITIONS
from factcheck.lib.admin import ReadOnly


@admin.register(Verdict)
class VerdictAdmin(ReadOnly, HistoryAdmin):
    """All verdicts, for finding and reading; they are written on the claim's page."""

    list_display = ["claim", "rating", "status", "author", "approver", "published_at", "is_current"]
    list_filter = ["status", "rating", "is_current"]
    search_fields = ["summary", "claim__statement"]
    list_select_related = ["claim", "rating", "author", "approver"]
    readonly_fields = [f.name for f in Verdict._meta.fields]
    actions = ["export_csv"]

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        """A published verdict is never edited: its page points to where it is corrected."""
        verdict = self.get_object(request, object_id)
        steps = []
        if verdict is not None and verdict.is_current:
            offered = workflow.available_transitions(verdict.claim, request.user)
            steps = [TRANSITIONS[name] for name in ("correct",) if name in offered]
        context = {**(extra_context or {}), "claim_steps": steps, "verdict": verdict}
        return super().change_view(request, object_id, form_url, context)

    @admin.action(description=gettext_lazy("Export selected verdicts as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        """The same rows as the API's `/api/verdicts/?format=csv` (claims/csv_export.py)."""
        rows = (csv_export.verdict_row(v) for v in queryset.order_by("-published_at", "-pk"))
        return csv_export.download("verdicts.csv", csv_export.VERDICT_COLUMNS, rows)


@admin.register(Evidence)
class EvidenceAdmin(EvidenceLinkHistory, HistoryAdmin):
    list_display = ["title", "claim", "stance", "source_name", "link_state", "added_by"]
    list_filter = ["stance", "link_health"]
    readonly_fields = ["link_state", "link_history"]
    search_fields = ["title", "url", "excerpt", "claim__statement"]
    autocomplete_fields = ["claim"]
    list_select_related = ["claim", "added_by"]

    def save_model(self, request: HttpRequest, obj: Evidence, form, change: bool) -> None:
        if change:
            done = workflow.change_evidence(obj, by=request.user, changed=form.changed_data)
        else:
            done = workflow.add_evidence(obj, by=request.user)
        self._tell_proposed(request, done)

    def delete_model(self, request: HttpRequest, obj: Evidence) -> None:
        self._tell_proposed(request, workflow.remove_evidence(obj, by=request.user))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        # The list's "delete selected" too: a public claim's evidence goes only on a second say.
        for evidence in queryset.select_related("claim"):
            self.delete_model(request, evidence)

    def _tell_proposed(self, request: HttpRequest, done: object) -> None:
        if isinstance(done, ChangeProposal):
            self.message_user(
                request,
                _("Proposed: %(summary)s A publisher approves it before readers see it.")
                % {"summary": done.summary_shown},
                messages.WARNING,
            )


SUMMARY_PARTS = ["summary", "summary_key", "summary_values"]


@admin.register(ChangeProposal)
class ChangeProposalAdmin(ReadOnly, HistoryAdmin):
    """Changes proposed to public pages, waiting or decided; decided on from here, or from the
    claim's page (Approve / Refuse proposed changes)."""

    list_display = [
        "summary_shown",
        "claim",
        "article",
        "kind",
        "status",
        "proposed_by",
        "proposed_at",
    ]
    list_filter = ["status", "kind"]
    list_select_related = ["claim", "article", "proposed_by"]
    search_fields = ["summary", "claim__statement", "article__headline"]
    # The summary as the reader's language writes it, in place of its stored parts.
    exclude = SUMMARY_PARTS
    readonly_fields = [
        "summary_shown",
        *(f.name for f in ChangeProposal._meta.fields if f.name not in SUMMARY_PARTS),
    ]
    actions = ["approve_selected"]

    @admin.display(description=gettext_lazy("summary"))
    def summary_shown(self, proposal: ChangeProposal) -> str:
        return proposal.summary_shown

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.publish_claim")

    @admin.action(description=gettext_lazy("Approve the selected changes"), permissions=["approve"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for proposal in queryset:
            try:
                workflow.approve_change(proposal, by=request.user)
            except workflow.WorkflowError as error:
                self.message_user(
                    request,
                    _("Not approved: “%(change)s” — %(error)s")
                    % {"change": proposal, "error": error},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request, _("Approved: “%(change)s”") % {"change": proposal}, messages.SUCCESS
                )


@admin.register(Correction)
class CorrectionAdmin(ReadOnly, admin.ModelAdmin):
    """Every correction, for finding them; they are issued from the claim's page and never
    changed or deleted."""

    list_display = ["verdict", "issued_at", "issued_by", "note"]
    list_select_related = ["verdict__rating", "issued_by"]
    search_fields = ["note", "verdict__claim__statement"]
    date_hierarchy = "issued_at"
    readonly_fields = [f.name for f in Correction._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "deadline", "created_at", "sent_at"]
    list_filter = ["kind", ("sent_at", admin.EmptyFieldListFilter)]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
