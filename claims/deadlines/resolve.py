"""Resolution: the span of days a matched expression names, counted from the publication date.

Pure Python. Calendar arithmetic follows shared/data/DEADLINES.md: months and years keep the day
of month (clamped to the month's end); a part of a named month ("early March", "أواخر أكتوبر")
ends with the month, so a claim falls due only when it can no longer come true in time.
"""

import math
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from claims.deadlines import words
from claims.deadlines.lang.base import (
    DATE,
    HALF,
    MONTH,
    PERIOD,
    QUARTER,
    RELATIVE,
    TODAY,
    TOMORROW,
    ULTIMATUM,
    WEEKDAY,
    YEAR,
)
from claims.deadlines.rules import CompiledLanguage, normalize
from claims.deadlines.words import format_day, month_year

MAX_YEARS_AHEAD = 100


class Unresolvable(ValueError):
    """A match whose words do not name a real day (e.g. 31 February, a year 3000)."""


@dataclass(frozen=True)
class Named:
    """The span of days an expression names, and how to say it."""

    start: date
    end: date
    label: str


def merge_groups(match: re.Match[str]) -> dict[str, str]:
    """Group values by base name ("day_2" counts as "day"), first matched wins; a later month
    of an alternative ("March or April") is kept as "later_month"."""
    merged: dict[str, str] = {}
    months = [v for n, v in match.groupdict().items() if v is not None and n.startswith("month")]
    for name, value in match.groupdict().items():
        base = name.split("_")[0]
        if value is not None and base not in merged:
            merged[base] = value
    if len(months) > 1:
        merged["later_month"] = months[-1]
    return merged


_DECIMAL_HALF = re.compile(r"(\d+)[.,\u066b]5")


def parse_number(text: str, cl: CompiledLanguage) -> float:
    """The value of digits ("5,000", "1.5") or number words ("one hundred and twenty", "two and
    a half"): an int, or a float for a half."""
    if half := _DECIMAL_HALF.fullmatch(text.strip()):
        return int(half[1]) + 0.5
    digits = re.sub(r"[^\d]", "", text)
    if digits:
        return int(digits)
    total = current = 0
    for word in cl.number_words.findall(text):
        value = cl.lookup(cl.lang.numbers, word) or 0
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current


def add_units(base: date, count: float, unit: str) -> date:
    """Calendar arithmetic: months and years keep the day of month, clamped to the month's end;
    hours count the whole days they span ("48 hours" = 2 days, "12 hours" = the same day).

    A fraction of a unit ("two and a half years") is counted in the next smaller one and rounded
    up to a whole day: half a year is 6 months, half a month 15 days, half a week 4 days.
    """
    if count > 400 * 365:
        raise Unresolvable(f"{count} {unit}s is too far ahead")
    whole = int(count)
    if unit == "hour":  # whole days gone by: an ultimatum under 24 hours ends on the day itself
        return base + timedelta(days=math.floor(count / 24))
    if unit == "workday":
        day, left = base, math.ceil(count)
        while left > 0:
            day += timedelta(days=1)
            left -= day.weekday() < 5
        return day
    if unit == "year":
        return base + relativedelta(months=math.ceil(count * 12))
    if unit == "month":
        return base + relativedelta(months=whole) + timedelta(days=math.ceil((count - whole) * 30))
    days = {"day": 1, "week": 7}[unit]
    return base + timedelta(days=math.ceil(count * days))


def relative_amount(g: dict[str, str], cl: CompiledLanguage) -> tuple[float, str]:
    """(count, canonical unit) of "60 days", "a fortnight", "يومين", "a year and a half"; raises
    if there is no count. "And a half" adds half of the canonical unit ("عامين ونصف": 2.5 years)."""
    unit_words, half = g["unit"], 0.0
    if cl.half and (and_a_half := cl.half.search(unit_words)):
        unit_words, half = unit_words[: and_a_half.start()], 0.5
    unit, multiplier = cl.lookup(cl.lang.units, unit_words)
    if "num" in g:
        count = max(parse_number(g[name], cl) for name in ("num", "num2") if name in g)
    elif normalize(unit_words) in cl.lang.singular_units:
        count = 1
    else:
        raise Unresolvable(f"no number before {g['unit']!r}")
    if count <= 0:
        raise Unresolvable(f"a count of {count}")
    return (count * multiplier + half) if half else count * multiplier, unit


def _year(g: dict[str, str], base: date, cl: CompiledLanguage) -> int | None:
    if "year" in g:
        year = int(g["year"])
        if not 1900 <= year <= base.year + MAX_YEARS_AHEAD:
            raise Unresolvable(f"{year} is not a plausible year")
        return year
    if "yrel" in g:
        return base.year + cl.lookup(cl.lang.year_rel, g["yrel"])
    return None


def _part(g: dict[str, str], cl: CompiledLanguage) -> str | None:
    return cl.lookup(cl.lang.parts, g["part"]) if "part" in g else None


