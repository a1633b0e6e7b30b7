"""JSON from outside nests at most MAX_DEPTH levels: an API body, a ClaimReview file and an
extract_deadlines line nested deeper get a plain refusal, never a 500 or a traceback."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Claim
from factcheck.lib import jsonlimits

DEEP = "[" * 1000 + "]" * 1000  # what made a 500 in the API and a traceback in the import
JUST_TOO_DEEP = "[" * (jsonlimits.MAX_DEPTH + 1) + "]" * (jsonlimits.MAX_DEPTH + 1)


def test_loads_refuses_a_document_nested_too_deeply():
    for text in (DEEP, JUST_TOO_DEEP):
        with pytest.raises(jsonlimits.TooDeep, match="nests more than 64 levels"):
            jsonlimits.loads(text)
    ok = "[" * jsonlimits.MAX_DEPTH + "]" * jsonlimits.MAX_DEPTH
    assert jsonlimits.depth(jsonlimits.loads(ok), stop=100) == jsonlimits.MAX_DEPTH


def test_depth_counts_objects_and_lists_and_not_scalars():
    assert jsonlimits.depth(3, stop=10) == 0
    assert jsonlimits.depth({"a": [1, {"b": []}]}, stop=10) == 4


@pytest.mark.django_db
@pytest.mark.parametrize("body", [DEEP, '{"statement": ' + JUST_TOO_DEEP + "}"])
def test_the_api_answers_a_deep_body_with_a_400_that_says_so(editor, body):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    response = client.post("/api/claims/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nests more than 64 levels" in response.json()["detail"]
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_claimreview_file_nested_too_deeply_is_refused_in_words(tmp_path, publisher):
    path = tmp_path / "deep.json"
    path.write_text(DEEP)
    with pytest.raises(CommandError, match="nests more than 64 levels"):
        call_command("import_claimreview", str(path), "--as", publisher.username)
    assert not Claim.objects.exists()


def test_an_extract_deadlines_line_nested_too_deeply_is_reported_as_that_line(monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    line = json.dumps({"id": 1, "text": "x", "published": "2024-01-01", "extra": []})
    deep_line = '{"id": 2, "text": "x", "published": "2024-01-01", "extra": ' + DEEP + "}"
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{line}\n{deep_line}\n"))
    with pytest.raises((SystemExit, CommandError)):
        call_command("extract_deadlines", stdout=out, stderr=err)
    assert "nests more than 64 levels" in out.getvalue() + err.getvalue()


@pytest.fixture
def every_write(make_claim, reviewer, publisher) -> list[tuple[str, str]]:
    """Every write the API's schema lists (method, address), its ids those of real rows: a claim
    with a verdict in the works, and a failed import."""
    from claims import intake
    from claims.models import ArticleImport

    claim = make_claim("Taxes rose.")
    claim.reviewer = reviewer
    claim.save()
    failed = ArticleImport.objects.create(url="https://news.example/a", state="failed")
    ids = {"/api/claims/": claim.pk, "/api/imports/": failed.pk}
    schema = APIClient().get("/api/schema/?format=json").json()
    writes = []
    for path, methods in schema["paths"].items():
        for method in methods.keys() & {"post", "put", "patch"}:
            prefix = path.split("{")[0]
            writes.append((method, path.replace("{id}", str(ids.get(prefix, 0)))))
    assert intake and len(writes) > 10
    return sorted(writes)


def test_every_api_write_answers_a_deep_body_with_a_400(every_write, publisher):
    from tests.api.test_api_write import snapshot

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=publisher).key}")
    before = snapshot()
    answers = {
        (method, path): getattr(client, method)(path, DEEP, content_type="application/json")
        for method, path in every_write
    }
    wrong = {
        where: (r.status_code, r.content[:120])
        for where, r in answers.items()
        if r.status_code != 400 or "nests more than 64 levels" not in r.json()["detail"]
    }
    assert sorted(wrong) == [], wrong
    assert snapshot() == before
