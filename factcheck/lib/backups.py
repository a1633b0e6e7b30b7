"""Backups of the whole database, for `make backup` and `make restore` (docs/operations.md).

PostgreSQL is dumped by `pg_dump` in its custom format and brought back by `pg_restore` in a single
transaction, so a restore that fails half-way leaves the database as it was. SQLite is copied with
its online backup API, which gives a consistent copy while the workbench keeps writing.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

from factcheck.lib import page_cache

POSTGRES_MAGIC = b"PGDMP"  # the first bytes of a pg_dump custom-format archive
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why and what to do."""


def default_destination(alias: str = "default") -> Path:
    suffix = "dump" if _is_postgres(alias) else "sqlite3"
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"factcheck-{stamp}.{suffix}"


def backup(destination: Path | None = None, *, alias: str = "default") -> Path:
    """Write a backup of the database to `destination` (by default under var/backups/)."""
    destination = Path(destination or default_destination(alias))
    destination.parent.mkdir(parents=True, exist_ok=True)
    if _is_postgres(alias):
        options = ["--format=custom", "--no-owner", "--no-privileges", f"--file={destination}"]
        _run(["pg_dump", *options], alias)
    else:
        connection = connections[alias]
        connection.ensure_connection()
        with closing(sqlite3.connect(destination)) as copy:
            connection.connection.backup(copy)
    return destination


def restore(source: Path, *, alias: str = "default") -> None:
    """Replace the database's content with the backup's. The backup is checked first: a file that
    is not a backup of this kind of database changes nothing."""
    source = Path(source)
    _check_backup(source, alias)
    if _is_postgres(alias):
        connections[alias].close()  # pg_restore drops the tables this connection may hold
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connections[alias].settings_dict['NAME']}",
                str(source),
            ],
            alias,
        )
    else:
        connection = connections[alias]
        connection.ensure_connection()
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as original:
            original.backup(connection.connection)
    page_cache.invalidate()


def _is_postgres(alias: str) -> bool:
    return connections[alias].vendor == "postgresql"


def _check_backup(source: Path, alias: str) -> None:
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    with source.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    postgres = _is_postgres(alias)
    expected = POSTGRES_MAGIC if postgres else SQLITE_MAGIC
    if not head.startswith(expected):
        kind = "a pg_dump archive (custom format)" if postgres else "an SQLite database"
        raise BackupError(
            f"{source} is not {kind}, so it is not a backup of this database "
            f"({connections[alias].vendor}); nothing was changed."
        )


def _run(command: list[str], alias: str) -> None:
    """Run pg_dump or pg_restore on the database of `alias`, its credentials in the environment
    (never on the command line, where other users of the machine could read them)."""
    db = connections[alias].settings_dict
    env = {
        **os.environ,
        "PGHOST": str(db.get("HOST") or ""),
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": str(db.get("USER") or ""),
        "PGPASSWORD": str(db.get("PASSWORD") or ""),
        "PGDATABASE": str(db["NAME"]),
    }
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed; install PostgreSQL's client tools."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
