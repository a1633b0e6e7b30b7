from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factcheck.lib import backups


class Command(BaseCommand):
    help = "Replace the database's content with a backup written by `manage.py backup`."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="The backup file.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, file: str, interactive: bool, **options) -> None:
        if interactive:
            answer = input(
                f"This replaces everything in the database {connection.settings_dict['NAME']} "
                f"with the content of {file}. Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            backups.restore(file)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored from {file}")
