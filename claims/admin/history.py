"""The admin's history pages: every recorded version of a row, who made it, and what changed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import formats, timezone
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalChanges, ModelChange, ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper


def delta(record: HistoricalChanges, previous: HistoricalChanges) -> ModelDelta:
    """What `record` changed against `previous`, over every recorded field.

    simple-history's own `diff_against` compares only the fields a form may edit; the workflow's
    (approver, published date, retraction reason) are changes all the same. Related rows are
    compared by id and fetched only when they changed."""
    changes = [
        ModelChange(field.name, getattr(previous, field.name), getattr(record, field.name))
        for field in record.tracked_fields
        if getattr(previous, field.attname) != getattr(record, field.attname)
    ]
    return ModelDelta(
        changes=changes,
        changed_fields=[change.field for change in changes],
        old_record=previous,
        new_record=record,
    )


class ReadableChanges(HistoricalRecordContextHelper):
    """Changed values as the admin shows them elsewhere: a choice's label ("in review", not
    "in_review"), dates and times in the site's format and time zone, "—" for nothing."""

    def prepare_delta_change_value(self, change: ModelChange, value: Any) -> Any:
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "—"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, dt.datetime):
            return formats.localize(timezone.localtime(value))
        if isinstance(value, dt.date):
            return formats.date_format(value, "DATE_FORMAT")
        if isinstance(value, bool):
            return gettext("yes") if value else gettext("no")
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin that only shows: its "changes" column covers every recorded field, and
    an old version can be read but never saved back."""

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ) -> HttpResponse:
        # simple-history saves a POST to this page as a revert even with reverting disabled (it
        # asks only for the right to view history): that would overwrite a published verdict.
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(
        self, request: HttpRequest, historical_record: HistoricalChanges
    ) -> ReadableChanges:
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(
        self,
        request: HttpRequest,
        historical_records: Sequence[HistoricalChanges],
        foreign_keys_are_objs: bool = True,
    ) -> None:
        records = list(historical_records)  # newest first
        for record, previous in itertools.pairwise(records):
            helper = self.get_historical_record_context_helper(request, record)
            record.history_delta_changes = helper.context_for_delta_changes(delta(record, previous))
