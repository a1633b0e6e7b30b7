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


class Event(models.TextChoices):
    VERDICT_PUBLISHED = "verdict.published", "verdict published"
    CLAIM_FELL_DUE = "claim.fell_due", "claim fell due"
    CLAIM_RESOLVED = "claim.resolved", "claim resolved"
    VERDICT_CORRECTED = "verdict.corrected", "verdict corrected"
    PING = "ping", "test event"

    @classmethod
    def subscribable(cls) -> list[tuple[str, str]]:
        """The events a webhook can ask for (a test event goes to whoever asks for one)."""
        return [(value, label) for value, label in cls.choices if value != cls.PING]


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(models.Model):
    """An address that is sent a signed JSON POST when one of its events happens."""

    url = models.URLField(
        "payload URL",
        max_length=1000,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where the events are POSTed, e.g. https://cms.example/hooks/factcheck.",
    )
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list, help_text="The events it is sent.")
    secret = models.CharField(
        max_length=64,
        default=new_secret,
        editable=False,
        help_text="Signs each delivery: the receiver checks the signature with it.",
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Switched off, it is sent nothing and records nothing."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="webhook_url_is_http",
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
        PENDING = "pending", "pending"
        DELIVERED = "delivered", "delivered"
        FAILED = "failed", "failed"

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=20, choices=Event.choices)
    event_key = models.CharField(
        max_length=100, blank=True, help_text="What it is about: 'verdict-12', 'claim-3-2024-01-29'"
    )
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    payload = models.JSONField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="When it is tried next; empty once it is finished."
    )
    last_result = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    redelivery_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="redeliveries"
    )

    class Meta:
        verbose_name_plural = "deliveries"
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
        Delivery, on_delete=models.CASCADE, related_name="attempt_log", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    response_excerpt = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="attempt_number_once")
        ]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery #{self.delivery_id}"
