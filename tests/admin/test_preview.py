"""The preview: the public page as it will be once the verdict in the works and the proposed
changes are approved, marked as such, never cached or indexed, for the newsroom only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Evidence
from tests.support.data import write_verdict


@pytest.fixture
def waiting(publish_claim, make_claim, reviewer, other_reviewer):
    """Published as pending; a 'false' verdict submitted; one link proposed, one proposed gone."""
    claim = publish_claim(make_claim("The bridge will reopen."), "pending")
    kept = Evidence.objects.create(
        claim=claim, url="https://e.example/old", title="Old notice", stance="context"
    )
    write_verdict(claim, reviewer, "false", "It did not reopen.")
    workflow.submit(claim, by=reviewer)
    workflow.add_evidence(
        Evidence(claim=claim, url="https://e.example/new", title="Closure order", stance="refutes"),
        by=other_reviewer,
    )
    workflow.remove_evidence(kept, by=other_reviewer)
    return claim


def preview_url(claim) -> str:
    return reverse("admin:claims_claim_preview", args=[claim.pk])


def test_the_preview_shows_the_page_once_approved_with_the_changes_marked(
    client, waiting, publisher
):
    client.force_login(publisher)
    response = client.get(preview_url(waiting))
    body = response.content.decode()
    assert "<strong>Preview</strong>" in body
    assert "It did not reopen." in body and "<mark>New verdict</mark>" in body
    assert "the page now says Pending" in body
    assert "<mark>added</mark>" in body and "Closure order" in body
    assert "<mark>removed</mark> Old notice" in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert "application/ld+json" not in body  # no ClaimReview for what is not published


def test_the_public_page_meanwhile_shows_what_is_published(client, waiting):
    body = client.get(waiting.get_absolute_url()).content.decode()
    assert "It did not reopen." not in body and "Closure order" not in body
    assert "Old notice" in body and "Preview" not in body


@pytest.mark.parametrize(
    ("role", "status"), [("reviewer", 200), ("editor", 200), ("outsider", 403)]
)
def test_only_the_newsroom_opens_a_preview(client, waiting, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(preview_url(waiting)).status_code == status


def test_anonymous_readers_are_sent_to_log_in(client, waiting):
    response = client.get(preview_url(waiting))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_publish_page_shows_the_preview_and_only_this_site_may_frame_it(
    client, waiting, publisher
):
    client.force_login(publisher)
    page = client.get(reverse("admin:claims_claim_transition", args=[waiting.pk, "publish"]))
    assert f'<iframe src="{preview_url(waiting)}"' in page.content.decode()
    framed = client.get(preview_url(waiting))
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in framed["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
