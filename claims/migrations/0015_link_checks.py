"""Link health: every check of an evidence link is kept (LinkCheck); evidence keeps its failures
in a row, since when, and a mark while a worker checks it; a link the workbench may not open is
"address refused", not broken."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_constraint_messages")]

    operations = [
        migrations.AlterField(
            model_name="evidence",
            name="link_health",
            field=models.CharField(
                choices=[
                    ("unchecked", "not checked yet"),
                    ("ok", "working"),
                    ("broken", "broken"),
                    ("refused", "address refused"),
                ],
                default="unchecked",
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="link_failures",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="evidence",
            name="link_failing_since",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="evidence",
            name="link_check_started_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="evidence",
            index=models.Index(fields=["link_checked_at"], name="evidence_link_checked_idx"),
        ),
        migrations.CreateModel(
            name="LinkCheck",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "evidence",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="link_checks",
                        to="claims.evidence",
                    ),
                ),
                ("checked_at", models.DateTimeField()),
                ("url", models.URLField(max_length=1000)),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("ok", "working"),
                            ("failed", "failed"),
                            ("refused", "address refused"),
                        ],
                        max_length=10,
                    ),
                ),
                ("status_code", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("method", models.CharField(blank=True, max_length=4)),
                ("error", models.CharField(blank=True, max_length=300)),
                ("final_url", models.URLField(blank=True, max_length=1000)),
                ("duration_ms", models.PositiveIntegerField(default=0)),
            ],
            options={
                "ordering": ["-checked_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["evidence", "-checked_at"], name="linkcheck_evidence_at_idx"
                    )
                ],
            },
        ),
    ]
