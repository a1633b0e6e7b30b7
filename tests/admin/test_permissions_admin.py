"""The admin's permission matrix: every view of every registered model, every custom view and
every action, for anonymous, staff without a role, editor, reviewer and publisher.

The expectations are written out below, by hand, from what each role is for (README, "Who uses
it"); they are not read from the code under test. The URLs and actions are found from the admin
site itself, so a new admin view or action without a row here fails
`test_every_admin_view_has_an_expectation` / `test_every_action_has_an_expectation`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, reverse
from rest_framework.authtoken.models import Token, TokenProxy

from claims import workflow
from claims.models import (
    ArticleImport,
    Claim,
    Claimant,
    Evidence,
    MonitoredFeed,
    Notification,
    Topic,
)
from webhooks.models import Delivery, Webhook

ROLES = ["anonymous", "outsider", "editor", "reviewer", "publisher"]
NOBODY = ""  # no role may
# v: the list, an object's page and its history; a: add; c: save a change; d: delete.
MODELS: dict[str, dict[str, str]] = {
    "auth.group": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "auth.user": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "authtoken.tokenproxy": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "axes.accessattempt": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "axes.accesslog": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "axes.accessfailurelog": {"editor": NOBODY, "reviewer": NOBODY, "publisher": NOBODY},
    "claims.topic": {"editor": "vac", "reviewer": "v", "publisher": "vac"},
    "claims.source": {"editor": "vac", "reviewer": "v", "publisher": "vac"},
    "claims.claimant": {"editor": "vac", "reviewer": "v", "publisher": "vac"},
    "claims.article": {"editor": "vac", "reviewer": "v", "publisher": "vac"},
    # Requests to import an article: made by Import article, tried again on their page.
    "claims.articleimport": {"editor": "v", "reviewer": "v", "publisher": "v"},
    "claims.rating": {"editor": "v", "reviewer": "v", "publisher": "v"},
    # A draft claim; a published one is never deleted (below).
    "claims.claim": {"editor": "vacd", "reviewer": "vc", "publisher": "vacd"},
    # Verdicts are written on the claim's page and never edited or deleted on their own.
    "claims.verdict": {"editor": "v", "reviewer": "v", "publisher": "v"},
    "claims.evidence": {"editor": "v", "reviewer": "vacd", "publisher": "vacd"},
    "claims.notification": {"editor": NOBODY, "reviewer": NOBODY, "publisher": "v"},
    # Issued on the claim's page (a transition); never changed or deleted.
    "claims.correction": {"editor": "v", "reviewer": "v", "publisher": "v"},
    # Proposed changes to public pages: decided on by publishers, through the workflow.
    "claims.changeproposal": {"editor": "v", "reviewer": "v", "publisher": "v"},
    # Monitored news feeds: managed by editors and publishers.
    "claims.monitoredfeed": {"editor": "vacd", "reviewer": "v", "publisher": "vacd"},
    "webhooks.webhook": {"editor": NOBODY, "reviewer": NOBODY, "publisher": "vacd"},
    "webhooks.delivery": {"editor": NOBODY, "reviewer": NOBODY, "publisher": "v"},
}
STANDARD = {"changelist", "add", "change", "delete", "history"}
SITE = {"index", "login", "logout", "password_change", "password_change_done", "autocomplete"}
SITE |= {"jsi18n", "view_on_site", "app_list", "desk", "language"}
CUSTOM = {
    "claims_article_import",
    "claims_article_intake",
    "claims_articleimport_retry",
    "claims_article_extract",
    "claims_suggestion_edit",
    "claims_suggestion_decide",
    "claims_claim_deadline_preview",
    "claims_claim_transition",
    "claims_claim_preview",
    "claims_claim_follow_up",
}
# A recorded version of a row (django-simple-history): read by whoever may view the row, never
# saved back (test_an_old_version_is_read_by_who_may_view_it_and_never_saved_back).
HISTORY_MODELS = ["source", "claimant", "article", "claim", "verdict", "evidence", "changeproposal"]
CUSTOM |= {f"claims_{model}_simple_history" for model in HISTORY_MODELS}
# Every action of every model admin, and who is offered it (and may run it).
ACTIONS: dict[tuple[str, str], set[str]] = {
    ("auth.group", "delete_selected"): set(),
    ("auth.user", "delete_selected"): set(),
    ("authtoken.tokenproxy", "delete_selected"): set(),
    ("axes.accessattempt", "delete_selected"): set(),
    ("axes.accessattempt", "cleanup_expired_attempts"): set(),
    ("axes.accesslog", "delete_selected"): set(),
    ("axes.accessfailurelog", "delete_selected"): set(),
    ("claims.topic", "delete_selected"): set(),
    ("claims.source", "delete_selected"): set(),
    ("claims.claimant", "delete_selected"): set(),
    ("claims.article", "delete_selected"): set(),
    ("claims.articleimport", "delete_selected"): set(),
    ("claims.rating", "delete_selected"): set(),
    ("claims.claim", "delete_selected"): {"editor", "publisher"},
    ("claims.claim", "submit"): {"reviewer", "publisher"},
    ("claims.claim", "assign"): {"editor", "reviewer", "publisher"},
    ("claims.claim", "publish"): {"publisher"},
    ("claims.claim", "retract"): {"publisher"},
    ("claims.claim", "approve_changes"): {"publisher"},
    ("claims.changeproposal", "delete_selected"): set(),
    ("claims.changeproposal", "approve_selected"): {"publisher"},
    ("claims.claim", "export_csv"): {"editor", "reviewer", "publisher"},
    ("claims.verdict", "delete_selected"): set(),
    ("claims.verdict", "export_csv"): {"editor", "reviewer", "publisher"},
    ("claims.evidence", "delete_selected"): {"reviewer", "publisher"},
    ("claims.notification", "delete_selected"): set(),
    ("claims.correction", "delete_selected"): set(),
    ("claims.monitoredfeed", "delete_selected"): {"editor", "publisher"},
    ("claims.monitoredfeed", "poll_soon"): {"editor", "publisher"},
    ("webhooks.webhook", "delete_selected"): {"publisher"},
    ("webhooks.webhook", "send_test_event"): {"publisher"},
    ("webhooks.delivery", "delete_selected"): set(),
    ("webhooks.delivery", "redeliver"): {"publisher"},
}


def admin_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif pattern.name:
                names.add(pattern.name)

    walk(admin.site.get_urls())
    return names


def expected_url_names() -> set[str]:
    per_model = {f"{label.replace('.', '_')}_{view}" for label in MODELS for view in STANDARD} | {
        "auth_user_password_change"
    }
    return per_model | SITE | CUSTOM


def test_every_admin_view_has_an_expectation():
    assert admin_url_names() == expected_url_names()
    assert {m._meta.label_lower for m in admin.site._registry} == set(MODELS)


def test_every_action_has_an_expectation():
    found = {
        (model._meta.label_lower, name)
        for model, model_admin in admin.site._registry.items()
        for _, name, _ in model_admin._get_base_actions()
    }
    assert found == set(ACTIONS)


@pytest.fixture
def people(editor, reviewer, publisher, outsider) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "outsider": outsider,
        "editor": editor,
        "reviewer": reviewer,
        "publisher": publisher,
    }


def client_as(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def objects(make_claim, publish_claim, article, reviewer, editor, publisher) -> dict:
    """One object of every registered model; the claim is a draft."""
    draft = make_claim("A draft claim.")
    published = publish_claim(make_claim("A published claim."), "false")
    evidence = Evidence.objects.create(
        claim=draft, url="https://e.example/1", title="E", stance="context"
    )
    webhook = Webhook.objects.create(url="https://hooks.example/in", events=["verdict.published"])
    return {
        "auth.group": Group.objects.get(name="Editors"),
        "auth.user": editor,
        "authtoken.tokenproxy": TokenProxy.objects.get(key=Token.objects.create(user=editor).key),
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="203.0.113.1", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(username="x", ip_address="203.0.113.1"),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="203.0.113.1"
        ),
        "claims.topic": Topic.objects.create(name="Borders", slug="borders"),
        "claims.source": article.source,
        "claims.claimant": Claimant.objects.create(name="Ahmad Jadayan"),
        "claims.article": article,
        "claims.articleimport": ArticleImport.objects.create(url="https://news.example/a"),
        "claims.rating": published.verdicts.get().rating,
        "claims.claim": draft,
        "claims.verdict": published.verdicts.get(),
        "claims.evidence": evidence,
        "claims.changeproposal": workflow.add_evidence(
            Evidence(claim=published, url="https://e.example/2", title="F", stance="context"),
            by=reviewer,
        ),
        "claims.notification": Notification.objects.create(
            claim=published, kind="reminder", deadline=dt.date(2024, 2, 1)
        ),
        "claims.monitoredfeed": MonitoredFeed.objects.create(
            url="https://wire.example/rss", source=article.source
        ),
        "webhooks.webhook": webhook,
        "webhooks.delivery": Delivery.objects.create(
            webhook=webhook,
            event="verdict.published",
            event_key="k",
            payload={},
            next_attempt_at=dt.datetime(2024, 2, 1, tzinfo=dt.UTC),
        ),
        "published_claim": published,
        "claims.correction": workflow.correct(published, by=publisher, note="It is 2 km, not 3."),
    }


def standard_requests(label: str, obj) -> list[tuple[str, str, str, str]]:
    """(what, method, url, letter needed) for the standard views of one model."""
    name = f"admin:{label.replace('.', '_')}"
    return [
        ("changelist", "get", reverse(f"{name}_changelist"), "v"),
        ("add", "get", reverse(f"{name}_add"), "a"),
        ("change page", "get", reverse(f"{name}_change", args=[obj.pk]), "vc"),
        ("save a change", "post", reverse(f"{name}_change", args=[obj.pk]), "c"),
        ("delete", "get", reverse(f"{name}_delete", args=[obj.pk]), "d"),
        ("history", "get", reverse(f"{name}_history", args=[obj.pk]), "vc"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_use_exactly_its_models_views(people, objects, role):
    client = client_as(people[role])
    wrong = []
    for label, letters in MODELS.items():
        allowed = letters.get(role, NOBODY)
        for what, method, url, needed in standard_requests(label, objects[label]):
            status = getattr(client, method)(url).status_code
            # Anonymous: to the login page.
            expected = 302 if role == "anonymous" else 200 if set(needed) & set(allowed) else 403
            if status != expected:
                wrong.append((label, what, status, expected))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_an_old_version_is_read_by_who_may_view_it_and_never_saved_back(people, objects, role):
    client = client_as(people[role])
    wrong = []
    for model in HISTORY_MODELS:
        obj = objects[f"claims.{model}"]
        version = obj.history.earliest()
        url = reverse(f"admin:claims_{model}_simple_history", args=[obj.pk, version.history_id])
        may_view = "v" in MODELS[f"claims.{model}"].get(role, NOBODY)
        expected = {"get": 302 if role == "anonymous" else 200 if may_view else 403}
        expected["post"] = 302 if role == "anonymous" else 405
        for method, status in expected.items():
            answer = getattr(client, method)(url).status_code
            if answer != status:
                wrong.append((model, method, answer, status))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_nobody_deletes_a_published_claim(people, objects, role):
    url = reverse("admin:claims_claim_delete", args=[objects["published_claim"].pk])
    response = client_as(people[role]).post(url, {"post": "yes"})
    assert response.status_code == (302 if role == "anonymous" else 403)
    assert Claim.objects.filter(pk=objects["published_claim"].pk).exists()


# The site's own views: (method, url or a function of the objects, {role: status}).
STAFF_200 = {"outsider": 200, "editor": 200, "reviewer": 200, "publisher": 200}


def site_views(objects) -> dict[str, tuple[str, str, dict[str, int]]]:
    claim_type = ContentType.objects.get_for_model(Claim).pk
    autocomplete = "?app_label=claims&model_name=claim&field_name=article&term=b"
    return {
        "index": ("get", reverse("admin:index"), STAFF_200),
        # Staff without a role get an empty desk: nothing is theirs to do.
        "desk": ("get", reverse("admin:desk"), STAFF_200),
        # Every staff member picks their own language.
        "language": ("get", reverse("admin:language"), STAFF_200),
        "login": (
            "get",
            reverse("admin:login"),
            {"anonymous": 200, **dict.fromkeys(STAFF_200, 302)},
        ),
        "password_change": ("get", reverse("admin:password_change"), STAFF_200),
        "password_change_done": ("get", reverse("admin:password_change_done"), STAFF_200),
        "jsi18n": ("get", reverse("admin:jsi18n"), STAFF_200),
        "autocomplete": (
            "get",
            reverse("admin:autocomplete") + autocomplete,
            {"outsider": 403, "editor": 200, "reviewer": 200, "publisher": 200},
        ),
        "view_on_site": (
            "get",
            reverse("admin:view_on_site", args=[claim_type, objects["published_claim"].pk]),
            dict.fromkeys(STAFF_200, 302),
        ),
        "app_list claims": (
            "get",
            reverse("admin:app_list", args=["claims"]),
            {"outsider": 404, "editor": 200, "reviewer": 200, "publisher": 200},
        ),
        "app_list webhooks": (
            "get",
            reverse("admin:app_list", args=["webhooks"]),
            {"outsider": 404, "editor": 404, "reviewer": 404, "publisher": 200},
        ),
        "app_list auth": (
            "get",
            reverse("admin:app_list", args=["auth"]),
            dict.fromkeys(STAFF_200, 404),
        ),
        "logout": ("post", reverse("admin:logout"), STAFF_200),
    }


@pytest.mark.parametrize("role", ROLES)
def test_each_role_and_the_sites_own_views(people, objects, role):
    wrong = []
    for name, (method, url, expected) in site_views(objects).items():
        client = client_as(people[role])
        status = getattr(client, method)(url).status_code
        if status != expected.get(role, 302):
            wrong.append((name, status, expected.get(role, 302)))
    assert wrong == []
