"""Webhooks: the addresses staff registered, what is owed to each (deliveries) and every try.

A `Delivery` is an outbox row, written in the transaction of the change it announces (see
`webhooks.outbox`) and sent afterwards by a Celery task (`webhooks.delivery`); an `Attempt` is one
POST of it, kept with what the receiver answered.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    VERDICT_PUBLISHED = "verdict.published", _("verdict published")
    CLAIM_FELL_DUE = "claim.fell_due", _("claim fell due")
    CLAIM_RESOLVED = "claim.resolved", _("claim resolved")
    VERDICT_CORRECTED = "verdict.corrected", _("verdict corrected")
    PING = "ping", _("test event")

    @classmethod
    def subscribable(cls) -> list[tuple[str, str]]:
        """The events a webhook can ask for (a test event goes to whoever asks for one)."""
        return [(value, label) for value, label in cls.choices if value != cls.PING]


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(models.Model):
    """An address that is sent a signed JSON POST when one of its events happens."""

    url = models.URLField(
        _("payload URL"),
        max_length=1000,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Where the events are POSTed, e.g. https://cms.example/hooks/factcheck."),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    events = models.JSONField(_("events"), default=list, help_text=_("The events it is sent."))
    secret = models.CharField(
        _("secret"),
        max_length=64,
        default=new_secret,
        editable=False,
        help_text=_("Signs each delivery: the receiver checks the signature with it."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Switched off, it is sent nothing and records nothing."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="webhook_url_is_http",
                violation_error_message=_("A webhook's address starts with https:// or http://."),
            )
        ]

    def __str__(self) -> str:
        return self.description or self.url

    def wants(self, event: str) -> bool:
        return event in self.events


class Delivery(models.Model):
    """An event owed to a webhook, with its payload as it was when the event happened.

    Unique per webhook, event and `event_key` (which verdict, or which claim and deadline), so an
    event is recorded once however many sweeps run; a redelivery is a new row pointing at the
    one it repeats, with a delivery id of its own.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("webhook")
    )
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    event_key = models.CharField(
        _("event key"),
        max_length=100,
        blank=True,
        help_text=_("What it is about: 'verdict-12', 'claim-3-2024-01-29'"),
    )
    claim = models.ForeignKey(
        "claims.Claim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("claim"),
    )
    payload = models.JSONField(_("payload"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"),
        null=True,
        blank=True,
        help_text=_("When it is tried next; empty once it is finished."),
    )
    last_result = models.CharField(_("last result"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    redelivery_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="redeliveries",
        verbose_name=_("redelivery of"),
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        permissions = [("redeliver_delivery", "Can send a webhook delivery again")]
        constraints = [
            models.UniqueConstraint(
                fields=["webhook", "event", "event_key"],
                condition=Q(redelivery_of__isnull=True) & ~Q(event_key=""),
                name="delivery_once_per_event",
            ),
            models.CheckConstraint(
                condition=~Q(state="pending") | Q(next_attempt_at__isnull=False),
                name="delivery_pending_has_next_attempt",
            ),
        ]
        indexes = [
            # What the delivery task takes next.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="delivery_pending_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event} → {self.webhook}"


class Attempt(models.Model):
    """One POST of a delivery: when, how long, and what came back (a status, or why none)."""

    # No index of its own: the unique (delivery, number) index serves lookups by delivery.
    delivery = models.ForeignKey(
        Delivery,
        on_delete=models.CASCADE,
        related_name="attempt_log",
        db_index=False,
        verbose_name=_("delivery"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    at = models.DateTimeField(_("at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="attempt_number_once")
        ]

    def __str__(self) -> str:
        return gettext("attempt %(number)s of delivery #%(delivery)s") % {
            "number": self.number,
            "delivery": self.delivery_id,
        }
