"""The public site: thin views over `Claim.objects.public()`; nothing unpublished leaves here.

The reads live on the querysets (`claims.models.ClaimQuerySet`), the filters in `claims.filters`,
the pictures in `claims.charts` and the ClaimReview in `claims.jsonld`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import charts, jsonld
from .filters import ClaimFilter
from .models import Claim, Claimant, ClaimEvent, Source

SECTION_SIZE = 6  # claims in each section of the front page
RECORD_SIZE = 50  # claims listed on a claimant's or source's page; the list has them all
TRACKER_WINDOWS = (7, 30, 90)  # the deadline tracker's sections, in days from today


def _published() -> QuerySet:
    """Published (not retracted) claims with what a list shows."""
    return Claim.objects.public().filter(status=Claim.Status.PUBLISHED).with_public_verdicts()


class HomeView(TemplateView):
    """The front page: latest verdicts, deadlines coming up, just fell due, recently resolved."""

    template_name = "claims/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        latest = _published().with_last_verdict_at().order_by("-last_verdict_at", "-pk")
        return super().get_context_data(
            latest=latest[:SECTION_SIZE],
            upcoming=Claim.objects.deadline_between(
                today, today + dt.timedelta(days=90)
            ).with_public_verdicts()[:SECTION_SIZE],
            fell_due=Claim.objects.due()
            .with_public_verdicts()
            .order_by("-due_since", "-pk")[:SECTION_SIZE],
            resolved=latest.filter(tracking=Claim.Tracking.RESOLVED)[:SECTION_SIZE],
            **kwargs,
        )


class ClaimListView(FilterView):
    """Every public claim, filtered, searched, sorted and paginated from the query string."""

    filterset_class = ClaimFilter
    template_name = "claims/claim_list.html"
    paginate_by = 25
    context_object_name = "claims"

    def get_queryset(self) -> QuerySet:
        return Claim.objects.public().with_public_verdicts().order_by("-first_published_at", "-pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(query_without_page=query.urlencode(), **kwargs)


class ClaimDetailView(DetailView):
    """The verdict page; `/claims/<id>/` and a stale slug redirect to the canonical address."""

    template_name = "claims/claim_detail.html"
    context_object_name = "claim"

    def get_queryset(self) -> QuerySet:
        public_events = ClaimEvent.objects.filter(kind__in=ClaimEvent.PUBLIC_KINDS)
        return (
            Claim.objects.public()
            .with_public_verdicts()
            .prefetch_related(
                "evidence",
                "appearances__source",
                Prefetch("events", queryset=public_events, to_attr="public_events"),
            )
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if kwargs.get("slug") != self.object.slug and self.object.slug:
            return redirect(self.object.get_absolute_url(), permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        claim = self.object
        verdict = claim.published_verdicts[0] if claim.published_verdicts else None
        review = None
        if verdict is not None and claim.status == Claim.Status.PUBLISHED:
            review = jsonld.script_tag(jsonld.claim_review(claim, verdict))
        return super().get_context_data(verdict=verdict, claimreview=review, **kwargs)


class DeadlineTrackerView(TemplateView):
    """Deadlines in the next 7 / 30 / 90 days, overdue claims, recent outcomes, a timeline."""

    template_name = "claims/deadlines.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        horizon = today + dt.timedelta(days=TRACKER_WINDOWS[-1])
        upcoming = list(Claim.objects.deadline_between(today, horizon).with_public_verdicts())
        windows, earlier = [], -1
        for days in TRACKER_WINDOWS:
            claims = [c for c in upcoming if earlier < (c.deadline - today).days <= days]
            windows.append({"days": days, "claims": claims})
            earlier = days
        overdue = list(Claim.objects.due().with_public_verdicts().order_by("deadline", "pk"))
        outcomes = (
            _published()
            .filter(tracking=Claim.Tracking.RESOLVED)
            .with_last_verdict_at()
            .order_by("-last_verdict_at", "-pk")[:10]
        )
        timeline = charts.deadline_timeline(
            [charts.Deadline(c.statement, c.deadline) for c in overdue]
            + [charts.Deadline(c.statement, c.deadline) for c in upcoming],
            today=today,
            days=TRACKER_WINDOWS[-1],
            title=_("Deadlines from today to %(days)s days ahead") % {"days": TRACKER_WINDOWS[-1]},
            chart_id="deadline-timeline",
        )
        return super().get_context_data(
            windows=windows, overdue=overdue, outcomes=outcomes, timeline=timeline, **kwargs
        )


class _TrackRecordView(DetailView):
    """A claimant's or a source's page: its public claims, ratings and kept promises, charted."""

    claims_of = ""  # the lookup from a claim to this page's object
    to_claims = ""  # the lookup from this page's object to its claims
    list_param = ""  # the claim list's filter for this page's object

    def get_queryset(self) -> QuerySet:
        # Only those with a public claim exist for the public: a draft's claimant stays unknown.
        public = {f"{self.to_claims}__status__in": Claim.PUBLIC_STATUSES}
        return self.model.objects.filter(**public).distinct()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        claims = Claim.objects.public().filter(**{self.claims_of: self.object})
        ratings = claims.filter(status=Claim.Status.PUBLISHED).rating_counts()
        return super().get_context_data(
            claims=claims.with_public_verdicts().order_by("-first_published_at", "-pk")[
                :RECORD_SIZE
            ],
            claim_count=claims.count(),
            ratings=ratings,
            ratings_chart=charts.rating_chart(
                ratings, title=_("Claims by rating: %(name)s") % {"name": self.object}
            ),
            list_query=f"{self.list_param}={self.object.pk}",
            **kwargs,
        )


class ClaimantView(_TrackRecordView):
    model = Claimant
    template_name = "claims/claimant_detail.html"
    context_object_name = "claimant"
    claims_of = "claimant"
    to_claims = "claims"
    list_param = "claimant"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        published = Claim.objects.filter(status=Claim.Status.PUBLISHED, claimant=self.object)
        record = published.promise_record()
        chart = charts.promise_chart(
            record, title=_("Promises and predictions: %(name)s") % {"name": self.object}
        )
        return super().get_context_data(record=record, record_chart=chart, **kwargs)


class SourceView(_TrackRecordView):
    model = Source
    template_name = "claims/source_detail.html"
    context_object_name = "source"
    claims_of = "article__source"
    to_claims = "articles__claims"
    list_param = "source"


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public site, not the newsroom; the sitemap lists the pages."""
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
