"""Corrections: a publisher corrects a published verdict; the verdict stays as it was, the dated
note is shown with it, announced in the feeds and to webhooks, and never removed."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.db.models import ProtectedError
from django.db.transaction import atomic
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.models import ClaimEvent, Correction, Verdict
from tests.admin.test_admin import offered
from tests.support.data import write_verdict
from webhooks.models import Delivery, Event, Webhook

NOTE = "An earlier version said the bridge is 3 km long; it is 2 km."
ISSUED = dt.datetime(2024, 3, 4, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def corrected(watching_claim, publisher) -> Correction:
    return workflow.correct(watching_claim, by=publisher, note=NOTE, at=ISSUED)


def test_a_correction_is_added_to_the_current_verdict_which_stays_as_published(
    watching_claim, corrected
):
    verdict = watching_claim.verdicts.get()
    before = Verdict.objects.filter(pk=verdict.pk).values().get()
    assert corrected.verdict == verdict and corrected.note == NOTE
    assert corrected.issued_at == ISSUED
    assert Verdict.objects.filter(pk=verdict.pk).values().get() == before
    event = watching_claim.events.get(kind=ClaimEvent.Kind.CORRECTED)
    assert event.message == NOTE and event.kind in ClaimEvent.PUBLIC_KINDS


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_only_a_publisher_issues_corrections(request, watching_claim, who):
    with pytest.raises(
        workflow.NotAllowed, match="may not issue corrections: that is for Publishers"
    ):
        workflow.correct(watching_claim, by=request.getfixturevalue(who), note=NOTE)
    assert not Correction.objects.exists()


def test_a_correction_needs_its_note(watching_claim, publisher):
    with pytest.raises(workflow.WorkflowError, match="needs its note"):
        workflow.correct(watching_claim, by=publisher, note="   ")
    assert not Correction.objects.exists()


def test_a_claim_without_a_published_verdict_has_nothing_to_correct(make_claim, publisher):
    with pytest.raises(workflow.InvalidTransition, match="no published verdict"):
        workflow.correct(make_claim(), by=publisher, note=NOTE)
    assert not Correction.objects.exists()


def test_a_correction_is_never_deleted(corrected):
    with pytest.raises(ProtectedError), atomic():
        corrected.delete()
    assert Correction.objects.filter(pk=corrected.pk).exists()


def test_the_verdict_page_shows_the_note_and_its_date(client, watching_claim, corrected):
    response = client.get(watching_claim.get_absolute_url())
    body = response.content.decode()
    assert f'id="correction-{corrected.pk}"' in body
    assert "Correction" in body and "it is 2 km" in body
    assert "4 Mar 2024" in body  # the site language's DATE_FORMAT
    timeline = [event.kind for event in response.context["claim"].public_events]
    assert ClaimEvent.Kind.CORRECTED in timeline


def test_a_superseded_verdict_keeps_its_correction_in_the_history(
    client, watching_claim, corrected, reviewer, publisher
):
    write_verdict(watching_claim, reviewer, "fulfilled", "It opened.")
    workflow.submit(watching_claim, by=reviewer)
    workflow.publish(watching_claim, by=publisher)
    body = client.get(watching_claim.get_absolute_url()).content.decode()
    assert body.count(f'id="correction-{corrected.pk}"') == 1
    assert "It opened." in body


@pytest.mark.parametrize("url", ["/feeds/verdicts/rss/", "/feeds/verdicts/atom/"])
def test_the_feeds_announce_the_correction(client, watching_claim, publisher, url):
    corrected = workflow.correct(watching_claim, by=publisher, note=NOTE)  # after the verdict
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo
    newest = feed.entries[0]
    assert newest.title == f"Correction: {watching_claim.statement}"
    assert newest.summary == NOTE
    assert newest.link.endswith(f"#correction-{corrected.pk}")
    assert len(feed.entries) == 2  # the verdict, and its correction


def test_the_feeds_leave_out_corrections_of_retracted_claims(
    client, watching_claim, corrected, publisher
):
    workflow.retract(watching_claim, by=publisher, reason="Logged twice.")
    feed = feedparser.parse(client.get("/feeds/verdicts/rss/").content)
    assert feed.entries == []


def test_webhooks_that_asked_are_sent_the_correction(watching_claim, publisher):
    hook = Webhook.objects.create(url="https://cms.example/hook", events=[Event.VERDICT_CORRECTED])
    Webhook.objects.create(url="https://other.example/hook", events=[Event.VERDICT_PUBLISHED])
    correction = workflow.correct(watching_claim, by=publisher, note=NOTE)
    delivery = Delivery.objects.get(event=Event.VERDICT_CORRECTED)
    assert delivery.webhook == hook
    assert delivery.payload["correction"] == {
        "id": correction.pk,
        "note": NOTE,
        "issued_at": correction.issued_at.isoformat(),
    }
    assert delivery.payload["verdict"]["id"] == correction.verdict_id


def test_the_publisher_has_the_button_and_the_reviewer_has_not(
    client, watching_claim, publisher, reviewer
):
    url = reverse("admin:claims_claim_change", args=[watching_claim.pk])
    client.force_login(publisher)
    assert "correct" in offered(client, url)
    client.force_login(reviewer)
    assert "correct" not in offered(client, url)


def test_the_admin_button_issues_the_correction(client, watching_claim, publisher):
    client.force_login(publisher)
    url = reverse("admin:claims_claim_transition", args=[watching_claim.pk, "correct"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"note": NOTE})
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.issued_by == publisher
    assert timezone.now() - correction.issued_at < dt.timedelta(minutes=1)


def test_a_refused_admin_correction_says_why_and_changes_nothing(client, watching_claim, reviewer):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_transition", args=[watching_claim.pk, "correct"])
    response = client.post(url, {"note": NOTE}, follow=True)
    assert "is for Publishers; your role does not take this step" in response.content.decode()
    assert not Correction.objects.exists()
