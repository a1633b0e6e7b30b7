"""Link health in the admin: each evidence link's state, its checks, and a claim filter on them.

The checks themselves are made by `claims.evidence.linkcheck`; here they are only shown.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from claims.admin.display import when
from claims.models import Claim, Evidence, LinkCheck

Health = Evidence.LinkHealth
CHECKS_ON_CLAIM = 5  # the latest checks of each link on the claim's page
CHECKS_ON_EVIDENCE = 50  # on the evidence's own page


def link_state(evidence: Evidence) -> str:
    """The link's state in a line: "broken since …", "working, checked …", with failures."""
    if evidence.link_health == Health.BROKEN:
        text = _("broken since %(moment)s") % {"moment": when(evidence.link_failing_since)}
    elif evidence.link_checked_at:
        text = _("%(health)s, checked %(moment)s") % {
            "health": evidence.get_link_health_display(),
            "moment": when(evidence.link_checked_at),
        }
    else:
        text = str(evidence.get_link_health_display())
    if evidence.link_failures and evidence.link_health != Health.BROKEN:
        failed = ngettext(
            "(the last check failed; checked again soon)",
            "(the last %(count)s failed; checked again soon)",
            evidence.link_failures,
        ) % {"count": evidence.link_failures}
        text += f" {failed}"
    return text


def checks_table(checks: list[LinkCheck]) -> SafeString | str:
    """The checks, newest first; nothing before the first (the link's state says so already)."""
    if not checks:
        return ""
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                when(check.checked_at),
                check.get_outcome_display(),
                f"{check.status_code} ({check.method})" if check.status_code else _("no answer"),
                check.error
                or (_("ended at %(url)s") % {"url": check.final_url} if check.final_url else ""),
            )
            for check in checks
        ),
    )
    return format_html(
        "<table class='link-checks'><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th></tr></thead><tbody>{}</tbody></table>",
        _("checked"),
        _("outcome"),
        _("answer"),
        _("details"),
        rows,
    )


class EvidenceLinkState:
    """The link's state as a column (the claim's evidence inline, the evidence list)."""

    @admin.display(description=gettext_lazy("link"), ordering="link_health")
    def link_state(self, evidence: Evidence) -> str:
        return link_state(evidence) if evidence.pk else "—"


class EvidenceLinkHistory(EvidenceLinkState):
    """The evidence's page: its link's state and its latest checks."""

    @admin.display(description=gettext_lazy("link checks"))
    def link_history(self, evidence: Evidence) -> SafeString | str:
        checks = list(evidence.link_checks.all()[:CHECKS_ON_EVIDENCE]) if evidence.pk else []
        return checks_table(checks) or "—"


class ClaimLinkHistory:
    """The claim's page: each evidence link's state and its latest checks."""

    @admin.display(description=gettext_lazy("evidence links"))
    def link_history(self, claim: Claim) -> SafeString | str:
        links = list(claim.evidence.all()) if claim.pk else []
        if not links:
            return "—"
        return format_html_join(
            "",
            "<div class='evidence-link'><p><a href='{}'>{}</a> — <a href='{}' rel='noopener "
            "noreferrer'>{}</a>: <strong>{}</strong></p>{}</div>",
            (
                (
                    reverse("admin:claims_evidence_change", args=[evidence.pk]),
                    evidence.title,
                    evidence.url,
                    evidence.url,
                    link_state(evidence),
                    checks_table(list(evidence.link_checks.all()[:CHECKS_ON_CLAIM])),
                )
                for evidence in links
            ),
        )


class LinkHealthFilter(admin.SimpleListFilter):
    """Claims by the health of their evidence links."""

    title = gettext_lazy("evidence links")
    parameter_name = "links"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            (Health.BROKEN, _("a link is broken")),
            (Health.REFUSED, _("an address was refused")),
            (Health.UNCHECKED, _("a link is not checked yet")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in Health.values:
            return queryset.filter(evidence__link_health=self.value()).distinct()
        return queryset
