from django.db import migrations, models

HELP = (
    "The quote's language (ISO 639-1, e.g. 'ar'): detected when the claim is logged, else the "
    "article's; an editor may correct it."
)
BATCH = 2000


def detect_existing(apps, schema_editor):
    """Claims logged before claims knew their language get it as new ones do."""
    from claims.intake.language import detect_language

    Claim = apps.get_model("claims", "Claim")
    claims = Claim.objects.filter(language="").select_related("article").order_by("pk")
    batch = []
    for claim in claims.iterator(chunk_size=BATCH):
        claim.language = (
            detect_language(claim.quote or claim.statement) or ((claim.article.language or "")[:8])
        )
        batch.append(claim)
        if len(batch) == BATCH:
            Claim.objects.bulk_update(batch, ["language"])
            batch = []
    Claim.objects.bulk_update(batch, ["language"])


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0024_staff_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="language",
            field=models.CharField(blank=True, help_text=HELP, max_length=8),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="language",
            field=models.CharField(blank=True, help_text=HELP, max_length=8),
        ),
        migrations.RunPython(detect_existing, migrations.RunPython.noop, elidable=True),
    ]
