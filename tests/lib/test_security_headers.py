"""The security headers on every kind of answer the site gives, in-process (the production
process is tests/project/test_production_settings.py): pages, pages from the page cache, the
admin, the API's JSON and docs, errors, and refusals."""

from __future__ import annotations

import pytest
from django.urls import reverse

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def policy(response) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return dict(parts)


def assert_protected(response) -> None:
    assert {name: response.get(name) for name in HEADERS} == HEADERS
    expected = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert policy(response) == expected
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["/", "/claims/", "/deadlines/", "/api/claims/", "/api/docs/", "/admin/login/"]
)
def test_pages_and_the_api_carry_the_headers(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_protected(response)


def test_a_page_from_the_cache_carries_them_too(client, db, settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    client.get("/claims/")
    with django_assert_num_queries(0):  # served whole from the cache
        cached = client.get("/claims/")
    assert_protected(cached)


def test_the_admin_and_a_refusal_carry_them(client, editor):
    client.force_login(editor)
    assert_protected(client.get(reverse("admin:claims_claim_changelist")))
    refused = client.get(reverse("admin:webhooks_webhook_changelist"))
    assert refused.status_code == 403
    assert_protected(refused)


def test_a_not_found_page_carries_them(client, db, settings):
    settings.DEBUG = False
    response = client.get("/claims/999999/no-such-claim/")
    assert response.status_code == 404
    assert_protected(response)
