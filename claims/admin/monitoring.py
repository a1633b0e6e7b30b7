"""Monitored news in the admin: the feeds (for editors and publishers to manage, failing ones
easy to find) and where articles came in from. The polling is `claims.intake.feeds`."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from claims.admin.display import when
from claims.intake import feeds
from claims.models import Article, MonitoredFeed


class FailingFilter(admin.SimpleListFilter):
    title = _("health")
    parameter_name = "health"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [("failing", _("failing")), ("working", _("working"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        failing = {"failures_in_a_row__gte": settings.FEED_FAILING_AFTER}
        if self.value() == "failing":
            return queryset.filter(**failing)
        if self.value() == "working":
            return queryset.exclude(**failing)
        return queryset


@admin.register(MonitoredFeed)
class MonitoredFeedAdmin(admin.ModelAdmin):
    list_display = ["url", "source", "language", "active", "health", "last_polled", "next_poll"]
    list_filter = ["active", FailingFilter, "source", "is_demo"]
    search_fields = ["url", "source__name"]
    autocomplete_fields = ["source"]
    list_select_related = ["source"]
    fields = [
        "url",
        "source",
        "language",
        "active",
        "is_demo",
        "health",
        "last_polled",
        "next_poll",
        "last_error",
    ]
    readonly_fields = ["health", "last_polled", "next_poll", "last_error"]
    actions = ["poll_soon"]

    @admin.display(description=_("health"), ordering="failures_in_a_row")
    def health(self, feed: MonitoredFeed) -> str:
        if feed.failures_in_a_row and feed.is_failing:
            return ngettext(
                "failing: %(count)d failure in a row",
                "failing: %(count)d failures in a row",
                feed.failures_in_a_row,
            ) % {"count": feed.failures_in_a_row}
        if feed.failures_in_a_row:
            return gettext("working (the last poll failed)")
        return gettext("working") if feed.last_polled_at else gettext("not polled yet")

    @admin.display(description=_("last polled"), ordering="last_polled_at")
    def last_polled(self, feed: MonitoredFeed) -> str:
        return when(feed.last_polled_at) if feed.last_polled_at else "—"

    @admin.display(description=_("next poll"), ordering="next_poll_at")
    def next_poll(self, feed: MonitoredFeed) -> str:
        return when(feed.next_poll_at) if feed.active else gettext("not polled: inactive")

    @admin.action(description=_("Poll at the next run"), permissions=["change"])
    def poll_soon(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = feeds.poll_soon(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d feed will be polled at the next run.",
                "%(count)d feeds will be polled at the next run.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class CameInFilter(admin.SimpleListFilter):
    """Articles by how they came in: from a monitored feed, imported by an editor, by hand."""

    title = _("came in")
    parameter_name = "came_in"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("monitored", _("from monitored news")),
            ("imported", _("imported by an editor")),
            ("by_hand", _("logged by hand")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        if self.value() == "monitored":
            return queryset.filter(intake__feed__isnull=False)
        if self.value() == "imported":
            return queryset.filter(intake__isnull=False, intake__feed__isnull=True)
        if self.value() == "by_hand":
            return queryset.filter(intake__isnull=True)
        return queryset
