"""The API's addresses: a router for the viewsets, the schema and its docs, the ClaimReview feed,
and a JSON 404 for anything else under /api/."""

from __future__ import annotations

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from claims.api.base import AnonThrottle
from claims.api.views import (
    ArticleViewSet,
    ClaimantViewSet,
    ClaimViewSet,
    EvidenceViewSet,
    ImportViewSet,
    RatingViewSet,
    SourceViewSet,
    TopicViewSet,
    VerdictViewSet,
)

router = SimpleRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("verdicts", VerdictViewSet, basename="verdict")
router.register("evidence", EvidenceViewSet, basename="evidence")
router.register("articles", ArticleViewSet, basename="article")
router.register("imports", ImportViewSet, basename="import")
router.register("sources", SourceViewSet, basename="source")
router.register("claimants", ClaimantViewSet, basename="claimant")
router.register("ratings", RatingViewSet, basename="rating")
router.register("topics", TopicViewSet, basename="topic")


@api_view(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@permission_classes([AllowAny])
@schema(None)
def not_found(request: Request) -> Response:
    """Any other address under /api/ ending in a slash: a JSON 404, as the endpoints give."""
    raise exceptions.NotFound()


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(throttle_classes=[AnonThrottle]), name="schema"),
    path(
        "docs/",
        # The split view serves its init script from a URL, and our template has no inline
        # style: the page keeps to the Content-Security-Policy.
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/docs.html", throttle_classes=[AnonThrottle]
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    # Last: an unknown address (or an id that is not one) is a JSON 404, not the site's page.
    re_path(r"^.*/$", not_found),
]
app_name = "api"
