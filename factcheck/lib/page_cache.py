"""Whole-page caching of the public site for anonymous readers, dropped on any change.

Every cached page carries the cache's "public version"; a change to the newsroom's data bumps the
version (at once, and again when the change commits, so a reader in between cannot re-cache the
old page), which makes every cached page stale: a publish is visible at once. Caching is on only
with a shared cache (REDIS_URL), so that a change made by a worker reaches every web process. When
the cache is unreachable, pages are served uncached.

The version is also what the API's ETags and the ClaimReview feed's are made of, so it must never
repeat for different content, even after the cache loses its data (a Redis restart without
persistence, a FLUSHDB): a counter found missing starts again from a random number, not from 1,
so it lands nowhere near any value an earlier counter reached.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)
VERSION_KEY = "public-pages:version"
PRIVATE_PREFIXES = ("/admin/", "/api/", "/healthz/", "/readyz/")


def _seed() -> int:
    # Below 2**62: room for as many increments again within Redis's 64-bit integers.
    return secrets.randbelow(2**62) + 1


def _start() -> None:
    """Start a missing counter (never set, evicted, flushed) from a random number; `add`, so that
    of several processes finding it missing at once, one starts it."""
    cache.add(VERSION_KEY, _seed(), timeout=None)


def current_version() -> int:
    """The public version, started if missing. Raises if the cache cannot be reached."""
    version = cache.get(VERSION_KEY)
    if version is None:
        _start()
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # missing: a new random start makes old pages (and ETags) stale
            _start()
            cache.incr(VERSION_KEY)
    except Exception:  # an unreachable cache must not fail the write
        log.warning("could not invalidate the public page cache", exc_info=True)


def invalidate() -> None:
    """Make every cached public page stale, now and when the current transaction commits."""
    if settings.PUBLIC_PAGE_CACHE_SECONDS:
        _bump()
        transaction.on_commit(_bump)


def _on_change(sender, **kwargs) -> None:
    invalidate()


def connect_signals(models: list) -> None:
    for model in models:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"page-cache-del-{model}")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store the 200s that set no cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        version, cached = self._get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if version is not None and self._cacheable_response(response):
            self._set(key, version, response, seconds)
        return response

    @staticmethod
    def _cacheable_request(request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(PRIVATE_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff see live pages
        )

    @staticmethod
    def _cacheable_response(response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request: HttpRequest) -> str:
        path = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        return f"public-page:{request.method}:{path}"

    @staticmethod
    def _get(key: str) -> tuple[int | None, HttpResponse | None]:
        """The public version and the page cached under it, in one round trip to the cache.

        A page stored under an older version is stale. (None, None) when the cache is
        unreachable: no caching, not an error."""
        try:
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY) or current_version()
        except Exception:
            return None, None
        stored_version, page = found.get(key, (None, None))
        return version, page if stored_version == version else None

    @staticmethod
    def _set(key: str, version: int, response: HttpResponse, seconds: int) -> None:
        # Stored under the version read before rendering: a change made meanwhile bumps the
        # version, so this page is stale at once.
        try:
            cache.set(key, (version, response), seconds)
        except Exception:
            log.warning("could not cache %s", key, exc_info=True)
