"""The public site: thin views over `Claim.objects.public()`; nothing unpublished leaves here."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import redirect
from django.views.generic import DetailView
from django_filters.views import FilterView

from .filters import ClaimFilter
from .models import Claim, ClaimEvent, Verdict


def _public_claims() -> QuerySet:
    published = Verdict.objects.published().select_related("rating")
    return (
        Claim.objects.public()
        .select_related("article__source", "claimant")
        .prefetch_related(Prefetch("verdicts", queryset=published, to_attr="published_verdicts"))
    )


class ClaimListView(FilterView):
    filterset_class = ClaimFilter
    template_name = "claims/claim_list.html"
    paginate_by = 25
    context_object_name = "claims"

    def get_queryset(self) -> QuerySet:
        return _public_claims().order_by("-first_published_at", "-pk")


class ClaimDetailView(DetailView):
    template_name = "claims/claim_detail.html"
    context_object_name = "claim"

    def get_queryset(self) -> QuerySet:
        public_events = ClaimEvent.objects.filter(kind__in=ClaimEvent.PUBLIC_KINDS)
        return _public_claims().prefetch_related(
            "evidence", Prefetch("events", queryset=public_events, to_attr="public_events")
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs.get("slug") != self.object.slug and self.object.slug:
            return redirect(self.object.get_absolute_url(), permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
