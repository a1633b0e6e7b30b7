"""What every endpoint of the REST API shares (see claims/api/views.py and docs/api.md): who is in
the newsroom, the role permissions, the anonymous throttle, pagination, the read-only base view
with conditional GETs and CSV, and the workflow's refusals as API errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from redis.exceptions import RedisError
from rest_framework import exceptions, status, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from claims import csv_export, workflow
from claims.api import docs as docs
from claims.api.conditional import ConditionalReads
from factcheck.lib import refusals

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

    message = _("Only the newsroom (editors, reviewers, publishers) may change a claim's state.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method not in view.allowed_methods or in_newsroom(request.user)


class NewsroomOnly(BasePermission):
    """Reads and writes for the newsroom only (an article's import says who asked, and what)."""

    message = _("Only the newsroom (editors, reviewers, publishers) sees article imports.")

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
    default_detail = _("The request conflicts with the claim's current state.")
    default_code = "conflict"


class ReadViewSet(ConditionalReads, viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermissions]
    throttle_classes = [AnonThrottle]
    pagination_class = Pagination
    schema = docs.ApiSchema()

    def audience(self) -> str:
        return "newsroom" if in_newsroom(self.request.user) else "public"

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Who may ask, then the body: a write whose body is not JSON that may be read (nested
        too deeply, malformed) is a 400 before anything is done, even a step that takes no
        input and would never have read it."""
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS and request.method in self.allowed_methods:
            request.data  # noqa: B018  (reading it parses it, and refuses a bad one)

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


def created_response(
    serializer_class: type, instance: Any, view: ReadViewSet, code: int
) -> Response:
    """The object just made, as the newsroom reads it, with `Location` naming its address."""
    fresh = view.newsroom_queryset().get(pk=instance.pk)
    data = serializer_class(fresh, context=view.get_serializer_context()).data
    location = view.reverse_action("detail", args=[instance.pk])
    return Response(data, status=code, headers={"Location": location})


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


class IdFilter(filters.NumberFilter):
    """A row's id: a whole number in the database's range, else a 400 (not an overflow)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)
