"""The public list's filters (django-filter), carried in the query string so lists can be shared.

`ClaimFilter` holds all the filtering and sorting logic and needs nothing from a view, so the
REST API can use the same class with DRF's `DjangoFilterBackend`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from claims.models import Claim, Claimant, Rating, Source, Topic

# Sort orders, by the name the query string carries; nulls (no deadline) always go last. Each has
# its index (Claim.Meta.indexes); a public claim always has its first_published_at.
SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "oldest": ("first_published_at", "pk"),
    "deadline": (F("deadline").asc(nulls_last=True), "pk"),
    "said": (F("stated_on").desc(nulls_last=True), "-pk"),
}
DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class EitherYesNo(forms.NullBooleanSelect):
    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", _("Either")), ("true", _("Yes")), ("false", _("No"))]


def _public_claimants(request) -> QuerySet:
    """Only claimants of public claims are offered: a draft's claimant is not public yet."""
    public = Claim.objects.public().filter(claimant=OuterRef("pk"))
    return Claimant.objects.filter(Exists(public))


def _public_sources(request) -> QuerySet:
    return Source.objects.filter(
        Exists(Claim.objects.public().filter(article__source=OuterRef("pk")))
    )


# Beyond this many, the claimant list offers only the one chosen: readers find a claimant by
# searching their name or from the claimant's page, not by scrolling thousands of options.
MAX_CLAIMANT_OPTIONS = 200


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    rating = django_filters.ModelChoiceFilter(
        queryset=Rating.objects.all(),
        to_field_name="slug",
        method="filter_rating",
        label=_("Rating"),
        empty_label=_("Any rating"),
    )
    tracking = django_filters.ChoiceFilter(
        # Offered as options in a list, so capitalised; the model's labels sit inside sentences.
        choices=[
            (Claim.Tracking.WATCHING, _("Watching")),
            (Claim.Tracking.DUE, _("Due for re-check")),
            (Claim.Tracking.RESOLVED, _("Resolved")),
        ],
        label=_("Deadline state"),
        empty_label=_("Any state"),
    )
    has_deadline = django_filters.BooleanFilter(
        field_name="deadline",
        lookup_expr="isnull",
        exclude=True,
        label=_("Has a deadline"),
        widget=EitherYesNo,
    )
    source = django_filters.ModelChoiceFilter(
        field_name="article__source",
        queryset=_public_sources,
        label=_("Source"),
        empty_label=_("Any source"),
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("Any topic"),
    )
    claimant = django_filters.ModelChoiceFilter(
        queryset=_public_claimants, label=_("Claimant"), empty_label=_("Anyone")
    )
    said_from = django_filters.DateFilter(
        field_name="stated_on", lookup_expr="gte", label=_("Said from"), widget=DATE_INPUT
    )
    said_to = django_filters.DateFilter(
        field_name="stated_on", lookup_expr="lte", label=_("Said until"), widget=DATE_INPUT
    )
    deadline_from = django_filters.DateFilter(
        field_name="deadline", lookup_expr="gte", label=_("Deadline from"), widget=DATE_INPUT
    )
    deadline_to = django_filters.DateFilter(
        field_name="deadline", lookup_expr="lte", label=_("Deadline until"), widget=DATE_INPUT
    )
    sort = django_filters.ChoiceFilter(
        choices=[
            # With a search, its order; without one, the list's own (newest first).
            ("relevance", _("Best match first")),
            ("newest", _("Newest verdicts first")),
            ("oldest", _("Oldest verdicts first")),
            ("deadline", _("Soonest deadline first")),
            ("said", _("Most recently said first")),
        ],
        method="filter_sort",
        label=_("Sort"),
        empty_label=None,
    )

    @property
    def form(self) -> forms.Form:
        form = super().form
        field = form.fields["claimant"]
        if not getattr(field, "narrowed", False):
            field.narrowed = True
            offered = field.queryset
            if offered[: MAX_CLAIMANT_OPTIONS + 1].count() > MAX_CLAIMANT_OPTIONS:
                chosen = str(self.data.get("claimant", ""))
                selected = offered.filter(pk=chosen) if chosen.isdigit() else offered.none()
                field.widget.choices = [("", field.empty_label)] + [
                    (claimant.pk, str(claimant)) for claimant in selected
                ]
        return form

    class Meta:
        model = Claim
        fields = [
            "q",
            "rating",
            "tracking",
            "has_deadline",
            "source",
            "topic",
            "claimant",
            "said_from",
            "said_to",
            "deadline_from",
            "deadline_to",
            "sort",
        ]

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)

    def filter_rating(self, queryset: QuerySet, name: str, value: Rating) -> QuerySet:
        """By the current verdict's rating, not by any rating the claim once had."""
        return queryset.filter(verdicts__is_current=True, verdicts__rating=value)

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "relevance":
            return queryset  # `filter_search` ordered it, best match first
        return queryset.order_by(*SORTS[value])
