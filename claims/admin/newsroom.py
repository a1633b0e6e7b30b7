"""The newsroom's reference data in the admin: topics, sources, claimants, articles and ratings."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import intake, workflow
from claims.admin.forms import ArticleAdminForm
from claims.admin.history import HistoryAdmin
from claims.admin.intake import IntakeViews
from claims.admin.monitoring import CameInFilter
from claims.models import (
    Article,
    Claimant,
    ClaimantAlias,
    Rating,
    Source,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["name", "domain", "country", "language", "is_demo"]
    list_filter = ["country", "language", "is_demo"]
    search_fields = ["name", "domain"]


class AliasInline(admin.TabularInline):
    model = ClaimantAlias
    extra = 1


@admin.register(Claimant)
class ClaimantAdmin(HistoryAdmin):
    list_display = ["name", "role", "affiliation", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "role", "affiliation", "aliases__name"]
    inlines = [AliasInline]


@admin.register(Article)
class ArticleAdmin(IntakeViews, HistoryAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "source", "published_display", "language", "url", "import_state"]
    list_filter = [CameInFilter, "source", "language", "published_precision", "is_demo"]
    search_fields = ["headline", "url", "byline"]
    autocomplete_fields = ["source"]
    date_hierarchy = "published_on"
    list_select_related = ["source", "intake"]

    @admin.display(description=gettext_lazy("published"), ordering="published_on")
    def published_display(self, article: Article) -> str:
        return article.published_display

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if not change:
            intake.log_article(obj, by=request.user)
            return
        proposed = workflow.edit_article(obj, by=request.user, changed=form.changed_data)
        if proposed is not None:
            self.message_user(
                request,
                _("Proposed: %(summary)s A publisher approves it before readers see it.")
                % {"summary": proposed.summary_shown},
                messages.WARNING,
            )

    def get_urls(self):
        return self.intake_urls(path) + super().get_urls()


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "scale", "claimreview_value", "is_final", "order"]
    list_filter = ["scale", "is_final"]
