"""The REST API under /api/ (Django REST framework; see docs/api.md).

Reads are open to everyone. The public (anonymous users, and staff without a newsroom role) sees
what the public site shows: `Claim.objects.public()`, published verdicts, never a draft or a
reviewer's note. The newsroom (a role's `view_claim` permission) also sees drafts and verdicts in
the works. Writes need a token or a session: creates need the role's `add_*` permission, and
transitions call `claims.workflow`, whose refusal becomes a 4xx answer and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_view
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import csv_export, intake, workflow
from claims.api import docs as docs
from claims.api import inputs, news
from claims.api import serializers as s
from claims.api.base import (
    IdFilter,
    InNewsroom,
    NewsroomOnly,
    ReadViewSet,
    created_response,
    workflow_errors,
)
from claims.filters import ClaimFilter
from claims.models import (
    Article,
    ArticleImport,
    ChangeProposal,
    Claim,
    Claimant,
    Evidence,
    Rating,
    Source,
    Topic,
    Verdict,
)
from claims.workflow.transitions import TRANSITIONS, Transition

# --- Claims -------------------------------------------------------------------------------------


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
        claims = (
            Claim.objects.select_related("article__source", "claimant", "reviewer")
            .with_published_verdicts("author", "approver")
            .with_open_verdicts()
        )
        return self._detail(claims).order_by("-created_at", "-pk")

    def _detail(self, claims: QuerySet) -> QuerySet:
        claims = claims.prefetch_related("topics", "claimant__aliases")
        if self.action == "list":
            return claims
        evidence = Evidence.objects.select_related("snapshot", "claim")
        return claims.prefetch_related(Prefetch("evidence", queryset=evidence)).with_public_events()

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
        with workflow_errors():
            claim = workflow.create_claim(Claim(**data), by=request.user, topics=topics)
        return created_response(s.ClaimDetailSerializer, claim, self, status.HTTP_201_CREATED)

    @docs.FOLLOW_UPS
    @action(
        detail=True,
        methods=["get"],
        url_path="follow-ups",
        permission_classes=[InNewsroom],
        serializer_class=news.ClaimFollowUpsSerializer,
        pagination_class=None,
        filterset_class=None,
    )
    def follow_ups(self, request: Request, pk: str) -> Response:
        """The claim's follow-ups found in the news (not dismissed), best first: the newsroom's."""
        claim = Claim.objects.only("pk").filter(pk=pk).first() if pk.isdigit() else None
        if claim is None:  # none of a detail's reads: the follow-ups are all it shows
            raise exceptions.NotFound()
        self.check_object_permissions(request, claim)
        body = {"claim": claim.pk, "follow_ups": claim.follow_ups.offered()}
        return Response(news.ClaimFollowUpsSerializer(body).data)

    def run_transition(self, request: Request, name: str) -> Response:
        """A transition of the registry: its inputs parsed, the workflow called, nothing else."""
        claim = self.get_object()
        serializer_class = inputs.TRANSITION_SERIALIZERS[name]
        given = {}
        if serializer_class is not None:
            incoming = serializer_class(data=request.data)
            incoming.is_valid(raise_exception=True)
            given = incoming.validated_data
        with workflow_errors():
            workflow.run_transition(name, claim, by=request.user, **given)
        fresh = self.get_queryset().get(pk=claim.pk)
        return Response(s.ClaimDetailSerializer(fresh, context=self.get_serializer_context()).data)


def _transition_action(transition: Transition) -> Any:
    """POST /api/claims/{id}/<name>/ for one transition of the registry."""

    def run(self: ClaimViewSet, request: Request, pk: str) -> Response:
        return self.run_transition(request, transition.name)

    run.__name__ = transition.name
    route = action(
        detail=True,
        methods=["post"],
        permission_classes=[InNewsroom],
        url_path=transition.name.replace("_", "-"),
    )
    return docs.transition(transition, inputs.TRANSITION_SERIALIZERS[transition.name])(route(run))


for _transition in TRANSITIONS.values():
    setattr(ClaimViewSet, _transition.name, _transition_action(_transition))


# --- Verdicts, evidence, articles ---------------------------------------------------------------


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
        with workflow_errors():
            verdict = workflow.draft_verdict(Verdict(**incoming.validated_data), by=request.user)
        return created_response(s.VerdictSerializer, verdict, self, status.HTTP_201_CREATED)


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
        return (
            Evidence.objects.filter(claim__status__in=Claim.PUBLIC_STATUSES)
            .select_related("snapshot", "claim")
            .order_by("pk")
        )

    def newsroom_queryset(self) -> QuerySet:
        return Evidence.objects.select_related("snapshot", "claim").order_by("pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = s.EvidenceSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        with workflow_errors():
            done = workflow.add_evidence(Evidence(**incoming.validated_data), by=request.user)
        if isinstance(done, ChangeProposal):  # a public claim's page changes on a second say
            body = s.ProposalSerializer(done).data
            return Response(body, status=status.HTTP_202_ACCEPTED)
        return created_response(s.EvidenceSerializer, done, self, status.HTTP_201_CREATED)


@extend_schema_view(**docs.ARTICLES)
class ArticleViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Articles of public claims; the newsroom sees all, with their import state, and imports
    new ones from a URL or pasted text exactly as the admin's Import article does."""

    serializer_class = news.ArticleSerializer

    def public_queryset(self) -> QuerySet:
        public = Claim.objects.public().filter(article=OuterRef("pk"))
        return Article.objects.filter(Exists(public)).select_related("source").order_by("-pk")

    def newsroom_queryset(self) -> QuerySet:
        return Article.objects.select_related("source", "intake").order_by("-pk")

    def get_serializer_class(self) -> type:
        if self.action == "create":
            return news.ArticleImportRequestSerializer
        return news.ArticleSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = news.ArticleImportRequestSerializer(data=request.data)
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
        except intake.IntakeError as error:
            return import_refused(request, error)
        intake.start_after_commit(queued)
        return import_response(request, queued)


