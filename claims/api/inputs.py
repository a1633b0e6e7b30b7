"""A transition's inputs as the API reads them: one serializer per transition, built from the
registry (claims/workflow/transitions.py), so the API asks for what the admin asks for."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from rest_framework import serializers

from claims.models import Rating
from claims.workflow.transitions import TRANSITIONS, Input, Kind, Transition


def input_field(spec: Input) -> serializers.Field:
    """The serializer field of one of a transition's inputs. Text may be left out: the workflow
    then says what is missing, in the same words as in the admin."""
    if spec.kind == Kind.TEXT:
        return serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=spec.max_length,
            help_text=spec.help,
        )
    if spec.kind == Kind.DATE:
        if spec.required:
            return serializers.DateField(help_text=spec.help)
        return serializers.DateField(
            required=False, allow_null=True, default=None, help_text=spec.help
        )
    if spec.kind == Kind.CONFIRM:
        return serializers.BooleanField(required=False, default=False, help_text=spec.help)
    if spec.kind == Kind.OUTCOME:
        return serializers.SlugRelatedField(
            slug_field="slug",
            queryset=Rating.objects.all(),
            help_text=format_lazy(
                "{} One of: fulfilled, partly-fulfilled, not-fulfilled, unverifiable.", spec.help
            ),
        )
    return serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
        help_text=format_lazy("{} A user id.", spec.help),
    )


def transition_serializer(transition: Transition) -> type[serializers.Serializer] | None:
    """A serializer of the transition's inputs, or None for a transition that takes none."""
    if not transition.inputs:
        return None
    fields = {spec.name: input_field(spec) for spec in transition.inputs}
    name = transition.name.title().replace("_", "")
    return type(f"{name}Serializer", (serializers.Serializer,), fields)


TRANSITION_SERIALIZERS = {name: transition_serializer(t) for name, t in TRANSITIONS.items()}
