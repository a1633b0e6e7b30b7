"""Other organisations' fact-checks, published here as they were published there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimEvent,
    Rating,
    Verdict,
)
from claims.models.wording import date_value
from claims.workflow.common import User, add_event, check_lengths, credit, require
from claims.workflow.create import set_language
from claims.workflow.errors import (
    AlreadyImported,
)

# --- Imported fact-checks -----------------------------------------------------------------------

# Who "wrote" an imported verdict: nobody here did. An inactive user without a password stands in
# for the outside newsroom (named on the verdict), so the importer is its approver, four eyes apart.
IMPORT_AUTHOR = "claimreview-import"


@dataclass(frozen=True)
class ImportedReview:
    """Another organisation's published fact-check, with its article, appearances and claimant
    already found or made (see claims.claimreview.importer)."""

    review_url: str
    origin_name: str
    origin_url: str
    statement: str
    language: str  # the claim's, as the review gives it; detected when it gives none
    article: Article
    appearances: tuple[Article, ...]
    claimant: Claimant | None
    rating: Rating
    original_rating_label: str
    summary: str
    explanation: str
    first_published_at: dt.datetime
    published_at: dt.datetime


def _import_author() -> User:
    author, created = get_user_model().objects.get_or_create(
        username=IMPORT_AUTHOR, defaults={"is_active": False, "first_name": "Imported"}
    )
    if created:
        author.set_unusable_password()
        author.save(update_fields=["password"])
    return author


def check_may_import_reviews(by: User) -> None:
    """Putting other organisations' fact-checks on this site is a publisher's decision."""
    require(by, "publish_claim", _("import published fact-checks"))


@transaction.atomic
def import_review(review: ImportedReview, *, by: User) -> Verdict:
    """Publish another organisation's fact-check here: a published claim whose current verdict is
    that review, as its publisher rated it.

    It skips the editorial review because it was published by its own newsroom; putting it on
    this site is a publisher's decision (`publish_claim`), and `by` is recorded as its approver.
    Raises AlreadyImported, changing nothing, if its review URL is known already.
    """
    check_may_import_reviews(by)
    if Verdict.objects.filter(review_url=review.review_url).exists():
        raise AlreadyImported(
            _("the review %(url)s has been imported already.") % {"url": review.review_url}
        )
    claim = Claim(
        statement=review.statement,
        language=review.language,
        article=review.article,
        claimant=review.claimant,
        status=Claim.Status.PUBLISHED,
        first_published_at=review.first_published_at,
        created_by=by,
    )
    set_language(claim)
    check_lengths(claim)
    credit(claim, by=by, why=gettext_noop("imported from %(origin)s"), origin=review.origin_name)
    claim.save()
    claim.appearances.set(review.appearances)
    verdict = Verdict(
        claim=claim,
        rating=review.rating,
        summary=review.summary,
        explanation=review.explanation,
        status=Verdict.Status.PUBLISHED,
        is_current=True,
        author=_import_author(),
        approver=by,
        published_at=review.published_at,
        review_url=review.review_url,
        origin_name=review.origin_name,
        origin_url=review.origin_url,
        original_rating_label=review.original_rating_label,
    )
    check_lengths(verdict)
    credit(verdict, by=by, why=gettext_noop("imported from %(origin)s"), origin=review.origin_name)
    verdict.save()
    # Its publisher's own word for the rating, as it came; else the rating's label.
    label = review.original_rating_label or {"rating": review.rating.label}
    add_event(
        claim,
        ClaimEvent.Kind.IMPORTED,
        key="imported",
        values={
            "origin": review.origin_name,
            "rating": label,
            "day": date_value(timezone.localdate(review.published_at)),
        },
        by=by,
        verdict=verdict,
    )
    return verdict
