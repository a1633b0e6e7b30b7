"""The desk (/admin/desk/): what is the person looking's to do now, a section per kind of work,
each row one click from its work, and the counts that the admin's sidebar shows everywhere.

Each section is one query: its first rows, each carrying the section's total (a window count),
so the desk costs the same with ten claims as with a hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from claims.models import (
    ChangeProposal,
    Claim,
    ClaimEvent,
    FollowUp,
    Note,
    Suggestion,
    Verdict,
)

ROWS = 10  # rows a section shows; its count says how many there are
SOON_DAYS = 14


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    empty: str
    rows: list
    total: int
    more_url: str = ""


def first_rows(queryset: QuerySet) -> tuple[list, int]:
    """The first ROWS rows and how many there are in all, in one query."""
    rows = list(queryset.annotate(desk_total=Window(Count("pk")))[:ROWS])
    return rows, (rows[0].desk_total if rows else 0)


def assigned(user: AbstractUser) -> QuerySet:
    """Claims the person reviews that are not yet public: research and a verdict to write."""
    return (
        Claim.objects.filter(reviewer=user, status__in=[Claim.Status.DRAFT, Claim.Status.IN_REVIEW])
        .select_related("article__source")
        .order_by("created_at", "pk")
    )


def due(user: AbstractUser) -> QuerySet:
    """Claims due for re-check, the person's own first, each with how many follow-ups found in
    the news wait for a decision (`open_follow_ups`)."""
    mine = Q(reviewer=user)
    waiting = (
        FollowUp.objects.open()
        .filter(claim=OuterRef("pk"))
        .order_by()
        .values("claim")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Claim.objects.due()
        .select_related("reviewer")
        .annotate(open_follow_ups=Coalesce(Subquery(waiting, output_field=IntegerField()), 0))
        .order_by(~Exists(Claim.objects.filter(pk=OuterRef("pk")).filter(mine)), "deadline", "pk")
    )


def awaiting_approval(user: AbstractUser) -> QuerySet:
    """Claims whose submitted verdict someone else wrote: for the person to publish."""
    theirs = Verdict.objects.filter(claim=OuterRef("pk"), status=Verdict.Status.SUBMITTED)
    theirs = theirs.exclude(author=user).exclude(contributors=user)
    return (
        Claim.objects.filter(Exists(theirs)).select_related("reviewer").order_by("updated_at", "pk")
    )


def proposed_changes(user: AbstractUser) -> QuerySet:
    """Changes proposed to public pages by someone else, waiting for a decision."""
    return (
        ChangeProposal.objects.filter(status=ChangeProposal.Status.OPEN)
        .exclude(proposed_by=user)
        .select_related("claim", "article", "proposed_by")
        .order_by("proposed_at", "pk")
    )


def sent_back(user: AbstractUser) -> QuerySet:
    """Claims whose verdict, written by the person, a publisher sent back to draft."""
    returned = ClaimEvent.objects.filter(
        claim=OuterRef("pk"),
        kind=ClaimEvent.Kind.SENT_BACK,
        verdict__author=user,
        verdict__status=Verdict.Status.DRAFT,
    )
    return Claim.objects.filter(Exists(returned)).order_by("-updated_at", "pk")


def mentions(user: AbstractUser) -> QuerySet:
    """Notes that mention the person, newest first."""
    return (
        Note.objects.filter(mentioned=user)
        .select_related("author", "claim")
        .order_by("-created_at", "-pk")
    )


def to_triage() -> QuerySet:
    """Suggested claims nobody has decided on, best first, from articles the newsroom brought in
    (those found in monitored news have a section of their own)."""
    return (
        Suggestion.objects.filter(status=Suggestion.Status.OPEN, article__intake__feed__isnull=True)
        .select_related("article")
        .order_by("-score", "pk")
    )


def from_monitored_news() -> QuerySet:
    """Suggested claims in the articles found in the monitored feeds, nobody has decided on,
    best first: the news to triage."""
    return (
        Suggestion.objects.filter(
            status=Suggestion.Status.OPEN, article__intake__feed__isnull=False
        )
        .select_related("article")
        .order_by("-score", "pk")
    )


def deadlines_soon(user: AbstractUser, today: dt.date) -> QuerySet:
    """Watched claims whose deadline comes in the next two weeks, soonest first."""
    return Claim.objects.deadline_between(today, today + dt.timedelta(days=SOON_DAYS)).order_by(
        "deadline", "pk"
    )


def _section(key: str, title: str, empty: str, queryset: QuerySet, more_url: str = "") -> Section:
    rows, total = first_rows(queryset)
    return Section(key, title, empty, rows, total, more_url)


def _changelist(query: str) -> str:
    return f"{reverse('admin:claims_claim_changelist')}?{query}"


def sections(user: AbstractUser) -> list[Section]:
    """The desk of `user`: the sections their role has work in, in the order of a day."""
    today = timezone.localdate()
    built: list[Callable[[], Section]] = []
    if user.has_perm("claims.submit_claim"):
        built += [
            lambda: _section(
                "assigned",
                _("Assigned to me"),
                _("Nothing assigned to you waits."),
                assigned(user),
                _changelist(f"reviewer__id__exact={user.pk}"),
            ),
            lambda: _section(
                "sent_back",
                _("Sent back to me"),
                _("No verdict of yours was sent back."),
                sent_back(user),
            ),
        ]
    if user.has_perm("claims.resolve_claim"):
        built.append(
            lambda: _section(
                "due",
                _("Due for re-check"),
                _("Nothing is due."),
                due(user),
                _changelist("tracking__exact=due"),
            )
        )
    if user.has_perm("claims.publish_claim"):
        built += [
            lambda: _section(
                "approval",
                _("Verdicts waiting for my approval"),
                _("No verdict waits for you."),
                awaiting_approval(user),
            ),
            lambda: _section(
                "proposals",
                _("Changes waiting for my approval"),
                _("No change waits for you."),
                proposed_changes(user),
                reverse("admin:claims_changeproposal_changelist"),
            ),
        ]
    if user.has_perm("claims.add_claim"):
        built += [
            lambda: _section(
                "triage",
                _("Suggestions to triage"),
                _("No suggestion waits."),
                to_triage(),
                reverse("admin:claims_article_changelist"),
            ),
            lambda: _section(
                "monitored",
                gettext("From monitored news"),
                gettext("No suggestion from the monitored feeds waits."),
                from_monitored_news(),
                reverse("admin:claims_article_changelist") + "?came_in=monitored",
            ),
        ]
    if user.has_perm("claims.view_note"):
        built.append(
            lambda: _section(
                "mentions", _("Notes mentioning me"), _("No note mentions you."), mentions(user)
            )
        )
    if user.has_perm("claims.view_claim"):
        built.append(
            lambda: _section(
                "soon",
                ngettext(
                    "Deadlines in the next %(days)s day",
                    "Deadlines in the next %(days)s days",
                    SOON_DAYS,
                )
                % {"days": SOON_DAYS},
                _("No deadline comes soon."),
                deadlines_soon(user, today),
                _changelist("tracking__exact=watching"),
            )
        )
    return [build() for build in built]  # fmt: skip


def desk_view(site, request: HttpRequest) -> TemplateResponse:
    context = {
        **site.each_context(request),
        "title": _("My desk"),
        "sections": sections(request.user),
    }
    return TemplateResponse(request, "admin/desk.html", context)


def sidebar_counts(user: AbstractUser) -> list[tuple[str, int]]:
    """The desk's sections that hold work, with their counts, for the admin's sidebar."""
    return [(section.title, section.total) for section in sections(user) if section.total]
