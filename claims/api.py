"""The REST API under /api/ (Django REST framework; see docs/api.md).

Reads are open to everyone. The public (anonymous users, and staff without a newsroom role) sees
what the public site shows: `Claim.objects.public()`, published verdicts, never a draft or a
reviewer's note. The newsroom (a role's `view_claim` permission) also sees drafts and verdicts in
the works. Writes need a token or a session: creates need the role's `add_*` permission, and
transitions call `claims.workflow`, whose refusal becomes a 4xx answer and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpResponse
from django.urls import include, path, re_path
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from redis.exceptions import RedisError
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes, schema
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission, DjangoModelPermissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.throttling import AnonRateThrottle

from . import api_docs as docs
from . import csv_export, intake, refusals, workflow
from . import serializers as s
from .api_conditional import ConditionalReads
from .filters import ClaimFilter
from .models import Article, Claim, Claimant, ClaimEvent, Evidence, Rating, Source, Topic, Verdict

log = logging.getLogger(__name__)

# --- Audience, permissions, throttling, pagination ----------------------------------------------


def in_newsroom(user: Any) -> bool:
    """Whether `user` holds a newsroom role: only they see drafts and verdicts in the works."""
    return bool(user and user.is_authenticated and user.has_perm("claims.view_claim"))


class RolePermissions(DjangoModelPermissions):
    """Anyone may read; a create needs the role's `add` permission on the model. A method the
    endpoint does not offer is left to answer 405 whoever asks."""

    perms_map = {**DjangoModelPermissions.perms_map, "GET": [], "HEAD": [], "OPTIONS": []}
    authenticated_users_only = False

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in view.allowed_methods:
            return True
        return super().has_permission(request, view)


class InNewsroom(BasePermission):
    """Transitions: the newsroom only; `claims.workflow` checks the role's own permission."""

    message = "Only the newsroom (editors, reviewers, publishers) may change a claim's state."

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method not in view.allowed_methods or in_newsroom(request.user)


class AnonThrottle(AnonRateThrottle):
    """Anonymous requests per client address, counted in the shared cache; the rate is read
    from API_ANON_THROTTLE_RATE at each request so that it can be changed without a restart of
    the class (and in tests)."""

    cache = caches["default"]  # shared by every web process when REDIS_URL is set

    def get_rate(self) -> str | None:
        return settings.API_ANON_THROTTLE_RATE or None

    def allow_request(self, request: Request, view: Any) -> bool:
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError):
            # The cache is down: the API stays up, unthrottled, until it is back.
            log.warning("API throttle skipped: the cache is unreachable", exc_info=True)
            return True


class Pagination(PageNumberPagination):
    page_size = settings.API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 100


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the claim's current state."
    default_code = "conflict"


class ReadViewSet(ConditionalReads, viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermissions]
    throttle_classes = [AnonThrottle]
    pagination_class = Pagination
    schema = docs.ApiSchema()

    def audience(self) -> str:
        return "newsroom" if in_newsroom(self.request.user) else "public"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "newsroom": in_newsroom(self.request.user)}

    def public_queryset(self) -> QuerySet:
        raise NotImplementedError

    def newsroom_queryset(self) -> QuerySet:
        return self.public_queryset()

    def get_queryset(self) -> QuerySet:
        if in_newsroom(self.request.user):
            return self.newsroom_queryset()
        return self.public_queryset()

    def csv_page(self, header: list[str], row: Any) -> Response:
        """The list's page as CSV rows; the other pages are named in the `Link` header."""
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (
                ("next", self.paginator.get_next_link()),
                ("prev", self.paginator.get_previous_link()),
            )
            if url
        ]
        headers = {"Link": ", ".join(links)} if links else {}
        headers["X-Total-Count"] = str(self.paginator.page.paginator.count)
        return Response([header, *map(row, page)], headers=headers)

    def get_renderers(self) -> list:
        renderers = super().get_renderers()
        if self.action == "list" and getattr(self, "csv_columns", None):
            renderers.append(csv_export.CSVRenderer())
        return renderers

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.accepted_renderer.format != csv_export.CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        return self.not_modified() or self.csv_page(self.csv_columns, self.csv_row)


