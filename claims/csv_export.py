"""Claims and verdicts as CSV rows: one row builder for the admin's export action and the API's
`?format=csv`, so a spreadsheet gets the same columns from both.

A claim's row carries only its current verdict, which is always a published one: an export never
holds a draft verdict or a reviewer's note, whoever asks. Every text cell that a spreadsheet would
read as a formula (one starting with =, +, -, @, a tab or a carriage return) is prefixed with an
apostrophe (CSV injection), and so is each part after a semicolon, a comma or a tab: a
spreadsheet set to a locale or an import that separates with one of those splits the cell there,
and the part after would start one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from rest_framework.renderers import BaseRenderer

from claims.models import Claim, Verdict

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may split a cell that was not read as quoted: its locale's separator (a
# semicolon, a comma) or a tab.
SEPARATORS = re.compile(r"([;,\t])")

CLAIM_COLUMNS = [
    "id",
    "statement",
    "quote",
    "claimant",
    "reported_by",
    "source",
    "article_url",
    "article_published",
    "stated_on",
    "deadline",
    "deadline_approximate",
    "status",
    "tracking",
    "rating",
    "verdict_summary",
    "verdict_published_at",
    "first_published_at",
    "retraction_reason",
]

VERDICT_COLUMNS = [
    "id",
    "claim_id",
    "claim",
    "rating",
    "claimreview_value",
    "summary",
    "status",
    "is_current",
    "published_at",
    "happened_on",
    "checked_on",
]

Cell = str | int | bool | dt.date | None


def safe_cell(value: Cell) -> str:
    """The value as a CSV cell; text that a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return str(value)
    guarded = "'" + value if value.startswith(FORMULA_STARTS) else value
    first, *rest = SEPARATORS.split(guarded)
    # rest alternates separator, part: each part may become a cell of its own.
    return first + "".join(
        piece if index % 2 == 0 or not piece.lstrip(" ").startswith(FORMULA_STARTS) else "'" + piece
        for index, piece in enumerate(rest)
    )


def current_verdict(claim: Claim) -> Verdict | None:
    """The claim's current verdict, from the prefetched `published_verdicts` if there is one."""
    verdicts = getattr(claim, "published_verdicts", None)
    if verdicts is None:
        verdicts = claim.verdicts.filter(is_current=True).select_related("rating")
    return next((verdict for verdict in verdicts if verdict.is_current), None)


def claim_row(claim: Claim) -> list[str]:
    verdict = current_verdict(claim)
    values: list[Cell] = [
        claim.pk,
        claim.statement,
        claim.quote,
        claim.claimant.name if claim.claimant else None,
        claim.reported_by,
        claim.article.source.name,
        claim.article.url,
        claim.article.published_display if claim.article.published_on else None,
        claim.stated_on,
        claim.deadline,
        claim.deadline_approximate,
        claim.status,
        claim.tracking,
        verdict.rating.label if verdict else None,
        verdict.summary if verdict else None,
        verdict.published_at if verdict else None,
        claim.first_published_at,
        claim.retraction_reason or None,
    ]
    return [safe_cell(value) for value in values]


def verdict_row(verdict: Verdict) -> list[str]:
    values: list[Cell] = [
        verdict.pk,
        verdict.claim_id,
        verdict.claim.statement,
        verdict.rating.label,
        verdict.rating.claimreview_value,
        verdict.summary,
        verdict.status,
        verdict.is_current,
        verdict.published_at,
        verdict.happened_on,
        verdict.checked_on,
    ]
    return [safe_cell(value) for value in values]


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The header and rows as CSV text (RFC 4180: CRLF line ends, quoted where needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def download(filename: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> HttpResponse:
    """The rows as a CSV file to save (the admin's export actions)."""
    response = HttpResponse(write_csv(header, rows), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CSVRenderer(BaseRenderer):
    """The API's `?format=csv`: rows (a list of lists, the header first) as text/csv."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: Any = None, renderer_context: Any = None):
        return write_csv(data[0], data[1:]).encode(self.charset)
