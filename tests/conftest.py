"""Shared fixtures: the newsroom's people, an article and claims in each state. Helpers that tests
import live in tests/support/."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from claims import roles, workflow
from claims.models import Article, Claim, Source
from tests.support.data import write_verdict

# Fixtures shared by test packages: the webhook receiver, the mail server.
pytest_plugins = ["tests.support.receiver", "tests.support.smtp"]


def _own_cache_database() -> None:
    """Under pytest-xdist each worker process has a Redis database of its own for the cache (and
    so do the Celery workers it starts): clearing the cache before a test must not empty another
    worker's. pytest-django gives each its own SQL database the same way."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("REDIS_URL", "")
    if not worker.startswith("gw") or not url:
        return
    parts = urlsplit(url)
    taken = {_redis_db(url), _redis_db(os.environ.get("CELERY_BROKER_URL", ""))}
    free = [db for db in range(15, -1, -1) if db not in taken]
    own = urlunsplit(parts._replace(path=f"/{free[int(worker[2:])]}"))
    os.environ["REDIS_URL"] = settings.CACHES["default"]["LOCATION"] = own


def _redis_db(url: str) -> int | None:
    parts = urlsplit(url)
    if not parts.scheme.startswith("redis"):
        return None
    return int(parts.path.strip("/") or 0)


_own_cache_database()


@pytest.hookimpl(tryfirst=True)  # before pytest-django's own order, which keeps this one within it
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first within each of pytest-django's groups (tests in a transaction, then
    transactional ones, which must come after): in a parallel run they start early, beside the
    quick ones, rather than last, alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """No test sees pages another cached (the cache outlives each test's database)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request to /fr/ leaves French active in the
    thread that served it (the test client's), and the next test's strings would be French."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _user(username: str, group: str | None) -> User:
    user = User.objects.create(username=username, email=f"{username}@example.org", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh: no cached permissions


@pytest.fixture
def editor(db) -> User:
    return _user("edna", roles.EDITORS)


@pytest.fixture
def reviewer(db) -> User:
    return _user("rita", roles.REVIEWERS)


@pytest.fixture
def other_reviewer(db) -> User:
    return _user("ron", roles.REVIEWERS)


@pytest.fixture
def publisher(db) -> User:
    return _user("paula", roles.PUBLISHERS)


@pytest.fixture
def outsider(db) -> User:
    return _user("olga", None)


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(name="The Daily Test", domain="daily.example")


@pytest.fixture
def article(source) -> Article:
    return Article.objects.create(
        source=source,
        url="https://daily.example/2024/01/bridge",
        headline="Bridge to reopen",
        published_on=dt.date(2024, 1, 15),
    )


@pytest.fixture
def make_claim(article, editor, reviewer) -> Callable[..., Claim]:
    def make(statement: str = "The bridge will reopen within two weeks.", **fields) -> Claim:
        fields.setdefault("article", article)
        fields.setdefault("reviewer", reviewer)
        return Claim.objects.create(statement=statement, created_by=editor, **fields)

    return make


@pytest.fixture
def publish_claim(reviewer, publisher) -> Callable[..., Claim]:
    """Take a claim through draft verdict → submit → publish."""

    def publish(claim: Claim, slug: str = "pending", **kwargs) -> Claim:
        write_verdict(claim, reviewer, slug)
        workflow.submit(claim, by=reviewer)
        # The scenes are set in 2024 and published today: a pending verdict is published as if
        # then, before its deadline (tests of that rule call workflow.publish themselves).
        kwargs.setdefault("confirm_past_deadline", True)
        workflow.publish(claim, by=publisher, **kwargs)
        claim.refresh_from_db()
        return claim

    return publish


@pytest.fixture
def watching_claim(make_claim, publish_claim) -> Claim:
    """Published as pending, deadline 2024-01-29."""
    return publish_claim(make_claim(deadline=dt.date(2024, 1, 29)))
