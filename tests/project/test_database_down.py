"""While the database cannot be reached: the site's own 503 page rather than a bare 500, cached
public pages still served, `/readyz/` saying so while `/healthz/` (liveness) does not; and the
site's own 500 page for any other fault. A real server restarted under a running site is
tests/project/test_recovery.py's."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client, RequestFactory
from django.utils.module_loading import import_string

from factcheck import urls

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextmanager
def database_unreachable() -> Iterator[None]:
    """The connection pointed at a database that is not there (PostgreSQL: a port nobody listens
    on; SQLite: a file in a directory that does not exist), as when the server is down."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/factcheck.sqlite3"
    else:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            connection.settings_dict["PORT"] = sock.getsockname()[1]
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)


@pytest.fixture
def reader() -> Client:
    """A reader's browser: it is shown what the server answers, exceptions included."""
    return Client(raise_request_exception=False)


def test_a_page_needing_the_database_is_the_sites_503_while_it_is_down(reader, watching_claim):
    with database_unreachable():
        page = reader.get(watching_claim.get_absolute_url())
        api = reader.get("/api/claims/")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    assert "right back" in page.content.decode()
    assert "<html" in page.content.decode()  # the site's page, not Django's bare one
    assert api.status_code == 503
    assert "database cannot be reached" in api.json()["detail"]
    assert reader.get(watching_claim.get_absolute_url()).status_code == 200  # back


def test_a_cached_public_page_is_still_served_while_the_database_is_down(
    reader, watching_claim, settings
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cached = reader.get(watching_claim.get_absolute_url())
    with database_unreachable():
        again = reader.get(watching_claim.get_absolute_url())
    assert again.status_code == 200
    assert again.content == cached.content


def test_readyz_says_whether_the_database_answers_and_healthz_does_not_ask(reader, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300  # a readiness answer is never cached
    ready = reader.get("/readyz/")
    assert (ready.status_code, ready.content) == (200, b"database: ok\n")
    with database_unreachable():
        down = reader.get("/readyz/")
        alive = reader.get("/healthz/")
    assert down.status_code == 503
    assert down.content.decode().startswith("database: unreachable (OperationalError)")
    assert alive.status_code == 200


def test_any_other_fault_is_the_sites_own_500_page(django_assert_num_queries):
    handler = import_string(urls.handler500)
    with django_assert_num_queries(0):  # it must work with the database gone too
        response = handler(RequestFactory().get("/claims/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and "<html" in html
