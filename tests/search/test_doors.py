"""Every door that searches claims (the public list, the API, the admin) takes any query: a
quote, a star, FTS5's or tsquery's operators, a thousand characters are words or nothing, never
an error, and each door finds what the site's search finds."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from rest_framework.test import APIClient

from claims.models import Claimant

HOSTILE = ['"', "'", "*", "NEAR(", "a OR b", "-x", "(", ")", ":*", "\\", "&|!", "x" * 1000]
OPERATORS = ['"', "'", "*", "(", ")", "-", ":*", "&|!", "^", "+", "~", ":", "<->", "\\"]


@pytest.fixture
def crossing(make_claim, publish_claim):
    jadayan = Claimant.objects.create(name="Ahmad Jadayan")
    return publish_claim(make_claim("The border crossing will be opened.", claimant=jadayan))


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_list_takes_any_query(client, crossing, typed):
    assert client.get(f"/claims/?q={quote(typed)}").status_code == 200


@pytest.mark.parametrize("operator", OPERATORS)
def test_operators_around_words_are_no_operators(client, crossing, operator):
    typed = f"{operator}crossings{operator} {operator}Jadayan"
    body = client.get(f"/claims/?q={quote(typed)}").content.decode()
    assert crossing.get_absolute_url() in body


def test_a_null_character_is_a_clear_error(client, crossing):
    body = client.get("/claims/?q=crossing%00").content.decode()
    assert "Null characters are not allowed." in body
    response = APIClient().get("/api/claims/", {"q": "crossing\x00"})
    assert response.status_code == 400 and "q" in response.json()


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_api_takes_any_query(crossing, typed):
    response = APIClient().get("/api/claims/", {"q": f"{typed} crossings"})
    assert response.status_code == 200
    assert response.json()["count"] in (0, 1)


def test_the_api_finds_as_the_list_does(crossing):
    body = APIClient().get("/api/claims/", {"q": "crossings Jadayan"}).json()
    assert [claim["id"] for claim in body["results"]] == [crossing.pk]


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_admin_takes_any_query(client, editor, crossing, typed):
    client.force_login(editor)
    assert client.get("/admin/claims/claim/", {"q": typed}).status_code == 200
    assert client.get("/admin/claims/claim/", {"q": f"{typed}\x00"}).status_code == 200


def test_the_admin_finds_drafts_as_the_site_finds_claims_and_by_headline(
    client, editor, crossing, make_claim
):
    draft = make_claim("The ferries will sail again.")
    client.force_login(editor)

    def listed(query: str) -> set[int]:
        response = client.get("/admin/claims/claim/", {"q": query})
        return {claim.pk for claim in response.context["cl"].result_list}

    assert listed("ferry") == {draft.pk}
    assert listed("crossings Jadayan") == {crossing.pk}
    assert listed(crossing.article.headline) == {crossing.pk, draft.pk}  # the same article
    assert listed("zeppelin") == set()
