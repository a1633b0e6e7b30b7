"""Indexes for every sort and range of the public list, and for "claims rated X"."""

from django.conf import settings
from django.db import migrations, models

PUBLIC = models.Q(("status__in", ["published", "retracted"]))
SAID_INDEX = (
    'CREATE INDEX IF NOT EXISTS "claim_public_said_idx" ON "claims_claim" '
    '("stated_on" DESC NULLS LAST, "id" DESC) WHERE "status" IN (\'published\', \'retracted\')'
)


def create_said_index(apps, schema_editor):
    # PostgreSQL only: SQLite cannot index NULLS LAST (and needs no index at its scale).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SAID_INDEX)


def drop_said_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute('DROP INDEX IF EXISTS "claim_public_said_idx"')


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0005_slim_outbox"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="claim", name="claim_public_list_idx"),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=PUBLIC,
                fields=["-first_published_at", "-id"],
                name="claim_public_newest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=PUBLIC, fields=["deadline", "id"], name="claim_public_deadline_idx"
            ),
        ),
        migrations.RunPython(create_said_index, drop_said_index),
        migrations.AddIndex(
            model_name="verdict",
            index=models.Index(
                condition=models.Q(("is_current", True)),
                fields=["rating", "claim"],
                name="verdict_current_rating_idx",
            ),
        ),
    ]
