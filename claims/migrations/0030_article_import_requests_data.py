"""What an import was asked for moves from its article to the import itself: the canonical
address (the article's), the source's name (for an import not done yet, where a retry needs it)
and the date the editor gave. Imports keep the articles they point to. Going back, imports that
never made an article are deleted (every import had one before)."""

from django.db import migrations

UNKNOWN_SOURCE = "Unknown source"


def move_requests(apps, schema_editor):
    ArticleImport = apps.get_model("claims", "ArticleImport")
    imports = ArticleImport.objects.filter(article__isnull=False).select_related("article__source")
    for row in imports.iterator():
        article = row.article
        row.url = article.url or ""
        if row.state != "done" and article.source.name != UNKNOWN_SOURCE:
            row.source_name = article.source.name[:200]
        if row.published_given:
            row.published_on = article.published_on
        row.save(update_fields=["url", "source_name", "published_on"])


def move_back(apps, schema_editor):
    # Before this change every import had its article: a request that never made one (failed,
    # or not run yet) cannot be kept, and goes.
    ArticleImport = apps.get_model("claims", "ArticleImport")
    ArticleImport.objects.filter(article__isnull=True).delete()
    ArticleImport.objects.filter(published_on__isnull=False).update(published_given=True)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0029_article_import_requests"),
    ]

    operations = [migrations.RunPython(move_requests, move_back)]
