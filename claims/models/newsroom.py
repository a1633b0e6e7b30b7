"""Who and where: outlets, claimants (with their other spellings), topics and articles."""

from __future__ import annotations

import datetime as dt

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.deadlines import Precision, latest_possible_day
from claims.models.dates import DatePrecision, format_partial_date
from factcheck.lib.weburl import WebURLField


class Source(models.Model):
    """An outlet or publisher."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    homepage = WebURLField(_("homepage"), blank=True)
    domain = models.CharField(_("domain"), max_length=200, blank=True, db_index=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code")
    )
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("BCP 47 code, e.g. en, ar")
    )
    is_demo = models.BooleanField(
        _("is demo"), default=False, help_text=_("Fictional, made for the demo.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Claimant(models.Model):
    """Who made a claim. Other spellings of the name are kept as aliases."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    same_as = WebURLField(
        _("same as"),
        blank=True,
        help_text=_("A page that identifies the person, e.g. Wikidata."),
    )
    is_demo = models.BooleanField(
        _("is demo"), default=False, help_text=_("Fictional, made for the demo.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claimant")
        verbose_name_plural = _("claimants")
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.affiliation) if part)


class Topic(models.Model):
    """What a claim is about ("Borders", "Public finances"), for readers to follow a subject."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimantAlias(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    claimant = models.ForeignKey(
        Claimant, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("claimant")
    )

    class Meta:
        verbose_name = _("claimant alias")
        verbose_name_plural = _("claimant aliases")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """A published piece in which claims appear. Its date may be known only to month or year."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="articles", verbose_name=_("source")
    )
    url = WebURLField(_("canonical URL"), max_length=1000, unique=True, null=True, blank=True)
    headline = models.CharField(_("headline"), max_length=500)
    byline = models.CharField(_("byline"), max_length=300, blank=True)
    published_on = models.DateField(
        _("published on"),
        null=True,
        blank=True,
        help_text=_("For a date known to the month, the 1st of that month."),
    )
    published_precision = models.CharField(
        _("published precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    text = models.TextField(_("text"), max_length=5_000_000, blank=True)  # a fetched page's cap
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_demo = models.BooleanField(_("is demo"), default=False)

    history = HistoricalRecords(excluded_fields=["text"])  # the text is the source's, not ours

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["-published_on"])]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        """Save, and give the article's claims its date: the database checks their deadlines
        against it, so a date after one of them is refused and nothing changes."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.claims.exclude(stated_on=self.published_on).update(stated_on=self.published_on)

    @property
    def published_display(self) -> str:
        return format_partial_date(self.published_on, self.published_precision)

    @property
    def published_latest(self) -> dt.date | None:
        """The latest day the article can have been published on."""
        if self.published_on is None:
            return None
        return latest_possible_day(self.published_on, Precision(self.published_precision))
