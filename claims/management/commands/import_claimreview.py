"""Import other organisations' fact-checks from ClaimReview JSON (claims.claimreview.importer)."""

from __future__ import annotations

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import workflow
from claims.claimreview.formats import FileError
from claims.claimreview.importer import import_document


class Command(BaseCommand):
    help = (
        "Import ClaimReview JSON (one item, a list, a DataFeed, or a Fact Check Tools API "
        "claims:search response) as published claims and verdicts. FILE may be - for standard "
        "input. Each bad item is reported and skipped; the exit status is 1 if any was."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a JSON file, or - for standard input")
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="the publisher who answers for the import (recorded as the verdicts' approver)",
        )

    def handle(self, *args, file: str, username: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user '{username}'.")
        text = _read(file, options.get("stdin") or sys.stdin)
        try:
            result = import_document(text, by=user)
        except (FileError, workflow.NotAllowed) as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        for message in result.errors:
            self.stderr.write(message)
        self.stdout.write(result.summary())
        if result.failed:
            raise CommandError(
                f"{result.failed} item(s) could not be imported (see above); the others were."
            )


def _read(file: str, stdin) -> str:
    try:
        if file == "-":
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        else:
            with open(file, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"Nothing was imported: {file} is not UTF-8 text ({error}).") from error
