"""What happened to a claim, and whom to tell: its timeline (ClaimEvent) and its outbox
(Notification)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.models import wording
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
        Claim,
        on_delete=models.CASCADE,
        related_name="events",
        db_index=False,
        verbose_name=_("claim"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("actor"),
    )
    verdict = models.ForeignKey(
        Verdict, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("verdict")
    )
    # In the site's language, as it was written; `text_key` and `text_values`, when set, write it
    # in the reader's (claims/models/wording.py). Rows from before the keys have the message only,
    # and so do the newsroom's own words (a retraction's reason, a correction's note).
    message = models.CharField(_("message"), max_length=500)
    # Defaults in the database too: a writer naming only the older columns (the sweep's bulk
    # insert, before a deploy reaches it) writes a plain message.
    text_key = models.CharField(_("text key"), max_length=30, blank=True, default="", db_default="")
    text_values = models.JSONField(
        _("text values"), default=dict, blank=True, db_default=models.Value({}, models.JSONField())
    )

    class Meta:
        verbose_name = _("claim event")
        verbose_name_plural = _("claim events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def text(self) -> str:
        """What the entry says, in the language being spoken where it has a key."""
        if self.text_key in wording.TEXTS:
            return self.cut(wording.render(self.text_key, self.text_values))
        return self.message

    @classmethod
    def cut(cls, text: str) -> str:
        """`text` cut to what the timeline keeps: a long reason or note is kept whole where it
        belongs (the claim's retraction, the correction)."""
        limit = cls._meta.get_field("message").max_length
        return text if len(text) <= limit else text[: limit - 1] + "…"


class Notification(models.Model):
    """An e-mail owed (an outbox row), written in the same transaction as its cause and composed
    when it is sent (see `claims.notifications`).

    The unique constraint is what makes "told once" hold: a claim gets one fell-due and one reminder
    notice per deadline, however many sweeps run. A sender claims the row before sending it (one
    more attempt, and `claimed_until` for its lease), so no other sender takes it meanwhile.
    """

    class Kind(models.TextChoices):
        FELL_DUE = "fell_due", _("deadline passed")
        REMINDER = "reminder", _("deadline coming up")
        MENTION = "mention", _("mentioned in a note")

    # No index of its own: the unique (claim, kind, deadline) index serves lookups by claim.
    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,
        verbose_name=_("claim"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Its deadline, if about one.")
    )
    # A mention: the note, and the one person it is for.
    note = models.ForeignKey(
        "claims.Note",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("note"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.JSONField(
        _("recipients"), null=True, blank=True, help_text=_("Who was told, once sent.")
    )
    # Defaults in the database too: the sweep inserts its rows in bulk, naming only its columns.
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, db_default=0, help_text=_("How many times a sender has taken it.")
    )
    claimed_until = models.DateTimeField(
        _("claimed until"),
        null=True,
        blank=True,
        help_text=_(
            "Unsent: not taken by another sender before this time (it is being sent, or "
            "waits after a refusal)."
        ),
    )
    last_error = models.CharField(
        _("last error"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_("Why the last send failed, if it did."),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
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
        kind = self.get_kind_display()
        if self.deadline:
            return gettext("%(kind)s: claim #%(claim)s (%(deadline)s)") % {
                "kind": kind,
                "claim": self.claim_id,
                "deadline": f"{self.deadline:%Y-%m-%d}",
            }
        return gettext("%(kind)s: claim #%(claim)s") % {"kind": kind, "claim": self.claim_id}
