"""The public list's full-text search: a GIN index on PostgreSQL (other databases search without).

The indexed expression is the one `ClaimQuerySet.search` builds, word for word, so that the
planner can use the index: to_tsvector('english', statement || ' ' || quote).
"""

from django.db import migrations

INDEX = "claim_search_idx"  # replaced by 0010_stored_search_document
EXPRESSION = (
    "to_tsvector('english'::regconfig, "
    "COALESCE(\"statement\", '') || ' ' || COALESCE(\"quote\", ''))"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "claims_claim" USING GIN ({EXPRESSION})'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_intake")]

    operations = [migrations.RunPython(create_index, drop_index)]
