"""/api/claimreview.json: the ClaimReview DataFeed (claims/claimreview/feed.py) as an API
endpoint."""

from __future__ import annotations

from django.http import HttpResponse
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from claims.api import docs
from claims.api.base import AnonThrottle
from claims.claimreview.feed import feed_response


class FeedView(APIView):
    """/api/claimreview.json: an API endpoint like the others (the anonymous throttle, tokens,
    JSON errors, in the OpenAPI schema) whose answer is the feed itself, whatever is accepted."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonThrottle]
    renderer_classes = [JSONRenderer]  # for its errors (429, 401, 405); the feed is its own
    schema = docs.ApiSchema()

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple:
        return super().perform_content_negotiation(request, force=True)

    @docs.CLAIMREVIEW_FEED
    def get(self, request: Request) -> HttpResponse:
        return feed_response(request._request)
