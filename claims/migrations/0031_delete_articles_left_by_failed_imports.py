"""Failed imports made an article before fetching it, and left it behind empty. Each such article
that nothing uses is deleted: no text, nothing pointing to it but its failed import (no claim, as
first or later appearance, no suggestion, no proposal, not even in a claim's history), and never
changed by hand since it was made. Its import stays, with its reason, and no article."""

from django.db import migrations


def _pointed_to(article, relations) -> bool:
    return any(
        relation.related_model._base_manager.filter(**{relation.field.name: article.pk}).exists()
        for relation in relations
    )


def delete_empty_articles(apps, schema_editor):
    Article = apps.get_model("claims", "Article")
    ArticleImport = apps.get_model("claims", "ArticleImport")
    HistoricalArticle = apps.get_model("claims", "HistoricalArticle")
    # Every relation to an article, hidden ones (a claim's history) included, but the import's.
    relations = [
        field
        for field in Article._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.related_model is not ArticleImport
    ]
    failed = ArticleImport.objects.filter(state="failed", article__isnull=False)
    for row in failed.select_related("article").iterator():
        article = row.article
        if article.text.strip() or _pointed_to(article, relations):
            continue
        if HistoricalArticle.objects.filter(id=article.pk).exclude(history_type="+").exists():
            continue
        ArticleImport.objects.filter(pk=row.pk).update(article=None)
        Article.objects.filter(pk=article.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0030_article_import_requests_data"),
    ]

    # Deleted articles were empty: there is nothing to bring back.
    operations = [migrations.RunPython(delete_empty_articles, migrations.RunPython.noop)]
