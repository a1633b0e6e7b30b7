"""The lists of article imports (the admin's, the API's) cost the same number of queries
whatever the number of imports and articles on the page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import Article, ArticleImport


def imports(count: int, source, editor, start: int = 0) -> None:
    for n in range(start, start + count):
        done = n % 2 == 0
        article = (
            Article.objects.create(source=source, url=f"https://n.example/{n}", headline=f"A {n}")
            if done
            else None
        )
        ArticleImport.objects.create(
            url=f"https://n.example/{n}",
            state="done" if done else "failed",
            error="" if done else "The site answered 404.",
            article=article,
            requested_by=editor,
        )


def queries(fetch) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = fetch()
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("where", ["admin", "api"])
def test_the_list_costs_the_same_for_two_imports_or_twelve(client, editor, source, where):
    client.force_login(editor)
    api = APIClient()
    api.force_authenticate(editor)
    fetch = {
        "admin": lambda: client.get(reverse("admin:claims_articleimport_changelist")),
        "api": lambda: api.get("/api/imports/"),
    }[where]
    imports(2, source, editor)
    fetch()  # the user's permissions are read once, and kept
    few = queries(fetch)
    imports(10, source, editor, start=2)  # on top: twelve, half with their article
    assert queries(fetch) == few
