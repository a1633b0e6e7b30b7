"""Every long text of the newsroom has a length limit, refused with a message that names the field
by every door (the admin's forms, the API, the workflow, intake, ClaimReview import), and nothing
is saved. A 10 MB statement made 42 MB pages and 10 MB feeds before."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import intake, workflow
from claims.models import Claim, ClaimEvent, Correction, Evidence, Suggestion, Verdict
from tests.api.test_api_write import snapshot

TOO_LONG = "x" * 1001  # over the statement's 1,000 characters


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_the_workflow_refuses_a_statement_too_long_naming_the_field(article, editor):
    before = snapshot()
    with pytest.raises(workflow.WorkflowError, match="the statement is 1,001 characters"):
        workflow.create_claim(Claim(statement=TOO_LONG, article=article), by=editor)
    assert snapshot() == before


def test_the_admin_refuses_a_statement_too_long_on_the_form(client, editor, article):
    client.force_login(editor)
    form = {
        "statement": TOO_LONG,
        "quote": "",
        "article": article.pk,
        "deadline": "",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:claims_claim_add"), form)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["statement"]
    assert "at most 1000 characters" in errors[0]
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("endpoint", "field", "limit"),
    [("claims", "statement", 1000), ("claims", "quote", 5000), ("evidence", "excerpt", 5000)],
)
def test_the_api_refuses_text_too_long_with_a_400(
    endpoint, field, limit, editor, reviewer, article, make_claim
):
    claim = make_claim()
    bodies = {
        "claims": (editor, {"statement": "S", "article": article.pk}),
        "evidence": (
            reviewer,
            {"claim": claim.pk, "url": "https://e.example/", "title": "T", "stance": "context"},
        ),
    }
    user, body = bodies[endpoint]
    before = snapshot()
    response = api(user).post(f"/api/{endpoint}/", {**body, field: "y" * (limit + 1)})
    assert response.status_code == 400
    assert str(limit) in response.json()[field][0]
    assert snapshot() == before


def test_a_transition_note_too_long_is_a_400_in_the_api(watching_claim, publisher):
    before = Correction.objects.count()
    response = api(publisher).post(
        f"/api/claims/{watching_claim.pk}/correct/", {"note": "n" * 5001}
    )
    assert response.status_code == 400
    assert "5000" in response.json()["note"][0]
    assert Correction.objects.count() == before


def test_an_accepted_suggestion_too_long_is_refused_and_stays_open(article, editor):
    suggestion = Suggestion.objects.create(
        article=article, statement="S", quote="q", start=0, end=1, score=1
    )
    with pytest.raises(workflow.WorkflowError, match="statement"):
        intake.accept(suggestion, by=editor, statement=TOO_LONG)
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.OPEN
    assert not Claim.objects.exists()


def test_a_long_correction_is_kept_whole_and_its_timeline_entry_cut(watching_claim, publisher):
    """The timeline keeps 500 characters; the correction itself keeps all 1,200 (PostgreSQL
    refused the whole correction before)."""
    note = "A correction that explains at length. " * 30
    workflow.correct(watching_claim, by=publisher, note=note)
    assert Correction.objects.get().note == note.strip()
    event = watching_claim.events.get(kind=ClaimEvent.Kind.CORRECTED)
    assert len(event.message) == 500 and event.message.endswith("…")


def test_nothing_but_the_limits_changed_for_text_within_them(article, editor, reviewer):
    claim = workflow.create_claim(Claim(statement="s" * 1000, article=article), by=editor)
    evidence = Evidence(claim=claim, url="https://e.example/", title="T", stance="context")
    evidence.excerpt = "e" * 5000
    workflow.add_evidence(evidence, by=reviewer)
    assert Claim.objects.get().statement == "s" * 1000
    assert Verdict.objects.count() == 0


# Text nobody types, each bounded where it is written: no limit of its own is needed.
WRITTEN_BY_THE_WORKBENCH = {
    ("claims", "articleimport", "pasted"): "intake.check_size: a page's bytes, an article's length",
    ("claims", "suggestion", "statement"): "cut from an article's text, read up to its length",
    ("claims", "suggestion", "quote"): "cut from an article's text, read up to its length",
    ("claims", "claim", "search_text"): "search_text_for: words of the claim's own bounded fields",
    ("claims", "claimsearchentry", "search_text"): "FTS5's copy of the claim's search_text",
    ("claims", "evidencesnapshot", "text"): "snapshots: cut at SNAPSHOT_MAX_CHARS",
    ("webhooks", "attempt", "response_excerpt"): "delivery.EXCERPT_CHARS of a receiver's answer",
}


def test_every_text_field_has_a_length_limit():
    """A new long text without a limit fails here (histories copy their model's fields)."""
    from django.apps import apps
    from django.db import models

    ours = [
        *apps.get_app_config("claims").get_models(),
        *apps.get_app_config("webhooks").get_models(),
    ]
    unbounded = {
        (model._meta.app_label, model._meta.model_name, field.name)
        for model in ours
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
        and not field.max_length
        and not field.generated
        and not model._meta.model_name.startswith("historical")
    }
    assert unbounded == set(WRITTEN_BY_THE_WORKBENCH)
