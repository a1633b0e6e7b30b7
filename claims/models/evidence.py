"""Evidence: the links a reviewer found, the history of their checks, and the readable copy
kept of each page."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.claim import Claim
from factcheck.lib.weburl import WebURLField


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

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("claim")
    )
    url = WebURLField(_("URL"), max_length=1000)
    title = models.CharField(_("title"), max_length=300)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    stance = models.CharField(_("stance"), max_length=10, choices=Stance.choices)
    excerpt = models.TextField(_("excerpt"), max_length=5000, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    link_health = models.CharField(
        _("link health"),
        max_length=10,
        choices=LinkHealth.choices,
        default=LinkHealth.UNCHECKED,
        editable=False,
    )
    link_checked_at = models.DateTimeField(
        _("link checked at"), null=True, blank=True, editable=False
    )
    # Checks failed in a row, and when the first of them was: "broken since" once enough have
    # failed (claims/evidence/linkcheck.py has the rule). A working answer clears both.
    link_failures = models.PositiveSmallIntegerField(_("link failures"), default=0, editable=False)
    link_failing_since = models.DateTimeField(
        _("link failing since"), null=True, blank=True, editable=False
    )
    # Set while a worker checks the link, so that another one leaves it alone.
    link_check_started_at = models.DateTimeField(
        _("link check started at"), null=True, blank=True, editable=False
    )

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
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["published_on", "added_at"]
        indexes = [models.Index(fields=["link_checked_at"], name="evidence_link_checked_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "url"],
                name="evidence_url_once_per_claim",
                violation_error_message=_("This link is already evidence for this claim."),
            ),
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="evidence_url_is_http",
                violation_error_message=_("Evidence links must start with http:// or https://."),
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
            # A copy of the old address's page is no copy of the new one: one is owed again.
            EvidenceSnapshot.objects.filter(evidence=self).delete()
        super().save(*args, **kwargs)

    @property
    def link_broken_since(self) -> dt.datetime | None:
        return self.link_failing_since if self.link_health == self.LinkHealth.BROKEN else None

    @property
    def archived_copy(self) -> EvidenceSnapshot | None:
        """The readable copy kept of the page, if one was (claims/evidence/snapshots.py)."""
        try:
            snapshot = self.snapshot
        except EvidenceSnapshot.DoesNotExist:
            return None
        return snapshot if snapshot.ok else None

    @property
    def archived_copy_path(self) -> str:
        """Where the public site shows the copy (a published claim's evidence only)."""
        return reverse("claims:archived-copy", args=[self.claim_id, self.pk])

    @property
    def archive_url(self) -> str:
        """The Wayback Machine's copies of the link, for when it no longer answers."""
        return f"https://web.archive.org/web/*/{self.url}"


class LinkCheck(models.Model):
    """One check of an evidence link, kept as its history: what the site answered, or why not."""

    class Outcome(models.TextChoices):
        OK = "ok", _("working")
        FAILED = "failed", _("failed")
        REFUSED = "refused", _("address refused")

    # No index of its own: the (evidence, checked_at) index below serves lookups by evidence.
    evidence = models.ForeignKey(
        Evidence,
        on_delete=models.CASCADE,
        related_name="link_checks",
        db_index=False,
        verbose_name=_("evidence"),
    )
    checked_at = models.DateTimeField(_("checked at"))
    # The evidence's address when it was checked.
    url = models.URLField(_("URL"), max_length=1000)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    # HEAD, or GET when HEAD was refused.
    method = models.CharField(_("method"), max_length=4, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # Where redirects led, if elsewhere.
    final_url = models.URLField(_("final URL"), max_length=1000, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["-checked_at", "-pk"]
        indexes = [
            models.Index(fields=["evidence", "-checked_at"], name="linkcheck_evidence_at_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.checked_at:%Y-%m-%d %H:%M})"

    @property
    def ok(self) -> bool:
        return self.outcome == self.Outcome.OK


class EvidenceSnapshot(models.Model):
    """The page behind an evidence link as it was when the evidence was attached: its readable
    text (never its HTML), what the site answered, and the SHA-256 of the bytes it sent, kept
    once so that readers still have it when the link breaks (claims/evidence/snapshots.py).
    A failed attempt keeps its error and is tried again a few times."""

    evidence = models.OneToOneField(Evidence, on_delete=models.CASCADE, related_name="snapshot")
    url = models.URLField(max_length=1000)  # the evidence's address when it was fetched
    final_url = models.URLField(max_length=1000, blank=True)  # where redirects led
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)  # capped at SNAPSHOT_MAX_CHARS
    truncated = models.BooleanField(default=False)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=1)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("evidence snapshot")
        verbose_name_plural = _("evidence snapshots")
        indexes = [
            models.Index(fields=["fetched_at"], name="snapshot_failed_idx", condition=~Q(error=""))
        ]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def ok(self) -> bool:
        """A readable copy was kept."""
        return not self.error and bool(self.text)
