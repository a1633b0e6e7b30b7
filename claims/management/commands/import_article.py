"""Import an article from a URL or a file and list the claims suggested in it, best first."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import intake
from claims.models import ArticleImport, Suggestion
from factcheck.lib.fetching import Fetched


def suggestion_json(suggestion: Suggestion) -> dict:
    """One suggestion in the command's JSON shape."""
    return {
        "text": suggestion.statement,
        "quote": suggestion.quote,
        "start": suggestion.start,
        "end": suggestion.end,
        "claimant": suggestion.claimant_name or None,
        "reported_by": suggestion.reported_by or None,
        "deadline": suggestion.deadline.isoformat() if suggestion.deadline else None,
        "deadline_expression": suggestion.deadline_expression or None,
        "score": suggestion.score,
    }


class Command(BaseCommand):
    help = (
        "Import an article (a URL, or --file with text or HTML; a text file's first line is the "
        "headline) and print the claims suggested in it, best first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", nargs="?", help="the article's http(s) address")
        parser.add_argument("--file", type=Path, help="a file with the article's text or HTML")
        parser.add_argument("--source", default="", help="the outlet's name")
        parser.add_argument("--published", type=_day, help="publication date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options) -> None:
        if bool(options["url"]) == bool(options["file"]):
            raise CommandError("Give either a URL or --file PATH.")
        try:
            queued = intake.queue_import(
                url=options["url"] or "",
                content=_read(options["file"]) if options["file"] else "",
                source_name=options["source"],
                published=options["published"],
            )
        except intake.IntakeError as error:
            raise CommandError(str(error)) from error
        done = intake.run_import(queued.pk)
        if done.state == ArticleImport.State.FAILED:
            # The import keeps its reason (Article imports in the admin); no article was made.
            raise CommandError(f"Import #{done.pk} failed: {done.error}")
        suggestions = list(done.article.suggestions.order_by("-score", "start"))
        if options["json"]:
            payload = {
                "article": done.article_id,
                "suggestions": [suggestion_json(s) for s in suggestions],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        article = done.article
        self.stdout.write(
            f"Article #{article.pk}: {article.headline} ({article.published_display})"
        )
        for s in suggestions:
            who = s.claimant_name or "unattributed"
            deadline = f" — deadline {s.deadline:%Y-%m-%d}" if s.deadline else ""
            self.stdout.write(f"  {s.score:.2f}  {s.statement}  [{who}]{deadline}")


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not “{value}”") from error


def _read(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    return Fetched(url=str(path), content_type="text/plain", body=raw).text()
