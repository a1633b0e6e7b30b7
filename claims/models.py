"""The newsroom's data and the invariants the database itself keeps.

State changes of a claim are not made here but in `claims.workflow`; the querysets below are the
reads every part of the site shares (`Claim.objects.public()`, `.due()`, `.watching()`).
"""

from __future__ import annotations

import datetime as dt
import functools

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connections, models, transaction
from django.db.models import F, ProtectedError, Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.deadlines import Precision, format_day, latest_possible_day
from factcheck.lib.weburl import WebURLField


class DatePrecision(models.TextChoices):
    DAY = Precision.DAY.value, _("day")
    MONTH = Precision.MONTH.value, _("month")
    YEAR = Precision.YEAR.value, _("year")


def format_partial_date(day: dt.date | None, precision: str) -> str:
    """A date as precisely as it is known, in the active language's format: '31 Jul 2019',
    'July 2019' or '2019' in British English, '31 juillet 2019' or 'juillet 2019' in French."""
    if day is None:
        return gettext("date unknown")
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return formats.date_format(day, "DATE_FORMAT")


@functools.lru_cache(maxsize=4096)  # the sweep formats thousands of the same few days
def format_deadline(deadline: dt.date | None, approximate: bool) -> str:
    """'29 September 2019 at the latest' for an approximate deadline, else the day."""
    if deadline is None:
        return ""
    return f"{format_day(deadline)} at the latest" if approximate else format_day(deadline)