@extend_schema_view(**docs.IMPORTS)
class ImportViewSet(ReadViewSet):
    """Article imports, newest first: follow one (`Location` of an import) until it is done, and
    its `article` is there, or failed with its `error`; a failed one is tried again with
    `retry`."""

    serializer_class = news.ImportSerializer
    permission_classes = [NewsroomOnly]
    schema = docs.NewsroomSchema()
    filterset_fields = ["state"]

    def public_queryset(self) -> QuerySet:
        return ArticleImport.objects.none()

    def newsroom_queryset(self) -> QuerySet:
        return ArticleImport.objects.select_related("requested_by").order_by("-pk")

    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str | None = None) -> Response:
        failed = self.get_object()
        try:
            intake.retry_import(failed, by=request.user)
        except intake.IntakeError as error:
            return import_refused(request, error)
        intake.start_after_commit(failed)
        return import_response(request, failed)


def import_refused(request: Request, error: intake.IntakeError) -> Response:
    """Intake's refusal as an answer: the same article imported already, or being imported, is a
    409 whose `Location` names it; not allowed is a 403; anything else a 400."""
    if isinstance(error, intake.AlreadyImported):
        found, body = "api:article-detail", {"existing": error.article.pk}
    elif isinstance(error, intake.ImportRunning):
        found, body = "api:import-detail", {"running": error.running.pk}
    elif isinstance(error, intake.ImportNotAllowed):
        raise exceptions.PermissionDenied(str(error)) from error
    else:
        raise exceptions.ValidationError({"detail": str(error)}) from error
    location = reverse(found, args=[next(iter(body.values()))], request=request)
    return Response(
        {"detail": str(error), **body},
        status=status.HTTP_409_CONFLICT,
        headers={"Location": location},
    )


def import_response(request: Request, queued: ArticleImport) -> Response:
    """202: the import as it stands, with `Location` to follow it."""
    fresh = ArticleImport.objects.select_related("requested_by").get(pk=queued.pk)
    location = reverse("api:import-detail", args=[queued.pk], request=request)
    body = news.ImportSerializer(fresh).data
    return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


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
