"""A live preview of the deadline the claim form will read from the quote, for the admin."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from claims import workflow
from claims.models import Article


class DeadlinePreview:
    """Mixed into ClaimAdmin: a JSON view the claim form's script asks as the editor types."""

    class Media:
        js = ["admin/js/claim_deadline.js"]

    def deadline_preview_urls(self, path) -> list:
        return [
            path(
                "deadline-preview/",
                self.admin_site.admin_view(self.deadline_preview_view),
                name="claims_claim_deadline_preview",
            )
        ]

    def deadline_preview_view(self, request: HttpRequest) -> JsonResponse:
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        article_id = request.GET.get("article", "")
        article = Article.objects.filter(pk=article_id).first() if article_id.isdigit() else None
        if article is None:
            return JsonResponse({"found": False, "message": _("Choose the article first.")})
        found = workflow.read_deadline(request.GET.get("quote", "")[:5000], article)
        if found is None:
            return JsonResponse({"found": False, "message": _("No deadline in the quote.")})
        return JsonResponse(
            {
                "found": True,
                "deadline": found.deadline.isoformat() if found.deadline else None,
                "vague": found.vague,
                "approximate": found.approximate,
                "expression": found.expression,
                "explanation": found.explanation,
            }
        )
