import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from claims import workflow


class Command(BaseCommand):
    help = (
        "Mark claims whose deadline has passed as due and queue their e-mails and reminders (what "
        "beat runs); send_notifications sends them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--as-of", help="Sweep as if today were this day (YYYY-MM-DD).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=workflow.SWEEP_BATCH_SIZE,
            help=f"Claims flipped per transaction (default {workflow.SWEEP_BATCH_SIZE}).",
        )

    def handle(self, *args, as_of: str | None, batch_size: int, **options) -> None:
        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError as error:
            raise CommandError(f"--as-of must be a date as YYYY-MM-DD, not {as_of!r}.") from error
        result = workflow.sweep(as_of=day, batch_size=batch_size)
        self.stdout.write(f"marked due: {result.marked_due}")
        self.stdout.write(f"reminders: {result.reminders}")
