"""Search in every language, the same on both databases (claims/models/search.py): each claim's
search document written in Python (`search_text`), indexed by SQLite's FTS5 table `claim_search`
(with its triggers) or by PostgreSQL's `search_document`, now `to_tsvector('simple',
search_text)`, with its GIN index again."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import claims.models.search

BATCH = 500


def write_search_text(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    every_claim = (
        Claim.objects.using(schema_editor.connection.alias)
        .select_related("claimant", "article__source")
        .prefetch_related("claimant__aliases")
        .order_by("pk")
    )
    batch = []
    for claim in every_claim.iterator(chunk_size=BATCH):
        claim.search_text = claims.models.search.search_text_for(claim)
        batch.append(claim)
        if len(batch) == BATCH:
            Claim.objects.bulk_update(batch, ["search_text"])
            batch = []
    Claim.objects.bulk_update(batch, ["search_text"])


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{claims.models.search.GIN_INDEX}" '
            'ON "claims_claim" USING GIN ("search_document")'
        )


def create_indexes(apps, schema_editor):
    create_gin_index(apps, schema_editor)
    claims.models.search.ensure_fts5_index(schema_editor.connection.alias)


def drop_indexes(apps, schema_editor):
    claims.models.search.drop_fts5_index(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("claims", "0033_import_labels")]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search text"
            ),
        ),
        migrations.RunPython(write_search_text, migrations.RunPython.noop),
        # A generated column's expression cannot be altered: it is made again (on PostgreSQL,
        # from the documents just written; its GIN index goes with the old one, and comes back
        # with it if this migration is undone).
        migrations.RunPython(migrations.RunPython.noop, create_gin_index),
        migrations.RemoveField(model_name="claim", name="search_document"),
        migrations.AddField(
            model_name="claim",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=claims.models.search.ClaimSearchDocument(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                verbose_name="search document",
            ),
        ),
        migrations.CreateModel(
            name="ClaimSearchEntry",
            fields=[
                (
                    "claim",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="claims.claim",
                    ),
                ),
                ("search_text", claims.models.search.FTS5Text()),
                ("rank", models.FloatField()),
            ],
            options={"db_table": "claim_search", "managed": False},
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
