"""Public pages served from the cache to anonymous readers, and dropped on every change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims import workflow
from tests.support.data import write_verdict


@pytest.fixture(autouse=True)
def caching(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


def test_a_second_anonymous_read_comes_from_the_cache(
    client, watching_claim, django_assert_num_queries
):
    url = watching_claim.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200 and second.content == first.content


def test_a_publish_is_visible_at_once(client, watching_claim, make_claim, reviewer, publisher):
    assert client.get(reverse("claims:list")).status_code == 200  # cached now
    claim = make_claim("A brand new verdict.")
    write_verdict(claim, reviewer, "false")
    workflow.submit(claim, by=reviewer)
    workflow.publish(claim, by=publisher)
    assert "A brand new verdict." in client.get(reverse("claims:list")).content.decode()


def test_the_sweep_drops_cached_pages_although_it_writes_in_bulk(client, watching_claim):
    url = watching_claim.get_absolute_url()
    passed = "The deadline, 29 January 2024, has passed"
    assert passed not in client.get(url).content.decode()
    workflow.sweep(as_of=dt.date(2024, 2, 1))
    assert passed in client.get(url).content.decode()


def test_staff_with_a_session_see_live_pages(
    client, watching_claim, editor, django_assert_max_num_queries
):
    url = watching_claim.get_absolute_url()
    client.get(url)
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.wsgi_request.session.keys()) > 0  # it went through the whole stack


def test_the_admin_is_never_cached(client, editor, make_claim):
    client.force_login(editor)
    client.get(reverse("admin:claims_claim_changelist"))
    make_claim("Fresh draft.")
    assert "Fresh draft." in client.get(reverse("admin:claims_claim_changelist")).content.decode()


def test_pages_still_answer_when_the_cache_is_unreachable(
    client, watching_claim, settings, publisher
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert client.get(watching_claim.get_absolute_url()).status_code == 200
    workflow.retract(watching_claim, by=publisher, reason="Testing with the cache down.")
    page = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Testing with the cache down." in page
