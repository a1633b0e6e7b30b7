"""The public list's filters (django-filter), carried in the query string so lists can be shared."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from .models import Claim, Rating, Source


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    tracking = django_filters.ChoiceFilter(
        choices=[c for c in Claim.Tracking.choices if c[0] != Claim.Tracking.NONE],
        label="Deadline state",
    )
    rating = django_filters.ModelChoiceFilter(
        field_name="verdicts__rating",
        queryset=Rating.objects.all(),
        to_field_name="slug",
        method="filter_rating",
        label="Rating",
    )
    source = django_filters.ModelChoiceFilter(
        field_name="article__source", queryset=Source.objects.all(), label="Source"
    )

    class Meta:
        model = Claim
        fields = ["q", "tracking", "rating", "source"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()[:8]
        for word in words:
            queryset = queryset.filter(
                Q(statement__icontains=word)
                | Q(quote__icontains=word)
                | Q(claimant__name__icontains=word)
                | Q(claimant__aliases__name__icontains=word)
            )
        return queryset.distinct() if words else queryset

    def filter_rating(self, queryset: QuerySet, name: str, value: Rating) -> QuerySet:
        return queryset.filter(verdicts__is_current=True, verdicts__rating=value)
