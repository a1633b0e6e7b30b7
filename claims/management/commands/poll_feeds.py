"""Poll the monitored feeds: what beat runs every FEED_POLL_SECONDS, in this process."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.intake import feeds
from claims.models import MonitoredFeed


class Command(BaseCommand):
    help = (
        "Poll the monitored feeds due (what beat runs), or --feed ID now, importing the new "
        "articles and finding their follow-ups; prints "
        "'polled N feeds: new articles A, follow-ups F, failed K'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--feed", type=int, metavar="ID", help="poll this feed now, due or not")

    def handle(self, *args, feed: int | None, **options) -> None:
        if feed is not None:
            chosen = MonitoredFeed.objects.filter(pk=feed)
            if not chosen.exists():
                raise CommandError(f"There is no monitored feed #{feed}.")
            report = feeds.poll(chosen)
        else:
            report = feeds.poll(budget=settings.FEED_TIME_BUDGET_SECONDS)
        self.stdout.write(report.summary())
