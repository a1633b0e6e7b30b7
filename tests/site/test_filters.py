"""ClaimFilter on its own, as the list and the REST API use it: every filter, the sort, the
search (the same on both databases: tests/search/), and bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from claims import workflow
from claims.filters import ClaimFilter
from claims.models import Article, Claim, Claimant, ClaimantAlias, Source, Topic
from tests.support.data import rating
from tests.support.servers import ON_POSTGRES, needs


def run(data: dict) -> list[Claim]:
    """The filter as DRF's DjangoFilterBackend runs it: data, a base queryset, no view."""
    base = Claim.objects.public().order_by("pk")
    filterset = ClaimFilter(data=data, queryset=base)
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


@pytest.fixture
def claims(make_claim, publish_claim, reviewer, publisher, article) -> dict[str, Claim]:
    mayor = Claimant.objects.create(name="Mara Quill")
    ClaimantAlias.objects.create(name="Mayor Quill", claimant=mayor)
    other_source = Source.objects.create(name="The Evening Test")
    later = Article.objects.create(
        source=other_source,
        url="https://evening.example/1",
        headline="Trams",
        published_on=dt.date(2024, 3, 1),
    )
    bridge = publish_claim(
        make_claim("The bridge will reopen within two weeks.", deadline=dt.date(2024, 1, 29))
    )
    budget = publish_claim(
        make_claim("The city budget grew by 40 percent.", claimant=mayor), "mostly-false"
    )
    trams = publish_claim(
        make_claim(
            "All new trams are running.", article=later, quote="the trams are running smoothly"
        ),
        "true",
    )
    workflow.mark_due(bridge, as_of=dt.date(2024, 2, 1))
    workflow.resolve(bridge, by=reviewer, rating=rating("not-fulfilled"), note="Still shut.")
    workflow.publish(bridge, by=publisher)
    return {"bridge": bridge, "budget": budget, "trams": trams}


def test_no_filter_gives_every_public_claim(claims, make_claim):
    make_claim("A draft.")
    assert run({}) == [claims["bridge"], claims["budget"], claims["trams"]]


def test_rating_filters_by_the_current_verdict_only(claims):
    assert run({"rating": "not-fulfilled"}) == [claims["bridge"]]
    assert run({"rating": "pending"}) == []  # the bridge was pending once, no longer


def test_tracking_filters_by_deadline_state(claims, make_claim, publish_claim):
    watching = publish_claim(make_claim("Soon.", deadline=dt.date(2099, 1, 1)))
    assert run({"tracking": "watching"}) == [watching]
    assert run({"tracking": "resolved"}) == [claims["bridge"]]


def test_has_deadline(claims):
    assert run({"has_deadline": "true"}) == [claims["bridge"]]
    assert run({"has_deadline": "false"}) == [claims["budget"], claims["trams"]]
    assert len(run({"has_deadline": "unknown"})) == 3


def test_source_and_claimant(claims):
    trams_source = claims["trams"].article.source
    assert run({"source": trams_source.pk}) == [claims["trams"]]
    assert run({"claimant": claims["budget"].claimant_id}) == [claims["budget"]]


def test_date_ranges_on_the_day_said_and_the_deadline(claims):
    assert run({"said_from": "2024-02-01"}) == [claims["trams"]]
    assert run({"said_to": "2024-01-31"}) == [claims["bridge"], claims["budget"]]
    assert run({"deadline_from": "2024-01-01", "deadline_to": "2024-01-31"}) == [claims["bridge"]]
    assert run({"deadline_to": "2023-12-31"}) == []


def test_sort_by_deadline_puts_claims_without_one_last(claims, make_claim, publish_claim):
    early = publish_claim(make_claim("Earlier.", deadline=dt.date(2024, 1, 20)))
    result = run({"sort": "deadline"})
    assert result[:2] == [early, claims["bridge"]]
    assert set(result[2:]) == {claims["budget"], claims["trams"]}


def test_sort_by_day_said_newest_first(claims):
    assert run({"sort": "said"})[0] == claims["trams"]


def test_search_finds_words_in_the_statement_or_the_quote(claims):
    assert run({"q": "budget percent"}) == [claims["budget"]]
    assert run({"q": "smoothly"}) == [claims["trams"]]
    assert run({"q": "budget trams"}) == []  # every word must match


def test_search_finds_a_claimant_by_name_or_alias(claims):
    assert run({"q": "quill"}) == [claims["budget"]]
    assert run({"q": "Mayor Quill"}) == [claims["budget"]]


def test_search_never_finds_a_draft(claims, make_claim):
    make_claim("The budget draft nobody may see.")
    assert run({"q": "budget"}) == [claims["budget"]]


def test_blank_search_filters_nothing(claims):
    assert len(run({"q": "   "})) == 3


