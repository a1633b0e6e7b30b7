"""The admin site, with the newsroom's queues on its front page."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class WorkbenchAdminSite(admin.AdminSite):
    site_header = "Factcheck Workbench"
    site_title = "Factcheck Workbench"
    index_title = "Newsroom"

    def index(self, request: HttpRequest, extra_context=None):
        from . import linkcheck
        from .models import Claim

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


class WorkbenchAdminConfig(AdminConfig):
    default_site = "claims.admin_site.WorkbenchAdminSite"