def _created(serializer_class: type, instance: Any, view: ReadViewSet, code: int) -> Response:
    fresh = view.newsroom_queryset().get(pk=instance.pk)
    data = serializer_class(fresh, context=view.get_serializer_context()).data
    location = view.reverse_action("detail", args=[instance.pk])
    return Response(data, status=code, headers={"Location": location})


# --- Claims -------------------------------------------------------------------------------------


def _published_verdicts(*related: str) -> Prefetch:
    verdicts = Verdict.objects.published().select_related("rating", *related)
    return Prefetch("verdicts", queryset=verdicts, to_attr="published_verdicts")


@extend_schema_view(**docs.CLAIMS)
class ClaimViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Claims with their current verdict and verdict history; the public list's filters."""

    filterset_class = ClaimFilter
    csv_columns = csv_export.CLAIM_COLUMNS
    csv_row = staticmethod(csv_export.claim_row)

    def public_queryset(self) -> QuerySet:
        claims = Claim.objects.public().with_public_verdicts()
        return self._detail(claims).order_by("-first_published_at", "-pk")

    def newsroom_queryset(self) -> QuerySet:
        open_verdicts = Verdict.objects.exclude(status=Verdict.Status.PUBLISHED).select_related(
            "rating", "author"
        )
        claims = Claim.objects.select_related("article__source", "claimant", "reviewer")
        claims = claims.prefetch_related(
            _published_verdicts("author", "approver"),
            Prefetch("verdicts", queryset=open_verdicts, to_attr="open_verdicts"),
        )
        return self._detail(claims).order_by("-created_at", "-pk")

    def _detail(self, claims: QuerySet) -> QuerySet:
        claims = claims.prefetch_related("topics", "claimant__aliases")
        if self.action == "list":
            return claims
        public_events = ClaimEvent.objects.filter(kind__in=ClaimEvent.PUBLIC_KINDS)
        return claims.prefetch_related(
            "evidence", Prefetch("events", queryset=public_events, to_attr="public_events")
        )

    def get_serializer_class(self) -> type:
        if self.action == "list":
            return s.ClaimSerializer
        if self.action == "create":
            return s.ClaimCreateSerializer
        return s.ClaimDetailSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = s.ClaimCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        topics = data.pop("topics", [])
        claim = Claim(created_by=request.user, **data)
        if claim.deadline_overridden:
            claim.deadline_expression = "set by an editor"
            claim.deadline_explanation = "Set by an editor, overriding what the quote says."
        elif data.get("deadline"):
            raise exceptions.ValidationError(
                {
                    "deadline": "A deadline is read from the quote; to set it, also send "
                    "deadline_overridden: true."
                }
            )
        else:
            workflow.fill_deadline(claim)
        with workflow_errors(), transaction.atomic():
            workflow.check_deadline(claim)
            claim.save()
            claim.topics.set(topics)
            workflow.record_created(claim, by=request.user)
        return _created(s.ClaimDetailSerializer, claim, self, status.HTTP_201_CREATED)

    # Transitions: each parses its input and calls the workflow, nothing else.

    def _transition(self, request: Request, serializer_class: type | None, change: Any):
        claim = self.get_object()
        data = {}
        if serializer_class is not None:
            incoming = serializer_class(data=request.data)
            incoming.is_valid(raise_exception=True)
            data = incoming.validated_data
        with workflow_errors():
            change(claim, request.user, **data)
        fresh = self.get_queryset().get(pk=claim.pk)
        return Response(s.ClaimDetailSerializer(fresh, context=self.get_serializer_context()).data)

    @docs.transition("submit", None)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def submit(self, request: Request, pk: str) -> Response:
        return self._transition(request, None, lambda c, by: workflow.submit(c, by=by))

    @docs.transition("publish", None)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def publish(self, request: Request, pk: str) -> Response:
        return self._transition(request, None, lambda c, by: workflow.publish(c, by=by))

    @docs.transition("send_back", s.ReasonSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom], url_path="send-back")
    def send_back(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.ReasonSerializer, _send_back)

    @docs.transition("retract", s.ReasonSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def retract(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.ReasonSerializer, _retract)

    @docs.transition("resolve", s.ResolveSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def resolve(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.ResolveSerializer, _resolve)

    @docs.transition("extend", s.ExtendSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def extend(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.ExtendSerializer, _extend)

    @docs.transition("assign", s.AssignSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def assign(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.AssignSerializer, _assign)

    @docs.transition("correct", s.CorrectionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[InNewsroom])
    def correct(self, request: Request, pk: str) -> Response:
        return self._transition(request, s.CorrectionSerializer, _correct)


def _send_back(claim: Claim, by: Any, *, reason: str) -> None:
    workflow.send_back(claim, by=by, reason=reason)


def _retract(claim: Claim, by: Any, *, reason: str) -> None:
    workflow.retract(claim, by=by, reason=reason)


def _resolve(claim: Claim, by: Any, *, rating: Rating, note: str, checked_on: Any) -> None:
    workflow.resolve(claim, by=by, rating=rating, note=note, checked_on=checked_on)


def _extend(claim: Claim, by: Any, *, deadline: Any, reason: str) -> None:
    workflow.extend(claim, by=by, new_deadline=deadline, reason=reason)


def _correct(claim: Claim, by: Any, *, note: str) -> None:
    workflow.correct(claim, by=by, note=note)


def _assign(claim: Claim, by: Any, *, reviewer: Any) -> None:
    workflow.assign(claim, reviewer=reviewer or by, by=by)


@contextmanager
def workflow_errors() -> Iterator[None]:
    """Turn the workflow's refusals into API errors: its message, and the status it means."""
    try:
        yield
    except workflow.NotAllowed as error:
        raise exceptions.PermissionDenied(str(error)) from error
    except workflow.InvalidTransition as error:
        raise Conflict(str(error)) from error
    except workflow.WorkflowError as error:
        raise exceptions.ValidationError({"detail": str(error)}) from error
    except IntegrityError as error:  # the atomic block around it has rolled everything back
        raise Conflict(refusals.explain(error)) from error


# --- Verdicts, evidence, articles ---------------------------------------------------------------


class IdFilter(filters.NumberFilter):
    """A row's id: a whole number in the database's range, else a 400 (not an overflow)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)


class VerdictFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="A claim's id.")
    rating = filters.CharFilter(field_name="rating__slug", help_text="A rating's slug.")
    is_current = filters.BooleanFilter(help_text="Only current (or only superseded) verdicts.")

    class Meta:
        model = Verdict
        fields = ["claim", "rating", "is_current"]


@extend_schema_view(**docs.VERDICTS)
class VerdictViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Published verdicts (the newsroom also sees drafts and submitted ones)."""

    filterset_class = VerdictFilter
    csv_columns = csv_export.VERDICT_COLUMNS
    csv_row = staticmethod(csv_export.verdict_row)

    def public_queryset(self) -> QuerySet:
        return (
            Verdict.objects.published()
            .filter(claim__status__in=Claim.PUBLIC_STATUSES)
            .select_related("rating", "claim")
            .order_by("-published_at", "-pk")
        )

    def newsroom_queryset(self) -> QuerySet:
        return Verdict.objects.select_related("rating", "claim", "author", "approver").order_by(
            "-created_at", "-pk"
        )

    def get_serializer_class(self) -> type:
        return s.VerdictDraftSerializer if self.action == "create" else s.VerdictSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = s.VerdictDraftSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                verdict = incoming.save(author=request.user, status=Verdict.Status.DRAFT)
        except IntegrityError as error:  # the database keeps one verdict in the works per claim
            claim = incoming.validated_data["claim"]
            raise Conflict(
                f"claim #{claim.pk} already has a verdict in the works; edit or finish it first."
            ) from error
        return _created(s.VerdictSerializer, verdict, self, status.HTTP_201_CREATED)


class EvidenceFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="A claim's id.")

    class Meta:
        model = Evidence
        fields = ["claim", "stance"]


@extend_schema_view(**docs.EVIDENCE)
class EvidenceViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Evidence links of public claims (the newsroom sees every claim's)."""

    serializer_class = s.EvidenceSerializer
    filterset_class = EvidenceFilter

    def public_queryset(self) -> QuerySet:
        return Evidence.objects.filter(claim__status__in=Claim.PUBLIC_STATUSES).order_by("pk")

    def newsroom_queryset(self) -> QuerySet:
        return Evidence.objects.order_by("pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = s.EvidenceSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                evidence = incoming.save(added_by=request.user)
        except IntegrityError as error:  # the database keeps a URL once per claim
            data = incoming.validated_data
            raise Conflict(
                f"{data['url']} is already evidence for claim #{data['claim'].pk}."
            ) from error
        return _created(s.EvidenceSerializer, evidence, self, status.HTTP_201_CREATED)


@extend_schema_view(**docs.ARTICLES)
class ArticleViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Articles of public claims; the newsroom sees all, with their import state, and imports
    new ones from a URL or pasted text exactly as the admin's Import article does."""

    serializer_class = s.ArticleSerializer

    def public_queryset(self) -> QuerySet:
        public = Claim.objects.public().filter(article=OuterRef("pk"))
        return Article.objects.filter(Exists(public)).select_related("source").order_by("-pk")

    def newsroom_queryset(self) -> QuerySet:
        return Article.objects.select_related("source", "intake").order_by("-pk")

    def get_serializer_class(self) -> type:
        if self.action == "create":
            return s.ArticleImportRequestSerializer
        return s.ArticleSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = s.ArticleImportRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            queued = intake.queue_import(
                url=data["url"],
                content=data["text"],
                source_name=data["source"],
                published=data["published"],
                by=request.user,
            )
        except intake.AlreadyImported as error:
            return Response(
                {"detail": str(error), "existing": error.article.pk},
                status=status.HTTP_409_CONFLICT,
            )
        except intake.IntakeError as error:
            raise exceptions.ValidationError({"detail": str(error)}) from error
        intake.start_after_commit(queued)
        return _created(s.ArticleSerializer, queued.article, self, status.HTTP_202_ACCEPTED)


# --- Reference data -----------------------------------------------------------------------------


def _with_public_claim(lookup: str) -> Exists:
    return Exists(Claim.objects.public().filter(**{lookup: OuterRef("pk")}))


@extend_schema_view(**docs.reads("sources", s.SourceSerializer))
class SourceViewSet(ReadViewSet):
    """Outlets; the public sees those with a public claim."""

    serializer_class = s.SourceSerializer

    def public_queryset(self) -> QuerySet:
        return Source.objects.filter(_with_public_claim("article__source")).order_by("name", "pk")

    def newsroom_queryset(self) -> QuerySet:
        return Source.objects.order_by("name", "pk")


@extend_schema_view(**docs.reads("claimants", s.ClaimantSerializer))
class ClaimantViewSet(ReadViewSet):
    """Who made claims; the public sees those with a public claim."""

    serializer_class = s.ClaimantSerializer

    def public_queryset(self) -> QuerySet:
        claimants = Claimant.objects.filter(_with_public_claim("claimant"))
        return claimants.prefetch_related("aliases").order_by("name", "pk")

    def newsroom_queryset(self) -> QuerySet:
        return Claimant.objects.prefetch_related("aliases").order_by("name", "pk")


@extend_schema_view(**docs.reads("ratings", s.RatingSerializer, by_slug=True))
class RatingViewSet(ReadViewSet):
    """The ratings verdicts use, in scale order (data, not code)."""

    serializer_class = s.RatingSerializer
    lookup_field = "slug"
    pagination_class = None

    def public_queryset(self) -> QuerySet:
        return Rating.objects.order_by("scale", "order", "pk")


@extend_schema_view(**docs.reads("topics", s.TopicSerializer, by_slug=True))
class TopicViewSet(ReadViewSet):
    """What claims are about."""

    serializer_class = s.TopicSerializer
    lookup_field = "slug"
    pagination_class = None

    def public_queryset(self) -> QuerySet:
        return Topic.objects.order_by("name", "pk")


router = SimpleRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("verdicts", VerdictViewSet, basename="verdict")
router.register("evidence", EvidenceViewSet, basename="evidence")
router.register("articles", ArticleViewSet, basename="article")
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
