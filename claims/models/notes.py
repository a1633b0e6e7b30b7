"""Internal notes on a claim: short words between the newsroom's staff, with @mentions. Never
public: no page, feed or API field of the public shows them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.claim import Claim


class Note(models.Model):
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="notes", verbose_name=_("claim")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="notes_written",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    mentioned = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="notes_mentioning",
        verbose_name=_("mentioned"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["claim", "created_at"], name="note_claim_idx")]

    def __str__(self) -> str:
        return self.text[:80]
