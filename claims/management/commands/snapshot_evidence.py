"""Take the evidence snapshots owed: what beat runs every SNAPSHOT_SWEEP_SECONDS."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.evidence import snapshots
from claims.models import Claim, Evidence


class Command(BaseCommand):
    help = (
        "Take the readable copies of evidence pages still owed (what beat runs), or --claim ID's "
        "now; prints 'snapshots taken N, failed K, left L'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--claim", type=int, metavar="ID", help="only this claim's evidence")

    def handle(self, *args, claim: int | None, **options) -> None:
        if claim is not None:
            if not Claim.objects.filter(pk=claim).exists():
                raise CommandError(f"There is no claim #{claim}.")
            report = snapshots.run(Evidence.objects.filter(claim_id=claim))
        else:
            report = snapshots.run(
                limit=settings.SNAPSHOT_BATCH_SIZE, budget=settings.SNAPSHOT_TIME_BUDGET_SECONDS
            )
        self.stdout.write(report.summary())
