"""The OpenAPI descriptions of claims/api/views.py's endpoints: what each answers, and every error.

Kept apart from the views so that the views stay readable; drf-spectacular reads these through
`extend_schema_view` and `extend_schema`.
"""

from __future__ import annotations

from typing import Any

from django.utils.text import format_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import SAFE_METHODS

from claims.api import news
from claims.api import serializers as s
from claims.workflow.transitions import Transition

NOT_MODIFIED = OpenApiResponse(
    description="Not modified: the `If-None-Match` ETag (or `If-Modified-Since` date) still "
    "holds. No body."
)
BAD_FILTER = OpenApiResponse(
    description="A filter or search parameter is not valid (a date that is not one, an unknown "
    "rating): each parameter with its messages. Nothing is listed rather than too much.",
    response=OpenApiTypes.OBJECT,
)
BAD_PAGE = OpenApiResponse(s.ErrorSerializer, description="No such page (`Invalid page.`).")
NOT_FOUND = OpenApiResponse(
    s.ErrorSerializer, description="No such object, or not one you may see (drafts are not public)."
)
THROTTLED = OpenApiResponse(
    s.ErrorSerializer,
    description="Too many anonymous requests (API_ANON_THROTTLE_RATE); `Retry-After` says when "
    "to try again. Requests with a token are not throttled.",
)
BAD_CREDENTIALS = OpenApiResponse(
    s.ErrorSerializer,
    description="A token or session was sent but is not valid (`Invalid token.`): reading needs "
    "no credentials, but wrong ones are refused.",
)
UNAUTHENTICATED = OpenApiResponse(
    s.ErrorSerializer,
    description="No credentials: send `Authorization: Token …` (or use a staff session).",
)
FORBIDDEN = OpenApiResponse(
    s.ErrorSerializer,
    description="Your role may not do this (the message names the permission it needs), or a "
    "session request came without its CSRF token. Nothing was changed.",
)
INVALID = OpenApiResponse(
    description="Bad input: each field with its messages, or `detail` with the workflow's "
    "reason. Nothing was changed.",
    response=OpenApiTypes.OBJECT,
)
FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="`csv` for the page as CSV rows (header first; `Link` names the other pages).",
)


class ApiSchema(AutoSchema):
    """Reads need no credentials: say so (drf-spectacular knows only DRF's own permissions)."""

    def get_auth(self) -> list[dict]:
        auths = super().get_auth()
        return [*auths, {}] if self.method in SAFE_METHODS else auths


class NewsroomSchema(AutoSchema):
    """The newsroom's endpoints: reads need credentials too (so no anonymous throttle)."""


def _reads(
    kind: str,
    serializer: Any,
    *,
    paginated: bool = True,
    filtered: bool = True,
    csv: bool = False,
    detail: Any = None,
    detail_parameters: list | None = None,
) -> dict[str, Any]:
    """List and detail; with `csv`, the list as CSV too."""
    listed = OpenApiResponse(
        serializer(many=True),
        description=f"The {kind}, a page at a time." if paginated else f"Every {kind[:-1]}.",
    )
    errors: dict[int, Any] = {401: BAD_CREDENTIALS, 429: THROTTLED}
    if filtered:
        errors[400] = BAD_FILTER
    if paginated:
        errors[404] = BAD_PAGE
    list_responses: dict[Any, Any] = {304: NOT_MODIFIED, 200: listed}
    parameters = []
    if csv:  # errors are JSON even when CSV was asked for
        parameters.append(FORMAT)
        list_responses[(200, "application/json")] = list_responses.pop(200)
        list_responses[(200, "text/csv")] = OpenApiResponse(
            OpenApiTypes.STR, description="The page as CSV."
        )
        list_responses.update({(code, "application/json"): r for code, r in errors.items()})
    else:
        list_responses.update(errors)
    return {
        "list": extend_schema(
            summary=f"List {kind}",
            parameters=parameters,
            responses=list_responses,
        ),
        "retrieve": extend_schema(
            summary=f"One {kind[:-1] if kind.endswith('s') else kind}",
            parameters=detail_parameters or [],
            responses={
                200: OpenApiResponse(detail or serializer, description="The object."),
                304: NOT_MODIFIED,
                401: BAD_CREDENTIALS,
                404: NOT_FOUND,
                429: THROTTLED,
            },
        ),
    }


def reads(kind: str, serializer: Any, *, by_slug: bool = False) -> dict[str, Any]:
    """List and detail of reference data (no filters); ratings and topics, few and named by
    slug, come in one page."""
    slug = OpenApiParameter(
        "slug", str, OpenApiParameter.PATH, description=f"The {kind[:-1]}'s slug."
    )
    return _reads(
        kind,
        serializer,
        paginated=not by_slug,
        filtered=False,
        detail_parameters=[slug] if by_slug else [],
    )


def _create(serializer: Any, created: Any, code: int, *, summary: str, conflict: str = "") -> Any:
    responses: dict[int, Any] = {
        code: created
        if isinstance(created, OpenApiResponse)
        else OpenApiResponse(created, description="Created; `Location` is its address."),
        400: INVALID,
        401: UNAUTHENTICATED,
        403: FORBIDDEN,
    }
    if conflict:
        responses[409] = OpenApiResponse(s.ConflictSerializer, description=conflict)
    return extend_schema(
        summary=summary, description=serializer.__doc__, request=serializer, responses=responses
    )