class Source(models.Model):
    """An outlet or publisher."""

    name = models.CharField(max_length=200, unique=True)
    homepage = WebURLField(blank=True)
    domain = models.CharField(max_length=200, blank=True, db_index=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code")
    language = models.CharField(max_length=8, blank=True, help_text="BCP 47 code, e.g. en, ar")
    is_demo = models.BooleanField(default=False, help_text="Fictional, made for the demo.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Claimant(models.Model):
    """Who made a claim. Other spellings of the name are kept as aliases."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    affiliation = models.CharField(max_length=200, blank=True)
    same_as = WebURLField(blank=True, help_text="A page that identifies the person, e.g. Wikidata.")
    is_demo = models.BooleanField(default=False, help_text="Fictional, made for the demo.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.affiliation) if part)


class Topic(models.Model):
    """What a claim is about ("Borders", "Public finances"), for readers to follow a subject."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimantAlias(models.Model):
    name = models.CharField(max_length=200, unique=True)
    claimant = models.ForeignKey(Claimant, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name_plural = "claimant aliases"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """A published piece in which claims appear. Its date may be known only to month or year."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    url = WebURLField("canonical URL", max_length=1000, unique=True, null=True, blank=True)
    headline = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(
        null=True, blank=True, help_text="For a date known to the month, the 1st of that month."
    )
    published_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    history = HistoricalRecords(excluded_fields=["text"])  # the text is the source's, not ours

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["-published_on"])]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        """Save, and give the article's claims its date: the database checks their deadlines
        against it, so a date after one of them is refused and nothing changes."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.claims.exclude(stated_on=self.published_on).update(stated_on=self.published_on)

    @property
    def published_display(self) -> str:
        return format_partial_date(self.published_on, self.published_precision)

    @property
    def published_latest(self) -> dt.date | None:
        """The latest day the article can have been published on."""
        if self.published_on is None:
            return None
        return latest_possible_day(self.published_on, Precision(self.published_precision))


class RatingScale(models.TextChoices):
    ACCURACY = "accuracy", "accuracy"
    PROMISE = "promise", "promise or prediction"


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
        return self.label


# Languages written right to left, so that a quote in one reads right inside a page in another.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})

# The text-search configuration of `Claim.search_document` and `ClaimQuerySet.search`.
SEARCH_CONFIG = "english"


class ClaimSearchDocument(SearchVector):
    """A claim's statement and quote as one tsvector, stored in `Claim.search_document` on
    PostgreSQL and indexed there (GIN, migration 0010), so a search reads no claim text.

    SQLite has no text-search type: its column holds an empty string, and `ClaimQuerySet.search`
    matches words in the text instead."""

    def __init__(self) -> None:
        super().__init__("statement", "quote", config=SEARCH_CONFIG)

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(models.Value(""))


class ClaimQuerySet(models.QuerySet):
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
        published = Verdict.objects.published().select_related("rating")
        return self.select_related("article__source", "claimant").prefetch_related(
            models.Prefetch("verdicts", queryset=published, to_attr="published_verdicts")
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

    def search(self, text: str) -> ClaimQuerySet:
        """Claims whose statement or quote matches `text`, or whose claimant's name (or alias)
        contains all its words. Full-text on the stored, GIN-indexed `search_document` on
        PostgreSQL; word by word, case-insensitively, elsewhere."""
        words = text.split()[:8]
        if not words:
            return self
        named = Q()
        for word in words:
            named &= Q(name__icontains=word) | Q(aliases__name__icontains=word)
        claimants = list(Claimant.objects.filter(named).values_list("pk", flat=True).distinct())
        by_claimant = Q(claimant_id__in=claimants) if claimants else Q(pk__in=[])
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="websearch")
            return self.filter(Q(search_document=query) | by_claimant)
        in_text = Q()
        for word in words:
            in_text &= Q(statement__icontains=word) | Q(quote__icontains=word)
        return self.filter(in_text | by_claimant)

    def rating_counts(self) -> list[tuple[Rating, int]]:
        """How many of these claims have each rating as their current verdict, in scale order."""
        ratings = Rating.objects.filter(
            verdicts__is_current=True, verdicts__claim__in=self.values("pk")
        ).annotate(claims=models.Count("verdicts"))
        return [(rating, rating.claims) for rating in ratings]

    def promise_record(self) -> dict[str, int]:
        """Time-bound claims by outcome: kept on time, late (or in part), not at all, unverifiable,
        still open. See docs/public-site.md for how "late" is told apart."""
        current = Verdict.objects.filter(is_current=True, claim__in=self.values("pk")).filter(
            claim__deadline__isnull=False
        )
        missed = Q(rating__slug="not-fulfilled")
        observed_late = Q(checked_on__gt=F("claim__deadline"))
        return current.aggregate(
            on_time=models.Count("pk", filter=Q(rating__slug="fulfilled")),
            late=models.Count(
                "pk", filter=Q(rating__slug="partly-fulfilled") | missed & observed_late
            ),
            not_kept=models.Count(
                "pk", filter=missed & (Q(checked_on__isnull=True) | ~observed_late)
            ),
            unverifiable=models.Count("pk", filter=Q(rating__slug="unverifiable")),
            open=models.Count("pk", filter=Q(rating__is_final=False)),
        )


class Claim(models.Model):
    """A statement to check, from an article, with its deadline if it is time-bound."""

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        IN_REVIEW = "in_review", "in review"
        PUBLISHED = "published", "published"
        RETRACTED = "retracted", "retracted"

    class Tracking(models.TextChoices):
        NONE = "none", _("not watched")
        WATCHING = "watching", _("watching")
        DUE = "due", _("due for re-check")
        RESOLVED = "resolved", _("resolved")

    # What the public site shows; a retracted claim's page says it was retracted, and why.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.RETRACTED)

    statement = models.TextField(help_text="The claim to check, in the newsroom's words.")
    slug = models.SlugField(max_length=80, blank=True)
    quote = models.TextField(blank=True, help_text="The verbatim words in the article.")
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="claims", help_text="First appearance."
    )
    appearances = models.ManyToManyField(
        Article, blank=True, related_name="claim_appearances", help_text="Later appearances."
    )
    claimant = models.ForeignKey(
        Claimant, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    reported_by = models.CharField(
        max_length=200, blank=True, help_text="Who relayed it, e.g. 'Sputnik Arabic'."
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    stated_on = models.DateField(
        null=True, blank=True, editable=False, help_text="The article's date, kept for the check."
    )
    deadline = models.DateField(
        null=True, blank=True, help_text="The last day on which the claim still counts as kept."
    )
    deadline_expression = models.CharField(max_length=200, blank=True)
    deadline_explanation = models.CharField(max_length=400, blank=True)
    deadline_approximate = models.BooleanField(
        default=False, help_text="The article's date is known only to the month or year."
    )
    deadline_overridden = models.BooleanField(
        default=False, help_text="Set by an editor rather than read from the quote."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    tracking = models.CharField(max_length=10, choices=Tracking.choices, default=Tracking.NONE)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims_to_review",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims_created",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    due_since = models.DateTimeField(null=True, blank=True, editable=False)
    retraction_reason = models.TextField(blank=True, editable=False)
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, help_text="Fictional, made for the demo.")
    search_document = models.GeneratedField(
        expression=ClaimSearchDocument(), output_field=SearchVectorField(), db_persist=True
    )

    objects = ClaimQuerySet.as_manager()
    # Who changed the claim's words, deadline, reviewer or editorial status, from what to what.
    # The tracking state is not here: the sweep flips it set-based, and the timeline (ClaimEvent)
    # records every flip with its cause; keeping it here would credit the next editor with it.
    history = HistoricalRecords(
        excluded_fields=["tracking", "due_since", "updated_at", "search_document"]
    )

    class Meta:
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
                violation_error_message="A deadline cannot fall before its article's date.",
            ),
            models.CheckConstraint(
                condition=~Q(tracking__in=["watching", "due"]) | Q(deadline__isnull=False),
                name="claim_tracked_has_deadline",
                violation_error_message="Only a claim with a deadline can be watched or due.",
            ),
            models.CheckConstraint(
                condition=~Q(status="retracted") | ~Q(retraction_reason=""),
                name="claim_retraction_has_reason",
                violation_error_message="A retracted claim needs the reason for its retraction.",
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
        if self.article_id and (update_fields is None or "article" in update_fields):
            self.stated_on = self.article.published_on  # the date of the article it was said in
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "stated_on"}
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
    def quote_language(self) -> str:
        """The quote's language (BCP 47): the article's, else its source's; '' if unknown."""
        return self.article.language or self.article.source.language

    @property
    def quote_direction(self) -> str:
        """'rtl' for a right-to-left script, else 'ltr'; 'auto' when the language is unknown."""
        language = self.quote_language.split("-")[0].lower()
        if not language:
            return "auto"
        return "rtl" if language in RTL_LANGUAGES else "ltr"


class VerdictQuerySet(models.QuerySet):
    def published(self) -> VerdictQuerySet:
        return self.filter(status=Verdict.Status.PUBLISHED)


class Verdict(models.Model):
    """One judgement of a claim. A published verdict is never changed; a new one is added."""

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        SUBMITTED = "submitted", "submitted for approval"
        PUBLISHED = "published", "published"

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="verdicts")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    summary = models.CharField(max_length=500)
    explanation = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_current = models.BooleanField(default=False, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written"
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
        null=True, blank=True, help_text="The day the outcome was observed, if not today."
    )
    # Another organisation's fact-check, imported as published (claims/claimreview_import.py):
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

    @property
    def is_imported(self) -> bool:
        """Another organisation's fact-check, imported as it was published."""
        return bool(self.review_url)


class Correction(models.Model):
    """A correction to a published verdict, shown with it and announced, as the IFCN code of
    principles asks. The verdict itself is never changed; its corrections are added to it."""

    verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, related_name="corrections")
    note = models.TextField(help_text="What was wrong and what is right; the public reads this.")
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


class Evidence(models.Model):
    """A link a reviewer found: what it says and whether it still answers."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", _("supports")
        REFUTES = "refutes", _("refutes")
        CONTEXT = "context", _("context")

    class LinkHealth(models.TextChoices):
        UNCHECKED = "unchecked", _("not checked yet")
        OK = "ok", _("working")
        BROKEN = "broken", _("broken")
        # The address is one the workbench may not open (a private network): not checkable.
        REFUSED = "refused", _("address refused")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = WebURLField(max_length=1000)
    title = models.CharField(max_length=300)
    source_name = models.CharField("source", max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    excerpt = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    added_at = models.DateTimeField(auto_now_add=True)
    link_health = models.CharField(
        max_length=10, choices=LinkHealth.choices, default=LinkHealth.UNCHECKED, editable=False
    )
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Checks failed in a row, and when the first of them was: "broken since" once enough have
    # failed (claims/linkcheck.py has the rule). A working answer clears both.
    link_failures = models.PositiveSmallIntegerField(default=0, editable=False)
    link_failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    # Set while a worker checks the link, so that another one leaves it alone.
    link_check_started_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The link checker's state has its own history (LinkCheck rows).
    history = HistoricalRecords(
        excluded_fields=[
            "link_health",
            "link_checked_at",
            "link_failures",
            "link_failing_since",
            "link_check_started_at",
        ]
    )

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["published_on", "added_at"]
        indexes = [models.Index(fields=["link_checked_at"], name="evidence_link_checked_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "url"],
                name="evidence_url_once_per_claim",
                violation_error_message="This link is already evidence for this claim.",
            ),
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="evidence_url_is_http",
                violation_error_message="Evidence links must start with http:// or https://.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # The link's health is its address's: a new address has not been checked yet (and a check
        # of the old one in flight will not be recorded against it).
        if self.pk and Evidence.objects.filter(pk=self.pk).exclude(url=self.url).exists():
            self.link_health, self.link_checked_at = self.LinkHealth.UNCHECKED, None
            self.link_failures, self.link_failing_since = 0, None
            self.link_check_started_at = None
        super().save(*args, **kwargs)

    @property
    def link_broken_since(self) -> dt.datetime | None:
        return self.link_failing_since if self.link_health == self.LinkHealth.BROKEN else None

    @property
    def archive_url(self) -> str:
        """The Wayback Machine's copies of the link, for when it no longer answers."""
        return f"https://web.archive.org/web/*/{self.url}"


class LinkCheck(models.Model):
    """One check of an evidence link, kept as its history: what the site answered, or why not."""

    class Outcome(models.TextChoices):
        OK = "ok", "working"
        FAILED = "failed", "failed"
        REFUSED = "refused", "address refused"

    # No index of its own: the (evidence, checked_at) index below serves lookups by evidence.
    evidence = models.ForeignKey(
        Evidence, on_delete=models.CASCADE, related_name="link_checks", db_index=False
    )
    checked_at = models.DateTimeField()
    url = models.URLField(max_length=1000)  # the evidence's address when it was checked
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    method = models.CharField(max_length=4, blank=True)  # HEAD, or GET when HEAD was refused
    error = models.CharField(max_length=300, blank=True)
    final_url = models.URLField(max_length=1000, blank=True)  # where redirects led, if elsewhere
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        indexes = [
            models.Index(fields=["evidence", "-checked_at"], name="linkcheck_evidence_at_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.checked_at:%Y-%m-%d %H:%M})"

    @property
    def ok(self) -> bool:
        return self.outcome == self.Outcome.OK


class ClaimEvent(models.Model):
    """The claim's timeline: one row per change of state, written by `claims.workflow`."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        SUBMITTED = "submitted", _("submitted for review")
        SENT_BACK = "sent_back", _("sent back to draft")
        PUBLISHED = "published", _("verdict published")
        FELL_DUE = "fell_due", _("deadline passed")
        EXTENDED = "extended", _("deadline extended")
        RESOLVED = "resolved", _("outcome recorded")
        RETRACTED = "retracted", _("retracted")
        ASSIGNED = "assigned", _("reviewer assigned")
        IMPORTED = "imported", _("fact-check imported")
        CORRECTED = "corrected", _("verdict corrected")

    # What the public timeline shows; the rest is for the newsroom.
    PUBLIC_KINDS = (
        Kind.PUBLISHED,
        Kind.FELL_DUE,
        Kind.EXTENDED,
        Kind.RESOLVED,
        Kind.RETRACTED,
        Kind.IMPORTED,
        Kind.CORRECTED,
    )

    # No index of its own: the (claim, at) index below serves lookups by claim.
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="events", db_index=False
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, null=True, blank=True)
    message = models.CharField(max_length=500)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"


class Notification(models.Model):
    """An e-mail owed (an outbox row), written in the same transaction as its cause and composed
    when it is sent (see `claims.notifications`).

    The unique constraint is what makes "told once" hold: a claim gets one fell-due and one reminder
    notice per deadline, however many sweeps run.
    """

    class Kind(models.TextChoices):
        FELL_DUE = "fell_due", "deadline passed"
        REMINDER = "reminder", "deadline coming up"

    # No index of its own: the unique (claim, kind, deadline) index serves lookups by claim.
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="notifications", db_index=False
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    deadline = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.JSONField(null=True, blank=True, help_text="Who was told, once sent.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "kind", "deadline"], name="notification_once_per_deadline"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="notification_unsent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: claim #{self.claim_id} ({self.deadline:%Y-%m-%d})"


# --- What is never erased ------------------------------------------------------------------------
# A backstop under the admin's and the API's own refusals: whatever asks (a queryset's delete, a
# shell, a cascade), a published verdict, its corrections and a public claim stay. A claim is
# retracted instead (claims.workflow.retract).


@receiver(pre_delete, sender=Verdict, dispatch_uid="keep-published-verdicts")
def _keep_published_verdicts(sender, instance: Verdict, **kwargs) -> None:
    if instance.status == Verdict.Status.PUBLISHED:
        raise ProtectedError(
            f"verdict #{instance.pk} is published and can never be deleted; "
            "publish a new verdict or issue a correction instead.",
            {instance},
        )


@receiver(pre_delete, sender=Correction, dispatch_uid="keep-corrections")
def _keep_corrections(sender, instance: Correction, **kwargs) -> None:
    raise ProtectedError(
        f"correction #{instance.pk} is public and can never be deleted.", {instance}
    )


@receiver(pre_delete, sender=Claim, dispatch_uid="keep-public-claims")
def _keep_public_claims(sender, instance: Claim, **kwargs) -> None:
    if instance.status != Claim.Status.DRAFT:
        raise ProtectedError(
            f"claim #{instance.pk} is {instance.get_status_display()} and can never be deleted; "
            "a published claim is retracted instead.",
            {instance},
        )


# --- Article intake -----------------------------------------------------------------------------


class ArticleImport(models.Model):
    """How an article came in and where its import stands: queued → fetching → extracting → done,
    or failed with a reason an editor can act on."""

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        FETCHING = "fetching", "fetching"
        EXTRACTING = "extracting", "extracting"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    RUNNING_STATES = (State.QUEUED, State.FETCHING, State.EXTRACTING)

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="intake")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.CharField(max_length=500, blank=True)
    requested_url = WebURLField(max_length=2000, blank=True, help_text="The URL as given.")
    pasted = models.TextField(blank=True, help_text="Text or HTML pasted by the editor.")
    content_hash = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="SHA-256 of pasted content."
    )
    published_given = models.BooleanField(
        default=False, help_text="The editor gave the date: the page's own date does not win."
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When it entered its state: a running import whose worker died, or a queued one whose message
    # was lost, is found by its age and taken up again (claims.intake.stalled_imports).
    state_since = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["state_since"],
                name="import_running_idx",
                condition=Q(state__in=["queued", "fetching", "extracting"]),
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} ({self.get_state_display()})"

    @property
    def is_running(self) -> bool:
        return self.state in self.RUNNING_STATES


class Suggestion(models.Model):
    """A sentence the extraction thinks worth checking. Kept per article and quote, so that a
    rejection survives re-imports."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        ACCEPTED = "accepted", "accepted"
        REJECTED = "rejected", "rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    statement = models.TextField()
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    claimant_name = models.CharField(max_length=200, blank=True)
    reported_by = models.CharField(max_length=200, blank=True)
    deadline = models.DateField(null=True, blank=True)
    deadline_expression = models.CharField(max_length=200, blank=True)
    score = models.FloatField()
    reasons = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    similar_claim = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claim = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "quote"], name="suggestion_once_per_quote"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="suggestion_span"),
        ]

    def __str__(self) -> str:
        return self.statement[:80]
