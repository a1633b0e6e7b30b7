"""The OpenAPI schema and its docs page, and schemathesis against the running app: no server
error, and every answer (status, content type, body, headers) as the schema says."""

from __future__ import annotations

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims import workflow
from claims.models import Claimant, Evidence, Topic
from factcheck.wsgi import application
from tests.support.data import rating, write_verdict

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Modest: the whole suite stays well under its time budget on two cores.
EXAMPLES = hypothesis_settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def schema_document(db) -> dict:
    response = APIClient().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def operations(document: dict):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_schema_is_openapi_3_and_names_every_endpoint(schema_document):
    assert schema_document["openapi"].startswith("3.")
    paths = set(schema_document["paths"])
    for name in ("claims", "verdicts", "evidence", "articles", "sources", "claimants"):
        assert {f"/api/{name}/", f"/api/{name}/{{id}}/"} <= paths
    for name in ("submit", "publish", "send-back", "retract", "resolve", "extend", "assign"):
        assert f"/api/claims/{{id}}/{name}/" in paths
    assert {"/api/ratings/{slug}/", "/api/topics/{slug}/"} <= paths


def test_the_claimreview_feed_is_in_the_schema(schema_document):
    feed = schema_document["paths"]["/api/claimreview.json"]["get"]
    assert {"200", "304", "429"} <= set(feed["responses"])
    assert "application/ld+json" in feed["responses"]["200"]["content"]
    assert feed["description"]


def test_every_operation_documents_its_errors(schema_document):
    missing = []
    for path, method, operation in operations(schema_document):
        codes = set(operation["responses"])
        if method == "get":  # 401: a token that is not valid (none at all is the public)
            needed = {"304", "401"} | ({"404"} if "{" in path else set())
            if {} in operation.get("security", [{}]):  # anonymous reads are throttled
                needed.add("429")
        elif re.fullmatch(r"/api/claims/\{id\}/[a-z-]+/", path):
            needed = {"400", "401", "403", "404", "409"}
        else:
            needed = {"400", "401", "403"}
        if needed - codes:
            missing.append((method, path, sorted(needed - codes)))
        missing += [
            (method, path, code)
            for code, r in operation["responses"].items()
            if not r.get("description")
        ]
    assert missing == []


def test_every_parameter_is_described(schema_document):
    bare = [
        (path, parameter["name"])
        for path, _, operation in operations(schema_document)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert bare == []


def test_the_claim_list_offers_the_public_lists_filters(schema_document):
    names = {p["name"] for p in schema_document["paths"]["/api/claims/"]["get"]["parameters"]}
    assert {
        "q",
        "rating",
        "tracking",
        "has_deadline",
        "source",
        "topic",
        "claimant",
        "said_from",
        "said_to",
        "deadline_from",
        "deadline_to",
        "sort",
        "page",
        "page_size",
        "format",
    } <= names


def test_the_docs_page_loads_everything_from_this_server_without_inline_scripts(
    client, db, settings
):
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert addresses and not [a for a in addresses if a.startswith(("http:", "https:", "//"))]
    for address in addresses:  # shipped by a package (collectstatic serves them), or ours
        if address.startswith(settings.STATIC_URL):
            assert finders.find(address.removeprefix(settings.STATIC_URL)), address
        else:
            assert client.get(address).status_code == 200, address
    init = client.get(next(a for a in addresses if "script" in a))
    assert "SwaggerUIBundle" in init.content.decode() and "/api/schema/" in init.content.decode()


# --- schemathesis -------------------------------------------------------------------------------


@pytest.fixture
def newsroom_data(make_claim, publish_claim, reviewer, publisher, watching_claim):
    """Claims in each state, so that generated ids and filters hit real rows."""
    Topic.objects.create(name="Borders", slug="borders")
    claim = publish_claim(
        make_claim("Taxes rose.", claimant=Claimant.objects.create(name="A. Minister")), "true"
    )
    Evidence.objects.create(claim=claim, url="https://e.example/1", title="E", stance="context")
    draft = make_claim("A draft.")
    write_verdict(draft, reviewer, "false")
    workflow.mark_due(watching_claim, as_of=watching_claim.deadline.replace(day=30))
    assert rating("pending")
    return claim


@pytest.fixture
def served(newsroom_data, settings):
    """The app called in-process on the test database. Like Django's test client, keep the
    connection open across requests: it holds the test's transaction."""
    settings.API_ANON_THROTTLE_RATE = "100000/minute"  # the throttle has its own test
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield newsroom_data
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Loaded once, at collection, from the app itself (its schema needs no database); each test
# then calls the same app in-process, on the test database.
api = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@api.include(method="GET").parametrize()
@EXAMPLES
def test_reads_conform_to_the_schema_for_the_public(case, served):
    case.call_and_validate(checks=CHECKS)


@pytest.fixture
def publisher_token(publisher) -> str:
    return Token.objects.create(user=publisher).key


@api.parametrize()
@EXAMPLES
def test_every_operation_conforms_for_a_publisher(case, served, publisher_token):
    case.call_and_validate(headers={"Authorization": f"Token {publisher_token}"}, checks=CHECKS)
