"""The admin's permission matrix, continued: its custom views (import, suggestions, deadline
preview, each workflow transition) and every action, posted by each role. The tables are
written out here; tests/admin/test_permissions_admin.py finds every view and action and checks
each has one."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.authtoken.models import Token

from claims import intake
from claims.models import (
    ArticleImport,
    Claim,
    Claimant,
    Correction,
    FollowUp,
    Notification,
    Rating,
    Source,
    Suggestion,
    Topic,
    Verdict,
)
from tests.admin import test_permissions_admin
from tests.admin.test_permissions_admin import ACTIONS, ROLES, client_as
from tests.api import test_api_write
from tests.api.test_api_write import claim_of, snapshot
from tests.support.pages import SEED_TEXT
from webhooks.models import Delivery, Webhook

# The fixtures of the other tables, shared.
scene = test_api_write.scene
people = test_permissions_admin.people
objects = test_permissions_admin.objects


def expired_attempt() -> AccessAttempt:
    """A failed login long ago: cleanup_expired_attempts would delete it if it ran."""
    attempt = AccessAttempt.objects.create(
        username="y", ip_address="203.0.113.1", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    )
    return attempt


# --- Custom views -------------------------------------------------------------------------------


@pytest.fixture
def imported(db) -> ArticleImport:
    """An article imported from pasted text (with suggestions), and a failed import."""
    done = intake.queue_import(content=SEED_TEXT.read_text(encoding="utf-8"), source_name="S")
    return intake.run_import(done.pk)


@pytest.fixture
def failed(db) -> ArticleImport:
    queued = intake.queue_import(url="http://127.0.0.1:1/gone", source_name="Nowhere")
    return intake.run_import(queued.pk)


def custom_pages(imported, objects) -> dict[str, tuple[str, dict[str, int]]]:
    suggestion = imported.article.suggestions.first()
    published = objects["published_claim"]
    may_add = {"outsider": 403, "editor": 200, "reviewer": 403, "publisher": 200}
    newsroom = {"outsider": 403, "editor": 200, "reviewer": 200, "publisher": 200}
    return {
        "claims_article_import": (reverse("admin:claims_article_import"), may_add),
        "claims_article_intake": (
            reverse("admin:claims_article_intake", args=[imported.article_id]),
            newsroom,
        ),
        "claims_articleimport_change": (
            reverse("admin:claims_articleimport_change", args=[imported.pk]),
            newsroom,
        ),
        "claims_suggestion_edit": (
            reverse("admin:claims_suggestion_edit", args=[suggestion.pk]),
            may_add,
        ),
        "claims_claim_deadline_preview": (
            reverse("admin:claims_claim_deadline_preview") + f"?article={published.article_id}",
            newsroom,
        ),
        # A transition's page is shown to whoever may take the step; anyone else in the
        # newsroom is sent back to the claim at once, with the reason (the workflow decides on
        # the POST, below).
        "claims_claim_preview": (
            reverse("admin:claims_claim_preview", args=[published.pk]),
            newsroom,
        ),
        "claims_claim_transition": (
            reverse("admin:claims_claim_transition", args=[published.pk, "retract"]),
            {"outsider": 403, "editor": 302, "reviewer": 302, "publisher": 200},
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_each_role_and_the_custom_pages(people, objects, imported, role):
    client = client_as(people[role])
    answers = {
        name: client.get(url).status_code
        for name, (url, _) in custom_pages(imported, objects).items()
    }
    expected = {
        name: statuses.get(role, 302)
        for name, (_, statuses) in custom_pages(imported, objects).items()
    }
    assert answers == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_add_claims_extracts_again(people, imported, role):
    suggestion = imported.article.suggestions.first()
    Suggestion.objects.filter(pk=suggestion.pk).update(statement="stale")
    response = client_as(people[role]).post(
        reverse("admin:claims_article_extract", args=[imported.article_id])
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.statement != "stale") == (role in {"editor", "publisher"})


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_import_retries_a_failed_import(people, failed, role):
    response = client_as(people[role]).post(
        reverse("admin:claims_articleimport_retry", args=[failed.pk])
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    retried = failed.state == ArticleImport.State.QUEUED
    assert retried == (role in {"editor", "publisher"})


@pytest.mark.parametrize("decision", ["accept", "reject"])
@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_add_claims_decides_on_suggestions(people, imported, role, decision):
    suggestion = imported.article.suggestions.first()
    url = reverse("admin:claims_suggestion_decide", args=[suggestion.pk, decision])
    response = client_as(people[role]).post(url, {"claimant": "none"})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    decided = suggestion.status != Suggestion.Status.OPEN
    assert decided == (role in {"editor", "publisher"})
    assert Claim.objects.exists() == (decided and decision == "accept")


@pytest.mark.parametrize("decision", ["accept", "dismiss"])
@pytest.mark.parametrize("role", ROLES)
def test_only_reviewers_and_publishers_decide_on_follow_ups(people, objects, role, decision):
    claim = objects["published_claim"]
    article = claim.article.source.articles.create(
        headline="Follow-up", url="https://daily.example/follow-up"
    )
    found = FollowUp.objects.create(claim=claim, article=article, sentence="S", score=0.8)
    url = reverse("admin:claims_claim_follow_up", args=[claim.pk, found.pk, decision])
    response = client_as(people[role]).post(url, {"stance": "supports"})
    assert response.status_code == {"outsider": 403}.get(role, 302)
    found.refresh_from_db()
    decided = found.status != FollowUp.Status.NEW
    assert decided == (role in {"reviewer", "publisher"})


# (claim in the scene, form data, who may, what shows it happened)
TRANSITIONS = {
    "assign": ("bare", {}, {"reviewer", "publisher"}, "assigned"),
    "submit": ("draft", {}, {"reviewer", "publisher"}, "in_review"),
    "publish": ("submitted", {}, {"publisher"}, "published"),
    "send_back": ("submitted", {"reason": "Check again."}, {"publisher"}, "draft"),
    "withdraw": ("submitted", {}, {"reviewer"}, "draft"),
    "approve_changes": ("proposed", {}, {"publisher"}, "changes approved"),
    "refuse_changes": ("proposed", {"reason": "Not a source."}, {"publisher"}, "changes refused"),
    "retract": ("published", {"reason": "Logged twice."}, {"publisher"}, "retracted"),
    "resolve": (
        "watching",
        {"note": "It opened.", "happened_on": "2024-01-20"},
        {"reviewer", "publisher"},
        "outcome",
    ),
    "extend": (
        "watching",
        {"deadline": "2024-03-01", "reason": "A new date."},
        {"reviewer", "publisher"},
        "extended",
    ),
    "correct": ("published", {"note": "It is 2 km, not 3."}, {"publisher"}, "corrected"),
}


def happened(scene: dict, key: str, sign: str, user: User | None) -> bool:
    claim = claim_of(scene, key)
    if sign == "assigned":
        return user is not None and claim.reviewer_id == user.pk
    if sign == "outcome":
        return claim.verdicts.filter(status=Verdict.Status.SUBMITTED).exists()
    if sign == "extended":
        return claim.deadline == dt.date(2024, 3, 1)
    if sign == "changes approved":
        return claim.evidence.filter(title="New").exists()
    if sign == "changes refused":
        return claim.proposals.filter(status="refused").exists()
    if sign == "corrected":
        return Correction.objects.filter(verdict__claim=claim).exists()
    return claim.status == sign


@pytest.mark.parametrize("name", list(TRANSITIONS))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_makes_exactly_its_transitions_in_the_admin(people, scene, role, name):
    key, data, allowed, sign = TRANSITIONS[name]
    if name == "resolve":
        data = {**data, "rating": Rating.objects.get(slug="fulfilled").pk}
    before = snapshot()
    url = reverse("admin:claims_claim_transition", args=[scene[key].pk, name])
    response = client_as(people[role]).post(url, data)
    expected_status = {"anonymous": 302, "outsider": 403}.get(role, 302)
    assert response.status_code == expected_status
    assert happened(scene, key, sign, people[role]) == (role in allowed)
    if role not in allowed:
        assert snapshot() == before


def test_the_transitions_are_every_transition_the_admin_offers():
    from claims.admin.transitions import TRANSITIONS as OFFERED

    assert set(TRANSITIONS) == set(OFFERED)


# --- Actions ------------------------------------------------------------------------------------


def offered(model_admin, user: User) -> set[str]:
    """The actions on the model's list, for a user who may open the list at all."""
    request = RequestFactory().get("/admin/")
    request.user = user
    if not model_admin.has_view_or_change_permission(request):
        return set()
    return set(model_admin.get_actions(request))


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_each_role_is_offered_exactly_its_actions(people, role):
    user = people[role]
    found = {
        (model._meta.label_lower, name)
        for model, model_admin in admin.site._registry.items()
        for name in offered(model_admin, user)
    }
    assert found == {key for key, roles in ACTIONS.items() if role in roles}