CLAIMS = {
    **_reads("claims", s.ClaimSerializer, csv=True, detail=s.ClaimDetailSerializer),
    "create": _create(
        s.ClaimCreateSerializer,
        s.ClaimDetailSerializer,
        201,
        summary="Log a claim (editors, publishers)",
    ),
}
VERDICTS = {
    **_reads("verdicts", s.VerdictSerializer, csv=True),
    "create": _create(
        s.VerdictDraftSerializer,
        s.VerdictSerializer,
        201,
        summary="Draft a verdict (reviewers, publishers)",
        conflict="The claim already has a verdict in the works (draft or submitted), or it is "
        "retracted.",
    ),
}
EVIDENCE = {
    **_reads("evidence", s.EvidenceSerializer),
    "create": _create(
        s.EvidenceSerializer,
        s.EvidenceSerializer,
        201,
        summary="Add evidence (reviewers, publishers)",
        conflict="This URL is already evidence for the claim.",
    ),
}
ARTICLES = {
    **_reads("articles", news.ArticleSerializer, filtered=False),
    "create": _create(
        news.ArticleImportRequestSerializer,
        OpenApiResponse(
            news.ImportSerializer,
            description="Queued: the import runs in the background. Follow it at `Location` "
            "(`/api/imports/{id}/`) until its `state` is done (`article` is then its id) or "
            "failed (with its `error`; no article is made).",
        ),
        202,
        summary="Import an article (editors, publishers)",
        conflict="This article was imported already (`existing` is its id) or is being "
        "imported now (`running` is that import's id); `Location` names it.",
    ),
}
NEWSROOM_ONLY = OpenApiResponse(
    s.ErrorSerializer, description="Article imports are the newsroom's: you are not in it."
)
IMPORTS = {
    "list": extend_schema(
        summary="List article imports (the newsroom's)",
        responses={
            200: OpenApiResponse(
                news.ImportSerializer(many=True), description="The imports, newest first."
            ),
            304: NOT_MODIFIED,
            400: BAD_FILTER,
            401: UNAUTHENTICATED,
            403: NEWSROOM_ONLY,
            404: BAD_PAGE,
        },
    ),
    "retrieve": extend_schema(
        summary="One article import (the newsroom's)",
        responses={
            200: OpenApiResponse(news.ImportSerializer, description="The import as it stands."),
            304: NOT_MODIFIED,
            401: UNAUTHENTICATED,
            403: NEWSROOM_ONLY,
            404: NOT_FOUND,
        },
    ),
    "retry": extend_schema(
        summary="Try a failed import again (editors, publishers)",
        request=None,
        responses={
            202: OpenApiResponse(news.ImportSerializer, description="Queued again."),
            400: INVALID,
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(
                s.ConflictSerializer,
                description="The article came in meanwhile (`existing`) or is being imported "
                "(`running`); `Location` names it.",
            ),
        },
    ),
}


FOLLOW_UPS = extend_schema(
    summary="A claim's follow-ups (the newsroom)",
    description="Articles found in the news that may settle the claim (monitored feeds, imports, "
    "articles logged by hand, matched on who, what, where and when), best first; dismissed ones "
    "are left out. Only the newsroom: anyone else is refused. Decided on the claim's admin page "
    '(docs/workflow.md, "The re-check").',
    responses={
        200: OpenApiResponse(news.ClaimFollowUpsSerializer, description="The claim's follow-ups."),
        304: NOT_MODIFIED,
        401: UNAUTHENTICATED,
        403: FORBIDDEN,
        404: NOT_FOUND,
        429: THROTTLED,
    },
)


def transition(t: Transition, request: Any) -> Any:
    """The schema of a transition of the registry: the claim after it, or the refusal."""
    return extend_schema(
        summary=t.label,
        description=format_lazy(
            "{} Needs `{}`. It goes through `claims/workflow/`; a refusal changes nothing.",
            t.help,
            t.permission,
        ),
        request=request,
        responses={
            200: OpenApiResponse(s.ClaimDetailSerializer, description="The claim after it."),
            400: INVALID,
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(
                s.ErrorSerializer,
                description="Not possible in the claim's current state (e.g. no submitted "
                "verdict to publish); `detail` says why.",
            ),
        },
    )


CLAIMREVIEW_FEED = extend_schema(
    summary="The ClaimReview feed",
    description="Every published claim's current verdict as a schema.org `DataFeed` of "
    "`ClaimReview` items, the same JSON-LD as the verdict pages (docs/claimreview.md). Streamed, "
    "oldest first; `ETag`, `Last-Modified` and `Cache-Control: public, max-age=300`. It is "
    "`application/ld+json` whatever the request accepts.",
    responses={
        (200, "application/ld+json"): OpenApiResponse(
            OpenApiTypes.OBJECT, description="The DataFeed (`dataFeedElement`: the items)."
        ),
        304: NOT_MODIFIED,
        (401, "application/json"): BAD_CREDENTIALS,
        (429, "application/json"): THROTTLED,
    },
    tags=["claimreview"],
)
