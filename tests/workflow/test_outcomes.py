"""Outcomes say when the promised thing happened, apart from when it was checked; neither day is
in the future nor before the claim was made; track records count from when it happened."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Claim, Verdict
from tests.support.data import rating

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture
def due(watching_claim):
    """Deadline 2024-01-29; the article (the day the claim was made) is 2024-01-15."""
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    return watching_claim


def outcomes(claim: Claim) -> int:
    return claim.verdicts.exclude(status=Verdict.Status.PUBLISHED).count()


@pytest.mark.parametrize(
    ("slug", "dates", "why"),
    [
        ("fulfilled", {"happened_on": TOMORROW}, "is in the future"),
        ("not-fulfilled", {"checked_on": TOMORROW}, "is in the future"),
        ("fulfilled", {"happened_on": dt.date(2024, 1, 1)}, "before the claim was made"),
        ("fulfilled", {}, "say on which day it happened"),
        ("partly-fulfilled", {}, "say on which day it happened"),
        ("not-fulfilled", {"happened_on": dt.date(2024, 1, 28)}, "that is fulfilled"),
        (
            "fulfilled",
            {"happened_on": dt.date(2024, 3, 2), "checked_on": dt.date(2024, 3, 1)},
            "after the day it was checked",
        ),
        ("unverifiable", {"happened_on": dt.date(2024, 1, 20)}, "no day it happened"),
    ],
)
def test_an_outcome_with_impossible_dates_is_refused_and_saves_nothing(
    due, reviewer, slug, dates, why
):
    with pytest.raises(workflow.WorkflowError, match=why):
        workflow.resolve(due, by=reviewer, rating=rating(slug), note="n", **dates)
    assert outcomes(due) == 0


def test_an_outcome_keeps_both_days_and_the_check_defaults_to_today(due, reviewer):
    verdict = workflow.resolve(
        due, by=reviewer, rating=rating("fulfilled"), note="n", happened_on=dt.date(2024, 2, 3)
    )
    assert verdict.happened_on == dt.date(2024, 2, 3)
    assert verdict.checked_on == timezone.localdate()
    assert verdict.days_late == 5


def test_the_api_refuses_a_future_check_with_a_400(due, reviewer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    body = {"rating": "not-fulfilled", "note": "Shut.", "checked_on": TOMORROW.isoformat()}
    response = client.post(f"/api/claims/{due.pk}/resolve/", body, format="json")
    assert response.status_code == 400
    assert "in the future" in response.json()["detail"]
    assert outcomes(due) == 0


def test_the_api_refuses_a_draft_verdict_checked_in_the_future(make_claim, reviewer):
    claim = make_claim()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    body = {
        "claim": claim.pk,
        "rating": "false",
        "summary": "No.",
        "checked_on": TOMORROW.isoformat(),
    }
    response = client.post("/api/verdicts/", body, format="json")
    assert response.status_code == 400
    assert not claim.verdicts.exists()


def test_the_admin_refuses_a_future_check_in_words(client, due, reviewer):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_transition", args=[due.pk, "resolve"])
    form = {
        "rating": rating("not-fulfilled").pk,
        "note": "Shut.",
        "checked_on": TOMORROW.isoformat(),
    }
    response = client.post(url, form, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("refused" in text and "in the future" in text for text in shown), shown
    assert outcomes(due) == 0


def test_the_verdict_page_says_when_it_happened(client, due, reviewer, publisher):
    workflow.resolve(
        due, by=reviewer, rating=rating("not-fulfilled"), note="Late.",
        happened_on=dt.date(2024, 1, 30), checked_on=dt.date(2024, 2, 1),
    )  # fmt: skip
    workflow.publish(due, by=publisher)
    body = client.get(due.get_absolute_url()).content.decode()
    assert "It happened on 30 Jan 2024, 1 day after the deadline." in body
    assert "Checked on 1 Feb 2024." in body


def test_the_migration_reads_the_old_late_convention_as_the_day_it_happened(due, reviewer):
    verdict = workflow.resolve(due, by=reviewer, rating=rating("not-fulfilled"), note="n")
    Verdict.objects.filter(pk=verdict.pk).update(checked_on=dt.date(2024, 2, 5))
    migration = importlib.import_module("claims.migrations.0019_outcome_happened_on")
    migration.happened_from_checked(apps, None)
    verdict.refresh_from_db()
    assert verdict.happened_on == dt.date(2024, 2, 5)
