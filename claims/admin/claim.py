"""The claim's page in the admin: its words, deadline, evidence, verdicts and timeline, with a
button for each step the user may take now. State changes go through `claims.workflow`."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib import admin, messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import csv_export, workflow
from claims.admin.deadline import DeadlinePreview
from claims.admin.display import when
from claims.admin.forms import ClaimAdminForm
from claims.admin.history import HistoryAdmin
from claims.admin.inlines import DraftVerdictInline, EvidenceInline, PublishedVerdictInline
from claims.admin.links import (
    ClaimLinkHistory,
    LinkHealthFilter,
)
from claims.admin.preview import preview_view
from claims.admin.recheck import RecheckPanel
from claims.admin.transitions import TransitionActions, TransitionViews
from claims.models import ChangeProposal, Claim, Evidence, Verdict

# Fieldset titles shown both on a new claim's form and on a logged one's.
DEADLINE, REVIEW = gettext_lazy("Deadline"), gettext_lazy("Review")


class DeadlineFilter(admin.SimpleListFilter):
    title = gettext_lazy("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("passed", _("passed")),
            ("this_week", _("due this week")),
            ("next_30", _("in the next 30 days")),
            ("none", _("no deadline")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        ranges = {
            "passed": {"deadline__lt": today},
            "this_week": {"deadline__gte": today, "deadline__lte": today + dt.timedelta(days=7)},
            "next_30": {"deadline__gte": today, "deadline__lte": today + dt.timedelta(days=30)},
            "none": {"deadline__isnull": True},
        }
        return queryset.filter(**ranges[self.value()]) if self.value() in ranges else queryset


@admin.register(Claim)
class ClaimAdmin(
    ClaimLinkHistory,
    DeadlinePreview,
    RecheckPanel,
    TransitionViews,
    TransitionActions,
    HistoryAdmin,
):
    form = ClaimAdminForm
    list_display = [
        "short_statement",
        "status",
        "tracking_shown",
        "deadline_shown",
        "reviewer",
        "source",
        "current_rating",
    ]
    list_filter = [
        "status",
        "tracking",
        DeadlineFilter,
        LinkHealthFilter,
        "reviewer",
        "article__source",
        "is_demo",
    ]
    # What the search box looks in (get_search_results): the site's search, and headlines.
    search_fields = ["search_text", "article__headline"]
    search_help_text = gettext_lazy(
        "Finds claims with every word, in any of its forms, in the statement, quote, claimant's "
        "names, source or reporter, and claims whose article's headline holds the words."
    )
    autocomplete_fields = ["claimant", "article", "appearances", "topics"]
    date_hierarchy = "deadline"
    list_select_related = ["reviewer", "article__source"]
    inlines = [EvidenceInline, DraftVerdictInline, PublishedVerdictInline]
    actions = [*TransitionActions.transition_actions, "export_csv"]
    readonly_fields = [
        "status",
        "tracking",
        "deadline_expression",
        "deadline_explanation",
        "deadline_precision",
        "first_published_at",
        "due_since",
        "retraction",
        "timeline",
        "link_history",
        "proposed_changes",
        "notes",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "statement",
                    "quote",
                    "language",
                    "article",
                    "appearances",
                    "claimant",
                    "reported_by",
                    "topics",
                    "is_demo",
                ]
            },
        ),
        (
            DEADLINE,
            {
                "fields": [
                    "deadline",
                    "deadline_overridden",
                    "deadline_expression",
                    "deadline_explanation",
                    "deadline_precision",
                ]
            },
        ),
        (
            REVIEW,
            {
                "fields": [
                    "reviewer",
                    "status",
                    "tracking",
                    "first_published_at",
                    "due_since",
                    "retraction",
                ]
            },
        ),
        (gettext_lazy("Proposed changes to the public page"), {"fields": ["proposed_changes"]}),
        (gettext_lazy("Internal notes (never public)"), {"fields": ["notes", "new_note"]}),
        (gettext_lazy("Evidence links"), {"fields": ["link_history"]}),
        (gettext_lazy("Timeline"), {"fields": ["timeline"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_current_verdict()

    def get_object(self, request: HttpRequest, object_id: str, from_field=None) -> Claim | None:
        """Read once a request: the steps, the re-check panel and the form all show this claim."""
        read = request.__dict__.setdefault("claims_read", {})
        if (object_id, from_field) not in read:
            read[object_id, from_field] = super().get_object(request, object_id, from_field)
        return read[object_id, from_field]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """The public site's search (every word, in any language and form, in the statement,
        quote, claimant's names, source or reporter: `Claim.objects.search`), drafts included,
        or the article's headline; in the list's own order."""
        if not search_term.strip():
            return queryset, False
        found = queryset.search(search_term).values("pk")
        by_headline = queryset.filter(article__headline__icontains=search_term).values("pk")
        return queryset.filter(Q(pk__in=found) | Q(pk__in=by_headline)), False

    # The claim's own fields, which the workflow says who may change when (editable_fields).
    CLAIM_FIELDS = ClaimAdminForm.Meta.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Claim | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            editable = workflow.editable_fields(obj, request.user)
            fields += [name for name in self.CLAIM_FIELDS if name not in editable]
        return fields

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        if obj is not None and obj.status != Claim.Status.DRAFT:
            return False  # published claims are retracted, never erased
        return super().has_delete_permission(request, obj)

    def get_inlines(self, request: HttpRequest, obj: Claim | None):
        return self.inlines if obj else []

    def get_fieldsets(self, request: HttpRequest, obj: Claim | None = None):
        if obj is None:  # a new claim has no state or history to show yet
            return [*self.fieldsets[:2], (REVIEW, {"fields": ["reviewer"]})]
        return self.fieldsets

    def view_on_site(self, claim: Claim) -> str | None:
        return claim.get_absolute_url() if claim.is_public else None

    @admin.display(description=gettext_lazy("claim"), ordering="statement")
    def short_statement(self, claim: Claim) -> str:
        return claim.statement[:90] + ("…" if len(claim.statement) > 90 else "")

    @admin.display(description=gettext_lazy("tracking"), ordering="tracking")
    def tracking_shown(self, claim: Claim) -> str:
        return claim.tracking_shown

    @admin.display(description=gettext_lazy("deadline"), ordering="deadline")
    def deadline_shown(self, claim: Claim) -> str:
        return claim.deadline_display or "—"

    @admin.display(description=gettext_lazy("source"), ordering="article__source__name")
    def source(self, claim: Claim) -> str:
        return claim.article.source.name

    @admin.display(description=gettext_lazy("rating"))
    def current_rating(self, claim: Claim) -> str:
        return claim.current_verdicts[0].rating.shown_label if claim.current_verdicts else "—"

    @admin.display(description=gettext_lazy("deadline's precision"))
    def deadline_precision(self, claim: Claim) -> str:
        # Words, not the admin's red cross: "not approximate" is no error.
        if not claim.deadline:
            return "—"
        if claim.deadline_approximate:
            return _("at the latest: the article's date is known only to the month or year")
        return _("exact")

    @admin.display(description=gettext_lazy("retraction"))
    def retraction(self, claim: Claim) -> str:
        return claim.retraction_reason or "—"

    @admin.display(description=gettext_lazy("timeline"))
    def timeline(self, claim: Claim) -> str:
        events = claim.events.select_related("actor") if claim.pk else []
        rows = format_html_join(
            "",
            "<li><time>{}</time> — <strong>{}</strong>: {}{}</li>",
            (
                (
                    when(e.at),
                    e.get_kind_display(),
                    e.text,
                    f" ({e.actor})" if e.actor else "",
                )
                for e in events
            ),
        )
        return format_html("<ul class='timeline'>{}</ul>", rows) if events else "—"

    def save_model(self, request: HttpRequest, obj: Claim, form, change: bool) -> None:
        if change:
            changed = [name for name in form.changed_data if name != "new_note"]
            if changed:
                proposed = workflow.edit_claim(obj, by=request.user, changed=changed)
                self.tell_proposed(request, proposed)
            if form.cleaned_data.get("new_note"):
                self.tell_proposed(
                    request,
                    workflow.add_note(obj, by=request.user, text=form.cleaned_data["new_note"]),
                )
        else:
            data = form.cleaned_data
            workflow.create_claim(
                obj,
                by=request.user,
                topics=data.get("topics", ()),
                appearances=data.get("appearances", ()),
            )

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        for instance in formset.save(commit=False):
            if isinstance(instance, Verdict) and instance.pk is None:
                self.tell_proposed(request, workflow.draft_verdict(instance, by=request.user))
            elif isinstance(instance, Verdict):
                changed = next(f.changed_data for f in formset.forms if f.instance is instance)
                done = workflow.revise_verdict(instance, by=request.user, changed=changed)
                self.tell_proposed(request, done)
            elif isinstance(instance, Evidence) and instance.pk is None:
                self.tell_proposed(request, workflow.add_evidence(instance, by=request.user))
            elif isinstance(instance, Evidence):
                changed = next(f.changed_data for f in formset.forms if f.instance is instance)
                done = workflow.change_evidence(instance, by=request.user, changed=changed)
                self.tell_proposed(request, done)
        for instance in formset.deleted_objects:
            if isinstance(instance, Evidence):
                self.tell_proposed(request, workflow.remove_evidence(instance, by=request.user))
            else:
                instance.delete()  # a draft verdict: its author's to discard
                self.tell_proposed(request, instance)
        formset.save_m2m()

    def tell_proposed(self, request: HttpRequest, done: object) -> None:
        """Say so when a change to a public page was proposed rather than made, and keep count
        of what was made at once."""
        if isinstance(done, ChangeProposal):
            request.proposals_made = True
            self.message_user(
                request,
                _("Proposed: %(summary)s A publisher approves it before readers see it.")
                % {"summary": done.summary_shown},
                messages.WARNING,
            )
        else:
            request.changes_made = True

    def message_user(self, request: HttpRequest, message, level=messages.INFO, *args, **kwargs):
        """The admin's "changed successfully" is left out when the save only proposed changes:
        nothing the page shows changed yet, and the warning above says what waits."""
        proposed_only = getattr(request, "proposals_made", False) and not getattr(
            request, "changes_made", False
        )
        if level == messages.SUCCESS and proposed_only:
            return
        super().message_user(request, message, level, *args, **kwargs)

    @admin.display(description=gettext_lazy("notes"))
    def notes(self, claim: Claim) -> str:
        written = claim.notes.select_related("author") if claim.pk else []
        rows = format_html_join(
            "",
            "<li><strong>{}</strong> <span class='hint'>{}</span><br>{}</li>",
            ((note.author, when(note.created_at), note.text) for note in written),
        )
        return format_html("<ul class='notes'>{}</ul>", rows) if written else "—"

    @admin.display(description=gettext_lazy("proposed changes"))
    def proposed_changes(self, claim: Claim) -> str:
        waiting = workflow.open_proposals(claim) if claim.pk else []
        rows = format_html_join(
            "",
            "<li>{} <span class='hint'>({}, {})</span></li>",
            ((p.summary_shown, p.proposed_by, when(p.proposed_at)) for p in waiting),
        )
        return format_html("<ul class='proposals'>{}</ul>", rows) if waiting else "—"

    @admin.action(description=gettext_lazy("Export selected claims as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        """The same rows as the API's `?format=csv` (claims/csv_export.py)."""
        claims = queryset.with_public_verdicts().order_by("pk")
        rows = (csv_export.claim_row(claim) for claim in claims)
        return csv_export.download("claims.csv", csv_export.CLAIM_COLUMNS, rows)

    def get_urls(self):
        preview = path(
            "<int:claim_id>/preview/",
            self.admin_site.admin_view(partial(preview_view, self)),
            name="claims_claim_preview",
        )
        own = [
            preview,
            *self.deadline_preview_urls(path),
            *self.transition_urls(path),
            *self.recheck_urls(path),
        ]
        return own + super().get_urls()
