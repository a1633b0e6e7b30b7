"""The newsroom's admin in the staff member's language, down to what Python says: the claim list's
column names and filters, the claim form's labels, help, fieldsets and choices, messages and the
webhooks' admin. Checked against a tiny catalogue of the tests' own (tests/i18n/conftest.py), so
it holds before the real catalogues translate the strings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import StaffProfile
from webhooks.models import Webhook

FRENCH = {
    "claim": "AFFIRMATION-FR",
    "status": "STATUT-FR",
    "tracking": "SUIVI-FR",
    "rating": "NOTE-FR",
    "deadline": "ÉCHÉANCE-FR",
    "draft": "BROUILLON-FR",
    "statement": "ÉNONCÉ-FR",
    "The claim to check, in the newsroom's words.": "L'ÉNONCÉ À VÉRIFIER-FR.",
    "Deadline": "BLOC ÉCHÉANCE-FR",
    "Timeline": "CHRONOLOGIE-FR",
    "evidence links": "LIENS-FR",
    "Export selected claims as CSV": "EXPORTER-FR",
    "Read from the quote when you save. Tick 'overridden' to set it yourself.": "LU-FR",
    "payload URL": "ADRESSE-FR",
    "Send a test event": "ÉVÉNEMENT DE TEST-FR",
    "Choose at least one event to send.": "CHOISISSEZ-FR",
}


@pytest.fixture
def in_french(client, editor, test_catalogue):
    """The editor, logged in, whose chosen language is French (the tests' own French)."""
    test_catalogue("fr", FRENCH)
    StaffProfile.objects.create(user=editor, language="fr")
    client.force_login(editor)
    return client


def test_the_claim_list_names_its_columns_filters_and_actions_in_the_staff_language(
    in_french, make_claim
):
    make_claim()
    page = in_french.get(reverse("admin:claims_claim_changelist")).content.decode()
    for column in ("AFFIRMATION-FR", "STATUT-FR", "SUIVI-FR", "NOTE-FR", "ÉCHÉANCE-FR"):
        assert column in page
    assert "BROUILLON-FR" in page  # the status column's choice label
    assert "LIENS-FR" in page  # the evidence links filter's title
    assert "EXPORTER-FR" in page  # an action's description


def test_the_claim_form_gives_labels_help_fieldsets_in_the_staff_language(in_french, make_claim):
    claim = make_claim()
    page = in_french.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    for shown in ("ÉNONCÉ-FR", "L'ÉNONCÉ À VÉRIFIER-FR.", "BLOC ÉCHÉANCE-FR", "CHRONOLOGIE-FR"):
        assert shown in page
    assert "The claim to check, in the newsroom" not in page


def test_another_staff_member_reads_the_same_pages_in_english(client, publisher, make_claim):
    claim = make_claim()
    client.force_login(publisher)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "The claim to check, in the newsroom's words." in page
    assert "-FR" not in page


def test_the_webhooks_admin_speaks_the_staff_language_in_its_form_and_refusal(in_french, editor):
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="webhooks"))
    add = reverse("admin:webhooks_webhook_add")
    assert "ADRESSE-FR" in in_french.get(add).content.decode()
    refused = in_french.post(add, {"url": "https://cms.example/hook", "is_active": "on"})
    assert "CHOISISSEZ-FR" in refused.content.decode()
    Webhook.objects.create(url="https://cms.example/hook", events=["claim.fell_due"])
    page = in_french.get(reverse("admin:webhooks_webhook_changelist")).content.decode()
    assert "ÉVÉNEMENT DE TEST-FR" in page
