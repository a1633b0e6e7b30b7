"""The claim's page in the admin: its words, deadline, evidence, verdicts and timeline, with a
button for each step the user may take now. State changes go through `claims.workflow`."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from claims import csv_export, workflow
from claims.admin.deadline import DeadlinePreview
from claims.admin.display import when
from claims.admin.forms import ClaimAdminForm
from claims.admin.history import HistoryAdmin
from claims.admin.links import (
    ClaimLinkHistory,
    EvidenceLinkState,
    LinkHealthFilter,
)
from claims.admin.preview import preview_view
from claims.admin.recheck import RecheckPanel
from claims.admin.transitions import TransitionActions, TransitionViews
from claims.models import ChangeProposal, Claim, Evidence, Verdict


class LabelledFormSet(BaseInlineFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = "Delete this row"


class LabelledTabular(admin.TabularInline):
    """A tabular inline whose inputs say what they are: a column's heading labels no input for
    assistive technology, so each gets its field's name as its accessible label."""

    formset = LabelledFormSet

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.widget.attrs.setdefault("aria-label", str(db_field.verbose_name).capitalize())
        return field


class EvidenceInline(EvidenceLinkState, LabelledTabular):
    model = Evidence
    extra = 0
    fields = ["url", "title", "source_name", "published_on", "stance", "excerpt", "link_state"]
    readonly_fields = ["link_state"]
    # A plain address box: the admin's "Currently: <link> Change: <box>" doubles each row's width.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput}}


class PublishedVerdictInline(admin.StackedInline):
    """Published verdicts: read-only history, never edited or deleted."""

    model = Verdict
    verbose_name_plural = "published verdicts"
    extra = 0
    fields = [
        "published_at",
        "rating",
        "original_rating_label",
        "origin_name",
        "summary",
        "author",
        "approver",
        "is_current",
    ]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super().get_queryset(request).published().select_related("rating", "author", "approver")
        )

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class DraftVerdictInline(admin.StackedInline):
    """The one verdict in the works: written by a reviewer, then submitted and approved."""

    model = Verdict
    verbose_name = "verdict in the works"
    verbose_name_plural = "verdict in the works"
    extra = 0
    max_num = 1
    fields = ["status", "rating", "summary", "explanation", "happened_on", "checked_on", "author"]
    readonly_fields = ["status", "author"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).exclude(status=Verdict.Status.PUBLISHED)

    @staticmethod
    def _submitted(claim: Claim | None) -> bool:
        return claim is not None and claim.verdicts.filter(status=Verdict.Status.SUBMITTED).exists()

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        # A submitted verdict is frozen: withdrawn by its author or sent back, never edited.
        return not self._submitted(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return not self._submitted(obj) and super().has_delete_permission(request, obj)


class DeadlineFilter(admin.SimpleListFilter):
    title = "deadline"
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("passed", "passed"),
            ("this_week", "due this week"),
            ("next_30", "in the next 30 days"),
            ("none", "no deadline"),
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
    search_fields = [
        "statement",
        "quote",
        "claimant__name",
        "claimant__aliases__name",
        "article__headline",
    ]
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
            "Deadline",
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
            "Review",
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
        ("Proposed changes to the public page", {"fields": ["proposed_changes"]}),
        ("Internal notes (never public)", {"fields": ["notes", "new_note"]}),
        ("Evidence links", {"fields": ["link_history"]}),
        ("Timeline", {"fields": ["timeline"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_current_verdict()

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
            return [*self.fieldsets[:2], ("Review", {"fields": ["reviewer"]})]
        return self.fieldsets

    def view_on_site(self, claim: Claim) -> str | None:
        return claim.get_absolute_url() if claim.is_public else None

    @admin.display(description="claim", ordering="statement")
    def short_statement(self, claim: Claim) -> str:
        return claim.statement[:90] + ("…" if len(claim.statement) > 90 else "")

    @admin.display(description="tracking", ordering="tracking")
    def tracking_shown(self, claim: Claim) -> str:
        return claim.tracking_shown

    @admin.display(description="deadline", ordering="deadline")
    def deadline_shown(self, claim: Claim) -> str:
        return claim.deadline_display or "—"

    @admin.display(description="source", ordering="article__source__name")
    def source(self, claim: Claim) -> str:
        return claim.article.source.name

    @admin.display(description="rating")
    def current_rating(self, claim: Claim) -> str:
        return claim.current_verdicts[0].rating.shown_label if claim.current_verdicts else "—"

    @admin.display(description="deadline's precision")
    def deadline_precision(self, claim: Claim) -> str:
        # Words, not the admin's red cross: "not approximate" is no error.
        if not claim.deadline:
            return "—"
        if claim.deadline_approximate:
            return "at the latest: the article's date is known only to the month or year"
        return "exact"

    @admin.display(description="retraction")
    def retraction(self, claim: Claim) -> str:
        return claim.retraction_reason or "—"

    @admin.display(description="timeline")
    def timeline(self, claim: Claim) -> str:
        events = claim.events.select_related("actor") if claim.pk else []
        rows = format_html_join(
            "",
            "<li><time>{}</time> — <strong>{}</strong>: {}{}</li>",
            (
                (
                    when(e.at),
                    e.get_kind_display(),
                    e.message,
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
                workflow.add_note(obj, by=request.user, text=form.cleaned_data["new_note"])
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
                workflow.draft_verdict(instance, by=request.user)
            elif isinstance(instance, Verdict):
                changed = next(f.changed_data for f in formset.forms if f.instance is instance)
                workflow.revise_verdict(instance, by=request.user, changed=changed)
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
        formset.save_m2m()

    def tell_proposed(self, request: HttpRequest, done: object) -> None:
        """Say so when a change to a public page was proposed rather than made."""
        if isinstance(done, ChangeProposal):
            self.message_user(
                request,
                f"Proposed: {done.summary} A publisher approves it before readers see it.",
                messages.WARNING,
            )

    @admin.display(description="notes")
    def notes(self, claim: Claim) -> str:
        written = claim.notes.select_related("author") if claim.pk else []
        rows = format_html_join(
            "",
            "<li><strong>{}</strong> <span class='hint'>{}</span><br>{}</li>",
            ((note.author, when(note.created_at), note.text) for note in written),
        )
        return format_html("<ul class='notes'>{}</ul>", rows) if written else "—"

    @admin.display(description="proposed changes")
    def proposed_changes(self, claim: Claim) -> str:
        waiting = workflow.open_proposals(claim) if claim.pk else []
        rows = format_html_join(
            "",
            "<li>{} <span class='hint'>({}, {})</span></li>",
            ((p.summary, p.proposed_by, when(p.proposed_at)) for p in waiting),
        )
        return format_html("<ul class='proposals'>{}</ul>", rows) if waiting else "—"

    @admin.action(description="Export selected claims as CSV", permissions=["view"])
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