def _month_span(year: int, month: int, part: str | None) -> tuple[date, date]:
    """A month, or a part of it: the part starts where it starts ("before mid-March" is 10 March)
    but ends with the month, as DEADLINES.md's "in MONTH" does."""
    last = monthrange(year, month)[1]
    first = {"early": 1, "mid": 11, "late": 21, "end": last}.get(part or "", 1)
    return date(year, month, first), date(year, month, last)


def _year_span(year: int, part: str | None) -> tuple[date, date]:
    months = {"early": (1, 3), "mid": (4, 6), "late": (10, 12), "end": (12, 12)}.get(part or "")
    first, final = months or (1, 12)
    start = date(year, first, 1) if part != "end" else date(year, 12, 31)
    return start, date(year, final, monthrange(year, final)[1])


def _next_occurrence(span, year: int | None, base: date) -> tuple[date, date]:
    """The span in the given year, or (no year) its next occurrence ending on or after base."""
    if year is not None:
        return span(year)
    start, end = span(base.year)
    return (start, end) if end >= base else span(base.year + 1)


def _month(g: dict[str, str], cl: CompiledLanguage) -> int:
    month = int(g["month"]) if g["month"].isdigit() else cl.lookup(cl.months, g["month"])
    if not month or not 1 <= month <= 12:
        raise Unresolvable(f"no such month: {g['month']!r}")
    return month


def _resolve_month(g, base, cl) -> Named:
    month, part = _month(g, cl), _part(g, cl)
    later = cl.lookup(cl.months, g.get("later_month", ""))
    month = later if later and later != month else month
    start, end = _next_occurrence(lambda y: _month_span(y, month, part), _year(g, base, cl), base)
    return Named(start, end, words.part_of(part, month_year(start)))


def _resolve_date(g, base, cl) -> Named:
    month, day = _month(g, cl), int(g["day"])
    try:
        start, _ = _next_occurrence(lambda y: (date(y, month, day),) * 2, _year(g, base, cl), base)
    except ValueError as error:
        raise Unresolvable(str(error)) from error
    return Named(start, start, format_day(start))


def _resolve_year(g, base, cl) -> Named:
    year, part = _year(g, base, cl), _part(g, cl)
    if year is None:
        raise Unresolvable("no year")
    start, end = _year_span(year, part)
    return Named(start, end, words.part_of(part, str(year)))


def _resolve_quarter(g, base, cl, size: int = 3) -> Named:
    number = int(g["ord"]) if g["ord"].isdigit() else cl.lookup(cl.lang.ordinals, g["ord"])
    if not number or number * size > 12:
        raise Unresolvable(f"no such part of a year: {g['ord']!r}")

    def span(year: int) -> tuple[date, date]:
        last = number * size
        return date(year, last - size + 1, 1), date(year, last, monthrange(year, last)[1])

    start, end = _next_occurrence(span, _year(g, base, cl), base)
    label = words.quarter(number, start.year) if size == 3 else words.half(number, start.year)
    return Named(start, end, label)


def _resolve_weekday(g, base, cl) -> Named:
    weekday = cl.weekday(g["wd"])
    day = base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    return Named(day, day, words.next_weekday(day.weekday(), base))


def _resolve_period(g, base, cl) -> Named:
    period, part = cl.lookup(cl.lang.periods, g["period"]), _part(g, cl)
    rel = cl.lookup(cl.lang.rel, g["rel"]) if "rel" in g else 0
    if period == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=rel)
        return Named(monday, monday + timedelta(days=6), words.week_of(monday))
    if period == "month":
        first = base.replace(day=1) + relativedelta(months=rel)
        start, end = _month_span(first.year, first.month, part)
        return Named(start, end, month_year(start))
    start, end = _year_span(base.year + rel, part)
    return Named(start, end, words.part_of(part, str(start.year)))


def _resolve_tomorrow(g, base, cl) -> Named:
    day = base + timedelta(days=1)
    return Named(day, day, words.day_after_publication())


def _resolve_today(g, base, cl) -> Named:
    return Named(base, base, words.day_of_publication())


_RESOLVERS = {
    MONTH: _resolve_month,
    DATE: _resolve_date,
    YEAR: _resolve_year,
    QUARTER: _resolve_quarter,
    HALF: lambda g, base, cl: _resolve_quarter(g, base, cl, size=6),
    WEEKDAY: _resolve_weekday,
    PERIOD: _resolve_period,
    TOMORROW: _resolve_tomorrow,
    TODAY: _resolve_today,
}
RELATIVE_KINDS = frozenset({RELATIVE, ULTIMATUM})


def resolve_named(kind: str, g: dict[str, str], base: date, cl: CompiledLanguage) -> Named:
    """The span of days a dated (non-relative) expression names, counted from base."""
    return _RESOLVERS[kind](g, base, cl)
