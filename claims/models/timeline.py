"""What happened to a claim, and whom to tell: its timeline (ClaimEvent) and its outbox
(Notification)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from claims.models.claim import Claim
from claims.models.verdict import Verdict


class ClaimEvent(models.Model):
    """The claim's timeline: one row per change of state, written by `claims.workflow`."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        SUBMITTED = "submitted", _("submitted for review")
        SENT_BACK = "sent_back", _("sent back to draft")
        WITHDRAWN = "withdrawn", _("withdrawn by its author")
        PUBLISHED = "published", _("verdict published")
        FELL_DUE = "fell_due", _("deadline passed")
        EXTENDED = "extended", _("deadline extended")
        RESOLVED = "resolved", _("outcome recorded")
        RETRACTED = "retracted", _("retracted")
        ASSIGNED = "assigned", _("reviewer assigned")
        IMPORTED = "imported", _("fact-check imported")
        CORRECTED = "corrected", _("verdict corrected")
        UPDATED = "updated", _("page updated")

    # What the public timeline shows; the rest is for the newsroom.
    PUBLIC_KINDS = (
        Kind.PUBLISHED,
        Kind.FELL_DUE,
        Kind.EXTENDED,
        Kind.RESOLVED,
        Kind.RETRACTED,
        Kind.IMPORTED,
        Kind.CORRECTED,
        Kind.UPDATED,
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
    notice per deadline, however many sweeps run. A sender claims the row before sending it (one
    more attempt, and `claimed_until` for its lease), so no other sender takes it meanwhile.
    """

    class Kind(models.TextChoices):
        FELL_DUE = "fell_due", "deadline passed"
        REMINDER = "reminder", "deadline coming up"
        MENTION = "mention", "mentioned in a note"

    # No index of its own: the unique (claim, kind, deadline) index serves lookups by claim.
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="notifications", db_index=False
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    deadline = models.DateField(null=True, blank=True, help_text="Its deadline, if about one.")
    # A mention: the note, and the one person it is for.
    note = models.ForeignKey(
        "claims.Note", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.JSONField(null=True, blank=True, help_text="Who was told, once sent.")
    # Defaults in the database too: the sweep inserts its rows in bulk, naming only its columns.
    attempts = models.PositiveSmallIntegerField(
        default=0, db_default=0, help_text="How many times a sender has taken it."
    )
    claimed_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Unsent: not taken by another sender before this time (it is being sent, or "
        "waits after a refusal).",
    )
    last_error = models.CharField(
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text="Why the last send failed, if it did.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "kind", "deadline"], name="notification_once_per_deadline"
            ),
            models.UniqueConstraint(
                fields=["note", "recipient"],
                condition=Q(note__isnull=False),
                name="notification_mention_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="notification_unsent"
            )
        ]

    def __str__(self) -> str:
        about = f" ({self.deadline:%Y-%m-%d})" if self.deadline else ""
        return f"{self.get_kind_display()}: claim #{self.claim_id}{about}"
