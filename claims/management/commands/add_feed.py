"""Register a news feed to monitor."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import intake
from claims.intake import feeds


class Command(BaseCommand):
    help = (
        "Register an RSS, Atom or JSON feed, or a news sitemap, to monitor; beat polls it every "
        "FEED_INTERVAL_MINUTES. Prints the feed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="the feed's http(s) address")
        parser.add_argument(
            "--source", default="", help="the outlet's name (default: found from the address)"
        )
        parser.add_argument(
            "--language", default="", help="its language, e.g. en, ar (default: the source's)"
        )

    def handle(self, *args, url: str, source: str, language: str, **options) -> None:
        try:
            feed = feeds.add_feed(url, source_name=source, language=language)
        except intake.IntakeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"feed #{feed.pk}: {feed.url} (source: {feed.source.name}; "
            f"language: {feed.language or 'unknown'}; active)"
        )
