"""The workflow's transitions in the admin, built from their registry
(claims/workflow/transitions.py): a button on a claim's page for each the user may make now, a
page for each with a form of its inputs, and a list action for each that applies to many claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from claims import roles, workflow
from claims.models import Claim, Rating
from claims.workflow.transitions import TRANSITIONS, Input, Kind, Transition


def input_field(spec: Input) -> forms.Field:
    """The form field of one of a transition's inputs."""
    common = {"required": spec.required, "help_text": spec.help}
    if spec.kind == Kind.TEXT:
        widget = forms.Textarea(attrs={"rows": 3, "cols": 60})
        return forms.CharField(widget=widget, max_length=spec.max_length, **common)
    if spec.kind == Kind.DATE:  # the browser's date picker, in the reader's own date order
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return forms.DateField(widget=widget, **common)
    if spec.kind == Kind.OUTCOME:
        return forms.ModelChoiceField(queryset=Rating.objects.outcomes(), **common)
    if spec.kind == Kind.CONFIRM:
        return forms.BooleanField(**common)
    return forms.ModelChoiceField(
        queryset=workflow.reviewers(), empty_label=gettext_lazy("me"), **common
    )


def transition_form(transition: Transition) -> type[forms.Form] | None:
    """A form of the transition's inputs, or None for a transition that takes none."""
    if not transition.inputs:
        return None
    fields = {spec.name: input_field(spec) for spec in transition.inputs}
    return type(f"{transition.name.title().replace('_', '')}Form", (forms.Form,), fields)


FORMS = {name: transition_form(t) for name, t in TRANSITIONS.items()}


@dataclass(frozen=True)
class Step:
    """A transition as a claim's page offers it: at once (a button that posts) or by its page."""

    transition: Transition
    direct: bool

    @property
    def label(self) -> str:
        return (self.direct and self.transition.direct_label) or self.transition.label


class TransitionViews:
    """Mixed into ClaimAdmin: one page per transition, and the buttons on the change form."""

    def transition_urls(self, path) -> list:
        return [
            path(
                "<int:claim_id>/transition/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="claims_claim_transition",
            )
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        steps = []
        if claim is not None:
            names = workflow.available_transitions(claim, request.user)
            offered = sorted((TRANSITIONS[name] for name in names), key=lambda t: t.rank)
            steps = [Step(t, not t.asks_first(request.user)) for t in offered]
        # The likely next step first, as a button; the others in a menu beside it.
        extra_context = {
            **(extra_context or {}),
            "next_step": steps[0] if steps else None,
            "other_steps": steps[1:],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request: HttpRequest, claim_id: int, name: str) -> HttpResponse:
        transition = TRANSITIONS.get(name)
        claim = get_object_or_404(Claim, pk=claim_id)
        if transition is None or not self.has_view_permission(request, claim):
            raise PermissionDenied
        change_url = reverse("admin:claims_claim_change", args=[claim.pk])
        # Refused at once, in words, not after the form: a role that never takes the step, or
        # a claim where this user may not take it now (a publisher who wrote the verdict).
        if not transition.allowed(request.user):
            who = roles.who_may(transition.permission)
            self.message_user(
                request,
                _("“%(step)s” is for %(roles)s; your role does not take this step.")
                % {"step": transition.label, "roles": who},
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        why_not = workflow.why_not_now(name, claim, request.user)
        if why_not is not None:
            refusal = gettext("“%(step)s” cannot be taken now: %(why)s")
            self.message_user(
                request, refusal % {"step": transition.label, "why": why_not}, messages.ERROR
            )
            return HttpResponseRedirect(change_url)
        form_class = FORMS[name]
        posted = request.POST if request.method == "POST" else None
        form = form_class(posted) if form_class else None
        verdict = workflow.open_verdict(claim)
        past_deadline = verdict is not None and workflow.pending_past_deadline(
            claim, verdict, on=timezone.localdate()
        )
        if form is not None and not past_deadline:
            form.fields.pop("confirm_past_deadline", None)  # asked only where it is needed
        if posted is not None and (form is None or form.is_valid()):
            inputs = form.cleaned_data if form else {}
            try:
                workflow.run_transition(name, claim, by=request.user, **inputs)
            except workflow.WorkflowError as error:
                refused = _("%(step)s: refused — %(error)s")
                self.message_user(
                    request, refused % {"step": transition.label, "error": error}, messages.ERROR
                )
            else:
                done = _("%(step)s: done.") % {"step": transition.label}
                self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("%(step)s: %(claim)s") % {"step": transition.label, "claim": claim},
            "claim": claim,
            "transition": transition,
            "form": form,
            "opts": Claim._meta,
            "change_url": change_url,
            "verdict": verdict,
            "past_deadline": past_deadline,
            # What a decision on proposed changes decides: named, not left to the preview.
            "proposals": (
                list(workflow.open_proposals(claim).order_by("proposed_at", "pk"))
                if name in ("approve_changes", "refuse_changes")
                else []
            ),
        }
        return TemplateResponse(request, "admin/claims/claim/transition.html", context)


def _action(transition: Transition):
    def apply(modeladmin: TransitionActions, request: HttpRequest, queryset: QuerySet):
        return modeladmin.apply_transition(request, queryset, transition)

    apply.__name__ = transition.name
    asks = any(spec.asked for spec in transition.inputs)
    # Lazy: the list's action menu is in the language of whoever reads it.
    apply.short_description = format_lazy("{}…", transition.label) if asks else transition.label
    return apply


class TransitionActions:
    """Mixed into ClaimAdmin: the registry's bulk transitions as list actions, each offered to
    who may make it, asking for its inputs first, and reporting claim by claim."""

    transition_actions = [_action(t) for t in TRANSITIONS.values() if t.bulk]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        for name, transition in TRANSITIONS.items():
            if name in actions and not transition.allowed(request.user):
                del actions[name]
        return actions

    def apply_transition(
        self, request: HttpRequest, queryset: QuerySet, transition: Transition
    ) -> HttpResponse | None:
        form_class = FORMS[transition.name]
        asks = any(spec.asked for spec in transition.inputs)
        answered = any(spec.name in request.POST for spec in transition.inputs)
        form = form_class(request.POST if answered or not asks else None) if form_class else None
        if form is not None and not form.is_valid():
            return self._ask_inputs(request, queryset, transition, form)
        inputs = form.cleaned_data if form is not None else {}
        for claim in queryset:
            try:
                workflow.run_transition(transition.name, claim, by=request.user, **inputs)
            except workflow.WorkflowError as error:
                refused = _("Not %(done)s: “%(claim)s” — %(error)s")
                self.message_user(
                    request,
                    refused % {"done": transition.done, "claim": claim, "error": error},
                    messages.ERROR,
                )
            else:
                done = _("%(done)s: “%(claim)s”") % {
                    "done": capfirst(transition.done),
                    "claim": claim,
                }
                self.message_user(request, done, messages.SUCCESS)
        return None

    def _ask_inputs(self, request, queryset, transition, form) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": _("%(step)s: the claims selected") % {"step": transition.label},
            "claims": queryset,
            "transition": transition,
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/claims/claim/transition_selected.html", context)