@pytest.mark.parametrize(
    "data",
    [
        {"said_from": "yesterday"},
        {"rating": "no-such-rating"},
        {"tracking": "none"},
        {"sort": "by-whim"},
        {"claimant": "999999"},
    ],
)
def test_bad_input_is_an_error_not_a_silent_filter(claims, data):
    filterset = ClaimFilter(data=data, queryset=Claim.objects.public())
    assert not filterset.is_valid()
    assert set(filterset.errors) == set(data)


def test_only_claimants_and_sources_of_public_claims_are_offered(claims, make_claim):
    hidden = Claimant.objects.create(name="Hidden Claimant")
    outlet = Source.objects.create(name="Hidden Outlet")
    draft_article = Article.objects.create(source=outlet, headline="H", url="https://h.example/")
    make_claim(claimant=hidden, article=draft_article)
    form = ClaimFilter(data={}, queryset=Claim.objects.public()).form
    assert hidden not in form.fields["claimant"].queryset
    assert outlet not in form.fields["source"].queryset
    assert claims["budget"].claimant in form.fields["claimant"].queryset


@needs(ON_POSTGRES, "the GIN index exists on PostgreSQL only (set DATABASE_URL)")
def test_search_uses_the_gin_index_on_postgresql(claims):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Claim.objects.search("bridge reopen").explain()
    assert "claim_search_document_idx" in plan


def test_the_search_follows_an_edit(claims):
    bridge = claims["bridge"]
    bridge.statement = "The ferry will sail again"
    bridge.quote = ""
    bridge.save()
    assert run({"q": "ferries"}) == [bridge]
    assert bridge not in run({"q": "bridge"})


def test_search_matches_other_forms_of_a_word(claims):
    assert run({"q": "reopened bridges"}) == [claims["bridge"]]


def test_search_finds_a_claim_by_its_words_and_its_claimants_together(claims):
    assert run({"q": "budget Quill"}) == [claims["budget"]]
    assert run({"q": "trams Quill"}) == []


def test_search_ranks_the_best_match_first_unless_a_sort_is_chosen(
    claims, make_claim, publish_claim
):
    passing = publish_claim(make_claim("Trams pass by the old bridge and the harbour and more."))
    heavy = publish_claim(make_claim("Bridge, bridge: the bridge.", quote="the bridge"))
    for data in ({"q": "bridge"}, {"q": "bridge", "sort": "relevance"}):
        assert run_in_order(data)[0] == heavy
        assert set(run_in_order(data)) == {heavy, passing, claims["bridge"]}
    assert run_in_order({"q": "bridge", "sort": "newest"})[0] == heavy  # published last
    assert run_in_order({"q": "bridge", "sort": "oldest"})[0] == claims["bridge"]


def test_best_match_without_a_search_keeps_the_lists_order(claims):
    assert run_in_order({"sort": "relevance"}) == run_in_order({})


def run_in_order(data: dict) -> list[Claim]:
    """The filter over the list's own order (newest first), as the list runs it."""
    base = Claim.objects.public().order_by("-first_published_at", "-pk")
    filterset = ClaimFilter(data=data, queryset=base)
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def test_a_long_claimant_list_offers_only_the_chosen_one(claims, monkeypatch):
    import claims.filters as filters

    monkeypatch.setattr(filters, "MAX_CLAIMANT_OPTIONS", 0)
    chosen = claims["budget"].claimant
    options = (
        ClaimFilter({"claimant": str(chosen.pk)}, queryset=Claim.objects.public())
        .form["claimant"]
        .field.widget.choices
    )
    assert [value for value, _ in options] == ["", chosen.pk]
    assert ClaimFilter({}, queryset=Claim.objects.public()).form[
        "claimant"
    ].field.widget.choices == [("", "Anyone")]


def test_a_short_claimant_list_offers_every_public_claimant(claims):
    form = ClaimFilter({}, queryset=Claim.objects.public()).form
    offered = {value.value for value, _ in form["claimant"].field.widget.choices if value != ""}
    public = set(Claim.objects.public().values_list("claimant", flat=True)) - {None}
    assert offered == public and offered


def test_topic_filter_keeps_the_claims_on_that_topic(claims):
    borders = Topic.objects.create(name="Borders", slug="borders")
    claims["bridge"].topics.add(borders)
    assert run({"topic": "borders"}) == [claims["bridge"]]


def test_an_unknown_topic_is_a_clear_error(claims):
    filterset = ClaimFilter(data={"topic": "no-such-topic"}, queryset=Claim.objects.public())
    assert not filterset.is_valid()
    assert "topic" in filterset.errors


def test_the_deadline_states_are_offered_as_readers_read_them(client, db):
    body = client.get("/claims/").content.decode()
    states = body.split('name="tracking"')[1].split("</select>")[0]
    assert '<option value="watching">Watching</option>' in states
    assert '<option value="due">Due for re-check</option>' in states
    assert '<option value="resolved">Resolved</option>' in states
    assert 'value="none"' not in states
