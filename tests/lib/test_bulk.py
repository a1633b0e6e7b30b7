"""factcheck/lib/bulk.py: many rows in a few statements, exactly as the ORM would have stored
them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from claims.models import ClaimEvent, Notification
from factcheck.lib.bulk import insert_rows


def test_rows_with_varying_and_constant_columns_are_stored_as_given(make_claim):
    claims = [make_claim(f"Claim {n}.") for n in range(3)]
    now = timezone.now()
    rows = [(c.pk, "fell_due", now, f"Message {n}") for n, c in enumerate(claims)]
    assert insert_rows(ClaimEvent, ["claim", "kind", "at", "message"], rows) == 3
    stored = list(
        ClaimEvent.objects.order_by("claim_id").values_list("claim_id", "kind", "at", "message")
    )
    assert stored == rows


def test_a_single_row_and_a_json_column(make_claim):
    claim = make_claim()
    insert_rows(
        Notification,
        ["claim", "kind", "deadline", "created_at", "recipients"],
        [(claim.pk, "reminder", dt.date(2024, 2, 1), timezone.now(), ["a@example.org"])],
    )
    notification = Notification.objects.get()
    assert notification.recipients == ["a@example.org"] and notification.sent_at is None


def test_nothing_to_insert_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_rows(ClaimEvent, ["claim", "kind", "at", "message"], []) == 0
