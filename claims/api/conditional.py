"""Conditional GET for the API's reads: `ETag` and `Last-Modified` on every successful read, and
304 for a request whose validator still holds (see docs/api.md, "ETag, Last-Modified and 304")."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.lib import page_cache

CACHE = caches["default"]  # shared by every web process when REDIS_URL is set
SEEN_SECONDS = 24 * 60 * 60  # how long the time an ETag was first served is remembered


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode())
        hasher.update(b"\0")
    return f'"{hasher.hexdigest()[:32]}"'


def first_served(etag: str) -> float:
    """When this server first served `etag` (now, if never): the representation's Last-Modified.
    A change makes a new ETag, first served after the change, so If-Modified-Since stays safe."""
    key = f"api:etag-seen:{etag}"
    try:
        CACHE.add(key, time.time(), SEEN_SECONDS)
        return CACHE.get(key) or time.time()
    except Exception:  # an unreachable cache costs the validator's age, not the answer
        return time.time()


class ConditionalReads:
    """ETag and Last-Modified on every successful read, and 304 for a matching conditional GET.

    For the public, when the public page cache is on, the ETag is derived from its version
    counter (bumped by every change, and again at commit; never repeated, even after the cache
    loses its data) before any query is made, so a matching request costs two cache reads.
    Otherwise (the newsroom, whose drafts and import states change without touching that
    counter, or no shared cache) the ETag is a hash of the body: always right, saving the
    transfer rather than the work. Both include the audience, so the public and the newsroom
    never share an ETag.
    """

    etag: str | None = None

    def audience(self) -> str:
        """'public' or 'newsroom': who the answer is for (the view says)."""
        raise NotImplementedError

    def versioned_etag(self) -> str | None:
        if self.audience() != "public" or not settings.PUBLIC_PAGE_CACHE_SECONDS:
            return None
        try:
            version = page_cache.current_version()
        except Exception:  # an unreachable cache: the ETag is made from the body instead
            return None
        fmt = self.request.accepted_renderer.format
        return _digest("public", str(version), fmt, self.request.get_full_path())

    def not_modified(self) -> HttpResponse | None:
        """A 304 answered from the version counter alone, or None to do the work."""
        self.etag = self.versioned_etag()
        if self.etag is None:
            return None
        modified = first_served(self.etag)
        unchanged = get_conditional_response(
            self.request, etag=self.etag, last_modified=int(modified)
        )
        if unchanged is not None:
            self._validators(unchanged, self.etag, modified)
        return unchanged

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.not_modified() or super().list(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.not_modified() or super().retrieve(request, *args, **kwargs)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            # Errors are JSON whatever format was asked for: a CSV of an error helps nobody.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = self.etag or _digest(self.audience(), response.content)
        modified = first_served(etag)
        self._validators(response, etag, modified)
        return get_conditional_response(
            request, etag=etag, last_modified=int(modified), response=response
        )

    def _validators(self, response: HttpResponse, etag: str, modified: float) -> None:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        privacy = "public" if self.audience() == "public" else "private"
        response["Cache-Control"] = f"{privacy}, no-cache"
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
