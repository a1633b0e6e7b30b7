"""Proposed changes to what a public claim's page shows: its evidence, its article, its words.
One person proposes, a second with the right to publish approves or refuses (four eyes); the row
is kept either way, and an approval puts a dated "updated" note on the public page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models import wording
from claims.models.claim import Claim
from claims.models.evidence import Evidence
from claims.models.newsroom import Article


class ChangeProposal(models.Model):
    class Kind(models.TextChoices):
        ADD_EVIDENCE = "add_evidence", _("evidence added")
        CHANGE_EVIDENCE = "change_evidence", _("evidence changed")
        REMOVE_EVIDENCE = "remove_evidence", _("evidence removed")
        CHANGE_CLAIM = "change_claim", _("claim reworded")
        CHANGE_ARTICLE = "change_article", _("article changed")

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    # The claim whose page changes; an article's change is proposed for its public claims' pages.
    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("claim"),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("article"),
    )
    evidence = models.ForeignKey(
        Evidence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("evidence"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # The new values, field by field ({} to remove), and what they were, for the approver to see.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    summary = models.CharField(
        _("summary"), max_length=500, help_text=_("What changes, as readers will read it.")
    )
    # The summary as a sentence of claims/models/wording.py, written in the reader's language;
    # `summary` holds it in the site's.
    summary_key = models.CharField(_("summary key"), max_length=30, blank=True, default="")
    summary_values = models.JSONField(_("summary values"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="changes_proposed",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes_decided",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=500, blank=True, help_text=_("Why it was refused.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        ordering = ["proposed_at", "pk"]
        indexes = [
            models.Index(
                fields=["claim"], condition=Q(status="open"), name="proposal_open_claim_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")),
                name="proposal_four_eyes",
                violation_error_message=_("Nobody approves or refuses their own proposal."),
            ),
            models.CheckConstraint(
                condition=Q(claim__isnull=False) | Q(article__isnull=False),
                name="proposal_has_a_page",
            ),
        ]

    def __str__(self) -> str:
        return self.summary_shown

    @property
    def summary_shown(self) -> str:
        """The summary in the language being spoken (a proposal from before the keys: as it was
        written)."""
        if self.summary_key in wording.TEXTS:
            return wording.render(self.summary_key, self.summary_values)
        return self.summary

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
