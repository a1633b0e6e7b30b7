"""The first public pages: only published claims, never a draft or an unpublished verdict."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from claims import workflow

from .conftest import write_verdict


def test_list_shows_published_claims_only(client, watching_claim, make_claim, reviewer):
    draft = make_claim("A draft nobody may see.")
    in_review = make_claim("A claim in review.")
    write_verdict(in_review, reviewer, "false")
    workflow.submit(in_review, by=reviewer)
    body = client.get(reverse("claims:list")).content.decode()
    assert watching_claim.statement in body
    assert draft.statement not in body and in_review.statement not in body
    assert '<p class="count">1 claim</p>' in body


def test_draft_page_is_not_found(client, make_claim):
    draft = make_claim()
    assert client.get(reverse("claims:detail", args=[draft.pk])).status_code == 404


def test_detail_without_slug_redirects_to_the_canonical_address(client, watching_claim):
    response = client.get(reverse("claims:detail", args=[watching_claim.pk]))
    assert response.status_code == 301
    assert response["Location"] == watching_claim.get_absolute_url()


def test_detail_shows_the_published_verdict_but_not_the_one_in_the_works(
    client, watching_claim, reviewer
):
    write_verdict(watching_claim, reviewer, "fulfilled", "SECRET DRAFT SUMMARY")
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Pending" in body
    assert "SECRET DRAFT SUMMARY" not in body
    assert "29 January 2024" in body


def test_detail_shows_the_history_of_a_resolved_claim(client, watching_claim, reviewer, publisher):
    from .conftest import rating

    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    workflow.resolve(watching_claim, by=reviewer, rating=rating("not-fulfilled"), note="Closed.")
    workflow.publish(watching_claim, by=publisher)
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Pending until 29 January 2024" in body
    assert "Deadline passed" in body
    assert "Not fulfilled" in body


def test_retracted_claim_says_so_and_why(client, watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Wrong speaker.")
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert "Retracted" in body and "Wrong speaker." in body


def test_claim_text_is_escaped(client, make_claim, publish_claim):
    claim = publish_claim(make_claim("<script>alert(1)</script> will happen"), "false")
    body = client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_list_filters_by_tracking_state_and_search(
    client, watching_claim, make_claim, publish_claim
):
    other = publish_claim(make_claim("Unemployment fell to four percent."), "false")
    body = client.get(reverse("claims:list"), {"tracking": "watching"}).content.decode()
    assert watching_claim.statement in body and other.statement not in body
    body = client.get(reverse("claims:list"), {"q": "unemployment"}).content.decode()
    assert other.statement in body and watching_claim.statement not in body


def test_list_page_query_count_does_not_grow_with_claims(
    client, make_claim, publish_claim, django_assert_max_num_queries
):
    for n in range(12):
        publish_claim(make_claim(f"Claim number {n} will come true within two weeks."))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("claims:list")).status_code == 200


def test_detail_page_query_count(client, watching_claim, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(watching_claim.get_absolute_url()).status_code == 200
