"""The search vector, stored: a generated `search_document` column with its GIN index on
PostgreSQL, in place of migration 0004's index on an expression the planner had to match and every
matching row had to recompute."""

import django.contrib.postgres.search
from django.db import migrations, models

INDEX = "claim_search_document_idx"
OLD_INDEX = "claim_search_idx"


class StatementAndQuote(django.contrib.postgres.search.SearchVector):
    """The column's expression until migration 0034 replaced it (claims/models/search.py): the
    statement and quote in the `english` configuration; an empty string on SQLite."""

    def __init__(self) -> None:
        super().__init__("statement", "quote", config="english")

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(models.Value(""))


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
                expression=StatementAndQuote(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
