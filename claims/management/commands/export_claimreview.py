"""Write every published verdict as a DataFeed of ClaimReview items (claims.claimreview.feed)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.claimreview import feed as claimreview


class Command(BaseCommand):
    help = (
        "Write the current verdict of every published claim as a schema.org DataFeed of "
        "ClaimReview items (the verdict pages' JSON-LD), to standard output or --output FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="write the feed to this file instead")

    def handle(self, *args, output: Path | None, **options) -> None:
        counted = _Counter(claimreview.reviews())
        chunks = claimreview.feed_chunks(claimreview.feed_state(), counted)
        if output is None:
            try:
                for chunk in chunks:
                    self.stdout.write(chunk, ending="")
            except BrokenPipeError:  # the reader had enough (`| head`): no error of ours
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        _write_whole(output, chunks)
        self.stdout.write(f"exported {counted.count} ClaimReview items to {output}")


class _Counter:
    def __init__(self, items: Iterator[dict[str, Any]]) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self.items:
            self.count += 1
            yield item


def _write_whole(path: Path, chunks: Iterator[str]) -> None:
    """Write beside the file, then rename: a reader never sees half a feed, and a failed export
    leaves the previous file as it was."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:
        raise CommandError(f"Cannot write to {path.parent}: {error.strerror}.") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines(chunks)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
