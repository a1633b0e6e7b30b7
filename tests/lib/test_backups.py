"""`make backup` and `make restore`: the demo newsroom survives a round trip, and a file that is not
a backup of this database is refused before anything changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from claims import demo
from claims.models import Claim, ClaimEvent, Evidence, Source, Verdict
from factcheck.lib import backups

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot() -> dict:
    return {
        "claims": sorted(Claim.objects.values_list("pk", "status", "tracking", "deadline")),
        "verdicts": sorted(Verdict.objects.values_list("pk", "claim", "rating__slug", "status")),
        "evidence": sorted(Evidence.objects.values_list("pk", "url")),
        "events": ClaimEvent.objects.count(),
        "sources": sorted(Source.objects.values_list("pk", "name")),
    }


@pytest.fixture
def newsroom() -> dict:
    demo.load()
    return snapshot()


def test_the_demo_newsroom_round_trips(newsroom, tmp_path):
    path = tmp_path / "demo.backup"
    call_command("backup", output=str(path))
    assert path.stat().st_size > 0

    Source.objects.create(name="Written after the backup")
    Evidence.objects.filter(claim__is_demo=False).delete()
    assert snapshot() != newsroom

    call_command("restore", str(path), interactive=False)
    assert snapshot() == newsroom


def test_a_backup_lands_under_var_backups_by_default(newsroom, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    path = backups.backup()
    assert path.parent == tmp_path / "backups" and path.is_file()


# A text file; and the other kind's backup (a pg_dump archive given to SQLite, or the reverse).
OTHER_KIND = b"SQLite format 3\x00" if connection.vendor == "postgresql" else b"PGDMP"


@pytest.mark.parametrize("content", [b"not a backup at all", b"other kind"])
def test_a_file_that_is_not_a_backup_of_this_database_changes_nothing(newsroom, tmp_path, content):
    wrong = tmp_path / "wrong.backup"
    wrong.write_bytes(OTHER_KIND + b"..." if content == b"other kind" else content)
    with pytest.raises(CommandError, match="so it is not a backup of this database"):
        call_command("restore", str(wrong), interactive=False)
    assert snapshot() == newsroom


def test_a_missing_backup_is_a_clear_error(newsroom, tmp_path):
    with pytest.raises(CommandError, match="There is no backup file at"):
        call_command("restore", str(tmp_path / "nowhere.dump"), interactive=False)
    assert snapshot() == newsroom


def test_restore_asks_first_and_a_no_changes_nothing(newsroom, tmp_path, monkeypatch):
    path = backups.backup(tmp_path / "demo.backup")
    Source.objects.create(name="Kept, because the restore is cancelled")
    after = snapshot()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(path))
    assert snapshot() == after
    assert Path(path).is_file()
