"""The API's writes: the permission matrix (each role × each write endpoint × each method), the
workflow's refusals as 4xx answers that change nothing, tokens, sessions with CSRF, and imports
that start exactly as the admin's do."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import intake, tasks, workflow
from claims.models import (
    Article,
    ArticleImport,
    Claim,
    ClaimEvent,
    Correction,
    Evidence,
    Verdict,
)
from tests.support.data import write_verdict

ROLES = ["anonymous", "outsider", "editor", "reviewer", "publisher"]


def snapshot() -> dict[str, list]:
    """Everything a write could change, to show that a refused one changed nothing."""
    return {
        "claims": list(
            Claim.objects.order_by("pk").values(
                "pk", "statement", "status", "tracking", "deadline", "reviewer", "updated_at"
            )
        ),
        "verdicts": list(
            Verdict.objects.order_by("pk").values("pk", "status", "is_current", "summary")
        ),
        "evidence": list(Evidence.objects.order_by("pk").values("pk", "url", "title")),
        "articles": list(Article.objects.order_by("pk").values("pk", "url", "headline")),
        "imports": list(ArticleImport.objects.order_by("pk").values("pk", "state")),
        "events": list(ClaimEvent.objects.order_by("pk").values("pk", "kind")),
        "corrections": list(Correction.objects.order_by("pk").values("pk", "note")),
    }


def client_for(role: str, request: pytest.FixtureRequest) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        user = request.getfixturevalue(role)
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def scene(make_claim, reviewer, publisher, other_reviewer, watching_claim, publish_claim):
    """A claim in every state a write starts from."""
    draft = make_claim("A draft with a verdict to submit.")
    write_verdict(draft, reviewer, "false")
    submitted = make_claim("A claim whose verdict waits for a publisher.")
    write_verdict(submitted, reviewer, "false")
    workflow.submit(submitted, by=reviewer)
    proposed = publish_claim(make_claim("A published claim with a change proposed."), "true")
    workflow.add_evidence(
        Evidence(claim=proposed, url="https://e.example/new", title="New", stance="context"),
        by=other_reviewer,
    )
    return {
        "proposed": proposed,
        "bare": make_claim("A claim with no verdict yet."),
        "draft": draft,
        "submitted": submitted,
        "published": publish_claim(make_claim("A published claim."), "true"),
        "watching": watching_claim,
        "other_reviewer": other_reviewer,
        "failed import": ArticleImport.objects.create(
            url="https://news.example/gone", state="failed", error="The site answered 404."
        ),
    }


def claim_of(scene: dict, key: str) -> Claim:
    return Claim.objects.get(pk=scene[key].pk)


@dataclass(frozen=True)
class Write:
    """One write endpoint: where, what it sends, who may, and how its effect shows."""

    url: Callable[[dict], str]
    body: Callable[[dict], dict]
    allowed: frozenset[str]
    done: int
    happened: Callable[[dict], bool]


def transition(name: str, key: str, allowed: set[str], happened, body=None) -> Write:
    return Write(
        url=lambda sc: f"/api/claims/{sc[key].pk}/{name}/",
        body=body or (lambda sc: {}),
        allowed=frozenset(allowed),
        done=200,
        happened=happened,
    )


PASTED = "Bridge to reopen\nThe minister said the bridge will reopen within two weeks, he said."

WRITES: dict[str, Write] = {
    "create claim": Write(
        url=lambda sc: "/api/claims/",
        body=lambda sc: {
            "statement": "Unemployment fell to 4 percent.",
            "article": sc["bare"].article_id,
        },
        allowed=frozenset({"editor", "publisher"}),
        done=201,
        happened=lambda sc: Claim.objects.filter(statement__startswith="Unemployment").exists(),
    ),
    "import article": Write(
        url=lambda sc: "/api/articles/",
        body=lambda sc: {"text": PASTED, "source": "Daily Paste"},
        allowed=frozenset({"editor", "publisher"}),
        done=202,
        happened=lambda sc: ArticleImport.objects.filter(pasted=PASTED).exists(),
    ),
    "retry import": Write(
        url=lambda sc: f"/api/imports/{sc['failed import'].pk}/retry/",
        body=lambda sc: {},
        allowed=frozenset({"editor", "publisher"}),
        done=202,
        happened=lambda sc: ArticleImport.objects.filter(
            pk=sc["failed import"].pk, state="queued"
        ).exists(),
    ),
    "add evidence": Write(
        url=lambda sc: "/api/evidence/",
        body=lambda sc: {
            "claim": sc["bare"].pk,
            "url": "https://ministry.example/bridge",
            "title": "Ministry statement",
            "stance": "supports",
        },
        allowed=frozenset({"reviewer", "publisher"}),
        done=201,
        happened=lambda sc: Evidence.objects.filter(title="Ministry statement").exists(),
    ),
    "draft verdict": Write(
        url=lambda sc: "/api/verdicts/",
        body=lambda sc: {"claim": sc["bare"].pk, "rating": "false", "summary": "Not so."},
        allowed=frozenset({"reviewer", "publisher"}),
        done=201,
        happened=lambda sc: Verdict.objects.filter(claim=sc["bare"], summary="Not so.").exists(),
    ),
    "submit": transition(
        "submit",
        "draft",
        {"reviewer", "publisher"},
        lambda sc: claim_of(sc, "draft").status == Claim.Status.IN_REVIEW,
    ),
    "publish": transition(
        "publish",
        "submitted",
        {"publisher"},
        lambda sc: claim_of(sc, "submitted").status == Claim.Status.PUBLISHED,
    ),
    "send back": transition(
        "send-back",
        "submitted",
        {"publisher"},
        lambda sc: claim_of(sc, "submitted").status == Claim.Status.DRAFT,
        body=lambda sc: {"reason": "Needs a second source."},
    ),
    # Only the verdict's author (the reviewer who wrote it) takes it back.
    "withdraw": transition(
        "withdraw",
        "submitted",
        {"reviewer"},
        lambda sc: claim_of(sc, "submitted").status == Claim.Status.DRAFT,
    ),
    "approve changes": transition(
        "approve-changes",
        "proposed",
        {"publisher"},
        lambda sc: claim_of(sc, "proposed").evidence.filter(title="New").exists(),
    ),
    "refuse changes": transition(
        "refuse-changes",
        "proposed",
        {"publisher"},
        lambda sc: sc["proposed"].proposals.filter(status="refused").exists(),
        body=lambda sc: {"reason": "Not a source."},
    ),
    "retract": transition(
        "retract",
        "published",
        {"publisher"},
        lambda sc: claim_of(sc, "published").status == Claim.Status.RETRACTED,
        body=lambda sc: {"reason": "Logged twice."},
    ),
    "resolve": transition(
        "resolve",
        "watching",
        {"reviewer", "publisher"},
        lambda sc: (
            sc["watching"].verdicts.filter(status="submitted", rating__slug="fulfilled").exists()
        ),
        body=lambda sc: {
            "rating": "fulfilled",
            "note": "The bridge opened.",
            "happened_on": "2024-01-20",
        },
    ),
    "extend": transition(
        "extend",
        "watching",
        {"reviewer", "publisher"},
        lambda sc: claim_of(sc, "watching").deadline == dt.date(2024, 3, 1),
        body=lambda sc: {"deadline": "2024-03-01", "reason": "A new date was announced."},
    ),
    "correct": transition(
        "correct",
        "published",
        {"publisher"},
        lambda sc: Correction.objects.filter(verdict__claim=sc["published"]).exists(),
        body=lambda sc: {"note": "The bridge is 2 km long, not 3 km."},
    ),
    "assign": transition(
        "assign",
        "bare",
        {"editor", "reviewer", "publisher"},
        lambda sc: claim_of(sc, "bare").reviewer_id == sc["other_reviewer"].pk,
        body=lambda sc: {"reviewer": sc["other_reviewer"].pk},
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_permission_matrix(request, scene, role, write):
    endpoint = WRITES[write]
    before = snapshot()
    response = client_for(role, request).post(endpoint.url(scene), endpoint.body(scene))
    if role in endpoint.allowed:
        assert response.status_code == endpoint.done, response.content
        assert endpoint.happened(scene)
    else:
        assert response.status_code == (401 if role == "anonymous" else 403), response.content
        assert "detail" in response.json()
        assert snapshot() == before
        assert not endpoint.happened(scene)


def test_the_matrix_names_a_role_that_may_make_every_write():
    assert all(write.allowed for write in WRITES.values())
    assert all(set(write.allowed) <= set(ROLES) for write in WRITES.values())


# --- Methods no endpoint offers: 405 for everyone, nothing changed ------------------------------

COLLECTIONS = ["claims", "articles", "evidence", "verdicts"]
REFERENCE = ["sources", "claimants", "ratings", "topics"]
TRANSITIONS = [
    "submit",
    "publish",
    "send-back",
    "withdraw",
    "approve-changes",
    "refuse-changes",
    "retract",
    "resolve",
    "extend",
    "assign",
    "correct",
]


def unoffered(scene: dict) -> list[tuple[str, str]]:
    claim = scene["published"]
    details = {
        "claims": claim.pk,
        "articles": claim.article_id,
        "evidence": Evidence.objects.create(
            claim=claim, url="https://e.example/1", title="E", stance="context"
        ).pk,
        "verdicts": claim.verdicts.get().pk,
    }
    pairs = [
        (method, f"/api/{name}/") for name in COLLECTIONS for method in ("put", "patch", "delete")
    ]
    pairs += [
        (method, f"/api/{name}/{pk}/")
        for name, pk in details.items()
        for method in ("post", "put", "patch", "delete")
    ]
    pairs += [
        (method, f"/api/claims/{claim.pk}/{name}/")
        for name in TRANSITIONS
        for method in ("get", "put", "patch", "delete")
    ]
    pairs += [
        (method, f"/api/{name}/") for name in REFERENCE for method in ("post", "put", "delete")
    ]
    failed = scene["failed import"].pk
    pairs += [(method, "/api/imports/") for method in ("post", "put", "patch", "delete")]
    pairs += [(method, f"/api/imports/{failed}/") for method in ("post", "put", "patch", "delete")]
    pairs += [
        (method, f"/api/imports/{failed}/retry/") for method in ("get", "put", "patch", "delete")
    ]
    return pairs


@pytest.mark.parametrize("role", ROLES)
def test_methods_no_endpoint_offers_are_405_for_everyone(request, scene, role):
    client = client_for(role, request)
    pairs = unoffered(scene)
    before = snapshot()
    answers = {(method, url): getattr(client, method)(url).status_code for method, url in pairs}
    assert {pair: code for pair, code in answers.items() if code != 405} == {}
    assert snapshot() == before
    assert len(pairs) == 12 + 16 + 44 + 12 + 12


# --- Refusals by the workflow: the right 4xx, its message, nothing changed ----------------------


@pytest.fixture
def as_publisher(publisher) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=publisher).key}")
    return client


@pytest.fixture
def as_reviewer(reviewer) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    return client


def refused(client: APIClient, url: str, body: dict | None = None) -> tuple[int, str]:
    before = snapshot()
    response = client.post(url, body or {})
    assert snapshot() == before
    return response.status_code, str(response.json())


def test_publishing_without_a_submitted_verdict_is_a_conflict(as_publisher, scene):
    code, message = refused(as_publisher, f"/api/claims/{scene['draft'].pk}/publish/")
    assert code == 409 and "submit it first" in message


def test_nobody_publishes_a_verdict_they_wrote(as_publisher, scene, publisher):
    claim = scene["bare"]
    write_verdict(claim, publisher, "true")
    workflow.submit(claim, by=publisher)
    code, message = refused(as_publisher, f"/api/claims/{claim.pk}/publish/")
    assert code == 403 and "cannot also approve it" in message


def test_retracting_a_draft_is_a_conflict(as_publisher, scene):
    code, message = refused(
        as_publisher, f"/api/claims/{scene['draft'].pk}/retract/", {"reason": "No."}
    )
    assert code == 409 and "only a published claim can be retracted" in message


def test_a_retraction_without_a_reason_is_bad_input(as_publisher, scene):
    code, message = refused(as_publisher, f"/api/claims/{scene['published'].pk}/retract/")
    assert code == 400 and "needs its reason" in message


def test_an_earlier_deadline_is_bad_input(as_reviewer, scene):
    code, message = refused(
        as_reviewer,
        f"/api/claims/{scene['watching'].pk}/extend/",
        {"deadline": "2024-01-20", "reason": "Sooner."},
    )
    assert code == 400 and "must be after the current one, 2024-01-29" in message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"rating": "true", "note": "Yes."}, "is not an outcome"),
        ({"rating": "no-such-rating", "note": "Yes."}, "rating"),
        ({"rating": "fulfilled"}, "needs a note"),
    ],
)
def test_a_bad_outcome_is_bad_input(as_reviewer, scene, body, expected):
    code, message = refused(as_reviewer, f"/api/claims/{scene['watching'].pk}/resolve/", body)
    assert code == 400 and expected in message


def test_resolving_a_draft_is_a_conflict(as_reviewer, scene):
    code, message = refused(
        as_reviewer,
        f"/api/claims/{scene['bare'].pk}/resolve/",
        {"rating": "fulfilled", "note": "x"},
    )
    assert code == 409 and "watched or due" in message


def test_a_transition_on_no_claim_is_not_found(as_publisher, db):
    assert as_publisher.post("/api/claims/999999/publish/").status_code == 404


def test_assigning_someone_who_is_not_a_reviewer_is_refused(as_publisher, scene, editor):
    code, message = refused(
        as_publisher, f"/api/claims/{scene['bare'].pk}/assign/", {"reviewer": editor.pk}
    )
    assert code == 403 and "is not a reviewer" in message


def test_a_transition_answers_with_the_claim_after_it(as_reviewer, scene):
    body = as_reviewer.post(f"/api/claims/{scene['draft'].pk}/submit/").json()
    assert body["status"] == "in_review"
    assert body["open_verdict"]["status"] == "submitted"


# --- Creates: bad input and duplicates ----------------------------------------------------------


@pytest.fixture
def as_editor(editor) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


def test_a_new_claim_reads_its_deadline_from_the_quote(as_editor, article):
    response = as_editor.post(
        "/api/claims/",
        {
            "statement": "The bridge will reopen.",
            "quote": "The bridge will reopen within two weeks.",
            "article": article.pk,
        },
    )
    assert response.status_code == 201
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.deadline == dt.date(2024, 1, 29) and claim.status == Claim.Status.DRAFT
    assert claim.events.get().kind == ClaimEvent.Kind.CREATED
    assert response["Location"].endswith(f"/api/claims/{claim.pk}/")


def test_an_overridden_deadline_is_kept(as_editor, article):
    response = as_editor.post(
        "/api/claims/",
        {
            "statement": "S.",
            "quote": "within two weeks",
            "article": article.pk,
            "deadline": "2024-06-30",
            "deadline_overridden": True,
        },
    )
    assert response.json()["deadline"] == "2024-06-30"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"deadline": "2023-01-01", "deadline_overridden": True}, "before the article"),
        ({"deadline": "2024-06-30"}, "deadline_overridden"),
        ({"deadline_overridden": True}, "needs a date"),
        ({"article": 999999}, "article"),
        ({"statement": ""}, "statement"),
    ],
)
def test_a_bad_claim_is_refused_and_nothing_is_saved(as_editor, article, extra, field):
    body = {"statement": "S.", "article": article.pk, **extra}
    before = snapshot()
    response = as_editor.post("/api/claims/", body)
    assert response.status_code == 400 and field in str(response.json())
    assert snapshot() == before


def test_evidence_twice_is_a_conflict(as_reviewer, scene):
    body = {
        "claim": scene["bare"].pk,
        "url": "https://e.example/x",
        "title": "T",
        "stance": "refutes",
    }
    assert as_reviewer.post("/api/evidence/", body).status_code == 201
    code, message = refused(as_reviewer, "/api/evidence/", body)
    assert code == 409 and "already evidence" in message


def test_evidence_must_be_a_web_address(as_reviewer, scene):
    body = {
        "claim": scene["bare"].pk,
        "url": "ftp://e.example/x",
        "title": "T",
        "stance": "refutes",
    }
    code, message = refused(as_reviewer, "/api/evidence/", body)
    assert code == 400 and "url" in message


def test_a_second_verdict_in_the_works_is_a_conflict(as_reviewer, scene):
    body = {"claim": scene["draft"].pk, "rating": "true", "summary": "Another."}
    code, message = refused(as_reviewer, "/api/verdicts/", body)
    assert code == 409 and "already has a verdict in the works" in message


def test_a_new_verdict_is_a_draft_by_its_caller(as_reviewer, scene, reviewer):
    body = {"claim": scene["bare"].pk, "rating": "true", "summary": "Right.", "status": "published"}
    response = as_reviewer.post("/api/verdicts/", body)
    verdict = Verdict.objects.get(pk=response.json()["id"])
    assert (verdict.status, verdict.author, verdict.is_current) == ("draft", reviewer, False)


# --- Article imports ----------------------------------------------------------------------------


def test_an_import_is_queued_and_its_task_sent_on_commit(
    as_editor, editor, monkeypatch, django_capture_on_commit_callbacks
):
    sent: list[int] = []
    monkeypatch.setattr(tasks.import_article, "delay", sent.append)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post("/api/articles/", {"url": "https://daily.example/a?utm_source=x"})
    assert response.status_code == 202
    queued = ArticleImport.objects.get(pk=response.json()["id"])
    assert response["Location"] == f"http://testserver/api/imports/{queued.pk}/"
    assert response.json() | {"created_at": None} == {
        "id": queued.pk,
        "url": "https://daily.example/a",
        "source": "",
        "published": None,
        "state": "queued",
        "error": "",
        "article": None,
        "requested_by": editor.username,
        "created_at": None,
        "finished_at": None,
    }
    assert sent == [queued.pk]
    assert not Article.objects.exists()  # made only when the import succeeds


def test_the_same_article_while_it_is_imported_is_a_conflict_naming_the_import(
    as_editor, db, monkeypatch
):
    monkeypatch.setattr(tasks.import_article, "delay", lambda pk: None)
    first = as_editor.post("/api/articles/", {"text": PASTED}).json()
    before = snapshot()
    again = as_editor.post("/api/articles/", {"text": PASTED})
    assert again.status_code == 409 and again.json()["running"] == first["id"]
    assert again["Location"] == f"http://testserver/api/imports/{first['id']}/"
    assert snapshot() == before


def test_the_same_article_imported_is_a_conflict_naming_it(as_editor, db, monkeypatch):
    monkeypatch.setattr(tasks.import_article, "delay", lambda pk: None)
    first = as_editor.post("/api/articles/", {"text": PASTED}).json()
    article_id = intake.run_import(first["id"]).article_id
    before = snapshot()
    again = as_editor.post("/api/articles/", {"text": PASTED})
    assert again.status_code == 409 and again.json()["existing"] == article_id
    assert again["Location"] == f"http://testserver/api/articles/{article_id}/"
    assert snapshot() == before


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, "either the article's address or its text"),
        ({"url": "https://a.example/x", "text": "Both"}, "not both"),
        ({"url": "javascript:alert(1)"}, "url"),
    ],
)
def test_a_bad_import_is_refused(as_editor, db, body, expected):
    before = snapshot()
    response = as_editor.post("/api/articles/", body)
    assert response.status_code == 400 and expected in str(response.json())
    assert snapshot() == before


def test_the_import_is_the_newsrooms_only(as_editor, as_reviewer, db, monkeypatch, outsider):
    monkeypatch.setattr(tasks.import_article, "delay", lambda pk: None)
    import_id = as_editor.post("/api/articles/", {"text": PASTED}).json()["id"]
    assert as_reviewer.get(f"/api/imports/{import_id}/").json()["state"] == "queued"
    assert as_reviewer.get("/api/imports/?state=queued").json()["count"] == 1
    assert APIClient().get(f"/api/imports/{import_id}/").status_code == 401
    assert APIClient().get("/api/imports/").status_code == 401
    stranger = APIClient()
    stranger.force_authenticate(outsider)
    assert stranger.get(f"/api/imports/{import_id}/").status_code == 403
    article_id = intake.run_import(import_id).article_id
    assert as_editor.get(f"/api/articles/{article_id}/").json()["intake"]["state"] == "done"
    assert APIClient().get(f"/api/articles/{article_id}/").status_code == 404


# --- Tokens and sessions ------------------------------------------------------------------------


def test_drf_create_token_gives_a_working_token(editor, article):
    out = io.StringIO()
    call_command("drf_create_token", editor.username, stdout=out)
    key = out.getvalue().split()[2]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert (
        client.post("/api/claims/", {"statement": "S.", "article": article.pk}).status_code == 201
    )


def test_a_wrong_token_is_401(article):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    before = snapshot()
    assert (
        client.post("/api/claims/", {"statement": "S.", "article": article.pk}).status_code == 401
    )
    assert snapshot() == before


@pytest.fixture
def session(editor) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def test_a_session_write_without_csrf_is_refused(session, article):
    before = snapshot()
    response = session.post("/api/claims/", {"statement": "S.", "article": article.pk})
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert snapshot() == before


def test_a_session_write_with_csrf_goes_through(session, article):
    session.get("/admin/")  # the admin page sets the CSRF cookie, as a browser would get it
    token = session.cookies["csrftoken"].value
    response = session.post(
        "/api/claims/", {"statement": "S.", "article": article.pk}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201


def test_writes_are_not_throttled_for_the_newsroom(as_editor, article, settings):
    settings.API_ANON_THROTTLE_RATE = "1/minute"
    codes = [
        as_editor.post("/api/claims/", {"statement": f"S{n}.", "article": article.pk}).status_code
        for n in range(3)
    ]
    assert codes == [201, 201, 201]


def test_a_new_claims_reviewer_is_assigned_through_the_workflow(
    as_editor, article, editor, reviewer
):
    before = snapshot()
    body = {"statement": "S.", "article": article.pk, "reviewer": editor.pk}
    response = as_editor.post("/api/claims/", body)
    assert response.status_code == 403 and "is not a reviewer" in str(response.json())
    assert snapshot() == before
    response = as_editor.post("/api/claims/", {**body, "reviewer": reviewer.pk})
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.reviewer == reviewer and response.json()["reviewer"] == reviewer.username
    kinds = set(claim.events.values_list("kind", flat=True))
    assert kinds == {ClaimEvent.Kind.CREATED, ClaimEvent.Kind.ASSIGNED}


def test_a_retracted_claim_gets_no_new_verdict(as_reviewer, scene, publisher):
    claim = scene["published"]
    workflow.retract(claim, by=publisher, reason="Logged twice.")
    body = {"claim": claim.pk, "rating": "false", "summary": "Another look."}
    code, message = refused(as_reviewer, "/api/verdicts/", body)
    assert code == 409 and "retracted" in message
