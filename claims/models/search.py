"""How claims are found, on both databases, with the same answers.

Each claim keeps its search document in `Claim.search_text`: its statement and quote with their
stems, its claimant's name and aliases, its source and who relayed it, folded and stemmed in
Python (`claims/search/`). The claim writes it whenever it is saved with one of those fields
changed; a renamed claimant, source or alias, or an article whose language changed, writes it
again for their claims (`connect_signals`). The databases only index those words as they are:

- **SQLite**: the FTS5 table `claim_search` (`ClaimSearchEntry`), one row per claim, kept in step
  with `claims_claim.search_text` by triggers, ranked by bm25;
- **PostgreSQL**: the stored column `search_document`, `to_tsvector('simple', search_text)`, with
  its GIN index `claim_search_document_idx`, ranked by `ts_rank`.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import F, Lookup
from django.db.models.signals import post_delete, post_save

from claims.search import terms

FTS5_TABLE = "claim_search"
GIN_INDEX = "claim_search_document_idx"
# A claim's fields its document is made of (a save naming none of them leaves it as it is).
SEARCHED_FIELDS = frozenset(
    {"statement", "quote", "language", "claimant", "article", "reported_by"}
)
REFRESH_BATCH = 500

# FTS5 splits words as `claims.search.text.words` does: letters, digits and marks (M*) are word
# characters, and it changes no letter (the words are folded already).
_FTS5_SQL = {
    FTS5_TABLE: f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS5_TABLE} USING fts5(search_text, "
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
    f"{FTS5_TABLE}_insert": f"CREATE TRIGGER IF NOT EXISTS {FTS5_TABLE}_insert "
    "AFTER INSERT ON claims_claim BEGIN "
    f"INSERT INTO {FTS5_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"{FTS5_TABLE}_update": f"CREATE TRIGGER IF NOT EXISTS {FTS5_TABLE}_update "
    "AFTER UPDATE OF search_text ON claims_claim BEGIN "
    f"DELETE FROM {FTS5_TABLE} WHERE rowid = old.id; "
    f"INSERT INTO {FTS5_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"{FTS5_TABLE}_delete": f"CREATE TRIGGER IF NOT EXISTS {FTS5_TABLE}_delete "
    f"AFTER DELETE ON claims_claim BEGIN DELETE FROM {FTS5_TABLE} WHERE rowid = old.id; END",
}


class ClaimSearchDocument(SearchVector):
    """`to_tsvector('simple', search_text)`, stored in `Claim.search_document` on PostgreSQL: the
    words are stemmed already, so the configuration only splits them. SQLite's column holds an
    empty string: FTS5 does its indexing."""

    def __init__(self) -> None:
        super().__init__("search_text", config="simple")

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(models.Value(""))


class FTS5Text(models.TextField):
    """A column of an FTS5 table, with FTS5's MATCH as the `match` lookup."""


@FTS5Text.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ClaimSearchEntry(models.Model):
    """A claim's row in SQLite's FTS5 table (`rowid` is the claim's id). Made by the migration
    and `ensure_fts5_index`, written by triggers only; there is no such table on PostgreSQL."""

    claim = models.OneToOneField(
        to="claims.Claim",
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="search_entry",
    )
    search_text = FTS5Text()
    rank = models.FloatField()  # FTS5's hidden column: bm25, lower is better

    class Meta:
        managed = False
        db_table = FTS5_TABLE

    def __str__(self) -> str:
        return self.search_text[:80]


def search_text_for(claim) -> str:
    """The search document of `claim` (a Claim, or a migration's historical one): its words
    stemmed in its quote's language and the site's, then the names it is known by."""
    article = claim.article
    names = [article.source.name, claim.reported_by]
    if claim.claimant_id:
        claimant = claim.claimant
        names += [claimant.name, *(alias.name for alias in claimant.aliases.all())]
    language = claim.language or article.language or article.source.language
    return terms.document(
        [claim.statement, claim.quote],
        names,
        [_base(language), _base(settings.LANGUAGE_CODE)],
    )


