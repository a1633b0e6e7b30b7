"""Article intake: how an article came in and where its import stands, and the claims suggested
from it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from claims.models.claim import Claim
from claims.models.monitoring import MonitoredFeed
from claims.models.newsroom import Article
from factcheck.lib.weburl import WebURLField

# What the scorer (claims/intake/checkworthy.py, pure Python) gives as reasons: stored as these
# codes, shown in the reader's language.
REASONS = {
    "deadline": pgettext_lazy("suggestion reason", "deadline"),
    "vague deadline": pgettext_lazy("suggestion reason", "vague deadline"),
    "promise or prediction": pgettext_lazy("suggestion reason", "promise or prediction"),
    "number": pgettext_lazy("suggestion reason", "number"),
    "attributed": pgettext_lazy("suggestion reason", "attributed"),
    "a named person's promise": pgettext_lazy("suggestion reason", "a named person's promise"),
    "reported": pgettext_lazy("suggestion reason", "reported"),
    "statement": pgettext_lazy("suggestion reason", "statement"),
    "opinion": pgettext_lazy("suggestion reason", "opinion"),
    "hedged": pgettext_lazy("suggestion reason", "hedged"),
    "question": pgettext_lazy("suggestion reason", "question"),
    "short": pgettext_lazy("suggestion reason", "short"),
}


class ArticleImport(models.Model):
    """A request to import an article and where it stands: queued → fetching → extracting → done,
    or failed with a reason an editor can act on. The article (and a new source) is made only
    when the import succeeds, so a failed import leaves no article behind."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        FETCHING = "fetching", _("fetching")
        EXTRACTING = "extracting", _("extracting")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    RUNNING_STATES = (State.QUEUED, State.FETCHING, State.EXTRACTING)

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        related_name="intake",
        null=True,
        blank=True,
        verbose_name=_("article"),
        help_text=_("Made when the import succeeds."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.CharField(_("error"), max_length=500, blank=True)
    requested_url = WebURLField(
        _("address as given"), max_length=2000, blank=True, help_text=_("The URL as given.")
    )
    url = WebURLField(
        _("canonical URL"),
        max_length=1000,
        blank=True,
        help_text=_("The address without tracking parameters: the article's, once imported."),
    )
    pasted = models.TextField(
        _("pasted"), blank=True, help_text=_("Text or HTML pasted by the editor.")
    )
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("SHA-256 of pasted content."),
    )
    source_name = models.CharField(
        _("source name"),
        max_length=200,
        blank=True,
        help_text=_("The outlet's name as given, if it was."),
    )
    published_on = models.DateField(
        _("published on"),
        null=True,
        blank=True,
        help_text=_("Given by who asked: the page's own date does not win."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("requested by"),
    )
    # The monitored feed the article was found in ("From monitored news"); none for an editor's.
    feed = models.ForeignKey(
        MonitoredFeed,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("feed"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When it entered its state: a running import whose worker died, or a queued one whose message
    # was lost, is found by its age and taken up again (claims.intake.stalled_imports).
    state_since = models.DateTimeField(_("state since"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("article import")
        verbose_name_plural = _("article imports")
        indexes = [
            models.Index(
                fields=["state_since"],
                name="import_running_idx",
                condition=Q(state__in=["queued", "fetching", "extracting"]),
            )
        ]
        # Two requests for the same article at once make one import: the second is refused and
        # pointed to the first, even when both pass the check before either is saved.
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=Q(state__in=["queued", "fetching", "extracting"]) & ~Q(url=""),
                name="import_running_once_per_url",
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=Q(state__in=["queued", "fetching", "extracting"]) & ~Q(content_hash=""),
                name="import_running_once_per_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_state_display()})"

    @property
    def label(self) -> str:
        """What was asked for: the article once there is one, else its address or first line."""
        if self.article_id is not None:
            return str(self.article)
        if self.url:
            return self.url
        first_line = self.pasted.strip().split("\n", 1)[0]
        return gettext("pasted: “%(line)s”") % {"line": first_line[:80]}

    @property
    def is_running(self) -> bool:
        return self.state in self.RUNNING_STATES


class Suggestion(models.Model):
    """A sentence the extraction thinks worth checking. Kept per article and quote, so that a
    rejection survives re-imports."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="suggestions", verbose_name=_("article")
    )
    statement = models.TextField(_("statement"))
    quote = models.TextField(_("quote"))
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    claimant_name = models.CharField(_("claimant name"), max_length=200, blank=True)
    reported_by = models.CharField(_("reported by"), max_length=200, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_expression = models.CharField(_("deadline expression"), max_length=200, blank=True)
    score = models.FloatField(_("score"))
    # The scorer's reasons, comma-separated, as codes (REASONS): shown in the reader's language.
    reasons = models.CharField(_("reasons"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    similar_claim = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("similar claim"),
    )
    claim = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("claim"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-score", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "quote"], name="suggestion_once_per_quote"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="suggestion_span"),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    @property
    def reasons_shown(self) -> str:
        """The scorer's reasons in the language being spoken (a reason it does not know, as
        stored)."""
        codes = [code for code in self.reasons.split(", ") if code]
        return ", ".join(str(REASONS.get(code, code)) for code in codes)
