"""The words of a deadline's explanation, in the language being spoken.

The reader is pure Python but for this module: an explanation ("“in the next 60 days” → 31 July
2019 + 60 days → 29 September 2019") is read by editors and by the public in their language, so
its words go through Django's gettext and its dates through Django's locale formats. English keeps
the newsroom's long form ("29 September 2019") whatever the locale's short one.
"""

from __future__ import annotations

from datetime import date

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _english() -> bool:
    return (translation.get_language() or "en").startswith("en")


def format_day(day: date) -> str:
    """A day as the language writes it: '29 September 2019', '29 septembre 2019'."""
    if _english():
        return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return formats.date_format(day, "DATE_FORMAT")


def month_year(day: date) -> str:
    """'September 2019', 'septembre 2019'."""
    if _english():
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


# A part of a month or year, wrapped around the span it is part of ("early %(span)s").
_PARTS = {
    "early": pgettext_lazy("part of a month or year", "early %(span)s"),
    "mid": pgettext_lazy("part of a month or year", "mid %(span)s"),
    "late": pgettext_lazy("part of a month or year", "late %(span)s"),
}


def part_of(part: str | None, span: str) -> str:
    """'early March 2019' for part 'early' of 'March 2019'; the span itself for none or 'end'."""
    template = _PARTS.get(part or "")
    return str(template) % {"span": span} if template else span


def quarter(number: int, year: int) -> str:
    return {
        1: _("first quarter of %(year)s"),
        2: _("second quarter of %(year)s"),
        3: _("third quarter of %(year)s"),
        4: _("fourth quarter of %(year)s"),
    }[number] % {"year": year}


def half(number: int, year: int) -> str:
    template = _("first half of %(year)s") if number == 1 else _("second half of %(year)s")
    return template % {"year": year}


def next_weekday(weekday: int, after: date) -> str:
    """'the next Friday after 3 May 2024'."""
    return _("the next %(weekday)s after %(day)s") % {
        "weekday": formats.date_format(_monday_plus(weekday), "l"),
        "day": format_day(after),
    }


def _monday_plus(weekday: int) -> date:
    return date(2024, 1, 1 + weekday)  # 1 January 2024 was a Monday


def week_of(monday: date) -> str:
    return _("the week of %(day)s") % {"day": format_day(monday)}


def day_after_publication() -> str:
    return _("the day after publication")


def day_of_publication() -> str:
    return _("the day of publication")


def amount(count: float, unit: str) -> str:
    """'60 days', '1 working day', '2.5 years'."""
    number = int(count) if count == int(count) else count
    shown = str(number) if isinstance(number, int) else formats.number_format(number, 1)
    plural = int(number) if isinstance(number, int) else 2
    words = {
        "hour": ngettext("%(n)s hour", "%(n)s hours", plural),
        "day": ngettext("%(n)s day", "%(n)s days", plural),
        "workday": ngettext("%(n)s working day", "%(n)s working days", plural),
        "week": ngettext("%(n)s week", "%(n)s weeks", plural),
        "month": ngettext("%(n)s month", "%(n)s months", plural),
        "year": ngettext("%(n)s year", "%(n)s years", plural),
    }
    return words[unit] % {"n": shown}


def vague(expression: str) -> str:
    return _('"%(expression)s" → vague: no date') % {"expression": expression}


def counted(expression: str, start: date, latest: bool, count: float, unit: str, end: date) -> str:
    """'"in the next 60 days" → 31 July 2019 + 60 days → 29 September 2019'."""
    if latest:
        template = _(
            '"%(expression)s" → %(start)s (latest possible publication day) + %(amount)s → %(end)s'
        )
    else:
        template = _('"%(expression)s" → %(start)s + %(amount)s → %(end)s')
    return template % {
        "expression": expression,
        "start": format_day(start),
        "amount": amount(count, unit),
        "end": format_day(end),
    }


def day_before(day: date) -> str:
    return _("the day before %(day)s") % {"day": format_day(day)}


def last_day_of(span: str) -> str:
    return _("the last day of %(span)s") % {"span": span}


def counted_from_latest(how: str, latest: date) -> str:
    return _("%(how)s, counted from %(day)s (latest possible publication day)") % {
        "how": how,
        "day": format_day(latest),
    }


def named(expression: str, how: str, end: date) -> str:
    """'“by the end of March” → the last day of March 2019 → 31 March 2019', or without the last
    step when `how` is the day itself."""
    if how == format_day(end):
        return _('"%(expression)s" → %(how)s') % {"expression": expression, "how": how}
    return _('"%(expression)s" → %(how)s → %(end)s') % {
        "expression": expression,
        "how": how,
        "end": format_day(end),
    }
