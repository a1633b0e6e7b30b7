"""The registry of transitions is the one list: the admin's buttons, pages and actions, the API's
actions, their forms, serializers and OpenAPI descriptions offer what it holds, and no more."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from rest_framework.test import APIClient

from claims import workflow
from claims.admin.transitions import FORMS
from claims.api.inputs import TRANSITION_SERIALIZERS
from claims.api.views import ClaimViewSet
from claims.models import Claim
from claims.workflow.transitions import TRANSITIONS

NAMES = set(TRANSITIONS)


def inputs(name: str) -> set[str]:
    return {spec.name for spec in TRANSITIONS[name].inputs}


@pytest.mark.django_db
def test_every_transition_has_a_workflow_function_and_a_permission_that_exists():
    from django.contrib.auth.models import Permission

    for name, transition in TRANSITIONS.items():
        assert transition.run is getattr(workflow, name)
        assert Permission.objects.filter(
            codename=transition.permission, content_type__app_label="claims"
        ).exists(), name


@pytest.mark.django_db
def test_available_transitions_are_named_in_the_registry(
    make_claim, watching_claim, editor, reviewer, publisher
):
    offered = set()
    for claim in (make_claim(), watching_claim):
        for user in (editor, reviewer, publisher):
            offered |= set(workflow.available_transitions(claim, user))
    assert offered <= NAMES
    assert {"assign", "retract", "resolve", "extend", "correct"} <= offered


def test_the_admin_pages_take_exactly_the_registry_inputs():
    for name in NAMES:
        form = FORMS[name]
        assert (set(form.base_fields) if form else set()) == inputs(name), name


@pytest.mark.django_db
def test_the_admin_list_actions_are_the_registry_bulk_transitions(publisher):
    request = RequestFactory().get("/admin/claims/claim/")
    request.user = publisher
    actions = set(admin.site._registry[Claim].get_actions(request))
    bulk = {name for name, t in TRANSITIONS.items() if t.bulk}
    assert actions - {"export_csv", "delete_selected"} == bulk


# The claim's extra reads, which change nothing: no transition.
CLAIM_READS = {"follow_ups"}


def test_the_api_actions_are_the_registry_transitions():
    extra = {a.__name__ for a in ClaimViewSet.get_extra_actions()}
    assert extra - CLAIM_READS == NAMES
    reads = [a for a in ClaimViewSet.get_extra_actions() if a.__name__ in CLAIM_READS]
    assert all(set(a.mapping) == {"get"} for a in reads)
    for name in NAMES:
        serializer = TRANSITION_SERIALIZERS[name]
        assert (set(serializer().fields) if serializer else set()) == inputs(name), name


@pytest.mark.django_db
def test_the_openapi_schema_documents_each_transition_once_from_the_registry():
    schema = APIClient().get("/api/schema/?format=json").json()
    posted = {
        path.rstrip("/").rsplit("/", 1)[-1]
        for path, item in schema["paths"].items()
        if path.startswith("/api/claims/{id}/") and "post" in item
    }
    assert posted == {name.replace("_", "-") for name in NAMES}
    for name, transition in TRANSITIONS.items():
        operation = schema["paths"][f"/api/claims/{{id}}/{name.replace('_', '-')}/"]["post"]
        assert operation["summary"] == transition.label
        assert str(transition.help) in operation["description"]
        assert f"`{transition.permission}`" in operation["description"]


@pytest.mark.django_db
def test_an_admin_transition_page_not_in_the_registry_is_refused(client, make_claim, publisher):
    claim = make_claim()
    client.force_login(publisher)
    response = client.get(f"/admin/claims/claim/{claim.pk}/transition/assign_to_me/")
    assert response.status_code == 403
