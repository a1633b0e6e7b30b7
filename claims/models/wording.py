"""Sentences the workflow writes about a claim (its timeline, the summaries of proposed changes),
kept as a key and its values and written in the reader's language when they are read: the same
entry reads in French on /fr/ and in Arabic for an Arabic-speaking editor.

A value is a string or a number, shown as it is (the newsroom's own words: a reason, a summary,
a name), or one of these, shown in the reader's language:
- `{"date": "2024-01-20", "approximate": false}`: a day, or "… at the latest";
- `{"rating": "Pending"}`: a rating's label (the catalogue's, else as written);
- `{"model": "claims.claim", "changes": [[field, before, after], …]}`: what changed, each field
  by its name in the reader's language ("statement “…” → “…”").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from claims.models.dates import format_deadline

TEXTS = {
    "logged": gettext_noop("Logged."),
    "assigned": gettext_noop("Assigned to %(reviewer)s."),
    "verdict_submitted": gettext_noop("Verdict '%(rating)s' submitted."),
    "outcome_submitted": gettext_noop("Outcome '%(rating)s' submitted."),
    "withdrawn": gettext_noop("Withdrawn to draft."),
    "rated": gettext_noop("Rated '%(rating)s': %(summary)s"),
    "pending_until": gettext_noop("Pending until %(deadline)s: %(summary)s"),
    "extended": gettext_noop("Deadline moved from %(old)s to %(new)s: %(reason)s"),
    "fell_due": gettext_noop("The deadline, %(deadline)s, has passed: awaiting re-check."),
    "imported": gettext_noop("%(origin)s rated it '%(rating)s' on %(day)s."),
    "evidence_added": gettext_noop("Evidence added: “%(title)s” (%(url)s)."),
    "evidence_changed": gettext_noop("Evidence “%(title)s” changed: %(changes)s."),
    "evidence_removed": gettext_noop("Evidence removed: “%(title)s” (%(url)s)."),
    "claim_changed": gettext_noop("The claim changed: %(changes)s."),
    "article_changed": gettext_noop("The article “%(headline)s” changed: %(changes)s."),
}


def date_value(day: dt.date, approximate: bool = False) -> dict[str, Any]:
    return {"date": day.isoformat(), "approximate": approximate}


def render(key: str, params: dict[str, Any]) -> str:
    """The sentence `key` with its values, in the language being spoken."""
    return gettext(TEXTS[key]) % {name: _shown(value) for name, value in params.items()}


def in_site_language(key: str, params: dict[str, Any]) -> str:
    """The sentence as the site's language writes it: what is stored beside the key, for what
    reads the stored text itself (exports, search, rows from before the keys)."""
    with translation.override(settings.LANGUAGE_CODE):
        return render(key, params)


def _shown(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "date" in value:
        return format_deadline(
            dt.date.fromisoformat(value["date"]), value.get("approximate", False)
        )
    if "rating" in value:
        return gettext(value["rating"])
    if "changes" in value:
        model = apps.get_model(value["model"])
        return "; ".join(_change(model, *change) for change in value["changes"])
    raise ValueError(f"not a value a sentence can show: {value!r}")


def _change(model: type, name: str, before: str, after: str) -> str:
    field = model._meta.get_field(name)
    if field.choices:  # the code, shown as its label in the reader's language
        labels = dict(field.flatchoices)
        before, after = labels.get(before, before), labels.get(after, after)
    return gettext("%(field)s “%(before)s” → “%(after)s”") % {
        "field": field.verbose_name,
        "before": before,
        "after": after,
    }
