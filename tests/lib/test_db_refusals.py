"""The database refusing a write (a constraint that a form's own checks did not catch, e.g. because
another editor saved the same thing a moment earlier): a clear message, and nothing else changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Article, Claim, ClaimEvent, Evidence, Source
from claims.workflow import create
from factcheck.lib import refusals


def everything() -> dict[str, list]:
    """Every row an admin or API write here could touch, with the recorded history."""
    return {
        "articles": list(Article.objects.order_by("pk").values()),
        "claims": list(Claim.objects.order_by("pk").values("pk", "statement", "deadline")),
        "evidence": list(Evidence.objects.order_by("pk").values()),
        "events": list(ClaimEvent.objects.order_by("pk").values("pk")),
        "history": [
            Article.history.count(),
            Claim.history.count(),
            Evidence.history.count(),
        ],
    }


@pytest.fixture
def racing(monkeypatch):
    """As if another editor saved the conflicting row between the form's checks and the write:
    the model-level checks pass, and only the database can refuse."""
    for model in (Article, Evidence, Claim):
        monkeypatch.setattr(model, "validate_unique", lambda self, exclude=None: None)
        monkeypatch.setattr(
            model, "validate_constraints", lambda self, exclude=None, using=None: None
        )


def test_a_refused_new_article_says_why_and_saves_nothing(client, editor, article, racing):
    client.force_login(editor)
    before = everything()
    url = reverse("admin:claims_article_add")
    response = client.post(
        url,
        {
            "source": article.source_id,
            "url": article.url,
            "headline": "The same article, logged twice",
            "published_precision": "day",
        },
        follow=True,
    )
    assert response.redirect_chain == [(url, 302)]
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["Another article already has this canonical URL. Nothing was saved."]
    assert everything() == before


def test_a_refused_inline_leaves_the_claims_other_changes_unsaved(
    client, reviewer, make_claim, racing
):
    claim = make_claim("The bridge will reopen in March.")
    Evidence.objects.create(claim=claim, url="https://e.example/a", title="A", stance="context")
    client.force_login(reviewer)
    before = everything()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = {
        "statement": "The bridge will reopen in April.",  # changed, with the refused evidence
        "quote": "",
        "article": claim.article_id,
        "reported_by": "",
        "reviewer": claim.reviewer_id,
        # The form was opened before another reviewer added the same link.
        "evidence-TOTAL_FORMS": 1,
        "evidence-INITIAL_FORMS": 0,
        "evidence-0-claim": claim.pk,
        "evidence-0-url": "https://e.example/a",
        "evidence-0-title": "A again",
        "evidence-0-stance": "supports",
        "verdicts-TOTAL_FORMS": 0,
        "verdicts-INITIAL_FORMS": 0,
        "verdicts-2-TOTAL_FORMS": 0,
        "verdicts-2-INITIAL_FORMS": 0,
    }
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [
        f"Refused: https://e.example/a is already evidence for claim #{claim.pk}. "
        "Nothing was saved."
    ]
    assert everything() == before


def test_the_api_answers_a_refused_write_with_409_and_its_reason(editor, article, monkeypatch):
    monkeypatch.setattr(create, "check_deadline", lambda claim: None)  # let it reach the DB
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    before = everything()
    response = client.post(
        "/api/claims/",
        {
            "statement": "The bridge reopened before it was promised.",
            "article": article.pk,
            "deadline": "2023-12-31",  # before the article's 15 January 2024
            "deadline_overridden": True,
        },
    )
    assert response.status_code == 409, response.content
    assert response.json() == {
        "detail": "The database refused the change: "
        "A deadline cannot fall before its article's date."
    }
    assert everything() == before


# --- explain(): the words, from the database's own report ----------------------------------------


def refused(write) -> IntegrityError:
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        write()
    return caught.value


def test_a_unique_column_is_named_with_its_model(article):
    error = refused(
        lambda: Article.objects.create(source=article.source, url=article.url, headline="x")
    )
    assert refusals.explain(error) == "Another article already has this canonical URL."


def test_a_named_rule_gives_its_message(make_claim):
    claim = make_claim()
    error = refused(lambda: Claim.objects.filter(pk=claim.pk).update(deadline=dt.date(2000, 1, 1)))
    assert refusals.explain(error) == (
        "The database refused the change: A deadline cannot fall before its article's date."
    )


def test_a_rule_without_a_message_is_named(db):
    error = refused(lambda: Source.objects.create(name="A") and Source.objects.create(name="A"))
    assert refusals.explain(error) == "Another source already has this name."


def test_anything_else_still_gets_a_sentence(db):
    with connection.cursor() as cursor:
        error = refused(lambda: cursor.execute("INSERT INTO claims_topic (name) VALUES (NULL)"))
    assert refusals.explain(error).startswith("The database refused the change")
