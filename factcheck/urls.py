from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from claims.api.claimreview import FeedView
from claims.urls import site_files
from factcheck.lib.retries import DATABASE_ERRORS


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for whatever a page links: the static icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers (and the benchmarks' baseline): a constant, no database."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness for load balancers: 200 when the database answers, 503 saying so when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS as error:
        answer = HttpResponse(f"database: unreachable ({type(error).__name__})\n", status=503)
    else:
        answer = HttpResponse("database: ok\n")
    answer["Content-Type"], answer["Cache-Control"] = "text/plain", "no-store"
    return answer


# The site's own error pages (templates/500.html, and 503.html while the database is down).
handler500 = "factcheck.errors.server_error"

urlpatterns = [
    path("healthz/", healthz),
    path("readyz/", readyz),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    # Before the API's include, so that its router never sees this path.
    path("api/claimreview.json", FeedView.as_view(), name="claimreview-feed"),
    path("api/", include("claims.api.urls", namespace="api")),
    path("", include((site_files, "site"))),
    *i18n_patterns(path("", include("claims.urls")), prefix_default_language=False),
]
