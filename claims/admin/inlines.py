"""The claim page's inlines: its evidence (a row each, every input named after its column for
screen readers), the verdict in the works (read-only once submitted) and the published verdicts
(read-only, always)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.admin.links import EvidenceLinkState
from claims.models import Claim, Evidence, Verdict


class LabelledFormSet(BaseInlineFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Delete this row")


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
    verbose_name_plural = gettext_lazy("published verdicts")
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
    verbose_name = gettext_lazy("verdict in the works")
    verbose_name_plural = gettext_lazy("verdict in the works")
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
