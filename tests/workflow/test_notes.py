"""Internal notes: staff write a few words on a claim, @mention colleagues (each e-mailed once,
through the outbox), read them on the claim's page and their desk; the public never sees one."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import notifications, workflow
from claims.models import Note, Notification

SECRET = "SECRET-NOTE: the ministry's spokesman is not answering @ron"


def test_a_note_mentions_colleagues_and_owes_each_one_email(
    watching_claim, reviewer, other_reviewer
):
    note = workflow.add_note(
        watching_claim,
        by=reviewer,
        text="@ron can you call them? cc @rita and write to a@b.example",
    )
    assert list(note.mentioned.all()) == [other_reviewer]  # not its author, not an address
    owed = Notification.objects.get(kind=Notification.Kind.MENTION)
    assert (owed.recipient, owed.note) == (other_reviewer, note)
    assert notifications.deliver_pending().done == 1
    assert notifications.deliver_pending().done == 0  # once
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ron@example.org"]
    assert "rita mentioned you" in mail.outbox[0].subject
    assert "can you call them?" in mail.outbox[0].body


def test_an_unknown_name_is_no_mention_and_an_empty_note_is_refused(watching_claim, reviewer):
    note = workflow.add_note(watching_claim, by=reviewer, text="Ask @nobody-here about it.")
    assert not note.mentioned.exists() and not Notification.objects.filter(kind="mention")
    with pytest.raises(workflow.WorkflowError, match="a few words"):
        workflow.add_note(watching_claim, by=reviewer, text="   ")
    assert Note.objects.count() == 1


def test_notes_are_kept_with_their_history(watching_claim, reviewer):
    note = workflow.add_note(watching_claim, by=reviewer, text="Called the ministry.")
    version = note.history.get()
    assert (version.history_user, version.history_change_reason) == (reviewer, "noted")


def test_the_claims_page_takes_and_lists_notes_and_the_desk_shows_mentions(
    client, watching_claim, reviewer, other_reviewer
):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[watching_claim.pk])
    form = {
        "new_note": "Waiting for the port authority, @ron.",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "verdicts-TOTAL_FORMS": "0",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    assert client.post(url, form).status_code == 302
    assert "Waiting for the port authority" in client.get(url).content.decode()
    client.force_login(other_reviewer)
    desk = client.get(reverse("admin:desk")).content.decode()
    assert "Notes mentioning me" in desk and "Waiting for the port authority" in desk


def test_a_note_never_reaches_the_public(client, watching_claim, reviewer, publisher):
    workflow.add_note(watching_claim, by=reviewer, text=SECRET)
    public = [
        watching_claim.get_absolute_url(),
        "/claims/",
        "/",
        "/deadlines/",
        "/feeds/verdicts/rss/",
        f"/api/claims/{watching_claim.pk}/",
        "/api/claims/",
    ]
    for url in public:
        assert "SECRET-NOTE" not in client.get(url).content.decode(), url
    feed = b"".join(client.get("/api/claimreview.json").streaming_content).decode()
    assert "SECRET-NOTE" not in feed
    newsroom = APIClient()
    newsroom.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=publisher).key}")
    assert "SECRET-NOTE" not in newsroom.get(f"/api/claims/{watching_claim.pk}/").content.decode()
