"""The site's guards that sit around every request: request bodies too large to read, sessions
that expire, and the client address the login lockout (django-axes) counts failures against.

The policies are settings (docs/deployment.md): DATA_UPLOAD_MAX_MEMORY_SIZE, SESSION_COOKIE_AGE,
SESSION_IDLE_SECONDS, LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES and API_NUM_PROXIES.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

LOGIN_AT = "_login_at"  # in the session: when its user logged in (seconds since the epoch)
SEEN_AT = "_seen_at"  # in the session: its latest request, to the minute
SEEN_RESOLUTION = 60  # seconds: a session is written at most once a minute for being used


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class RequestSizeMiddleware:
    """Refuse a body over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads it, with a 413 that
    names the limits; Django itself would answer a bare 400 from whichever middleware read the
    body first (the CSRF check)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is None or length <= limit:
            return self.get_response(request)
        message = _(
            "The request is %(size)s, more than the %(limit)s the workbench reads. An article to "
            "import may be at most %(article)s: give its address instead, or paste its text "
            "without the rest of the page."
        ) % {
            "size": megabytes(length),
            "limit": megabytes(limit),
            "article": megabytes(settings.FETCH_MAX_BYTES),
        }
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=413)
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


def stamp_login(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """On `user_logged_in`: the session remembers when, for SessionExpiryMiddleware."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


class SessionExpiryMiddleware:
    """Log out a session SESSION_COOKIE_AGE after its login however busy it was (Django's own
    expiry restarts whenever the session is written), or after SESSION_IDLE_SECONDS unused. A
    session without a login time (from before this was deployed) is logged out too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = time.time()
            if now - session.get(LOGIN_AT, 0) > settings.SESSION_COOKIE_AGE:
                self._expire(
                    request,
                    _(
                        "You were logged in for the longest time a login lasts: "
                        "please log in again."
                    ),
                )
            elif now - session.get(SEEN_AT, 0) > settings.SESSION_IDLE_SECONDS:
                self._expire(
                    request,
                    _("Nothing was done in this session for too long: please log in again."),
                )
            elif now - session.get(SEEN_AT, 0) > SEEN_RESOLUTION:
                session[SEEN_AT] = now
        return self.get_response(request)

    @staticmethod
    def _expire(request: HttpRequest, why: str) -> None:
        logout(request)
        messages.info(request, why)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """What django-axes answers a login while locked out: a page that says why, for how long,
    and how an administrator lifts the lock."""
    from axes.helpers import get_client_username

    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": settings.LOGIN_LOCKOUT_MINUTES,
    }
    return render(request, "admin/lockout.html", context, status=429)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the login lockout: the one API_NUM_PROXIES proxies in front of
    the site saw (the last-but-N of X-Forwarded-For), else the connection's own. A client can
    write anything in X-Forwarded-For; only the entries the trusted proxies appended count."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR")
