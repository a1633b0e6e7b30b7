"""The site's own error pages: 500 for a fault of ours, and 503 ("we'll be right back") while
the database cannot be reached. Neither page touches the database; the API is answered in JSON.

Django calls `server_error` (handler500) while it handles the exception, so the exception is
there to look at: a database that cannot be reached (refused, reset, restarting) is a 503 with
Retry-After, which tells browsers, crawlers and load balancers to come back, rather than a 500.
"""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from claims.context import site
from factcheck.lib.retries import DATABASE_ERRORS

RETRY_AFTER_SECONDS = 30
API_MESSAGES = {
    500: _("Something went wrong on our side; it has been logged."),
    503: _("The database cannot be reached just now; try again in a minute."),
}


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a 503 while the database cannot be reached, else the site's 500 page."""
    if database_unreachable(sys.exception()):
        response = error_page(request, 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return error_page(request, 500)


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it arose from, says the database could not be reached."""
    while error is not None:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


def error_page(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": str(API_MESSAGES[status])}, status=status)
    else:
        # The site's context alone (no context processor that might read the database).
        html = render_to_string(f"{status}.html", {"request": request, **site(request)})
        response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response
