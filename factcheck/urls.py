from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from claims.api.claimreview import FeedView


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for whatever a page links: the static icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers (and the benchmarks' baseline): a constant, no database."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz/", healthz),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    # Before the API's include, so that its router never sees this path.
    path("api/claimreview.json", FeedView.as_view(), name="claimreview-feed"),
    path("api/", include("claims.api.urls", namespace="api")),
    path("", include("claims.urls")),
]
