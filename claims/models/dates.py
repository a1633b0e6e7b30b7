"""How the newsroom's dates read: a date as precisely as it is known, and a deadline that may be
approximate."""

from __future__ import annotations

import datetime as dt
import functools

from django.db import models
from django.utils import formats, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.deadlines import Precision, format_day


class DatePrecision(models.TextChoices):
    DAY = Precision.DAY.value, _("day")
    MONTH = Precision.MONTH.value, _("month")
    YEAR = Precision.YEAR.value, _("year")


def format_partial_date(day: dt.date | None, precision: str) -> str:
    """A date as precisely as it is known, in the active language's format: '31 Jul 2019',
    'July 2019' or '2019' in British English, '31 juillet 2019' or 'juillet 2019' in French."""
    if day is None:
        return gettext("date unknown")
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return formats.date_format(day, "DATE_FORMAT")


def format_deadline(deadline: dt.date | None, approximate: bool) -> str:
    """'29 September 2019 at the latest' for an approximate deadline, else the day, in the
    active language."""
    return _format_deadline(deadline, approximate, translation.get_language())


@functools.lru_cache(maxsize=4096)  # the sweep formats thousands of the same few days
def _format_deadline(deadline: dt.date | None, approximate: bool, language: str | None) -> str:
    if deadline is None:
        return ""
    if approximate:
        return gettext("%(day)s at the latest") % {"day": format_day(deadline)}
    return format_day(deadline)
