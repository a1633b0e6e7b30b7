"""The search vector, stored: a generated `search_document` column with its GIN index on
PostgreSQL, in place of migration 0004's index on an expression the planner had to match and every
matching row had to recompute."""

import django.contrib.postgres.search
from django.db import migrations, models

import claims.models

INDEX = "claim_search_document_idx"
OLD_INDEX = "claim_search_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{OLD_INDEX}"')
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "claims_claim" USING GIN ("search_document")'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_topics")]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=claims.models.ClaimSearchDocument(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
