"""Judgements: ratings (data, not code), verdicts (one row per judgement, never overwritten) and
their corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, gettext_noop
from simple_history.models import HistoricalRecords

from factcheck.lib.weburl import WebURLField


class RatingScale(models.TextChoices):
    ACCURACY = "accuracy", "accuracy"
    PROMISE = "promise", "promise or prediction"


# The ratings the project ships (migration 0002), named here for the translation catalogues: a
# page shows a rating in its language when the catalogue has it, a newsroom's own as written.
SHIPPED_LABELS = (
    gettext_noop("True"),
    gettext_noop("Mostly true"),
    gettext_noop("Half true"),
    gettext_noop("Mostly false"),
    gettext_noop("False"),
    gettext_noop("Unproven"),
    gettext_noop("Pending"),
    gettext_noop("Fulfilled"),
    gettext_noop("Partly fulfilled"),
    gettext_noop("Not fulfilled"),
    gettext_noop("Unverifiable"),
)


class RatingQuerySet(models.QuerySet):
    def outcomes(self) -> RatingQuerySet:
        """The final ratings of a promise: what became of it once its deadline came."""
        return self.filter(scale=RatingScale.PROMISE, is_final=True)


class Rating(models.Model):
    """A verdict's rating. Ratings are data (see migration 0002), not code."""

    slug = models.SlugField(unique=True)
    label = models.CharField(max_length=60)
    scale = models.CharField(max_length=10, choices=RatingScale.choices)
    claimreview_value = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 (worst) to 5 (best) in ClaimReview; empty if none."
    )
    is_final = models.BooleanField(
        default=True, help_text="False for 'pending': the claim is still watched."
    )
    order = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(max_length=300, blank=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        ordering = ["scale", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(claimreview_value__isnull=True)
                | Q(claimreview_value__gte=1, claimreview_value__lte=5),
                name="rating_value_between_1_and_5",
            )
        ]

    def __str__(self) -> str:
        return self.shown_label

    @property
    def shown_label(self) -> str:
        """The label in the language being spoken (the catalogue's, else as written); exports
        such as ClaimReview keep `label`, the newsroom's own word."""
        return gettext(self.label)


class VerdictQuerySet(models.QuerySet):
    def published(self) -> VerdictQuerySet:
        return self.filter(status=Verdict.Status.PUBLISHED)


class Verdict(models.Model):
    """One judgement of a claim. A published verdict is never changed; a new one is added."""

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        SUBMITTED = "submitted", "submitted for approval"
        PUBLISHED = "published", "published"

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="verdicts")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    summary = models.CharField(max_length=500)
    explanation = models.TextField(max_length=20000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_current = models.BooleanField(default=False, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written"
    )
    # Who else changed its words: like its author, none of them may approve it (four eyes).
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="verdicts_contributed", editable=False
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verdicts_approved",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    checked_on = models.DateField(
        null=True, blank=True, help_text="The day the outcome was checked."
    )
    # When the promised thing happened, which decides on time or late; empty when it had not
    # happened by the day it was checked (claims/workflow/outcomes.py has the rules).
    happened_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day the promised thing happened; empty if it had not happened when checked.",
    )
    # Another organisation's fact-check, imported as published (claims/claimreview/importer.py):
    # its page, its publisher and its own words for the rating, exported again as they came.
    review_url = WebURLField(
        max_length=1000, blank=True, editable=False, help_text="The imported review's page."
    )
    origin_name = models.CharField("fact-checked by", max_length=200, blank=True, editable=False)
    origin_url = WebURLField(max_length=1000, blank=True, editable=False)
    original_rating_label = models.CharField(
        max_length=200, blank=True, editable=False, help_text="The rating as its publisher put it."
    )

    objects = VerdictQuerySet.as_manager()
    # "Current" only moves to the newest published verdict; the verdicts' own rows say when.
    history = HistoricalRecords(excluded_fields=["is_current"])

    class Meta:
        ordering = ["-published_at", "-created_at"]
        get_latest_by = "published_at"
        permissions = [("correct_verdict", "Can issue a correction to a published verdict")]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(is_current=True),
                name="verdict_one_current_per_claim",
                violation_error_message="Another verdict was made current meanwhile.",
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status__in=["draft", "submitted"]),
                name="verdict_one_open_draft_per_claim",
                violation_error_message="This claim already has a verdict in the works.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | Q(published_at__isnull=False, approver__isnull=False),
                name="verdict_published_is_approved",
            ),
            models.CheckConstraint(
                condition=Q(status="published") | Q(is_current=False),
                name="verdict_current_is_published",
            ),
            models.CheckConstraint(
                condition=Q(approver__isnull=True) | ~Q(approver=F("author")),
                name="verdict_four_eyes",
                violation_error_message="Nobody approves a verdict they wrote.",
            ),
            # What makes importing the same review twice change nothing.
            models.UniqueConstraint(
                fields=["review_url"], condition=~Q(review_url=""), name="verdict_review_url_once"
            ),
        ]
        indexes = [
            models.Index(fields=["claim", "status", "-published_at"]),
            # The newest verdicts first: the front page, the tracker's outcomes and the feeds.
            models.Index(
                fields=["-published_at", "-id"],
                name="verdict_published_recent_idx",
                condition=Q(status="published"),
            ),
            # "Claims rated X" goes through the current verdicts.
            models.Index(
                fields=["rating", "claim"],
                name="verdict_current_rating_idx",
                condition=Q(is_current=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating} — {self.summary[:60]}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def wrote(self, user) -> bool:
        """Whether `user` wrote this verdict, or changed its words."""
        return user.pk == self.author_id or self.contributors.filter(pk=user.pk).exists()

    @property
    def days_late(self) -> int | None:
        """Days from the claim's deadline to the day the promised thing happened (0 or fewer:
        on time); None when either is unknown."""
        deadline = self.claim.deadline
        if self.happened_on is None or deadline is None:
            return None
        return (self.happened_on - deadline).days

    @property
    def is_imported(self) -> bool:
        """Another organisation's fact-check, imported as it was published."""
        return bool(self.review_url)


class Correction(models.Model):
    """A correction to a published verdict, shown with it and announced, as the IFCN code of
    principles asks. The verdict itself is never changed; its corrections are added to it."""

    verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, related_name="corrections")
    note = models.TextField(
        max_length=5000, help_text="What was wrong and what is right; the public reads this."
    )
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="corrections_issued"
    )

    class Meta:
        ordering = ["issued_at", "id"]
        indexes = [
            # The feeds' newest corrections first.
            models.Index(fields=["-issued_at", "-id"], name="correction_recent_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(note=""),
                name="correction_has_note",
                violation_error_message="A correction needs its note.",
            )
        ]

    def __str__(self) -> str:
        return f"Correction of {self.verdict} ({self.issued_at:%Y-%m-%d})"
