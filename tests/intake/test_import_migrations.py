"""The migrations that made an import a request until it succeeds (0029–0032): what was asked
moves from the article to the import, imports keep the articles they point to, and only the empty
articles that failed imports left behind, which nothing uses, are deleted. Run with Django's
MigrationExecutor on the test database, from the state before them and back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEFORE = [("claims", "0028_timeline_in_the_readers_language")]
AFTER = [("claims", "0032_one_running_import_per_article")]


def migrate(target: list[tuple[str, str]]):
    """Migrate the test database to `target`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


@pytest.fixture
def before():
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def make(apps, name: str, *, state: str, text: str = "", **imported):
    """An article as an import made it before: at once, empty until the import filled it."""
    Source = apps.get_model("claims", "Source")
    Article = apps.get_model("claims", "Article")
    ArticleImport = apps.get_model("claims", "ArticleImport")
    source = Source.objects.get_or_create(name=imported.pop("source", "Unknown source"))[0]
    article = Article.objects.create(
        source=source,
        url=f"https://news.example/{name}",
        headline=f"https://news.example/{name}",
        text=text,
        published_on=imported.pop("published_on", None),
    )
    ArticleImport.objects.create(
        article=article, state=state, requested_url=f"https://news.example/{name}", **imported
    )
    return article


def scene(apps) -> dict[str, int]:
    Claim = apps.get_model("claims", "Claim")
    HistoricalArticle = apps.get_model("claims", "HistoricalArticle")
    articles = {
        "empty": make(apps, "empty", state="failed", error="404", source="Nowhere News"),
        "also-empty": make(apps, "also-empty", state="failed", error="500"),
        "claimed": make(apps, "claimed", state="failed", error="404"),
        "appears": make(apps, "appears", state="failed", error="404"),
        "was-claimed": make(apps, "was-claimed", state="failed", error="404"),
        "edited": make(apps, "edited", state="failed", error="404"),
        "with-text": make(apps, "with-text", state="failed", error="404", text="Typed in."),
        "done": make(apps, "done", state="done", text="The bridge reopens.", source="Daily"),
        "queued": make(
            apps,
            "queued",
            state="queued",
            source="Daily",
            published_on=dt.date(2024, 3, 5),
            published_given=True,
        ),
    }
    first = Claim.objects.create(statement="The bridge reopens.", article=articles["claimed"])
    first.appearances.add(articles["appears"])
    # A claim moved to another article: its history still names this one.
    HistoricalClaim = apps.get_model("claims", "HistoricalClaim")
    HistoricalClaim.objects.create(
        id=first.pk,
        statement="Before the move.",
        article_id=articles["was-claimed"].pk,
        history_date=timezone.now(),
        history_type="~",
        created_at=timezone.now(),
    )
    # An editor changed this one's headline by hand.
    HistoricalArticle.objects.create(
        id=articles["edited"].pk,
        source_id=articles["edited"].source_id,
        headline="Renamed by hand",
        history_date=timezone.now(),
        history_type="~",
        created_at=timezone.now(),
    )
    return {name: article.pk for name, article in articles.items()}


def test_only_empty_unused_articles_of_failed_imports_are_deleted(before):
    ids = scene(before)
    after = migrate(AFTER)
    Article = after.get_model("claims", "Article")
    ArticleImport = after.get_model("claims", "ArticleImport")
    kept = set(Article.objects.values_list("pk", flat=True))
    assert kept == set(ids.values()) - {ids["empty"], ids["also-empty"]}
    # The imports stay, with their reasons; those whose article went have none now.
    orphans = ArticleImport.objects.filter(article__isnull=True)
    assert sorted(orphans.values_list("url", "error")) == [
        ("https://news.example/also-empty", "500"),
        ("https://news.example/empty", "404"),
    ]
    assert ArticleImport.objects.count() == len(ids)


def test_what_was_asked_moves_to_the_import(before):
    ids = scene(before)
    after = migrate(AFTER)
    ArticleImport = after.get_model("claims", "ArticleImport")
    rows = {row.url.rsplit("/", 1)[1]: row for row in ArticleImport.objects.all()}
    assert rows["queued"].article_id == ids["queued"]
    assert rows["queued"].published_on == dt.date(2024, 3, 5)
    assert rows["queued"].source_name == "Daily"  # not done yet: a retry needs it
    assert rows["done"].article_id == ids["done"] and rows["done"].source_name == ""
    assert rows["empty"].source_name == "Nowhere News"  # its source was given when it was asked
    assert rows["also-empty"].source_name == ""  # the unknown source is no name
    assert all(row.published_on is None for name, row in rows.items() if name != "queued")


def test_a_second_running_import_of_an_address_is_refused_after(before):
    scene(before)
    after = migrate(AFTER)
    ArticleImport = after.get_model("claims", "ArticleImport")
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleImport.objects.create(url="https://news.example/queued", state="queued")
    ArticleImport.objects.create(url="https://news.example/queued", state="failed")  # history


def test_the_migrations_go_back(before):
    ids = scene(before)
    migrate(AFTER)
    back = migrate(BEFORE)
    Article = back.get_model("claims", "Article")
    ArticleImport = back.get_model("claims", "ArticleImport")
    # The deleted empty articles do not come back, nor do their imports (each had one before).
    assert not Article.objects.filter(pk__in=[ids["empty"], ids["also-empty"]]).exists()
    assert ArticleImport.objects.count() == len(ids) - 2
    assert ArticleImport.objects.get(article_id=ids["queued"]).published_given
    assert not ArticleImport.objects.get(article_id=ids["done"]).published_given
