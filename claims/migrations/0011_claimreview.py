"""ClaimReview in and out: an imported verdict keeps its review's page (unique, so that importing
the same review twice changes nothing), its publisher and its own rating label; the timeline says
when a fact-check was imported."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_stored_search_document")]

    operations = [
        migrations.AddField(
            model_name="verdict",
            name="review_url",
            field=models.URLField(
                blank=True,
                editable=False,
                help_text="The imported review's page.",
                max_length=1000,
            ),
        ),
        migrations.AddField(
            model_name="verdict",
            name="origin_name",
            field=models.CharField(
                blank=True, editable=False, max_length=200, verbose_name="fact-checked by"
            ),
        ),
        migrations.AddField(
            model_name="verdict",
            name="origin_url",
            field=models.URLField(blank=True, editable=False, max_length=1000),
        ),
        migrations.AddField(
            model_name="verdict",
            name="original_rating_label",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="The rating as its publisher put it.",
                max_length=200,
            ),
        ),
        migrations.AddConstraint(
            model_name="verdict",
            constraint=models.UniqueConstraint(
                condition=~models.Q(review_url=""),
                fields=["review_url"],
                name="verdict_review_url_once",
            ),
        ),
        migrations.AlterField(
            model_name="claimevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("created", "created"),
                    ("submitted", "submitted for review"),
                    ("sent_back", "sent back to draft"),
                    ("published", "verdict published"),
                    ("fell_due", "deadline passed"),
                    ("extended", "deadline extended"),
                    ("resolved", "outcome recorded"),
                    ("retracted", "retracted"),
                    ("assigned", "reviewer assigned"),
                    ("imported", "fact-check imported"),
                ],
                max_length=12,
            ),
        ),
    ]