def everything() -> dict:
    return {
        **snapshot(),
        "webhooks": list(Webhook.objects.values("pk", "url")),
        "deliveries": list(Delivery.objects.values("pk", "state")),
        "users": list(User.objects.values("pk", "username")),
        "groups": list(Group.objects.values("pk")),
        "tokens": list(Token.objects.values("key")),
        "attempts": list(AccessAttempt.objects.values("pk")),
        "topics": list(Topic.objects.values("pk")),
        "sources": list(Source.objects.values("pk")),
        "claimants": list(Claimant.objects.values("pk")),
        "notifications": list(Notification.objects.values("pk")),
    }


@pytest.mark.parametrize("role", ROLES)
def test_an_action_not_offered_is_refused_when_posted(people, objects, role):
    client = client_as(people[role])  # a login cleans expired attempts: make one after it
    objects = {**objects, "axes.accessattempt": expired_attempt()}
    before = everything()
    for (label, action), allowed in ACTIONS.items():
        if role in allowed:
            continue
        obj = objects["published_claim" if label == "claims.claim" else label]
        url = reverse(f"admin:{label.replace('.', '_')}_changelist")
        data = {"action": action, "_selected_action": [obj.pk], "index": "0", "post": "yes"}
        response = client.post(url, data, follow=True)
        if role == "anonymous":
            assert response.redirect_chain[0][0].startswith(reverse("admin:login"))
        elif response.status_code != 403:
            # The list again, not what the action would have answered (a CSV, a form).
            templates = [template.name for template in response.templates]
            assert "admin/change_list.html" in templates, (label, action)
    assert everything() == before
