"""An article's date corrected: the deadlines its unpublished claims read from their quotes follow
it; published and overridden ones stay, and must not fall before it."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims.models import Article, ChangeProposal, Claim
from claims.workflow.common import User, check_lengths, credit, require
from claims.workflow.create import fill_deadline
from claims.workflow.errors import (
    DeadlineBeforeArticle,
)
from claims.workflow.proposals import ARTICLE_PAGE_FIELDS, propose_article_change, public_pages


def _deadlines_read_again(article: Article):
    """The claims whose deadline follows the article's date: unpublished, read from the quote."""
    return article.claims.filter(
        status__in=[Claim.Status.DRAFT, Claim.Status.IN_REVIEW], deadline_overridden=False
    )


def check_article_date(article: Article) -> None:
    """Raise DeadlineBeforeArticle if the article's (new) date falls after the deadline of a claim
    that keeps its deadline (published, or set by an editor)."""
    if article.pk is None or article.published_on is None:
        return
    kept = article.claims.exclude(pk__in=_deadlines_read_again(article))
    early = kept.filter(deadline__lt=article.published_on).order_by("deadline", "pk").first()
    if early is not None:
        raise DeadlineBeforeArticle(
            _(
                "claim #%(id)s keeps its deadline %(deadline)s, which is before %(published)s; "
                "extend or change that deadline first"
            )
            % {
                "id": early.pk,
                "deadline": f"{early.deadline:%Y-%m-%d}",
                "published": f"{article.published_on:%Y-%m-%d}",
            }
        )


@transaction.atomic
def redate_article(article: Article, *, by: User) -> int:
    """Save an article whose date (or its precision) `by` corrected. The deadlines its
    unpublished claims read from their quotes are read again against it; published and overridden
    ones stay, and must not fall before it (DeadlineBeforeArticle, nothing changed). Returns how
    many were read again."""
    check_article_date(article)
    claims = list(_deadlines_read_again(article))
    for claim in claims:
        claim.article = article
        fill_deadline(claim)
        credit(claim, by=by, why=gettext_noop("deadline read again: article date corrected"))
        claim.save()
    credit(article, by=by, why=gettext_noop("date corrected"))
    article.save()
    return len(claims)


@transaction.atomic
def edit_article(article: Article, *, by: User, changed: Iterable[str]) -> ChangeProposal | None:
    """Save the `changed` fields of an article, as set on it. Where a public claim's page shows
    it, a change to what the page shows (headline, address, byline, date) is proposed instead,
    and the proposal returned; a new date reads unpublished claims' deadlines again."""
    require(by, "change_article", _("change articles"))
    changed = set(changed)
    stored = Article.objects.select_for_update().get(pk=article.pk)
    proposal = None
    if public_pages(stored).exists() and changed & set(ARTICLE_PAGE_FIELDS):
        check_lengths(article)
        proposal = propose_article_change(article, by=by, names=changed)
        for name in ARTICLE_PAGE_FIELDS:  # they change when the proposal is approved
            setattr(article, name, getattr(stored, name))
        changed -= set(ARTICLE_PAGE_FIELDS)
    check_lengths(article)
    if {"published_on", "published_precision"} & changed:
        redate_article(article, by=by)
    elif changed:
        credit(
            article,
            by=by,
            why=gettext_noop("changed: %(fields)s"),
            fields=", ".join(sorted(changed)),
        )
        article.save()
    return proposal
