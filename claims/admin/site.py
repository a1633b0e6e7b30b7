"""The admin site, with the newsroom's queues on its front page."""

from __future__ import annotations

import functools
import logging
from functools import partial

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import workflow
from factcheck.lib import refusals

log = logging.getLogger(__name__)


class WorkbenchAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Factcheck Workbench")
    site_title = gettext_lazy("Factcheck Workbench")
    index_title = gettext_lazy("Newsroom")

    def admin_view(self, view, cacheable: bool = False):
        """Every admin page, with a write the workflow or the database refuses shown as a
        message rather than an error page. The admin's own writes run in a transaction, so
        nothing of the refused change is left behind; the page is shown again as it now is."""

        @functools.wraps(view)
        def refusals_explained(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except IntegrityError as error:
                log.warning("admin write refused by the database: %s", error)
                messages.error(
                    request,
                    _("%(refusal)s Nothing was saved.") % {"refusal": refusals.explain(error)},
                )
                return HttpResponseRedirect(request.get_full_path())
            except workflow.WorkflowError as error:
                messages.error(
                    request, _("Refused: %(error)s Nothing was saved.") % {"error": error}
                )
                return HttpResponseRedirect(request.get_full_path())

        return super().admin_view(refusals_explained, cacheable)

    def get_urls(self) -> list:
        from claims.admin import desk, language

        own = [
            path("desk/", self.admin_view(partial(desk.desk_view, self)), name="desk"),
            path(
                "language/",
                self.admin_view(partial(language.language_view, self)),
                name="language",
            ),
        ]
        return own + super().get_urls()

    def each_context(self, request: HttpRequest) -> dict:
        """Every admin page's sidebar shows the desk's counts (worked out only when shown)."""
        from claims.admin import desk

        context = super().each_context(request)
        if request.user.is_active and request.user.is_staff:
            context["desk_counts"] = SimpleLazyObject(lambda: desk.sidebar_counts(request.user))
        return context

    def login(self, request: HttpRequest, extra_context=None):
        """Staff land on their desk after logging in, unless they were on their way elsewhere."""
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            extra_context = {**(extra_context or {}), REDIRECT_FIELD_NAME: reverse("admin:desk")}
        return super().login(request, extra_context)

    def index(self, request: HttpRequest, extra_context=None):
        from claims.evidence import linkcheck
        from claims.models import Claim

        extra_context = extra_context or {}
        if request.user.has_perm("claims.view_claim"):
            due = Claim.objects.due().select_related("reviewer").order_by("deadline")
            extra_context |= {"due_queue": list(due[:10]), "due_count": due.count()}
        if request.user.has_perm("claims.view_evidence"):
            broken = linkcheck.broken_links(request.user)
            extra_context |= {
                "broken_links": list(broken[:10]),
                "broken_count": broken.count(),
                "broken_mine": broken.filter(claim__reviewer=request.user.pk).count(),
            }
        return super().index(request, extra_context)


@functools.cache
def workbench_site() -> WorkbenchAdminSite:
    """The one admin site: Django's `admin.site` (AdminConfig.default_site names this).

    Made once and kept, because Django asks for it twice while making it: importing this
    package registers the ModelAdmins, which asks `admin.site` for the site being made."""
    return WorkbenchAdminSite()