def _base(language: str) -> str:
    return language.split("-")[0].lower()


class SearchQuerySet(models.QuerySet):
    """The reads and writes of search, mixed into `ClaimQuerySet`."""

    def search(self, text: str) -> SearchQuerySet:
        """Claims matching every word of `text` (in their statement, quote, claimant's name or
        alias, source or reporter; a word's other forms and beginnings count), best match first.
        A query with no word in it filters nothing."""
        words = terms.query(text)
        if not words:
            return self
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(terms.tsquery(words), config="simple", search_type="raw")
            return (
                self.filter(search_document=query)
                .annotate(search_rank=SearchRank(F("search_document"), query))
                .order_by("-search_rank", "-pk")
            )
        return self.filter(search_entry__search_text__match=terms.fts5_match(words)).order_by(
            "search_entry__rank", "-pk"
        )

    def refresh_search_text(self) -> int:
        """Write these claims' search documents again where they changed (a claimant, source or
        alias renamed, the stemmers changed); return how many changed."""
        changed = 0
        for batch in self._in_batches():
            stale = []
            for claim in batch:
                text = search_text_for(claim)
                if text != claim.search_text:
                    claim.search_text = text
                    stale.append(claim)
            self.model.objects.bulk_update(stale, ["search_text"])
            changed += len(stale)
        return changed

    def _in_batches(self) -> Iterator[list]:
        claims = (
            self.select_related("claimant", "article__source")
            .prefetch_related("claimant__aliases")
            .order_by("pk")
            .iterator(chunk_size=REFRESH_BATCH)
        )
        while batch := list(islice(claims, REFRESH_BATCH)):
            yield batch


def ensure_fts5_index(using: str = "default", **kwargs) -> None:
    """SQLite: create the FTS5 table and its triggers where they are missing, and fill the table
    again if any was (Django rebuilds a table to alter it on SQLite, which drops its triggers).
    Run after every migrate (`post_migrate`); does nothing on PostgreSQL."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "claims_claim")
        if "search_text" not in {column.name for column in columns}:
            return  # migrated back before the search document existed
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [f"{FTS5_TABLE}%"])
        if set(_FTS5_SQL) <= {name for (name,) in cursor.fetchall()}:
            return
        for statement in _FTS5_SQL.values():
            cursor.execute(statement)
        cursor.execute(f"DELETE FROM {FTS5_TABLE}")
        cursor.execute(
            f"INSERT INTO {FTS5_TABLE}(rowid, search_text) SELECT id, search_text FROM claims_claim"
        )


def drop_fts5_index(using: str = "default") -> None:
    """SQLite: remove the FTS5 table and its triggers (a migration undone)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in list(_FTS5_SQL)[1:]:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {FTS5_TABLE}")


def _refresh(raw: bool, **claims_filter) -> None:
    from claims.models.claim import Claim  # defined after this module, which it imports

    if not raw:  # loaddata brings each claim's document with it
        Claim.objects.filter(**claims_filter).refresh_search_text()


def _claimant_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    _refresh(raw, claimant=instance)


def _alias_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    _refresh(raw, claimant_id=instance.claimant_id)


def _source_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    _refresh(raw, article__source=instance)


def _article_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    _refresh(raw, article=instance)


def connect_signals(claimant, alias, source, article) -> None:
    """Keep claims' documents current when what they hold of their neighbours changes."""
    post_save.connect(_claimant_changed, sender=claimant, dispatch_uid="search-claimant")
    post_save.connect(_alias_changed, sender=alias, dispatch_uid="search-alias")
    post_delete.connect(_alias_changed, sender=alias, dispatch_uid="search-alias-deleted")
    post_save.connect(_source_changed, sender=source, dispatch_uid="search-source")
    post_save.connect(_article_changed, sender=article, dispatch_uid="search-article")
