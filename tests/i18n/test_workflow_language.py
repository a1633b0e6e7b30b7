"""The workflow speaks to each person in their language: a refusal in the language active when it
is raised, an e-mail in its addressee's, the timeline and the summaries of proposed changes in
the reader's (whatever language they were written in), while what is stored as text stays in the
site's. Checked against a tiny catalogue of the tests' own (tests/i18n/conftest.py), so it holds
before the real catalogues translate the strings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from claims import notifications, roles, workflow
from claims.intake import imports
from claims.models import (
    ArticleImport,
    ChangeProposal,
    ClaimEvent,
    Evidence,
    Notification,
    StaffProfile,
    Suggestion,
)
from tests.support.data import write_verdict

FRENCH = {
    "a note needs a few words.": "UNE NOTE-FR",
    "noted": "NOTÉ-FR",
    "%(user)s may not %(doing)s: that is for %(roles)s.": "%(user)s NON %(doing)s : %(roles)s",
    "publish verdicts": "PUBLIER-FR",
    "Publishers": "ÉDITEURS-FR",
    "Rated '%(rating)s': %(summary)s": "NOTÉ « %(rating)s » : %(summary)s",
    "True": "VRAI-FR",
    "Evidence added: “%(title)s” (%(url)s).": "PREUVE AJOUTÉE-FR « %(title)s »",
    "suggestion reason\x04deadline": "ÉCHÉANCE-FR",
    "Assign": "ASSIGNER-FR",
    "No article text was found on the page; paste the text instead.": "PAS DE TEXTE-FR",
}
ARABIC = {
    "Due for re-check: %(claim)s": "مستحق-AR: %(claim)s",
    "Deadline on %(deadline)s: %(claim)s": "موعد-AR %(deadline)s: %(claim)s",
}


@pytest.fixture
def translated(test_catalogue):
    test_catalogue("fr", FRENCH)
    test_catalogue("ar", ARABIC)


# --- Refusals -----------------------------------------------------------------------------------


def test_a_refusal_raised_while_french_is_active_is_french(translated, make_claim, reviewer):
    claim = make_claim()
    with translation.override("fr"), pytest.raises(workflow.WorkflowError) as refused:
        workflow.add_note(claim, by=reviewer, text="   ")
    assert str(refused.value) == "UNE NOTE-FR"
    assert not claim.notes.exists()  # and changes nothing


def test_a_role_refusal_names_the_step_and_the_roles_in_french(translated, make_claim, reviewer):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    with translation.override("fr"), pytest.raises(workflow.NotAllowed) as refused:
        workflow.publish(claim, by=reviewer)
    assert str(refused.value) == "rita NON PUBLIER-FR : ÉDITEURS-FR"
    with pytest.raises(workflow.NotAllowed, match="may not publish verdicts: that is for Publish"):
        workflow.publish(claim, by=reviewer)  # the same refusal, in the site's language


def test_role_names_are_translated_but_the_groups_keep_theirs(translated):
    with translation.override("fr"):
        assert roles.shown_name(roles.PUBLISHERS) == "ÉDITEURS-FR"
        assert roles.shown_name("Fact-check desk") == "Fact-check desk"  # one an admin added


# --- E-mails ------------------------------------------------------------------------------------


def owe(claim, kind: str = "fell_due") -> Notification:
    return Notification.objects.create(claim=claim, kind=kind, deadline=dt.date(2024, 1, 20))


def test_an_email_to_a_staff_member_who_reads_arabic_is_written_in_arabic(
    translated, make_claim, reviewer
):
    StaffProfile.objects.create(user=reviewer, language="ar")
    owe(make_claim("A promise."))
    notifications.deliver_pending()
    [email] = mail.outbox
    assert email.extra_headers["Content-Language"] == "ar"
    assert email.subject == "مستحق-AR: A promise."
    assert translation.get_language() == "en-gb"  # the sender's own language is left alone


def test_an_email_to_reviewers_of_several_languages_goes_out_once_in_each(
    translated, make_claim, reviewer, other_reviewer
):
    StaffProfile.objects.create(user=reviewer, language="ar")
    owed = owe(make_claim("A promise.", reviewer=None), kind="reminder")
    notifications.deliver_pending()
    by_language = {email.extra_headers["Content-Language"]: email for email in mail.outbox}
    assert sorted(by_language) == ["ar", "en-gb"]
    assert by_language["ar"].to == [reviewer.email]
    assert by_language["ar"].subject.startswith("موعد-AR ")
    assert by_language["en-gb"].to == [other_reviewer.email]
    assert by_language["en-gb"].subject.startswith("Deadline on 20 January 2024: ")
    ids = {email.extra_headers["Message-ID"] for email in mail.outbox}
    assert ids == {notifications.message_id(owed, "ar"), notifications.message_id(owed, "en-gb")}
    sent = Notification.objects.get(pk=owed.pk)
    assert sorted(sent.recipients) == sorted([reviewer.email, other_reviewer.email])


# --- What is stored, and how it is read ---------------------------------------------------------


def test_the_public_timeline_of_a_french_page_is_french(
    translated, client, make_claim, reviewer, publisher
):
    claim = make_claim("The bridge will reopen.")
    write_verdict(claim, reviewer, "true", summary="It reopened.")
    workflow.submit(claim, by=reviewer)
    with translation.override("fr"):  # a French-speaking publisher publishes it
        workflow.publish(claim, by=publisher)
    event = ClaimEvent.objects.get(claim=claim, kind=ClaimEvent.Kind.PUBLISHED)
    assert event.message == "Rated 'True': It reopened."  # stored in the site's language
    with translation.override("fr"):
        french = client.get(claim.get_absolute_url()).content.decode()
    assert "NOTÉ « VRAI-FR » : It reopened." in french
    english = client.get(claim.get_absolute_url()).content.decode()
    assert "Rated &#x27;True&#x27;: It reopened." in english


def test_an_entry_from_before_the_keys_reads_as_it_was_stored(make_claim):
    old = ClaimEvent.objects.create(
        claim=make_claim(), kind="created", message="Logged.", at=dt.datetime.now(dt.UTC)
    )
    with translation.override("fr"):
        assert ClaimEvent.objects.get(pk=old.pk).text == "Logged."


def test_a_proposed_changes_summary_reads_in_the_readers_language(
    translated, make_claim, publish_claim, reviewer
):
    claim = publish_claim(make_claim())
    evidence = Evidence(claim=claim, url="https://e.example/a", title="Report", stance="supports")
    with translation.override("fr"):
        proposal = workflow.add_evidence(evidence, by=reviewer)
    assert isinstance(proposal, ChangeProposal)
    assert proposal.summary == "Evidence added: “Report” (https://e.example/a)."  # stored
    with translation.override("fr"):
        assert proposal.summary_shown == "PREUVE AJOUTÉE-FR « Report »"
        assert str(proposal) == "PREUVE AJOUTÉE-FR « Report »"


def test_a_suggestions_reasons_read_in_the_readers_language(translated, article):
    suggestion = Suggestion(
        article=article, reasons="deadline, something new", statement="s", quote="q", score=1
    )
    with translation.override("fr"):
        assert suggestion.reasons_shown == "ÉCHÉANCE-FR, something new"
    assert suggestion.reasons_shown == "deadline, something new"


def test_an_imports_failure_is_kept_in_the_sites_language(translated, editor):
    queued = imports.queue_import(content="Too short.", by=editor)
    with translation.override("fr"):  # a worker in French, or an import run in a request
        imports.run_import(queued.pk)
    failed = ArticleImport.objects.get(pk=queued.pk)
    assert failed.error == "No article text was found on the page; paste the text instead."


def test_the_list_actions_of_the_transitions_are_in_the_staff_language(
    translated, client, editor, make_claim
):
    make_claim()
    StaffProfile.objects.create(user=editor, language="fr")
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "ASSIGNER-FR…" in page  # a list action asking for its inputs first, lazily composed


def test_a_history_reason_is_kept_in_the_sites_language(translated, make_claim, reviewer):
    claim = make_claim()
    with translation.override("fr"):
        workflow.add_note(claim, by=reviewer, text="Seen.")
    assert claim.notes.get().history.latest().history_change_reason == "noted"
