"""What every transition shares: the permission check, who is credited in the history, the
timeline entry, and the claim's open and current verdicts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from claims import roles
from claims.models import (
    Claim,
    ClaimEvent,
    Verdict,
    wording,
)
from claims.workflow.errors import NotAllowed, WorkflowError

User = AbstractUser


def require(user: User, perm: str, doing: str) -> None:
    if not user.has_perm(f"claims.{perm}"):
        raise NotAllowed(roles.refusal(user, doing, perm))


def check_lengths(*rows: models.Model) -> None:
    """Refuse (WorkflowError, nothing saved) text longer than its field allows, naming the
    field: the database would keep a TextField's text of any length, and a 10 MB statement makes
    40 MB pages and feeds."""
    for row in rows:
        for field in row._meta.concrete_fields:
            limit = getattr(field, "max_length", None)
            if not limit or field.generated:
                continue
            value = getattr(row, field.attname)
            if isinstance(value, str) and len(value) > limit:
                raise WorkflowError(
                    gettext(
                        "the %(field)s is %(length)s characters long; at most %(limit)s are kept."
                    )
                    % {
                        "field": field.verbose_name,
                        "length": formats.number_format(len(value), force_grouping=True),
                        "limit": formats.number_format(limit, force_grouping=True),
                    }
                )


def credit(*rows, by: User | None, why: str, **values: object) -> None:
    """Say who makes the change about to be saved, and why, for its recorded history (the rows'
    `history` in claims.models): a worker has no request to tell it, and a reason reads better
    than a list of fields. `why` is marked with gettext_noop and filled with `values`; it is
    kept in the site's language, like the rest of the stored text."""
    with translation.override(settings.LANGUAGE_CODE):
        reason = gettext(why) % values if values else gettext(why)
    for row in rows:
        row._history_user = by
        row._change_reason = reason[:100]


def add_event(
    claim: Claim,
    kind: str,
    message: str = "",
    *,
    key: str = "",
    values: dict[str, Any] | None = None,
    by=None,
    verdict=None,
    at=None,
) -> None:
    """A timeline entry: one of the workflow's sentences (`key` and its `values`, see
    claims/models/wording.py), which each reader reads in their language, or the newsroom's own
    words (`message`: a reason, a note), as written. Cut to what the timeline keeps."""
    values = values or {}
    if key:
        message = wording.in_site_language(key, values)
    ClaimEvent.objects.create(
        claim=claim,
        kind=kind,
        message=ClaimEvent.cut(message),
        text_key=key,
        text_values=values,
        actor=by,
        verdict=verdict,
        at=at or timezone.now(),
    )


def explain_deadline(claim: Claim, explain: Callable[[], str]) -> None:
    """Set the claim's deadline explanation as `explain` says it in each of the site's
    languages (so that each translation of its page shows its own); `deadline_explanation`, which
    the API and the admin show, in the site's own language whoever set it."""
    explanations = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            explanations[code] = explain()[:400]
    claim.deadline_explanations = explanations
    claim.deadline_explanation = explanations[settings.LANGUAGE_CODE]


def open_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(
        status__in=[Verdict.Status.DRAFT, Verdict.Status.SUBMITTED]
    ).first()


def current_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(is_current=True).first()
