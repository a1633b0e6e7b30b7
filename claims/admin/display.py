"""How the admin writes a moment: in the site's language's own format, the same everywhere."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone


def when(moment: dt.datetime | None) -> str:
    """A moment in TIME_ZONE, as the site's language writes a date and time ("4 Dec 2026, 1:36
    p.m." in British English)."""
    if moment is None:
        return "—"
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
