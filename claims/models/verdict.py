"""Judgements: ratings (data, not code), verdicts (one row per judgement, never overwritten) and
their corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from factcheck.lib.weburl import WebURLField


class RatingScale(models.TextChoices):
    ACCURACY = "accuracy", _("accuracy")
    PROMISE = "promise", _("promise or prediction")


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

    slug = models.SlugField(_("slug"), unique=True)
    label = models.CharField(_("label"), max_length=60)
    scale = models.CharField(_("scale"), max_length=10, choices=RatingScale.choices)
    claimreview_value = models.PositiveSmallIntegerField(
        _("ClaimReview value"),
        null=True,
        blank=True,
        help_text=_("1 (worst) to 5 (best) in ClaimReview; empty if none."),
    )
    is_final = models.BooleanField(
        _("is final"),
        default=True,
        help_text=_("False for 'pending': the claim is still watched."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.CharField(_("description"), max_length=300, blank=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
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
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for approval")
        PUBLISHED = "published", _("published")

    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("claim")
    )
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("rating")
    )
    summary = models.CharField(_("summary"), max_length=500)
    explanation = models.TextField(_("explanation"), max_length=20000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_current = models.BooleanField(_("is current"), default=False, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="verdicts_written",
        verbose_name=_("author"),
    )
    # Who else changed its words: like its author, none of them may approve it (four eyes).
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="verdicts_contributed",
        editable=False,
        verbose_name=_("contributors"),
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verdicts_approved",
        editable=False,
        verbose_name=_("approver"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    checked_on = models.DateField(
        _("checked on"), null=True, blank=True, help_text=_("The day the outcome was checked.")
    )
    # When the promised thing happened, which decides on time or late; empty when it had not
    # happened by the day it was checked (claims/workflow/outcomes.py has the rules).
    happened_on = models.DateField(
        _("happened on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the promised thing happened; empty if it had not happened when checked."
        ),
    )
    # Another organisation's fact-check, imported as published (claims/claimreview/importer.py):
    # its page, its publisher and its own words for the rating, exported again as they came.
    review_url = WebURLField(
        _("review URL"),
        max_length=1000,
        blank=True,
        editable=False,
        help_text=_("The imported review's page."),
    )
    origin_name = models.CharField(_("fact-checked by"), max_length=200, blank=True, editable=False)
    origin_url = WebURLField(_("origin URL"), max_length=1000, blank=True, editable=False)
    original_rating_label = models.CharField(
        _("original rating label"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The rating as its publisher put it."),
    )

    objects = VerdictQuerySet.as_manager()
    # "Current" only moves to the newest published verdict; the verdicts' own rows say when.
    history = HistoricalRecords(excluded_fields=["is_current"])

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["-published_at", "-created_at"]
        get_latest_by = "published_at"
        permissions = [("correct_verdict", "Can issue a correction to a published verdict")]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(is_current=True),
                name="verdict_one_current_per_claim",
                violation_error_message=_("Another verdict was made current meanwhile."),
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status__in=["draft", "submitted"]),
                name="verdict_one_open_draft_per_claim",
                violation_error_message=_("This claim already has a verdict in the works."),
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
                violation_error_message=_("Nobody approves a verdict they wrote."),
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

    verdict = models.ForeignKey(
        Verdict, on_delete=models.PROTECT, related_name="corrections", verbose_name=_("verdict")
    )
    note = models.TextField(
        _("note"),
        max_length=5000,
        help_text=_("What was wrong and what is right; the public reads this."),
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="corrections_issued",
        verbose_name=_("issued by"),
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["issued_at", "id"]
        indexes = [
            # The feeds' newest corrections first.
            models.Index(fields=["-issued_at", "-id"], name="correction_recent_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(note=""),
                name="correction_has_note",
                violation_error_message=_("A correction needs its note."),
            )
        ]

    def __str__(self) -> str:
        return gettext("Correction of %(verdict)s (%(day)s)") % {
            "verdict": self.verdict,
            "day": f"{self.issued_at:%Y-%m-%d}",
        }
