"""Each claim's search document is current however what it holds changes (claims/models/search.py),
and the databases index it: SQLite's FTS5 table with its triggers, PostgreSQL's GIN index."""

from __future__ import annotations

import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Claim, Claimant, ClaimantAlias, ClaimSearchEntry, Source
from claims.models.search import FTS5_TABLE, ensure_fts5_index
from tests.support.servers import ON_POSTGRES, needs

only_sqlite = pytest.mark.skipif(ON_POSTGRES, reason="FTS5 is SQLite's (PostgreSQL: the GIN test)")


def finds(query: str) -> list[Claim]:
    return list(Claim.objects.search(query))


@pytest.fixture
def jadayan(db) -> Claimant:
    return Claimant.objects.create(name="Ahmad Jadayan")


@pytest.fixture
def crossing(make_claim, jadayan) -> Claim:
    return make_claim(
        "The border crossing will be opened within 60 days.",
        quote="the border crossing will be opened in the next 60 days",
        claimant=jadayan,
        reported_by="Sputnik Arabic",
    )


def test_a_new_claim_is_found_by_its_words_names_source_and_reporter(crossing):
    assert crossing.search_text.startswith("the border crossing cross will be opened open")
    for query in ("crossings", "Jadayan", crossing.article.source.name, "Sputnik", "60 days"):
        assert finds(query) == [crossing], query


def test_a_reworded_claim_is_found_by_its_new_words_only(crossing):
    crossing.statement = "The ferry will sail again."
    crossing.quote = ""
    crossing.save()
    assert finds("ferries") == [crossing]
    assert finds("crossing") == []


def test_a_save_of_other_fields_leaves_the_document_alone(crossing):
    Claim.objects.filter(pk=crossing.pk).update(search_text="stale")
    crossing.status = Claim.Status.IN_REVIEW
    with CaptureQueriesContext(connection) as queries:
        crossing.save(update_fields=["status"])
    assert not [query for query in queries if query["sql"].startswith("SELECT")]  # no names read
    assert Claim.objects.get(pk=crossing.pk).search_text == "stale"
    crossing.save(update_fields=["quote"])
    assert "crossing" in Claim.objects.get(pk=crossing.pk).search_text


def test_the_claims_language_chooses_the_quotes_stems(make_claim):
    claim = make_claim("The horses will be sold.", quote="les chevaux seront vendus")
    assert finds("cheval") == []  # English stems (the site's) leave "chevaux" as it is
    claim.language = "fr"
    claim.save()
    assert "cheval" in claim.search_text.split()
    assert finds("cheval") == [claim]


def test_a_claimant_renamed_or_given_an_alias_finds_their_claims(crossing, jadayan):
    jadayan.name = "Ahmed Jidyan"
    jadayan.save()
    assert finds("Jidyan") == [crossing] and finds("Jadayan") == []
    alias = ClaimantAlias.objects.create(name="Abu Qaim", claimant=jadayan)
    assert finds("Abu Qaim") == [crossing]
    alias.delete()
    assert finds("Abu Qaim") == []


def test_a_renamed_source_finds_its_claims(crossing):
    source = crossing.article.source
    source.name = "صحيفة الحدود"
    source.save()
    assert finds("صحيفه الحدود") == [crossing]  # typed with haa for taa marbuta


def test_an_articles_language_is_the_quotes_when_the_claim_has_none(make_claim, article):
    claim = make_claim("The horses will be sold.", quote="les chevaux seront vendus")
    assert claim.language == "" and finds("cheval") == []
    article.language = "fr"
    article.save()
    assert finds("cheval") == [claim]


def test_another_claimants_change_rewrites_nothing_else(crossing):
    Claim.objects.filter(pk=crossing.pk).update(search_text="stale")
    Claimant.objects.create(name="Mara Quill").save()
    assert Claim.objects.get(pk=crossing.pk).search_text == "stale"


def test_refresh_rewrites_only_stale_documents(crossing, make_claim):
    other = make_claim("The trams are running.")
    Claim.objects.filter(pk=crossing.pk).update(search_text="")
    assert finds("crossing") == []
    assert Claim.objects.all().refresh_search_text() == 1
    assert finds("crossing") == [crossing] and finds("trams") == [other]
    assert Claim.objects.all().refresh_search_text() == 0


def test_the_reindex_command_writes_every_stale_document(crossing):
    Claim.objects.filter(pk=crossing.pk).update(search_text="")
    out = io.StringIO()
    call_command("reindex_search", stdout=out)
    assert out.getvalue() == "rewrote the search documents of 1 claims\n"
    assert finds("crossing") == [crossing]


def test_the_migration_writes_the_documents_of_existing_claims(crossing):
    migration = importlib.import_module("claims.migrations.0034_search_in_every_language")
    Claim.objects.filter(pk=crossing.pk).update(search_text="")
    migration.write_search_text(apps, SimpleNamespace(connection=connection))
    assert finds("crossing Jadayan") == [crossing]


def test_a_deleted_claim_leaves_the_index(crossing):
    crossing.delete()
    assert finds("crossing") == []
    if not ON_POSTGRES:
        assert not ClaimSearchEntry.objects.exists()


@only_sqlite
def test_the_fts5_table_follows_inserts_updates_and_deletes(crossing, make_claim):
    other = make_claim("The trams are running.")
    entries = dict(ClaimSearchEntry.objects.values_list("claim_id", "search_text"))
    assert entries == {crossing.pk: crossing.search_text, other.pk: other.search_text}
    Claim.objects.filter(pk=other.pk).update(search_text="buses")
    assert ClaimSearchEntry.objects.get(claim_id=other.pk).search_text == "buses"


@only_sqlite
def test_missing_triggers_are_made_again_and_the_table_refilled(crossing):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS5_TABLE}_update")
        cursor.execute(f"DELETE FROM {FTS5_TABLE}")
    ensure_fts5_index()
    assert finds("crossing") == [crossing]
    crossing.statement = "The trams are running."
    crossing.save()
    assert finds("trams") == [crossing]


@needs(ON_POSTGRES, "the stored tsvector and its GIN index are PostgreSQL's (set DATABASE_URL)")
def test_postgresql_indexes_the_same_words(crossing):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document::text FROM claims_claim WHERE id = %s", [crossing.pk]
        )
        (vector,) = cursor.fetchone()
    lexemes = {lexeme.split(":")[0].strip("'") for lexeme in vector.split()}
    assert lexemes == set(crossing.search_text.split())


def test_claims_of_other_sources_stay_as_they_were(crossing, source):
    other = Source.objects.create(name="The Evening Test")
    Article.objects.create(source=other, url="https://evening.example/1", headline="Trams")
    Claim.objects.filter(pk=crossing.pk).update(search_text="stale")
    other.name = "The Morning Test"
    other.save()
    assert Claim.objects.get(pk=crossing.pk).search_text == "stale"
