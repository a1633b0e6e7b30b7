"""Charts drawn on the server as inline SVG: no JavaScript, readable by screen readers.

Each chart is an `<svg role="img">` named by its `<title>` and described by a `<desc>` that says
in words what the picture shows; the page carries the same numbers as text besides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.models import Rating

# Colours with at least 4.5:1 contrast against white (text sits beside them, not on them).
COLOURS = {
    "true": "#1e7b34",
    "mostly-true": "#3d7a1e",
    "half-true": "#8a5a00",
    "mostly-false": "#b04a12",
    "false": "#b3261e",
    "unproven": "#5b6472",
    "pending": "#44607d",
    "fulfilled": "#1e7b34",
    "partly-fulfilled": "#8a5a00",
    "not-fulfilled": "#b3261e",
    "unverifiable": "#5b6472",
}
INK, MUTED, LINE = "#1d2430", "#5b6472", "#d9dde3"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its count and its colour key (a rating's slug)."""

    label: str
    value: int
    key: str


@dataclass(frozen=True)
class Deadline:
    """One claim on the deadline timeline."""

    label: str
    day: dt.date


def _svg(
    chart_id: str, title: str, desc: str, width: int, height: int, body: str, kind: str = "bars"
) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        kind=kind,
        w=width,
        h=height,
        title=title,
        desc=desc,
        body=mark_safe(body),  # built below from escaped parts only
    )


def bar_chart(bars: list[Bar], *, title: str, chart_id: str) -> SafeString:
    """Horizontal bars, one a row, each labelled with its name and count."""
    row, label_width, bar_width = 30, 130, 180  # 360 wide: near its own size on a phone
    most = max((bar.value for bar in bars), default=0) or 1
    parts = []
    for index, bar in enumerate(bars):
        y = index * row
        length = round(bar_width * bar.value / most)
        parts.append(
            format_html(
                '<g><text x="{lx}" y="{ty}" text-anchor="end" fill="{ink}">{label}</text>'
                '<rect x="{bx}" y="{ry}" width="{len}" height="{h}" fill="{colour}" rx="3"></rect>'
                '<text x="{vx}" y="{ty}" fill="{ink}">{value}</text></g>',
                lx=label_width - 8,
                ty=y + 20,
                ink=INK,
                label=Truncator(bar.label).chars(20),
                bx=label_width,
                ry=y + 6,
                len=max(length, 1 if bar.value else 0),
                h=row - 10,
                colour=COLOURS.get(bar.key, MUTED),
                vx=label_width + length + 6,
                value=bar.value,
            )
        )
    desc = "; ".join(f"{bar.label}: {bar.value}" for bar in bars) or _("Nothing to show yet.")
    height = max(len(bars), 1) * row + 6
    return _svg(chart_id, title, desc, label_width + bar_width + 50, height, "".join(parts))


def rating_chart(counts: list[tuple[Rating, int]], *, title: str) -> SafeString:
    """Claims by their current rating."""
    bars = [Bar(rating.shown_label, n, rating.slug) for rating, n in counts]
    return bar_chart(bars, title=title, chart_id="ratings-chart")


def promise_chart(record: dict[str, int], *, title: str) -> SafeString:
    """Promises and predictions: kept on time, late, in part, not done, unverifiable, open."""
    bars = [
        Bar(_("Kept on time"), record["on_time"], "fulfilled"),
        Bar(_("Kept late"), record["late"], "partly-fulfilled"),
        Bar(_("Kept in part"), record["partly"], "partly-fulfilled"),
        Bar(_("Not done"), record["not_done"], "not-fulfilled"),
        Bar(_("Unverifiable"), record["unverifiable"], "unverifiable"),
        Bar(_("Still open"), record["open"], "pending"),
    ]
    return bar_chart(bars, title=title, chart_id="promises-chart")


def deadline_timeline(
    deadlines: list[Deadline], *, today: dt.date, days: int, title: str, chart_id: str
) -> SafeString:
    """Two lines per claim: its words, then a dot on its deadline between today and `days` ahead;
    a passed deadline sits in the shaded "overdue" band on the left. Narrow on purpose, so that
    on a phone it is shown near its own size rather than shrunk until nothing can be read."""
    row, top, band, x0, x1 = 42, 30, 66, 84, 346  # x0: today; x1: `days` ahead
    height = top + max(len(deadlines), 1) * row + 4

    def x_of(day: dt.date) -> float:
        if day < today:  # in the band: the longer overdue, the further left (up to 60 days)
            return band - 10 - (band - 20) * min((today - day).days, 60) / 60
        return x0 + (x1 - x0) * min((day - today).days, days) / days

    parts = [
        format_html(
            '<rect x="0" y="{y}" width="{w}" height="{h}" fill="#fdecea"></rect>'
            '<text x="{x}" y="18" text-anchor="middle" fill="{c}" font-size="12.5">{t}</text>',
            y=top - 8,
            w=band,
            h=height - top + 8,
            x=band / 2,
            c=COLOURS["false"],
            t=_("overdue"),
        )
    ]
    # The grid in each row's dot lane only, under its label: the words are never crossed.
    lanes = [top + index * row + 27 for index in range(max(len(deadlines), 1))]
    for offset in (0, 30, 60, days):
        x = x0 + (x1 - x0) * offset / days
        ticks = format_html_join(
            "",
            '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}"></line>',
            ((round(x, 1), cy - 9, cy + 9, LINE) for cy in lanes),
        )
        parts.append(
            format_html(
                "{ticks}"
                '<text x="{x}" y="18" text-anchor="{anchor}" fill="{muted}" font-size="12.5">'
                "{t}</text>",
                ticks=ticks,
                x=round(x, 1),
                anchor="end" if offset == days else "middle",
                muted=MUTED,
                t=_("today")
                if offset == 0
                else formats.date_format(today + dt.timedelta(offset), "j M"),
            )
        )
    for index, item in enumerate(deadlines):
        y = top + index * row
        overdue = item.day < today
        when = formats.date_format(item.day, "DATE_FORMAT")
        parts.append(
            format_html(
                '<g><text x="0" y="{ty}" fill="{ink}" font-size="14" stroke="#fff" '
                'stroke-width="4" paint-order="stroke">{label}</text>'
                '<line x1="0" y1="{cy}" x2="{x1}" y2="{cy}" stroke="{line}" '
                'stroke-dasharray="2 4"></line>'
                '<circle cx="{cx}" cy="{cy}" r="6" fill="{colour}"><title>{full} — {when}</title>'
                "</circle></g>",
                ty=y + 12,
                ink=INK,
                label=Truncator(item.label).chars(46),
                cy=y + 27,
                x1=x1,
                line=LINE,
                cx=round(x_of(item.day), 1),
                colour=COLOURS["false"] if overdue else COLOURS["pending"],
                full=item.label,
                when=when,
            )
        )
    overdue_count = sum(1 for item in deadlines if item.day < today)
    desc = ngettext(
        "%(n)d deadline in the next %(days)d days",
        "%(n)d deadlines in the next %(days)d days",
        len(deadlines) - overdue_count,
    ) % {"n": len(deadlines) - overdue_count, "days": days}
    desc += "; " + ngettext(
        "%(n)d overdue, awaiting re-check", "%(n)d overdue, awaiting re-check", overdue_count
    ) % {"n": overdue_count}
    listed = "; ".join(
        f"{item.label}: {formats.date_format(item.day, 'DATE_FORMAT')}" for item in deadlines
    )
    desc = f"{desc}. {listed}" if listed else desc
    return _svg(chart_id, title, desc, x1 + 14, height, "".join(parts), kind="timeline")
