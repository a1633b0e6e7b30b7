"""An outcome's days, neither in the future nor before the claim was made, by every door that
records one: the workflow, the admin's Record outcome page, the verdict in the works on the
claim's page, the API's resolve step and its verdicts endpoint. Each refusal says which day is
wrong, and nothing is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Claim, Verdict
from tests.support.data import rating

TOMORROW = timezone.localdate() + dt.timedelta(days=1)
BEFORE_THE_CLAIM = dt.date(2024, 1, 2)  # the article, the day the claim was made: 2024-01-15
WRONG_DAYS = {
    "happened tomorrow": ({"happened_on": TOMORROW}, "in the future"),
    "checked tomorrow": ({"checked_on": TOMORROW}, "in the future"),
    "happened before the claim": ({"happened_on": BEFORE_THE_CLAIM}, "before the claim was made"),
    "checked before the claim": ({"checked_on": BEFORE_THE_CLAIM}, "before the claim was made"),
}


@pytest.fixture
def due(watching_claim):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    return watching_claim


def iso(days: dict) -> dict:
    return {name: day.isoformat() for name, day in days.items()}


def by_workflow(claim: Claim, user, days: dict, client) -> str:
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.resolve(claim, by=user, rating=rating("not-fulfilled"), note="Shut.", **days)
    return str(refused.value)


def by_admin_step(claim: Claim, user, days: dict, client) -> str:
    client.force_login(user)
    url = reverse("admin:claims_claim_transition", args=[claim.pk, "resolve"])
    form = {"rating": rating("not-fulfilled").pk, "note": "Shut.", **iso(days)}
    response = client.post(url, form, follow=True)
    return " ".join(str(m) for m in response.context["messages"])


def by_admin_claim_page(claim: Claim, user, days: dict, client) -> str:
    client.force_login(user)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = client.get(url).context["adminform"].form
    data = {
        k: ("" if v is None else v)
        for k, v in form.initial.items()
        if k in form.fields and k not in ("appearances",)
    }
    data |= {
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "verdicts-TOTAL_FORMS": "1",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-0-rating": rating("not-fulfilled").pk,
        "verdicts-0-summary": "Shut.",
        **{f"verdicts-0-{name}": day for name, day in iso(days).items()},
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    response = client.post(url, data, follow=True)
    shown = [str(m) for m in response.context["messages"]] if response.context else []
    errors = response.context.get("errors") if response.context else None
    return " ".join([*shown, str(errors or "")])


def api_as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def by_api_step(claim: Claim, user, days: dict, client) -> str:
    body = {"rating": "not-fulfilled", "note": "Shut.", **iso(days)}
    response = api_as(user).post(f"/api/claims/{claim.pk}/resolve/", body, format="json")
    assert response.status_code == 400
    return str(response.json())


def by_api_verdicts(claim: Claim, user, days: dict, client) -> str:
    body = {"claim": claim.pk, "rating": "not-fulfilled", "summary": "Shut.", **iso(days)}
    response = api_as(user).post("/api/verdicts/", body, format="json")
    assert response.status_code == 400
    return str(response.json())


DOORS: dict[str, Callable[..., str]] = {
    "workflow": by_workflow,
    "admin Record outcome": by_admin_step,
    "admin claim page": by_admin_claim_page,
    "API resolve": by_api_step,
    "API verdicts": by_api_verdicts,
}


@pytest.mark.parametrize("wrong", WRONG_DAYS)
@pytest.mark.parametrize("door", DOORS)
def test_an_outcome_on_an_impossible_day_is_refused_by_every_door(
    door, wrong, due, reviewer, client
):
    days, why = WRONG_DAYS[wrong]
    said = DOORS[door](due, reviewer, days, client)
    assert why in said, said
    assert not due.verdicts.exclude(status=Verdict.Status.PUBLISHED).exists()
    due.refresh_from_db()
    assert due.tracking == Claim.Tracking.DUE
