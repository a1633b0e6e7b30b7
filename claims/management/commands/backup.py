from django.core.management.base import BaseCommand, CommandError

from factcheck.lib import backups


class Command(BaseCommand):
    help = "Write a backup of the database (PostgreSQL: pg_dump; SQLite: a consistent copy)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", help="Where to write it (default: var/backups/…).")

    def handle(self, *args, output: str | None, **options) -> None:
        try:
            path = backups.backup(output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup written to {path}")
