"""Article intake: how an article came in and where its import stands, and the claims suggested
from it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from claims.models.claim import Claim
from claims.models.monitoring import MonitoredFeed
from claims.models.newsroom import Article
from factcheck.lib.weburl import WebURLField


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
    # The monitored feed the article was found in ("From monitored news"); none for an editor's.
    feed = models.ForeignKey(
        MonitoredFeed, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
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
