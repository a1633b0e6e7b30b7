"""Buttons on a claim's admin page for each workflow transition the user may make now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from claims import workflow
from claims.admin.forms import CorrectionForm, ExtendForm, ReasonForm, ResolveForm
from claims.models import Claim


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    form: type[forms.Form] | None
    help: str


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("assign_to_me", "Assign to me", None, "You will research this claim."),
        Transition("submit", "Submit for review", None, "A publisher will approve the verdict."),
        Transition("publish", "Publish verdict", None, "The verdict goes public now."),
        Transition("send_back", "Send back", ReasonForm, "The verdict returns to its author."),
        Transition(
            "resolve",
            "Record outcome",
            ResolveForm,
            "The outcome becomes a verdict that a publisher approves.",
        ),
        Transition(
            "extend",
            "Extend deadline",
            ExtendForm,
            "The claim is watched again until the new deadline.",
        ),
        Transition(
            "retract",
            "Retract",
            ReasonForm,
            "The claim leaves the lists; its page says it was retracted and why.",
        ),
        Transition(
            "correct",
            "Issue a correction",
            CorrectionForm,
            "The note is shown, dated, with the current verdict, and announced in the feeds.",
        ),
    ]
}


def _run(name: str, claim: Claim, user, data: dict[str, Any]):
    if name == "assign_to_me":
        return workflow.assign(claim, reviewer=user, by=user)
    if name in ("submit", "publish"):
        return getattr(workflow, name)(claim, by=user)
    return getattr(workflow, name)(claim, by=user, **data)


class TransitionViews:
    """Mixed into ClaimAdmin: one view per transition, and the buttons on the change form."""

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
        buttons = []
        if claim is not None:
            buttons = [TRANSITIONS[n] for n in workflow.available_transitions(claim, request.user)]
        extra_context = {**(extra_context or {}), "transitions": buttons}
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request: HttpRequest, claim_id: int, name: str) -> HttpResponse:
        transition = TRANSITIONS.get(name)
        claim = get_object_or_404(Claim, pk=claim_id)
        if transition is None or not self.has_view_permission(request, claim):
            raise PermissionDenied
        change_url = reverse("admin:claims_claim_change", args=[claim.pk])
        form = transition.form(request.POST or None) if transition.form else None
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                _run(name, claim, request.user, form.cleaned_data if form else {})
            except workflow.WorkflowError as error:
                self.message_user(request, f"{transition.label}: refused — {error}", messages.ERROR)
            else:
                self.message_user(request, f"{transition.label}: done.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{transition.label}: {claim}",
            "claim": claim,
            "transition": transition,
            "form": form,
            "opts": Claim._meta,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/claims/claim/transition.html", context)
