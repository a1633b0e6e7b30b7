"""The claim: a statement to check, from an article, with its deadline if it is time-bound; and
the reads every part of the site shares (`Claim.objects.public()`, `.due()`, `.watching()`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.dates import format_deadline
from claims.models.newsroom import Article, Claimant, Topic
from claims.models.search import (
    SEARCHED_FIELDS,
    ClaimSearchDocument,
    SearchQuerySet,
    search_text_for,
)
from claims.models.verdict import Rating, Verdict

# Languages written right to left, so that a quote in one reads right inside a page in another.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})


class ClaimQuerySet(SearchQuerySet):
    def public(self) -> ClaimQuerySet:
        """What the public may see: published claims, and retracted ones (which say so)."""
        return self.filter(status__in=Claim.PUBLIC_STATUSES)

    def watching(self) -> ClaimQuerySet:
        return self.filter(status=Claim.Status.PUBLISHED, tracking=Claim.Tracking.WATCHING)

    def due(self) -> ClaimQuerySet:
        return self.filter(status=Claim.Status.PUBLISHED, tracking=Claim.Tracking.DUE)

    def past_deadline(self, today: dt.date) -> ClaimQuerySet:
        """Watching claims whose last day has gone by: what the sweep marks due."""
        return self.watching().filter(deadline__lt=today)

    # --- Reads of the public site ---------------------------------------------------------------

    def with_public_verdicts(self) -> ClaimQuerySet:
        """Article, source and claimant joined; published verdicts, newest first, prefetched as
        `published_verdicts` (the first is the current one)."""
        return self.select_related("article__source", "claimant").with_published_verdicts()

    def with_published_verdicts(self, *related: str) -> ClaimQuerySet:
        """Published verdicts, newest first, with their rating (and `related`), prefetched as
        `published_verdicts`."""
        published = Verdict.objects.published().select_related("rating", *related)
        return self.prefetch_related(
            models.Prefetch("verdicts", queryset=published, to_attr="published_verdicts")
        )

    def with_current_verdict(self) -> ClaimQuerySet:
        """The current verdict with its rating, prefetched as `current_verdicts` (none or one)."""
        current = Verdict.objects.filter(is_current=True).select_related("rating")
        return self.prefetch_related(
            models.Prefetch("verdicts", queryset=current, to_attr="current_verdicts")
        )

    def with_open_verdicts(self) -> ClaimQuerySet:
        """Verdicts in the works (draft or submitted) with rating and author, prefetched as
        `open_verdicts`."""
        open_ = Verdict.objects.exclude(status=Verdict.Status.PUBLISHED)
        return self.prefetch_related(
            models.Prefetch(
                "verdicts",
                queryset=open_.select_related("rating", "author"),
                to_attr="open_verdicts",
            )
        )

    def with_public_events(self) -> ClaimQuerySet:
        """The timeline entries the public sees, oldest first, prefetched as `public_events`."""
        event = self.model._meta.get_field("events").related_model  # ClaimEvent, defined later
        events = event.objects.filter(kind__in=event.PUBLIC_KINDS)
        return self.prefetch_related(
            models.Prefetch("events", queryset=events, to_attr="public_events")
        )

    def recently_judged(self, limit: int) -> list[Claim]:
        """The `limit` claims of this queryset whose latest published verdict is newest, newest
        first (fetched as this queryset fetches them). Walks the verdicts' time index rather than
        grouping every claim, so it costs the same with 500,000 claims as with 50."""
        verdicts = (
            Verdict.objects.published()
            .filter(claim__in=self)
            .order_by("-published_at", "-pk")
            .values_list("claim_id", flat=True)
        )
        ids: list[int] = []
        for batch_start in range(0, 20 * limit, 4 * limit):
            batch = list(verdicts[batch_start : batch_start + 4 * limit])
            ids += [pk for pk in dict.fromkeys(batch) if pk not in ids]
            if len(ids) >= limit or len(batch) < 4 * limit:
                break
        ids = ids[:limit]
        by_id = {claim.pk: claim for claim in self.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def deadline_between(self, first: dt.date, last: dt.date) -> ClaimQuerySet:
        """Watched claims whose deadline falls from `first` to `last` (both included), soonest
        first."""
        return self.watching().filter(deadline__gte=first, deadline__lte=last).order_by("deadline")

    def rating_counts(self) -> list[tuple[Rating, int]]:
        """How many of these claims have each rating as their current verdict, in scale order."""
        ratings = Rating.objects.filter(
            verdicts__is_current=True, verdicts__claim__in=self.values("pk")
        ).annotate(claims=models.Count("verdicts"))
        return [(rating, rating.claims) for rating in ratings]

    def promise_record(self) -> dict[str, int]:
        """Time-bound claims by outcome, from when the promised thing happened (not when it was
        checked): kept on time, kept late, kept in part, not done, unverifiable, still open."""
        current = Verdict.objects.filter(is_current=True, claim__in=self.values("pk")).filter(
            claim__deadline__isnull=False
        )
        kept, missed = Q(rating__slug="fulfilled"), Q(rating__slug="not-fulfilled")
        late = Q(happened_on__gt=F("claim__deadline"))
        return current.aggregate(
            on_time=models.Count("pk", filter=kept & ~late),
            late=models.Count("pk", filter=(kept | missed) & late),
            partly=models.Count("pk", filter=Q(rating__slug="partly-fulfilled")),
            not_done=models.Count("pk", filter=missed & Q(happened_on__isnull=True)),
            unverifiable=models.Count("pk", filter=Q(rating__slug="unverifiable")),
            open=models.Count("pk", filter=Q(rating__is_final=False)),
        )


class Claim(models.Model):
    """A statement to check, from an article, with its deadline if it is time-bound."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        PUBLISHED = "published", _("published")
        RETRACTED = "retracted", _("retracted")

    class Tracking(models.TextChoices):
        NONE = "none", _("not watched")
        WATCHING = "watching", _("watching")
        DUE = "due", _("due for re-check")
        RESOLVED = "resolved", _("resolved")

    # What the public site shows; a retracted claim's page says it was retracted, and why.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.RETRACTED)

    statement = models.TextField(
        _("statement"), max_length=1000, help_text=_("The claim to check, in the newsroom's words.")
    )
    slug = models.SlugField(_("slug"), max_length=80, blank=True)
    quote = models.TextField(
        _("quote"), max_length=5000, blank=True, help_text=_("The verbatim words in the article.")
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("article"),
        help_text=_("First appearance."),
    )
    appearances = models.ManyToManyField(
        Article,
        blank=True,
        related_name="claim_appearances",
        verbose_name=_("appearances"),
        help_text=_("Later appearances."),
    )
    claimant = models.ForeignKey(
        Claimant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("claimant"),
    )
    reported_by = models.CharField(
        _("reported by"),
        max_length=200,
        blank=True,
        help_text=_("Who relayed it, e.g. 'Sputnik Arabic'."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_(
            "The quote's language (ISO 639-1, e.g. 'ar'): detected when the claim is logged, "
            "else the article's; an editor may correct it."
        ),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="claims", verbose_name=_("topics")
    )
    stated_on = models.DateField(
        _("stated on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The article's date, kept for the check."),
    )
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("The last day on which the claim still counts as kept."),
    )
    deadline_expression = models.CharField(_("deadline expression"), max_length=200, blank=True)
    deadline_explanation = models.CharField(_("deadline explanation"), max_length=400, blank=True)
    # The explanation in each of the site's languages, {"fr": "…"}, for each translation of the
    # public page; `deadline_explanation` is the one written when it was set.
    deadline_explanations = models.JSONField(
        _("deadline explanations"), default=dict, blank=True, editable=False
    )
    deadline_approximate = models.BooleanField(
        _("deadline approximate"),
        default=False,
        help_text=_("The article's date is known only to the month or year."),
    )
    deadline_overridden = models.BooleanField(
        _("deadline overridden"),
        default=False,
        help_text=_("Set by an editor rather than read from the quote."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    tracking = models.CharField(
        _("tracking"), max_length=10, choices=Tracking.choices, default=Tracking.NONE
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims_to_review",
        verbose_name=_("reviewer"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims_created",
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    first_published_at = models.DateTimeField(
        _("first published at"), null=True, blank=True, editable=False
    )
    due_since = models.DateTimeField(_("due since"), null=True, blank=True, editable=False)
    retraction_reason = models.TextField(
        _("retraction reason"), max_length=2000, blank=True, editable=False
    )
    retracted_at = models.DateTimeField(_("retracted at"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(
        _("is demo"), default=False, help_text=_("Fictional, made for the demo.")
    )
    # What the claim is found by (claims/models/search.py): written when it is saved.
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    search_document = models.GeneratedField(
        expression=ClaimSearchDocument(),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search document"),
    )

    objects = ClaimQuerySet.as_manager()
    # Who changed the claim's words, deadline, reviewer or editorial status, from what to what.
    # The tracking state is not here: the sweep flips it set-based, and the timeline (ClaimEvent)
    # records every flip with its cause; keeping it here would credit the next editor with it.
    history = HistoricalRecords(
        excluded_fields=["tracking", "due_since", "updated_at", "search_text", "search_document"]
    )

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at"]
        permissions = [
            ("submit_claim", "Can submit a claim's verdict for review"),
            ("publish_claim", "Can approve and publish a verdict"),
            ("retract_claim", "Can retract a published claim"),
            ("resolve_claim", "Can record the outcome of a claim that fell due"),
            ("extend_deadline", "Can extend a claim's deadline"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(stated_on__isnull=True)
                | Q(deadline__gte=F("stated_on")),
                name="claim_deadline_not_before_article",
                violation_error_message=_("A deadline cannot fall before its article's date."),
            ),
            models.CheckConstraint(
                condition=~Q(tracking__in=["watching", "due"]) | Q(deadline__isnull=False),
                name="claim_tracked_has_deadline",
                violation_error_message=_("Only a claim with a deadline can be watched or due."),
            ),
            models.CheckConstraint(
                condition=~Q(status="retracted") | ~Q(retraction_reason=""),
                name="claim_retraction_has_reason",
                violation_error_message=_("A retracted claim needs the reason for its retraction."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "tracking", "deadline"], name="claim_tracking_idx"),
            # The public list's sorts and ranges, over public claims only (partial indexes).
            models.Index(
                fields=["-first_published_at", "-id"],
                name="claim_public_newest_idx",
                condition=Q(status__in=["published", "retracted"]),
            ),
            models.Index(
                fields=["deadline", "id"],
                name="claim_public_deadline_idx",
                condition=Q(status__in=["published", "retracted"]),
            ),
            # claim_public_said_idx (stated_on DESC NULLS LAST) is migration 0006's, on
            # PostgreSQL only: SQLite cannot index NULLS LAST.
            models.Index(fields=["reviewer", "status"], name="claim_reviewer_idx"),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.statement)[:80].rstrip("-")
        update_fields = kwargs.get("update_fields")
        derived = set()
        if self.article_id and (update_fields is None or "article" in update_fields):
            self.stated_on = self.article.published_on  # the date of the article it was said in
            derived.add("stated_on")
        if self.article_id and (update_fields is None or SEARCHED_FIELDS & set(update_fields)):
            self.search_text = search_text_for(self)
            derived.add("search_text")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *derived}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.slug:
            return reverse("claims:detail-slug", args=[self.pk, self.slug])
        return reverse("claims:detail", args=[self.pk])

    @property
    def deadline_display(self) -> str:
        return format_deadline(self.deadline, self.deadline_approximate)

    @property
    def tracking_shown(self) -> str:
        """The tracking state as staff read it: a claim with a deadline is "not watched yet"
        until a pending verdict on it is published."""
        if self.tracking == self.Tracking.NONE:
            return gettext("not watched yet") if self.deadline else gettext("no deadline")
        return self.get_tracking_display()

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def days_until_deadline(self) -> int | None:
        """Days from today (in TIME_ZONE) to the deadline; negative once it has passed."""
        if self.deadline is None:
            return None
        return (self.deadline - timezone.localdate()).days

    @property
    def awaiting_recheck(self) -> bool:
        """Its deadline has passed and no outcome is published yet (due, or not swept yet)."""
        if self.tracking == self.Tracking.DUE:
            return True
        days = self.days_until_deadline
        return self.tracking == self.Tracking.WATCHING and days is not None and days < 0

    @property
    def deadline_explanation_shown(self) -> str:
        """The deadline's explanation in the language being spoken, else as it was written."""
        explanations = self.deadline_explanations or {}
        return explanations.get(translation.get_language()) or self.deadline_explanation

    @property
    def quote_language(self) -> str:
        """The quote's language (BCP 47): the claim's own, else its article's, else its source's;
        '' if unknown."""
        return self.language or self.article.language or self.article.source.language

    @property
    def quote_direction(self) -> str:
        """'rtl' for a right-to-left script, else 'ltr'; 'auto' when the language is unknown."""
        language = self.quote_language.split("-")[0].lower()
        if not language:
            return "auto"
        return "rtl" if language in RTL_LANGUAGES else "ltr"
