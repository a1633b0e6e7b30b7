"""Accountability: every change to claims, verdicts and evidence is recorded (who, when, from what
to what) and shown in the admin; published verdicts and public claims are never deleted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.db.transaction import atomic
from django.urls import reverse

from claims import workflow
from claims.admin.history import delta
from claims.models import Claim, Evidence, Verdict
from tests.support.data import write_verdict


def changes(record) -> dict[str, tuple]:
    """What a historical record changed, field by field, against the one before it."""
    previous = record.prev_record
    if previous is None:
        return {}
    found = delta(record, previous)
    return {change.field: (change.old, change.new) for change in found.changes}


def test_an_edit_in_the_admin_is_recorded_with_its_author_and_both_values(
    client, editor, make_claim
):
    claim = make_claim(statement="The bridge will reopen in March.")
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = {
        "statement": "The bridge will reopen in April.",
        "quote": "",
        "article": claim.article_id,
        "reported_by": "",
        "reviewer": claim.reviewer_id,
        "evidence-TOTAL_FORMS": 0,
        "evidence-INITIAL_FORMS": 0,
        "verdicts-TOTAL_FORMS": 0,
        "verdicts-INITIAL_FORMS": 0,
        "verdicts-2-TOTAL_FORMS": 0,
        "verdicts-2-INITIAL_FORMS": 0,
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors

    latest = claim.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert changes(latest)["statement"] == (
        "The bridge will reopen in March.",
        "The bridge will reopen in April.",
    )


def test_workflow_changes_are_credited_to_who_made_them_even_outside_a_request(
    make_claim, reviewer, publisher
):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    workflow.publish(claim, by=publisher)

    verdict = claim.verdicts.get()
    published = verdict.history.latest()
    assert published.history_user == publisher
    assert published.history_change_reason == "published"
    assert changes(published)["status"] == ("submitted", "published")
    submitted = published.prev_record
    assert submitted.history_user == reviewer
    assert changes(submitted)["status"] == ("draft", "submitted")

    claim_record = claim.history.latest()
    assert (claim_record.history_user, changes(claim_record)["status"]) == (
        publisher,
        ("in_review", "published"),
    )


def test_a_retraction_and_an_assignment_are_recorded(watching_claim, publisher, other_reviewer):
    workflow.assign(watching_claim, reviewer=other_reviewer, by=publisher)
    workflow.retract(watching_claim, by=publisher, reason="Logged twice.")

    retracted, assigned = watching_claim.history.all()[:2]
    assert changes(assigned)["reviewer"][1] == other_reviewer
    assert retracted.history_change_reason == "retracted"
    assert changes(retracted)["retraction_reason"] == ("", "Logged twice.")


def test_the_sweep_records_its_flips_on_the_timeline_and_credits_no_editor_with_them(
    watching_claim, editor
):
    records_before = watching_claim.history.count()
    workflow.sweep(as_of=dt.date(2024, 2, 1))
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.DUE
    assert watching_claim.events.filter(kind="fell_due").count() == 1
    # The tracking state is not part of the recorded fields, so the next editor's change does not
    # show it as theirs.
    assert watching_claim.history.count() == records_before
    watching_claim._history_user = editor
    watching_claim.reported_by = "Sputnik Arabic"
    watching_claim.save()
    assert set(changes(watching_claim.history.latest())) == {"reported_by"}


def test_evidence_added_changed_and_removed_is_recorded(make_claim, reviewer):
    claim = make_claim()
    evidence = Evidence(claim=claim, url="https://e.example/a", title="First", stance="context")
    evidence._history_user = reviewer
    evidence.save()
    evidence.title = "Second"
    evidence.save()
    pk = evidence.pk
    evidence.delete()

    kinds = list(Evidence.history.filter(id=pk).order_by("history_date", "history_id"))
    assert [r.history_type for r in kinds] == ["+", "~", "-"]
    assert kinds[0].history_user == reviewer
    assert changes(kinds[1])["title"] == ("First", "Second")


@pytest.mark.parametrize("model", ["claim", "verdict", "evidence", "article"])
def test_the_admin_shows_the_history_with_what_changed(client, publisher, watching_claim, model):
    evidence = Evidence.objects.create(
        claim=watching_claim, url="https://e.example/a", title="E", stance="context"
    )
    objects = {
        "claim": watching_claim,
        "verdict": watching_claim.verdicts.get(),
        "evidence": evidence,
        "article": watching_claim.article,
    }
    client.force_login(publisher)
    url = reverse(f"admin:claims_{model}_history", args=[objects[model].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 1
    if model == "verdict":  # drafted, submitted, published: each step and what it changed
        body = response.content.decode()
        assert "published" in body and "submitted" in body
        assert "paula" in body  # the publisher who approved it
        # Values as the admin shows them elsewhere: a choice's label, not its stored value.
        assert "submitted for approval" in body and "&#x27;submitted&#x27;" not in body


def test_the_admin_never_offers_to_bring_an_old_version_back(client, publisher, watching_claim):
    verdict = watching_claim.verdicts.get()
    first = verdict.history.earliest()
    client.force_login(publisher)
    url = reverse("admin:claims_verdict_simple_history", args=[verdict.pk, first.history_id])
    assert client.get(url).status_code == 200  # an old version can be read
    response = client.post(url, {"summary": "rewritten"})
    verdict.refresh_from_db()
    assert response.status_code == 405
    assert verdict.summary == "S" and verdict.status == Verdict.Status.PUBLISHED
    assert verdict.history.count() == 3  # drafted, submitted, published: nothing since
    history = client.get(reverse("admin:claims_verdict_history", args=[verdict.pk]))
    assert history.context["revert_disabled"] is True


# --- Never erased -------------------------------------------------------------------------------


def test_a_published_verdict_cannot_be_deleted_even_by_a_queryset(watching_claim):
    watching_claim.events.all().delete()  # which protect it too; the verdict itself must
    with pytest.raises(ProtectedError, match="published and can never be deleted"), atomic():
        Verdict.objects.filter(claim=watching_claim).delete()
    assert watching_claim.verdicts.count() == 1


def test_a_public_claim_cannot_be_deleted_even_without_verdicts(make_claim):
    claim = make_claim(status=Claim.Status.PUBLISHED)
    with pytest.raises(ProtectedError, match="retracted instead"), atomic():
        Claim.objects.filter(pk=claim.pk).delete()
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_draft_claim_without_verdicts_can_still_be_deleted(make_claim):
    claim = make_claim()
    claim.delete()
    assert not Claim.objects.filter(pk=claim.pk).exists()


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create(username="root", is_staff=True, is_superuser=True)


def test_not_even_a_superuser_deletes_a_published_verdict_or_claim_in_the_admin(
    client, superuser, watching_claim
):
    client.force_login(superuser)
    verdict = watching_claim.verdicts.get()
    for name, pk in (("verdict", verdict.pk), ("claim", watching_claim.pk)):
        url = reverse(f"admin:claims_{name}_delete", args=[pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:claims_claim_changelist")
    client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [watching_claim.pk], "post": "yes"},
    )
    assert Claim.objects.filter(pk=watching_claim.pk).exists()
    assert Verdict.objects.filter(pk=verdict.pk).exists()
