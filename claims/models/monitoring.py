"""Media monitoring: the news feeds the newsroom watches, and the follow-up reports found in the
news for watched and due claims."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.models.claim import Claim
from claims.models.newsroom import Article, Source
from factcheck.lib.weburl import WebURLField


class MonitoredFeed(models.Model):
    """An RSS, Atom or JSON Feed, or a news sitemap, polled for new articles
    (claims/intake/feeds.py). A feed that fails is polled again later and later (`next_poll_at`),
    never in a tight loop."""

    url = WebURLField(_("feed address"), max_length=1000, unique=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="feeds", verbose_name=_("source")
    )
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("BCP 47 code, e.g. en, ar")
    )
    active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Fictional, made for the demo.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # What the poller keeps between polls: the validators for a conditional GET, when it may
    # poll again, and how it has been failing.
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(_("next poll"), default=timezone.now, editable=False)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    failures_in_a_row = models.PositiveSmallIntegerField(
        _("failures in a row"), default=0, editable=False
    )
    last_error = models.CharField(_("last error"), max_length=500, blank=True, editable=False)
    # Set while a run polls the feed, so that another run leaves it alone.
    poll_started_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("monitored feed")
        verbose_name_plural = _("monitored feeds")
        ordering = ["source__name", "url"]
        indexes = [
            models.Index(fields=["next_poll_at"], name="feed_due_idx", condition=Q(active=True))
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="feed_url_is_http",
                violation_error_message=_("Feed addresses must start with http:// or https://."),
            )
        ]

    def __str__(self) -> str:
        return self.url

    @property
    def is_failing(self) -> bool:
        return self.failures_in_a_row >= settings.FEED_FAILING_AFTER


class FollowUpQuerySet(models.QuerySet):
    def offered(self) -> FollowUpQuerySet:
        """Follow-ups still offered or taken, not dismissed, best first, with their article."""
        return (
            self.exclude(status=FollowUp.Status.DISMISSED)
            .select_related("article__source")
            .order_by("-score", "pk")
        )

    def open(self) -> FollowUpQuerySet:
        """Follow-ups nobody has decided on yet."""
        return self.filter(status=FollowUp.Status.NEW)


class FollowUp(models.Model):
    """An article that may settle a watched or due claim: the sentence that says so, and how
    well it matches (claims/intake/followups.py). Decided once: accepted as evidence, or
    dismissed, and never offered again."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        DISMISSED = "dismissed", _("dismissed")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="follow_ups")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="follow_ups")
    sentence = models.TextField(max_length=2000)
    score = models.FloatField()
    # Which of who, what, where matched, in words for the reviewer ("who, what, where").
    matched = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    found_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "article"],
                name="follow_up_once_per_article",
                violation_error_message=_("This article is already a follow-up of this claim."),
            ),
            models.CheckConstraint(
                condition=Q(status="new") | Q(decided_at__isnull=False),
                name="follow_up_decision_dated",
            ),
        ]
        indexes = [
            models.Index(
                fields=["claim", "-score"], name="follow_up_open_idx", condition=Q(status="new")
            )
        ]

    def __str__(self) -> str:
        return self.sentence[:80]
