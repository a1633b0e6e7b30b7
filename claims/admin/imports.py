"""Article imports in the admin: each request with its state, reason of failure, who asked and
when; its page refreshes while it runs, leads to the article's suggestions when it is done, and
offers *Try again* on a failed one to whoever may import. The work is in `claims.intake`."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims import intake
from claims.models import ArticleImport
from factcheck.lib.admin import ReadOnly

# The import's page, asked with this, goes on to the suggestions once the import is done: the
# page an editor lands on after *Import article* refreshes into the article's suggestions.
FOLLOW = "follow"


def import_page(running: ArticleImport, *, follow: bool = False) -> str:
    """The import's page in the admin (following it to the suggestions, if asked)."""
    page = reverse("admin:claims_articleimport_change", args=[running.pk])
    return f"{page}?{FOLLOW}=1" if follow else page


def suggestions_page(article_id: int) -> str:
    return reverse("admin:claims_article_intake", args=[article_id])


@admin.register(ArticleImport)
class ArticleImportAdmin(ReadOnly, admin.ModelAdmin):
    # Few columns, so that the list reads beside its filter: the state carries its reason, or the
    # way to the suggestions.
    list_display = ["what", "where_it_stands", "requested_by", "asked_at"]
    list_filter = ["state"]
    list_select_related = ["article", "requested_by"]
    search_fields = ["url", "requested_url", "error", "article__headline"]
    date_hierarchy = "created_at"
    fields = [
        "what",
        "state",
        "error",
        "requested_url",
        "url",
        "source_name",
        "published_on",
        "requested_by",
        "created_at",
        "state_since",
        "finished_at",
        "article_link",
    ]
    readonly_fields = fields

    @admin.display(description=_("article asked for"))
    def what(self, record: ArticleImport) -> str:
        return Truncator(record.label).chars(80)

    @admin.display(description=_("asked at"), ordering="created_at")
    def asked_at(self, record: ArticleImport) -> str:
        # Not the field itself: the admin keeps a date column on one line, wider than the list.
        return formats.localize(timezone.localtime(record.created_at))

    @admin.display(description=_("state"), ordering="state")
    def where_it_stands(self, record: ArticleImport) -> str:
        if record.state == ArticleImport.State.FAILED:
            reason = Truncator(record.error).chars(100)
            return format_html("<strong>{}</strong>: {}", record.get_state_display(), reason)
        if record.article_id is not None:
            return format_html("{}: {}", record.get_state_display(), self.article_link(record))
        return record.get_state_display()

    @admin.display(description=_("article"))
    def article_link(self, record: ArticleImport) -> str:
        if record.article_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', suggestions_page(record.article_id), gettext("Suggested claims")
        )

    def get_urls(self) -> list:
        retry = self.admin_site.admin_view(self.retry_view)
        return [
            path("<int:pk>/retry/", retry, name="claims_articleimport_retry"),
            *super().get_urls(),
        ]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        running = self.get_object(request, object_id)
        if running is None or not self.has_view_permission(request, running):
            return super().change_view(request, object_id, form_url, extra_context)
        if FOLLOW in request.GET and running.state == ArticleImport.State.DONE:
            return HttpResponseRedirect(suggestions_page(running.article_id))
        context = {
            "intake": running,
            "refreshing": running.is_running,
            "may_retry": running.state == ArticleImport.State.FAILED
            and request.user.has_perm("claims.add_article"),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def retry_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        failed = get_object_or_404(ArticleImport, pk=pk)
        if request.method != "POST":
            return HttpResponseRedirect(import_page(failed))
        try:
            intake.retry_import(failed, by=request.user)
        except intake.AlreadyImported as error:
            self.message_user(request, str(error), messages.WARNING)
            return HttpResponseRedirect(suggestions_page(error.article.pk))
        except intake.ImportRunning as error:
            self.message_user(request, str(error), messages.WARNING)
            return HttpResponseRedirect(import_page(error.running, follow=True))
        except intake.IntakeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(import_page(failed))
        intake.start_after_commit(failed)  # its page says where it stands
        return HttpResponseRedirect(import_page(failed, follow=True))
