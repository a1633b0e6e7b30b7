"""The public site: thin views over `Claim.objects.public()`; nothing unpublished leaves here.

The reads live on the querysets (`claims.models.ClaimQuerySet`), the filters in `claims.filters`,
the pictures in `claims.charts` and the ClaimReview in `claims.claimreview.jsonld`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from claims import charts
from claims.claimreview import jsonld
from claims.filters import ClaimFilter
from claims.models import Claim, Claimant, Evidence, Source

SECTION_SIZE = 6  # claims in each section of the front page
RECORD_SIZE = 50  # claims listed on a claimant's or source's page; the list has them all
TRACKER_WINDOWS = (7, 30, 90)  # the deadline tracker's sections, in days from today
TRACKER_LIMIT = 25  # claims listed in a tracker section; the rest are a link away


def _published() -> QuerySet:
    """Published (not retracted) claims with what a list shows."""
    return Claim.objects.public().filter(status=Claim.Status.PUBLISHED).with_public_verdicts()


class HomeView(TemplateView):
    """The front page: latest verdicts, deadlines coming up, just fell due, recently resolved."""

    template_name = "claims/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        upcoming = list(
            Claim.objects.deadline_between(
                today, today + dt.timedelta(days=90)
            ).with_public_verdicts()[:SECTION_SIZE]
        )
        fell_due = list(
            Claim.objects.due().with_public_verdicts().order_by("-due_since", "-pk")[:SECTION_SIZE]
        )
        resolved = (
            _published().filter(tracking=Claim.Tracking.RESOLVED).recently_judged(SECTION_SIZE)
        )
        # "Latest verdicts" leaves out what the other sections show: no claim twice on a page.
        shown = [claim.pk for claim in (*upcoming, *fell_due, *resolved)]
        latest = _published().exclude(pk__in=shown).recently_judged(SECTION_SIZE)
        return super().get_context_data(
            latest=latest, upcoming=upcoming, fell_due=fell_due, resolved=resolved, **kwargs
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
        return (
            Claim.objects.public()
            .with_public_verdicts()
            .with_public_events()
            .prefetch_related(
                Prefetch("evidence", queryset=Evidence.objects.select_related("snapshot")),
                "topics",
                "appearances__source",
                "published_verdicts__corrections",
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
        return super().get_context_data(
            verdict=verdict, claimreview=review, evidence=claim.evidence.all(), **kwargs
        )


class ArchivedCopyView(DetailView):
    """The readable copy kept of an evidence page (claims/evidence/snapshots.py), for a published
    claim's evidence: its text in our own template, never the page's HTML or scripts."""

    template_name = "claims/archived_copy.html"
    context_object_name = "evidence"

    def get_queryset(self) -> QuerySet:
        return Evidence.objects.filter(
            claim_id=self.kwargs["claim_id"], claim__status=Claim.Status.PUBLISHED
        ).select_related("claim", "snapshot")

    def get_object(self, queryset: QuerySet | None = None) -> Evidence:
        evidence = super().get_object(queryset)
        if evidence.archived_copy is None:
            raise Http404("No archived copy of this evidence.")
        return evidence

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        evidence = self.object
        return super().get_context_data(
            claim=evidence.claim, snapshot=evidence.archived_copy, **kwargs
        )


class DeadlineTrackerView(TemplateView):
    """Deadlines in the next 7 / 30 / 90 days, overdue claims, recent outcomes, a timeline."""

    template_name = "claims/deadlines.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        windows, first = [], today
        for days in TRACKER_WINDOWS:
            last = today + dt.timedelta(days=days)
            claims = Claim.objects.deadline_between(first, last)
            more = {"tracking": "watching", "deadline_from": first, "deadline_to": last}
            windows.append(_capped(claims, days=days, more=more))
            first = last + dt.timedelta(days=1)
        overdue = _capped(Claim.objects.due().order_by("deadline", "pk"), more={"tracking": "due"})
        _fill([overdue, *windows])
        outcomes = _published().filter(tracking=Claim.Tracking.RESOLVED).recently_judged(10)
        shown = overdue["claims"] + [c for window in windows for c in window["claims"]]
        timeline = charts.deadline_timeline(
            [charts.Deadline(c.statement, c.deadline) for c in shown],
            today=today,
            days=TRACKER_WINDOWS[-1],
            title=_("Deadlines from today to %(days)s days ahead") % {"days": TRACKER_WINDOWS[-1]},
            chart_id="deadline-timeline",
        )
        return super().get_context_data(
            windows=windows, overdue=overdue, outcomes=outcomes, timeline=timeline, **kwargs
        )


def _capped(claims: QuerySet, *, more: dict, **extra: Any) -> dict[str, Any]:
    """A tracker section: the ids of its first TRACKER_LIMIT claims, how many in all, and where
    the rest are listed (the claim list, filtered and sorted by deadline)."""
    query = urlencode({**more, "sort": "deadline"})
    return {
        "ids": list(claims.values_list("pk", flat=True)[:TRACKER_LIMIT]),
        "count": claims.count(),
        "more_url": f"{reverse('claims:list')}?{query}",
        **extra,
    }


def _fill(sections: list[dict[str, Any]]) -> None:
    """Fetch every section's claims in one query, so the page costs the same however many."""
    ids = [pk for section in sections for pk in section["ids"]]
    by_id = {c.pk: c for c in Claim.objects.filter(pk__in=ids).with_public_verdicts()}
    for section in sections:
        section["claims"] = [by_id[pk] for pk in section["ids"]]


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
